// Throttling counters in PostgreSQL.
#include "throttle.hpp"

#include <algorithm>

#include "../common/clock.hpp"
#include "../db/throttle_store.hpp"
#include "client_address.hpp"
#include "throttle_rules.hpp"
#include "token_hash.hpp"

namespace modforge
{
  namespace
  {
    const char pair_scope[] = "pair";
    const char address_scope[] = "address";
    const char account_scope[] = "account";
    const char register_scope[] = "register";
    const char conflict_scope[] = "conflict";
    const char forgot_address_scope[] = "forgot_ip";
    const char forgot_account_scope[] = "forgot";
    const char resend_scope[] = "resend";
    const char token_scope[] = "token_ip";

    // The wait a refusal announces: a lock seen ending already (a count that raced with the
    // lock's end) still asks for one second rather than an immediate retry.
    int wait_of (const odb::nullable<std::int64_t>& locked_until, utc_time now)
    {
      int seconds (locked_until.null () ? 0 : seconds_until (locked_until.get (), now));
      return std::max (seconds, 1);
    }
  }

  throttle::throttle (database& db, const throttle_config& c)
      : db_ (db), config_ (c), delays_ (delay_table (c)) {}

  std::string throttle::account_key (std::int64_t user_id)
  {
    return "user:" + std::to_string (user_id);
  }

  std::string throttle::unknown_name_key (const std::string& login)
  {
    return "name:" + hash_token (login);
  }

  password_check throttle::check_password (const std::string& account, std::int64_t user_id,
                                           const std::string& address)
  {
    password_check c;
    c.address = address_key (address);
    throttle_store::password_check_keys k;
    k.pair = account + "@" + c.address;
    k.address = c.address;
    k.account = account;
    k.user_id = user_id;

    throttle_store::password_check_counts r;
    db_.statement ([&] {r = throttle_store::count_password_check (k, config_, delays_);});
    if (r.pair_counted)
      c.counted_on.push_back ({pair_scope, k.pair, config_.pair_failures});
    if (r.address_counted)
      c.counted_on.push_back ({address_scope, k.address, config_.address_failures});
    if (r.account_counted)
      c.counted_on.push_back ({account_scope, k.account, config_.account_failures});

    c.allowed = r.refused_by.null ();
    if (c.allowed)
      return c;

    c.retry_after_seconds = wait_of (r.refused_until, r.at);
    c.first_refusal = r.refusals == 1;
    // Counted by a counter before the one that refused it: not a guess that was tried.
    for (const password_check::counted& x: c.counted_on)
      db_.statement ([&] {throttle_store::give_back (x.scope, x.key, x.limit);});
    c.counted_on.clear ();
    return c;
  }

  void throttle::password_right (const password_check& c, std::int64_t user_id, bool remember)
  {
    for (const password_check::counted& x: c.counted_on)
    {
      // The pair is the owner at this address: a right password clears its typing errors.
      // The address and the account counters lose this check only, so that a success cannot
      // buy guesses elsewhere.
      if (x.scope == pair_scope)
        db_.statement ([&] {throttle_store::forget (x.scope, x.key);});
      else
        db_.statement ([&] {throttle_store::give_back (x.scope, x.key, x.limit);});
    }
    if (remember && user_id != 0)
      db_.statement ([&] {throttle_store::remember_address (user_id, c.address);});
  }

  int throttle::count_in_window (const char* scope, const std::string& key, int limit,
                                 int window_seconds)
  {
    throttle_store::counter_state r;
    db_.statement ([&]
    {
      r = throttle_store::count_in_window (scope, key, limit, window_seconds);
    });
    return r.counted ? 0 : wait_of (r.locked_until, r.at);
  }

  int throttle::lock_wait (const char* scope, const std::string& key)
  {
    throttle_store::counter_state r;
    db_.read_one ([&] {r = throttle_store::lock_of (scope, key);});
    return r.locked_until.null () ? 0 : seconds_until (r.locked_until.get (), r.at);
  }

  int throttle::count_registration (const std::string& address)
  {
    return address.empty () ? 0
                            : count_in_window (register_scope, address_key (address),
                                               config_.registrations_per_address,
                                               config_.registration_window_seconds);
  }

  void throttle::registration_failed (const std::string& address)
  {
    if (address.empty ())
      return;
    db_.statement ([&]
    {
      throttle_store::give_back (register_scope, address_key (address),
                                 config_.registrations_per_address);
    });
  }

  int throttle::conflict_wait (const std::string& address)
  {
    return address.empty () ? 0 : lock_wait (conflict_scope, address_key (address));
  }

  int throttle::count_conflict (const std::string& address)
  {
    return address.empty () ? 0
                            : count_in_window (conflict_scope, address_key (address),
                                               config_.conflicts_per_address,
                                               config_.conflict_window_seconds);
  }

  int throttle::forgot_request (const std::string& address)
  {
    return address.empty () ? 0
                            : count_in_window (forgot_address_scope, address_key (address),
                                               config_.forgot_per_address,
                                               config_.mail_window_seconds);
  }

  bool throttle::reset_mail_allowed (const std::string& account)
  {
    // One statement in the caller's transaction: the count commits with the mail it allows.
    return throttle_store::count_in_window (forgot_account_scope, account,
                                            config_.forgot_per_account,
                                            config_.mail_window_seconds).counted;
  }

  int throttle::resend_request (std::int64_t user_id)
  {
    return count_in_window (resend_scope, account_key (user_id), config_.resend_per_account,
                            config_.mail_window_seconds);
  }

  int throttle::token_wait (const std::string& address)
  {
    return address.empty () ? 0 : lock_wait (token_scope, address_key (address));
  }

  void throttle::token_failed (const std::string& address)
  {
    if (address.empty ())
      return;
    db_.statement ([&]
    {
      throttle_store::count_failure (token_scope, address_key (address),
                                     config_.address_failures, config_.window_seconds, delays_);
    });
  }

  void throttle::password_reset (std::int64_t user_id)
  {
    db_.statement ([&] {throttle_store::forget (account_scope, account_key (user_id));});
  }
}
