// A row of `modforge-admin list-users`: a user with the number of its sessions and jobs.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>

#include "job.hxx"
#include "session.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  // Every job belongs to one session of the same user, so joining sessions and then their jobs
  // gives one row per job (or per session without jobs): the counts need no cross product.
  // Queries on this view must end with GROUP BY user.id (then ORDER BY, LIMIT).
  #pragma db view object(user) \
    object(session left: session::owner == user::id) \
    object(job left: job::conversation == session::id)
  struct user_summary
  {
    #pragma db column(user::id)
    std::int64_t id;
    #pragma db column(user::username)
    std::string username;
    #pragma db column(user::email)
    std::string email;
    #pragma db column(user::is_active)
    bool is_active;
    #pragma db column(user::created_at)
    utc_time created_at;
    #pragma db column("count(DISTINCT " + session::id + ")")
    std::int64_t session_count;
    #pragma db column("count(" + job::id + ")")
    std::int64_t job_count;
  };
}
