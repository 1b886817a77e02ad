// Queueing the mail of account changes.
#include "account_mail.hpp"

#include "../mail/letters.hpp"
#include "../mail/outbox.hpp"
#include "email_tokens.hpp"

namespace modforge
{
  account_mail::account_mail (const config& c): config_ (c) {}

  void account_mail::verification (const user& u) const
  {
    int lifetime (config_.security.verification_token_lifetime_seconds);
    std::string token (issue_email_token (u.id, email_token_purpose::verify, u.email, lifetime));
    queue_mail (u.id, verification_letter (u.username, u.email, token, config_.http.public_url,
                                           lifetime),
                config_.mail.from);
  }

  void account_mail::password_reset (const user& u) const
  {
    int lifetime (config_.security.reset_token_lifetime_seconds);
    std::string token (issue_email_token (u.id, email_token_purpose::reset, u.email, lifetime));
    queue_mail (u.id, reset_letter (u.username, u.email, token, config_.http.public_url, lifetime),
                config_.mail.from);
  }

  void account_mail::password_changed (const user& u) const
  {
    queue_mail (u.id, password_changed_letter (u.username, u.email, config_.http.public_url),
                config_.mail.from);
  }

  void account_mail::email_changed (const user& u, const std::string& old_address) const
  {
    queue_mail (u.id, email_changed_letter (u.username, old_address, u.email,
                                            config_.http.public_url),
                config_.mail.from);
  }
}
