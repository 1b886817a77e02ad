// Where a prompt mentions an ability: single words ("flaming", "glows") and phrases ("breathe
// underwater", "at night", "fire resistance"), and whether the mention asks to take it away
// ("without the fire").
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  struct ability_mention
  {
    std::string ability;   // an all_abilities () name
    std::size_t first;     // the index of its first word
    std::size_t count;     // how many words the phrase took
    bool removed;          // said after "without", "remove", "no", ...
  };

  // The mentions in the words (folded English words), in order. The longest phrase wins where
  // phrases overlap, so "fire resistance" is fire_resistance and not set_fire too.
  std::vector<ability_mention> find_ability_mentions (const std::vector<std::string>& words);
}
