// Writing JSON into a std::string through RapidJSON: response bodies, job logs and results, the
// files of a generated mod. Every layer writes JSON, so it lives here rather than in http/.
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

namespace modforge
{
  // A std::string as a RapidJSON output stream, so that a writer appends to it.
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
