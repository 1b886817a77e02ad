// When a message whose delivery failed is tried again, and when the outbox gives up on it: the
// arithmetic alone, so that it can be tested without a relay or a database.
#pragma once

#include "../../odb/types.hxx"
#include "../common/config.hpp"

namespace modforge
{
  // Seconds to wait after the `attempts`-th failed attempt (1, 2, ...): mail.retry_delay,
  // doubled after each further failure, at most mail.retry_max_delay.
  int retry_delay_seconds (int attempts, const mail_config&);

  // Whether a message queued at `queued_at` has been tried long enough (mail.give_up_after) to
  // be marked failed after an attempt that failed at `now`.
  bool out_of_retries (utc_time queued_at, utc_time now, const mail_config&);
}
