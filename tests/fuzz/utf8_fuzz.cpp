// Fuzzes the UTF-8 checks: is_valid_utf8 must agree with RapidJSON's own validator, and
// to_valid_utf8 must return valid UTF-8 within its byte limit. The first input byte is the limit.
#include <cstdint>
#include <string>

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>

#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  struct discard_output
  {
    typedef char Ch;
    void Put (char) {}
  };

  // An independent opinion: RapidJSON's table-driven validator (RFC 3629, as ours claims to be).
  bool rapidjson_says_valid (const std::string& s)
  {
    rapidjson::MemoryStream in (s.data (), s.size ());
    discard_output out;
    while (in.Tell () != s.size ())
      if (!rapidjson::UTF8<>::Validate (in, out))
        return false;
    return true;
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  if (size == 0)
    return 0;
  const std::size_t max_bytes (data[0]);
  const std::string s (modforge_fuzz::input (data + 1, size - 1));

  const bool valid (is_valid_utf8 (s));
  expect (valid == rapidjson_says_valid (s), "is_valid_utf8 agrees with RapidJSON");

  const std::string cleaned (to_valid_utf8 (s, max_bytes, '?'));
  expect (is_valid_utf8 (cleaned), "to_valid_utf8 returns valid UTF-8");
  expect (cleaned.size () <= max_bytes, "to_valid_utf8 keeps to its limit");
  expect (to_valid_utf8 (cleaned, max_bytes, '?') == cleaned, "to_valid_utf8 is idempotent");
  if (valid)
  {
    // Valid text is only ever cut, between characters, and only when the next one would not fit.
    expect (s.compare (0, cleaned.size (), cleaned) == 0, "valid text is cut, not changed");
    if (cleaned.size () != s.size ())
    {
      const unsigned char* p (reinterpret_cast<const unsigned char*> (s.data ()));
      std::size_t next (utf8_char_length (p + cleaned.size (), p + s.size ()));
      expect (next != 0 && cleaned.size () + next > max_bytes, "a cut is at the limit");
    }
  }
  return 0;
}
