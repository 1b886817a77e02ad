// modforge-fcgi: the API's FastCGI handler. spawn-fcgi binds the socket and multiwatch keeps N
// copies of this program alive; each serves one request at a time.
#include "../api/routes.hpp"
#include "../common/log.hpp"
#include "../http/fcgi_server.hpp"
#include "daemon_command_line.hpp"
#include "service_set.hpp"

namespace
{
  const modforge::daemon_description description {
    "modforge-fcgi",
    "Answers modforge's HTTP API behind nginx on the FastCGI socket it inherits as standard\n"
    "input (spawn-fcgi binds it; multiwatch keeps copies alive).\n",
    "  SIGUSR1, SIGTERM, SIGINT    finish the request in hand, then exit 0\n"
    "  SIGUSR2                     finish the request in hand, then exit 0 (a reload)\n"
    "  SIGPIPE                     ignored\n"};
}

int main (int argc, char* argv[])
{
  using namespace modforge;
  set_log_program ("modforge-fcgi");
  int status (0);
  if (!accept_daemon_command_line (argc, argv, description, status))
    return status;
  try
  {
    service_set services (load_config ());
    router routes (make_api_router (services.api));
    request_metrics& counts (services.counts);
    serve_fastcgi ([&routes, &counts] (request& r) {return serve_api (routes, r, &counts);},
                   services.settings.http.max_body_bytes,
                   [&counts] (const request& r, const response& a, std::chrono::microseconds t)
                   {
                     counts.answered (r.route, a.status, t);
                   });
    return 0;
  }
  catch (const std::exception& e)
  {
    log_error (e.what ());
    return 1;
  }
}
