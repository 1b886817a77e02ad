// The route table of the API, in one place; each area adds its own routes.
#pragma once

#include "../http/router.hpp"
#include "api_context.hpp"

namespace modforge
{
  void add_auth_routes (router&, api_context&);     // register, login, verify, logout
  void add_account_routes (router&, api_context&);  // me, tokens, logout-all, events
  void add_session_routes (router&, api_context&);  // sessions
  void add_job_routes (router&, api_context&);      // jobs, their images and downloads

  router make_api_router (api_context&);
}
