// login_throttles and known_addresses in native statements (src/db/native_statement: a count is
// an INSERT … ON CONFLICT DO UPDATE inside a data-modifying WITH, which ODB's queries cannot send).
#include "throttle_store.hpp"

#include "native_statement.hpp"

namespace modforge
{
  namespace throttle_store
  {
    namespace
    {
      // A TIMESTAMPTZ expression as microseconds since the epoch.
      std::string micros (const std::string& expression)
      {
        return "(EXTRACT (EPOCH FROM " + expression + ") * 1000000)::BIGINT";
      }

      // "{60,120,240}": an int[] literal, bound as text.
      std::string int_array (const std::vector<int>& v)
      {
        std::string s ("{");
        for (std::size_t i (0); i != v.size (); ++i)
          s += (i != 0 ? "," : "") + std::to_string (v[i]);
        return s + "}";
      }

      odb::nullable<std::int64_t> optional_number (const native_statement& s, std::size_t column)
      {
        if (s.text (0, column).null ())
          return odb::nullable<std::int64_t> ();
        return s.number (0, column);
      }

      const char columns[] =
        "(scope, key, events, first_event_at, last_event_at, locked_until, refusals)";

      // The counting of one counter of a password check: the data-modifying WITH item `name`,
      // reading its key and limit from p.<name>_key and p.<name>_limit. It runs only when the
      // item `after` counted the check (empty: always), and returns the row only when it
      // counted the check itself: when its lock has passed, or `exempt` (a column of p) is true.
      // The row is read and written under its row lock (ON CONFLICT DO UPDATE sees its latest
      // version), which is what keeps parallel checks within the limit.
      std::string count_password (const std::string& name, const std::string& after,
                                  const std::string& exempt)
      {
        const std::string limit ("(SELECT " + name + "_limit FROM p)");
        const std::string fresh ("t.last_event_at < EXCLUDED.last_event_at - (SELECT win FROM p)");
        const std::string events ("(CASE WHEN " + fresh + " THEN 1 ELSE t.events + 1 END)");
        // Still locked, yet counted: an exempt check (the owner's known address). It counts,
        // and neither moves the lock nor starts its refusals again.
        const std::string locked ("t.locked_until > EXCLUDED.last_event_at");
        return name + " AS (INSERT INTO login_throttles AS t " + columns +
          " SELECT '" + name + "', p." + name + "_key, 1, p.at, p.at,"
          " CASE WHEN p." + name + "_limit <= 1 THEN p.at + p.delays[1] * INTERVAL '1 second' END,"
          " 0 FROM p" + (after.empty () ? "" : " WHERE EXISTS (SELECT 1 FROM " + after + ")") +
          " ON CONFLICT (scope, key) DO UPDATE SET"
          " events = " + events + ","
          " first_event_at = CASE WHEN " + fresh +
          " THEN EXCLUDED.first_event_at ELSE t.first_event_at END,"
          " last_event_at = EXCLUDED.last_event_at,"
          " locked_until = CASE WHEN " + locked + " THEN t.locked_until"
          " WHEN " + events + " >= " + limit +
          " THEN EXCLUDED.last_event_at + (SELECT delays[LEAST (" + events + " - " + name +
          "_limit + 1, cardinality (delays))] FROM p) * INTERVAL '1 second'"
          " ELSE t.locked_until END,"
          " refusals = CASE WHEN " + locked + " THEN t.refusals"
          " WHEN " + events + " >= " + limit + " THEN 0 ELSE t.refusals END"
          " WHERE t.locked_until IS NULL OR t.locked_until <= EXCLUDED.last_event_at" +
          (exempt.empty () ? "" : " OR (SELECT " + exempt + " FROM p)") +
          " RETURNING t.id)";
      }

