// Connecting to PostgreSQL and running transactions with retries, deadlines and a circuit breaker.
#include "database.hpp"

#include <algorithm>

#include <libpq-fe.h>
#include <odb/exceptions.hxx>
#include <odb/pgsql/connection-factory.hxx>
#include <odb/pgsql/exceptions.hxx>
#include <odb/pgsql/transaction-impl.hxx>
#include <odb/transaction.hxx>

#include "../common/domain_error.hpp"
#include "../common/log.hpp"
#include "connection_string.hpp"
#include "connection_string.hpp"

namespace modforge
{
  namespace
  {
    const int max_attempts = 3;
    // While the database does not answer, one request per this interval tries it again.
    const std::chrono::milliseconds probe_interval (1000);

    // An ODB transaction that sends neither BEGIN nor COMMIT: the statement made in it runs in
    // PostgreSQL's autocommit mode. The connection goes back to the pool when it is destroyed.
    // ODB's own commit would also drop uncached results still open on the connection, which
    // is why read_one's work must consume what it reads.
    class autocommit_transaction: public odb::pgsql::transaction_impl
    {
    public:
      explicit autocommit_transaction (odb::pgsql::connection_ptr c)
        : transaction_impl (std::move (c)) {}

      void start () override {}
      void commit () override {}
      void rollback () override {}
    };

    std::chrono::steady_clock::time_point now ()
    {
      return std::chrono::steady_clock::now ();
    }

    int socket_of (odb::pgsql::connection& c)
    {
      return PQsocket (c.handle ());
    }
  }

  bool is_unavailable_error (const std::string& sqlstate)
  {
    // Empty: libpq failed before the server answered (refused, no socket, timeout). "?????":
    // ODB's word for an error libpq made up itself, with no SQLSTATE from the server, such as
    // "server closed the connection unexpectedly" after an immediate shutdown.
    // 08: connection exceptions; 57P01-57P03: shutdown or starting up; 53: out of resources.
    return sqlstate.empty () || sqlstate == "?????" || sqlstate.compare (0, 2, "08") == 0 ||
           sqlstate.compare (0, 4, "57P0") == 0 || sqlstate.compare (0, 2, "53") == 0;
  }

  // 57014: query_canceled (statement_timeout); 55P03: lock_not_available (lock_timeout).
  bool is_timeout_error (const std::string& sqlstate)
  {
    return sqlstate == "57014" || sqlstate == "55P03";
  }

  namespace
  {
    bool has_sqlstate (const std::exception& e, const char* sqlstate)
    {
      auto d (dynamic_cast<const odb::pgsql::database_exception*> (&e));
      return d != nullptr && d->sqlstate () == sqlstate;
    }
  }

  bool is_unique_violation (const std::exception& e) {return has_sqlstate (e, "23505");}
  bool is_foreign_key_violation (const std::exception& e) {return has_sqlstate (e, "23503");}

  std::string connection_options (const database_config& c, round_trips r)
  {
    if (r == round_trips::unbounded)
      return "";
    long deadline_ms (c.round_trip_timeout_seconds * 1000L);
    long server_ms (deadline_ms * 3 / 4);
    long idle_ms (std::max (10000L, 5 * deadline_ms));
    return " keepalives=1 keepalives_idle=10 keepalives_interval=2 keepalives_count=3"
           " tcp_user_timeout=" + std::to_string (deadline_ms) +
           " options='-c statement_timeout=" + std::to_string (server_ms) +
           " -c lock_timeout=" + std::to_string (server_ms) +
           " -c idle_in_transaction_session_timeout=" + std::to_string (idle_ms) + "'";
  }

  database::database (const database_config& c, std::size_t connections, round_trips r)
      : breaker_ (probe_interval)
  {
    // One connection per process: handlers serve one request at a time. The pool discards a
    // connection that failed and opens a new one for the next transaction.
    std::unique_ptr<odb::pgsql::connection_factory> f (
      new odb::pgsql::connection_pool_factory (connections, 0));

    db_.reset (new odb::pgsql::database (connection_string (c) + connection_options (c, r),
                                         std::move (f)));
    if (r == round_trips::bounded)
      deadline_.reset (new round_trip_deadline (
        std::chrono::milliseconds (c.round_trip_timeout_seconds * 1000L)));
  }

