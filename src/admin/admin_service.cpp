// The operator's account commands.
#include "admin_service.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>

#include "../common/client_info.hpp"
#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../db/email_token_store.hpp"
#include "../db/event_store.hpp"
#include "../db/job_store.hpp"
#include "../db/outbox_store.hpp"
#include "../db/session_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"
#include "user_reference.hpp"

namespace modforge
{
  namespace
  {
    // In one transaction: finds the user `reference` names, locks its row, and lets `change`
    // act on it (change fills in the outcome and saves what it changed). Throws invalid_input
    // for a malformed reference, not_found when it names no user.
    admin_result change_user (database& db, const std::string& reference,
                              const std::function<void (user&, admin_result&)>& change)
    {
      user_reference ref (parse_user_reference (reference));
      if (!ref.problem.empty ())
        throw invalid_input (ref.problem);

      admin_result r;
      db.transact ([&]
      {
        r = admin_result ();
        std::shared_ptr<user> u (ref.id != 0 ? user_store::find (ref.id)
                                             : user_store::find_by_login (ref.login));
        if (u != nullptr)
          u = user_store::find_locked (u->id);
        if (u == nullptr)
          throw not_found ("no such user: " + reference);
        change (*u, r);
        r.account = *u;
      });
      return r;
    }

    // The names the programs write first, in their order, with 0 where nothing has them, then
    // whatever else the table holds (the counts are of the column's text, so that a value no
    // program writes is counted too): job statuses, outbox states.
    template <typename Count, std::size_t N>
    std::vector<Count> in_order (const char* const (&names)[N], const std::vector<Count>& found,
                                 std::string Count::* name)
    {
      std::vector<Count> ordered;
      for (const char* n: names)
      {
        Count c {};
        c.*name = n;
        ordered.push_back (c);
      }
      for (const Count& c: found)
      {
        auto end (ordered.begin () + N);
        auto i (std::find_if (ordered.begin (), end,
                              [&] (const Count& o) {return o.*name == c.*name;}));
        if (i != end)
          i->total = c.total;
        else
          ordered.push_back (c);
      }
      return ordered;
    }
  }

  admin_service::admin_service (database& db, auth_service& auth, const job_files& files)
      : db_ (db), auth_ (auth), files_ (files) {}

  user admin_service::create_user (const std::string& username, const std::string& email,
                                   const std::string& password)
  {
    // No client: no address or user agent is recorded, and no per-address limit applies.
    return auth_.register_user (username, email, password, client_info ());
  }

  admin_result admin_service::set_active (const std::string& reference, bool active)
  {
    return change_user (db_, reference, [active] (user& u, admin_result& r)
    {
      if (u.is_active == active)
        r.outcome = admin_outcome::unchanged;
      else
      {
        u.is_active = active;
        u.updated_at = now_utc ();
        user_store::update (u);
      }
      if (!active)
        r.revoked_tokens = token_store::remove_all_but (u.id, 0);
    });
  }

  admin_result admin_service::revoke_tokens (const std::string& reference)
  {
    return change_user (db_, reference, [] (user& u, admin_result& r)
    {
      r.revoked_tokens = token_store::remove_all_but (u.id, 0);
    });
  }

  admin_result admin_service::set_password (const std::string& reference,
                                            const std::string& password)
  {
    // The rules need the account's name and address; the hash is made outside the transaction.
    admin_result found (change_user (db_, reference, [] (user&, admin_result&) {}));
    auth_.check_new_password (password, found.account.username, found.account.email);
    std::string hash (auth_.hasher ().compute (password));
    return change_user (db_, reference, [&] (user& u, admin_result& r)
    {
      u.password_hash = hash;
      u.updated_at = now_utc ();
      user_store::update (u);
      r.revoked_tokens = token_store::remove_all_but (u.id, 0);
      email_token_store::remove_all (u.id, email_token_purpose::reset);
      event_store::add (u.id, auth_event_kind::password_changed, client_info ());
      auth_.mail ().password_changed (u);
    });
  }

  admin_result admin_service::send_reset (const std::string& reference)
  {
    return change_user (db_, reference, [&] (user& u, admin_result&)
    {
      if (!u.is_active)
        throw std::runtime_error ("user #" + std::to_string (u.id) + " " + u.username +
                                  " is disabled, and a disabled account cannot reset its "
                                  "password: enable it first");
      auth_.mail ().password_reset (u);
      event_store::add (u.id, auth_event_kind::password_reset_requested, client_info ());
    });
  }

  std::vector<user_summary> admin_service::list_users (std::size_t limit, std::size_t offset)
  {
    std::vector<user_summary> v;
    db_.transact ([&] {v = user_store::list_summaries (limit, offset);});
    return v;
  }

  service_stats admin_service::stats ()
  {
    service_stats s;
    db_.transact ([&]
    {
      s.users = user_store::count ();
      s.sessions = session_store::count ();
      s.tokens = token_store::count ();
      s.jobs = in_order (job_status_names, job_store::count_by_status (),
                         &job_status_count::status);
      s.mail = in_order (outbox_state_names, outbox_store::count_by_state (),
                         &outbox_state_count::state);
    });
    s.files = measure_directory (files_.root ());
    return s;
  }
}
