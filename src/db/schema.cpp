// Schema version check and migration.
#include "schema.hpp"

#include <odb/schema-catalog.hxx>

#include "status_list.hpp"

namespace modforge
{
  namespace
  {
    // pg_advisory_xact_lock key: "modforge" in ASCII, so that it is recognisable in pg_locks.
    const char lock_statement[] = "SELECT pg_advisory_xact_lock(7885082162466596709)";

    // Schema version 3 added user_queues, the fair queue's order: the users of the jobs queued
    // or running when a database is migrated get their rows, or no worker would take those
    // jobs. Here, in the file that migrate_schema is in, so that the registration is linked.
    void fill_user_queues (odb::database& db)
    {
      db.execute ("INSERT INTO user_queues (user_id, queued, running, day_jobs)"
                  " SELECT user_id, count(*) FILTER (WHERE status = '" +
                  std::string (to_string (job_status::queued)) + "'),"
                  " count(*) FILTER (WHERE status IN (" + status_list (running_statuses) +
                  ")), 0 FROM jobs WHERE status IN ('" + to_string (job_status::queued) + "', " +
                  status_list (running_statuses) + ") GROUP BY user_id");
    }

    const odb::data_migration_entry<3, 1> user_queues_from_jobs (&fill_user_queues);

    // ODB reads the version by querying schema_version, and a missing table would abort the
    // whole PostgreSQL transaction: look for the table first (execute returns the row count).
    std::uint64_t read_version (odb::database& db)
    {
      bool present (db.execute ("SELECT 1 FROM pg_catalog.pg_tables "
                                "WHERE schemaname = current_schema() "
                                "AND tablename = 'schema_version'") != 0);
      return present ? db.schema_version () : 0;
    }
  }

  schema_status check_schema (database& db)
  {
    schema_status s {schema_state::current, 0, 0};
    s.program_version = odb::schema_catalog::current_version (db.odb ());
    db.transact ([&] {s.database_version = read_version (db.odb ());});
    if (s.database_version == 0)
      s.state = schema_state::missing;
    else if (s.database_version < s.program_version)
      s.state = schema_state::older;
    else if (s.database_version > s.program_version)
      s.state = schema_state::newer;
    return s;
  }

  migration migrate_schema (database& db, std::uint64_t& from, std::uint64_t& to)
  {
    migration result (migration::unchanged);
    odb::pgsql::database& o (db.odb ());
    to = odb::schema_catalog::current_version (o);
    const std::uint64_t base (odb::schema_catalog::base_version (o));

    db.transact ([&]
    {
      o.execute (lock_statement);
      // ODB caches the version from its first read; this program's database object is new,
      // so the first read happens here, under the lock.
      from = read_version (o);
      if (from == 0)
      {
        // drop = false: never drop tables that exist without a version record.
        odb::schema_catalog::create_schema (o, "", false);
        result = migration::created;
      }
      else if (from > to)
        throw schema_mismatch (schema_state::newer,
                               "the database schema is at version " + std::to_string (from) +
                               ", newer than this program's " + std::to_string (to) +
                               "; upgrade modforge");
      else if (from < base)
        throw schema_mismatch (schema_state::older,
                               "the database schema is at version " + std::to_string (from) +
                               ", older than " + std::to_string (base) +
                               ", the oldest this program can migrate from");
      else if (from < to)
      {
        odb::schema_catalog::migrate (o, to);
        result = migration::migrated;
      }
    });
    return result;
  }
}
