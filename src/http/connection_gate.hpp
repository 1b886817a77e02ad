// Where an idle FastCGI handler waits: for a connection on its listening socket, or for a stop
// signal. The one place a stop signal may land.
#pragma once

#include <csignal>

namespace modforge
{
  // From construction on, the stop signals (SIGUSR1, SIGUSR2, SIGTERM, SIGINT) are blocked in
  // the calling thread and let in only inside wait(); every other thread of the process must
  // block them too (the database's watchdog thread blocks all signals). libfcgi cannot take a
  // signal anywhere else: one that interrupts its read of a request cuts the request short (it
  // was answered 404, its URI missing), and one that lands in the poll libfcgi 2.4.2 makes right
  // after accept() closes the connection unanswered and leaves OS_Accept looping for ever on
  // the closed descriptor (the handler spins and never exits).
  // Blocked, a signal sent while a request is served waits for the next wait(), which returns
  // false at once: it is neither lost nor early.
  //
  // The listening socket is made non-blocking (it is shared with the other handlers, which all
  // run this code): when several handlers wake for one connection, those that lose the race
  // get EAGAIN from accept() instead of blocking in it with the stop signals shut out.
  class connection_gate
  {
  public:
    // Throws std::runtime_error when `listening_socket` is not a listening socket (the program
    // was not started by spawn-fcgi), before anything is changed.
    explicit connection_gate (int listening_socket);
    ~connection_gate ();

    connection_gate (const connection_gate&) = delete;
    connection_gate& operator= (const connection_gate&) = delete;

    // Waits. True: a connection may be waiting (another handler may have taken it first);
    // false: a stop signal came, now or while the caller was busy. Throws std::runtime_error if
    // the wait itself fails.
    bool wait ();

  private:
    int epoll_;
    sigset_t outside_wait_;   // the thread's mask before construction
    sigset_t inside_wait_;    // the same, with the stop signals let in
  };
}
