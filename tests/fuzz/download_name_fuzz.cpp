// Fuzzes parse_download_name, which reads a client-chosen file name before anything touches the
// database or the disk: a name it accepts is exactly download_name (mod id, job id).
#include <cstdint>
#include <string>

#include "../../src/common/uuid.hpp"
#include "../../src/generator/decisions.hpp"
#include "../../src/jobs/download_name.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string name (modforge_fuzz::input (data, size));
  std::string job_id ("unchanged");
  if (!parse_download_name (name, job_id))
  {
    expect (job_id == "unchanged", "a refused name sets no job id");
    return 0;
  }
  expect (is_uuid (job_id), "the job id is a UUIDv4");
  const std::string mod_id (name.substr (0, name.size () - job_id.size () - 5));
  expect (is_valid_mod_id (mod_id), "the name starts with a valid mod id");
  expect (download_name (mod_id, job_id) == name, "an accepted name is a download name");
  expect (name.find_first_of ("/.%\\") == name.size () - 4, "no slash, dot or percent but .zip");
  return 0;
}
