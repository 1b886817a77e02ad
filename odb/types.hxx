// Column types shared by the persistent classes: UTC timestamps and JSONB documents.
#pragma once

#include <cstdint>
#include <string>

namespace modforge
{
  // A point in time as microseconds since the Unix epoch, UTC. Members of this type carry
  // `#pragma db type("TIMESTAMPTZ")` so that the database holds real timestamps (a value pragma
  // on the typedef would apply to every 64-bit integer); the conversion is exact to the microsecond.
  typedef std::int64_t utc_time;

  // A JSON document kept as text in C++ and as JSONB in PostgreSQL.
  typedef std::string json_text;
}

#pragma db map type("TIMESTAMPTZ") as("BIGINT") \
  to("to_timestamp((?)::DOUBLE PRECISION / 1000000)") \
  from("(EXTRACT(EPOCH FROM (?)) * 1000000)::BIGINT")

#pragma db value(modforge::json_text) type("JSONB")
#pragma db map type("JSONB") as("TEXT") to("(?)::JSONB") from("(?)::TEXT")

// A CHAR(64) column compared with a parameter that libodb-pgsql binds as TEXT makes PostgreSQL
// cast the column, not the parameter, and the unique index on it is no longer used (a sequential
// scan on every authenticated request). Casting the parameter keeps the lookup on the index.
#pragma db map type("CHAR\\(64\\)") as("TEXT") to("(?)::CHAR(64)") from("(?)")
