// A row of the session list: a session with the number of its jobs.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>
#include <odb/nullable.hxx>

#include "job.hxx"
#include "session.hxx"
#include "types.hxx"

namespace modforge
{
  // Queries on this view must end with GROUP BY session.id (then ORDER BY, LIMIT).
  #pragma db view object(session) object(job left: job::conversation == session::id)
  struct session_summary
  {
    #pragma db column(session::id)
    std::int64_t id;
    #pragma db column(session::name)
    odb::nullable<std::string> name;
    #pragma db column(session::created_at)
    utc_time created_at;
    #pragma db column(session::last_used_at)
    utc_time last_used_at;
    #pragma db column("count(" + job::id + ")")
    std::int64_t job_count;
  };
}
