// A connection that LISTENs for "a job was queued" (job_store::notify_queued), or on another
// channel (the outbox's: outbox_store::notify_queued), so that an idle worker or mail sender
// wakes at once instead of polling the table.
#pragma once

#include <odb/pgsql/connection.hxx>

#include "database.hpp"

namespace modforge
{
  class job_listener
  {
  public:
    // Takes a connection of its own from `db` and LISTENs on it, on `channel` (by default the
    // job queue's). Throws database_unavailable () if the database cannot be reached.
    explicit job_listener (database& db, const char* channel = nullptr);
    ~job_listener ();

    // The socket to poll() for input.
    int socket () const;

    // Reads what arrived; true if at least one notification did. Throws std::runtime_error if
    // the connection is broken (make a new listener then).
    bool drain ();

  private:
    odb::pgsql::connection_ptr connection_;
  };
}
