// `modforge-admin sweep`: removes what no job owns under the files directory: folders of jobs
// whose rows are gone (a crash between a delete and the removal of its files), the folders of
// claims that are neither published nor at work (a worker that lost its lease, or a set that
// another replaced), and temporary files a crashed worker left behind.
#pragma once

#include <cstddef>

#include "../db/database.hpp"
#include "job_files.hpp"

namespace modforge
{
  struct sweep_report
  {
    std::size_t job_folders = 0;      // folders looked at
    std::size_t orphan_folders = 0;   // removed: no such job
    std::size_t stray_entries = 0;    // removed: not a job folder at all
    std::size_t stale_temporaries = 0;
    std::size_t superseded = 0;       // removed: claim folders (and older files) nobody is shown
  };

  // Temporary files younger than this are a worker's work in progress and are left alone.
  const int stale_temporary_seconds = 600;

  // With dry_run, only counts what it would remove.
  sweep_report sweep_files (database&, const job_files&, bool dry_run);
}
