// The abilities an item can have: a closed vocabulary, when each one acts, and which kinds of
// item can carry it.
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  // When an ability acts (which method of the item's Java class carries it).
  enum class ability_trigger
  {
    on_hit,  // the item hits a living thing (a bow: its arrows do)
    on_use,  // the player uses the item (right click), with a cooldown
    effect   // a status effect while the item is held or worn (food: when eaten)
  };

  struct ability
  {
    const char* name;        // "set_fire": the word in aiDecisions
    ability_trigger trigger;
    const char* effect;      // the StatusEffects constant it gives or inflicts, or ""
    const char* adjective;   // "Blazing": a name's first word when the prompt offers none
    const char* summary;     // "sets its target on fire": for the description and README
  };

  // Every ability, in the documented order: set_fire, freeze, lightning, knockback, poison,
  // wither (on hit); heal, fireball, teleport (on use); night_vision, water_breathing, speed,
  // fire_resistance, glowing, strength, regeneration, jump_boost, haste, resistance,
  // slow_falling (effects).
  const std::vector<ability>& all_abilities ();

  // The ability of that name, or nullptr.
  const ability* find_ability (const std::string& name);

  // Whether an item of `kind` can carry the ability: armour only effects; food effects and heal
  // (eaten); a bow effects and what its arrows can do on hit (fire, slowness, poison, wither,
  // knockback; no lightning); every other kind anything.
  bool kind_can_carry (const std::string& kind, const std::string& ability);

  // At most this many abilities per item.
  const std::size_t max_abilities = 4;

  // `abilities` without unknown names, repeats and what `kind` cannot carry, cut to
  // max_abilities, in their order.
  std::vector<std::string> fit_abilities (const std::string& kind,
                                          const std::vector<std::string>& abilities);
}
