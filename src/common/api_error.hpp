// The one error type of the API: an HTTP status, a stable machine word and a human sentence.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace modforge
{
  struct api_error: std::runtime_error
  {
    int status;
    std::string code;
    // Extra response headers (Allow, WWW-Authenticate, Retry-After).
    std::vector<std::pair<std::string, std::string>> headers;

    api_error (int s, std::string c, const std::string& message)
        : std::runtime_error (message), status (s), code (std::move (c)) {}
  };

  // The errors every layer raises, named once so that codes and messages cannot drift.
  api_error validation_error (const std::string& message);
  api_error not_found (const std::string& message);
  api_error missing_token ();
  api_error invalid_session ();
  api_error database_unavailable ();
}
