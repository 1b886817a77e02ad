// The circuit breaker's states: closed, or open with a probe per interval.
#include "circuit_breaker.hpp"

namespace modforge
{
  circuit_breaker::circuit_breaker (std::chrono::milliseconds probe_interval)
      : probe_interval_ (probe_interval) {}

  bool circuit_breaker::allows (time_point now)
  {
    if (!open_)
      return true;
    if (now < next_probe_)
      return false;
    next_probe_ = now + probe_interval_;
    return true;
  }

  bool circuit_breaker::failed (time_point now)
  {
    next_probe_ = now + probe_interval_;
    if (open_)
      return false;
    open_ = true;
    opened_at_ = now;
    return true;
  }

  bool circuit_breaker::answered (time_point now, std::chrono::milliseconds& open_for)
  {
    if (!open_)
      return false;
    open_ = false;
    open_for = std::chrono::duration_cast<std::chrono::milliseconds> (now - opened_at_);
    return true;
  }
}
