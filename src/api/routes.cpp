// Building the whole route table.
#include "routes.hpp"

namespace modforge
{
  router make_api_router (api_context& c)
  {
    router r;
    add_auth_routes (r, c);
    add_account_routes (r, c);
    add_session_routes (r, c);
    add_job_routes (r, c);
    return r;
  }
}
