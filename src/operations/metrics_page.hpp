// GET /metrics: this host's counters (every handler's requests, every worker's jobs) and the
// gauges that live in PostgreSQL, read by one statement at each scrape.
#pragma once

#include <string>

#include "../common/config.hpp"
#include "../db/database.hpp"
#include "../metrics/job_metrics.hpp"
#include "../metrics/request_metrics.hpp"

namespace modforge
{
  class metrics_page
  {
  public:
    metrics_page (database&, const request_metrics&, const metrics_config&);

    // The page in Prometheus' text format (exposition::content_type). While the database does
    // not answer, modforge_database_up is 0 and its gauges have no samples; the counters are
    // there all the same.
    std::string render ();

  private:
    database& db_;
    const request_metrics& requests_;
    job_metrics jobs_;
  };
}
