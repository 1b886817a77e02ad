// Domain errors as HTTP answers.
#include "error_mapping.hpp"

namespace modforge
{
  namespace
  {
    // A restarting PostgreSQL accepts connections again within a few seconds.
    const int unavailable_retry_after_seconds = 2;
  }

  int http_status (error_kind k)
  {
    switch (k)
    {
    case error_kind::invalid_input: return 400;
    case error_kind::unauthenticated: return 401;
    case error_kind::forbidden: return 403;
    case error_kind::not_found: return 404;
    case error_kind::conflict: return 409;
    case error_kind::throttled: return 429;
    case error_kind::quota_exceeded: return 429;
    case error_kind::unavailable: return 503;
    }
    return 500; // not reached: every kind is listed above
  }

  http_error to_http_error (const domain_error& e)
  {
    http_error r (http_status (e.kind), e.code, e.what ());
    switch (e.kind)
    {
    case error_kind::unauthenticated:
      // A token was presented and refused (RFC 6750's invalid_token).
      r.headers.emplace_back ("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      r.token_refused = true;
      break;
    case error_kind::throttled:
      r.headers.emplace_back ("Retry-After", std::to_string (e.retry_after_seconds));
      break;
    case error_kind::quota_exceeded:
      if (e.retry_after_seconds > 0)
        r.headers.emplace_back ("Retry-After", std::to_string (e.retry_after_seconds));
      break;
    case error_kind::unavailable:
      r.headers.emplace_back ("Retry-After", std::to_string (unavailable_retry_after_seconds));
      break;
    default:
      break;
    }
    return r;
  }

  http_error missing_token ()
  {
    http_error e (401, "missing_token", "Authentication required");
    e.headers.emplace_back ("WWW-Authenticate", "Bearer");
    e.token_refused = true;
    return e;
  }

  http_error invalid_credentials ()
  {
    http_error e (401, "invalid_credentials", "Invalid credentials");
    // Every 401 names the scheme that opens the API (RFC 9110): the token login hands out.
    e.headers.emplace_back ("WWW-Authenticate", "Bearer");
    return e;
  }
}
