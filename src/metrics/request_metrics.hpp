// The handlers' counters, shared by every handler of the host: requests by route pattern and
// status with a latency histogram by route, logins by outcome, refusals by throttle limit.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "exposition.hpp"
#include "histogram_slots.hpp"
#include "shared_counters.hpp"

namespace modforge
{
  class request_metrics
  {
  public:
    // The route label of a request that no pattern matched: a raw path is never a label.
    static const char unmatched_route[];
    // The statuses the handlers answer; any other is counted as "other".
    static const std::vector<int>& statuses ();
    // A login's outcomes, as the logins counter labels them.
    static const std::vector<std::string>& login_outcomes ();
    // The throttle limits and quotas by the code of their refusal (too_many_attempts:
    // "login"); a code not listed counts as "other". A new limit adds its line here.
    static const std::vector<std::pair<std::string, std::string>>& throttle_limits ();
    // Latency buckets, in seconds.
    static const std::vector<double>& latency_bounds ();

    // Maps `directory`/handlers for these route patterns (the route table's, in its order).
    request_metrics (const std::string& directory, const std::vector<std::string>& routes);

    // A request answered: `route` is the pattern it matched, or empty.
    void answered (const std::string& route, int status, std::chrono::microseconds took);
    void login (const std::string& outcome);
    // A throttled refusal, by its code.
    void throttled (const std::string& code);

    // The families modforge_http_requests_total, modforge_http_request_duration_seconds,
    // modforge_logins_total and modforge_throttled_total.
    void write (exposition&) const;

    bool shared () const {return counters_->shared ();}

  private:
    std::size_t route_index (const std::string& route) const;
    std::size_t status_index (int status) const;
    std::size_t request_slot (std::size_t route, std::size_t status) const;
    std::size_t latency_slot (std::size_t route) const;
    std::size_t login_slot (std::size_t outcome) const;
    std::size_t throttle_slot (std::size_t limit) const;

    std::vector<std::string> routes_;     // the patterns, then unmatched_route
    std::map<std::string, std::size_t> route_indexes_;
    histogram_slots latency_;
    std::unique_ptr<shared_counters> counters_;
  };
}
