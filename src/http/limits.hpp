// The handler's bounds on what a client sends, in one place, each with the reason for its number.
// nginx enforces the same ones in front (conf/nginx/modforge-locations.conf); the body size is
// the configuration key http.max_body_bytes, not a constant here.
#pragma once

#include <cstddef>

namespace modforge
{
  // Objects and arrays may nest at most this deep in a request body (400 invalid_json).
  // RapidJSON's parser recurses once per level, so depth is checked before parsing; every
  // request of the API is flat, and 32 leaves clients room without risking the stack.
  const std::size_t max_json_depth = 32;

  // Members of one JSON object, at any level (400 invalid_json). The widest request (PATCH
  // /api/auth/me) has four fields; 64 tolerates clients that send extra ones, while a field
  // lookup (a linear scan in RapidJSON) and every walk over a body stay cheap.
  const std::size_t max_json_object_members = 64;

  // Bytes of any string field a handler reads (400 validation_error naming the field), before
  // the field's own rule. The longest rule is the prompt's 2,000 characters, at most 8,000
  // bytes of UTF-8; nothing longer can be valid, so nothing longer is looked at.
  const std::size_t max_json_string_bytes = 8192;

  // Bytes of REQUEST_URI, and of QUERY_STRING (414 uri_too_long). The longest URI of the API
  // (a download name, or a listing with limit and offset) is under 200 bytes; 2048 is what
  // browsers and proxies have long accepted, and nginx refuses longer URIs itself.
  const std::size_t max_uri_bytes = 2048;
}
