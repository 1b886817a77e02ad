// Session and token quotas.
#include "user_quotas.hpp"

#include "../common/domain_error.hpp"
#include "../db/session_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"

namespace modforge
{
  void lock_quotas (std::int64_t user_id)
  {
    if (!user_store::lock_for_quota (user_id))
      throw invalid_session ();
  }

  void make_room_for_session (std::int64_t user_id, int max)
  {
    lock_quotas (user_id);
    if (session_store::count_for_user (user_id) >= max)
      throw quota_exceeded ("session_limit", "An account may keep at most " +
                            std::to_string (max) + " sessions; delete one first", 0);
  }

  void make_room_for_token (std::int64_t user_id, int max, std::int64_t caller_token)
  {
    lock_quotas (user_id);
    token_store::remove_least_recently_used (user_id, static_cast<std::size_t> (max - 1),
                                             caller_token);
  }
}
