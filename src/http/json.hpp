// JSON of requests through RapidJSON: bounded parsing of request bodies and typed field access
// that answers 400 on a wrong type (the writer is common/json_writer.hpp's).
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "../common/json_writer.hpp"
#include "limits.hpp"

namespace modforge
{
  // Whether the nesting of `text` stays within max_depth (counted outside strings). RapidJSON's
  // parser recurses, so a body nested 10,000 deep must be refused before it is parsed.
  bool json_depth_within (const std::string& text, std::size_t max_depth);

  // Parses a request body that must be a JSON object (an empty body is an empty object).
  // Throws http_error 400 invalid_json otherwise: nested deeper than max_json_depth, an object
  // with more than max_json_object_members members, or a string that is not valid UTF-8.
  rapidjson::Document parse_json_object (const std::string& body);

  // Field access on a parsed body. "absent" and JSON null are the same thing to callers that take
  // a pointer; a value of the wrong type is an invalid_input domain_error naming the field, and
  // so is a string longer than max_bytes (a field's own rule may be tighter; pass it when it is
  // in bytes).
  const rapidjson::Value* find_member (const rapidjson::Value& object, const char* name);
  std::string required_string (const rapidjson::Value& object, const char* name,
                               std::size_t max_bytes = max_json_string_bytes);
  bool optional_string (const rapidjson::Value& object, const char* name, std::string& out,
                        std::size_t max_bytes = max_json_string_bytes);
  bool optional_bool (const rapidjson::Value& object, const char* name, bool& out);
  // An integer within [min, max] (a JSON number without a fraction); 400 naming the field and
  // the range otherwise.
  bool optional_integer (const rapidjson::Value& object, const char* name, std::int64_t& out,
                         std::int64_t min, std::int64_t max);
}
