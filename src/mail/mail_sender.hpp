// The worker's mail thread: it claims due messages of the outbox one at a time and delivers them
// to the relay, then sleeps on LISTEN modforge_mail until a message is queued, the next retry
// falls due, or the safety-net poll (mail.poll_seconds). It has database connections of its own,
// so that a slow relay never holds up the jobs; a lost database or relay is waited out.
#pragma once

#include <atomic>
#include <thread>

#include "../common/config.hpp"
#include "../db/database.hpp"
#include "mail_queue.hpp"
#include "smtp_client.hpp"

namespace modforge
{
  class mail_sender
  {
  public:
    // Initializes libcurl: construct it before any other thread starts.
    explicit mail_sender (const config&);
    ~mail_sender ();

    mail_sender (const mail_sender&) = delete;
    mail_sender& operator= (const mail_sender&) = delete;

    void start ();
    // Asks the thread to stop once the message in hand is delivered (at most mail.timeout), and
    // waits for it.
    void stop ();

  private:
    void run ();
    void deliver (const claimed_mail&);
    // Sleeps until `fd` (or -1: nothing) is readable, stop() is called, or `seconds` pass.
    void wait (int fd, int seconds);

    const config& config_;
    database db_;
    mail_queue queue_;
    smtp_client smtp_;
    std::thread thread_;
    std::atomic<bool> stopping_;
    int wake_pipe_[2];
  };
}
