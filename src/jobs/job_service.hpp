// The rules of jobs as the API sees them: queue a generation, show a job, choose another image,
// draw a new set, and find the files a caller may fetch. Every operation is scoped to the
// caller's own jobs; anything else is not_found ("Job not found"). The work itself is the worker's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "../../odb/job.hxx"
#include "../../odb/token_principal.hxx"
#include "../common/config.hpp"
#include "../db/database.hpp"
#include "job_files.hpp"

namespace modforge
{
  struct queued_job
  {
    std::string job_id;
    std::int64_t session_id;
  };

  // A file the caller may fetch: its path under the files root (what X-Accel-Redirect names)
  // and the name to offer the browser.
  struct job_file
  {
    std::string relative_path;
    std::string filename;
  };

  class job_service
  {
  public:
    job_service (database&, const jobs_config&, const quotas_config&);

    // Queues a job in the token's session, or in `session_id` (0: the token's) if it is one of
    // the caller's (not_found "Session not found" if not, or if it is deleted meanwhile).
    // invalid_input for a bad prompt; quota_exceeded (too_many_jobs, daily_job_limit) over the
    // caller's job quotas, which select_image and regenerate_images count too.
    queued_job create (const token_principal&, const std::string& prompt,
                       std::int64_t session_id);

    job status (const token_principal&, const std::string& job_id);

    // Queues packaging again with image `index` (conflict job_busy unless the job has
    // completed; invalid_input if there is no such image). Returns the job as queued (a worker
    // may already have taken it by the time the caller looks again).
    job select_image (const token_principal&, const std::string& job_id, int index);

    // Queues a new set of `count` images (0: as many as before), then packaging with the first
    // (conflict job_busy while the job runs or before it was analysed). Returns the job as queued.
    job regenerate_images (const token_principal&, const std::string& job_id, int count);

    job_file image (const token_principal&, const std::string& job_id, int index);
    job_file download (const token_principal&, const std::string& filename);

    // The prompt as stored: trimmed, 1-2000 characters, no control characters but line breaks
    // and tabs. Throws invalid_input otherwise.
    static std::string normalize_prompt (const std::string&);

  private:
    // Runs `change` on the caller's job, locked, in one transaction, and returns the job as
    // changed; not_found if there is none.
    job change_own_job (const token_principal&, const std::string& job_id,
                         const std::function<void (job&)>& change);

    // The transaction of create: checks that `target` is the caller's and adds the job to it.
    void add_job (job&, const token_principal&, std::int64_t target);

    database& db_;
    const jobs_config& config_;
    const quotas_config& quotas_;
  };
}
