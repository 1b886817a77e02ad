// Sessions (conversations) of the signed-in user.
#include "session_service.hpp"

#include "../db/references.hpp"

#include "../auth/caller_transaction.hpp"
#include "../auth/token_issuer.hpp"
#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../auth/user_quotas.hpp"
#include "../db/job_store.hpp"
#include "../db/queue_store.hpp"
#include "../db/session_store.hpp"

namespace modforge
{
  namespace
  {
    const std::size_t max_name_characters = 255;

    domain_error session_not_found () {return not_found ("Session not found");}
  }

  session_service::session_service (database& db, const job_files& f, const quotas_config& q)
      : db_ (db), files_ (f), quotas_ (q) {}

  odb::nullable<std::string> session_service::normalize_name (
    const odb::nullable<std::string>& raw)
  {
    std::string name (raw.null () ? std::string () : trim (raw.get ()));
    if (name.empty ())
      return odb::nullable<std::string> ();
    if (count_code_points (name) > max_name_characters)
      throw invalid_input ("name must be at most " + std::to_string (max_name_characters) +
                           " characters");
    if (has_ascii_control (name))
      throw invalid_input ("name must not contain control characters");
    return name;
  }

  issued_session session_service::create (const token_principal& p,
                                          const odb::nullable<std::string>& name,
                                          const client_info& client)
  {
    odb::nullable<std::string> stored (normalize_name (name));
    issued_session r;
    transact_for_caller (db_, [&]
    {
      make_room_for_session (p.user_id, quotas_.sessions);
      session s;
      s.owner = user_ref (p.user_id);
      s.name = stored;
      s.created_at = s.last_used_at = now_utc ();
      record_client (s, client);
      session_store::add (s);
      r.token = issue_token (s.id, p.user_id, client, quotas_.tokens, p.token_id);
      r.conversation = s;
    });
    return r;
  }

  std::vector<session_summary> session_service::list (const token_principal& p,
                                                      std::size_t limit, std::size_t offset)
  {
    std::vector<session_summary> v;
    db_.read_one ([&] {v = session_store::list (p.user_id, limit, offset);});
    return v;
  }

  session_detail session_service::detail (const token_principal& p, std::int64_t session_id,
                                          std::size_t limit, std::size_t offset)
  {
    session_detail d;
    db_.transact ([&]
    {
      std::shared_ptr<session> s (session_store::find_owned (session_id, p.user_id));
      if (s == nullptr)
        throw session_not_found ();
      d.conversation = *s;
      d.jobs = job_store::list_for_session (session_id, limit, offset);
    });
    return d;
  }

  session session_service::rename (const token_principal& p, std::int64_t session_id,
                                   const odb::nullable<std::string>& name)
  {
    odb::nullable<std::string> stored (normalize_name (name));
    session r;
    db_.transact ([&]
    {
      std::shared_ptr<session> s (session_store::find_owned (session_id, p.user_id));
      if (s == nullptr)
        throw session_not_found ();
      s->name = stored;
      if (!session_store::update (*s))   // deleted since it was read
        throw session_not_found ();
      r = *s;
    });
    return r;
  }

  void session_service::remove (const token_principal& p, std::int64_t session_id)
  {
    std::vector<std::int64_t> jobs;
    db_.transact ([&]
    {
      jobs = job_store::ids_for_session (session_id);
      if (!session_store::remove_owned (session_id, p.user_id))
        throw session_not_found ();
      // Its queued and running jobs went with it: the user's place in the queue follows.
      queue_store::recount (p.user_id);
    });
    // The rows went with the session (ON DELETE CASCADE); now their files.
    files_.remove_after_delete (jobs);
  }

  issued_session session_service::resume (const token_principal& p, std::int64_t session_id,
                                          const client_info& client)
  {
    issued_session r;
    db_.transact ([&]
    {
      lock_quotas (p.user_id);
      std::shared_ptr<session> s (session_store::find_owned (session_id, p.user_id));
      if (s == nullptr)
        throw session_not_found ();
      s->last_used_at = now_utc ();
      if (!session_store::update (*s))   // deleted since it was read
        throw session_not_found ();
      // The session's row is locked now: the token's foreign key holds.
      r.token = issue_token (s->id, p.user_id, client, quotas_.tokens, p.token_id);
      r.conversation = *s;
    });
    return r;
  }
}
