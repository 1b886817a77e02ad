// Turning an http_error into the API's JSON error body: {success:false, error, code}.
#pragma once

#include "http_error.hpp"
#include "response.hpp"

namespace modforge
{
  response error_response (const http_error&);

  // A response with a JSON body and the API's content type.
  response json_response (int status, std::string body);
}
