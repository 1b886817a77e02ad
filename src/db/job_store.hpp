// jobs through ODB; every function runs inside database::transact.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../../odb/job.hxx"
#include "../../odb/job_folder.hxx"
#include "../../odb/job_pick.hxx"
#include "../../odb/job_summary.hxx"
#include "../../odb/row_counts.hxx"
#include "../../odb/types.hxx"

namespace modforge
{
  namespace job_store
  {
    // The jobs of one session, oldest first: `limit` of them from `offset`.
    std::vector<job_summary> list_for_session (std::int64_t session_id, std::size_t limit,
                                               std::size_t offset);

    // The database id of the job's session (without loading the session).
    std::int64_t session_of (const job&);

    // The jobs of one session with a database id below `before` that have decisions: the
    // `limit` most recent, oldest first (an analysis's history).
    std::vector<job_summary> earlier_with_decisions (std::int64_t session_id, std::int64_t before,
                                                     std::size_t limit);

    void add (job&);
    void update (const job&);

    // The caller's job by its public id, or nullptr (another user's job is nullptr too). With
    // `lock`, the row is locked until the transaction ends (FOR UPDATE).
    std::shared_ptr<job> find_owned (const std::string& job_id, std::int64_t user_id,
                                     bool lock);

    // A job by database id, locked (the worker's stage updates), or nullptr if it is gone.
    std::shared_ptr<job> find_locked (std::int64_t id);

    // The worker's pick, in one statement: a running job whose lease ran out before `now`, or
    // else the fair queue's next user (among users with queued jobs, the fewest running, then
    // the one whose last job was taken longest ago, never first) and that user's oldest queued
    // job. The job and the user's queue row are locked with SKIP LOCKED, so that two workers
    // never get the same job nor serve the same user at once. False when there is nothing.
    bool pick (utc_time now, job_pick&);

    // How many of the user's jobs are queued or running.
    std::int64_t count_in_flight (std::int64_t user_id);

    // Tells listening workers that a job was queued (delivered when the transaction commits).
    void notify_queued ();
    // The channel workers LISTEN on.
    extern const char* const queued_channel;

    // Database ids of the jobs of a session or of a user (their folders go when they do).
    std::vector<std::int64_t> ids_for_session (std::int64_t session_id);
    std::vector<std::int64_t> ids_for_user (std::int64_t user_id);

    // Which of `ids` are jobs that exist.
    std::vector<std::int64_t> existing (const std::vector<std::int64_t>& ids);

    // The claims of those of `ids` that are jobs: the published one and the current one.
    std::vector<job_folder> folders (const std::vector<std::int64_t>& ids);

    // How many jobs have each status (only statuses some job has), by status name.
    std::vector<job_status_count> count_by_status ();
  }
}
