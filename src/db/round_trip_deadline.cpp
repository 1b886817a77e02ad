// The watchdog thread behind the round-trip deadline.
#include "round_trip_deadline.hpp"

#include <csignal>

#include <pthread.h>
#include <sys/socket.h>

namespace modforge
{
  round_trip_deadline::round_trip_deadline (std::chrono::milliseconds limit)
      : limit_ (limit)
  {
    // Signals stay with the main thread: a stop signal caught here would not interrupt the
    // main thread's accept(), and the handler would not stop until its next request.
    sigset_t all, old;
    sigfillset (&all);
    pthread_sigmask (SIG_BLOCK, &all, &old);
    thread_ = std::thread ([this] {watch ();});
    pthread_sigmask (SIG_SETMASK, &old, nullptr);
  }

  round_trip_deadline::~round_trip_deadline ()
  {
    {
      std::lock_guard<std::mutex> l (mutex_);
      stopping_ = true;
    }
    changed_.notify_one ();
    thread_.join ();
  }

  void round_trip_deadline::arm (int socket)
  {
    {
      std::lock_guard<std::mutex> l (mutex_);
      socket_ = socket;
      deadline_ = std::chrono::steady_clock::now () + limit_;
      fired_ = false;
    }
    changed_.notify_one ();
  }

  bool round_trip_deadline::disarm ()
  {
    std::lock_guard<std::mutex> l (mutex_);
    socket_ = -1;
    return fired_;
  }

  void round_trip_deadline::watch ()
  {
    std::unique_lock<std::mutex> l (mutex_);
    while (!stopping_)
    {
      if (socket_ < 0)
      {
        changed_.wait (l);
        continue;
      }
      if (std::chrono::steady_clock::now () < deadline_)
      {
        changed_.wait_until (l, deadline_);
        continue;
      }
      // Under the lock, so the socket is still the connection's: disarm() waits for us.
      // Shut down, not closed: libpq still owns the descriptor and closes it itself.
      ::shutdown (socket_, SHUT_RDWR);
      fired_ = true;
      socket_ = -1;
    }
  }

  deadline_scope::deadline_scope (round_trip_deadline* d, int socket, bool& fired)
      : deadline_ (socket >= 0 ? d : nullptr), fired_ (fired)
  {
    fired_ = false;
    if (deadline_ != nullptr)
      deadline_->arm (socket);
  }

  deadline_scope::~deadline_scope ()
  {
    if (deadline_ != nullptr)
      fired_ = deadline_->disarm ();
  }
}
