// Walking UTF-8 text one character (code point) at a time.
#pragma once

#include <string>

#include "../common/utf8.hpp"

namespace modforge
{
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
