// The FastCGI accept loop: one request at a time per process (prefork under multiwatch), on the
// socket that spawn-fcgi bound and passed as file descriptor 0.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "router.hpp"

namespace modforge
{
  // Told of every answer: the request (its route, if the router matched one), the response, and
  // the time from the request's arrival to its answer.
  typedef std::function<void (const request&, const response&, std::chrono::microseconds)>
    answer_observer;

  // Serves until multiwatch's graceful signal (SIGUSR1), the signal it passes on for a reload
  // (SIGUSR2; multiwatch then starts a new copy), or SIGTERM/SIGINT: the request in hand is
  // finished (a signal never interrupts one; see connection_gate), then the function returns.
  // An http_error from `app` is answered as it says; any other exception is logged and answered
  // 500. Request bodies larger than max_body_bytes are answered 413 without being read. Every
  // log line written while a request is served names its request id. Throws
  // std::runtime_error when standard input is not a listening socket, or when accepting on it
  // fails for another reason than a connection that another handler took first.
  void serve_fastcgi (const handler& app, std::size_t max_body_bytes,
                      const answer_observer& observe = answer_observer ());

  // The checks made before anything of a request is read: a REQUEST_URI or QUERY_STRING longer
  // than max_uri_bytes is http_error 414 uri_too_long, a CONTENT_LENGTH over max_body_bytes (or
  // not a decimal number) 413 payload_too_large. Returns the declared body length.
  std::size_t check_request_limits (const std::string& request_uri,
                                    const std::string& query_string,
                                    const std::string& content_length,
                                    std::size_t max_body_bytes);
}
