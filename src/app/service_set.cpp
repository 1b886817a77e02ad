// Wiring the services of a process.
#include "service_set.hpp"

#include <stdexcept>

#include "../api/routes.hpp"
#include "../auth/client_address.hpp"
#include "../common/domain_error.hpp"
#include "../common/log.hpp"
#include "../db/schema.hpp"

namespace modforge
{
  service_set::service_set (config c)
      : settings (std::move (c)),
        db (settings.database),
        files (settings.files.data_dir),
        hasher (settings.security.bcrypt_cost),
        limits (db, settings.throttle),
        mail (settings),
        auth (db, settings.security, settings.quotas, hasher, limits, mail),
        accounts (db, auth, files),
        recovery (db, auth, limits),
        verification (db, auth, limits),
        sessions (db, files, settings.quotas),
        jobs (db, settings.jobs, settings.quotas),
        health (db),
        api {auth, accounts, sessions, jobs, settings.security, recovery,
             verification, health, metrics, counts},
        counts (settings.metrics.directory, make_api_router (api).patterns ()),
        metrics (db, counts, settings.metrics)
  {
    check_service_settings (settings);
    require_current_schema (db);
  }

  void check_service_settings (const config& c)
  {
    std::string bad;
    if (!valid_proxy_list (c.security.trusted_proxies, bad))
      throw std::runtime_error ("configuration: security.trusted_proxies: '" + bad +
                                "' is neither an address nor a CIDR range");
  }

  void require_current_schema (database& db)
  {
    schema_status s {schema_state::current, 0, 0};
    try
    {
      s = check_schema (db);
    }
    catch (const domain_error& e)
    {
      if (e.kind != error_kind::unavailable)
        throw;
      log_warning ("database unreachable at start; answering 503 until it is back");
      return;
    }
    if (s.state == schema_state::current)
      return;
    throw std::runtime_error (
      "database schema version " + std::to_string (s.database_version) + " does not match " +
      "this program's " + std::to_string (s.program_version) + "; run 'modforge-admin migrate'");
  }
}
