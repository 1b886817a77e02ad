// Reading and writing users; called inside database::transact.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../../odb/row_counts.hxx"
#include "../../odb/user.hxx"
#include "../../odb/user_summary.hxx"

namespace modforge
{
  namespace user_store
  {
    std::shared_ptr<user> find (std::int64_t id);
    // By lower-cased username, or by email when `login` contains '@'.
    std::shared_ptr<user> find_by_login (const std::string& login);
    bool username_taken (const std::string& username_key, std::int64_t except_id = 0);
    bool email_taken (const std::string& email, std::int64_t except_id = 0);
    void add (user&);
    void update (const user&);
    // Cascades to sessions, tokens, jobs and events. False when there was no such user (a
    // concurrent request deleted it first).
    bool remove (std::int64_t id);

    // The user, locked until the transaction ends (FOR UPDATE); nullptr if there is none.
    std::shared_ptr<user> find_locked (std::int64_t id);
    // Locks the user's row until the transaction ends against other such locks only (FOR NO KEY
    // UPDATE: rows pointing at the user can still be added): what serialises the checks of a
    // user's quotas. False if there is no such user.
    bool lock_for_quota (std::int64_t id);
    // Users with their numbers of sessions and jobs, newest first (modforge-admin list-users).
    std::vector<user_summary> list_summaries (std::size_t limit, std::size_t offset);
    // How many users there are, and how many of them are active.
    user_count count ();
  }
}
