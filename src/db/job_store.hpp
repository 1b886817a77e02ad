// Reading jobs for the session views; called inside database::transact.
#pragma once

#include <cstdint>
#include <vector>

#include "../../odb/job_summary.hxx"

namespace modforge
{
  namespace job_store
  {
    // The jobs of one session, oldest first.
    std::vector<job_summary> list_for_session (std::int64_t session_id);
  }
}
