// An HTTP request as the handlers see it: built from FastCGI parameters, or by a test.
#pragma once

#include <map>
#include <string>

namespace modforge
{
  struct request
  {
    std::string method;        // "GET", "POST", ...
    std::string path;          // the raw path of REQUEST_URI, not percent-decoded
    std::string query;         // the raw query string, without '?'
    std::string content_type;
    std::string body;
    std::string remote_addr;   // nginx's REMOTE_ADDR
    std::string forwarded_for; // the X-Forwarded-For header (believed from trusted proxies only)
    std::string user_agent;
    std::string authorization; // the Authorization header
    std::string session_token; // the X-Session-Token header
    std::string request_id;    // nginx's $request_id (FastCGI parameter REQUEST_ID), or empty

    // The route pattern the router matched ("/api/sessions/{id}"), also when the method was not
    // allowed; empty when none did. What the request metrics count it under.
    std::string route;

    // Path captures filled by the router ("id" -> "42").
    std::map<std::string, std::string> params;

    const std::string& param (const std::string& name) const;
  };
}
