// Validation of usernames, emails and passwords.
#include "credentials_rules.hpp"

#include "../common/mail_address.hpp"
#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"

#include <algorithm>

namespace modforge
{
  namespace
  {
    const std::size_t bcrypt_max_bytes = 72;
  }

  domain_error username_taken ()
  {
    return domain_error (error_kind::conflict, "username_taken", "Username already exists");
  }

  domain_error email_taken ()
  {
    return domain_error (error_kind::conflict, "email_taken", "Email already exists");
  }

  std::string check_username (const std::string& u)
  {
    bool chars_ok (std::all_of (u.begin (), u.end (), [] (char c)
    {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '.' || c == '-';
    }));
    if (u.size () < 3 || u.size () > 50 || !chars_ok)
      return "username must be 3 to 50 characters of letters, digits, '_', '.' and '-'";
    return std::string ();
  }

  std::string check_email (const std::string& e)
  {
    // Mail must be able to reach it as it is, and the domain is a real one (it has a dot).
    if (!is_mail_address (e) || mail_domain (e).find ('.') == std::string::npos)
      return "email must be a valid address of at most 255 characters (letters, digits and "
             "!#$%&'*+-/=?^_`{|}~ with single dots before the @, a domain name after it)";
    return std::string ();
  }

  std::string check_password (const std::string& p, std::size_t min_length,
                              const std::string& username, const std::string& email)
  {
    if (p.size () < min_length)
      return "password must be at least " + std::to_string (min_length) + " bytes long";
    if (p.size () > bcrypt_max_bytes)
      return "password must be at most 72 bytes long (bcrypt's limit; it is never truncated)";
    if (p.find ('\0') != std::string::npos || !is_valid_utf8 (p))
      return "password must be valid UTF-8 without NUL characters";

    std::string lp (ascii_lower (p));
    if ((!username.empty () && lp == ascii_lower (username)) ||
        (!email.empty () && lp == ascii_lower (email)))
      return "password must not be the same as the username or email";
    return std::string ();
  }
}
