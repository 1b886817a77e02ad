// The signed-in user's own account: me, its tokens, logout-all and its security log.
#include "routes.hpp"

#include "../common/domain_error.hpp"
#include "../http/json.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    response get_me (api_context& c, request& r)
    {
      // The user's row came with the token: no second query.
      token_principal p (authenticate (c, r));
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("user");
        write_user (w, p);
        w.key ("current_session");
        write_session (w, p, false);
      });
    }

    response update_me (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      account_changes ch;
      ch.has_username = optional_string (b, "username", ch.username);
      ch.has_email = optional_string (b, "email", ch.email);
      ch.has_password = optional_string (b, "password", ch.password);
      optional_string (b, "current_password", ch.current_password);
      if (!ch.has_username && !ch.has_email && !ch.has_password)
        throw invalid_input ("nothing to change: give username, email or password");

      user u (c.accounts.update (p, ch, client_of (c, r)));
      return success_response (200, [&] (json_writer& w)
      {
        w.member ("message", "User updated").key ("user");
        write_user (w, u, true);
      });
    }

    response delete_me (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      c.accounts.remove (p, required_string (b, "password"), client_of (c, r));
      return success_response (200, [] (json_writer& w)
      {
        w.member ("message", "Account deleted");
      });
    }

    response list_tokens (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      page pg (query_page (r));
      std::vector<session_token> v (c.accounts.tokens (p, pg.limit, pg.offset));
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("tokens").begin_array ();
        for (const session_token& t: v)
          write_token (w, t, t.id == p.token_id);
        w.end_array ();
      });
    }

    response revoke_token (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      expect_no_body (r);
      std::int64_t id (path_id (r, "id", not_found ("Token not found")));
      c.accounts.revoke_token (p, id, client_of (c, r));
      return success_response (200, [] (json_writer& w)
      {
        w.member ("message", "Token revoked");
      });
    }

    response logout_all (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      std::size_t n (c.accounts.logout_all (p, required_string (b, "password"),
                                            client_of (c, r)));
      return success_response (200, [&] (json_writer& w)
      {
        w.member ("revoked", static_cast<std::int64_t> (n));
      });
    }

    response list_events (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      std::size_t limit (query_integer (r, "limit", 50, 1, 100));
      std::vector<auth_event> v (c.accounts.events (p, limit));
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("events").begin_array ();
        for (const auth_event& e: v)
          write_event (w, e);
        w.end_array ();
      });
    }
  }

  void add_account_routes (router& rt, api_context& c)
  {
    rt.add ("GET", "/api/auth/me", [&c] (request& r) {return get_me (c, r);});
    rt.add ("PATCH", "/api/auth/me", [&c] (request& r) {return update_me (c, r);});
    rt.add ("DELETE", "/api/auth/me", [&c] (request& r) {return delete_me (c, r);});
    rt.add ("GET", "/api/auth/tokens", [&c] (request& r) {return list_tokens (c, r);});
    rt.add ("DELETE", "/api/auth/tokens/{id}", [&c] (request& r) {return revoke_token (c, r);});
    rt.add ("POST", "/api/auth/logout-all", [&c] (request& r) {return logout_all (c, r);});
    rt.add ("GET", "/api/auth/events", [&c] (request& r) {return list_events (c, r);});
  }
}
