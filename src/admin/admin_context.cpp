// Wiring modforge-admin's services.
#include "admin_context.hpp"

#include "../db/schema.hpp"

namespace modforge
{
  namespace
  {
    // The account commands run the stores' queries, which need the tables as this program knows
    // them: a database of another version is refused, as migrate refuses one.
    void refuse_other_schema (database& db)
    {
      schema_status s (check_schema (db));
      std::string at ("the database schema is at version " +
                      std::to_string (s.database_version));
      std::string ours (" this program's " + std::to_string (s.program_version));
      if (s.state == schema_state::newer)
        throw schema_mismatch (s.state, at + ", newer than" + ours + "; upgrade modforge");
      if (s.state == schema_state::older)
        throw schema_mismatch (s.state,
                               at + ", older than" + ours + "; run 'modforge-admin migrate' first");
      if (s.state == schema_state::missing)
        throw schema_mismatch (s.state, "the database has no schema yet; "
                                        "run 'modforge-admin migrate' first");
    }
  }

  admin_context::admin_context ()
      : settings (load_config ()),
        db (settings.database, 1, round_trips::unbounded),
        files (settings.files.data_dir),
        hasher (settings.security.bcrypt_cost),
        limits (db, settings.throttle),
        mail (settings),
        auth (db, settings.security, settings.quotas, hasher, limits, mail),
        admin (db, auth, files)
  {
    refuse_other_schema (db);
  }
}
