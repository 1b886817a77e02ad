// Issuing a new token bound to a session: login, a new session and resume all do this.
#pragma once

#include <cstdint>
#include <string>

#include "../common/client_info.hpp"

namespace modforge
{
  // Inside a transaction: stores the hash of a fresh token for the session. Returns the raw
  // token, which exists nowhere else afterwards.
  std::string issue_token (std::int64_t session_id, std::int64_t user_id, const client_info&);
}
