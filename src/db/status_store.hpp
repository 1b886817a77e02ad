// What GET /metrics and GET /api/health read from PostgreSQL: a few numbers, each read by one
// statement (one round trip; run them inside database::read_one).
#pragma once

#include <cstdint>
#include <vector>

#include "../../odb/stored_number.hxx"

namespace modforge
{
  namespace status_store
  {
    // The gauges of a scrape, one row each: name (the metric's without "modforge_"), label
    // value (or empty), value. jobs: by status (a status with no job has no row);
    // oldest_queued_job_age_seconds: 0 when nothing is queued.
    std::vector<stored_number> gauges ();

    // The schema version recorded in the database.
    std::int64_t schema_version ();
  }
}
