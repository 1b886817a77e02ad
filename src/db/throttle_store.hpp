// login_throttles and known_addresses in SQL statements of their own: each count is checked and
// made in one statement, under the counter's row lock, so that requests in parallel cannot pass
// a limit between a check and its count. Every function makes exactly one statement (run it with
// database::statement, or inside database::transact).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <odb/nullable.hxx>

#include "../common/config.hpp"

namespace modforge
{
  namespace throttle_store
  {
    // The counters of one password check: "pair" (the account from this address), "address"
    // (this address, every account) and "account" (every address).
    struct password_check_keys
    {
      std::string pair, address, account;
      std::int64_t user_id = 0;    // 0: no such account (no address is known to it)
    };

    // What count_password_check did: whether each counter counted the check; the first one that
    // refused it, if one did, with its refusals since its lock was set and the lock's end; and
    // the database's time. Times are microseconds since the epoch.
    struct password_check_counts
    {
      bool pair_counted = false, address_counted = false, account_counted = false;
      odb::nullable<std::string> refused_by;
      std::int64_t refusals = 0;
      odb::nullable<std::int64_t> refused_until;
      std::int64_t at = 0;
    };

    // One counter after count_in_window (or as lock_of read it).
    struct counter_state
    {
      bool counted = false;
      odb::nullable<std::int64_t> locked_until;
      std::int64_t at = 0;
    };

    // Counts a password check on the pair, then the address, then the account, each only if
    // the ones before let it through and its own lock has passed (the account's lock does not
    // hold for an address that logged in to the account within known_address_age). Failures
    // further apart than the window start a new count; from the limit on, each counted failure
    // locks for the next entry of `delays` (seconds). The first counter that refuses the check
    // has its refusals counted. `delays`: delay_table's numbers.
    password_check_counts count_password_check (const password_check_keys&,
                                                const throttle_config&,
                                                const std::vector<int>& delays);

    // Takes one event back from a counter (a check that was counted and then passed, or was
    // refused by a later counter; a registration that failed): the count less one, and the
    // lock lifted if the count is then below `limit` (the event taken back set it). A lock of
    // a count still at the limit or over stays: failures before it earned it.
    void give_back (const std::string& scope, const std::string& key, int limit);

    // Removes a counter.
    void forget (const std::string& scope, const std::string& key);

    // The account logged in from `address` now: it is known to the account from now on.
    void remember_address (std::int64_t user_id, const std::string& address);

    // Counts an event (a registration, an answer that a name is taken) on a counter of fixed
    // windows: at most `limit` per window of `window_seconds` from the window's first event;
    // the limit-th locks the rest of the window. Refused while locked.
    counter_state count_in_window (const std::string& scope, const std::string& key, int limit,
                                   int window_seconds);

    // Counts a failure on a counter of its own (bad mailed tokens from an address) as
    // count_password_check counts one: failures further apart than `window_seconds` start a
    // new count; from `limit` on, each locks for the next entry of `delays`. Refused (not
    // counted) while locked. `scope` is one of src/auth/throttle's, a name fit for SQL.
    counter_state count_failure (const std::string& scope, const std::string& key, int limit,
                                 int window_seconds, const std::vector<int>& delays);

    // The counter's lock as it stands (`counted` is false); a read, for refusing early.
    counter_state lock_of (const std::string& scope, const std::string& key);

    // What modforge-admin sweep removes: counters whose window and lock have both passed,
    // known addresses older than known_address_age. With dry_run, only counts them.
    std::size_t remove_stale_counters (const throttle_config&, bool dry_run);
    std::size_t remove_old_known_addresses (const throttle_config&, bool dry_run);
  }
}
