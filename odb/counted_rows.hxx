// The answer of a native SELECT that counts rows (src/db/counted), such as how many of a user's
// jobs are in flight.
#pragma once

#include <cstdint>

#include <odb/core.hxx>

namespace modforge
{
  #pragma db view
  struct counted_rows
  {
    std::int64_t count;
  };
}
