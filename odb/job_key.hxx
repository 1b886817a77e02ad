// A job's database id alone: what deleting a session or an account, and sweep, need to know
// (the folder names), without loading prompts, logs and results.
#pragma once

#include <cstdint>

#include <odb/core.hxx>

#include "job.hxx"

namespace modforge
{
  #pragma db view object(job)
  struct job_key
  {
    #pragma db column(job::id)
    std::int64_t id;
  };
}
