// The wall clock and timestamp formatting.
#include "clock.hpp"

#include <ctime>

namespace modforge
{
  utc_time now_utc ()
  {
    timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return static_cast<utc_time> (ts.tv_sec) * microseconds_per_second + ts.tv_nsec / 1000;
  }

  std::string format_iso8601 (utc_time t)
  {
    // Floor division, so that times before 1970 still format correctly.
    utc_time seconds (t / microseconds_per_second);
    if (t % microseconds_per_second < 0)
      --seconds;

    std::time_t s (static_cast<std::time_t> (seconds));
    std::tm tm;
    gmtime_r (&s, &tm);
    char buf[32];
    std::strftime (buf, sizeof (buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
  }
}
