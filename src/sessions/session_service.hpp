// The rules of sessions (conversations): create, list, show with their jobs, rename, delete,
// resume. Every operation is scoped to the caller's own sessions; anything else is not_found.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <odb/nullable.hxx>

#include "../../odb/job_summary.hxx"
#include "../../odb/session.hxx"
#include "../../odb/session_summary.hxx"
#include "../../odb/token_principal.hxx"
#include "../common/client_info.hpp"
#include "../common/config.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"

namespace modforge
{
  struct issued_session
  {
    session conversation;
    std::string token;
  };

  struct session_detail
  {
    session conversation;
    std::vector<job_summary> jobs; // oldest first
  };

  class session_service
  {
  public:
    session_service (database&, const job_files&, const quotas_config&);

    // A new session with a token bound to it; the caller's own token stays where it was.
    // `name` as the client sent it (null: none), stored as normalize_name makes it. Throws
    // quota_exceeded session_limit at the quota of sessions; the user's least recently used
    // token goes beyond the quota of tokens (as for resume).
    issued_session create (const token_principal&, const odb::nullable<std::string>& name,
                           const client_info&);

    std::vector<session_summary> list (const token_principal&, std::size_t limit,
                                       std::size_t offset);

    // The session with `limit` of its jobs from `offset`, oldest first. Throws not_found
    // ("Session not found") unless the session is the caller's.
    session_detail detail (const token_principal&, std::int64_t session_id, std::size_t limit,
                           std::size_t offset);
    // `name` as for create; null, or nothing but white space, clears the name.
    session rename (const token_principal&, std::int64_t session_id,
                    const odb::nullable<std::string>& name);
    void remove (const token_principal&, std::int64_t session_id);
    issued_session resume (const token_principal&, std::int64_t session_id, const client_info&);

    // A session name as stored: trimmed; empty (or null) means no name. Throws invalid_input
    // when it is longer than 255 characters or holds control characters.
    static odb::nullable<std::string> normalize_name (const odb::nullable<std::string>&);

  private:
    database& db_;
    const job_files& files_;
    const quotas_config& quotas_;
  };
}
