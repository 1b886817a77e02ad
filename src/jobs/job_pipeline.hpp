// Runs one claimed job through the generator: analyse the prompt (with the session's earlier
// jobs), draw the candidate images, package the mod; each stage is recorded (status, progress,
// log) under the job's lease.
#pragma once

#include "../common/config.hpp"
#include "../generator/analyser.hpp"
#include "job_files.hpp"
#include "job_queue.hpp"

namespace modforge
{
  class job_pipeline
  {
  public:
    job_pipeline (job_queue&, const job_files&, const jobs_config&);

    // How a run ended: the job completed, failed, or stopped being this worker's (deleted, or
    // claimed again after the lease ran out).
    enum class outcome {completed, failed, lost};

    // Runs the claimed task to its end: the job ends completed, or failed with a clear error
    // when the generator or the disk fails. Throws only when the database is unavailable (the
    // lease then runs out and the job is claimed again).
    outcome run (const claimed_job&);

  private:
    void stages (const claimed_job&);

    // The session's earlier jobs that have decisions, for the analyser.
    std::vector<earlier_job> history_of (const claimed_job&);

    job_queue& queue_;
    const job_files& files_;
    const jobs_config& config_;
  };
}
