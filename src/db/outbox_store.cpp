// mail_outbox through ODB.
#include "outbox_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace outbox_store
  {
    typedef odb::query<outbox_message> query;

    const char* const queued_channel = "modforge_mail";

    void add (outbox_message& m) {current_database ().persist (m);}
    void update (const outbox_message& m) {current_database ().update (m);}

    std::shared_ptr<outbox_message> find_locked (std::int64_t id)
    {
      return current_database ().query_one<outbox_message> ((query::id == id) + "FOR UPDATE");
    }

    std::shared_ptr<outbox_message> next_claimable (utc_time now)
    {
      odb::result<outbox_message> r (current_database ().query<outbox_message> (
        ((query::state == outbox_state::queued && query::next_attempt_at <= now) ||
         (query::state == outbox_state::sending && query::lease_expires_at < now)) +
        "ORDER BY" + query::next_attempt_at + "," + query::id + "LIMIT 1 FOR UPDATE SKIP LOCKED"));
      auto i (r.begin ());
      return i != r.end () ? i.load () : nullptr;
    }

    odb::nullable<utc_time> next_due ()
    {
      typedef odb::query<outbox_due> dq;
      return current_database ().query_value<outbox_due> (
        dq::state == outbox_state::queued).next_attempt_at;
    }

    void notify_queued ()
    {
      current_database ().execute (std::string ("NOTIFY ") + queued_channel);
    }

    std::vector<outbox_state_count> count_by_state ()
    {
      typedef odb::query<outbox_state_count> cq;
      std::vector<outbox_state_count> v;
      for (const outbox_state_count& c: current_database ().query<outbox_state_count> (
             cq ("GROUP BY") + cq::state + "ORDER BY" + cq::state))
        v.push_back (c);
      return v;
    }
  }
}
