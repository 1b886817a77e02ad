// JSON in and out through RapidJSON: bounded parsing of request bodies, typed field access that
// answers 400 on a wrong type, and a writer that writes straight into a response body.
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

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

  // A std::string as a RapidJSON output stream, so that the writer appends to a response body.
  struct string_output
  {
    typedef char Ch;
    std::string& out;
    void Put (char c) {out.push_back (c);}
    void Flush () {}
  };

  class json_writer
  {
  public:
    explicit json_writer (std::string& out): stream_ {out}, writer_ (stream_) {}

    json_writer& begin_object () {writer_.StartObject (); return *this;}
    json_writer& end_object () {writer_.EndObject (); return *this;}
    json_writer& begin_array () {writer_.StartArray (); return *this;}
    json_writer& end_array () {writer_.EndArray (); return *this;}

    json_writer& key (const char* k) {writer_.Key (k); return *this;}
    json_writer& value (const std::string& v)
    {
      writer_.String (v.data (), static_cast<rapidjson::SizeType> (v.size ()));
      return *this;
    }
    json_writer& value (const char* v) {writer_.String (v); return *this;}
    json_writer& value (bool v) {writer_.Bool (v); return *this;}
    json_writer& value (int v) {writer_.Int (v); return *this;}
    json_writer& value (std::int64_t v) {writer_.Int64 (v); return *this;}
    json_writer& value (const rapidjson::Value& v) {v.Accept (writer_); return *this;}
    json_writer& null () {writer_.Null (); return *this;}

    // A string or null, from a pointer (nullptr is null).
    json_writer& value_or_null (const std::string* v) {return v ? value (*v) : null ();}

    // "key": value in one call.
    template <typename T>
    json_writer& member (const char* k, const T& v) {key (k); return value (v);}

  private:
    string_output stream_;
    rapidjson::Writer<string_output> writer_;
  };
}
