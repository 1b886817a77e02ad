// The libpq connection string of the database configuration: every host with its port, and
// which server will do (target_session_attrs), as libpq's multi-host strings have them.
#pragma once

#include <string>

#include "../common/config.hpp"

namespace modforge
{
  // "host='a,b' port='5432,5432' dbname='modforge' user='modforge' …": each value quoted, with
  // its quotes and backslashes escaped; an empty host or password is left out (libpq's
  // default socket, no password).
  std::string connection_string (const database_config&);
}
