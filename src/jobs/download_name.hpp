// The names under /downloads/: "<modId>-<job_id>.zip". The job's public UUID is part of the
// name, so the handler finds the job from the name alone and checks that the caller owns it;
// any other shape is refused before anything touches the database or the disk.
#pragma once

#include <string>

namespace modforge
{
  // The download name of a job's zip.
  std::string download_name (const std::string& mod_id, const std::string& job_id);

  // Whether `name` has exactly that shape (a valid Fabric mod id, '-', a lower-case UUIDv4,
  // ".zip"); if so, `job_id` is set to the UUID. Slashes, dots, NUL, percent signs, upper case
  // and anything longer than such a name can be are refused.
  bool parse_download_name (const std::string& name, std::string& job_id);
}
