// The worker's pick (a native view; its SQL is in src/db/job_store.cpp): a job whose lease ran
// out (expired), or else the user the fair queue serves next and that user's oldest queued job
// (job_id NULL when the user's counts said there was one and there is none: they are recounted).
#pragma once

#include <cstdint>

#include <odb/core.hxx>
#include <odb/nullable.hxx>

namespace modforge
{
  #pragma db view
  struct job_pick
  {
    std::int64_t user_id;
    odb::nullable<std::int64_t> job_id;   // the jobs table's id
    bool expired;
  };
}
