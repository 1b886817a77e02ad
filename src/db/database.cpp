// Connecting to PostgreSQL and running transactions with retries.
#include "database.hpp"

#include <odb/exceptions.hxx>
#include <odb/pgsql/connection-factory.hxx>
#include <odb/pgsql/exceptions.hxx>
#include <odb/pgsql/transaction-impl.hxx>
#include <odb/transaction.hxx>

#include "../common/domain_error.hpp"
#include "../common/log.hpp"
#include "connection_string.hpp"

namespace modforge
{
  namespace
  {
    const int max_attempts = 3;

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

  database::database (const database_config& c, std::size_t connections)
  {
    // One connection per process: handlers serve one request at a time. The pool discards a
    // connection that failed and opens a new one for the next transaction.
    std::unique_ptr<odb::pgsql::connection_factory> f (
      new odb::pgsql::connection_pool_factory (connections, 0));

    db_.reset (new odb::pgsql::database (connection_string (c), std::move (f)));
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

  void database::run (const std::function<void ()>& work, bool autocommit)
  {
    for (int attempt (1);; ++attempt)
    {
      odb::pgsql::connection_ptr c;
      try
      {
        c = db_->connection ();
        odb::transaction t (autocommit ? new autocommit_transaction (c) : c->begin ());
        work ();
        t.commit ();
        return;
      }
      catch (const odb::recoverable& e) // connection_lost, timeout, deadlock
      {
        if (attempt < max_attempts)
          continue;
        log_error (std::string ("database: giving up after retries: ") + e.what ());
        throw database_unavailable ();
      }
      catch (const odb::pgsql::database_exception& e)
      {
        if (!is_unavailable_error (e.sqlstate ()))
          throw;
        // libpq may still call such a connection healthy: make the pool open a new one.
        if (c)
          c->mark_failed ();
        // A restarting server refuses connections for a moment: one more try, then unavailable.
        if (attempt < 2)
          continue;
        log_error (std::string ("database unavailable: ") + e.message ());
        throw database_unavailable ();
      }
    }
  }

  odb::database& current_database ()
  {
    return odb::transaction::current ().database ();
  }
}
