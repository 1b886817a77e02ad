// modforge-worker: runs the jobs, and in a thread of its own delivers the mail of the outbox. Any
// number of them, on any host, share both queues in PostgreSQL.
#include <string>


#include "../common/config.hpp"
#include "../common/log.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "../jobs/job_pipeline.hpp"
#include "../jobs/job_queue.hpp"
#include "../jobs/worker.hpp"
#include "../mail/mail_sender.hpp"
#include "daemon_command_line.hpp"
#include "service_set.hpp"

namespace
{
  const modforge::daemon_description description {
    "modforge-worker",
    "Runs modforge's queued jobs: analyses the prompt, draws the images, packages the mod.\n"
    "In a thread of its own it delivers the mail of the outbox to the configured relay.\n"
    "Any number of workers, on any host, share both queues in PostgreSQL.\n",
    "  SIGTERM, SIGINT             finish the job and the mail in hand, then exit 0\n"
    "  SIGPIPE                     ignored\n"};
}

int main (int argc, char* argv[])
{
  using namespace modforge;
  set_log_program ("modforge-worker");
  int status (0);
  if (!accept_daemon_command_line (argc, argv, description, status))
    return status;
  try
  {
    config c (load_config ());
    // One connection for transactions, one that LISTENs.
    database db (c.database, 2);
    require_current_schema (db);

    // The mail thread leaves the stop signals to this one, which stops it after the job loop.
    mail_sender mail (c);
    mail.start ();

    job_files files (c.files.data_dir);
    job_queue queue (db, c.jobs);
    job_pipeline pipeline (queue, files, c.jobs);
    job_metrics durations (c.metrics.directory);
    worker w (db, queue, pipeline, c.jobs, durations);
    w.run ();
    mail.stop ();
    return 0;
  }
  catch (const std::exception& e)
  {
    log_error (e.what ());
    return 1;
  }
}
