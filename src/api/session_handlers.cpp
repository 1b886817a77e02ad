// The session endpoints: create, list, show (with jobs), rename, delete, resume.
#include "routes.hpp"

#include "../common/domain_error.hpp"
#include "../http/json.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    domain_error session_not_found () {return not_found ("Session not found");}

    // The optional "name" of a request body, as sent: absent, null, or a string.
    odb::nullable<std::string> name_of (const rapidjson::Document& b)
    {
      std::string name;
      if (!optional_string (b, "name", name))
        return odb::nullable<std::string> ();
      return name;
    }

    response write_detail (const session_detail& d)
    {
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("session");
        write_session (w, d.conversation, true);
        w.key ("jobs").begin_array ();
        for (const job_summary& j: d.jobs)
          write_job_summary (w, j);
        w.end_array ();
      });
    }

    response create (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      issued_session s (c.sessions.create (p, name_of (b), client_of (c, r)));
      return success_response (201, [&] (json_writer& w)
      {
        w.member ("message", "New session created").key ("session");
        write_issued_session (w, s.conversation, s.token);
      });
    }

    response list (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      page pg (query_page (r));
      std::vector<session_summary> v (c.sessions.list (p, pg.limit, pg.offset));
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("sessions").begin_array ();
        for (const session_summary& s: v)
          write_session_summary (w, s, s.id == p.session_id);
        w.end_array ();
      });
    }

    response detail (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      std::int64_t id (path_id (r, "id", session_not_found ()));
      page pg (query_page (r));
      return write_detail (c.sessions.detail (p, id, pg.limit, pg.offset));
    }

    response current_jobs (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      page pg (query_page (r));
      return write_detail (c.sessions.detail (p, p.session_id, pg.limit, pg.offset));
    }

    response resume (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      expect_no_body (r);
      issued_session s (c.sessions.resume (p, path_id (r, "id", session_not_found ()),
                                           client_of (c, r)));
      return success_response (201, [&] (json_writer& w)
      {
        w.member ("message", "Session resumed").key ("session");
        write_issued_session (w, s.conversation, s.token);
      });
    }

    response rename (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      std::int64_t id (path_id (r, "id", session_not_found ()));
      rapidjson::Document b (json_body (r));
      if (!b.HasMember ("name"))
        throw invalid_input ("name is required (a string, or null to clear it)");
      session s (c.sessions.rename (p, id, name_of (b)));
      return success_response (200, [&] (json_writer& w)
      {
        w.member ("message", "Session updated").key ("session");
        write_session (w, s, false);
      });
    }

    response remove (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      expect_no_body (r);
      c.sessions.remove (p, path_id (r, "id", session_not_found ()));
      return success_response (200, [] (json_writer& w)
      {
        w.member ("message", "Session deleted");
      });
    }
  }

  void add_session_routes (router& rt, api_context& c)
  {
    rt.add ("POST", "/api/sessions/new", [&c] (request& r) {return create (c, r);});
    rt.add ("GET", "/api/sessions", [&c] (request& r) {return list (c, r);});
    rt.add ("GET", "/api/sessions/current/jobs", [&c] (request& r) {return current_jobs (c, r);});
    rt.add ("GET", "/api/sessions/{id}", [&c] (request& r) {return detail (c, r);});
    rt.add ("PATCH", "/api/sessions/{id}", [&c] (request& r) {return rename (c, r);});
    rt.add ("DELETE", "/api/sessions/{id}", [&c] (request& r) {return remove (c, r);});
    rt.add ("POST", "/api/sessions/{id}/resume", [&c] (request& r) {return resume (c, r);});
  }
}
