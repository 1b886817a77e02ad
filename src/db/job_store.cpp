// jobs through ODB.
#include "job_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace job_store
  {
    std::vector<job_summary> list_for_session (std::int64_t session_id)
    {
      typedef odb::query<job_summary> query;
      std::vector<job_summary> v;
      for (const job_summary& j: current_database ().query<job_summary> (
             (query::conversation == session_id) + "ORDER BY" + query::created_at + "," +
             query::id))
        v.push_back (j);
      return v;
    }
  }
}
