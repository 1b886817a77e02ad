// Running SELECT statements that answer a count.
#include "counted.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  std::int64_t run_counted (const counting_statement& q)
  {
    counted_rows r;
    current_database ().query_one<counted_rows> (q, r);
    return r.count;
  }
}
