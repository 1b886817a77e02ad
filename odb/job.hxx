// jobs: one mod generation, owned by exactly one session of one user.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

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

    // queued, analyzing, generating, packaging, completed, failed.
    #pragma db type("VARCHAR(50)")
    std::string status;

    int progress = 0;

    #pragma db type("TEXT")
    std::string prompt;

    odb::nullable<json_text> spec;
    odb::nullable<json_text> result;
    json_text logs = "[]";

    #pragma db type("TEXT")
    odb::nullable<std::string> error;

    #pragma db type("TIMESTAMPTZ")

    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time updated_at = 0;

    // The worker's claim: how many times the job was started, and until when the current
    // worker's lease holds (NULL when no worker holds it).
    int attempts = 0;
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> lease_expires_at;

    // A session's history is read oldest first.
    #pragma db index("jobs_session_created_i") members(conversation, created_at)
  };
}
