// Registration, login and token authentication.
#include "auth_service.hpp"

#include "../db/references.hpp"

#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/log.hpp"
#include "../common/text_rules.hpp"
#include "../common/uuid.hpp"
#include "../db/event_store.hpp"
#include "../db/session_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"
#include "caller_transaction.hpp"
#include "credentials_rules.hpp"
#include "password_quality.hpp"
#include "token_hash.hpp"
#include "token_issuer.hpp"
#include "user_quotas.hpp"

namespace modforge
{
  namespace
  {
    void require (const std::string& problem)
    {
      if (!problem.empty ())
        throw invalid_input (problem);
    }

    domain_error too_many_conflicts (int wait)
    {
      return throttled ("too_many_conflicts",
                        "Too many requests for a username or email that is taken, from this "
                        "address", wait);
    }

    // The security event of a failed or throttled login, for an account looked up before the
    // password was checked. An account deleted since has no log left to write to.
    void log_login_event (database& db, std::int64_t user_id, auth_event_kind kind,
                          const client_info& client)
    {
      try
      {
        db.transact ([&] {event_store::add (user_id, kind, client);});
      }
      catch (const std::exception& e)
      {
        if (!is_foreign_key_violation (e))
          throw;
      }
    }
  }

  namespace
  {
    // Inside the login's transaction: the session it signs into, used now. The user's most
    // recently used one, unless `new_session` is asked for or none is left (a session deleted
    // by a concurrent request after it was read is left too); else a new one.
    session login_session (std::int64_t user_id, bool new_session, utc_time now,
                           const client_info& client, int max_sessions)
    {
      std::shared_ptr<session> s (new_session ? nullptr : session_store::most_recent (user_id));
      if (s != nullptr)
      {
        s->last_used_at = now;
        record_client (*s, client);
        if (session_store::update (*s))
          return *s;
      }
      make_room_for_session (user_id, max_sessions);
      session n;
      n.owner = user_ref (user_id);
      n.created_at = n.last_used_at = now;
      record_client (n, client);
      session_store::add (n);
      return n;
    }
  }

  auth_service::auth_service (database& db, const security_config& s, const quotas_config& q,
                              const password_hasher& h, throttle& t, const account_mail& m)
      : db_ (db), security_ (s), quotas_ (q), hasher_ (h), throttle_ (t), mail_ (m) {}

  void auth_service::check_new_password (const std::string& password,
                                         const std::string& username,
                                         const std::string& email) const
  {
    require (check_password (password, security_.password_min_length, username, email));
    if (security_.password_quality)
      require (check_password_quality (password, username, email));
  }

  void auth_service::check_may_ask_for_names (const client_info& client)
  {
    int wait (throttle_.conflict_wait (client.ip_address));
    if (wait > 0)
      throw too_many_conflicts (wait);
  }

  void auth_service::refuse_taken (const domain_error& taken, const client_info& client)
  {
    int wait (throttle_.count_conflict (client.ip_address));
    if (wait > 0)
      throw too_many_conflicts (wait);
    throw taken;
  }

  user auth_service::register_user (const std::string& username, const std::string& raw_email,
                                    const std::string& password, const client_info& client)
  {
    std::string email (ascii_lower (raw_email));
    require (check_username (username));
    require (check_email (email));
    check_new_password (password, username, email);

    check_may_ask_for_names (client);
    int wait (throttle_.count_registration (client.ip_address));
    if (wait > 0)
      throw throttled ("too_many_registrations", "Too many registrations from this address", wait);

    user u;
    try
    {
      u = add_user (username, email, password, client);
    }
    catch (...)
    {
      // Counted before the account was made: a registration that made none gives it back.
      throttle_.registration_failed (client.ip_address);
      throw;
    }
    return u;
  }

  user auth_service::add_user (const std::string& username, const std::string& email,
                               const std::string& password, const client_info& client)
  {
    user u;
    u.username = username;
    u.username_key = ascii_lower (username);
    u.email = email;
    u.password_hash = hasher_.compute (password);
    u.created_at = u.updated_at = now_utc ();
    u.is_active = true;
    u.email_verified = false;

    bool name (false), address (false);
    try
    {
      db_.transact ([&]
      {
        name = user_store::username_taken (u.username_key);
        address = !name && user_store::email_taken (u.email);
        if (name || address)
          return;
        user_store::add (u);
        event_store::add (u.id, auth_event_kind::registered, client);
        mail_.verification (u);
      });
    }
    catch (const std::exception& e)
    {
      // Two registrations raced past the checks: the unique index decided.
      if (!is_unique_violation (e))
        throw;
      db_.transact ([&] {name = user_store::username_taken (u.username_key);});
      address = !name;
    }
    if (name || address)
      refuse_taken (name ? username_taken () : email_taken (), client);
    return u;
  }

  void auth_service::log_refusal (const password_check& c, std::int64_t user_id,
                                  const client_info& client)
  {
    // A warning: handled, but operators watch for these (fail2ban and the like); the name is
    // never logged.
    log_warning ("password check throttled for " + std::to_string (c.retry_after_seconds) +
                 " s: " + (user_id != 0 ? throttle::account_key (user_id)
                                        : std::string ("an unknown name")) +
                 " from " + client.ip_address);
    if (user_id != 0 && c.first_refusal)
      log_login_event (db_, user_id, auth_event_kind::login_throttled, client);
  }

