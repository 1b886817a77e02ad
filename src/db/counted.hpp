// SELECT statements that answer one count (odb/counted_rows.hxx), through ODB's query with bound
// parameters. Inside a transaction (or database::read_one).
#pragma once

#include <cstdint>

#include "../../odb/counted_rows.hxx"
// The generated query types (odb::query<counted_rows>).
#include "modforge-odb.hxx"

namespace modforge
{
  typedef odb::query<counted_rows> counting_statement;

  // Runs the statement and returns its count.
  std::int64_t run_counted (const counting_statement&);

}
