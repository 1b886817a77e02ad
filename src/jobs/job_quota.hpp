// Per-user job quotas: jobs in flight (queued or running) and jobs a day, checked in the
// transaction that queues a job (a new one, or one queued again) under the user's quota lock, so
// that requests in parallel cannot pass them. The job is then counted in the user's queue row.
#pragma once

#include <cstdint>

#include "../../odb/types.hxx"
#include "../common/config.hpp"

namespace modforge
{
  // A job day is 24 hours from the first job queued after the previous day ended.
  const int job_day_seconds = 86400;

  // How long Retry-After tells a user over the in-flight quota to wait: about what a job takes
  // (no more can be known: the user's jobs finish when the workers get to them).
  const int in_flight_retry_seconds = 5;

  // Inside a transaction: takes the user's quota lock, refuses the job (quota_exceeded
  // too_many_jobs, or daily_job_limit with the time until the day ends) or counts it as queued
  // at `now` in the user's queue row (made on the user's first job).
  void count_queued_job (std::int64_t user_id, utc_time now, const quotas_config&);
}
