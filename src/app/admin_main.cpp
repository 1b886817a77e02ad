// modforge-admin: operator commands. `migrate` creates or upgrades the database schema; `sweep`
// removes job files that no job owns.
#include <cstring>
#include <iostream>

#include "../common/api_error.hpp"
#include "../common/config.hpp"
#include "../common/log.hpp"
#include "../db/database.hpp"
#include "../db/schema.hpp"
#include "../jobs/file_sweeper.hpp"
#include "../jobs/job_files.hpp"

namespace
{
  const char usage[] =
    "usage: modforge-admin COMMAND\n"
    "\n"
    "commands:\n"
    "  migrate   create the schema in an empty database, or upgrade it to this program's\n"
    "            version (one transaction, under a lock)\n"
    "  sweep [--dry-run]\n"
    "            remove what no job owns under the files directory: folders of deleted jobs,\n"
    "            stray entries, temporary files older than 10 minutes (--dry-run: only count)\n"
    "\n"
    "Configuration comes from /etc/modforge/modforge.conf (or $MODFORGE_CONFIG) and\n"
    "MODFORGE_<SECTION>_<KEY> environment variables.\n"
    "\n"
    "exit codes: 0 success, 1 error (e.g. database unreachable), 2 usage,\n"
    "            3 database schema newer than this program, 4 too old to migrate\n";

  int migrate ()
  {
    using namespace modforge;
    database db (load_config ().database);
    std::uint64_t from (0), to (0);
    switch (migrate_schema (db, from, to))
    {
    case migration::created:
      std::cout << "created the schema at version " << to << std::endl;
      break;
    case migration::migrated:
      std::cout << "migrated the schema from version " << from << " to " << to << std::endl;
      break;
    case migration::unchanged:
      std::cout << "the schema is already at version " << to << std::endl;
      break;
    }
    return 0;
  }

  int sweep (bool dry_run)
  {
    using namespace modforge;
    config c (load_config ());
    database db (c.database);
    job_files files (c.files.data_dir);
    sweep_report r (sweep_files (db, files, dry_run));
    std::cout << (dry_run ? "would remove: " : "removed: ") << r.orphan_folders
              << " folders of deleted jobs, " << r.stray_entries << " stray entries, "
              << r.stale_temporaries << " stale temporary files (" << r.job_folders
              << " job folders looked at)" << std::endl;
    return 0;
  }
}

int main (int argc, char* argv[])
{
  using namespace modforge;
  set_log_program ("modforge-admin");
  if (argc == 2 && (std::strcmp (argv[1], "--help") == 0 || std::strcmp (argv[1], "-h") == 0))
  {
    std::cout << usage;
    return 0;
  }
  bool is_migrate (argc == 2 && std::strcmp (argv[1], "migrate") == 0);
  bool is_sweep (argc >= 2 && std::strcmp (argv[1], "sweep") == 0 &&
                 (argc == 2 || (argc == 3 && std::strcmp (argv[2], "--dry-run") == 0)));
  if (!is_migrate && !is_sweep)
  {
    std::cerr << usage;
    return 2;
  }

  try
  {
    return is_migrate ? migrate () : sweep (argc == 3);
  }
  catch (const migration_error& e)
  {
    std::cerr << "modforge-admin: " << e.what () << std::endl;
    return e.exit_code;
  }
  catch (const api_error& e) // database_unavailable
  {
    std::cerr << "modforge-admin: cannot reach the database: " << e.what () << std::endl;
    return 1;
  }
  catch (const std::exception& e)
  {
    std::cerr << "modforge-admin: " << e.what () << std::endl;
    return 1;
  }
}
