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

  // A database whose schema this program cannot use: `newer` than the program, `older` (than
  // the oldest version migrate starts from, or, for a program that needs the current schema,
  // than the program's), or `missing`.
  struct schema_mismatch: std::runtime_error
  {
    schema_state state;
    schema_mismatch (schema_state s, const std::string& m): std::runtime_error (m), state (s) {}
  };

  // Creates the schema in an empty database or migrates it to the program's version, in one
  // transaction under an advisory lock (two concurrent runs cannot interleave). Reads the
  // version first and refuses a database that is too new or too old (schema_mismatch).
  migration migrate_schema (database&, std::uint64_t& from, std::uint64_t& to);
}
