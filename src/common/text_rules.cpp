// Trimming, counting characters and finding control characters.
#include "text_rules.hpp"

#include <cstring>

#include "utf8.hpp"

namespace modforge
{
  std::string trim (const std::string& s, const char* chars)
  {
    std::size_t b (s.find_first_not_of (chars));
    if (b == std::string::npos)
      return std::string ();
    return s.substr (b, s.find_last_not_of (chars) - b + 1);
  }

  std::string ascii_lower (std::string s)
  {
    for (char& c: s)
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char> (c - 'A' + 'a');
    return s;
  }

  std::size_t count_code_points (const std::string& s)
  {
    std::size_t n (0);
    for (char c: s)
      if ((static_cast<unsigned char> (c) & 0xc0) != 0x80)
        ++n;
    return n;
  }

  bool is_ascii_control (unsigned code_point)
  {
    return code_point < 0x20 || code_point == 0x7f;
  }

  bool has_ascii_control (const std::string& s, const char* allowed)
  {
    for (char c: s)
      if (is_ascii_control (static_cast<unsigned char> (c)) &&
          (c == '\0' || std::strchr (allowed, c) == nullptr))
        return true;
    return false;
  }

  bool is_control_code_point (unsigned code_point)
  {
    return is_ascii_control (code_point) || (code_point >= 0x80 && code_point < 0xa0);
  }

  bool has_control_code_point (const std::string& s)
  {
    bool control (false);
    for_each_code_point (s, 0, [&] (unsigned cp)
    {
      control = control || is_control_code_point (cp);
    });
    return control;
  }
}
