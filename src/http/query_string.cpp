// Query string parsing.
#include "query_string.hpp"

#include <utility>

#include "../common/domain_error.hpp"

namespace modforge
{
  namespace
  {
    int hex_value (char c)
    {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    }
  }

  std::string percent_decode (const std::string& s, bool plus_is_space)
  {
    std::string r;
    r.reserve (s.size ());
    for (std::size_t i (0); i < s.size (); ++i)
    {
      char c (s[i]);
      if (c == '%')
      {
        int hi (i + 2 < s.size () ? hex_value (s[i + 1]) : -1);
        int lo (hi >= 0 ? hex_value (s[i + 2]) : -1);
        if (lo < 0)
          throw invalid_input ("malformed percent escape in the URL");
        r.push_back (static_cast<char> (hi * 16 + lo));
        i += 2;
      }
      else
        r.push_back (plus_is_space && c == '+' ? ' ' : c);
    }
    return r;
  }

  std::vector<std::pair<std::string, std::string>> query_pairs (const std::string& query)
  {
    std::vector<std::pair<std::string, std::string>> r;
    std::size_t start (0);
    while (start <= query.size ())
    {
      std::size_t amp (query.find ('&', start));
      std::string pair (query.substr (start, amp - start));
      if (!pair.empty ())
      {
        std::size_t eq (pair.find ('='));
        r.emplace_back (percent_decode (pair.substr (0, eq), true),
                        eq == std::string::npos ? std::string ()
                                                : percent_decode (pair.substr (eq + 1), true));
      }
      if (amp == std::string::npos)
        break;
      start = amp + 1;
    }
    return r;
  }

  std::map<std::string, std::string> parse_query_string (const std::string& query)
  {
    std::map<std::string, std::string> r;
    for (auto& p: query_pairs (query))
      r[p.first] = std::move (p.second);
    return r;
  }
}
