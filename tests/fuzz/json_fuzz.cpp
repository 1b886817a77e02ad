// Fuzzes request bodies: json_depth_within, parse_json_object and the typed field helpers, read
// the way the handlers read them, and the error body of every refusal.
#include <cstdint>
#include <string>

#include "../../src/http/json.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;
using modforge_fuzz::expect_client_error;

namespace
{
  // A wrong type is the only refusal a field helper may raise.
  void expect_validation_error (const domain_error& e)
  {
    expect (e.kind == error_kind::invalid_input && e.code == "validation_error",
            "a wrong field is an invalid_input validation_error");
    expect_client_error (e);
  }

  // Reads `name` with each helper, as a handler would, checking what each promises.
  void read_field (const rapidjson::Value& body, const char* name)
  {
    try
    {
      std::string s;
      if (optional_string (body, name, s))
        expect (is_valid_utf8 (s), "a string field is valid UTF-8");
      expect (required_string (body, name) == s, "required_string reads what optional_string reads");
    }
    catch (const domain_error& e) {expect_validation_error (e);}
    try
    {
      bool b;
      optional_bool (body, name, b);
    }
    catch (const domain_error& e) {expect_validation_error (e);}
    try
    {
      std::int64_t i;
      if (optional_integer (body, name, i, 1, 8))
        expect (i >= 1 && i <= 8, "an integer field is within its range");
    }
    catch (const domain_error& e) {expect_validation_error (e);}
    try
    {
      std::int64_t i;
      optional_integer (body, name, i, 1, INT64_MAX);
    }
    catch (const domain_error& e) {expect_validation_error (e);}
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string body (modforge_fuzz::input (data, size));
  const bool shallow (json_depth_within (body, max_json_depth));
  try
  {
    rapidjson::Document d (parse_json_object (body));
    expect (d.IsObject (), "a parsed body is an object");
    expect (shallow || body.find_first_not_of (" \t\r\n") == std::string::npos,
            "a body nested too deep is refused");

    // The fields the handlers read, then every member the client sent.
    for (const char* name: {"username", "email", "password", "current_password", "name",
                            "prompt", "new_session", "session_id", "index", "count"})
      read_field (d, name);
    for (const auto& m: d.GetObject ())
    {
      std::string name (m.name.GetString (), m.name.GetStringLength ());
      expect (is_valid_utf8 (name), "a member name is valid UTF-8");
      if (name.find ('\0') == std::string::npos) // the helpers take a C string
        read_field (d, name.c_str ());
    }
  }
  catch (const http_error& e)
  {
    expect (e.status == 400 && e.code == "invalid_json", "a refused body is a 400 invalid_json");
    expect_client_error (e);
  }
  return 0;
}
