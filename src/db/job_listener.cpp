// LISTEN/NOTIFY through libpq, on a connection ODB opened.
#include "job_listener.hpp"

#include <stdexcept>
#include <string>

#include <libpq-fe.h>
#include <odb/exceptions.hxx>
#include <odb/pgsql/exceptions.hxx>

#include "../common/domain_error.hpp"
#include "job_store.hpp"

namespace modforge
{
  job_listener::job_listener (database& db, const char* channel)
      : connection_ (db.connect ())
  {
    db.bounded (*connection_, [this, channel]
    {
      connection_->execute (std::string ("LISTEN ") +
                            (channel != nullptr ? channel : job_store::queued_channel));
    });
  }

  job_listener::~job_listener ()
  {
    // A connection that listens must not go back to the pool for transactions: LISTEN would
    // stay on it. Marking it failed makes the pool close it.
    if (connection_)
      connection_->mark_failed ();
  }

  int job_listener::socket () const
  {
    return PQsocket (connection_->handle ());
  }

  bool job_listener::drain ()
  {
    PGconn* h (connection_->handle ());
    if (PQconsumeInput (h) == 0 || PQstatus (h) != CONNECTION_OK)
      throw std::runtime_error (std::string ("the listening connection broke: ") +
                                PQerrorMessage (h));
    bool any (false);
    while (PGnotify* n = PQnotifies (h))
    {
      any = true;
      PQfreemem (n);
    }
    return any;
  }
}
