// The words of every mail the service sends: whom to, the subject and the plain-text body. A
// mail that carries a token gives it as a link (in the URL's fragment, which browsers never send
// to a server, so the token reaches no access log and no Referer) and alone on a line of its own,
// for people who use the API with curl.
#pragma once

#include <string>

namespace modforge
{
  struct letter
  {
    std::string to;
    std::string subject;
    std::string body;      // "\n" line ends
  };

  // `public_url` is the site's address without a trailing slash; lifetimes are in seconds.
  letter verification_letter (const std::string& username, const std::string& address,
                              const std::string& token, const std::string& public_url,
                              int lifetime_seconds);
  letter reset_letter (const std::string& username, const std::string& address,
                       const std::string& token, const std::string& public_url,
                       int lifetime_seconds);

  // Notices to the account's address: the password was changed or reset (every login ended),
  // and, to the old address, that the address was changed.
  letter password_changed_letter (const std::string& username, const std::string& address,
                                  const std::string& public_url);
  letter email_changed_letter (const std::string& username, const std::string& old_address,
                               const std::string& new_address, const std::string& public_url);

  // "30 minutes", "7 days", "1 hour", "90 seconds": a lifetime as a mail states it.
  std::string describe_duration (int seconds);
}
