// The operator's endpoints: GET /api/health for load balancers (no token) and GET /metrics for
// Prometheus (nginx lets only loopback reach it).
#include "routes.hpp"

#include "../http/error_response.hpp"
#include "../http/json.hpp"
#include "../metrics/exposition.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    response health (api_context& c, request&)
    {
      health_report h (c.health.check ());
      if (!h.database_answers)
      {
        std::string body;
        json_writer w (body);
        w.begin_object ().member ("success", false).member ("status", "unavailable")
          .member ("database", "unreachable").member ("code", "service_unavailable")
          .end_object ();
        return json_response (503, std::move (body));
      }
      return success_response (200, [&h] (json_writer& w)
      {
        w.member ("status", "ok").member ("database", "ok")
          .member ("schema_version", h.schema_version);
      });
    }

    response metrics (api_context& c, request&)
    {
      response r;
      r.headers.emplace_back ("Content-Type", exposition::content_type);
      r.body = c.metrics.render ();
      return r;
    }
  }

  void add_operations_routes (router& rt, api_context& c)
  {
    rt.add ("GET", "/api/health", [&c] (request& r) {return health (c, r);});
    rt.add ("GET", "/metrics", [&c] (request& r) {return metrics (c, r);});
  }
}
