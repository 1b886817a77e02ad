// Request-to-argument helpers shared by all handlers.
#include "api_context.hpp"

#include <cerrno>
#include <cstdlib>
#include <strings.h>

#include "../auth/client_address.hpp"
#include "../auth/user_agent.hpp"
#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../http/json.hpp"
#include "../http/query_string.hpp"
#include "error_mapping.hpp"

namespace modforge
{
  namespace
  {
    // Digits only, no sign or spaces, at most 18 of them (fits int64 without overflow).
    bool parse_decimal (const std::string& s, std::int64_t& out)
    {
      if (s.empty () || s.size () > 18)
        return false;
      std::int64_t v (0);
      for (char c: s)
      {
        if (c < '0' || c > '9')
          return false;
        v = v * 10 + (c - '0');
      }
      out = v;
      return true;
    }
  }

  token_principal authenticate (api_context& c, const request& r)
  {
    const std::string bearer ("Bearer ");
    std::string token;
    if (!r.authorization.empty ())
    {
      if (r.authorization.size () <= bearer.size () ||
          strncasecmp (r.authorization.c_str (), bearer.c_str (), bearer.size ()) != 0)
        throw invalid_session ();
      token = r.authorization.substr (bearer.size ());
    }
    else
      token = r.session_token;

    token = trim (token, " ");
    if (token.empty () && r.authorization.empty () && r.session_token.empty ())
      throw missing_token ();
    if (token.empty ())
      throw invalid_session ();
    return c.auth.authenticate (token);
  }

  client_info client_of (const api_context& c, const request& r)
  {
    std::string address (client_address (r.remote_addr, r.forwarded_for,
                                         c.security.trusted_proxies));
    return client_info {address.substr (0, 45), clean_user_agent (r.user_agent)};
  }

  rapidjson::Document json_body (const request& r)
  {
    bool empty (r.body.find_first_not_of (white_space) == std::string::npos);
    if (!empty)
    {
      const std::string json ("application/json");
      const std::string& t (r.content_type);
      bool is_json (t.size () >= json.size () &&
                    strncasecmp (t.c_str (), json.c_str (), json.size ()) == 0 &&
                    (t.size () == json.size () || t[json.size ()] == ';' ||
                     t[json.size ()] == ' '));
      if (!is_json)
        throw http_error (415, "unsupported_media_type",
                          "Request body must be JSON (Content-Type: application/json)");
    }
    return parse_json_object (r.body);
  }

  void expect_no_body (const request& r)
  {
    json_body (r);
  }

  std::int64_t path_integer (const request& r, const char* name, std::int64_t min,
                             const domain_error& missing)
  {
    std::int64_t n (0);
    if (!parse_decimal (r.param (name), n) || n < min)
      throw missing;
    return n;
  }

  std::int64_t path_id (const request& r, const char* name, const domain_error& missing)
  {
    return path_integer (r, name, 1, missing);
  }

  std::size_t query_integer (const request& r, const char* name, std::size_t fallback,
                             std::size_t min, std::size_t max)
  {
    auto pairs (query_pairs (r.query));
    const std::string* text (nullptr);
    for (const auto& p: pairs)
      if (p.first == name)
      {
        // "?limit=1&limit=100": which one was meant is anyone's guess.
        if (text != nullptr)
          throw invalid_input (std::string (name) + " must be given only once");
        text = &p.second;
      }
    if (text == nullptr)
      return fallback;
    std::int64_t v (0);
    if (!parse_decimal (*text, v) || v < static_cast<std::int64_t> (min) ||
        v > static_cast<std::int64_t> (max))
      throw invalid_input (std::string (name) + " must be an integer from " +
                           std::to_string (min) + " to " + std::to_string (max));
    return static_cast<std::size_t> (v);
  }

  page query_page (const request& r)
  {
    return page {query_integer (r, "limit", 50, 1, 100),
                 query_integer (r, "offset", 0, 0, 1000000)};
  }
}
