// sessions through ODB.
#include "session_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace session_store
  {
    typedef odb::query<session> query;

    std::shared_ptr<session> find_owned (std::int64_t session_id, std::int64_t user_id)
    {
      return current_database ().query_one<session> (query::id == session_id &&
                                                     query::owner == user_id);
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
      std::vector<session_summary> v;
      for (const session_summary& s: current_database ().query<session_summary> (
             (sq::session::owner == user_id) + "GROUP BY" + sq::session::id + "ORDER BY" +
             sq::session::last_used_at + "DESC," + sq::session::id + "DESC LIMIT" +
             sq::_val (static_cast<std::int64_t> (limit)) + "OFFSET" +
             sq::_val (static_cast<std::int64_t> (offset))))
        v.push_back (s);
      return v;
    }

    void add (session& s) {current_database ().persist (s);}
    void update (const session& s) {current_database ().update (s);}

    bool remove_owned (std::int64_t session_id, std::int64_t user_id)
    {
      return current_database ().erase_query<session> (query::id == session_id &&
                                                       query::owner == user_id) != 0;
    }

    std::int64_t count () {return current_database ().query_value<session_count> ().total;}
  }
}
