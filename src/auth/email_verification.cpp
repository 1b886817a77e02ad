// Verification links: using one, and asking for another.
#include "email_verification.hpp"

#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../db/email_token_store.hpp"
#include "../db/event_store.hpp"
#include "../db/user_store.hpp"
#include "caller_transaction.hpp"
#include "email_tokens.hpp"

namespace modforge
{
  namespace
  {
    domain_error already_verified ()
    {
      return domain_error (error_kind::conflict, "already_verified",
                           "This email address is already verified");
    }
  }

  email_verification::email_verification (database& db, auth_service& a, throttle& t)
      : db_ (db), auth_ (a), throttle_ (t) {}

  user email_verification::verify (const std::string& token, const client_info& client)
  {
    int wait (throttle_.token_wait (client.ip_address));
    if (wait > 0)
      throw throttled ("too_many_attempts", "Too many invalid tokens from this address", wait);

    bool valid (false);
    user result;
    db_.transact ([&]
    {
      valid = false;
      utc_time now (now_utc ());
      std::shared_ptr<email_token> t (
        find_usable_email_token (token, email_token_purpose::verify, now));
      std::shared_ptr<user> u (
        t != nullptr ? user_store::find_locked (email_token_store::owner_id (*t)) : nullptr);
      // An address changed since the mail went out: the link proves nothing about the new one.
      if (u == nullptr || !u->is_active || t->email != u->email)
        return;
      u->email_verified = true;
      u->updated_at = now;
      user_store::update (*u);
      t->used_at = now;
      email_token_store::update (*t);
      event_store::add (u->id, auth_event_kind::email_verified, client);
      result = *u;
      valid = true;
    });
    if (!valid)
    {
      throttle_.token_failed (client.ip_address);
      throw domain_error (error_kind::invalid_input, "invalid_verification_token",
                          "This verification link is not valid (used, expired, replaced by a "
                          "newer one, for an address the account no longer has, or mistyped)");
    }
    return result;
  }

  void email_verification::resend (const token_principal& p)
  {
    if (p.user_email_verified)
      throw already_verified ();
    int wait (throttle_.resend_request (p.user_id));
    if (wait > 0)
      throw throttled ("too_many_mail_requests", "Too many verification mails asked for", wait);
    transact_for_caller (db_, [&]
    {
      std::shared_ptr<user> u (user_store::find_locked (p.user_id));
      if (u == nullptr)
        throw invalid_session ();
      if (u->email_verified)
        throw already_verified ();
      auth_.mail ().verification (*u);
    });
  }
}
