// jobs: one mod generation, owned by exactly one session of one user.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "job_state.hxx"
#include "model.hxx"
#include "session.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("jobs") pointer(std::shared_ptr)
  struct job
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade) index
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db column("session_id") not_null on_delete(cascade)
    odb::lazy_shared_ptr<modforge::session> conversation;

    // The public UUID of the job (the id clients see).
    #pragma db type("VARCHAR(36)") unique
    std::string job_id;

    #pragma db type("VARCHAR(50)")
    job_status status = job_status::queued;

    int progress = 0;

    #pragma db type("TEXT")
    std::string prompt;

    // What the analyser decided about the item (the generator's decisions record, as JSON;
    // the API's aiDecisions). NULL until the analysis is done.
    #pragma db column("spec")
    odb::nullable<json_text> decisions;
    odb::nullable<json_text> result;
    json_text logs = "[]";

    #pragma db type("TEXT")
    odb::nullable<std::string> error;

    #pragma db type("TIMESTAMPTZ")

    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time updated_at = 0;

    #pragma db type("VARCHAR(20)")
    job_task task = job_task::generate;

    // The candidate images: how many are asked for, how many are on disk now, which one goes
    // into the mod, and the variant of the first (a new set starts after the previous one, so
    // regenerated images differ).
    int image_count = 4;
    int images_ready = 0;
    int selected_image = 0;
    int image_variant = 0;

    // The worker's claim: how many times the current task was started, a number that grows with
    // every claim (a worker whose lease ran out finds it changed and stops writing), and until
    // when the current worker's lease holds (NULL when no worker holds it).
    int attempts = 0;
    std::int64_t claim = 0;
    // The claim whose folder (<job>/<claim>/) holds the images and the zip that clients get. A
    // worker writes into its own claim's folder and publishes it in the same update that checks
    // its claim, so a worker whose lease ran out can never replace what another published. 0:
    // the job's folder itself (jobs that finished before there were claim folders).
    #pragma db default(0)
    std::int64_t files_claim = 0;
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> lease_expires_at;

    // When a worker first took the job for its current task (a claim after a lost lease keeps
    // it), and when that task ended; NULL until then. Queueing the job again clears both.
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> started_at;
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> finished_at;

    // Workers look for queued jobs and for running ones whose lease ran out.
    #pragma db index("jobs_status_i") members(status)

    // A session's history is read oldest first.
    #pragma db index("jobs_session_created_i") members(conversation, created_at)

    // The jobs still to be done, by user: a user's oldest queued job (the fair queue's second
    // step) and how many jobs a user has in flight (the quota) are short range scans of this
    // small index, however many finished jobs the table holds.
    #pragma db index("jobs_active_i") members(owner, status, id) \
      options("WHERE status IN ('queued', 'analyzing', 'generating', 'packaging')")
  };
}
