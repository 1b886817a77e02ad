// The other half of `modforge-admin sweep`: rows kept only for a while. Throttle counters whose
// window and lock have passed, known login addresses older than throttle.known_address_age, and
// security log entries older than security.event_retention.
#pragma once

#include <cstddef>

#include "../common/config.hpp"
#include "../db/database.hpp"

namespace modforge
{
  struct prune_report
  {
    std::size_t throttle_counters = 0;
    std::size_t known_addresses = 0;
    std::size_t security_events = 0;
  };

  // With dry_run, only counts what it would remove.
  prune_report prune_records (database&, const config&, bool dry_run);
}
