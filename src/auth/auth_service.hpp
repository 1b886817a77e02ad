// The rules of accounts and credentials: register, log in, authenticate a token, log out.
#pragma once

#include <cstdint>
#include <string>

#include "../../odb/session.hxx"
#include "../../odb/token_principal.hxx"
#include "../../odb/user.hxx"
#include "../common/client_info.hpp"
#include "../common/config.hpp"
#include "../common/domain_error.hpp"
#include "../db/database.hpp"
#include "account_mail.hpp"
#include "password_hasher.hpp"
#include "throttle.hpp"

namespace modforge
{
  enum class login_outcome {ok, invalid_credentials, throttled};

  struct login_result
  {
    login_outcome outcome = login_outcome::invalid_credentials;
    user account;
    session conversation;
    std::string token;
    int retry_after_seconds = 0;    // when throttled
  };

  class auth_service
  {
  public:
    auth_service (database&, const security_config&, const quotas_config&,
                  const password_hasher&, throttle&, const account_mail&);

    // Creates an account, unverified, and queues a verification mail to its address in the same
    // transaction. Throws invalid_input (a bad field), conflict (taken: counted as an answer
    // that reveals a taken name, per address) or throttled (too many registrations, or too many
    // such answers, from this address).
    user register_user (const std::string& username, const std::string& email,
                        const std::string& password, const client_info&);

    // `login` is a username (any case) or an email. An unknown user, a wrong password and a
    // disabled account give the same outcome after the same bcrypt work. On success the most
    // recently used session is resumed with a fresh token (or a new session is started when
    // there is none or `new_session` is set: quota_exceeded session_limit at the quota), the
    // user's least recently used token goes beyond the token quota, the address becomes known to
    // the account, and an outdated hash is replaced. The attempt is counted before any bcrypt
    // work (throttle::check_password); when it is refused the outcome is `throttled`, whatever
    // the password.
    login_result login (const std::string& login, const std::string& password,
                        bool new_session, const client_info&);

    // The caller behind a raw token, in one indexed query; throws invalid_session when the token
    // is malformed, unknown, revoked, expired (if lifetimes are configured: the token is then
    // deleted) or its account disabled. Writes last_used_at at most once per configured
    // interval.
    token_principal authenticate (const std::string& token);

    // Revokes the caller's token only.
    void logout (const token_principal&, const client_info&);

    // Every other password check: the current password that confirms a change. Counted like a
    // login attempt, before bcrypt: throttled (too_many_attempts) while refused; a wrong one
    // writes password_check_failed and throws forbidden (invalid_password).
    void confirm_password (std::int64_t user_id, const std::string& password,
                           const client_info&);

    // Answers that reveal a taken username or email are counted per client address: a request
    // that could give one checks first that the address may still ask (throttled
    // too_many_conflicts if not), and refuse_taken counts the answer `taken` before throwing
    // it (or throws too_many_conflicts when the limit was reached meanwhile).
    void check_may_ask_for_names (const client_info&);
    [[noreturn]] void refuse_taken (const domain_error& taken, const client_info&);

    // The rules for a new password (length, encoding, not the username or email, and
    // libpwquality's checks when configured); throws invalid_input.
    void check_new_password (const std::string& password, const std::string& username,
                             const std::string& email) const;

    const password_hasher& hasher () const {return hasher_;}
    const security_config& settings () const {return security_;}
    throttle& limits () {return throttle_;}
    const account_mail& mail () const {return mail_;}

  private:
    void touch (const token_principal&);
    // The registration's account, once its fields and the throttles have let it through.
    user add_user (const std::string& username, const std::string& email,
                   const std::string& password, const client_info&);

    // The security event of a refused password check: only the first refusal of a lock.
    void log_refusal (const password_check&, std::int64_t user_id, const client_info&);

    database& db_;
    const security_config& security_;
    const quotas_config& quotas_;
    const password_hasher& hasher_;
    throttle& throttle_;
    const account_mail& mail_;
  };
}
