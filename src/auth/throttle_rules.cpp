// The table of growing delays.
#include "throttle_rules.hpp"

#include <cstdint>

namespace modforge
{
  std::vector<int> delay_table (const throttle_config& c)
  {
    std::vector<int> delays;
    for (std::int64_t d (c.base_delay_seconds); d < c.max_delay_seconds; d *= 2)
      delays.push_back (static_cast<int> (d));
    delays.push_back (c.max_delay_seconds);
    return delays;
  }
}
