// The tier table and the vanilla stats it gives each kind.
#include "tiers.hpp"

#include <cmath>

namespace modforge
{
  namespace
  {
    const tier_values tiers[] = {
      {"wood", 0, 15, 15, 0.0, "leather", "ITEM_ARMOR_EQUIP_LEATHER", "OAK_PLANKS"},
      {"stone", 1, 5, 12, 0.0, "chainmail", "ITEM_ARMOR_EQUIP_CHAIN", "COBBLESTONE"},
      {"iron", 2, 14, 9, 0.0, "iron", "ITEM_ARMOR_EQUIP_IRON", "IRON_INGOT"},
      {"gold", 0, 22, 25, 0.0, "gold", "ITEM_ARMOR_EQUIP_GOLD", "GOLD_INGOT"},
      {"diamond", 3, 10, 10, 0.0, "diamond", "ITEM_ARMOR_EQUIP_DIAMOND", "DIAMOND"},
      {"netherite", 4, 15, 15, 0.1, "netherite", "ITEM_ARMOR_EQUIP_NETHERITE", "NETHERITE_INGOT"}};

    // Per tier, in the order above: vanilla ToolMaterials' durability, mining speed and attack
    // bonus, and ArmorMaterials' durability multiplier, toughness and protection of helmet,
    // chestplate, leggings and boots.
    struct tier_numbers
    {
      int tool_durability;
      double mining_speed, attack_bonus;
      int armour_multiplier;
      double toughness;
      int protection[4];
    };
    const tier_numbers numbers[] = {
      {59, 2.0, 0.0, 5, 0.0, {1, 3, 2, 1}},
      {131, 4.0, 1.0, 15, 0.0, {2, 5, 4, 1}},
      {250, 6.0, 2.0, 15, 0.0, {2, 6, 5, 2}},
      {32, 12.0, 0.0, 7, 0.0, {2, 5, 3, 1}},
      {1561, 8.0, 3.0, 33, 2.0, {3, 8, 6, 3}},
      {2031, 9.0, 4.0, 37, 3.0, {3, 8, 6, 3}}};

    // Vanilla's base durability of helmet, chestplate, leggings and boots (ArmorItem.Type).
    const int armour_base_durability[4] = {11, 16, 15, 13};
    const char* const armour_kinds[4] = {"helmet", "chestplate", "leggings", "boots"};

    // Attack damage (beyond the tier's bonus and the player's 1) and attack speed modifier of
    // an axe and a hoe per tier: vanilla tunes these per item.
    const double axe_damage[] = {6, 7, 6, 6, 5, 5}, axe_speed[] = {-3.2, -3.2, -3.1, -3.0, -3.0, -3.0};
    const double hoe_damage[] = {0, -1, -2, 0, -3, -4}, hoe_speed[] = {-3.0, -2.0, -1.0, -3.0, 0, 0};

    // The order of strength; gold, as weak as wood for tools, steps to and from iron.
    const char* const ladder[] = {"wood", "stone", "iron", "diamond", "netherite"};

    int tier_index (const std::string& tier)
    {
      for (int i (0); i != 6; ++i)
        if (tier == tiers[i].name)
          return i;
      return 2;
    }

    int ladder_index (const std::string& tier)
    {
      for (int i (0); i != 5; ++i)
        if (tier == ladder[i])
          return i;
      return 2;
    }

    double clamp (double v, double lo, double hi)
    {
      return std::isnan (v) || v < lo ? lo : v > hi ? hi : v;
    }
  }

  const tier_values& tier_named (const std::string& tier)
  {
    return tiers[tier_index (tier)];
  }

  item_stats default_stats (const std::string& kind, const std::string& tier)
  {
    int t (tier_index (tier));
    const tier_numbers& n (numbers[t]);
    item_stats s;
    auto tool = [&] (double damage, double speed_modifier)
    {
      s.attack_damage = damage + n.attack_bonus + 1;
      s.attack_speed = 4 + speed_modifier;
      s.durability = n.tool_durability;
      s.mining_speed = n.mining_speed;
    };
    if (kind == "sword")
      tool (3, -2.4);
    else if (kind == "pickaxe")
      tool (1, -2.8);
    else if (kind == "shovel")
      tool (1.5, -3.0);
    else if (kind == "axe")
      tool (axe_damage[t], axe_speed[t]);
    else if (kind == "hoe")
      tool (hoe_damage[t], hoe_speed[t]);
    else if (kind == "bow")
      s.durability = 384;
    else if (kind == "food")
    {
      s.hunger = 6;
      s.saturation = 0.6;
    }
    for (int i (0); i != 4; ++i)
      if (kind == armour_kinds[i])
      {
        s.durability = armour_base_durability[i] * n.armour_multiplier;
        s.armor = n.protection[i];
        s.toughness = n.toughness;
      }
    return s;
  }

  std::string stronger_tier (const std::string& tier)
  {
    int i (ladder_index (tier));
    return ladder[i == 4 ? 4 : i + 1];
  }

  std::string weaker_tier (const std::string& tier)
  {
    int i (ladder_index (tier));
    return ladder[i == 0 ? 0 : i - 1];
  }

  void clamp_stats (item_stats& s)
  {
    s.attack_damage = clamp (s.attack_damage, 0, 30);
    s.attack_speed = s.attack_speed == 0 ? 0 : clamp (s.attack_speed, 0.1, 4);
    s.durability = static_cast<int> (clamp (s.durability, 0, 10000));
    s.mining_speed = clamp (s.mining_speed, 0, 30);
    s.armor = static_cast<int> (clamp (s.armor, 0, 20));
    s.toughness = clamp (s.toughness, 0, 10);
    s.hunger = static_cast<int> (clamp (s.hunger, 0, 20));
    s.saturation = clamp (s.saturation, 0, 2);
  }
}
