// modforge-admin's exit statuses, and the one mapping from a failure to its status.
#pragma once

#include "../common/domain_error.hpp"
#include "../db/schema.hpp"

namespace modforge
{
  const int exit_success = 0;
  const int exit_error = 1;            // anything else, e.g. the database cannot be reached
  const int exit_usage = 2;            // the command line does not fit the command
  const int exit_schema_newer = 3;     // the database schema is newer than this program
  const int exit_schema_too_old = 4;   // older than migrate starts from, or not migrated yet
  const int exit_no_such_user = 5;
  const int exit_already_exists = 6;   // create-user: the username or email is taken
  const int exit_invalid_input = 7;    // a bad username, email, password or #<id>
  const int exit_bad_configuration = 8; // check-config: the configuration would not load

  // not_found: exit_no_such_user (the one thing a command looks up); conflict:
  // exit_already_exists; invalid_input: exit_invalid_input; any other kind: exit_error.
  int exit_code_of (error_kind);

  // newer: exit_schema_newer; older or missing: exit_schema_too_old.
  int exit_code_of (schema_state);
}
