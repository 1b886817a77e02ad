// The wall clock in microseconds (UTC) and its ISO 8601 form for JSON.
#pragma once

#include <string>

#include "../../odb/types.hxx"

namespace modforge
{
  utc_time now_utc ();

  // "2024-01-01T00:00:00Z": whole seconds, as the API shows most timestamps.
  std::string format_iso8601 (utc_time);
  // "2024-01-01T00:00:00.123Z": with milliseconds, for the times whose order matters to a
  // client (when a job was started and finished).
  std::string format_iso8601_milliseconds (utc_time);

  const utc_time microseconds_per_second = 1000000;

  // Whole seconds from `now` until `until`, rounded up (what a Retry-After says); 0 once it has
  // passed.
  int seconds_until (utc_time until, utc_time now);
}
