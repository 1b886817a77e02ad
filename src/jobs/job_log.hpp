// A job's log: a JSON array of {time, message}, kept in the jobs.logs column and shown by
// GET /api/status. The API and the worker append to it.
#pragma once

#include "../../odb/job.hxx"

namespace modforge
{
  void append_log (job&, utc_time at, const std::string& message);
}
