// The SQL of the scrape's gauges and of the health check.
#include "status_store.hpp"

#include <odb/database.hxx>

#include "../../odb/job_state.hxx"
#include "../common/domain_error.hpp"
#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace
  {
    // Each part returns (name, label, value) rows; a scrape runs them all as one statement.
    // Mail (the outbox by state) adds its part here once its table exists.
    std::vector<std::string> gauge_parts ()
    {
      return {
        "SELECT 'jobs'::text, status::text, count(*)::float8 FROM jobs GROUP BY status",
        "SELECT 'oldest_queued_job_age_seconds'::text, ''::text, "
        "COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 "
        "FROM jobs WHERE status = '" + std::string (to_string (job_status::queued)) + "'",
        "SELECT 'mail_outbox'::text, state::text, count(*)::float8 FROM mail_outbox GROUP BY state"};
    }

    std::vector<stored_number> read (const std::string& sql)
    {
      std::vector<stored_number> r;
      for (const stored_number& n: current_database ().query<stored_number> (sql))
        r.push_back (n);
      return r;
    }
  }

  namespace status_store
  {
    std::vector<stored_number> gauges ()
    {
      std::string sql;
      for (const std::string& part: gauge_parts ())
        sql += (sql.empty () ? "" : " UNION ALL ") + part;
      return read (sql);
    }

    std::int64_t schema_version ()
    {
      // ODB's own schema_version() reads the table once per process and caches it: a health
      // check must ask every time.
      std::vector<stored_number> r (read ("SELECT 'schema_version'::text, ''::text, "
                                          "version::float8 FROM schema_version WHERE name = ''"));
      if (r.empty ())
        throw database_unavailable ();
      return static_cast<std::int64_t> (r.front ().value);
    }
  }
}
