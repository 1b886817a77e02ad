// What modforge-admin's account commands run on: the services wired from the configuration,
// after a check that the database schema is this program's version.
#pragma once

#include "../auth/account_mail.hpp"
#include "../auth/auth_service.hpp"
#include "../auth/password_hasher.hpp"
#include "../auth/throttle.hpp"
#include "../common/config.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "admin_service.hpp"

namespace modforge
{
  struct admin_context
  {
    // Loads the configuration and connects. Throws schema_mismatch when the schema is not this
    // program's, database_unavailable () when the database cannot be reached.
    admin_context ();

    config settings;
    database db;
    job_files files;
    password_hasher hasher;
    throttle limits;
    account_mail mail;
    auth_service auth;
    admin_service admin;
  };
}
