// The rules of jobs as the workers see them: claim the next job so that no two workers hold the
// same one, record each stage under a lease, and give up on a job after max_attempts claims.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <odb/nullable.hxx>

#include "../../odb/job.hxx"
#include "../../odb/job_summary.hxx"
#include "../common/config.hpp"
#include "../db/database.hpp"

namespace modforge
{
  // What a worker holds while it runs a job: a copy of the row when it was claimed.
  struct claimed_job
  {
    std::int64_t id = 0;        // database id (the files folder's name)
    std::string job_id;         // public UUID
    std::int64_t session_id = 0;
    std::string prompt;
    job_task task = job_task::generate;
    odb::nullable<json_text> decisions;  // the analyser's, as JSON (for images and package)
    int image_count = 0;
    int image_variant = 0;
    int selected_image = 0;
    int attempts = 0;
    std::int64_t claim = 0;     // the fencing number: the row's claim while this is ours
    std::int64_t files_claim = 0;  // the claim whose folder was published when this was claimed
    std::int64_t user_id = 0;   // the owner (whose queue counts the job running)
  };

  class job_queue
  {
  public:
    job_queue (database&, const jobs_config&);

    // Claims the next job and marks it started; false when there is none. The next job is one
    // whose lease ran out, else the fair queue's (job_store::pick): the oldest queued job of
    // the user with the fewest jobs running, among those served least recently. A job whose
    // lease ran out max_attempts times ends failed here instead. Throws database_unavailable
    // () when the database is away.
    bool claim_next (claimed_job&);

    // Applies `change` to the job under its lease and renews the lease; false if the job is
    // gone (its session was deleted) or no longer ours (the lease ran out and another worker
    // claimed it), in which case the caller must stop working on it.
    bool update (const claimed_job&, const std::function<void (job&)>& change);

    // Ends the job: completed (progress 100, the result {filename, size}, and this claim's
    // folder published) or failed (error).
    bool complete (const claimed_job&, const std::string& result_json, const std::string& log);
    bool fail (const claimed_job&, const std::string& error);

    // Whether the job's row still exists.
    bool exists (std::int64_t id);

    // The prompts and decisions of the jobs of the same session created before this one that
    // have decisions: the `limit` most recent, oldest first (the analysis's history).
    std::vector<job_summary> history (const claimed_job&, std::size_t limit);

  private:
    database& db_;
    const jobs_config& config_;
  };
}
