// Parsing request bodies and reading their fields.
#include "json.hpp"

#include <rapidjson/error/en.h>

#include "../common/api_error.hpp"
#include "../common/utf8.hpp"

namespace modforge
{
  namespace
  {
    // RapidJSON validates the raw bytes, but turns an escaped lone low surrogate ("\udc00") into
    // the UTF-8 bytes of a surrogate, which are not UTF-8 and which PostgreSQL would refuse.
    // The depth was checked before parsing, so the recursion is bounded.
    bool strings_are_utf8 (const rapidjson::Value& v)
    {
      if (v.IsString ())
        return is_valid_utf8 (std::string (v.GetString (), v.GetStringLength ()));
      if (v.IsArray ())
      {
        for (const rapidjson::Value& e: v.GetArray ())
          if (!strings_are_utf8 (e))
            return false;
      }
      else if (v.IsObject ())
      {
        for (const auto& m: v.GetObject ())
          if (!strings_are_utf8 (m.name) || !strings_are_utf8 (m.value))
            return false;
      }
      return true;
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
    if (body.find_first_not_of (" \t\r\n") == std::string::npos)
    {
      d.SetObject ();
      return d;
    }

    if (!json_depth_within (body, max_json_depth))
      throw api_error (400, "invalid_json",
                       "Request body is nested more than " + std::to_string (max_json_depth) +
                       " levels deep");

    d.Parse<rapidjson::kParseValidateEncodingFlag> (body.data (), body.size ());
    if (d.HasParseError ())
      throw api_error (400, "invalid_json",
                       std::string ("Request body is not valid JSON: ") +
                       rapidjson::GetParseError_En (d.GetParseError ()) + " (at byte " +
                       std::to_string (d.GetErrorOffset ()) + ")");
    if (!d.IsObject ())
      throw api_error (400, "invalid_json", "Request body must be a JSON object");
    if (!strings_are_utf8 (d))
      throw api_error (400, "invalid_json",
                       "Request body is not valid JSON: a \\u escape names no character "
                       "(an unpaired surrogate)");
    return d;
  }

  const rapidjson::Value* find_member (const rapidjson::Value& object, const char* name)
  {
    auto i (object.FindMember (name));
    if (i == object.MemberEnd () || i->value.IsNull ())
      return nullptr;
    return &i->value;
  }

  std::string required_string (const rapidjson::Value& object, const char* name)
  {
    std::string r;
    if (!optional_string (object, name, r))
      throw validation_error (std::string (name) + " is required");
    return r;
  }

  bool optional_string (const rapidjson::Value& object, const char* name, std::string& out)
  {
    const rapidjson::Value* v (find_member (object, name));
    if (v == nullptr)
      return false;
    if (!v->IsString ())
      throw validation_error (std::string (name) + " must be a string");
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
      throw validation_error (std::string (name) + " must be an integer from " +
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
      throw validation_error (std::string (name) + " must be true or false");
    out = v->GetBool ();
    return true;
  }
}
