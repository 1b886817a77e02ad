// Making random UUIDs and hex strings, and recognising UUIDs.
#include "uuid.hpp"

#include <cerrno>
#include <stdexcept>

#include <sys/random.h>

namespace modforge
{
  namespace
  {
    const char hex_digits[] = "0123456789abcdef";

    // Fills `n` bytes from the kernel's CSPRNG.
    void random_bytes (unsigned char* out, std::size_t n)
    {
      while (n != 0)
      {
        ssize_t got (getrandom (out, n, 0));
        if (got < 0)
        {
          if (errno == EINTR)
            continue;
          throw std::runtime_error ("getrandom failed");
        }
        out += got;
        n -= static_cast<std::size_t> (got);
      }
    }
  }

  std::string random_uuid ()
  {
    unsigned char b[16];
    random_bytes (b, sizeof (b));
    b[6] = static_cast<unsigned char> ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char> ((b[8] & 0x3f) | 0x80); // RFC 4122 variant

    std::string r;
    r.reserve (36);
    for (int i (0); i != 16; ++i)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        r.push_back ('-');
      r.push_back (hex_digits[b[i] >> 4]);
      r.push_back (hex_digits[b[i] & 0x0f]);
    }
    return r;
  }

  std::string random_hex (std::size_t bytes)
  {
    std::string raw (bytes, '\0');
    random_bytes (reinterpret_cast<unsigned char*> (&raw[0]), bytes);
    std::string r;
    r.reserve (2 * bytes);
    for (char c: raw)
    {
      unsigned char b (static_cast<unsigned char> (c));
      r.push_back (hex_digits[b >> 4]);
      r.push_back (hex_digits[b & 0x0f]);
    }
    return r;
  }

  bool is_uuid (const std::string& s)
  {
    if (s.size () != 36)
      return false;
    for (std::size_t i (0); i != s.size (); ++i)
    {
      char c (s[i]);
      bool dash (i == 8 || i == 13 || i == 18 || i == 23);
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return false;
    }
    // Version 4, RFC 4122 variant: what random_uuid makes, and nothing else.
    return s[14] == '4' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
  }
}
