// Registration, login and token authentication.
#include "auth_service.hpp"

#include "../db/references.hpp"

#include "../common/api_error.hpp"
#include "../common/clock.hpp"
#include "../db/event_store.hpp"
#include "../db/session_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"
#include "credentials_rules.hpp"
#include "token_codec.hpp"
#include "token_issuer.hpp"

namespace modforge
{
  namespace
  {
    api_error username_taken () {return api_error (409, "username_taken", "Username already exists");}
    api_error email_taken () {return api_error (409, "email_taken", "Email already exists");}

    void require (const std::string& problem)
    {
      if (!problem.empty ())
        throw validation_error (problem);
    }
  }

  auth_service::auth_service (database& db, const security_config& s, const password_hasher& h)
      : db_ (db), security_ (s), hasher_ (h) {}

  user auth_service::register_user (const std::string& username, const std::string& raw_email,
                                    const std::string& password, const client_info& client)
  {
    std::string email (ascii_lower (raw_email));
    require (check_username (username));
    require (check_email (email));
    require (check_password (password, security_.password_min_length, username, email));

    user u;
    u.username = username;
    u.username_key = ascii_lower (username);
    u.email = email;
    u.password_hash = hasher_.compute (password);
    u.created_at = u.updated_at = now_utc ();
    u.is_active = true;

    try
    {
      db_.transact ([&]
      {
        if (user_store::username_taken (u.username_key))
          throw username_taken ();
        if (user_store::email_taken (u.email))
          throw email_taken ();
        user_store::add (u);
        event_store::add (u.id, "register", client.ip_address, client.user_agent);
      });
    }
    catch (const std::exception& e)
    {
      // Two registrations raced past the checks: the unique index decided.
      if (!is_unique_violation (e))
        throw;
      bool name (false);
      db_.transact ([&] {name = user_store::username_taken (u.username_key);});
      throw name ? username_taken () : email_taken ();
    }
    return u;
  }

  login_result auth_service::login (const std::string& login, const std::string& password,
                                    bool new_session, const client_info& client)
  {
    login_result r;
    // PostgreSQL refuses NUL in text: such a login cannot name anyone, but costs the same.
    std::shared_ptr<user> u;
    if (login.find ('\0') == std::string::npos)
      db_.transact ([&] {u = user_store::find_by_login (ascii_lower (login));});

    // bcrypt runs outside any transaction: it takes a fifth of a second.
    bool known (u != nullptr && u->is_active);
    bool match (hasher_.verify (password, known ? u->password_hash : hasher_.dummy_hash ()));
    if (!known || !match)
    {
      if (u != nullptr)
        db_.transact ([&]
        {
          event_store::add (u->id, "login_failed", client.ip_address, client.user_agent);
        });
      return r;
    }

    std::string new_hash (hasher_.needs_rehash (u->password_hash)
                          ? hasher_.compute (password) : std::string ());

    db_.transact ([&]
    {
      utc_time now (now_utc ());
      std::shared_ptr<user> current (user_store::find (u->id));
      if (current == nullptr)
        return; // deleted meanwhile: stays invalid_credentials

      if (!new_hash.empty ())
      {
        current->password_hash = new_hash;
        user_store::update (*current);
      }

      std::shared_ptr<session> s (new_session ? nullptr : session_store::most_recent (u->id));
      if (s == nullptr)
      {
        s = std::make_shared<session> ();
        s->owner = user_ref (u->id);
        s->created_at = now;
      }
      s->last_used_at = now;
      if (!client.user_agent.empty ())
        s->user_agent = client.user_agent;
      if (!client.ip_address.empty ())
        s->ip_address = client.ip_address;
      if (s->id == 0)
        session_store::add (*s);
      else
        session_store::update (*s);

      r.token = issue_token (s->id, u->id, client);
      event_store::add (u->id, "login", client.ip_address, client.user_agent);
      r.account = *current;
      r.conversation = *s;
      r.outcome = login_outcome::ok;
    });
    return r;
  }

  token_principal auth_service::authenticate (const std::string& token)
  {
    if (!is_token_shaped (token))
      throw invalid_session ();

    std::string h (hash_token (token));
    std::unique_ptr<token_principal> p;
    db_.transact ([&] {p = token_store::find_principal (h);});
    if (p == nullptr || !p->user_is_active)
      throw invalid_session ();

    utc_time interval (static_cast<utc_time> (security_.last_used_write_interval_seconds) *
                       microseconds_per_second);
    if (now_utc () - p->token_last_used_at >= interval)
      touch (*p);
    return *p;
  }

  void auth_service::touch (const token_principal& p)
  {
    utc_time now (now_utc ());
    db_.transact ([&]
    {
      std::shared_ptr<session_token> t (token_store::find (p.token_id));
      if (t == nullptr)
        return; // revoked meanwhile
      t->last_used_at = now;
      token_store::update (*t);

      std::shared_ptr<session> s (session_store::find_owned (p.session_id, p.user_id));
      if (s != nullptr && s->last_used_at < now)
      {
        s->last_used_at = now;
        session_store::update (*s);
      }
    });
  }

  void auth_service::logout (const token_principal& p, const client_info& client)
  {
    db_.transact ([&]
    {
      token_store::remove_owned (p.token_id, p.user_id);
      event_store::add (p.user_id, "logout", client.ip_address, client.user_agent);
    });
  }

  void auth_service::confirm_password (std::int64_t user_id, const std::string& password)
  {
    std::shared_ptr<user> u;
    db_.transact ([&] {u = user_store::find (user_id);});
    if (!hasher_.verify (password, u != nullptr ? u->password_hash : hasher_.dummy_hash ()) ||
        u == nullptr)
      throw api_error (403, "invalid_password", "Current password is incorrect");
  }
}
