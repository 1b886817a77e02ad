// Brute-force throttling kept in PostgreSQL, so that every handler process and every host sees
// the same counters: failed logins per account and per client address, registrations per
// address, bad mailed tokens per address, and the mail that requests cause. The arithmetic is in
// throttle_rules.hpp.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "../../odb/login_throttle.hxx"
#include "../common/config.hpp"
#include "../db/database.hpp"

namespace modforge
{
  class throttle
  {
  public:
    throttle (database&, const throttle_config&);

    // The account key of a login name: "user:<id>" for an account, else a digest of the name
    // as typed (lower case), so that an unknown name is throttled exactly like a real one and
    // no name is stored.
    static std::string account_key (std::int64_t user_id);
    static std::string unknown_name_key (const std::string& login);

    // Seconds to wait before a login for this account from this address may be tried (the
    // longer of the two locks), or 0.
    int login_wait (const std::string& account, const std::string& address);
    void login_failed (const std::string& account, const std::string& address);
    // A successful login clears the account's counter (not the address's: one good account
    // must not buy an attacker more guesses at others).
    void login_succeeded (const std::string& account);

    int registration_wait (const std::string& address);
    void registered (const std::string& address);

    // A password reset request from this address (throttle.forgot_per_address per mail_window):
    // 0 when it is counted and may go on, else the seconds until one may (nothing counted).
    int forgot_request (const std::string& address);
    // Inside the caller's transaction, so that the count and the mail it allows are one step: a
    // reset mail for this account key (account_key or unknown_name_key; an unknown name is
    // counted the same way, so that both cost the same), at most throttle.forgot_per_account
    // per mail_window. Run that transaction through transact_counting.
    bool reset_mail_allowed (const std::string& account);
    // A verification mail the account asks for again (throttle.resend_per_account per
    // mail_window): 0 when counted, else the seconds to wait.
    int resend_request (std::int64_t user_id);

    // Bad reset or verification tokens from an address: counted and delayed as failed logins
    // are (throttle.address_failures, window, base_delay, max_delay).
    int token_wait (const std::string& address);
    void token_failed (const std::string& address);

  private:
    // Runs `change` on the counter (created when missing) in one transaction and saves it.
    void update (const char* scope, const std::string& key,
                 const std::function<void (login_throttle&)>& change);
    // The same inside the caller's transaction.
    static void apply (const char* scope, const std::string& key,
                       const std::function<void (login_throttle&)>& change);
    // Counts an event unless the counter is locked: 0, or the seconds left of the lock.
    int count_within (const char* scope, const std::string& key, int limit);
    // The longest wait any of the (scope, key) counters imposes now, read in one transaction.
    int wait (const std::vector<std::pair<const char*, std::string>>& counters);

    database& db_;
    const throttle_config& config_;
  };

  // Runs `work` in a transaction, and once more if it lost the race to create a throttle counter
  // to another process (the unique index refused the second row; the rerun finds the first).
  void transact_counting (database&, const std::function<void ()>& work);
}