      // The whole check: $1 pair key, $2 address key, $3 account key, $4 user id, $5-$7 the
      // limits of pair, address and account, $8 window, $9 delays, $10 known address age.
      std::string password_check_sql ()
      {
        // The first counter that did not count the check refused it.
        const std::string refused_by ("CASE WHEN NOT EXISTS (SELECT 1 FROM pair) THEN 'pair'"
                                      " WHEN NOT EXISTS (SELECT 1 FROM address) THEN 'address'"
                                      " WHEN NOT EXISTS (SELECT 1 FROM account) THEN 'account'"
                                      " END");
        return "WITH p AS (SELECT now () AS at, $1::TEXT AS pair_key, $2::TEXT AS address_key,"
          " $3::TEXT AS account_key, $5::INT AS pair_limit, $6::INT AS address_limit,"
          " $7::INT AS account_limit, $8::INT * INTERVAL '1 second' AS win,"
          " $9::INT[] AS delays,"
          " EXISTS (SELECT 1 FROM known_addresses k WHERE k.user_id = $4::BIGINT"
          " AND k.address = $2::TEXT"
          " AND k.last_login_at > now () - $10::INT * INTERVAL '1 second') AS known), " +
          count_password ("pair", "", "") + ", " +
          count_password ("address", "pair", "") + ", " +
          count_password ("account", "address", "known") + ", "
          "refused AS (UPDATE login_throttles t SET refusals = t.refusals + 1 FROM p"
          " WHERE t.scope = " + refused_by + " AND t.key = CASE " + refused_by +
          " WHEN 'pair' THEN p.pair_key WHEN 'address' THEN p.address_key"
          " ELSE p.account_key END"
          " RETURNING t.scope, t.refusals, t.locked_until) "
          "SELECT EXISTS (SELECT 1 FROM pair), EXISTS (SELECT 1 FROM address),"
          " EXISTS (SELECT 1 FROM account), r.scope, r.refusals, " + micros ("r.locked_until") +
          ", " + micros ("p.at") + " FROM p LEFT JOIN refused r ON true";
      }
    }

    password_check_counts count_password_check (const password_check_keys& k,
                                                const throttle_config& c,
                                                const std::vector<int>& delays)
    {
      static const std::string sql (password_check_sql ());
      native_statement s (sql);
      s.bind (k.pair).bind (k.address).bind (k.account).bind (k.user_id)
        .bind (c.pair_failures).bind (c.address_failures).bind (c.account_failures)
        .bind (c.window_seconds).bind (int_array (delays)).bind (c.known_address_seconds);
      s.run ();
      password_check_counts r;
      r.pair_counted = s.flag (0, 0);
      r.address_counted = s.flag (0, 1);
      r.account_counted = s.flag (0, 2);
      r.refused_by = s.text (0, 3);
      r.refusals = s.number (0, 4);
      r.refused_until = optional_number (s, 5);
      r.at = s.number (0, 6);
      return r;
    }

    void give_back (const std::string& scope, const std::string& key, int limit)
    {
      native_statement s ("UPDATE login_throttles SET events = GREATEST (events - 1, 0),"
                          " locked_until = CASE WHEN events - 1 < $3::INT THEN NULL"
                          " ELSE locked_until END"
                          " WHERE scope = $1::TEXT AND key = $2::TEXT");
      s.bind (scope).bind (key).bind (limit).run ();
    }

    void forget (const std::string& scope, const std::string& key)
    {
      native_statement s ("DELETE FROM login_throttles WHERE scope = $1::TEXT AND key = $2::TEXT");
      s.bind (scope).bind (key).run ();
    }

    void remember_address (std::int64_t user_id, const std::string& address)
    {
      native_statement s ("INSERT INTO known_addresses (user_id, address, last_login_at)"
                          " VALUES ($1::BIGINT, $2::TEXT, now ())"
                          " ON CONFLICT (user_id, address) DO UPDATE"
                          " SET last_login_at = EXCLUDED.last_login_at");
      s.bind (user_id).bind (address).run ();
    }

    counter_state count_failure (const std::string& scope, const std::string& key, int limit,
                                 int window_seconds, const std::vector<int>& delays)
    {
      native_statement s ("WITH p AS (SELECT now () AS at, $1::TEXT AS " + scope + "_key,"
                          " $2::INT AS " + scope + "_limit,"
                          " $3::INT * INTERVAL '1 second' AS win, $4::INT[] AS delays), " +
                          count_password (scope, "", "") +
                          " SELECT EXISTS (SELECT 1 FROM " + scope + "), " + micros ("p.at") +
                          " FROM p");
      s.bind (key).bind (limit).bind (window_seconds).bind (int_array (delays)).run ();
      counter_state r;
      r.counted = s.flag (0, 0);
      r.at = s.number (0, 1);
      return r;
    }

