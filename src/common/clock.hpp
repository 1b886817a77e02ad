// The wall clock in microseconds (UTC) and its ISO 8601 form for JSON.
#pragma once

#include <string>

#include "../../odb/types.hxx"

namespace modforge
{
  utc_time now_utc ();

  // "2024-01-01T00:00:00Z": whole seconds, as the API shows every timestamp.
  std::string format_iso8601 (utc_time);

  const utc_time microseconds_per_second = 1000000;
}