  login_result auth_service::login (const std::string& login, const std::string& password,
                                    bool new_session, const client_info& client)
  {
    login_result r;
    // PostgreSQL refuses NUL in text: such a login cannot name anyone, but costs the same.
    std::shared_ptr<user> u;
    if (login.find ('\0') == std::string::npos)
      db_.transact ([&] {u = user_store::find_by_login (ascii_lower (login));});

    // Counted before bcrypt, in one statement: parallel guesses cannot pass a limit, and a
    // refusal says nothing about the password.
    std::int64_t user_id (u != nullptr ? u->id : 0);
    std::string account (u != nullptr ? throttle::account_key (u->id)
                                      : throttle::unknown_name_key (ascii_lower (login)));
    password_check check (throttle_.check_password (account, user_id, client.ip_address));
    if (!check.allowed)
    {
      log_refusal (check, user_id, client);
      r.outcome = login_outcome::throttled;
      r.retry_after_seconds = check.retry_after_seconds;
      return r;
    }

    // bcrypt runs outside any transaction: it takes a fifth of a second.
    bool known (u != nullptr && u->is_active);
    bool match (hasher_.verify (password, known ? u->password_hash : hasher_.dummy_hash ()));
    if (!known || !match)
    {
      if (u != nullptr)
        log_login_event (db_, u->id, auth_event_kind::login_failed, client);
      return r;
    }
    throttle_.password_right (check, u->id, true);

    std::string new_hash (hasher_.needs_rehash (u->password_hash)
                          ? hasher_.compute (password) : std::string ());

    db_.transact ([&]
    {
      utc_time now (now_utc ());
      // Locked, so that re-hashing cannot undo an operator's disable-user in between; the lock
      // also serialises the user's session and token quotas.
      std::shared_ptr<user> current (user_store::find_locked (u->id));
      if (current == nullptr || !current->is_active)
        return; // deleted or disabled meanwhile: stays invalid_credentials

      if (!new_hash.empty ())
      {
        current->password_hash = new_hash;
        user_store::update (*current);
      }

      r.conversation = login_session (u->id, new_session, now, client, quotas_.sessions);
      r.token = issue_token (r.conversation.id, u->id, client, quotas_.tokens, 0);
      event_store::add (u->id, auth_event_kind::login, client);
      r.account = *current;
      r.outcome = login_outcome::ok;
    });
    return r;
  }

  token_principal auth_service::authenticate (const std::string& token)
  {
    if (!is_uuid (token))
      throw invalid_session ();

    std::string h (hash_token (token));
    token_principal p;
    bool found (false);
    db_.read_one ([&] {found = token_store::find_principal (h, p);});
    if (!found || !p.user_is_active)
      throw invalid_session ();

    // Optional lifetimes (off by default): an expired token is deleted and refused.
    utc_time now (now_utc ());
    bool too_old (security_.token_max_age_seconds != 0 &&
                  now - p.token_created_at >
                    security_.token_max_age_seconds * microseconds_per_second);
    bool idle (security_.token_idle_timeout_seconds != 0 &&
               now - p.token_last_used_at >
                 security_.token_idle_timeout_seconds * microseconds_per_second);
    if (too_old || idle)
    {
      db_.transact ([&] {token_store::remove_owned (p.token_id, p.user_id);});
      throw invalid_session ();
    }

    utc_time interval (static_cast<utc_time> (security_.last_used_write_interval_seconds) *
                       microseconds_per_second);
    if (now - p.token_last_used_at >= interval)
      touch (p);
    return p;
  }

  void auth_service::touch (const token_principal& p)
  {
    utc_time now (now_utc ());
    db_.transact ([&]
    {
      // A token revoked, or a session deleted, since it was read is left as it is.
      std::shared_ptr<session_token> t (token_store::find (p.token_id));
      if (t == nullptr)
        return;
      t->last_used_at = now;
      if (!token_store::update (*t))
        return;

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
    transact_for_caller (db_, [&]
    {
      token_store::remove_owned (p.token_id, p.user_id);
      event_store::add (p.user_id, auth_event_kind::logout, client);
    });
  }

  void auth_service::confirm_password (std::int64_t user_id, const std::string& password,
                                       const client_info& client)
  {
    password_check check (throttle_.check_password (throttle::account_key (user_id), user_id,
                                                    client.ip_address));
    if (!check.allowed)
    {
      log_refusal (check, user_id, client);
      throw throttled ("too_many_attempts", "Too many failed password checks",
                       check.retry_after_seconds);
    }
    std::shared_ptr<user> u;
    db_.transact ([&] {u = user_store::find (user_id);});
    if (!hasher_.verify (password, u != nullptr ? u->password_hash : hasher_.dummy_hash ()) ||
        u == nullptr)
    {
      log_login_event (db_, user_id, auth_event_kind::password_check_failed, client);
      throw domain_error (error_kind::forbidden, "invalid_password",
                          "Current password is incorrect");
    }
    throttle_.password_right (check, user_id, false);
  }
}
