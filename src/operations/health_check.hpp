// The question GET /api/health asks for a load balancer: does the database answer this
// process, and at which schema version (a real round trip, not a cached answer).
#pragma once

#include <cstdint>

#include "../db/database.hpp"

namespace modforge
{
  struct health_report
  {
    bool database_answers = false;
    std::int64_t schema_version = 0;
  };

  class health_check
  {
  public:
    explicit health_check (database&);

    // Never throws for an unreachable database: that is a report. While the process's circuit
    // breaker is open it answers at once, without a round trip (one probe per second does one).
    health_report check ();

  private:
    database& db_;
  };
}
