// sessions through ODB.
#include "session_store.hpp"

#include <odb/database.hxx>

#include "cached_query.hpp"
#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace session_store
  {
    typedef odb::query<session> query;

    std::shared_ptr<session> find_owned (std::int64_t session_id, std::int64_t user_id)
    {
      struct params {std::int64_t session_id; std::int64_t user_id;};
      params* p;
      odb::prepared_query<session> q (cached_query<session> ("session_owned", p, [] (params& p)
      {
        return query::id == query::_ref (p.session_id) && query::owner == query::_ref (p.user_id);
      }));
      p->session_id = session_id;
      p->user_id = user_id;
      return q.execute_one ();
    }

    std::shared_ptr<session> find_owned_kept (std::int64_t session_id, std::int64_t user_id)
    {
      return current_database ().query_one<session> (
        (query::id == session_id && query::owner == user_id) + "FOR KEY SHARE");
    }

    std::int64_t count_for_user (std::int64_t user_id)
    {
      return current_database ().query_value<session_count> (
        odb::query<session_count>::owner == user_id).total;
    }

    std::shared_ptr<session> most_recent (std::int64_t user_id)
    {
      odb::result<session> r (current_database ().query<session> (
        (query::owner == user_id) + "ORDER BY" + query::last_used_at + "DESC," + query::id +
        "DESC LIMIT 1"));
      auto i (r.begin ());
      return i != r.end () ? i.load () : nullptr;
    }

    std::vector<session_summary> list (std::int64_t user_id, std::size_t limit,
                                       std::size_t offset)
    {
      typedef odb::query<session_summary> sq;
      struct params {std::int64_t user_id; std::int64_t limit; std::int64_t offset;};
      params* p;
      odb::prepared_query<session_summary> q (cached_query<session_summary> (
        "sessions_of_user", p, [] (params& p)
        {
          return (sq::session::owner == sq::_ref (p.user_id)) + "GROUP BY" + sq::session::id +
                 "ORDER BY" + sq::session::last_used_at + "DESC," + sq::session::id +
                 "DESC LIMIT" + sq::_ref (p.limit) + "OFFSET" + sq::_ref (p.offset);
        }));
      p->user_id = user_id;
      p->limit = static_cast<std::int64_t> (limit);
      p->offset = static_cast<std::int64_t> (offset);
      std::vector<session_summary> v;
      for (const session_summary& s: q.execute ())
        v.push_back (s);
      return v;
    }

    void add (session& s) {current_database ().persist (s);}
    bool update (const session& s) {return update_if_present (s);}

    bool remove_owned (std::int64_t session_id, std::int64_t user_id)
    {
      return current_database ().erase_query<session> (query::id == session_id &&
                                                       query::owner == user_id) != 0;
    }

    std::int64_t count () {return current_database ().query_value<session_count> ().total;}
  }
}
