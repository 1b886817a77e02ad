// user_queues through ODB.
#include "queue_store.hpp"

#include <string>

#include <odb/database.hxx>

#include "database.hpp"
#include "native_statement.hpp"
#include "status_list.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace queue_store
  {
    typedef odb::query<user_queue> query;

    std::shared_ptr<user_queue> find_locked (std::int64_t user_id)
    {
      return current_database ().query_one<user_queue> ((query::owner == user_id) +
                                                        "FOR UPDATE");
    }

    void add (user_queue& q) {current_database ().persist (q);}
    void update (const user_queue& q) {current_database ().update (q);}

    void job_claimed (std::int64_t user_id, utc_time now, bool from_queue)
    {
      native_statement s (std::string ("UPDATE user_queues SET last_claimed_at ="
                                       " to_timestamp ($2::BIGINT / 1000000.0)") +
                          (from_queue ? ", queued = GREATEST (queued - 1, 0),"
                                        " running = running + 1" : "") +
                          " WHERE user_id = $1::BIGINT");
      s.bind (user_id).bind (now).run ();
    }

    void job_ended (std::int64_t user_id)
    {
      native_statement s ("UPDATE user_queues SET running = GREATEST (running - 1, 0)"
                          " WHERE user_id = $1::BIGINT");
      s.bind (user_id).run ();
    }

    void recount (std::int64_t user_id)
    {
      native_statement s (std::string ("UPDATE user_queues q SET"
        " queued = (SELECT count(*) FROM jobs j WHERE j.user_id = q.user_id AND j.status = '") +
        to_string (job_status::queued) + "'),"
        " running = (SELECT count(*) FROM jobs j WHERE j.user_id = q.user_id"
        " AND j.status IN (" + status_list (running_statuses) + "))"
        " WHERE q.user_id = $1::BIGINT");
      s.bind (user_id).run ();
    }
  }
}
