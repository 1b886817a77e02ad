// Vanilla Minecraft 1.20.1's tool and armour tiers (ToolMaterials, ArmorMaterials), and the stats
// of each kind of item at each tier, as the vanilla items of that tier have them.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  struct tier_values
  {
    const char* name;          // "diamond", one of item_tiers ()
    int mining_level;          // 0 wood and gold, 1 stone, 2 iron, 3 diamond, 4 netherite
    int tool_enchantability;
    int armour_enchantability;
    double knockback_resistance; // of each armour piece
    const char* armour_texture;  // the vanilla armour drawn when a piece is worn: "chainmail"
    const char* equip_sound;     // a SoundEvents constant: "ITEM_ARMOR_EQUIP_CHAIN"
    const char* repair_item;     // an Items constant for a piece without a material: "DIAMOND"
  };

  // The tier of that name; iron's for a name that is not a tier.
  const tier_values& tier_named (const std::string& tier);

  // The stats of a vanilla item of `kind` at `tier` (a diamond sword: 7 damage, 1.6 attacks a
  // second, 1561 uses, ...); the kinds vanilla lacks get stats of their own (a bow 384 uses at
  // every tier, food 6 hunger and 0.6 saturation, a wand, gem, ingot or generic item none).
  item_stats default_stats (const std::string& kind, const std::string& tier);

  // The next tier up or down (wood, stone, iron, diamond, netherite; gold sits with iron); the
  // same tier at either end.
  std::string stronger_tier (const std::string& tier);
  std::string weaker_tier (const std::string& tier);

  // Each stat into its range (item_stats says which); NaN counts as 0.
  void clamp_stats (item_stats&);
}
