// The FastCGI loop of modforge-fcgi.
#include "fcgi_server.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcgiapp.h>

#include "../common/log.hpp"
#include "connection_gate.hpp"
#include "error_response.hpp"
#include "limits.hpp"

namespace modforge
{
  namespace
  {
    // FCGX_Accept_r answers -errno, or -9999 when the system left no errno.
    std::string accept_error (int code)
    {
      return code > -4096 ? std::strerror (-code) : "libfcgi error " + std::to_string (code);
    }

    std::string param (FCGX_Request& r, const char* name)
    {
      const char* v (FCGX_GetParam (name, r.envp));
      return v != nullptr ? v : "";
    }

    // Fills `rq` from the FastCGI parameters and stdin. Throws http_error 414 or 413 for a URI
    // or body over the limits (only the declared length is trusted; nothing beyond it is read).
    void read_request (FCGX_Request& r, request& rq, std::size_t max_body_bytes)
    {
      rq.method = param (r, "REQUEST_METHOD");
      std::string uri (param (r, "REQUEST_URI"));
      std::size_t declared (check_request_limits (uri, param (r, "QUERY_STRING"),
                                                  param (r, "CONTENT_LENGTH"), max_body_bytes));
      std::size_t q (uri.find ('?'));
      rq.path = uri.substr (0, q);
      rq.query = q != std::string::npos ? uri.substr (q + 1) : std::string ();
      rq.content_type = param (r, "CONTENT_TYPE");
      rq.remote_addr = param (r, "REMOTE_ADDR");
      rq.forwarded_for = param (r, "HTTP_X_FORWARDED_FOR");
      rq.user_agent = param (r, "HTTP_USER_AGENT");
      rq.authorization = param (r, "HTTP_AUTHORIZATION");
      rq.session_token = param (r, "HTTP_X_SESSION_TOKEN");

      rq.body.resize (declared);
      int got (declared == 0 ? 0 : FCGX_GetStr (&rq.body[0], static_cast<int> (declared), r.in));
      rq.body.resize (got > 0 ? static_cast<std::size_t> (got) : 0);
    }

    response handle (FCGX_Request& r, request& rq, const handler& app,
                     std::size_t max_body_bytes)
    {
      try
      {
        read_request (r, rq, max_body_bytes);
        return app (rq);
      }
      catch (const http_error& e)
      {
        return error_response (e);
      }
      catch (const std::exception& e)
      {
        log_error (rq.method + " " + rq.path + ": " + e.what ());
      }
      catch (...)
      {
        log_error (rq.method + " " + rq.path + ": unknown exception");
      }
      return error_response (http_error (500, "internal_error", "Internal server error"));
    }

    void write_response (FCGX_Request& r, const response& res)
    {
      std::string head (res.head ());
      FCGX_PutStr (head.data (), static_cast<int> (head.size ()), r.out);
      if (!res.body.empty ())
        FCGX_PutStr (res.body.data (), static_cast<int> (res.body.size ()), r.out);
    }
  }

  std::size_t check_request_limits (const std::string& request_uri,
                                    const std::string& query_string,
                                    const std::string& content_length,
                                    std::size_t max_body_bytes)
  {
    if (request_uri.size () > max_uri_bytes || query_string.size () > max_uri_bytes)
      throw http_error (414, "uri_too_long",
                        "Request URI is longer than " + std::to_string (max_uri_bytes) + " bytes");

    // nginx sends a valid decimal or nothing; anything else cannot be trusted to be small.
    bool digits (content_length.size () <= 18 &&
                 content_length.find_first_not_of ("0123456789") == std::string::npos);
    unsigned long long declared (content_length.empty () ? 0 : digits
                                 ? std::strtoull (content_length.c_str (), nullptr, 10)
                                 : ~0ULL);
    if (declared > max_body_bytes)
      throw http_error (413, "payload_too_large",
                        "Request body is larger than " + std::to_string (max_body_bytes) +
                        " bytes");
    return static_cast<std::size_t> (declared);
  }

  void serve_fastcgi (const handler& app, std::size_t max_body_bytes,
                      const answer_observer& observe)
  {
    FCGX_Init ();
    connection_gate gate (0);

    FCGX_Request r;
    FCGX_InitRequest (&r, 0, 0);
    while (gate.wait ())
    {
      int accepted (FCGX_Accept_r (&r));
      // Another handler took the connection, or nginx gave up on it before it was read.
      if (accepted == -EAGAIN || accepted == -EWOULDBLOCK)
        continue;
      if (accepted < 0)
        throw std::runtime_error ("accepting a FastCGI connection failed: " +
                                  accept_error (accepted));
      std::chrono::steady_clock::time_point arrived (std::chrono::steady_clock::now ());
      request rq;
      rq.request_id = param (r, "REQUEST_ID");
      log_request_scope scope (rq.request_id);
      response res (handle (r, rq, app, max_body_bytes));
      write_response (r, res);
      FCGX_Finish_r (&r);
      if (observe)
        observe (rq, res, std::chrono::duration_cast<std::chrono::microseconds> (
                            std::chrono::steady_clock::now () - arrived));
    }
    FCGX_Free (&r, 1);
  }
}
