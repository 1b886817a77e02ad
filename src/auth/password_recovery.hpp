// Recovering an account whose password is forgotten: a reset link mailed to the account's address
// (the same answer, after the same database work, whether or not the account exists), and
// setting a new password with that link's token.
#pragma once

#include <string>

#include "../common/client_info.hpp"
#include "../db/database.hpp"
#include "auth_service.hpp"
#include "throttle.hpp"

namespace modforge
{
  class password_recovery
  {
  public:
    password_recovery (database&, auth_service&, throttle&);

    // `login` is an email or a username. Mails a reset link when it names an enabled account
    // that has had fewer than throttle.forgot_per_account of them this mail_window; otherwise
    // nothing, and the caller cannot tell. Throws invalid_input for a login of neither shape, and
    // throttled (too_many_mail_requests) past throttle.forgot_per_address requests from the
    // client's address.
    void forgot (const std::string& login, const client_info&);

    // Sets the password of the account the reset token was mailed for, if the token is unused,
    // unexpired, the newest of its account, and the account's address is still the one it was
    // mailed to: every token of the account is revoked, the address counts as verified (the
    // link proved it), a password_reset event is written and a notice mailed. Throws
    // invalid_reset_token (invalid_input) otherwise, counted against the client's address like a
    // failed login (throttled too_many_attempts past the limit); invalid_input for a password
    // against the rules (the token stays usable).
    void reset (const std::string& token, const std::string& password, const client_info&);

  private:
    database& db_;
    auth_service& auth_;
    throttle& throttle_;
  };
}
