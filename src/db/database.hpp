// The process's one PostgreSQL connection (through ODB) and the transaction wrapper every
// service uses: it retries what PostgreSQL says may be retried, reconnects after a lost
// connection, gives up on a round trip that outlives its deadline, and turns an unreachable
// database into an `unavailable` domain_error instead of a crash or a hang.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <odb/exceptions.hxx>
#include <odb/pgsql/database.hxx>

#include "../common/config.hpp"
#include "circuit_breaker.hpp"
#include "round_trip_deadline.hpp"

namespace modforge
{
  // Whether round trips have the configured deadline (the daemons) or none (modforge-admin,
  // whose migration may rightly take minutes, and which an operator can interrupt).
  enum class round_trips {bounded, unbounded};

  class database
  {
  public:
    // `connections`: how many connections the process may hold at once (a handler needs one;
    // a worker two: one for its transactions, one that LISTENs). Bounded round trips also get
    // the server-side timeouts and TCP keepalives (see connection_options).
    explicit database (const database_config&, std::size_t connections = 1,
                       round_trips = round_trips::bounded);

    // Runs `work` inside one transaction and commits it. On a lost connection, a deadlock or a
    // serialization failure the whole transaction is run again (at most 3 times), so `work` must
    // only touch state it recomputes. If the database cannot be reached, throws
    // database_unavailable (). Any other PostgreSQL error comes out as ODB throws it: a service
    // that may insert a row pointing at one deleted meanwhile checks is_foreign_key_violation.
    // A round trip that outlives the deadline ends the attempt at once; from then on the
    // process's circuit breaker answers database_unavailable () at once, letting one attempt
    // through per second, until the database answers again.
    void transact (const std::function<void ()>& work);

    // Runs `work`, which must make exactly one read statement and consume its result
    // (query_one, execute_one, or iterating it to the end), without BEGIN and COMMIT: PostgreSQL
    // runs a lone statement in a transaction of its own, so the answer is the same and the
    // request makes one round trip instead of three. Retries and errors as transact().
    void read_one (const std::function<void ()>& work);

    // Runs `work`, which must make exactly one statement that is atomic by itself (such as an
    // INSERT … ON CONFLICT DO UPDATE that checks and counts under a row lock), in PostgreSQL's
    // one-statement transaction, as read_one does. Retries and errors as transact().
    void statement (const std::function<void ()>& work);
    // A connection of the process's pool for work outside a transaction (LISTEN), through
    // the circuit breaker; throws database_unavailable () when there is none to be had.
    odb::pgsql::connection_ptr connect ();

    // Runs `work`, round trips on `c` outside a transaction, under the deadline; throws
    // database_unavailable () (and marks `c` failed) if the deadline passed or `c` was lost.
    void bounded (odb::pgsql::connection& c, const std::function<void ()>& work);

    odb::pgsql::database& odb () {return *db_;}

  private:
    void run (const std::function<void ()>& work, bool autocommit);
    // Records that the database did not answer (logged once per outage) and throws
    // database_unavailable ().
    [[noreturn]] void unreachable (const std::string& why);
    void answered ();

    std::unique_ptr<odb::pgsql::database> db_;
    std::unique_ptr<round_trip_deadline> deadline_;   // null: unbounded
    circuit_breaker breaker_;
  };

  // The libpq connection parameters beyond connection_string's (hosts, ports, name, user,
  // connect_timeout, target_session_attrs, application_name), each after a blank: none for an
  // unbounded connection; for a bounded one TCP keepalives (a dead peer found on an idle
  // connection within about 16 s), tcp_user_timeout, and the session's statement_timeout and
  // lock_timeout (three quarters of the round-trip deadline) and
  // idle_in_transaction_session_timeout (at least 10 s), so that a running server cancels
  // slow work itself and drops the session of a client that vanished mid-transaction.
  std::string connection_options (const database_config&, round_trips);

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

  // Whether a PostgreSQL error is the server's own statement_timeout or lock_timeout: the
  // database is there but too slow or too contended; the request gets 503 all the same.
  bool is_timeout_error (const std::string& sqlstate);

  // Whether a PostgreSQL error is a unique-constraint violation (two inserts raced).
  bool is_unique_violation (const std::exception&);

  // Whether a PostgreSQL error is a foreign-key violation: a row was added pointing at one that
  // a concurrent request deleted (a job added to a session deleted meanwhile).
  bool is_foreign_key_violation (const std::exception&);
}
