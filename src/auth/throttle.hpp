// Brute-force throttling kept in PostgreSQL, so that every handler process and every host sees
// the same counters: password checks per (account, client address), per account and per address,
// registrations per address, answers that reveal a taken username or email per address, bad
// mailed tokens per address, and the mail that requests cause. Each is counted in one statement
// (src/db/throttle_store), a check before the work it guards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../common/config.hpp"
#include "../db/database.hpp"

namespace modforge
{
  // A password check (a login, or the current password that confirms a change) as the throttle
  // counted it.
  struct password_check
  {
    bool allowed = false;
    int retry_after_seconds = 0;   // refused: how long until the lock that refused it ends
    // Refused, and the first refusal of that lock: the one refusal worth a security event (a
    // guesser must not be able to push the owner's own entries out of the log).
    bool first_refusal = false;

    // What the check counted, to give back if the password is right.
    struct counted
    {
      std::string scope, key;
      int limit;
    };
    std::vector<counted> counted_on;
    std::string address;           // the client address as counted
  };

  class throttle
  {
  public:
    throttle (database&, const throttle_config&);

    // The account key of a login name: "user:<id>" for an account, else a digest of the name
    // as typed (lower case), so that an unknown name is throttled exactly like a real one and
    // no name is stored.
    static std::string account_key (std::int64_t user_id);
    static std::string unknown_name_key (const std::string& login);

    // Counts a password check of `account` (user_id: its user, 0 for no such user) from the
    // client `address` before any bcrypt work, and says whether it may go on. Refused while the
    // (account, address) pair or the address is locked, or while the account is locked and the
    // address has not logged in to it within throttle.known_address_age.
    password_check check_password (const std::string& account, std::int64_t user_id,
                                   const std::string& address);

    // The password was right: the check is given back and the pair's count forgotten; with
    // `remember` (a login), the address is known to the account from now on.
    void password_right (const password_check&, std::int64_t user_id, bool remember);

    // A registration from `address`, counted before the account is made: the wait if the
    // address has used up its registrations (0: go on). registration_failed gives it back.
    int count_registration (const std::string& address);
    void registration_failed (const std::string& address);

    // Answers that reveal that a username or email is taken, per address: conflict_wait is
    // checked before such a request does anything (a locked address learns nothing, taken or
    // free); count_conflict counts one such answer before it is given, and returns the wait
    // instead when the limit was reached meanwhile (0: the answer may be given).
    int conflict_wait (const std::string& address);
    int count_conflict (const std::string& address);

    // A password reset request from this address (throttle.forgot_per_address per mail_window):
    // 0 when it is counted and may go on, else the seconds until one may (nothing counted).
    int forgot_request (const std::string& address);
    // Inside the caller's transaction, so that the count and the mail it allows are one step: a
    // reset mail for this account key (account_key or unknown_name_key; an unknown name is
    // counted the same way, so that both cost the same), at most throttle.forgot_per_account
    // per mail_window.
    bool reset_mail_allowed (const std::string& account);
    // A verification mail the account asks for again (throttle.resend_per_account per
    // mail_window): 0 when counted, else the seconds to wait.
    int resend_request (std::int64_t user_id);

    // Bad reset or verification tokens from an address: counted and delayed as failed logins
    // are (throttle.address_failures, window, base_delay, max_delay).
    int token_wait (const std::string& address);
    void token_failed (const std::string& address);

    // The password was set through a reset link: the account's failures are forgotten, so that
    // the owner may log in at once from anywhere, even if someone was guessing at the account.
    void password_reset (std::int64_t user_id);

  private:
    // Counts one event of `key` in `scope`, in fixed windows of `window_seconds` from their
    // first event; the wait when `limit` of them had been counted already (0: counted).
    int count_in_window (const char* scope, const std::string& key, int limit,
                         int window_seconds);
    // The seconds left of the counter's lock (0: none).
    int lock_wait (const char* scope, const std::string& key);

    database& db_;
    const throttle_config& config_;
    const std::vector<int> delays_;
  };

}
