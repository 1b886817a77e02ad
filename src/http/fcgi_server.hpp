// The FastCGI accept loop: one request at a time per process (prefork under multiwatch), on the
// socket that spawn-fcgi bound and passed as file descriptor 0.
#pragma once

#include <cstddef>

#include "router.hpp"

namespace modforge
{
  // Serves until multiwatch's graceful signal (SIGUSR1) or SIGTERM/SIGINT: the request in hand
  // is finished, then the function returns. Every exception from `app` is caught, logged and
  // answered; request bodies larger than max_body_bytes are answered 413 without being read.
  void serve_fastcgi (const handler& app, std::size_t max_body_bytes);
}
