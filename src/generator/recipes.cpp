// Recipe shapes, their checks and their JSON.
#include "recipes.hpp"

#include <rapidjson/prettywriter.h>

#include "../common/json_writer.hpp"
#include "abilities.hpp"
#include "materials.hpp"
#include "tiers.hpp"

namespace modforge
{
  namespace
  {
    struct kind_shape
    {
      const char* kind;
      const char* rows[3];
    };

    // Vanilla's shape for the kind, with "C" where the catalyst goes.
    const kind_shape shapes[] = {
      {"sword", {"CM", " M", " S"}},
      {"pickaxe", {"MMM", "CS ", " S "}},
      {"axe", {"MMC", "MS ", " S "}},
      {"shovel", {"CM", " S", " S"}},
      {"hoe", {"MMC", " S ", " S "}},
      {"bow", {" MT", "MCT", " MT"}},
      {"helmet", {"MMM", "MCM", nullptr}},
      {"chestplate", {"MCM", "MMM", "MMM"}},
      {"leggings", {"MMM", "MCM", "M M"}},
      {"boots", {"MCM", "M M", nullptr}},
      {"food", {" M ", "MFM", " M "}},
      {"gem", {" M ", "MCM", " M "}},
      {"ingot", {"MMM", "MCM", "MMM"}},
      {"wand", {" CM", " S ", "S  "}},
      {"generic", {"MCM", nullptr, nullptr}}};

    // What each ability's item is brewed or crafted from in vanilla, more or less.
    struct catalyst
    {
      const char* ability;
      const char* item;
    };
    const catalyst catalysts[] = {
      {"set_fire", "minecraft:blaze_powder"}, {"freeze", "minecraft:snowball"},
      {"lightning", "minecraft:copper_ingot"}, {"knockback", "minecraft:slime_ball"},
      {"poison", "minecraft:spider_eye"}, {"wither", "minecraft:wither_rose"},
      {"heal", "minecraft:ghast_tear"}, {"fireball", "minecraft:blaze_rod"},
      {"teleport", "minecraft:ender_pearl"}, {"night_vision", "minecraft:glowstone_dust"},
      {"water_breathing", "minecraft:prismarine_shard"}, {"speed", "minecraft:sugar"},
      {"fire_resistance", "minecraft:magma_cream"}, {"glowing", "minecraft:glowstone_dust"},
      {"strength", "minecraft:blaze_powder"}, {"regeneration", "minecraft:ghast_tear"},
      {"jump_boost", "minecraft:rabbit_foot"}, {"haste", "minecraft:gold_nugget"},
      {"resistance", "minecraft:iron_nugget"}, {"slow_falling", "minecraft:phantom_membrane"}};

    // The food a food item's name names, as the base of its recipe.
    struct food_base
    {
      const char* word;
      const char* item;
    };
    const food_base food_bases[] = {
      {"apple", "minecraft:apple"}, {"bread", "minecraft:bread"}, {"loaf", "minecraft:bread"},
      {"sandwich", "minecraft:bread"}, {"berry", "minecraft:sweet_berries"},
      {"berries", "minecraft:sweet_berries"}, {"honey", "minecraft:honeycomb"}};

    const char* const tier_ingredients[][2] = {
      {"wood", "minecraft:oak_planks"}, {"stone", "minecraft:cobblestone"},
      {"iron", "minecraft:iron_ingot"}, {"gold", "minecraft:gold_ingot"},
      {"diamond", "minecraft:diamond"}, {"netherite", "minecraft:netherite_ingot"}};

    std::string lower (std::string s)
    {
      for (char& c: s)
        if (c >= 'A' && c <= 'Z')
          c = static_cast<char> (c - 'A' + 'a');
      return s;
    }

    std::string main_ingredient (const decisions& d)
    {
      if (const material* m = find_material (d.material))
        return m->ingredient;
      for (const auto& t: tier_ingredients)
        if (d.tier == t[0])
          return t[1];
      return "minecraft:iron_ingot";
    }

    std::string food_ingredient (const decisions& d)
    {
      std::string name (lower (d.item_name));
      for (const food_base& f: food_bases)
        if (name.find (f.word) != std::string::npos)
          return f.item;
      return "minecraft:wheat";
    }

    std::string catalyst_for (const decisions& d)
    {
      for (const std::string& a: d.abilities)
        for (const catalyst& c: catalysts)
          if (a == c.ability)
            return c.item;
      return "minecraft:amethyst_shard";
    }
  }

  shaped_recipe default_recipe (const decisions& d)
  {
    const kind_shape* shape (&shapes[sizeof (shapes) / sizeof (shapes[0]) - 1]);
    for (const kind_shape& s: shapes)
      if (d.kind == s.kind)
        shape = &s;

    shaped_recipe r;
    std::string used;
    for (const char* row: shape->rows)
      if (row != nullptr)
      {
        r.pattern.push_back (row);
        used += row;
      }
    auto key = [&] (char c, const std::string& item)
    {
      if (used.find (c) != std::string::npos)
        r.key.emplace_back (c, item);
    };
    // Food without a material is sweetened.
    key ('M', d.kind == "food" && find_material (d.material) == nullptr ? "minecraft:sugar"
                                                                         : main_ingredient (d));
    key ('S', "minecraft:stick");
    key ('T', "minecraft:string");
    key ('F', food_ingredient (d));
    key ('C', catalyst_for (d));
    return r;
  }

  bool is_valid_recipe (const shaped_recipe& r)
  {
    if (r.pattern.empty () || r.pattern.size () > 3 || r.key.empty () || r.key.size () > 9)
      return false;
    std::string cells;
    for (const std::string& row: r.pattern)
    {
      if (row.empty () || row.size () > 3 || row.size () != r.pattern[0].size ())
        return false;
      cells += row;
    }
    if (cells.find_first_not_of (' ') == std::string::npos)
      return false;
    std::string keys;
    for (const auto& k: r.key)
    {
      if (k.first == ' ' || keys.find (k.first) != std::string::npos ||
          cells.find (k.first) == std::string::npos || !is_recipe_ingredient (k.second))
        return false;
      keys += k.first;
    }
    for (char c: cells)
      if (c != ' ' && keys.find (c) == std::string::npos)
        return false;
    return true;
  }

  std::string recipe_json (const decisions& d)
  {
    const char* category (d.kind == "food" || d.kind == "gem" || d.kind == "ingot" ||
                          d.kind == "generic" ? "misc" : "equipment");
    std::string text;
    string_output stream {text};
    rapidjson::PrettyWriter<string_output> w (stream);
    w.SetIndent (' ', 2);
    w.StartObject ();
    w.Key ("type");
    w.String ("minecraft:crafting_shaped");
    w.Key ("category");
    w.String (category);
    w.Key ("pattern");
    w.StartArray ();
    for (const std::string& row: d.recipe.pattern)
      w.String (row.c_str ());
    w.EndArray ();
    w.Key ("key");
    w.StartObject ();
    for (const auto& k: d.recipe.key)
    {
      w.Key (std::string (1, k.first).c_str ());
      w.StartObject ();
      w.Key ("item");
      w.String (k.second.c_str ());
      w.EndObject ();
    }
    w.EndObject ();
    w.Key ("result");
    w.StartObject ();
    w.Key ("item");
    w.String ((d.mod_id + ":" + d.mod_id).c_str ());
    w.Key ("count");
    w.Int (1);
    w.EndObject ();
    w.EndObject ();
    return text + "\n";
  }
}
