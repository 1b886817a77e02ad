// Email addresses as mail can carry them, and nothing else: "local@domain" in ASCII, the local
// part a dot-atom (letters, digits and !#$%&'*+-/=?^_`{|}~, in runs separated by single dots;
// no quoting, no comments) and the domain DNS labels (letters, digits and inner hyphens; an
// international domain in its xn-- form). What registration accepts, what the configuration's
// sender must be and what the outbox sends to, so that no address can add a header, a recipient
// or an SMTP command.
#pragma once

#include <string>

namespace modforge
{
  // At most 64 bytes before the '@' and 63 in a label (RFC 5321's limits), 255 in all; a domain
  // of one label ("localhost") is allowed here, registration also wants a dot.
  bool is_mail_address (const std::string& address);

  // What follows the '@' of a valid address.
  std::string mail_domain (const std::string& address);
}
