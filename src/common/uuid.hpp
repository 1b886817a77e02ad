// Random identifiers from getrandom(2): UUIDs (version 4: the public ids of jobs, the raw session
// tokens) and hex strings (the tokens that mail carries).
#pragma once

#include <cstddef>
#include <string>

namespace modforge
{
  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower case, 122 random bits from getrandom(2).
  // Throws std::runtime_error if the kernel gives no random bytes.
  std::string random_uuid ();

  // 2 * `bytes` lower-case hex digits of random bytes. Throws as random_uuid does.
  std::string random_hex (std::size_t bytes);

  // Whether `s` has exactly the shape random_uuid makes (lower case, version 4, RFC 4122
  // variant): checked before any lookup by a job id or a token.
  bool is_uuid (const std::string& s);
}
