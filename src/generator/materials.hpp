// What an item can be made of: the material words the built-in analyser knows, the tier each
// stands for, and the vanilla item a recipe (and a repair) uses for it.
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  struct material
  {
    const char* name;        // "ruby": the aiDecisions "material"
    const char* tier;        // "diamond"
    const char* ingredient;  // "minecraft:redstone": the recipe's main ingredient
    const char* java_item;   // "REDSTONE": the same as an Items constant (repairs with it)
  };

  // Every material, in the table's order.
  const std::vector<material>& all_materials ();

  // The material a prompt word names ("golden" -> gold, "emeralds" -> emerald), or nullptr.
  const material* material_named_by (const std::string& word);

  // The material of that name (as stored in aiDecisions), or nullptr.
  const material* find_material (const std::string& name);

  // The vanilla items a recipe may use: every material's ingredient, sticks, string and the
  // food bases. An external analyser's recipe naming anything else is replaced.
  bool is_recipe_ingredient (const std::string& item_id);

  // The Items constant for a recipe ingredient ("minecraft:iron_ingot" -> "IRON_INGOT").
  std::string java_item_constant (const std::string& item_id);
}
