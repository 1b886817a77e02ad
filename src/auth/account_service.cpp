// Changes to one's own account, tokens and security log.
#include "account_service.hpp"

#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../db/email_token_store.hpp"
#include "../db/event_store.hpp"
#include "../db/job_store.hpp"
#include "../db/token_store.hpp"
#include "../db/user_store.hpp"
#include "caller_transaction.hpp"
#include "credentials_rules.hpp"

namespace modforge
{
  account_service::account_service (database& db, auth_service& a, const job_files& f)
      : db_ (db), auth_ (a), files_ (f) {}

  user account_service::update (const token_principal& p, const account_changes& c,
                                const client_info& client)
  {
    std::string email (ascii_lower (c.email));
    if (c.has_username)
    {
      std::string problem (check_username (c.username));
      if (!problem.empty ())
        throw invalid_input (problem);
    }
    if (c.has_email)
    {
      std::string problem (check_email (email));
      if (!problem.empty ())
        throw invalid_input (problem);
    }
    if (c.has_password)
      auth_.check_new_password (c.password, c.has_username ? c.username : p.username,
                                c.has_email ? email : p.email);
    if (c.current_password.empty ())
      throw invalid_input ("current_password is required to change the username, email or "
                           "password");
    // A change of name or email may answer "taken": counted per address, and refused early
    // from an address that has had too many such answers.
    if (c.has_username || c.has_email)
      auth_.check_may_ask_for_names (client);
    auth_.confirm_password (p.user_id, c.current_password, client);

    std::string new_hash (c.has_password ? auth_.hasher ().compute (c.password) : "");

    user result;
    try
    {
      apply (p, c, email, new_hash, client, result);
    }
    catch (const domain_error& e)
    {
      if (e.kind != error_kind::conflict)
        throw;
      auth_.refuse_taken (e, client);
    }
    catch (const std::exception& e)
    {
      // Another request took the name or email between the check and the update.
      if (!is_unique_violation (e))
        throw;
      bool name (false);
      db_.transact ([&] {name = c.has_username &&
                                user_store::username_taken (ascii_lower (c.username), p.user_id);});
      auth_.refuse_taken (name ? username_taken () : email_taken (), client);
    }
    return result;
  }

  void account_service::apply (const token_principal& p, const account_changes& c,
                               const std::string& email, const std::string& new_hash,
                               const client_info& client, user& result)
  {
    db_.transact ([&]
    {
      // Locked: an operator disabling the account meanwhile must not be undone by this write.
      std::shared_ptr<user> u (user_store::find_locked (p.user_id));
      if (u == nullptr)
        throw invalid_session ();

      if (c.has_username && c.username != u->username)
      {
        std::string key (ascii_lower (c.username));
        if (user_store::username_taken (key, u->id))
          throw username_taken ();
        u->username = c.username;
        u->username_key = key;
        event_store::add (u->id, auth_event_kind::username_changed, client);
      }
      std::string old_email (u->email);
      bool email_changed (c.has_email && email != u->email);
      if (email_changed)
      {
        if (user_store::email_taken (email, u->id))
          throw email_taken ();
        u->email = email;
        // Nobody has proved to read the new address yet; links mailed to the old one die.
        u->email_verified = false;
        email_token_store::remove_all (u->id, email_token_purpose::reset);
        event_store::add (u->id, auth_event_kind::email_changed, client);
      }
      if (c.has_password)
      {
        u->password_hash = new_hash;
        token_store::remove_all_but (u->id, p.token_id);
        // A reset link mailed before the change would undo it.
        email_token_store::remove_all (u->id, email_token_purpose::reset);
        event_store::add (u->id, auth_event_kind::password_changed, client);
      }
      u->updated_at = now_utc ();
      user_store::update (*u);
      if (email_changed)
      {
        auth_.mail ().verification (*u);
        auth_.mail ().email_changed (*u, old_email);
      }
      if (c.has_password)
        auth_.mail ().password_changed (*u);
      result = *u;
    });
  }

  void account_service::remove (const token_principal& p, const std::string& password,
                                const client_info& client)
  {
    auth_.confirm_password (p.user_id, password, client);
    std::vector<std::int64_t> jobs;
    db_.transact ([&]
    {
      jobs = job_store::ids_for_user (p.user_id);
      // Deleted by a concurrent request since the password was checked: so was the token.
      if (!user_store::remove (p.user_id))
        throw invalid_session ();
    });
    // The rows went with the user (ON DELETE CASCADE); now their files.
    files_.remove_after_delete (jobs);
  }

  std::size_t account_service::logout_all (const token_principal& p,
                                           const std::string& password,
                                           const client_info& client)
  {
    auth_.confirm_password (p.user_id, password, client);
    std::size_t n (0);
    transact_for_caller (db_, [&]
    {
      n = token_store::remove_all_but (p.user_id, p.token_id);
      event_store::add (p.user_id, auth_event_kind::logout_all, client);
    });
    return n;
  }

  std::vector<session_token> account_service::tokens (const token_principal& p,
                                                      std::size_t limit, std::size_t offset)
  {
    std::vector<session_token> v;
    db_.read_one ([&] {v = token_store::list (p.user_id, limit, offset);});
    return v;
  }

  void account_service::revoke_token (const token_principal& p, std::int64_t token_id,
                                      const client_info& client)
  {
    transact_for_caller (db_, [&]
    {
      if (!token_store::remove_owned (token_id, p.user_id))
        throw not_found ("Token not found");
      event_store::add (p.user_id, auth_event_kind::token_revoked, client);
    });
  }

  std::vector<auth_event> account_service::events (const token_principal& p, std::size_t limit)
  {
    std::vector<auth_event> v;
    db_.transact ([&] {v = event_store::list (p.user_id, limit);});
    return v;
  }
}
