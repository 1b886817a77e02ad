// The FastCGI loop of modforge-fcgi.
#include "fcgi_server.hpp"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcgiapp.h>

#include "../common/log.hpp"
#include "error_response.hpp"

namespace modforge
{
  namespace
  {
    volatile std::sig_atomic_t stop_requested (0);

    extern "C" void on_stop_signal (int)
    {
      stop_requested = 1;
      // Makes libfcgi's accept() give up instead of retrying after EINTR.
      FCGX_ShutdownPending ();
    }

    void install_stop_handlers ()
    {
      struct sigaction sa;
      std::memset (&sa, 0, sizeof (sa));
      sa.sa_handler = on_stop_signal;
      sigemptyset (&sa.sa_mask);
      sa.sa_flags = 0; // no SA_RESTART: a blocked accept() must return
      for (int s: {SIGUSR1, SIGTERM, SIGINT})
        sigaction (s, &sa, nullptr);
    }

    std::string param (FCGX_Request& r, const char* name)
    {
      const char* v (FCGX_GetParam (name, r.envp));
      return v != nullptr ? v : "";
    }

    // Fills `rq` from the FastCGI parameters and stdin. Throws api_error 413 for a body over
    // the limit (only the declared length is trusted; nothing beyond max+1 bytes is read).
    void read_request (FCGX_Request& r, request& rq, std::size_t max_body_bytes)
    {
      rq.method = param (r, "REQUEST_METHOD");
      std::string uri (param (r, "REQUEST_URI"));
      std::size_t q (uri.find ('?'));
      rq.path = uri.substr (0, q);
      rq.query = q != std::string::npos ? uri.substr (q + 1) : std::string ();
      rq.content_type = param (r, "CONTENT_TYPE");
      rq.remote_addr = param (r, "REMOTE_ADDR");
      rq.user_agent = param (r, "HTTP_USER_AGENT");
      rq.authorization = param (r, "HTTP_AUTHORIZATION");
      rq.session_token = param (r, "HTTP_X_SESSION_TOKEN");

      std::string length (param (r, "CONTENT_LENGTH"));
      unsigned long long declared (length.empty () ? 0 : std::strtoull (length.c_str (),
                                                                          nullptr, 10));
      if (declared > max_body_bytes)
        throw api_error (413, "payload_too_large",
                         "Request body is larger than " + std::to_string (max_body_bytes) +
                         " bytes");

      rq.body.resize (static_cast<std::size_t> (declared));
      int got (declared == 0 ? 0 : FCGX_GetStr (&rq.body[0], static_cast<int> (declared), r.in));
      rq.body.resize (got > 0 ? static_cast<std::size_t> (got) : 0);
    }

    response handle (FCGX_Request& r, const handler& app, std::size_t max_body_bytes)
    {
      request rq;
      try
      {
        read_request (r, rq, max_body_bytes);
        return app (rq);
      }
      catch (const api_error& e)
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
      return error_response (api_error (500, "internal_error", "Internal server error"));
    }

    void write_response (FCGX_Request& r, const response& res)
    {
      std::string head (res.head ());
      FCGX_PutStr (head.data (), static_cast<int> (head.size ()), r.out);
      if (!res.body.empty ())
        FCGX_PutStr (res.body.data (), static_cast<int> (res.body.size ()), r.out);
    }
  }

  void serve_fastcgi (const handler& app, std::size_t max_body_bytes)
  {
    FCGX_Init ();
    install_stop_handlers ();

    FCGX_Request r;
    FCGX_InitRequest (&r, 0, FCGI_FAIL_ACCEPT_ON_INTR);
    while (!stop_requested && FCGX_Accept_r (&r) >= 0)
    {
      write_response (r, handle (r, app, max_body_bytes));
      FCGX_Finish_r (&r);
    }
    FCGX_Free (&r, 1);
  }
}
