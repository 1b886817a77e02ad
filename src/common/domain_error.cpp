// Constructors of the domain errors that several layers raise.
#include "domain_error.hpp"

namespace modforge
{
  domain_error invalid_input (const std::string& message)
  {
    return domain_error (error_kind::invalid_input, "validation_error", message);
  }

  domain_error not_found (const std::string& message)
  {
    return domain_error (error_kind::not_found, "not_found", message);
  }

  domain_error invalid_session ()
  {
    return domain_error (error_kind::unauthenticated, "invalid_session", "Invalid session");
  }

  domain_error throttled (const std::string& code, const std::string& reason, int seconds)
  {
    domain_error e (error_kind::throttled, code,
                    reason + "; try again in " + std::to_string (seconds) + " seconds");
    e.retry_after_seconds = seconds;
    return e;
  }

  domain_error quota_exceeded (const std::string& code, const std::string& reason, int seconds)
  {
    domain_error e (error_kind::quota_exceeded, code,
                    seconds > 0 ? reason + "; try again in " + std::to_string (seconds) +
                                  " seconds"
                                : reason);
    e.retry_after_seconds = seconds;
    return e;
  }

  domain_error database_unavailable ()
  {
    return domain_error (error_kind::unavailable, "database_unavailable",
                         "Database unavailable, try again shortly");
  }
}
