// A deadline of the client's own on each round trip to PostgreSQL: a watchdog thread shuts the
// connection's socket down when a round trip outlives it, so that libpq, waiting in poll() for an
// answer that will never come, returns at once with the connection lost.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace modforge
{
  // Nothing else ends a round trip to a server that stopped answering without closing the
  // connection (a hung host, SIGSTOP, a partition where no RST comes): libpq has no query
  // timeout, statement_timeout needs a running server, and TCP keepalive and user timeout do
  // nothing on a unix socket. One per database object; a process serves one round trip at a time.
  class round_trip_deadline
  {
  public:
    explicit round_trip_deadline (std::chrono::milliseconds limit);
    ~round_trip_deadline ();
    round_trip_deadline (const round_trip_deadline&) = delete;
    round_trip_deadline& operator= (const round_trip_deadline&) = delete;

    // Starts the clock for a round trip on `socket`. The caller must disarm() before the
    // socket can be closed: the watchdog never touches a socket once disarm() returned.
    void arm (int socket);

    // Stops the clock; true if the deadline passed and the socket was shut down.
    bool disarm ();

    std::chrono::milliseconds limit () const {return limit_;}

  private:
    void watch ();

    const std::chrono::milliseconds limit_;
    std::mutex mutex_;
    std::condition_variable changed_;
    int socket_ = -1;                                  // -1: nothing armed
    std::chrono::steady_clock::time_point deadline_;
    bool fired_ = false;
    bool stopping_ = false;
    std::thread thread_;
  };

  // Arms a deadline for the life of a scope (a transaction, the LISTEN statement) and records
  // whether it fired. A null deadline (modforge-admin's, which may migrate for minutes) does
  // nothing.
  class deadline_scope
  {
  public:
    deadline_scope (round_trip_deadline*, int socket, bool& fired);
    ~deadline_scope ();
    deadline_scope (const deadline_scope&) = delete;
    deadline_scope& operator= (const deadline_scope&) = delete;

  private:
    round_trip_deadline* deadline_;
    bool& fired_;
  };
}
