// Where a request came from, as recorded on sessions, tokens and security events.
#pragma once

#include <string>

namespace modforge
{
  struct client_info
  {
    std::string ip_address; // nginx's REMOTE_ADDR
    std::string user_agent; // cleaned: valid UTF-8, no control characters, at most 512 bytes
  };

  // Makes a header value safe to store in a TEXT column and to show in JSON.
  std::string clean_user_agent (const std::string& raw);
}
