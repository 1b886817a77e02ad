// Fuzzes parse_query_string: a malformed escape is a 400, and whatever it parses comes back the
// same from a query that percent-encodes every byte of it.
#include <cstdint>
#include <map>
#include <string>

#include "../../src/http/query_string.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  std::string encode_every_byte (const std::string& s)
  {
    static const char hex[] = "0123456789ABCDEF";
    std::string r;
    for (unsigned char c: s)
      r += {'%', hex[c >> 4], hex[c & 15]};
    return r;
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string query (modforge_fuzz::input (data, size));
  std::map<std::string, std::string> parsed;
  try
  {
    parsed = parse_query_string (query);
  }
  catch (const domain_error& e)
  {
    expect (e.kind == error_kind::invalid_input && e.code == "validation_error",
            "a bad escape is invalid input");
    modforge_fuzz::expect_client_error (e);
    return 0;
  }

  std::string again;
  for (const auto& p: parsed)
    again += (again.empty () ? "" : "&") + encode_every_byte (p.first) + "=" +
             encode_every_byte (p.second);
  expect (parse_query_string (again) == parsed, "parsing round-trips through percent-encoding");
  return 0;
}
