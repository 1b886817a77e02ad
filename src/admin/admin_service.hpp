// The rules of modforge-admin's account commands: create a user, disable or enable one, revoke
// its tokens, set its password or mail it a reset link, list users, and count what the service
// holds. Called by the operator, not through
// the API: there is no caller to check, but every change goes through the same stores and rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../../odb/row_counts.hxx"
#include "../../odb/user.hxx"
#include "../../odb/user_summary.hxx"
#include "../auth/auth_service.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "directory_usage.hpp"

namespace modforge
{
  enum class admin_outcome
  {
    done,             // the change was made
    unchanged         // it was already so (enabling an enabled user, disabling a disabled one)
  };

  // What a command did. What it could not do is a domain_error: invalid_input (a username,
  // email, password or user reference that breaks the rules), conflict (create-user: the
  // username or email is taken), not_found (no such user).
  struct admin_result
  {
    admin_outcome outcome = admin_outcome::done;
    user account;                     // the user, as the command left it
    std::size_t revoked_tokens = 0;
  };

  struct service_stats
  {
    user_count users {0, 0};
    std::int64_t sessions = 0;
    std::int64_t tokens = 0;
    // Every status of the pipeline in its order (queued … completed, failed), with 0 where no
    // job has it, then any other status found.
    std::vector<job_status_count> jobs;
    // Every state of the outbox in its order (queued, sending, sent, failed), with 0 where no
    // message is in it, then any other state found.
    std::vector<outbox_state_count> mail;
    directory_usage files;            // under <data_dir>/files
  };

  class admin_service
  {
  public:
    admin_service (database&, auth_service&, const job_files&);

    // Registers a user exactly as the API does (the same rules, the configured bcrypt cost), with
    // a "register" event that has neither address nor user agent.
    user create_user (const std::string& username, const std::string& email,
                      const std::string& password);

    // `reference` names a user: a username (any case), an email, or "#<id>" (user_reference).
    // Disabling also revokes every token of the user (authentication checks is_active too, so
    // they stop working at once either way).
    admin_result set_active (const std::string& reference, bool active);
    admin_result revoke_tokens (const std::string& reference);

    // Sets the password (under the rules of registration): every token of the user is revoked,
    // reset links mailed before stop working, a password_changed event without an address is
    // written and a notice mailed. invalid_input for a password against the rules.
    admin_result set_password (const std::string& reference, const std::string& password);

    // Mails the user a password reset link (as forgot does, without its limits) and writes a
    // password_reset_requested event. std::runtime_error when the account is disabled (its
    // reset could not be used).
    admin_result send_reset (const std::string& reference);

    // Newest first.
    std::vector<user_summary> list_users (std::size_t limit, std::size_t offset);

    service_stats stats ();

  private:
    database& db_;
    auth_service& auth_;
    const job_files& files_;
  };
}
