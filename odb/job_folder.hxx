// What sweep needs to know of a job's folder: which claim's folder is published and which claim
// a worker may be writing now; every other claim folder is left over.
#pragma once

#include <cstdint>

#include <odb/core.hxx>

#include "job.hxx"

namespace modforge
{
  #pragma db view object(job)
  struct job_folder
  {
    #pragma db column(job::id)
    std::int64_t id;

    #pragma db column(job::claim)
    std::int64_t claim;

    #pragma db column(job::files_claim)
    std::int64_t files_claim;
  };
}
