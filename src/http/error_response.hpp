// Turning an api_error into the JSON error body of SPEC §3: {success:false, error, code}.
#pragma once

#include "../common/api_error.hpp"
#include "response.hpp"

namespace modforge
{
  response error_response (const api_error&);

  // A response with a JSON body and the API's content type.
  response json_response (int status, std::string body);
}
