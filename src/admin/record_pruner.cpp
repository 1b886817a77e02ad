// Removing the rows past their keeping time.
#include "record_pruner.hpp"

#include "../db/event_store.hpp"
#include "../db/throttle_store.hpp"

namespace modforge
{
  prune_report prune_records (database& db, const config& c, bool dry_run)
  {
    prune_report r;
    // One statement each: a large table is pruned without one long transaction over all three.
    db.statement ([&]
    {
      r.throttle_counters = throttle_store::remove_stale_counters (c.throttle, dry_run);
    });
    db.statement ([&]
    {
      r.known_addresses = throttle_store::remove_old_known_addresses (c.throttle, dry_run);
    });
    db.statement ([&]
    {
      r.security_events = event_store::remove_older_than (c.security.event_retention_seconds,
                                                          dry_run);
    });
    return r;
  }
}
