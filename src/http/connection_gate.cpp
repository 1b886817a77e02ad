// connection_gate: epoll_pwait() with the stop signals let in only for the wait.
#include "connection_gate.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace modforge
{
  namespace
  {
    const int stop_signals[] = {SIGUSR1, SIGUSR2, SIGTERM, SIGINT};

    volatile std::sig_atomic_t stop_requested (0);

    extern "C" void on_stop_signal (int)
    {
      stop_requested = 1;
    }

    std::runtime_error system_error (const std::string& what)
    {
      return std::runtime_error (what + ": " + std::strerror (errno));
    }

    bool is_listening_socket (int fd)
    {
      int listening (0);
      socklen_t size (sizeof (listening));
      return getsockopt (fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0 && listening;
    }
  }

  connection_gate::connection_gate (int listening_socket)
  {
    if (!is_listening_socket (listening_socket))
      throw std::runtime_error ("file descriptor " + std::to_string (listening_socket) +
                                " is not a listening socket (start the handler with spawn-fcgi)");

    int flags (fcntl (listening_socket, F_GETFL));
    if (flags < 0 || fcntl (listening_socket, F_SETFL, flags | O_NONBLOCK) != 0)
      throw system_error ("cannot make the listening socket non-blocking");

    epoll_ = epoll_create1 (EPOLL_CLOEXEC);
    if (epoll_ < 0)
      throw system_error ("epoll_create1");
    // EPOLLEXCLUSIVE: a connection wakes one idle handler (or a few), not all of them.
    epoll_event on_connection {};
    on_connection.events = EPOLLIN | EPOLLEXCLUSIVE;
    if (epoll_ctl (epoll_, EPOLL_CTL_ADD, listening_socket, &on_connection) != 0)
    {
      std::runtime_error e (system_error ("epoll_ctl on the listening socket"));
      ::close (epoll_);
      throw e;
    }

    sigset_t stops;
    sigemptyset (&stops);
    for (int s: stop_signals)
      sigaddset (&stops, s);
    pthread_sigmask (SIG_BLOCK, &stops, &outside_wait_);
    inside_wait_ = outside_wait_;
    for (int s: stop_signals)
      sigdelset (&inside_wait_, s);

    struct sigaction sa;
    std::memset (&sa, 0, sizeof (sa));
    sa.sa_handler = on_stop_signal;
    sigemptyset (&sa.sa_mask);
    for (int s: stop_signals)
      sigaction (s, &sa, nullptr);
    // libfcgi catches SIGPIPE with a handler that does nothing, which interrupts whatever system
    // call it lands in; ignored, a write to a connection nginx closed fails just the same.
    signal (SIGPIPE, SIG_IGN);
  }

  connection_gate::~connection_gate ()
  {
    ::close (epoll_);
    pthread_sigmask (SIG_SETMASK, &outside_wait_, nullptr);
  }

  bool connection_gate::wait ()
  {
    while (!stop_requested)
    {
      epoll_event ready;
      // Pending stop signals are delivered as the mask opens, so the check above cannot miss
      // one: epoll_pwait then returns EINTR.
      int n (epoll_pwait (epoll_, &ready, 1, -1, &inside_wait_));
      if (n > 0)
        return !stop_requested;
      if (n < 0 && errno != EINTR)
        throw system_error ("epoll_pwait on the listening socket");
    }
    return false;
  }
}
