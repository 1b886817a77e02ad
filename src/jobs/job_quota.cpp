// Job quotas and the user's queue row.
#include "job_quota.hpp"

#include <memory>
#include <string>

#include "../auth/user_quotas.hpp"
#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../db/job_store.hpp"
#include "../db/queue_store.hpp"
#include "../db/references.hpp"

namespace modforge
{
  void count_queued_job (std::int64_t user_id, utc_time now, const quotas_config& q)
  {
    lock_quotas (user_id);
    if (job_store::count_in_flight (user_id) >= q.jobs_in_flight)
      throw quota_exceeded ("too_many_jobs", "At most " + std::to_string (q.jobs_in_flight) +
                            " jobs may be queued or running at once; wait for one to finish",
                            in_flight_retry_seconds);

    std::shared_ptr<user_queue> u (queue_store::find_locked (user_id));
    bool added (u == nullptr);
    if (added)
    {
      u = std::make_shared<user_queue> ();
      u->owner = user_ref (user_id);
    }
    const utc_time day (static_cast<utc_time> (job_day_seconds) * microseconds_per_second);
    if (u->day_started_at.null () || now - u->day_started_at.get () >= day)
    {
      u->day_started_at = now;
      u->day_jobs = 0;
    }
    if (u->day_jobs >= q.jobs_per_day)
    {
      throw quota_exceeded ("daily_job_limit", "At most " + std::to_string (q.jobs_per_day) +
                            " jobs a day", seconds_until (u->day_started_at.get () + day, now));
    }
    u->day_jobs += 1;
    u->queued += 1;
    if (added)
      queue_store::add (*u);
    else
      queue_store::update (*u);
  }
}
