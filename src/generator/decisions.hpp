// What the analyser decided about the item: the decisions record every later step (texture,
// Java, recipe, Fabric project) is drawn from, with its JSON form (what clients see as
// "aiDecisions", and what jobs.spec holds) and its validation.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mod_ids.hpp"

namespace modforge
{
  struct rgb
  {
    unsigned char r, g, b;
  };

  // The numbers the item's Java uses, as a player sees them in the tooltip; 0 where the kind has
  // no use for one. decisions_from_json clamps each into its range (decisions.cpp).
  struct item_stats
  {
    double attack_damage = 0; // a weapon's or tool's attack damage (hearts x 2), 0-30
    double attack_speed = 0;  // attacks per second, 0.1-4 (0 for what is not held to hit)
    int durability = 0;       // uses before it breaks, 0-10000 (0: never wears out)
    double mining_speed = 0;  // a tool's mining speed, 0-30
    int armor = 0;            // an armour piece's armour points, 0-20
    double toughness = 0;     // an armour piece's toughness, 0-10
    int hunger = 0;           // food points a food restores, 0-20
    double saturation = 0;    // a food's saturation modifier, 0-2
  };

  // A shaped crafting recipe: up to 3 rows of up to 3 characters, each character but space a key
  // to a vanilla item id ("minecraft:stick"); the result is one of the item.
  struct shaped_recipe
  {
    std::vector<std::string> pattern;
    std::vector<std::pair<char, std::string>> key;
  };

  // The kinds of item modforge can build. A closed set, because each kind needs its own texture
  // shape, Java item class and creative tab:
  //   sword, pickaxe, axe, shovel, hoe, bow   - tools and weapons (hand-held model except bow)
  //   helmet, chestplate, leggings, boots     - armour
  //   food                                    - edible (a FoodComponent)
  //   gem, ingot                              - crafting materials
  //   wand                                    - a hand-held, unstackable magic item
  //   generic                                 - anything else
  struct decisions
  {
    std::string item_name;    // "Frost Sword": display name, 1-64 characters, printable
    std::string mod_name;     // "Frost Sword Mod": 1-64 characters, printable
    std::string mod_id;       // "frost_sword_3fa2c1": Fabric's rule ^[a-z][a-z0-9_-]{1,63}$
    std::string description;  // one sentence, at most 300 characters (may be empty)
    std::string kind;         // one of item_kinds ()
    std::vector<rgb> colours; // 2-4 colours, primary first

    std::string material;     // "ruby": what it is made of, [a-z][a-z0-9_]{0,31} or empty
    std::string tier;         // one of item_tiers (): mining level, enchantability, worn look
    item_stats stats;
    std::vector<std::string> abilities; // at most 4 of ability_names (), each once, each one the
                                        // kind can carry (abilities.hpp)
    int ability_level = 1;    // 1-3: how strong every ability is
    shaped_recipe recipe;     // the survival recipe (recipes.hpp checks it)
  };

  // A generation step failed; the sentence says what, and is fit to show the job's owner.
  struct generator_error: std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };

  // The closed set of kinds above, in that order.
  const std::vector<std::string>& item_kinds ();
  bool is_item_kind (const std::string&);

  // wood, stone, iron, gold, diamond, netherite: vanilla's tool tiers (for armour: leather,
  // chainmail, iron, gold, diamond, netherite).
  const std::vector<std::string>& item_tiers ();
  bool is_item_tier (const std::string&);

  // "#rrggbb", lower case.
  std::string colour_to_hex (const rgb&);

  // The JSON object: {"itemName","modName","modId","description","kind",
  // "colours":["#rrggbb",...],"material","tier","stats":{"attackDamage","attackSpeed",
  // "durability","miningSpeed","armor","toughness","hunger","saturation"},"abilities":[...],
  // "abilityLevel","recipe":{"pattern":[...],"key":{"M":"minecraft:diamond",...}}}
  // (docs/analyser.schema.json describes it).
  std::string decisions_to_json (const decisions&);

  // Parses an untrusted object (from an external command, or the database): the first six
  // members must be present with their types, valid UTF-8 without control characters, lengths
  // bounded, modId by Fabric's rule, kind in the set, 2-4 colours "#rrggbb" (either case); a
  // later member of the wrong type is refused too. What is only out of range is mended as
  // complete_decisions does: numbers clamped, unknown or unfit abilities dropped, a missing or
  // broken tier, stats or recipe derived. Members it does not know are ignored. Throws
  // generator_error with a sentence naming the field otherwise.
  decisions decisions_from_json (const std::string& json);

  // Mends a record in place: tier from the material when unknown, stats clamped into their
  // ranges (all zero: the kind's stats at its tier), abilities the kind cannot carry or given
  // twice dropped and cut to 4, ability level clamped to 1-3, a recipe that breaks the rules
  // replaced by the kind's usual one.
  void complete_decisions (decisions&);

  // The checks of decisions_from_json on a record built in code (numbers in range, every
  // ability known and fit, a valid recipe too); throws generator_error like it.
  void validate_decisions (const decisions&);
}
