// The form in which tokens are stored (session tokens, and the tokens that mail carries): their
// SHA-256, never the token itself.
#pragma once

#include <string>

namespace modforge
{
  // The lower-case hex SHA-256 of a token (a random_uuid, or random_hex). The throttle keys unknown
  // login names by it too, so that no name is stored.
  std::string hash_token (const std::string& token);
}
