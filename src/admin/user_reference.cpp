// Parsing a user reference.
#include "user_reference.hpp"

#include "../common/text_rules.hpp"

namespace modforge
{
  user_reference parse_user_reference (const std::string& text)
  {
    user_reference r;
    if (text.empty ())
    {
      r.problem = "a user is a username, an email or #<id>, not an empty string";
      return r;
    }
    if (text[0] != '#')
    {
      r.login = ascii_lower (text);
      return r;
    }

    // Ids are positive 64-bit integers: at most 18 digits keeps the sum below 2^63.
    std::string digits (text.substr (1));
    bool decimal (!digits.empty () && digits.size () <= 18 && digits[0] != '0' &&
                  digits.find_first_not_of ("0123456789") == std::string::npos);
    if (!decimal)
      r.problem = "a user id is '#' followed by a positive number, not '" + text + "'";
    else
      r.id = std::stoll (digits);
    return r;
  }
}
