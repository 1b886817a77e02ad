// The route table of the API, in one place (each area adds its own routes), and the edge where a
// request goes through it.
#pragma once

#include "../http/router.hpp"
#include "api_context.hpp"

namespace modforge
{
  void add_auth_routes (router&, api_context&);     // register, login, verify, logout
  void add_account_routes (router&, api_context&);  // me, tokens, logout-all, events
  void add_session_routes (router&, api_context&);  // sessions
  void add_job_routes (router&, api_context&);      // jobs, their images and downloads
  void add_email_routes (router&, api_context&);    // password reset, email verification
  void add_operations_routes (router&, api_context&); // health, metrics

  router make_api_router (api_context&);

  // Answers a request through the route table. A domain_error from a handler (or the router's
  // "Not found") is answered in its HTTP form, and a throttled one counted in `counts` (if
  // any) by its limit; an http_error or anything unexpected goes on to the server loop, which
  // answers it.
  response serve_api (const router&, request&, request_metrics* counts = nullptr);
}
