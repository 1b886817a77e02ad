// The form in which session tokens are stored: their SHA-256, never the token itself.
#pragma once

#include <string>

namespace modforge
{
  // The lower-case hex SHA-256 of a token (a token is a random_uuid). The throttle keys unknown
  // login names by it too, so that no name is stored.
  std::string hash_token (const std::string& token);
}
