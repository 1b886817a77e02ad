// The account security log (auth_events); called inside database::transact.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../../odb/auth_event.hxx"
#include "../common/client_info.hpp"

namespace modforge
{
  namespace event_store
  {
    void add (std::int64_t user_id, auth_event_kind, const client_info&);
    // Newest first.
    std::vector<auth_event> list (std::int64_t user_id, std::size_t limit);
    // Removes (with dry_run: counts) the entries of every account older than `seconds`.
    std::size_t remove_older_than (int seconds, bool dry_run);
  }
}
