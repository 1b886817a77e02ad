// A number the database reports, by name and label: what GET /metrics reads from PostgreSQL at a
// scrape (jobs by status, the oldest queued job's age) and GET /api/health's schema version. A
// native view without a query: the statement is given at run time (src/db/status_store.cpp),
// and each row it returns is one number.
#pragma once

#include <string>

#include <odb/core.hxx>

namespace modforge
{
  #pragma db view
  struct stored_number
  {
    std::string name;
    std::string label;
    double value;
  };
}
