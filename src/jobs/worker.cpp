// The worker loop.
#include "worker.hpp"

#include <cerrno>
#include <csignal>
#include <memory>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "../common/log.hpp"
#include "../db/job_listener.hpp"

namespace modforge
{
  namespace
  {
    volatile std::sig_atomic_t stopping = 0;
    // The self-pipe: a signal wakes the poll() in wait() at once.
    int wake_pipe[2] = {-1, -1};

    extern "C" void on_stop_signal (int)
    {
      stopping = 1;
      int saved (errno);
      if (wake_pipe[1] >= 0)
        (void) !::write (wake_pipe[1], "x", 1);
      errno = saved;
    }

    void install_signals ()
    {
      if (pipe2 (wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
        throw std::runtime_error ("cannot create the wake-up pipe");
      struct sigaction sa {};
      sa.sa_handler = on_stop_signal;
      sigemptyset (&sa.sa_mask);
      sigaction (SIGTERM, &sa, nullptr);
      sigaction (SIGINT, &sa, nullptr);
      // The analyser command's stdin may close early.
      signal (SIGPIPE, SIG_IGN);
    }

    const int retry_seconds = 2;
  }

  worker::worker (database& db, job_queue& q, job_pipeline& p, const jobs_config& c,
                  job_metrics& durations)
      : db_ (db), queue_ (q), pipeline_ (p), config_ (c), durations_ (durations) {}

  void worker::wait (int fd, int seconds)
  {
    pollfd fds[2] = {{wake_pipe[0], POLLIN, 0}, {fd, POLLIN, 0}};
    int n (poll (fds, fd >= 0 ? 2 : 1, seconds * 1000));
    if (n < 0 && errno != EINTR)
      throw std::runtime_error ("poll failed");
    char buf[64];
    while (::read (wake_pipe[0], buf, sizeof buf) > 0)
      ;
  }

  void worker::run ()
  {
    install_signals ();
    // Which worker ran a job is told here (host) and by each line's pid, never in the job's
    // own log, which its owner reads.
    char host[256] = "";
    gethostname (host, sizeof host - 1);
    log_info (std::string ("started on ") + host + "; waiting for jobs");
    std::unique_ptr<job_listener> listener;
    while (!stopping)
    {
      try
      {
        // LISTEN before looking at the queue, so that a job queued in between still wakes us.
        if (listener == nullptr)
          listener.reset (new job_listener (db_));

        claimed_job c;
        while (!stopping && queue_.claim_next (c))
        {
          log_info ("job " + c.job_id + ": " + to_string (c.task) + " (attempt " +
                    std::to_string (c.attempts) + ")");
          std::chrono::steady_clock::time_point claimed (std::chrono::steady_clock::now ());
          job_pipeline::outcome o (pipeline_.run (c));
          // A job lost to another worker is that worker's to count.
          if (o != job_pipeline::outcome::lost)
            durations_.finished (to_string (c.task),
                                 o == job_pipeline::outcome::completed ? "completed" : "failed",
                                 std::chrono::duration_cast<std::chrono::microseconds> (
                                   std::chrono::steady_clock::now () - claimed));
        }
        if (stopping)
          break;
        wait (listener->socket (), config_.poll_seconds);
        listener->drain ();
      }
      catch (const std::exception& e)
      {
        // Handled: the worker tries again (a database that is away is waited out).
        log_warning (std::string ("waiting ") + std::to_string (retry_seconds) +
                     " s after: " + e.what ());
        listener.reset ();
        wait (-1, retry_seconds);
      }
    }
    log_info ("stopping");
  }
}
