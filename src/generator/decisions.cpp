// The decisions record: JSON in and out, and the rules every record must obey.
#include "decisions.hpp"

#include <cstdio>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"
#include "../http/json.hpp"

namespace modforge
{
  namespace
  {
    const std::size_t max_name_chars = 64;
    const std::size_t max_description_chars = 300;
    const std::size_t min_colours = 2, max_colours = 4;

    void check_text (const std::string& value, const char* field, std::size_t min_chars,
                     std::size_t max_chars)
    {
      if (!is_valid_utf8 (value))
        throw generator_error (std::string (field) + " is not valid UTF-8");
      if (has_control_code_point (value))
        throw generator_error (std::string (field) + " contains a control character");
      std::size_t n (count_code_points (value));
      if (n < min_chars || n > max_chars)
        throw generator_error (std::string (field) + " must be " + std::to_string (min_chars) +
                               " to " + std::to_string (max_chars) + " characters long");
    }

    int hex_value (char c)
    {
      if (c >= '0' && c <= '9')
        return c - '0';
      if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
      if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
      return -1;
    }

    bool parse_colour (const std::string& s, rgb& out)
    {
      if (s.size () != 7 || s[0] != '#')
        return false;
      unsigned char v[3];
      for (int i (0); i != 3; ++i)
      {
        int hi (hex_value (s[1 + 2 * i])), lo (hex_value (s[2 + 2 * i]));
        if (hi < 0 || lo < 0)
          return false;
        v[i] = static_cast<unsigned char> (hi * 16 + lo);
      }
      out = rgb {v[0], v[1], v[2]};
      return true;
    }

    const rapidjson::Value& member (const rapidjson::Value& object, const char* name)
    {
      auto i (object.FindMember (name));
      if (i == object.MemberEnd ())
        throw generator_error (std::string (name) + " is missing");
      return i->value;
    }

    std::string string_member (const rapidjson::Value& object, const char* name)
    {
      const rapidjson::Value& v (member (object, name));
      if (!v.IsString ())
        throw generator_error (std::string (name) + " must be a string");
      return std::string (v.GetString (), v.GetStringLength ());
    }

    std::vector<rgb> colours_member (const rapidjson::Value& object)
    {
      const rapidjson::Value& v (member (object, "colours"));
      if (!v.IsArray ())
        throw generator_error ("colours must be an array");
      std::vector<rgb> r;
      for (const rapidjson::Value& e: v.GetArray ())
      {
        rgb c;
        if (!e.IsString () || !parse_colour (std::string (e.GetString (), e.GetStringLength ()), c))
          throw generator_error ("colours must hold only strings of the form \"#rrggbb\"");
        r.push_back (c);
      }
      return r;
    }
  }

  const std::vector<std::string>& item_kinds ()
  {
    static const std::vector<std::string> kinds {
      "sword", "pickaxe", "axe", "shovel", "hoe", "bow", "food", "gem", "ingot", "wand", "generic"};
    return kinds;
  }

  bool is_item_kind (const std::string& kind)
  {
    for (const std::string& k: item_kinds ())
      if (k == kind)
        return true;
    return false;
  }

  bool is_valid_mod_id (const std::string& id)
  {
    if (id.size () < 2 || id.size () > 64 || id[0] < 'a' || id[0] > 'z')
      return false;
    for (char c: id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
        return false;
    return true;
  }

  std::string colour_to_hex (const rgb& c)
  {
    char buf[8];
    std::snprintf (buf, sizeof (buf), "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
  }

  std::string decisions_to_json (const decisions& d)
  {
    std::string out;
    json_writer w (out);
    w.begin_object ()
      .member ("itemName", d.item_name)
      .member ("modName", d.mod_name)
      .member ("modId", d.mod_id)
      .member ("description", d.description)
      .member ("kind", d.kind)
      .key ("colours").begin_array ();
    for (const rgb& c: d.colours)
      w.value (colour_to_hex (c));
    w.end_array ().end_object ();
    return out;
  }

  void validate_decisions (const decisions& d)
  {
    check_text (d.item_name, "itemName", 1, max_name_chars);
    check_text (d.mod_name, "modName", 1, max_name_chars);
    check_text (d.description, "description", 0, max_description_chars);
    if (!is_valid_mod_id (d.mod_id))
      throw generator_error ("modId must match ^[a-z][a-z0-9_-]{1,63}$ (Fabric's rule for a mod id)");
    if (!is_item_kind (d.kind))
    {
      std::string known;
      for (const std::string& k: item_kinds ())
        known += (known.empty () ? "" : ", ") + k;
      throw generator_error ("kind must be one of " + known);
    }
    if (d.colours.size () < min_colours || d.colours.size () > max_colours)
      throw generator_error ("colours must hold 2 to 4 colours");
  }

  decisions decisions_from_json (const std::string& json)
  {
    // Iterative parsing: the text may come from an external command, and deep nesting must not
    // exhaust the stack.
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag> (
      json.data (), json.size ());
    if (doc.HasParseError ())
      throw generator_error (std::string ("aiDecisions is not valid JSON: ") +
                             rapidjson::GetParseError_En (doc.GetParseError ()) + " (at byte " +
                             std::to_string (doc.GetErrorOffset ()) + ")");
    if (!doc.IsObject ())
      throw generator_error ("aiDecisions must be a JSON object");

    decisions d;
    d.item_name = string_member (doc, "itemName");
    d.mod_name = string_member (doc, "modName");
    d.mod_id = string_member (doc, "modId");
    d.description = string_member (doc, "description");
    d.kind = string_member (doc, "kind");
    d.colours = colours_member (doc);
    validate_decisions (d);
    return d;
  }
}
