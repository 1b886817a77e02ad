// Issuing a new token bound to a session: login, a new session and resume all do this.
#pragma once

#include <cstdint>
#include <string>

#include "../common/client_info.hpp"

namespace modforge
{
  // Inside a transaction: stores the hash of a fresh token for the session, after revoking the
  // user's least recently used tokens beyond `max_tokens` - 1 (make_room_for_token; the token
  // `caller_token` of the request, 0 for a login, last of all). Returns the raw token, which
  // exists nowhere else afterwards.
  std::string issue_token (std::int64_t session_id, std::int64_t user_id, const client_info&,
                           int max_tokens, std::int64_t caller_token);
}
