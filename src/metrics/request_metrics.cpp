// The handlers' counters and where each lies in the shared file.
#include "request_metrics.hpp"

#include <algorithm>

namespace modforge
{
  namespace
  {
    std::string layout_of (const std::vector<std::string>& routes)
    {
      std::string l ("modforge handlers 1; routes");
      for (const std::string& r: routes)
        l += " " + r;
      l += "; statuses";
      for (int s: request_metrics::statuses ())
        l += " " + std::to_string (s);
      l += "; latency";
      for (double b: request_metrics::latency_bounds ())
        l += " " + metric_number (b);
      l += "; logins";
      for (const std::string& o: request_metrics::login_outcomes ())
        l += " " + o;
      l += "; limits";
      for (const auto& t: request_metrics::throttle_limits ())
        l += " " + t.second;
      return l;
    }
  }

  const char request_metrics::unmatched_route[] = "unmatched";

  const std::vector<int>& request_metrics::statuses ()
  {
    static const std::vector<int> s {200, 201, 202, 400, 401, 403, 404, 405, 409, 413, 414, 415,
                                     429, 500, 503};
    return s;
  }

  const std::vector<std::string>& request_metrics::login_outcomes ()
  {
    static const std::vector<std::string> o {"ok", "invalid_credentials", "throttled"};
    return o;
  }

  const std::vector<std::pair<std::string, std::string>>& request_metrics::throttle_limits ()
  {
    static const std::vector<std::pair<std::string, std::string>> l {
      {"too_many_attempts", "login"},
      {"too_many_registrations", "registration"},
      {"too_many_conflicts", "taken_answers"},
      {"too_many_jobs", "jobs_in_flight"},
      {"daily_job_limit", "jobs_per_day"},
      {"session_limit", "sessions"},
      {"too_many_mail_requests", "mail"}};
    return l;
  }

  const std::vector<double>& request_metrics::latency_bounds ()
  {
    static const std::vector<double> b {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    return b;
  }

  request_metrics::request_metrics (const std::string& directory,
                                    const std::vector<std::string>& routes)
      : latency_ {&latency_bounds ()}
  {
    for (const std::string& r: routes)
      if (route_indexes_.emplace (r, routes_.size ()).second)
        routes_.push_back (r);
    routes_.push_back (unmatched_route);
    std::size_t slots (throttle_slot (throttle_limits ().size () + 1));
    counters_.reset (new shared_counters (directory + "/handlers", slots, layout_of (routes_)));
  }

  std::size_t request_metrics::route_index (const std::string& route) const
  {
    auto i (route_indexes_.find (route));
    return i != route_indexes_.end () ? i->second : routes_.size () - 1;
  }

  std::size_t request_metrics::status_index (int status) const
  {
    const std::vector<int>& s (statuses ());
    return static_cast<std::size_t> (std::find (s.begin (), s.end (), status) - s.begin ());
  }

  // Requests: routes × (statuses + other); then latency: routes × histogram; then logins, then
  // throttle limits + other.
  std::size_t request_metrics::request_slot (std::size_t route, std::size_t status) const
  {
    return route * (statuses ().size () + 1) + status;
  }

  std::size_t request_metrics::latency_slot (std::size_t route) const
  {
    return request_slot (routes_.size (), 0) + route * latency_.size ();
  }

  std::size_t request_metrics::login_slot (std::size_t outcome) const
  {
    return latency_slot (routes_.size ()) + outcome;
  }

  std::size_t request_metrics::throttle_slot (std::size_t limit) const
  {
    return login_slot (login_outcomes ().size ()) + limit;
  }

  void request_metrics::answered (const std::string& route, int status,
                                  std::chrono::microseconds took)
  {
    std::size_t r (route.empty () ? routes_.size () - 1 : route_index (route));
    counters_->add (request_slot (r, status_index (status)));
    latency_.observe (*counters_, latency_slot (r), took);
  }

  void request_metrics::login (const std::string& outcome)
  {
    const std::vector<std::string>& o (login_outcomes ());
    std::size_t i (static_cast<std::size_t> (std::find (o.begin (), o.end (), outcome) -
                                             o.begin ()));
    if (i != o.size ())
      counters_->add (login_slot (i));
  }

  void request_metrics::throttled (const std::string& code)
  {
    const auto& l (throttle_limits ());
    std::size_t i (0);
    while (i != l.size () && l[i].first != code)
      ++i;
    counters_->add (throttle_slot (i));
  }

  void request_metrics::write (exposition& e) const
  {
    e.family ("modforge_http_requests_total", "counter",
              "Requests answered by the handlers of this host, by route pattern and status.");
    for (std::size_t r (0); r != routes_.size (); ++r)
      for (std::size_t s (0); s <= statuses ().size (); ++s)
      {
        std::uint64_t n (counters_->get (request_slot (r, s)));
        // Every route's 200 is always there, so that a rate has a series from the start.
        if (n != 0 || (s == 0 && routes_[r] != unmatched_route))
          e.sample ("modforge_http_requests_total",
                    {{"route", routes_[r]},
                     {"status", s < statuses ().size () ? std::to_string (statuses ()[s])
                                                        : "other"}}, n);
      }

    e.family ("modforge_http_request_duration_seconds", "histogram",
              "Time from a request's arrival at a handler to its answer, by route pattern.");
    for (std::size_t r (0); r != routes_.size (); ++r)
      latency_.write (e, "modforge_http_request_duration_seconds", {{"route", routes_[r]}},
                      *counters_, latency_slot (r));

    e.family ("modforge_logins_total", "counter", "Logins by outcome.");
    for (std::size_t o (0); o != login_outcomes ().size (); ++o)
      e.sample ("modforge_logins_total", {{"outcome", login_outcomes ()[o]}},
                counters_->get (login_slot (o)));

    e.family ("modforge_throttled_total", "counter",
              "Requests the handlers refused with 429, by the limit they hit.");
    for (std::size_t l (0); l <= throttle_limits ().size (); ++l)
      e.sample ("modforge_throttled_total",
                {{"limit", l < throttle_limits ().size () ? throttle_limits ()[l].second
                                                          : "other"}},
                counters_->get (throttle_slot (l)));
  }
}
