// The wall clock and timestamp formatting.
#include "clock.hpp"

#include <cstdio>
#include <ctime>

namespace modforge
{
  utc_time now_utc ()
  {
    timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return static_cast<utc_time> (ts.tv_sec) * microseconds_per_second + ts.tv_nsec / 1000;
  }

  namespace
  {
    // "2024-01-01T00:00:00" and the microseconds past that second (floor division, so that
    // times before 1970 still format correctly).
    std::string whole_seconds (utc_time t, utc_time& fraction)
    {
      utc_time seconds (t / microseconds_per_second);
      fraction = t % microseconds_per_second;
      if (fraction < 0)
      {
        --seconds;
        fraction += microseconds_per_second;
      }
      std::time_t s (static_cast<std::time_t> (seconds));
      std::tm tm;
      gmtime_r (&s, &tm);
      char buf[32];
      std::strftime (buf, sizeof (buf), "%Y-%m-%dT%H:%M:%S", &tm);
      return buf;
    }
  }

  std::string format_iso8601 (utc_time t)
  {
    utc_time fraction;
    return whole_seconds (t, fraction) + "Z";
  }

  std::string format_iso8601_milliseconds (utc_time t)
  {
    utc_time fraction;
    std::string s (whole_seconds (t, fraction));
    char ms[8];
    std::snprintf (ms, sizeof ms, ".%03dZ", static_cast<int> (fraction / 1000));
    return s + ms;
  }

  int seconds_until (utc_time until, utc_time now)
  {
    if (until <= now)
      return 0;
    return static_cast<int> ((until - now + microseconds_per_second - 1) /
                             microseconds_per_second);
  }
}
