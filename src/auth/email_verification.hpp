// Proving that an account's owner reads mail at its address: the link mailed on registration and
// on an address change, and mailing it again on request.
#pragma once

#include <string>

#include "../../odb/token_principal.hxx"
#include "../../odb/user.hxx"
#include "../common/client_info.hpp"
#include "../db/database.hpp"
#include "auth_service.hpp"
#include "throttle.hpp"

namespace modforge
{
  class email_verification
  {
  public:
    email_verification (database&, auth_service&, throttle&);

    // Marks the address verified if the token is unused, unexpired, the newest of its account,
    // and the account's address is still the one it was mailed to; writes an email_verified
    // event and returns the account. Throws invalid_verification_token (invalid_input) otherwise,
    // counted against the client's address like a failed login (throttled too_many_attempts
    // past the limit).
    user verify (const std::string& token, const client_info&);

    // Mails a new link to the caller's address (voiding the earlier ones). Throws conflict
    // (already_verified) when the address is verified, and throttled (too_many_mail_requests)
    // past throttle.resend_per_account in a mail_window.
    void resend (const token_principal&);

  private:
    database& db_;
    auth_service& auth_;
    throttle& throttle_;
  };
}
