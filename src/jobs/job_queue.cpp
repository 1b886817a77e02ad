// Claiming and recording jobs.
#include "job_queue.hpp"

#include "../common/clock.hpp"
#include "../common/log.hpp"
#include "../db/job_store.hpp"
#include "../db/queue_store.hpp"
#include "job_log.hpp"
#include "job_stages.hpp"

namespace modforge
{
  namespace
  {
    // Where a task starts, and what its first log line says.
    struct start
    {
      job_status status;
      const char* log;
    };

    start start_of (job_task task)
    {
      switch (task)
      {
      case job_task::images: return start {job_status::generating, "Drawing new images"};
      case job_task::package: return start {job_status::packaging, "Packaging the mod"};
      case job_task::generate: break;
      }
      return start {job_status::analyzing, "Analysing the prompt"};
    }
  }

  job_queue::job_queue (database& db, const jobs_config& c)
      : db_ (db), config_ (c) {}

  bool job_queue::claim_next (claimed_job& out)
  {
    // Each round claims one job, fails one that ran out of attempts, or corrects a user's
    // counts that promised a queued job there was none of; the loop is bounded by the number of
    // such jobs and users.
    for (;;)
    {
      bool claimed (false), again (false);
      db_.transact ([&]
      {
        claimed = again = false;
        utc_time now (now_utc ());
        job_pick pick;
        if (!job_store::pick (now, pick))
          return;
        if (pick.job_id.null ())
        {
          queue_store::recount (pick.user_id);
          again = true;
          return;
        }
        std::shared_ptr<job> j (job_store::find_locked (pick.job_id.get ()));
        if (j == nullptr)
          return;

        if (pick.expired && j->attempts >= config_.max_attempts)
        {
          std::string why ("The job was interrupted " + std::to_string (j->attempts) +
                           " times (its worker stopped each time); giving up");
          enter_status (*j, job_status::failed);
          j->error = why;
          j->lease_expires_at.reset ();
          j->updated_at = now;
          j->finished_at = now;
          append_log (*j, now, why);
          job_store::update (*j);
          queue_store::job_ended (pick.user_id);
          again = true;
          return;
        }

        start s (start_of (j->task));
        j->attempts += 1;
        j->claim += 1;
        enter_status (*j, s.status);
        j->lease_expires_at = now + config_.lease_seconds * microseconds_per_second;
        j->updated_at = now;
        if (j->started_at.null ())
          j->started_at = now;
        // The worker's host and pid are for operators (the journal), not for the job's owner.
        append_log (*j, now, std::string (s.log) + " (attempt " +
                               std::to_string (j->attempts) + ")");
        job_store::update (*j);
        queue_store::job_claimed (pick.user_id, now, !pick.expired);
        // While this transaction held the user's queue row, another worker's claim skipped
        // it and may have found nothing: wake the idle workers (at commit) to look again, so
        // one user's queued jobs never wait for a poll while a worker is free.
        job_store::notify_queued ();

        out.id = j->id;
        out.job_id = j->job_id;
        out.session_id = job_store::session_of (*j);
        out.prompt = j->prompt;
        out.task = j->task;
        out.decisions = j->decisions;
        out.image_count = j->image_count;
        out.image_variant = j->image_variant;
        out.selected_image = j->selected_image;
        out.attempts = j->attempts;
        out.claim = j->claim;
        out.files_claim = j->files_claim;
        out.user_id = pick.user_id;
        claimed = true;
      });
      if (again)
        continue;
      return claimed;
    }
  }

  bool job_queue::update (const claimed_job& c, const std::function<void (job&)>& change)
  {
    bool ours (false);
    db_.transact ([&]
    {
      std::shared_ptr<job> j (job_store::find_locked (c.id));
      ours = j != nullptr && j->claim == c.claim && is_running (j->status);
      if (!ours)
        return;
      utc_time now (now_utc ());
      change (*j);
      // A finished job holds no lease, and leaves its owner's running count; a running one has
      // its lease renewed with every stage.
      if (is_running (j->status))
        j->lease_expires_at = now + config_.lease_seconds * microseconds_per_second;
      else
      {
        j->lease_expires_at.reset ();
        j->finished_at = now;
        queue_store::job_ended (c.user_id);
      }
      j->updated_at = now;
      job_store::update (*j);
    });
    if (!ours)
      log_warning ("job " + c.job_id + ": no longer ours (deleted or claimed again); stopping");
    return ours;
  }

  bool job_queue::complete (const claimed_job& c, const std::string& result_json,
                            const std::string& message)
  {
    return update (c, [&] (job& j)
    {
      enter_status (j, job_status::completed);
      j.result = result_json;
      j.files_claim = c.claim;    // the zip is in this claim's folder
      j.error.reset ();
      append_log (j, now_utc (), message);
    });
  }

  bool job_queue::exists (std::int64_t id)
  {
    bool r (false);
    db_.transact ([&] {r = !job_store::existing ({id}).empty ();});
    return r;
  }

  bool job_queue::fail (const claimed_job& c, const std::string& error)
  {
    return update (c, [&] (job& j)
    {
      enter_status (j, job_status::failed);
      j.error = error;
      append_log (j, now_utc (), "Failed: " + error);
    });
  }

  std::vector<job_summary> job_queue::history (const claimed_job& c, std::size_t limit)
  {
    std::vector<job_summary> r;
    db_.transact ([&]
    {
      r = job_store::earlier_with_decisions (c.session_id, c.id, limit);
    });
    return r;
  }
}
