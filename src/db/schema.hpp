// The database schema's version: checking it (every program at start) and migrating it
// (modforge-admin migrate), through ODB schema evolution.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "database.hpp"

namespace modforge
{
  enum class schema_state {current, missing, older, newer};

  struct schema_status
  {
    schema_state state;
    std::uint64_t database_version; // 0: no schema
    std::uint64_t program_version;
  };

  schema_status check_schema (database&);

  enum class migration {created, migrated, unchanged};

  // An error of migrate with the exit code modforge-admin should return.
  struct migration_error: std::runtime_error
  {
    int exit_code;
    migration_error (int code, const std::string& m): std::runtime_error (m), exit_code (code) {}
  };

  // Exit codes of `modforge-admin migrate` beyond 0 (success), 1 (error) and 2 (usage).
  const int exit_schema_newer = 3;  // the database is newer than this program
  const int exit_schema_too_old = 4; // older than the oldest version this program migrates from

  // Creates the schema in an empty database or migrates it to the program's version, in one
  // transaction under an advisory lock (two concurrent runs cannot interleave). Reads the
  // version first and refuses a database that is too new or too old (migration_error).
  migration migrate_schema (database&, std::uint64_t& from, std::uint64_t& to);
}
