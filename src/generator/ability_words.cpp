// The ability phrase table.
#include "ability_words.hpp"

#include <sstream>

namespace modforge
{
  namespace
  {
    struct ability_phrase
    {
      const char* words; // space separated
      const char* ability;
    };

    const ability_phrase phrases[] = {
      {"fire", "set_fire"}, {"flame", "set_fire"}, {"flames", "set_fire"},
      {"flaming", "set_fire"}, {"fiery", "set_fire"}, {"burn", "set_fire"},
      {"burns", "set_fire"}, {"burning", "set_fire"}, {"ignite", "set_fire"},
      {"ignites", "set_fire"}, {"blazing", "set_fire"}, {"inferno", "set_fire"},
      {"scorching", "set_fire"}, {"on fire", "set_fire"},
      {"freeze", "freeze"}, {"freezes", "freeze"}, {"freezing", "freeze"}, {"frost", "freeze"},
      {"frosty", "freeze"}, {"ice", "freeze"}, {"icy", "freeze"}, {"frozen", "freeze"},
      {"chill", "freeze"}, {"chilling", "freeze"}, {"slow", "freeze"}, {"slows", "freeze"},
      {"slowing", "freeze"}, {"slowness", "freeze"}, {"snow", "freeze"}, {"cold", "freeze"},
      {"lightning", "lightning"}, {"thunder", "lightning"}, {"thunderbolt", "lightning"},
      {"storm", "lightning"}, {"smite", "lightning"}, {"smites", "lightning"},
      {"electric", "lightning"},
      {"knockback", "knockback"}, {"knock", "knockback"}, {"knocks", "knockback"},
      {"knocking", "knockback"}, {"push", "knockback"}, {"pushes", "knockback"},
      {"pushing", "knockback"}, {"launch", "knockback"}, {"launches", "knockback"},
      {"fling", "knockback"}, {"flings", "knockback"}, {"repel", "knockback"},
      {"repels", "knockback"},
      {"poison", "poison"}, {"poisons", "poison"}, {"poisonous", "poison"},
      {"poisoned", "poison"}, {"venom", "poison"}, {"venomous", "poison"}, {"toxic", "poison"},
      {"wither", "wither"}, {"withers", "wither"}, {"withering", "wither"}, {"decay", "wither"},
      {"heal", "heal"}, {"heals", "heal"}, {"healing", "heal"}, {"health", "heal"},
      {"cure", "heal"}, {"cures", "heal"},
      {"fireball", "fireball"}, {"fireballs", "fireball"}, {"fire ball", "fireball"},
      {"fire balls", "fireball"}, {"fire charge", "fireball"}, {"fire charges", "fireball"},
      {"shoots fire", "fireball"}, {"shoot fire", "fireball"}, {"shooting fire", "fireball"},
      {"teleport", "teleport"}, {"teleports", "teleport"}, {"teleporting", "teleport"},
      {"teleportation", "teleport"}, {"blink", "teleport"}, {"blinks", "teleport"},
      {"warp", "teleport"}, {"warps", "teleport"}, {"ender", "teleport"},
      {"night vision", "night_vision"}, {"nightvision", "night_vision"},
      {"see in the dark", "night_vision"}, {"see at night", "night_vision"},
      {"see in darkness", "night_vision"}, {"at night", "night_vision"},
      {"in the dark", "night_vision"}, {"darkvision", "night_vision"},
      {"breathe underwater", "water_breathing"}, {"breath underwater", "water_breathing"},
      {"breathing underwater", "water_breathing"}, {"water breathing", "water_breathing"},
      {"underwater", "water_breathing"}, {"breathe", "water_breathing"},
      {"diving", "water_breathing"}, {"scuba", "water_breathing"}, {"gills", "water_breathing"},
      {"aquatic", "water_breathing"},
      {"speed", "speed"}, {"fast", "speed"}, {"faster", "speed"}, {"quick", "speed"},
      {"quicker", "speed"}, {"swift", "speed"}, {"swiftness", "speed"}, {"run faster", "speed"},
      {"sprint", "speed"},
      {"fire resistance", "fire_resistance"}, {"fire resistant", "fire_resistance"},
      {"fireproof", "fire_resistance"}, {"fire proof", "fire_resistance"},
      {"resist fire", "fire_resistance"}, {"resists fire", "fire_resistance"},
      {"immune to fire", "fire_resistance"}, {"protects from fire", "fire_resistance"},
      {"protect from fire", "fire_resistance"}, {"protection from fire", "fire_resistance"},
      {"lava walking", "fire_resistance"}, {"lava proof", "fire_resistance"},
      {"lavaproof", "fire_resistance"}, {"walk on lava", "fire_resistance"},
      {"glow", "glowing"}, {"glows", "glowing"}, {"glowing", "glowing"}, {"shine", "glowing"},
      {"shines", "glowing"}, {"shining", "glowing"}, {"shiny", "glowing"},
      {"luminous", "glowing"}, {"radiant", "glowing"},
      {"strength", "strength"}, {"strong", "strength"}, {"power", "strength"},
      {"powerful", "strength"}, {"mighty", "strength"},
      {"regeneration", "regeneration"}, {"regenerate", "regeneration"},
      {"regenerates", "regeneration"}, {"regen", "regeneration"},
      {"jump", "jump_boost"}, {"jumps", "jump_boost"}, {"jumping", "jump_boost"},
      {"leap", "jump_boost"}, {"leaps", "jump_boost"}, {"leaping", "jump_boost"},
      {"bounce", "jump_boost"}, {"bouncy", "jump_boost"}, {"jump boost", "jump_boost"},
      {"haste", "haste"}, {"mine faster", "haste"}, {"mines faster", "haste"},
      {"mining faster", "haste"}, {"dig faster", "haste"}, {"digs faster", "haste"},
      {"mining speed", "haste"}, {"mine quickly", "haste"},
      {"resistance", "resistance"}, {"tough", "resistance"}, {"tougher", "resistance"},
      {"toughness", "resistance"}, {"protection", "resistance"}, {"protect", "resistance"},
      {"protects", "resistance"}, {"invulnerable", "resistance"}, {"defense", "resistance"},
      {"defence", "resistance"}, {"sturdy", "resistance"},
      {"slow falling", "slow_falling"}, {"fall slowly", "slow_falling"},
      {"falls slowly", "slow_falling"}, {"slow fall", "slow_falling"},
      {"feather", "slow_falling"}, {"feathers", "slow_falling"},
      {"featherweight", "slow_falling"}, {"float", "slow_falling"},
      {"floats", "slow_falling"}, {"glide", "slow_falling"}, {"glides", "slow_falling"},
      {"parachute", "slow_falling"}};

