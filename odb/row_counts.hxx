// Row counts for `modforge-admin stats`: users (all and active), sessions, tokens, jobs by status,
// the mail outbox by state.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>

#include "job.hxx"
#include "outbox_message.hxx"
#include "session.hxx"
#include "session_token.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db view object(user)
  struct user_count
  {
    #pragma db column("count(" + user::id + ")")
    std::int64_t total;
    // NULLIF turns a disabled user's false into NULL, which count() skips.
    #pragma db column("count(NULLIF(" + user::is_active + ", false))")
    std::int64_t active;
  };

  #pragma db view object(session)
  struct session_count
  {
    #pragma db column("count(" + session::id + ")")
    std::int64_t total;
  };

  #pragma db view object(session_token)
  struct token_count
  {
    #pragma db column("count(" + session_token::id + ")")
    std::int64_t total;
  };

  // Queries on this view must end with GROUP BY job.status. The status is read as the column's
  // text, not as a job_status, so that a status no program writes is counted, not refused.
  #pragma db view object(job)
  struct job_status_count
  {
    #pragma db column("(" + job::status + ")") type("TEXT")
    std::string status;
    #pragma db column("count(" + job::id + ")")
    std::int64_t total;
  };

  // Queries on this view must end with GROUP BY mail_outbox.state; read as text, as jobs are.
  #pragma db view object(outbox_message)
  struct outbox_state_count
  {
    #pragma db column("(" + outbox_message::state + ")") type("TEXT")
    std::string state;
    #pragma db column("count(" + outbox_message::id + ")")
    std::int64_t total;
  };
}
