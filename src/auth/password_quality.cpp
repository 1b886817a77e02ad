// libpwquality.
#include "password_quality.hpp"

#include <pwquality.h>

namespace modforge
{
  std::string check_password_quality (const std::string& password, const std::string& username,
                                      const std::string& email)
  {
    pwquality_settings_t* s (pwquality_default_settings ());
    if (s == nullptr)
      return "password could not be checked; try again";
    // The system's /etc/security/pwquality.conf, if any; its absence is not an error.
    pwquality_read_config (s, nullptr, nullptr);
    void* aux (nullptr);
    int score (pwquality_check (s, password.c_str (), nullptr, username.c_str (), &aux));
    std::string problem;
    if (score < 0)
    {
      char buf[PWQ_MAX_ERROR_MESSAGE_LEN];
      // Also frees `aux`.
      problem = std::string ("password is too weak: ") +
                pwquality_strerror (buf, sizeof buf, score, aux);
    }
    else
    {
      // libpwquality compares with the user name only; the email's local part counts too.
      std::string local (email.substr (0, email.find ('@')));
      if (local.size () >= 3 &&
          pwquality_check (s, password.c_str (), nullptr, local.c_str (), nullptr) < 0)
        problem = "password is too weak: it is based on the email address";
    }
    pwquality_free_settings (s);
    return problem;
  }
}
