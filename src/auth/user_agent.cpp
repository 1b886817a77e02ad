// Cleaning the User-Agent header before it is stored.
#include "user_agent.hpp"

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"

namespace modforge
{
  std::string clean_user_agent (const std::string& raw)
  {
    // PostgreSQL refuses invalid UTF-8, and control characters have no business in a log line:
    // each stray byte or control character becomes '?', and the cut never splits a character.
    std::string s (to_valid_utf8 (raw, 512, '?'));
    for (char& c: s)
      if (is_ascii_control (static_cast<unsigned char> (c)))
        c = '?';
    return s;
  }
}
