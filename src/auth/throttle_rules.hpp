// The arithmetic of brute-force throttling, apart from the database so that it can be tested
// alone: counting failures in a window, the growing lockout, and what Retry-After says.
#pragma once

#include "../../odb/login_throttle.hxx"
#include "../common/config.hpp"

namespace modforge
{
  // Seconds until `t` lets an attempt through at `now` (rounded up); 0 when it does.
  int retry_after_seconds (const login_throttle& t, utc_time now);

  // A failed login at `now`: failures further apart than the window start a new count; from
  // `limit` failures on, each one locks for base_delay, doubled per further failure, at most
  // max_delay.
  void count_failure (login_throttle& t, utc_time now, int limit, const throttle_config&);

  // An event at `now`, at most `limit` per fixed window of `window_seconds` from the first: once
  // the limit is reached, the rest of the window is locked.
  void count_event (login_throttle& t, utc_time now, int limit, int window_seconds);

  // A registration at `now`: count_event with the registration limit and window.
  void count_registration (login_throttle& t, utc_time now, const throttle_config&);

  // The lockout after `failures` failures (failures >= limit), in seconds.
  int lockout_seconds (int failures, int limit, const throttle_config&);
}
