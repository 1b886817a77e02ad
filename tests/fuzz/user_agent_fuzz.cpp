// Fuzzes clean_user_agent, which makes a client's header safe for a TEXT column and a JSON view.
#include <cstdint>
#include <string>

#include "../../src/auth/user_agent.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  bool has_no_control (const std::string& s)
  {
    for (char c: s)
      if (static_cast<unsigned char> (c) < 0x20 || c == 0x7f)
        return false;
    return true;
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string raw (modforge_fuzz::input (data, size));
  const std::string clean (clean_user_agent (raw));
  expect (is_valid_utf8 (clean), "a cleaned user agent is valid UTF-8");
  expect (clean.size () <= 512, "a cleaned user agent is at most 512 bytes");
  expect (has_no_control (clean), "no control character is left");
  expect (clean_user_agent (clean) == clean, "cleaning is idempotent");
  if (has_no_control (raw) && raw.size () <= 512 && is_valid_utf8 (raw))
    expect (clean == raw, "a clean user agent is kept as it is");
  return 0;
}
