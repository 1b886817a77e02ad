// A job's status and task, the enums kept in jobs.status and jobs.task as their names.
#pragma once

#include <cstddef>
#include <string>

#include "stored_enum.hxx"

namespace modforge
{
  // Queued, then a worker's stages in order, then completed or failed.
  enum class job_status {queued, analyzing, generating, packaging, completed, failed};

  const char* const job_status_names[] =
    {"queued", "analyzing", "generating", "packaging", "completed", "failed"};
  static_assert (sizeof (job_status_names) / sizeof (*job_status_names) ==
                 static_cast<std::size_t> (job_status::failed) + 1, "a name for each status");

  inline const char* to_string (job_status s) {return enum_name (job_status_names, s);}
  inline job_status to_job_status (const std::string& s)
  {
    return enum_value<job_status> (job_status_names, s, "job status");
  }

  // What a worker is to do when it claims the job: generate (analyse, draw, package), images
  // (draw a new set, package) or package (package with the selected image).
  enum class job_task {generate, images, package};

  const char* const job_task_names[] = {"generate", "images", "package"};
  static_assert (sizeof (job_task_names) / sizeof (*job_task_names) ==
                 static_cast<std::size_t> (job_task::package) + 1, "a name for each task");

  inline const char* to_string (job_task t) {return enum_name (job_task_names, t);}
  inline job_task to_job_task (const std::string& s)
  {
    return enum_value<job_task> (job_task_names, s, "job task");
  }
}
