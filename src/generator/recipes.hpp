// The item's survival recipe: a shaped crafting recipe from its material, its kind's usual shape
// and a catalyst that tells it apart from the vanilla recipe of the same shape.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // The recipe for decisions whose kind, material, tier, abilities and name are set: the kind's
  // vanilla shape ("M" the material's ingredient, or the tier's; "S" sticks, "T" string, "F" the
  // food the name names) with a catalyst "C" in a free cell (the first ability's, or an
  // amethyst shard), so that it never shadows a vanilla recipe. Food takes no catalyst.
  shaped_recipe default_recipe (const decisions&);

  // 1-3 rows of 1-3 characters, all rows as wide, not all blank; every character but space a
  // key, every key used once or more and given once, each naming an is_recipe_ingredient item.
  bool is_valid_recipe (const shaped_recipe&);

  // The recipe file data/<modId>/recipes/<modId>.json (Minecraft 1.20.1's format), making one
  // "<modId>:<modId>".
  std::string recipe_json (const decisions&);
}
