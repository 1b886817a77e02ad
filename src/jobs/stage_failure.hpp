// What becomes of a job when one of its stages throws: the worker's one retry-or-fail decision.
#pragma once

#include <exception>
#include <string>

namespace modforge
{
  struct stage_failure
  {
    // The database is away (or answered something unexpected): nothing can be recorded now. The
    // exception goes on to the worker loop, which waits, and the job's lease runs out so that a
    // worker claims it again.
    bool retry_later = false;
    // Otherwise the job fails with this sentence, fit for its owner (no server paths)...
    std::string error;
    // ...and this, when not empty, goes to the log for the operator.
    std::string log;
  };

  // Judges the exception `e` a stage threw: an unavailable domain_error or an ODB exception is
  // retried later; an analyser_failure fails the job with its plain sentence and logs its
  // detail; another generator_error fails the job with its own sentence; a std::system_error
  // (the disk: full, unwritable) or any other std::exception fails it as "Could not write the
  // job's files: ..." and is logged. Anything that is not a std::exception goes on as well.
  stage_failure judge_stage_failure (std::exception_ptr e);
}
