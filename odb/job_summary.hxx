// A job as a session's history shows it: what was asked, when it ran, no logs, no result.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>
#include <odb/nullable.hxx>

#include "job.hxx"
#include "types.hxx"

namespace modforge
{
  #pragma db view object(job)
  struct job_summary
  {
    #pragma db column(job::job_id)
    std::string job_id;
    #pragma db column(job::status)
    job_status status;
    #pragma db column(job::progress)
    int progress;
    #pragma db column(job::prompt)
    std::string prompt;
    #pragma db column(job::created_at)
    utc_time created_at;
    #pragma db column(job::decisions)
    odb::nullable<json_text> decisions;
    #pragma db column(job::started_at)
    odb::nullable<utc_time> started_at;
    #pragma db column(job::finished_at)
    odb::nullable<utc_time> finished_at;
  };
}
