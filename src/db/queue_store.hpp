// user_queues: each user's place in the fair queue and job day; called inside database::transact.
// The counts change in the same transactions as the jobs' statuses: queueing (queued + 1), a
// worker's claim (queued - 1, running + 1), a job's end (running - 1).
#pragma once

#include <cstdint>
#include <memory>

#include "../../odb/types.hxx"
#include "../../odb/user_queue.hxx"

namespace modforge
{
  namespace queue_store
  {
    // The user's row, locked until the transaction ends; nullptr if the user never queued a job.
    std::shared_ptr<user_queue> find_locked (std::int64_t user_id);
    void add (user_queue&);
    void update (const user_queue&);

    // A worker took one of the user's jobs at `now`: from the queue (`from_queue`), or again
    // after its lease ran out (it was counted running already).
    void job_claimed (std::int64_t user_id, utc_time now, bool from_queue);
    // One of the user's jobs left the workers (completed or failed).
    void job_ended (std::int64_t user_id);

    // Sets the user's counts to what the jobs table holds (after a session and its jobs were
    // deleted, or when a count was found wrong). Nothing if the user has no row.
    void recount (std::int64_t user_id);
  }
}
