// Optional stronger passwords (security.password_quality): libpwquality's dictionary
// (cracklib), character-class and similarity checks, with the system's pwquality.conf.
#pragma once

#include <string>

namespace modforge
{
  // An empty string when libpwquality accepts the password for this user, else the sentence to
  // show the client (naming "password").
  std::string check_password_quality (const std::string& password, const std::string& username,
                                      const std::string& email);
}
