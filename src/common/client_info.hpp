// Where a request came from, as recorded on sessions, tokens and security events.
#pragma once

#include <string>

namespace modforge
{
  struct client_info
  {
    std::string ip_address; // nginx's REMOTE_ADDR (or X-Forwarded-For from a trusted proxy)
    std::string user_agent; // cleaned: valid UTF-8, no control characters, at most 512 bytes
  };

  // Records the client on a row with nullable ip_address and user_agent columns. Each is written
  // only when the request had one: an empty value is never stored, and never replaces one
  // stored before.
  template <typename Row>
  void record_client (Row& row, const client_info& c)
  {
    if (!c.ip_address.empty ())
      row.ip_address = c.ip_address;
    if (!c.user_agent.empty ())
      row.user_agent = c.user_agent;
  }
}
