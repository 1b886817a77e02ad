// The workers' counters, shared by every worker of the host: how long the jobs they ran took,
// by task and outcome (a histogram).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "exposition.hpp"
#include "histogram_slots.hpp"
#include "shared_counters.hpp"

namespace modforge
{
  class job_metrics
  {
  public:
    static const std::vector<std::string>& tasks ();      // job_task's names
    static const std::vector<std::string>& outcomes ();   // completed, failed
    static const std::vector<double>& duration_bounds (); // seconds

    // Maps `directory`/workers.
    explicit job_metrics (const std::string& directory);

    // A job's task ran from its claim to its end, with that outcome.
    void finished (const std::string& task, const std::string& outcome,
                   std::chrono::microseconds took);

    // The family modforge_job_duration_seconds.
    void write (exposition&) const;

  private:
    std::size_t slot (std::size_t task, std::size_t outcome) const;

    histogram_slots durations_;
    std::unique_ptr<shared_counters> counters_;
  };
}
