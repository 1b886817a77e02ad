// user_queues: the fair queue's view of each user who has ever queued a job (how many of its
// jobs wait, how many run, when one was last taken) and the user's daily job count (schema
// version 3).
#pragma once

#include <cstdint>
#include <memory>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "model.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("user_queues") pointer(std::shared_ptr)
  struct user_queue
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade) unique
    odb::lazy_shared_ptr<modforge::user> owner;

    // The user's jobs that are queued, and that a worker holds, kept in step by the same
    // transactions that change a job's status.
    int queued = 0;
    int running = 0;

    // When a worker last took one of the user's jobs (NULL: never).
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> last_claimed_at;

    // The user's job day: it starts with the first job queued after the previous day ended, and
    // counts the jobs queued since (new ones, and old ones queued again).
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> day_started_at;
    int day_jobs = 0;

    // The worker's pick: among users with queued work, the fewest running, then the one served
    // least recently (never first). Users with running jobs are few, so the walk stops at once.
    #pragma db index("user_queues_fair_i") member(running) \
      member(last_claimed_at, "NULLS FIRST") member(owner) options("WHERE queued > 0")
  };
}
