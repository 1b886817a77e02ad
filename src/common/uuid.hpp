// Random UUIDs (version 4): the public ids of jobs, and the raw session tokens.
#pragma once

#include <string>

namespace modforge
{
  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower case, 122 random bits from getrandom(2).
  // Throws std::runtime_error if the kernel gives no random bytes.
  std::string random_uuid ();

  // Whether `s` has exactly the shape random_uuid makes (lower case, version 4, RFC 4122
  // variant): checked before any lookup by a job id or a token.
  bool is_uuid (const std::string& s);
}
