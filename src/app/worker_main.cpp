// modforge-worker: runs the jobs. Any number of them, on any host, share the queue in PostgreSQL.
#include <string>


#include "../common/config.hpp"
#include "../common/log.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "../jobs/job_pipeline.hpp"
#include "../jobs/job_queue.hpp"
#include "../jobs/worker.hpp"
#include "daemon_command_line.hpp"
#include "service_set.hpp"

namespace
{
  const modforge::daemon_description description {
    "modforge-worker",
    "Runs modforge's queued jobs: analyses the prompt, draws the images, packages the mod.\n"
    "Any number of workers, on any host, share the queue in PostgreSQL.\n",
    "  SIGTERM, SIGINT             finish the job in hand, then exit 0\n"
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

    job_files files (c.files.data_dir);
    job_queue queue (db, c.jobs);
    job_pipeline pipeline (queue, files, c.jobs);
    job_metrics durations (c.metrics.directory);
    worker w (db, queue, pipeline, c.jobs, durations);
    w.run ();
    return 0;
  }
  catch (const std::exception& e)
  {
    log_error (e.what ());
    return 1;
  }
}
