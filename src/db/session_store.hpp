// Reading and writing sessions (conversations); called inside database::transact. Every lookup
// names the owner, so another user's session is simply not found.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../../odb/row_counts.hxx"
#include "../../odb/session.hxx"
#include "../../odb/session_summary.hxx"

namespace modforge
{
  namespace session_store
  {
    std::shared_ptr<session> find_owned (std::int64_t session_id, std::int64_t user_id);
    // The same, locked against deletion until the transaction ends (FOR KEY SHARE): a job
    // added to it then cannot lose its session in between.
    std::shared_ptr<session> find_owned_kept (std::int64_t session_id, std::int64_t user_id);
    // How many sessions the user has.
    std::int64_t count_for_user (std::int64_t user_id);
    // The session of the user used most recently, or nullptr when there is none.
    std::shared_ptr<session> most_recent (std::int64_t user_id);
    std::vector<session_summary> list (std::int64_t user_id, std::size_t limit,
                                       std::size_t offset);
    void add (session&);
    // False when the row is gone: deleted by a concurrent request since it was read.
    bool update (const session&);
    // Whether the session existed and was the user's; its tokens and jobs go with it.
    bool remove_owned (std::int64_t session_id, std::int64_t user_id);

    // How many sessions there are, of all users.
    std::int64_t count ();
  }
}
