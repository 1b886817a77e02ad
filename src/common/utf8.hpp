// UTF-8 well-formedness. PostgreSQL refuses invalid UTF-8 in a text column, so anything a client
// sends is checked (or cleaned) with these before it can reach the database.
#pragma once

#include <cstddef>
#include <string>

namespace modforge
{
  // The length in bytes (1-4) of the well-formed character that starts at `p`, or 0 when the
  // bytes from `p` up to `end` do not start one (stray continuation byte, truncated sequence,
  // overlong form, surrogate, or beyond U+10FFFF).
  std::size_t utf8_char_length (const unsigned char* p, const unsigned char* end);

  // Whether `s` is well-formed UTF-8.
  bool is_valid_utf8 (const std::string& s);

  // `s` with each byte that does not belong to a well-formed character replaced by `replacement`
  // (an ASCII character), cut to at most `max_bytes` without splitting a character.
  std::string to_valid_utf8 (const std::string& s, std::size_t max_bytes, char replacement);
}
