// UTF-8 well-formedness, and walking UTF-8 text one character at a time. PostgreSQL refuses
// invalid UTF-8 in a text column, so anything a client sends is checked (or cleaned) with these
// before it can reach the database.
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

  // Calls f (code_point) for each character of `s`; each byte that does not start a well-formed
  // character is passed as `invalid` instead.
  template <typename F>
  void for_each_code_point (const std::string& s, unsigned invalid, F f)
  {
    static const unsigned char lead_mask[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
    const unsigned char* p (reinterpret_cast<const unsigned char*> (s.data ()));
    const unsigned char* end (p + s.size ());
    while (p != end)
    {
      std::size_t n (utf8_char_length (p, end));
      if (n == 0)
      {
        f (invalid);
        ++p;
        continue;
      }
      unsigned cp (p[0] & lead_mask[n]);
      for (std::size_t i (1); i < n; ++i)
        cp = (cp << 6) | (p[i] & 0x3fu);
      f (cp);
      p += n;
    }
  }
}
