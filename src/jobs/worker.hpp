// modforge-worker's main loop: claim and run jobs until there are none, then sleep until a NOTIFY
// (or the slow safety-net poll) says there may be more. SIGTERM/SIGINT: the job in hand is
// finished, then the loop ends. A lost database is waited out, never fatal.
#pragma once

#include "../metrics/job_metrics.hpp"
#include "job_pipeline.hpp"
#include "job_queue.hpp"

namespace modforge
{
  class worker
  {
  public:
    // `durations`: where the time each job took is counted (the host's workers file).
    worker (database&, job_queue&, job_pipeline&, const jobs_config&, job_metrics& durations);

    // Returns when a stop signal arrived.
    void run ();

  private:
    // Sleeps until `fd` (or -1: nothing) is readable, a stop signal arrives, or `seconds` pass.
    void wait (int fd, int seconds);

    database& db_;
    job_queue& queue_;
    job_pipeline& pipeline_;
    const jobs_config& config_;
    job_metrics& durations_;
  };
}
