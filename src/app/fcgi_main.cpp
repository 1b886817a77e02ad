// modforge-fcgi: the API's FastCGI handler. spawn-fcgi binds the socket and multiwatch keeps N
// copies of this program alive; each serves one request at a time.
#include "../api/routes.hpp"
#include "../common/log.hpp"
#include "../http/fcgi_server.hpp"
#include "service_set.hpp"

int main ()
{
  using namespace modforge;
  set_log_program ("modforge-fcgi");
  try
  {
    service_set services (load_config ());
    router routes (make_api_router (services.api));
    serve_fastcgi ([&routes] (request& r) {return serve_api (routes, r);},
                   services.settings.http.max_body_bytes);
    return 0;
  }
  catch (const std::exception& e)
  {
    log_error (e.what ());
    return 1;
  }
}
