// Forgotten passwords: reset links and resets.
#include "password_recovery.hpp"

#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../db/email_token_store.hpp"
#include "../db/event_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"
#include "credentials_rules.hpp"
#include "email_tokens.hpp"

namespace modforge
{
  namespace
  {
    // The refusal of a reset token that is malformed, unknown, used, voided or expired.
    domain_error invalid_reset_token ()
    {
      return domain_error (error_kind::invalid_input, "invalid_reset_token",
                           "This reset link is not valid (used, expired, replaced by a newer "
                           "one, or mistyped); ask for a new one");
    }
  }

  password_recovery::password_recovery (database& db, auth_service& a, throttle& t)
      : db_ (db), auth_ (a), throttle_ (t) {}

  void password_recovery::forgot (const std::string& raw_login, const client_info& client)
  {
    std::string login (ascii_lower (raw_login));
    bool email (login.find ('@') != std::string::npos);
    if (!(email ? check_email (login) : check_username (login)).empty ())
      throw invalid_input ("email must be the account's email address or its username");

    int wait (throttle_.forgot_request (client.ip_address));
    if (wait > 0)
      throw throttled ("too_many_mail_requests",
                       "Too many password reset requests from this address", wait);

    // One transaction whether or not the account exists: the lookup and the per-account count
    // (an unknown name is counted under its digest, as for logins), then, for an account, the
    // token, the mail and the event. What the client can time is the same round trips.
    db_.transact ([&]
    {
      std::shared_ptr<user> u (user_store::find_by_login (login));
      std::string key (u != nullptr ? throttle::account_key (u->id)
                                    : throttle::unknown_name_key (login));
      bool allowed (throttle_.reset_mail_allowed (key));
      if (allowed && u != nullptr && u->is_active)
      {
        auth_.mail ().password_reset (*u);
        event_store::add (u->id, auth_event_kind::password_reset_requested, client);
      }
    });
  }

  void password_recovery::reset (const std::string& token, const std::string& password,
                                 const client_info& client)
  {
    int wait (throttle_.token_wait (client.ip_address));
    if (wait > 0)
      throw throttled ("too_many_attempts", "Too many invalid tokens from this address", wait);

    // The account first, to check the new password against its name and address; nothing
    // changes until the password has passed and been hashed (outside any transaction).
    std::shared_ptr<user> u;
    db_.transact ([&]
    {
      u.reset ();
      std::shared_ptr<email_token> t (find_usable_email_token (token, email_token_purpose::reset,
                                                               now_utc ()));
      if (t != nullptr)
        u = user_store::find (email_token_store::owner_id (*t));
      if (u != nullptr && (!u->is_active || t->email != u->email))
        u.reset ();
    });
    if (u == nullptr)
    {
      throttle_.token_failed (client.ip_address);
      throw invalid_reset_token ();
    }
    auth_.check_new_password (password, u->username, u->email);
    std::string hash (auth_.hasher ().compute (password));

    bool done (false);
    db_.transact ([&]
    {
      done = false;
      utc_time now (now_utc ());
      // Again, locked: a second reset with the same token, or a change of the address, may
      // have come in between.
      std::shared_ptr<email_token> t (find_usable_email_token (token, email_token_purpose::reset,
                                                               now));
      std::shared_ptr<user> current (t != nullptr ? user_store::find_locked (u->id) : nullptr);
      if (current == nullptr || !current->is_active || t->email != current->email ||
          email_token_store::owner_id (*t) != u->id)
        return;
      current->password_hash = hash;
      current->email_verified = true;
      current->updated_at = now;
      user_store::update (*current);
      t->used_at = now;
      email_token_store::update (*t);
      token_store::remove_all_but (current->id, 0);
      event_store::add (current->id, auth_event_kind::password_reset, client);
      auth_.mail ().password_changed (*current);
      done = true;
    });
    if (!done)
      throw invalid_reset_token ();
    // The owner may log in at once, even if someone was guessing at the account.
    throttle_.password_reset (u->id);
  }
}