    // Words after which a mention takes an ability away, and those that end that stretch.
    const char* const removing[] = {"without", "remove", "removed", "no", "minus", "lose",
                                    "drop", "not", "stop"};
    const char* const resuming[] = {"but", "add", "with", "plus", "keep"};

    std::vector<std::string> split (const char* text)
    {
      std::istringstream in (text);
      std::vector<std::string> r;
      for (std::string w; in >> w;)
        r.push_back (w);
      return r;
    }

    struct split_phrase
    {
      std::vector<std::string> words;
      const char* ability;
    };

    // The table split into words once.
    const std::vector<split_phrase>& split_phrases ()
    {
      static const std::vector<split_phrase> table ([] ()
      {
        std::vector<split_phrase> t;
        for (const ability_phrase& p: phrases)
          t.push_back (split_phrase {split (p.words), p.ability});
        return t;
      } ());
      return table;
    }

    bool one_of (const std::string& word, const char* const* list, std::size_t n)
    {
      for (std::size_t i (0); i != n; ++i)
        if (word == list[i])
          return true;
      return false;
    }
  }

  std::vector<ability_mention> find_ability_mentions (const std::vector<std::string>& words)
  {
    std::vector<ability_mention> r;
    bool removal (false);
    for (std::size_t i (0); i < words.size ();)
    {
      if (one_of (words[i], removing, sizeof (removing) / sizeof (removing[0])))
        removal = true;
      else if (one_of (words[i], resuming, sizeof (resuming) / sizeof (resuming[0])))
        removal = false;

      const split_phrase* best (nullptr);
      std::size_t best_size (0);
      for (const split_phrase& p: split_phrases ())
      {
        const std::vector<std::string>& parts (p.words);
        if (parts.size () <= best_size || i + parts.size () > words.size ())
          continue;
        bool match (true);
        for (std::size_t k (0); k != parts.size () && match; ++k)
          match = words[i + k] == parts[k];
        if (match)
        {
          best = &p;
          best_size = parts.size ();
        }
      }
      if (best == nullptr)
      {
        ++i;
        continue;
      }
      r.push_back (ability_mention {best->ability, i, best_size, removal});
      i += best_size;
    }
    return r;
  }
}
