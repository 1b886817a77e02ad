// The decisions record: JSON in and out, and the rules every record must obey.
#include "decisions.hpp"

#include <cmath>
#include <cstdio>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/writer.h>

#include "../common/json_writer.hpp"
#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"
#include "abilities.hpp"
#include "materials.hpp"
#include "recipes.hpp"
#include "tiers.hpp"

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

    // A member that may be missing: nullptr then.
    const rapidjson::Value* optional_member (const rapidjson::Value& object, const char* name)
    {
      auto i (object.FindMember (name));
      return i == object.MemberEnd () ? nullptr : &i->value;
    }

    double number_member (const rapidjson::Value& object, const char* name)
    {
      const rapidjson::Value* v (optional_member (object, name));
      if (v == nullptr)
        return 0;
      if (!v->IsNumber ())
        throw generator_error (std::string ("stats.") + name + " must be a number");
      return v->GetDouble ();
    }

    // An integer stat: a fraction is rounded, a huge number held (clamp_stats bounds it).
    int integer_member (const rapidjson::Value& object, const char* name)
    {
      double v (number_member (object, name));
      return v > 1e6 ? 1000000 : v < -1e6 ? -1000000 : static_cast<int> (std::lround (v));
    }

    item_stats stats_member (const rapidjson::Value& object)
    {
      if (!object.IsObject ())
        throw generator_error ("stats must be an object");
      item_stats s;
      s.attack_damage = number_member (object, "attackDamage");
      s.attack_speed = number_member (object, "attackSpeed");
      s.durability = integer_member (object, "durability");
      s.mining_speed = number_member (object, "miningSpeed");
      s.armor = integer_member (object, "armor");
      s.toughness = number_member (object, "toughness");
      s.hunger = integer_member (object, "hunger");
      s.saturation = number_member (object, "saturation");
      return s;
    }

    std::vector<std::string> strings_member (const rapidjson::Value& v, const char* name)
    {
      if (!v.IsArray ())
        throw generator_error (std::string (name) + " must be an array of strings");
      std::vector<std::string> r;
      for (const rapidjson::Value& e: v.GetArray ())
      {
        if (!e.IsString ())
          throw generator_error (std::string (name) + " must be an array of strings");
        r.emplace_back (e.GetString (), e.GetStringLength ());
      }
      return r;
    }

    // A recipe of the wrong shape is refused; one that breaks the rules is mended later.
    shaped_recipe recipe_member (const rapidjson::Value& v)
    {
      const char* shape ("recipe must be {\"pattern\": [...], \"key\": {...}}");
      if (!v.IsObject ())
        throw generator_error (shape);
      auto pattern (v.FindMember ("pattern")), key (v.FindMember ("key"));
      if (pattern == v.MemberEnd () || key == v.MemberEnd () || !key->value.IsObject ())
        throw generator_error (shape);
      shaped_recipe r;
      r.pattern = strings_member (pattern->value, "recipe.pattern");
      for (const auto& k: key->value.GetObject ())
      {
        if (!k.value.IsString ())
          throw generator_error ("recipe.key must map characters to item ids");
        std::string c (k.name.GetString (), k.name.GetStringLength ());
        // A key of several characters can match no cell: kept as a blank, so the check fails.
        r.key.emplace_back (c.size () == 1 ? c[0] : ' ',
                            std::string (k.value.GetString (), k.value.GetStringLength ()));
      }
      return r;
    }

    bool is_material_name (const std::string& s)
    {
      if (s.size () > 32 || (!s.empty () && !(s[0] >= 'a' && s[0] <= 'z')))
        return false;
      for (char c: s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
          return false;
      return true;
    }

    bool same_stats (const item_stats& a, const item_stats& b)
    {
      return a.attack_damage == b.attack_damage && a.attack_speed == b.attack_speed &&
             a.durability == b.durability && a.mining_speed == b.mining_speed &&
             a.armor == b.armor && a.toughness == b.toughness && a.hunger == b.hunger &&
             a.saturation == b.saturation;
    }

    bool same_recipe (const shaped_recipe& a, const shaped_recipe& b)
    {
      return a.pattern == b.pattern && a.key == b.key;
    }
  }

  const std::vector<std::string>& item_kinds ()
  {
    static const std::vector<std::string> kinds {
      "sword", "pickaxe", "axe", "shovel", "hoe", "bow", "helmet", "chestplate", "leggings",
      "boots", "food", "gem", "ingot", "wand", "generic"};
    return kinds;
  }

  bool is_item_kind (const std::string& kind)
  {
    for (const std::string& k: item_kinds ())
      if (k == kind)
        return true;
    return false;
  }

  const std::vector<std::string>& item_tiers ()
  {
    static const std::vector<std::string> tiers {
      "wood", "stone", "iron", "gold", "diamond", "netherite"};
    return tiers;
  }

  bool is_item_tier (const std::string& tier)
  {
    for (const std::string& t: item_tiers ())
      if (t == tier)
        return true;
    return false;
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
    string_output stream {out};
    rapidjson::Writer<string_output> w (stream);
    w.SetMaxDecimalPlaces (3);
    auto text = [&w] (const char* key, const std::string& value)
    {
      w.Key (key);
      w.String (value.data (), static_cast<rapidjson::SizeType> (value.size ()));
    };
    auto number = [&w] (const char* key, double value) {w.Key (key); w.Double (value);};
    auto integer = [&w] (const char* key, int value) {w.Key (key); w.Int (value);};

    w.StartObject ();
    text ("itemName", d.item_name);
    text ("modName", d.mod_name);
    text ("modId", d.mod_id);
    text ("description", d.description);
    text ("kind", d.kind);
    w.Key ("colours");
    w.StartArray ();
    for (const rgb& c: d.colours)
      w.String (colour_to_hex (c).c_str ());
    w.EndArray ();
    text ("material", d.material);
    text ("tier", d.tier);
    w.Key ("stats");
    w.StartObject ();
    number ("attackDamage", d.stats.attack_damage);
    number ("attackSpeed", d.stats.attack_speed);
    integer ("durability", d.stats.durability);
    number ("miningSpeed", d.stats.mining_speed);
    integer ("armor", d.stats.armor);
    number ("toughness", d.stats.toughness);
    integer ("hunger", d.stats.hunger);
    number ("saturation", d.stats.saturation);
    w.EndObject ();
    w.Key ("abilities");
    w.StartArray ();
    for (const std::string& a: d.abilities)
      w.String (a.c_str ());
    w.EndArray ();
    integer ("abilityLevel", d.ability_level);
    w.Key ("recipe");
    w.StartObject ();
    w.Key ("pattern");
    w.StartArray ();
    for (const std::string& row: d.recipe.pattern)
      w.String (row.c_str ());
    w.EndArray ();
    w.Key ("key");
    w.StartObject ();
    for (const auto& k: d.recipe.key)
      text (std::string (1, k.first).c_str (), k.second);
    w.EndObject ();
    w.EndObject ();
    w.EndObject ();
    return out;
  }

  void complete_decisions (decisions& d)
  {
    if (!is_item_tier (d.tier))
    {
      const material* m (find_material (d.material));
      d.tier = m != nullptr ? m->tier : "iron";
    }
    clamp_stats (d.stats);
    if (same_stats (d.stats, item_stats ()))
      d.stats = default_stats (d.kind, d.tier);
    d.abilities = fit_abilities (d.kind, d.abilities);
    d.ability_level = d.ability_level < 1 ? 1 : d.ability_level > 3 ? 3 : d.ability_level;
    if (!is_valid_recipe (d.recipe))
      d.recipe = default_recipe (d);
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
    if (!is_material_name (d.material))
      throw generator_error ("material must match ^([a-z][a-z0-9_]{0,31})?$");

    // What complete_decisions mends must already be whole in a record made in code.
    decisions mended (d);
    complete_decisions (mended);
    if (d.tier != mended.tier)
      throw generator_error ("tier must be one of wood, stone, iron, gold, diamond, netherite");
    if (!same_stats (d.stats, mended.stats))
      throw generator_error ("stats must be in their ranges");
    if (d.abilities != mended.abilities)
      throw generator_error ("abilities must be known, given once, at most 4, fit for the kind");
    if (d.ability_level != mended.ability_level)
      throw generator_error ("abilityLevel must be 1 to 3");
    if (!same_recipe (d.recipe, mended.recipe))
      throw generator_error ("recipe must be a valid shaped recipe");
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

    // The later members may be missing (an analyser written before they existed): derived then.
    if (optional_member (doc, "material") != nullptr)
      d.material = string_member (doc, "material");
    if (optional_member (doc, "tier") != nullptr)
      d.tier = string_member (doc, "tier");
    if (const rapidjson::Value* v = optional_member (doc, "stats"))
      d.stats = stats_member (*v);
    if (const rapidjson::Value* v = optional_member (doc, "abilities"))
      d.abilities = strings_member (*v, "abilities");
    if (const rapidjson::Value* v = optional_member (doc, "abilityLevel"))
    {
      if (!v->IsNumber ())
        throw generator_error ("abilityLevel must be a number");
      double level (v->GetDouble ());
      d.ability_level = level > 3 ? 3 : level < 1 ? 1 : static_cast<int> (level);
    }
    if (const rapidjson::Value* v = optional_member (doc, "recipe"))
      d.recipe = recipe_member (*v);

    // An unknown material word is kept out of paths and code by its rule; it is dropped rather
    // than refused, as it only names what the item is made of.
    if (!is_material_name (d.material))
      d.material.clear ();
    complete_decisions (d);
    validate_decisions (d);
    return d;
  }
}