    counter_state count_in_window (const std::string& scope, const std::string& key, int limit,
                                   int window_seconds)
    {
      // A window starts with its first event; the limit-th event locks the rest of it.
      const std::string fresh ("t.first_event_at <= EXCLUDED.first_event_at - (SELECT win FROM p)");
      const std::string events ("(CASE WHEN " + fresh + " THEN 1 ELSE t.events + 1 END)");
      const std::string first ("(CASE WHEN " + fresh +
                               " THEN EXCLUDED.first_event_at ELSE t.first_event_at END)");
      native_statement s (
        "WITH p AS (SELECT now () AS at, $1::TEXT AS scope, $2::TEXT AS key, $3::INT AS lim,"
        " $4::INT * INTERVAL '1 second' AS win), "
        "c AS (INSERT INTO login_throttles AS t " + std::string (columns) +
        " SELECT p.scope, p.key, 1, p.at, p.at, CASE WHEN p.lim <= 1 THEN p.at + p.win END, 0"
        " FROM p ON CONFLICT (scope, key) DO UPDATE SET"
        " events = " + events + ", first_event_at = " + first + ","
        " last_event_at = EXCLUDED.last_event_at,"
        " locked_until = CASE WHEN " + events + " >= (SELECT lim FROM p)"
        " THEN " + first + " + (SELECT win FROM p) END"
        " WHERE t.locked_until IS NULL OR t.locked_until <= EXCLUDED.last_event_at"
        " RETURNING t.locked_until) "
        "SELECT EXISTS (SELECT 1 FROM c), " +
        micros ("COALESCE ((SELECT locked_until FROM c), (SELECT locked_until FROM"
                " login_throttles l WHERE l.scope = p.scope AND l.key = p.key))") + ", " +
        micros ("p.at") + " FROM p");
      s.bind (scope).bind (key).bind (limit).bind (window_seconds).run ();
      counter_state r;
      r.counted = s.flag (0, 0);
      r.locked_until = optional_number (s, 1);
      r.at = s.number (0, 2);
      return r;
    }

    counter_state lock_of (const std::string& scope, const std::string& key)
    {
      native_statement s ("SELECT false, " +
                          micros ("(SELECT locked_until FROM login_throttles"
                                  " WHERE scope = $1::TEXT AND key = $2::TEXT)") +
                          ", " + micros ("now ()"));
      s.bind (scope).bind (key).run ();
      counter_state r;
      r.locked_until = optional_number (s, 1);
      r.at = s.number (0, 2);
      return r;
    }

    std::size_t remove_stale_counters (const throttle_config& c, bool dry_run)
    {
      // Registrations, taken answers and mail requests count in fixed windows from their first
      // event; failed password checks and bad mailed tokens in windows that each failure
      // extends.
      native_statement condition (
        "(locked_until IS NULL OR locked_until < now ()) AND CASE scope"
        " WHEN 'register' THEN first_event_at < now () - $1::INT * INTERVAL '1 second'"
        " WHEN 'conflict' THEN first_event_at < now () - $2::INT * INTERVAL '1 second'"
        " WHEN 'forgot' THEN first_event_at < now () - $4::INT * INTERVAL '1 second'"
        " WHEN 'forgot_ip' THEN first_event_at < now () - $4::INT * INTERVAL '1 second'"
        " WHEN 'resend' THEN first_event_at < now () - $4::INT * INTERVAL '1 second'"
        " ELSE last_event_at < now () - $3::INT * INTERVAL '1 second' END");
      condition.bind (c.registration_window_seconds).bind (c.conflict_window_seconds)
        .bind (c.window_seconds).bind (c.mail_window_seconds);
      return remove_where ("login_throttles", condition, dry_run);
    }

    std::size_t remove_old_known_addresses (const throttle_config& c, bool dry_run)
    {
      native_statement condition ("last_login_at < now () - $1::INT * INTERVAL '1 second'");
      condition.bind (c.known_address_seconds);
      return remove_where ("known_addresses", condition, dry_run);
    }
  }
}
