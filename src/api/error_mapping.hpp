// How the API answers a refusal: the one mapping from a service's domain_error to its HTTP
// status and headers, and the API's own 401s, which no service raises.
#pragma once

#include "../common/domain_error.hpp"
#include "../http/http_error.hpp"

namespace modforge
{
  // invalid_input 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409,
  // throttled and quota_exceeded 429, unavailable 503.
  int http_status (error_kind);

  // The error as the client sees it: the status of its kind, its code and sentence, and the
  // headers of its kind (a refused token: WWW-Authenticate and "valid": false; throttled or
  // unavailable: Retry-After; quota_exceeded: Retry-After when the quota frees by itself).
  http_error to_http_error (const domain_error&);

  // 401 missing_token: the request carries no token at all (a bare Bearer challenge).
  http_error missing_token ();

  // 401 invalid_credentials: login's one answer for an unknown name, a wrong password and a
  // disabled account. No challenge: login takes no token.
  http_error invalid_credentials ();
}
