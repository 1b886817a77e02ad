// Parsing request bodies and reading their fields.
#include "json.hpp"

#include <rapidjson/error/en.h>

#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"
#include "http_error.hpp"

namespace modforge
{
  namespace
  {
    http_error invalid_json (const std::string& why)
    {
      return http_error (400, "invalid_json", "Request body is not valid JSON: " + why);
    }

    // What the parser lets through but a request body may not hold. RapidJSON validates the
    // raw bytes, but turns an escaped lone surrogate ("\udc00") into the UTF-8 bytes of a
    // surrogate, which are not UTF-8 and which PostgreSQL would refuse. The depth was checked
    // before parsing, so the recursion is bounded.
    void check_parsed (const rapidjson::Value& v)
    {
      if (v.IsString ())
      {
        if (!is_valid_utf8 (std::string (v.GetString (), v.GetStringLength ())))
          throw invalid_json ("a \\u escape names no character (an unpaired surrogate)");
      }
      else if (v.IsArray ())
      {
        for (const rapidjson::Value& e: v.GetArray ())
          check_parsed (e);
      }
      else if (v.IsObject ())
      {
        if (v.MemberCount () > max_json_object_members)
          throw http_error (400, "invalid_json",
                            "Request body has an object of more than " +
                            std::to_string (max_json_object_members) + " members");
        for (const auto& m: v.GetObject ())
        {
          check_parsed (m.name);
          check_parsed (m.value);
        }
      }
    }
  }

  bool json_depth_within (const std::string& text, std::size_t max_depth)
  {
    std::size_t depth (0);
    bool in_string (false), escaped (false);
    for (char c: text)
    {
      if (in_string)
      {
        if (escaped)
          escaped = false;
        else if (c == '\\')
          escaped = true;
        else if (c == '"')
          in_string = false;
      }
      else if (c == '"')
        in_string = true;
      else if (c == '{' || c == '[')
      {
        if (++depth > max_depth)
          return false;
      }
      else if ((c == '}' || c == ']') && depth > 0)
        --depth;
    }
    return true;
  }

  rapidjson::Document parse_json_object (const std::string& body)
  {
    rapidjson::Document d;
    if (body.find_first_not_of (white_space) == std::string::npos)
    {
      d.SetObject ();
      return d;
    }

    if (!json_depth_within (body, max_json_depth))
      throw http_error (400, "invalid_json",
                        "Request body is nested more than " + std::to_string (max_json_depth) +
                        " levels deep");

    d.Parse<rapidjson::kParseValidateEncodingFlag> (body.data (), body.size ());
    if (d.HasParseError ())
      throw invalid_json (std::string (rapidjson::GetParseError_En (d.GetParseError ())) +
                          " (at byte " + std::to_string (d.GetErrorOffset ()) + ")");
    if (!d.IsObject ())
      throw http_error (400, "invalid_json", "Request body must be a JSON object");
    check_parsed (d);
    return d;
  }

  const rapidjson::Value* find_member (const rapidjson::Value& object, const char* name)
  {
    auto i (object.FindMember (name));
    if (i == object.MemberEnd () || i->value.IsNull ())
      return nullptr;
    return &i->value;
  }

  std::string required_string (const rapidjson::Value& object, const char* name,
                               std::size_t max_bytes)
  {
    std::string r;
    if (!optional_string (object, name, r, max_bytes))
      throw invalid_input (std::string (name) + " is required");
    return r;
  }

  bool optional_string (const rapidjson::Value& object, const char* name, std::string& out,
                        std::size_t max_bytes)
  {
    const rapidjson::Value* v (find_member (object, name));
    if (v == nullptr)
      return false;
    if (!v->IsString ())
      throw invalid_input (std::string (name) + " must be a string");
    if (v->GetStringLength () > max_bytes)
      throw invalid_input (std::string (name) + " must be at most " +
                           std::to_string (max_bytes) + " bytes long");
    out.assign (v->GetString (), v->GetStringLength ());
    return true;
  }

  bool optional_integer (const rapidjson::Value& object, const char* name, std::int64_t& out,
                         std::int64_t min, std::int64_t max)
  {
    const rapidjson::Value* v (find_member (object, name));
    if (v == nullptr)
      return false;
    if (!v->IsInt64 () || v->GetInt64 () < min || v->GetInt64 () > max)
      throw invalid_input (std::string (name) + " must be an integer from " +
                           std::to_string (min) + " to " + std::to_string (max));
    out = v->GetInt64 ();
    return true;
  }

  bool optional_bool (const rapidjson::Value& object, const char* name, bool& out)
  {
    const rapidjson::Value* v (find_member (object, name));
    if (v == nullptr)
      return false;
    if (!v->IsBool ())
      throw invalid_input (std::string (name) + " must be true or false");
    out = v->GetBool ();
    return true;
  }
}
