// jobs through ODB.
#include "job_store.hpp"

#include <odb/database.hxx>

#include "cached_query.hpp"
#include "counted.hpp"
#include "database.hpp"
#include "modforge-odb.hxx"
#include "status_list.hpp"

namespace modforge
{
  namespace job_store
  {
    typedef odb::query<job> query;

    const char* const queued_channel = "modforge_jobs";

    std::vector<job_summary> list_for_session (std::int64_t session_id, std::size_t limit,
                                               std::size_t offset)
    {
      typedef odb::query<job_summary> sq;
      struct params {std::int64_t session_id; std::int64_t limit; std::int64_t offset;};
      params* p;
      odb::prepared_query<job_summary> q (cached_query<job_summary> (
        "jobs_of_session", p, [] (params& p)
        {
          return (sq::conversation == sq::_ref (p.session_id)) + "ORDER BY" + sq::created_at +
                 "," + sq::id + "LIMIT" + sq::_ref (p.limit) + "OFFSET" + sq::_ref (p.offset);
        }));
      p->session_id = session_id;
      p->limit = static_cast<std::int64_t> (limit);
      p->offset = static_cast<std::int64_t> (offset);
      std::vector<job_summary> v;
      for (const job_summary& j: q.execute ())
        v.push_back (j);
      return v;
    }

    std::int64_t session_of (const job& j)
    {
      return j.conversation.object_id<session> ();
    }

    std::vector<job_summary> earlier_with_decisions (std::int64_t session_id, std::int64_t before,
                                                     std::size_t limit)
    {
      typedef odb::query<job_summary> sq;
      // Newest first, to take the last `limit` with the index on (session, created_at); then
      // turned round. Ids grow with creation in a session as created_at does.
      odb::result<job_summary> q (current_database ().query<job_summary> (
        (sq::conversation == session_id && sq::id < before && sq::decisions.is_not_null ()) +
        "ORDER BY" + sq::created_at + "DESC," + sq::id + "DESC LIMIT" +
        sq::_val (static_cast<std::int64_t> (limit))));
      std::vector<job_summary> v;
      for (const job_summary& j: q)
        v.push_back (j);
      return std::vector<job_summary> (v.rbegin (), v.rend ());
    }

    void add (job& j) {current_database ().persist (j);}
    void update (const job& j) {current_database ().update (j);}

    std::shared_ptr<job> find_owned (const std::string& job_id, std::int64_t user_id,
                                     bool lock)
    {
      if (lock)
        return current_database ().query_one<job> (
          (query::job_id == job_id && query::owner == user_id) + "FOR UPDATE");

      // Status polls and downloads: prepared once per connection.
      struct params {std::string job_id; std::int64_t user_id;};
      params* p;
      odb::prepared_query<job> q (cached_query<job> ("job_by_public_id", p, [] (params& p)
      {
        return query::job_id == query::_ref (p.job_id) && query::owner == query::_ref (p.user_id);
      }));
      p->job_id = job_id;
      p->user_id = user_id;
      return q.execute_one ();
    }

    std::shared_ptr<job> find_locked (std::int64_t id)
    {
      return current_database ().query_one<job> ((query::id == id) + "FOR UPDATE");
    }

    bool pick (utc_time now, job_pick& out)
    {
      typedef odb::query<job_pick> pq;
      struct params {std::int64_t now;};
      params* p;
      odb::prepared_query<job_pick> q (cached_query<job_pick> ("pick_job", p, [] (params& p)
      {
        const std::string queued ("'" + std::string (to_string (job_status::queued)) + "'");
        // A lease that ran out first: its job is taken over at once. Else the fair order, an
        // index walk of user_queues_fair_i that stops at the first user not locked by another
        // worker, then a short range of jobs_active_i. Wrapped in a SELECT: ODB sends a query
        // that begins with anything else as a WHERE condition.
        return pq ("SELECT * FROM (WITH expired AS (SELECT id, user_id FROM jobs"
                   " WHERE status IN (" + status_list (running_statuses) +
                   ") AND lease_expires_at < to_timestamp (") +
          pq::_ref (p.now) + "::DOUBLE PRECISION / 1000000)"
          " ORDER BY lease_expires_at LIMIT 1 FOR UPDATE SKIP LOCKED), "
          "chosen AS (SELECT user_id FROM user_queues"
          " WHERE queued > 0 AND NOT EXISTS (SELECT 1 FROM expired)"
          " ORDER BY running, last_claimed_at NULLS FIRST, user_id"
          " LIMIT 1 FOR UPDATE SKIP LOCKED) "
          "SELECT e.user_id, e.id, true FROM expired e "
          "UNION ALL "
          "SELECT c.user_id, j.id, false FROM chosen c LEFT JOIN LATERAL"
          " (SELECT id FROM jobs WHERE user_id = c.user_id AND status = " + queued +
          " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) j ON true) AS pick";
      }));
      p->now = now;
      return q.execute_one (out);
    }

    std::int64_t count_in_flight (std::int64_t user_id)
    {
      // An index-only range of jobs_active_i: the user's few unfinished jobs.
      return run_counted (counting_statement ("SELECT count(*) FROM jobs WHERE user_id = ") +
                          counting_statement::_val (user_id) + " AND status IN (" +
                          status_list ({job_status::queued, job_status::analyzing,
                                        job_status::generating, job_status::packaging}) + ")");
    }

    void notify_queued ()
    {
      current_database ().execute (std::string ("NOTIFY ") + queued_channel);
    }

    namespace
    {
      // Only the ids: the rows' other columns are not needed to name their folders.
      std::vector<std::int64_t> ids (const odb::query<job_key>& q)
      {
        std::vector<std::int64_t> v;
        for (const job_key& k: current_database ().query<job_key> (q))
          v.push_back (k.id);
        return v;
      }
      typedef odb::query<job_key> key_query;
    }

    std::vector<std::int64_t> ids_for_session (std::int64_t session_id)
    {
      return ids (key_query::conversation == session_id);
    }

    std::vector<std::int64_t> ids_for_user (std::int64_t user_id)
    {
      return ids (key_query::owner == user_id);
    }

    std::vector<std::int64_t> existing (const std::vector<std::int64_t>& wanted)
    {
      if (wanted.empty ())
        return {};
      return ids (key_query::id.in_range (wanted.begin (), wanted.end ()));
    }

    std::vector<job_folder> folders (const std::vector<std::int64_t>& wanted)
    {
      std::vector<job_folder> v;
      if (wanted.empty ())
        return v;
      typedef odb::query<job_folder> fq;
      for (const job_folder& f: current_database ().query<job_folder> (
             fq::id.in_range (wanted.begin (), wanted.end ())))
        v.push_back (f);
      return v;
    }

    std::vector<job_status_count> count_by_status ()
    {
      typedef odb::query<job_status_count> cq;
      std::vector<job_status_count> v;
      for (const job_status_count& c: current_database ().query<job_status_count> (
             cq ("GROUP BY") + cq::status + "ORDER BY" + cq::status))
        v.push_back (c);
      return v;
    }
  }
}
