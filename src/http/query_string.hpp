// Reading the query string of a URL ("limit=10&offset=20").
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace modforge
{
  // Splits on '&' and '=', percent-decodes names and values ('+' is a space). A malformed
  // percent escape throws an invalid_input domain_error. A name given twice keeps its last value.
  std::map<std::string, std::string> parse_query_string (const std::string& query);

  // The same pairs in their order, a name given twice included (so callers can refuse that).
  std::vector<std::pair<std::string, std::string>> query_pairs (const std::string& query);

  std::string percent_decode (const std::string&, bool plus_is_space);
}