  void database::transact (const std::function<void ()>& work)
  {
    run (work, false);
  }

  void database::read_one (const std::function<void ()>& work)
  {
    run (work, true);
  }

  void database::statement (const std::function<void ()>& work)
  {
    run (work, true);
  }

  void database::unreachable (const std::string& why)
  {
    if (breaker_.failed (now ()))
      log_error ("database unreachable (" + why + "): answering 503 and trying again every " +
                 std::to_string (probe_interval.count ()) + " ms until it answers");
    throw database_unavailable ();
  }

  void database::answered ()
  {
    std::chrono::milliseconds open_for (0);
    if (breaker_.answered (now (), open_for))
      log_info ("database answers again, after " + std::to_string (open_for.count ()) +
                " ms unreachable");
  }

  odb::pgsql::connection_ptr database::connect ()
  {
    if (!breaker_.allows (now ()))
      throw database_unavailable ();
    try
    {
      // A new connection is bounded by libpq's connect_timeout: the socket is not ours to
      // watch until libpq has made it.
      return db_->connection ();
    }
    catch (const odb::exception& e)
    {
      unreachable (std::string ("cannot connect: ") + e.what ());
    }
  }

  void database::bounded (odb::pgsql::connection& c, const std::function<void ()>& work)
  {
    bool fired (false);
    try
    {
      deadline_scope d (deadline_.get (), socket_of (c), fired);
      work ();
    }
    catch (const odb::exception& e)
    {
      c.mark_failed ();
      if (fired)
        unreachable ("no answer within " + std::to_string (deadline_->limit ().count ()) + " ms");
      throw database_unavailable ();
    }
    answered ();
  }

  void database::run (const std::function<void ()>& work, bool autocommit)
  {
    for (int attempt (1);; ++attempt)
    {
      odb::pgsql::connection_ptr c (connect ());
      bool fired (false);
      try
      {
        // Declared before the transaction, so that its rollback, a round trip too, is watched.
        deadline_scope d (deadline_.get (), socket_of (*c), fired);
        odb::transaction t (autocommit ? new autocommit_transaction (c) : c->begin ());
        work ();
        t.commit ();
      }
      catch (const odb::recoverable& e) // connection_lost, timeout, deadlock
      {
        if (fired)
        {
          c->mark_failed ();
          unreachable ("no answer within " + std::to_string (deadline_->limit ().count ()) +
                       " ms");
        }
        // A lost connection may be one the server closed long ago (a restart): the next
        // attempt takes a new one, and a failure to connect opens the breaker.
        if (attempt < max_attempts)
          continue;
        log_warning (std::string ("database: giving up after retries: ") + e.what ());
        throw database_unavailable ();
      }
      catch (const odb::pgsql::database_exception& e)
      {
        if (fired)
        {
          c->mark_failed ();
          unreachable ("no answer within " + std::to_string (deadline_->limit ().count ()) +
                       " ms");
        }
        if (is_timeout_error (e.sqlstate ()))
        {
          answered ();
          log_warning (std::string ("database too slow: ") + e.message ());
          throw database_unavailable ();
        }
        if (!is_unavailable_error (e.sqlstate ()))
        {
          answered ();
          throw;
        }
        // libpq may still call such a connection healthy: make the pool open a new one.
        c->mark_failed ();
        // A restarting server refuses connections for a moment: one more try, then unavailable.
        if (attempt < 2)
          continue;
        unreachable (e.message ());
      }
      catch (...)
      {
        // The database answered; what failed is the work's own (a domain error).
        if (!fired)
          answered ();
        throw;
      }
      // The deadline passed as the last round trip ended: the socket is shut down.
      if (fired)
        c->mark_failed ();
      answered ();
      return;
    }
  }

  odb::database& current_database ()
  {
    return odb::transaction::current ().database ();
  }
}
