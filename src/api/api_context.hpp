// What every handler needs: the services, and the helpers that turn a request into service
// arguments (the caller's token, the JSON body, path ids, paging) with the API's 4xx rules.
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "../../odb/token_principal.hxx"
#include "../auth/account_service.hpp"
#include "../auth/auth_service.hpp"
#include "../auth/email_verification.hpp"
#include "../auth/password_recovery.hpp"
#include "../common/client_info.hpp"
#include "../common/domain_error.hpp"
#include "../http/request.hpp"
#include "../http/response.hpp"
#include "../jobs/job_service.hpp"
#include "../metrics/request_metrics.hpp"
#include "../operations/health_check.hpp"
#include "../operations/metrics_page.hpp"
#include "../sessions/session_service.hpp"

namespace modforge
{
  struct api_context
  {
    auth_service& auth;
    account_service& accounts;
    session_service& sessions;
    job_service& jobs;
    const security_config& security;
    password_recovery& recovery;
    email_verification& verification;
    health_check& health;
    metrics_page& metrics;
    request_metrics& counts;    // logins by outcome are counted where the outcome is known
  };

  // The token from "Authorization: Bearer <token>" or "X-Session-Token: <token>", authenticated.
  // Throws missing_token (an http_error) when the request carries no token, and the
  // unauthenticated domain_error invalid_session when the token is not valid.
  token_principal authenticate (api_context&, const request&);

  // The client's address (REMOTE_ADDR, or X-Forwarded-For when REMOTE_ADDR is a trusted proxy)
  // and its user agent.
  client_info client_of (const api_context&, const request&);

  // The body as a JSON object. A non-empty body must be declared application/json (415 if not);
  // an empty body is an empty object.
  rapidjson::Document json_body (const request&);

  // For the endpoints that take no fields: a body sent anyway must still be a JSON object (415
  // or 400 if not), so that every endpoint that changes something treats bodies alike.
  void expect_no_body (const request&);

  // A path capture that must be a positive database id; anything else is `missing` (the
  // not_found of what the path names).
  std::int64_t path_id (const request&, const char* name, const domain_error& missing);
  // A path capture that must be a decimal integer >= min; anything else is `missing`.
  std::int64_t path_integer (const request&, const char* name, std::int64_t min,
                             const domain_error& missing);

  // An integer query parameter within [min, max], or `fallback` when absent; else invalid_input.
  std::size_t query_integer (const request&, const char* name, std::size_t fallback,
                             std::size_t min, std::size_t max);

  // The page of a list that can grow: ?limit= (1-100, default 50) and ?offset= (0-1,000,000,
  // default 0).
  struct page
  {
    std::size_t limit, offset;
  };
  page query_page (const request&);
}
