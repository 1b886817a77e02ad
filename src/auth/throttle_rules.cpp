// Throttling arithmetic.
#include "throttle_rules.hpp"

#include "../common/clock.hpp"

namespace modforge
{
  int retry_after_seconds (const login_throttle& t, utc_time now)
  {
    if (t.locked_until.null () || t.locked_until.get () <= now)
      return 0;
    utc_time left (t.locked_until.get () - now);
    return static_cast<int> ((left + microseconds_per_second - 1) / microseconds_per_second);
  }

  int lockout_seconds (int failures, int limit, const throttle_config& c)
  {
    int doublings (failures - limit);
    std::int64_t d (c.base_delay_seconds);
    for (int i (0); i < doublings && d < c.max_delay_seconds; ++i)
      d *= 2;
    return static_cast<int> (d < c.max_delay_seconds ? d : c.max_delay_seconds);
  }

  void count_failure (login_throttle& t, utc_time now, int limit, const throttle_config& c)
  {
    if (t.events == 0 || now - t.last_event_at > c.window_seconds * microseconds_per_second)
    {
      t.events = 0;
      t.first_event_at = now;
    }
    t.events += 1;
    t.last_event_at = now;
    if (t.events >= limit)
      t.locked_until = now + lockout_seconds (t.events, limit, c) * microseconds_per_second;
  }

  void count_event (login_throttle& t, utc_time now, int limit, int window_seconds)
  {
    utc_time window (window_seconds * microseconds_per_second);
    if (t.events == 0 || now - t.first_event_at >= window)
    {
      t.events = 0;
      t.first_event_at = now;
      t.locked_until.reset ();
    }
    t.events += 1;
    t.last_event_at = now;
    if (t.events >= limit)
      t.locked_until = t.first_event_at + window;
  }

  void count_registration (login_throttle& t, utc_time now, const throttle_config& c)
  {
    count_event (t, now, c.registrations_per_address, c.registration_window_seconds);
  }
}
