// Signing up and in: register, login, verify, logout.
#include "routes.hpp"

#include "../common/domain_error.hpp"
#include "../http/json.hpp"
#include "error_mapping.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    response register_user (api_context& c, request& r)
    {
      rapidjson::Document b (json_body (r));
      // One statement each: a missing field is reported in the order the fields are listed.
      std::string username (required_string (b, "username"));
      std::string email (required_string (b, "email"));
      std::string password (required_string (b, "password"));
      user u (c.auth.register_user (username, email, password, client_of (c, r)));
      return success_response (201, [&] (json_writer& w)
      {
        w.member ("message", "User registered successfully").key ("user");
        write_user (w, u, false);
      });
    }

    response login (api_context& c, request& r)
    {
      rapidjson::Document b (json_body (r));
      std::string name;
      if (!optional_string (b, "username", name) && !optional_string (b, "email", name))
        throw invalid_input ("username or email is required");
      std::string password (required_string (b, "password"));
      bool new_session (false);
      optional_bool (b, "new_session", new_session);

      login_result l (c.auth.login (name, password, new_session, client_of (c, r)));
      c.counts.login (l.outcome == login_outcome::ok ? "ok"
                      : l.outcome == login_outcome::throttled ? "throttled"
                      : "invalid_credentials");
      if (l.outcome == login_outcome::throttled)
        throw throttled ("too_many_attempts", "Too many failed logins", l.retry_after_seconds);
      if (l.outcome != login_outcome::ok)
        throw invalid_credentials ();

      return success_response (200, [&] (json_writer& w)
      {
        w.member ("message", "Login successful").key ("session");
        write_issued_session (w, l.conversation, l.token);
        w.key ("user");
        write_user_brief (w, l.account);
      });
    }

    response verify (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      return success_response (200, [&] (json_writer& w)
      {
        w.member ("valid", true).key ("user");
        write_user_brief (w, p);
        w.key ("session");
        write_session (w, p, true);
      });
    }

    response logout (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      expect_no_body (r);
      c.auth.logout (p, client_of (c, r));
      return success_response (200, [] (json_writer& w)
      {
        w.member ("message", "Logged out successfully");
      });
    }
  }

  void add_auth_routes (router& rt, api_context& c)
  {
    rt.add ("POST", "/api/auth/register", [&c] (request& r) {return register_user (c, r);});
    rt.add ("POST", "/api/auth/login", [&c] (request& r) {return login (c, r);});
    rt.add ("GET", "/api/auth/verify", [&c] (request& r) {return verify (c, r);});
    rt.add ("POST", "/api/auth/logout", [&c] (request& r) {return logout (c, r);});
  }
}
