// One delivery attempt to the configured relay over SMTP, through libcurl: STARTTLS as
// configured, a login when a username is set, MAIL FROM, RCPT TO, DATA. libcurl escapes the
// dots that begin lines. curl_global_init must have run before the first one (the worker's main
// does it, before any thread starts).
#pragma once

#include <string>

#include "../common/config.hpp"

namespace modforge
{
  struct smtp_outcome
  {
    bool delivered = false;   // the relay answered 250 to the end of DATA
    std::string error;        // otherwise: the relay's last reply, or what failed on the way
  };

  class smtp_client
  {
  public:
    explicit smtp_client (const mail_config&);

    // Sends `message` (format_message's text) from mail.from to `recipient`. Never throws for a
    // failure of the relay or the network: that is the outcome. At most mail.timeout seconds.
    smtp_outcome send (const std::string& recipient, const std::string& message) const;

  private:
    const mail_config& config_;
  };
}
