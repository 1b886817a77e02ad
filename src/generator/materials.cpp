// The material table.
#include "materials.hpp"

namespace modforge
{
  namespace
  {
    const std::vector<material> materials {
      {"wood", "wood", "minecraft:oak_planks", "OAK_PLANKS"},
      {"leather", "wood", "minecraft:leather", "LEATHER"},
      {"stone", "stone", "minecraft:cobblestone", "COBBLESTONE"},
      {"bone", "stone", "minecraft:bone", "BONE"},
      {"slime", "stone", "minecraft:slime_ball", "SLIME_BALL"},
      {"iron", "iron", "minecraft:iron_ingot", "IRON_INGOT"},
      {"steel", "iron", "minecraft:iron_ingot", "IRON_INGOT"},
      {"silver", "iron", "minecraft:iron_ingot", "IRON_INGOT"},
      {"copper", "iron", "minecraft:copper_ingot", "COPPER_INGOT"},
      {"bronze", "iron", "minecraft:copper_ingot", "COPPER_INGOT"},
      {"ice", "iron", "minecraft:packed_ice", "PACKED_ICE"},
      {"frost", "iron", "minecraft:packed_ice", "PACKED_ICE"},
      {"snow", "iron", "minecraft:snowball", "SNOWBALL"},
      {"fire", "iron", "minecraft:blaze_powder", "BLAZE_POWDER"},
      {"lava", "iron", "minecraft:magma_cream", "MAGMA_CREAM"},
      {"quartz", "iron", "minecraft:quartz", "QUARTZ"},
      {"prismarine", "iron", "minecraft:prismarine_shard", "PRISMARINE_SHARD"},
      {"feather", "wood", "minecraft:feather", "FEATHER"},
      {"gold", "gold", "minecraft:gold_ingot", "GOLD_INGOT"},
      {"diamond", "diamond", "minecraft:diamond", "DIAMOND"},
      {"emerald", "diamond", "minecraft:emerald", "EMERALD"},
      {"ruby", "diamond", "minecraft:redstone", "REDSTONE"},
      {"sapphire", "diamond", "minecraft:lapis_lazuli", "LAPIS_LAZULI"},
      {"amethyst", "diamond", "minecraft:amethyst_shard", "AMETHYST_SHARD"},
      {"ender", "diamond", "minecraft:ender_pearl", "ENDER_PEARL"},
      {"obsidian", "netherite", "minecraft:obsidian", "OBSIDIAN"},
      {"netherite", "netherite", "minecraft:netherite_ingot", "NETHERITE_INGOT"}};

    // Other words for a material: plurals, adjectives, synonyms.
    struct alias
    {
      const char* word;
      const char* material;
    };
    const alias aliases[] = {
      {"wooden", "wood"}, {"oak", "wood"}, {"plank", "wood"}, {"planks", "wood"},
      {"cobblestone", "stone"}, {"rock", "stone"}, {"bones", "bone"}, {"metal", "iron"},
      {"icy", "ice"}, {"frozen", "ice"}, {"glacier", "ice"}, {"flame", "fire"}, {"flames", "fire"},
      {"blaze", "fire"}, {"inferno", "fire"}, {"magma", "lava"}, {"molten", "lava"},
      {"golden", "gold"}, {"diamonds", "diamond"}, {"emeralds", "emerald"}, {"jade", "emerald"},
      {"rubies", "ruby"}, {"sapphires", "sapphire"}, {"crystal", "amethyst"}, {"void", "ender"},
      {"feathers", "feather"}, {"slimy", "slime"}};

    // Recipe ingredients beyond the materials': a tool's handle, a bow's string, food bases.
    const char* const other_ingredients[] = {
      "minecraft:stick", "minecraft:string", "minecraft:apple", "minecraft:wheat",
      "minecraft:sugar", "minecraft:sweet_berries", "minecraft:honeycomb",
      "minecraft:glowstone_dust", "minecraft:ghast_tear", "minecraft:gold_nugget",
      "minecraft:iron_nugget", "minecraft:coal", "minecraft:phantom_membrane",
      "minecraft:spider_eye", "minecraft:rabbit_foot", "minecraft:wither_rose",
      "minecraft:blaze_rod", "minecraft:nether_star", "minecraft:bread"};
  }

  const std::vector<material>& all_materials ()
  {
    return materials;
  }

  const material* find_material (const std::string& name)
  {
    for (const material& m: materials)
      if (name == m.name)
        return &m;
    return nullptr;
  }

  const material* material_named_by (const std::string& word)
  {
    if (const material* m = find_material (word))
      return m;
    for (const alias& a: aliases)
      if (word == a.word)
        return find_material (a.material);
    return nullptr;
  }

  bool is_recipe_ingredient (const std::string& item_id)
  {
    for (const material& m: materials)
      if (item_id == m.ingredient)
        return true;
    for (const char* i: other_ingredients)
      if (item_id == i)
        return true;
    return false;
  }

  std::string java_item_constant (const std::string& item_id)
  {
    std::string name (item_id.substr (item_id.find (':') + 1));
    for (char& c: name)
      if (c >= 'a' && c <= 'z')
        c = static_cast<char> (c - 'a' + 'A');
    return name;
  }
}
