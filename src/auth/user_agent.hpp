// The User-Agent header as modforge keeps it (on sessions, tokens and security events).
#pragma once

#include <string>

namespace modforge
{
  // Makes a header value safe to store in a TEXT column and to show in JSON: valid UTF-8, no
  // control characters (each becomes '?'), at most 512 bytes.
  std::string clean_user_agent (const std::string& raw);
}
