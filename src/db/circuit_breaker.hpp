// A process's circuit breaker for the database: once it stopped answering, requests are refused
// at once (503) instead of each waiting for its own deadline, one request per interval tries the
// database again, and the first answer lets everything through again.
#pragma once

#include <chrono>

namespace modforge
{
  class circuit_breaker
  {
  public:
    typedef std::chrono::steady_clock::time_point time_point;

    explicit circuit_breaker (std::chrono::milliseconds probe_interval);

    // Whether a round trip may be tried now: always while closed; while open, once per
    // interval (that caller is the probe, and the interval starts again).
    bool allows (time_point now);

    // The database did not answer (no connection, or a deadline passed). True if this opened
    // the breaker (the caller logs it once).
    bool failed (time_point now);

    // The database answered. True if this closed the breaker; `open_for` is then how long it
    // was open.
    bool answered (time_point now, std::chrono::milliseconds& open_for);

    bool open () const {return open_;}

  private:
    const std::chrono::milliseconds probe_interval_;
    bool open_ = false;
    time_point opened_at_;
    time_point next_probe_;
  };
}
