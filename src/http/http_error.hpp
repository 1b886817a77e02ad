// A request refused at the HTTP level: the status, the stable code word, the sentence and the
// headers of the answer. The protocol's own refusals are raised as this (405 with Allow, 413, 414,
// 415, a body that is not JSON); the API turns a service's domain_error into one.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace modforge
{
  struct http_error: std::runtime_error
  {
    int status;
    std::string code;
    // Extra response headers (Allow, WWW-Authenticate, Retry-After).
    std::vector<std::pair<std::string, std::string>> headers;
    // Refused for want of a valid token (none, or a bad one): the body also says "valid": false,
    // as a failed verify does.
    bool token_refused = false;

    http_error (int s, std::string c, const std::string& message)
        : std::runtime_error (message), status (s), code (std::move (c)) {}
  };
}
