// The rules for usernames, emails and passwords. Each check returns an empty string when the
// value is acceptable, or the sentence to show the client.
#pragma once

#include <cstddef>
#include <string>

#include "../common/domain_error.hpp"

namespace modforge
{
  // 3-50 of [A-Za-z0-9_.-].
  std::string check_username (const std::string&);

  // An address mail can carry (is_mail_address: at most 255 bytes, a dot-atom before the '@',
  // DNS labels after it) whose domain has a dot. Compare and store it lower case (ascii_lower).
  std::string check_email (const std::string&);

  // min_length..72 bytes of valid UTF-8 without NUL, equal to neither the username nor the email
  // (compared without regard to case).
  std::string check_password (const std::string& password, std::size_t min_length,
                              const std::string& username, const std::string& email);

  // The conflicts of a username or an email that another account has.
  domain_error username_taken ();
  domain_error email_taken ();
}
