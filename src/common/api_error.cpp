// Constructors of the errors that several layers raise.
#include "api_error.hpp"

namespace modforge
{
  api_error validation_error (const std::string& message)
  {
    return api_error (400, "validation_error", message);
  }

  api_error not_found (const std::string& message)
  {
    return api_error (404, "not_found", message);
  }

  api_error missing_token ()
  {
    api_error e (401, "missing_token", "Authentication required");
    e.headers.emplace_back ("WWW-Authenticate", "Bearer");
    return e;
  }

  api_error invalid_session ()
  {
    api_error e (401, "invalid_session", "Invalid session");
    e.headers.emplace_back ("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return e;
  }

  api_error database_unavailable ()
  {
    api_error e (503, "database_unavailable", "Database unavailable, try again shortly");
    e.headers.emplace_back ("Retry-After", "2");
    return e;
  }
}
