// JSON shapes of the API's objects.
#include "json_views.hpp"

#include <rapidjson/document.h>

#include "../common/clock.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace
  {
    json_writer& nullable_string (json_writer& w, const char* key,
                                  const odb::nullable<std::string>& v)
    {
      w.key (key);
      return w.value_or_null (v.null () ? nullptr : &v.get ());
    }

    json_writer& time (json_writer& w, const char* key, utc_time t)
    {
      return w.member (key, format_iso8601 (t));
    }

    // A time whose order matters to clients, with milliseconds; null when it has not happened.
    json_writer& precise_time (json_writer& w, const char* key, const odb::nullable<utc_time>& t)
    {
      w.key (key);
      if (t.null ())
        return w.null ();
      return w.value (format_iso8601_milliseconds (t.get ()));
    }

    // The members every session object has, in the order clients see them:
    // id[, token], name, created_at[, last_used_at].
    void session_members (json_writer& w, std::int64_t id, const std::string* token,
                          const odb::nullable<std::string>& name, utc_time created_at,
                          const utc_time* last_used_at)
    {
      w.member ("id", id);
      if (token != nullptr)
        w.member ("token", *token);
      nullable_string (w, "name", name);
      time (w, "created_at", created_at);
      if (last_used_at != nullptr)
        time (w, "last_used_at", *last_used_at);
    }
  }

  void write_user_brief (json_writer& w, const user& u)
  {
    w.begin_object ().member ("id", u.id).member ("username", u.username)
      .member ("email", u.email).member ("email_verified", u.email_verified).end_object ();
  }

  void write_user_brief (json_writer& w, const token_principal& p)
  {
    w.begin_object ().member ("id", p.user_id).member ("username", p.username)
      .member ("email", p.email).member ("email_verified", p.user_email_verified).end_object ();
  }

  void write_user (json_writer& w, const user& u, bool with_updated_at)
  {
    w.begin_object ().member ("id", u.id).member ("username", u.username)
      .member ("email", u.email).member ("email_verified", u.email_verified);
    time (w, "created_at", u.created_at);
    if (with_updated_at)
      time (w, "updated_at", u.updated_at);
    w.end_object ();
  }

  void write_user (json_writer& w, const token_principal& p)
  {
    w.begin_object ().member ("id", p.user_id).member ("username", p.username)
      .member ("email", p.email).member ("email_verified", p.user_email_verified);
    time (w, "created_at", p.user_created_at);
    time (w, "updated_at", p.user_updated_at);
    w.end_object ();
  }

  void write_session (json_writer& w, const session& s, bool with_last_used_at)
  {
    w.begin_object ();
    session_members (w, s.id, nullptr, s.name, s.created_at,
                     with_last_used_at ? &s.last_used_at : nullptr);
    w.end_object ();
  }

  void write_session (json_writer& w, const token_principal& p, bool with_last_used_at)
  {
    w.begin_object ();
    session_members (w, p.session_id, nullptr, p.session_name, p.session_created_at,
                     with_last_used_at ? &p.session_last_used_at : nullptr);
    w.end_object ();
  }

  void write_issued_session (json_writer& w, const session& s, const std::string& token)
  {
    w.begin_object ();
    session_members (w, s.id, &token, s.name, s.created_at, nullptr);
    w.end_object ();
  }

  void write_session_summary (json_writer& w, const session_summary& s, bool current)
  {
    w.begin_object ();
    session_members (w, s.id, nullptr, s.name, s.created_at, &s.last_used_at);
    w.member ("job_count", s.job_count).member ("current", current).end_object ();
  }

  void write_token (json_writer& w, const session_token& t, bool current)
  {
    w.begin_object ().member ("id", t.id)
      .member ("session_id", static_cast<std::int64_t> (
                 t.conversation.object_id<session> ()));
    time (w, "created_at", t.created_at);
    time (w, "last_used_at", t.last_used_at);
    nullable_string (w, "user_agent", t.user_agent);
    nullable_string (w, "ip_address", t.ip_address);
    w.member ("current", current).end_object ();
  }

  void write_event (json_writer& w, const auth_event& e)
  {
    w.begin_object ();
    time (w, "time", e.at);
    w.member ("kind", to_string (e.kind));
    nullable_string (w, "ip_address", e.ip_address);
    nullable_string (w, "user_agent", e.user_agent);
    w.end_object ();
  }

  void write_job_summary (json_writer& w, const job_summary& j)
  {
    w.begin_object ().member ("job_id", j.job_id).member ("prompt", j.prompt)
      .member ("status", to_string (j.status)).member ("progress", j.progress);
    time (w, "created_at", j.created_at);
    precise_time (w, "started_at", j.started_at);
    precise_time (w, "finished_at", j.finished_at);

    w.key ("aiDecisions");
    rapidjson::Document decisions;
    if (!j.decisions.null ())
      decisions.Parse (j.decisions.get ().c_str ());
    if (decisions.IsObject ())
    {
      w.begin_object ();
      for (const char* k: {"itemName", "modName"})
      {
        auto i (decisions.FindMember (k));
        w.key (k);
        if (i != decisions.MemberEnd () && i->value.IsString ())
          w.value (i->value);
        else
          w.null ();
      }
      w.end_object ();
    }
    else
      w.null ();
    w.end_object ();
  }

  namespace
  {
    // A JSONB column's document written as it is, or null when it is NULL or not JSON.
    void stored_json (json_writer& w, const char* key, const odb::nullable<json_text>& v)
    {
      w.key (key);
      rapidjson::Document d;
      if (!v.null ())
        d.Parse (v.get ().c_str ());
      if (v.null () || d.HasParseError ())
        w.null ();
      else
        w.value (d);
    }
  }

  void write_job (json_writer& w, const job& j)
  {
    w.begin_object ().member ("job_id", j.job_id)
      .member ("session_id", j.conversation.object_id<session> ()).member ("prompt", j.prompt)
      .member ("status", to_string (j.status)).member ("progress", j.progress);
    time (w, "created_at", j.created_at);
    time (w, "updated_at", j.updated_at);
    precise_time (w, "started_at", j.started_at);
    precise_time (w, "finished_at", j.finished_at);
    stored_json (w, "aiDecisions", j.decisions);

    w.key ("images").begin_array ();
    for (int i (0); i < j.images_ready; ++i)
      w.begin_object ().member ("index", i)
        .member ("url", "/api/jobs/" + j.job_id + "/images/" + std::to_string (i)).end_object ();
    w.end_array ();
    w.key ("selected_image");
    if (j.images_ready > 0)
      w.value (j.selected_image);
    else
      w.null ();

    // The stored result is {filename, size}; the URL is derived here so that it stays right if
    // the download location ever moves.
    w.key ("result");
    rapidjson::Document r;
    if (!j.result.null ())
      r.Parse (j.result.get ().c_str ());
    if (r.IsObject () && r.HasMember ("filename") && r["filename"].IsString () &&
        r.HasMember ("size") && r["size"].IsInt64 ())
    {
      std::string name (r["filename"].GetString ());
      w.begin_object ().member ("download_url", "/downloads/" + name).member ("filename", name)
        .member ("size", r["size"].GetInt64 ()).end_object ();
    }
    else
      w.null ();

    w.key ("logs");
    rapidjson::Document logs;
    logs.Parse (j.logs.c_str ());
    if (logs.IsArray ())
      w.value (logs);
    else
      w.begin_array ().end_array ();
    nullable_string (w, "error", j.error);
    w.end_object ();
  }
}
