// The process's one PostgreSQL connection (through ODB) and the transaction wrapper every
// service uses: it retries what PostgreSQL says may be retried, reconnects after a lost
// connection, and turns an unreachable database into an `unavailable` domain_error instead of a
// crash.
#pragma once

#include <functional>
#include <memory>

#include <odb/exceptions.hxx>
#include <odb/pgsql/database.hxx>

#include "../common/config.hpp"

namespace modforge
{
  class database
  {
  public:
    // `connections`: how many connections the process may hold at once (a handler needs one;
    // a worker two: one for its transactions, one that LISTENs).
    explicit database (const database_config&, std::size_t connections = 1);

    // Runs `work` inside one transaction and commits it. On a lost connection, a deadlock or a
    // serialization failure the whole transaction is run again (at most 3 times), so `work` must
    // only touch state it recomputes. If the database cannot be reached, throws
    // database_unavailable (). Any other PostgreSQL error comes out as ODB throws it: a service
    // that may insert a row pointing at one deleted meanwhile checks is_foreign_key_violation.
    void transact (const std::function<void ()>& work);

    // Runs `work`, which must make exactly one read statement and consume its result
    // (query_one, execute_one, or iterating it to the end), without BEGIN and COMMIT: PostgreSQL
    // runs a lone statement in a transaction of its own, so the answer is the same and the
    // request makes one round trip instead of three. Retries and errors as transact().
    void read_one (const std::function<void ()>& work);

    odb::pgsql::database& odb () {return *db_;}

  private:
    void run (const std::function<void ()>& work, bool autocommit);

    std::unique_ptr<odb::pgsql::database> db_;
  };

  // The database of the transaction in progress (services call stores inside transact()).
  odb::database& current_database ();

  // Writes a row read earlier in the transaction without a lock; false when the row is gone
  // (a concurrent request deleted it since).
  template <typename T>
  bool update_if_present (const T& row)
  {
    try
    {
      current_database ().update (row);
      return true;
    }
    catch (const odb::object_not_persistent&)
    {
      return false;
    }
  }

  // Whether a PostgreSQL error means "the database is not there" rather than a bad statement.
  bool is_unavailable_error (const std::string& sqlstate);

  // Whether a PostgreSQL error is a unique-constraint violation (two inserts raced).
  bool is_unique_violation (const std::exception&);

  // Whether a PostgreSQL error is a foreign-key violation: a row was added pointing at one that
  // a concurrent request deleted (a job added to a session deleted meanwhile).
  bool is_foreign_key_violation (const std::exception&);
}
