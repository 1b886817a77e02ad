// Cleaning client-supplied header values before they are stored.
#include "client_info.hpp"

#include "credentials_rules.hpp"

namespace modforge
{
  std::string clean_user_agent (const std::string& raw)
  {
    const std::size_t max_bytes = 512;
    std::string s (raw.substr (0, max_bytes));
    for (char& c: s)
      if (static_cast<unsigned char> (c) < 0x20 || c == 0x7f)
        c = '?';

    // PostgreSQL refuses invalid UTF-8 (and a cut may have split a character): drop trailing
    // bytes until it is valid, or fall back to the ASCII subset.
    for (std::size_t cut (0); cut < 4 && !s.empty (); ++cut)
    {
      if (is_valid_utf8 (s))
        return s;
      s.pop_back ();
    }
    if (is_valid_utf8 (s))
      return s;
    std::string ascii;
    for (char c: raw.substr (0, max_bytes))
      ascii.push_back (static_cast<unsigned char> (c) < 0x80 && c >= 0x20 && c != 0x7f ? c : '?');
    return ascii;
  }
}
