// auth_events through ODB.
#include "event_store.hpp"

#include <odb/database.hxx>

#include "../common/clock.hpp"
#include "native_statement.hpp"
#include "database.hpp"
#include "references.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace event_store
  {
    typedef odb::query<auth_event> query;

    void add (std::int64_t user_id, auth_event_kind kind, const client_info& client)
    {
      auth_event e;
      e.owner = user_ref (user_id);
      e.at = now_utc ();
      e.kind = kind;
      record_client (e, client);
      current_database ().persist (e);
    }

    std::vector<auth_event> list (std::int64_t user_id, std::size_t limit)
    {
      std::vector<auth_event> v;
      for (const auth_event& e: current_database ().query<auth_event> (
             (query::owner == user_id) + "ORDER BY" + query::id + "DESC LIMIT" +
             query::_val (static_cast<std::int64_t> (limit))))
        v.push_back (e);
      return v;
    }

    std::size_t remove_older_than (int seconds, bool dry_run)
    {
      native_statement condition ("time < now () - $1::INT * INTERVAL '1 second'");
      condition.bind (seconds);
      return remove_where ("auth_events", condition, dry_run);
    }
  }
}
