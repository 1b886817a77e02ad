// The retry schedule of the outbox.
#include "retry_schedule.hpp"

#include "../common/clock.hpp"

namespace modforge
{
  int retry_delay_seconds (int attempts, const mail_config& c)
  {
    long long d (c.retry_delay_seconds);
    for (int i (1); i < attempts && d < c.retry_max_delay_seconds; ++i)
      d *= 2;
    return static_cast<int> (d < c.retry_max_delay_seconds ? d : c.retry_max_delay_seconds);
  }

  bool out_of_retries (utc_time queued_at, utc_time now, const mail_config& c)
  {
    return now - queued_at >= c.give_up_after_seconds * microseconds_per_second;
  }
}
