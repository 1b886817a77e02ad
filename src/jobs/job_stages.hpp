// A job's way through its statuses: the progress figure the API shows for each (0-100, named
// once here), and which statuses mean that a worker holds the job.
#pragma once

#include "../../odb/job.hxx"

namespace modforge
{
  // Moves the job to status `s`, with the progress of `s`: queued 0, analyzing 10, generating
  // 40, packaging 80, completed 100. A job that fails keeps the progress it had reached.
  void enter_status (job&, job_status s);

  // Analyzing, generating or packaging: a worker holds the job under a lease.
  bool is_running (job_status);
}
