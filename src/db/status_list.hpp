// Job statuses as an SQL list for native statements, from the names the program stores, so that
// each name is still written once (odb/job_state.hxx).
#pragma once

#include <initializer_list>
#include <string>

#include "../../odb/job_state.hxx"

namespace modforge
{
  // The statuses a worker holds a job in.
  const std::initializer_list<job_status> running_statuses =
    {job_status::analyzing, job_status::generating, job_status::packaging};

  // "'analyzing', 'generating'": for "status IN (…)".
  std::string status_list (std::initializer_list<job_status>);
}
