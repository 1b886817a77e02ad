// Building the whole route table, and answering a request through it.
#include "routes.hpp"

#include "../http/error_response.hpp"
#include "error_mapping.hpp"

namespace modforge
{
  router make_api_router (api_context& c)
  {
    router r;
    add_auth_routes (r, c);
    add_account_routes (r, c);
    add_session_routes (r, c);
    add_job_routes (r, c);
    add_email_routes (r, c);
    add_operations_routes (r, c);
    return r;
  }

  response serve_api (const router& routes, request& r, request_metrics* counts)
  {
    try
    {
      return routes.dispatch (r);
    }
    catch (const domain_error& e)
    {
      if ((e.kind == error_kind::throttled || e.kind == error_kind::quota_exceeded) &&
          counts != nullptr)
        counts->throttled (e.code);
      return error_response (to_http_error (e));
    }
  }
}
