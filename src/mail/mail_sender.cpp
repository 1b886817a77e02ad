// The mail thread.
#include "mail_sender.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>
#include <stdexcept>

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include "../common/log.hpp"
#include "../db/job_listener.hpp"
#include "../db/outbox_store.hpp"
#include "mail_message.hpp"

namespace modforge
{
  namespace
  {
    const int retry_seconds = 2;

    // The stop signals are the main thread's business: it finishes its job, then stops this one.
    void block_signals ()
    {
      sigset_t s;
      sigemptyset (&s);
      for (int sig: {SIGTERM, SIGINT, SIGUSR1, SIGHUP, SIGPIPE})
        sigaddset (&s, sig);
      pthread_sigmask (SIG_BLOCK, &s, nullptr);
    }
  }

  mail_sender::mail_sender (const config& c)
      // One connection for transactions, one that LISTENs.
      : config_ (c), db_ (c.database, 2), queue_ (db_, c.mail), smtp_ (c.mail), stopping_ (false)
  {
    if (curl_global_init (CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error ("libcurl could not be initialized");
    if (pipe2 (wake_pipe_, O_NONBLOCK | O_CLOEXEC) != 0)
      throw std::runtime_error ("cannot create the mail thread's wake-up pipe");
  }

  mail_sender::~mail_sender ()
  {
    stop ();
    ::close (wake_pipe_[0]);
    ::close (wake_pipe_[1]);
    curl_global_cleanup ();
  }

  void mail_sender::start ()
  {
    thread_ = std::thread ([this] {run ();});
  }

  void mail_sender::stop ()
  {
    stopping_ = true;
    (void) !::write (wake_pipe_[1], "x", 1);
    if (thread_.joinable ())
      thread_.join ();
  }

  void mail_sender::wait (int fd, int seconds)
  {
    pollfd fds[2] = {{wake_pipe_[0], POLLIN, 0}, {fd, POLLIN, 0}};
    int n (poll (fds, fd >= 0 ? 2 : 1, seconds * 1000));
    if (n < 0 && errno != EINTR)
      throw std::runtime_error ("poll failed");
  }

  void mail_sender::deliver (const claimed_mail& c)
  {
    std::string what ("mail #" + std::to_string (c.id) + " (attempt " +
                      std::to_string (c.attempts) + ")");
    std::string text;
    try
    {
      text = format_message (mail_message {config_.mail.from, config_.mail.from_name,
                                            c.recipient, c.subject, c.body, c.message_id,
                                            c.created_at});
    }
    catch (const std::invalid_argument& e)
    {
      log_error (what + ": cannot be sent as it is, failed: " + e.what ());
      queue_.refused (c, e.what ());
      return;
    }

    smtp_outcome o (smtp_.send (c.recipient, text));
    if (o.delivered)
    {
      // Not ours any more: the lease ran out during the attempt (mail.lease_seconds must
      // outlast mail.timeout) or the account was deleted meanwhile.
      log_info (what + (queue_.delivered (c) ? ": delivered to the relay"
                                             : ": delivered, but it was no longer this sender's"));
      return;
    }
    if (queue_.attempt_failed (c, o.error))
      log_info (what + ": failed, will be tried again: " + o.error);
    else
      log_error (what + ": failed, and its retries ran out (mail.give_up_after): " + o.error);
  }

  void mail_sender::run ()
  {
    block_signals ();
    log_info ("mail: delivering through " + config_.mail.relay);
    std::unique_ptr<job_listener> listener;
    while (!stopping_)
    {
      try
      {
        // LISTEN before looking at the outbox, so that a message queued in between still wakes us.
        if (listener == nullptr)
          listener.reset (new job_listener (db_, outbox_store::queued_channel));

        claimed_mail c;
        while (!stopping_ && queue_.claim_next (c))
          deliver (c);
        if (stopping_)
          break;
        // At least a second: a message due now that could not be claimed is another sender's.
        int due (queue_.seconds_until_due ());
        int sleep (due < 0 || due > config_.mail.poll_seconds ? config_.mail.poll_seconds
                                                              : std::max (due, 1));
        wait (listener->socket (), sleep);
        listener->drain ();
      }
      catch (const std::exception& e)
      {
        log_error (std::string ("mail: waiting ") + std::to_string (retry_seconds) +
                   " s after: " + e.what ());
        listener.reset ();
        wait (-1, retry_seconds);
      }
    }
    log_info ("mail: stopping");
  }
}
