// Brute-force throttling kept in PostgreSQL, so that every handler process and every host sees
// the same counters: failed logins per account and per client address, registrations per
// address. The arithmetic is in throttle_rules.hpp.
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

  private:
    // Runs `change` on the counter (created when missing) in one transaction and saves it.
    void update (const char* scope, const std::string& key,
                 const std::function<void (login_throttle&)>& change);
    // The longest wait any of the (scope, key) counters imposes now, read in one transaction.
    int wait (const std::vector<std::pair<const char*, std::string>>& counters);

    database& db_;
    const throttle_config& config_;
  };
}
