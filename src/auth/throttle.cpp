// Throttling counters in PostgreSQL.
#include "throttle.hpp"

#include <algorithm>

#include "../common/clock.hpp"
#include "../db/throttle_store.hpp"
#include "throttle_rules.hpp"
#include "token_hash.hpp"

namespace modforge
{
  namespace
  {
    const char account_scope[] = "account";
    const char address_scope[] = "address";
    const char register_scope[] = "register";
    const char forgot_address_scope[] = "forgot_ip";
    const char forgot_account_scope[] = "forgot";
    const char resend_scope[] = "resend";
    const char token_scope[] = "token_ip";
  }

  void transact_counting (database& db, const std::function<void ()>& work)
  {
    for (int attempt (1);; ++attempt)
    {
      try
      {
        db.transact (work);
        return;
      }
      catch (const std::exception& e)
      {
        if (attempt == 2 || !is_unique_violation (e))
          throw;
      }
    }
  }

  throttle::throttle (database& db, const throttle_config& c): db_ (db), config_ (c) {}

  std::string throttle::account_key (std::int64_t user_id)
  {
    return "user:" + std::to_string (user_id);
  }

  std::string throttle::unknown_name_key (const std::string& login)
  {
    return "name:" + hash_token (login);
  }

  void throttle::apply (const char* scope, const std::string& key,
                        const std::function<void (login_throttle&)>& change)
  {
    std::shared_ptr<login_throttle> t (throttle_store::find_locked (scope, key));
    if (t == nullptr)
    {
      t = std::make_shared<login_throttle> ();
      t->scope = scope;
      t->key = key;
    }
    change (*t);
    throttle_store::save (*t);
  }

  void throttle::update (const char* scope, const std::string& key,
                         const std::function<void (login_throttle&)>& change)
  {
    transact_counting (db_, [&] {apply (scope, key, change);});
  }

  int throttle::count_within (const char* scope, const std::string& key, int limit)
  {
    int seconds (0);
    update (scope, key, [&] (login_throttle& t)
    {
      utc_time now (now_utc ());
      seconds = retry_after_seconds (t, now);
      if (seconds == 0)
        count_event (t, now, limit, config_.mail_window_seconds);
    });
    return seconds;
  }

  int throttle::wait (const std::vector<std::pair<const char*, std::string>>& counters)
  {
    int seconds (0);
    db_.transact ([&]
    {
      utc_time now (now_utc ());
      for (const auto& c: counters)
      {
        std::shared_ptr<login_throttle> t (throttle_store::find (c.first, c.second));
        if (t != nullptr)
          seconds = std::max (seconds, retry_after_seconds (*t, now));
      }
    });
    return seconds;
  }

  int throttle::login_wait (const std::string& account, const std::string& address)
  {
    // Both counters in one transaction: one round trip fewer on every login.
    if (address.empty ())
      return wait ({{account_scope, account}});
    return wait ({{account_scope, account}, {address_scope, address}});
  }

  void throttle::login_failed (const std::string& account, const std::string& address)
  {
    utc_time now (now_utc ());
    update (account_scope, account, [&] (login_throttle& t)
    {
      count_failure (t, now, config_.account_failures, config_);
    });
    if (!address.empty ())
      update (address_scope, address, [&] (login_throttle& t)
      {
        count_failure (t, now, config_.address_failures, config_);
      });
  }

  void throttle::login_succeeded (const std::string& account)
  {
    db_.transact ([&] {throttle_store::remove (account_scope, account);});
  }

  int throttle::registration_wait (const std::string& address)
  {
    return address.empty () ? 0 : wait ({{register_scope, address}});
  }

  void throttle::registered (const std::string& address)
  {
    if (address.empty ())
      return;
    utc_time now (now_utc ());
    update (register_scope, address, [&] (login_throttle& t)
    {
      count_registration (t, now, config_);
    });
  }

  int throttle::forgot_request (const std::string& address)
  {
    return address.empty () ? 0
                            : count_within (forgot_address_scope, address,
                                            config_.forgot_per_address);
  }

  bool throttle::reset_mail_allowed (const std::string& account)
  {
    bool allowed (false);
    apply (forgot_account_scope, account, [&] (login_throttle& t)
    {
      utc_time now (now_utc ());
      allowed = retry_after_seconds (t, now) == 0;
      if (allowed)
        count_event (t, now, config_.forgot_per_account, config_.mail_window_seconds);
    });
    return allowed;
  }

  int throttle::resend_request (std::int64_t user_id)
  {
    return count_within (resend_scope, account_key (user_id), config_.resend_per_account);
  }

  int throttle::token_wait (const std::string& address)
  {
    return address.empty () ? 0 : wait ({{token_scope, address}});
  }

  void throttle::token_failed (const std::string& address)
  {
    if (address.empty ())
      return;
    utc_time now (now_utc ());
    update (token_scope, address, [&] (login_throttle& t)
    {
      count_failure (t, now, config_.address_failures, config_);
    });
  }
}
