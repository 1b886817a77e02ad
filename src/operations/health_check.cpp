// Asking the database for its schema version.
#include "health_check.hpp"

#include "../common/domain_error.hpp"
#include "../db/status_store.hpp"

namespace modforge
{
  health_check::health_check (database& db): db_ (db) {}

  health_report health_check::check ()
  {
    health_report r;
    try
    {
      db_.read_one ([&r] {r.schema_version = status_store::schema_version ();});
      r.database_answers = true;
    }
    catch (const domain_error& e)
    {
      if (e.kind != error_kind::unavailable)
        throw;
    }
    return r;
  }
}
