// What mail is for: asking for a password reset link, resetting with it, verifying an address
// with its link, and asking for that link again.
#include "routes.hpp"

#include "../common/domain_error.hpp"
#include "../http/json.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    response forgot (api_context& c, request& r)
    {
      rapidjson::Document b (json_body (r));
      std::string login;
      if (!optional_string (b, "email", login) && !optional_string (b, "username", login))
        throw invalid_input ("email is required (an email address or a username)");
      c.recovery.forgot (login, client_of (c, r));
      // The same answer whether or not there is such an account.
      return success_response (202, [] (json_writer& w)
      {
        w.member ("message", "If that account exists, a reset link has been sent");
      });
    }

    response reset (api_context& c, request& r)
    {
      rapidjson::Document b (json_body (r));
      std::string token (required_string (b, "token"));
      std::string password (required_string (b, "password"));
      c.recovery.reset (token, password, client_of (c, r));
      return success_response (200, [] (json_writer& w)
      {
        w.member ("message", "Password reset");
      });
    }

    response verify_email (api_context& c, request& r)
    {
      rapidjson::Document b (json_body (r));
      user u (c.verification.verify (required_string (b, "token"), client_of (c, r)));
      return success_response (200, [&] (json_writer& w)
      {
        w.member ("message", "Email verified").key ("user");
        write_user (w, u, true);
      });
    }

    response resend (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      expect_no_body (r);
      c.verification.resend (p);
      return success_response (202, [] (json_writer& w)
      {
        w.member ("message", "Verification email sent");
      });
    }
  }

  void add_email_routes (router& rt, api_context& c)
  {
    rt.add ("POST", "/api/auth/password/forgot", [&c] (request& r) {return forgot (c, r);});
    rt.add ("POST", "/api/auth/password/reset", [&c] (request& r) {return reset (c, r);});
    rt.add ("POST", "/api/auth/email/verify", [&c] (request& r) {return verify_email (c, r);});
    rt.add ("POST", "/api/auth/email/resend", [&c] (request& r) {return resend (c, r);});
  }
}
