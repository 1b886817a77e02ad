// UTF-8 well-formedness checks (RFC 3629).
#include "utf8.hpp"

namespace modforge
{
  std::size_t utf8_char_length (const unsigned char* p, const unsigned char* end)
  {
    unsigned char c (*p);
    std::size_t n;
    unsigned int cp;
    if (c < 0x80)
      return 1;
    else if ((c & 0xe0) == 0xc0) {n = 1; cp = c & 0x1f;}
    else if ((c & 0xf0) == 0xe0) {n = 2; cp = c & 0x0f;}
    else if ((c & 0xf8) == 0xf0) {n = 3; cp = c & 0x07;}
    else
      return 0;

    if (static_cast<std::size_t> (end - p) <= n)
      return 0;
    for (std::size_t i (1); i <= n; ++i)
    {
      if ((p[i] & 0xc0) != 0x80)
        return 0;
      cp = (cp << 6) | (p[i] & 0x3f);
    }
    static const unsigned int min_for_length[] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return 0;
    return n + 1;
  }

  bool is_valid_utf8 (const std::string& s)
  {
    const unsigned char* p (reinterpret_cast<const unsigned char*> (s.data ()));
    const unsigned char* end (p + s.size ());
    while (p != end)
    {
      std::size_t n (utf8_char_length (p, end));
      if (n == 0)
        return false;
      p += n;
    }
    return true;
  }

  std::string to_valid_utf8 (const std::string& s, std::size_t max_bytes, char replacement)
  {
    std::string r;
    const unsigned char* p (reinterpret_cast<const unsigned char*> (s.data ()));
    const unsigned char* end (p + s.size ());
    while (p != end)
    {
      std::size_t n (utf8_char_length (p, end));
      if (r.size () + (n == 0 ? 1 : n) > max_bytes)
        break;
      if (n == 0)
      {
        r.push_back (replacement);
        ++p;
      }
      else
      {
        r.append (reinterpret_cast<const char*> (p), n);
        p += n;
      }
    }
    return r;
  }
}
