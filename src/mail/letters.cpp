// The texts of the service's mail.
#include "letters.hpp"

namespace modforge
{
  namespace
  {
    std::string plural (int n, const char* unit)
    {
      return std::to_string (n) + " " + unit + (n == 1 ? "" : "s");
    }
  }

  std::string describe_duration (int s)
  {
    if (s % 86400 == 0)
      return plural (s / 86400, "day");
    if (s % 3600 == 0)
      return plural (s / 3600, "hour");
    if (s % 60 == 0)
      return plural (s / 60, "minute");
    return plural (s, "second");
  }

  letter verification_letter (const std::string& username, const std::string& address,
                              const std::string& token, const std::string& public_url,
                              int lifetime_seconds)
  {
    return letter {address, "Confirm your email address for modforge",
      "Hello " + username + ",\n"
      "\n"
      "please confirm that " + address + " is the email address of your modforge\n"
      "account by opening this link:\n"
      "\n"
      + public_url + "/#verify=" + token + "\n"
      "\n"
      "Or send this code to the API (POST /api/auth/email/verify, {\"token\": ...}):\n"
      "\n"
      + token + "\n"
      "\n"
      "The link works once, for " + describe_duration (lifetime_seconds) + ". If you did not "
      "create a modforge\n"
      "account or give it this address, ignore this mail.\n"};
  }

  letter reset_letter (const std::string& username, const std::string& address,
                       const std::string& token, const std::string& public_url,
                       int lifetime_seconds)
  {
    return letter {address, "Reset your modforge password",
      "Hello " + username + ",\n"
      "\n"
      "someone, hopefully you, asked to reset the password of your modforge account.\n"
      "To choose a new password, open this link:\n"
      "\n"
      + public_url + "/#reset=" + token + "\n"
      "\n"
      "Or send this code to the API with your new password (POST\n"
      "/api/auth/password/reset, {\"token\": ..., \"password\": ...}):\n"
      "\n"
      + token + "\n"
      "\n"
      "The link works once, for " + describe_duration (lifetime_seconds) + "; a newer request "
      "makes it stop\n"
      "working. If you did not ask, ignore this mail: your password stays as it is.\n"};
  }

  letter password_changed_letter (const std::string& username, const std::string& address,
                                  const std::string& public_url)
  {
    return letter {address, "Your modforge password was changed",
      "Hello " + username + ",\n"
      "\n"
      "the password of your modforge account was changed, and the browsers and\n"
      "programs that were logged in to it with the old password were logged out.\n"
      "\n"
      "If this was not you, reset your password at once (\"Forgot password?\" on the login\n"
      "page) and look at the security log of your account.\n"
      "\n"
      + public_url + "/\n"};
  }

  letter email_changed_letter (const std::string& username, const std::string& old_address,
                               const std::string& new_address, const std::string& public_url)
  {
    return letter {old_address, "Your modforge email address was changed",
      "Hello " + username + ",\n"
      "\n"
      "the email address of your modforge account was changed from\n"
      + old_address + " to " + new_address + ".\n"
      "Mail about the account, password resets too, now goes to the new address only.\n"
      "\n"
      "If this was not you, someone who knows your password has changed it: ask the\n"
      "people who run this site for help, and tell them the account's name.\n"
      "\n"
      + public_url + "/\n"};
  }
}
