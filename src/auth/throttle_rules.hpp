// The arithmetic of brute-force throttling that does not need the database: the table of
// growing delays. The counting itself is one SQL statement (src/db/throttle_store), so that
// parallel attempts cannot slip past a limit.
#pragma once

#include <vector>

#include "../common/config.hpp"

namespace modforge
{
  // The lockouts, in seconds, of the failures from the limit on: the first is base_delay, each
  // next one doubles it, the last is max_delay (every further failure waits that long).
  std::vector<int> delay_table (const throttle_config&);
}
