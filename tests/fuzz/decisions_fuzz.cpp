// Fuzzes decisions_from_json, which reads what an external analyser command printed: anything it
// accepts passes validate_decisions and survives decisions_to_json and back unchanged.
#include <cstdint>
#include <string>

#include "../../src/generator/decisions.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  decisions d;
  try
  {
    d = decisions_from_json (modforge_fuzz::input (data, size));
  }
  catch (const generator_error&)
  {
    return 0;
  }
  validate_decisions (d); // throws (and so crashes the run) if it let a bad record through
  const std::string json (decisions_to_json (d));
  expect (decisions_to_json (decisions_from_json (json)) == json, "aiDecisions round-trip");
  return 0;
}
