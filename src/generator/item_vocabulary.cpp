// The built-in analyser's word lists.
#include "item_vocabulary.hpp"

namespace modforge
{
  namespace
  {
    struct kind_word
    {
      const char* word;
      const char* kind;
    };

    const kind_word kind_words[] = {
      {"sword", "sword"}, {"blade", "sword"}, {"katana", "sword"}, {"sabre", "sword"},
      {"saber", "sword"}, {"rapier", "sword"}, {"scimitar", "sword"}, {"cutlass", "sword"},
      {"longsword", "sword"}, {"broadsword", "sword"}, {"dagger", "sword"}, {"knife", "sword"},
      {"pickaxe", "pickaxe"}, {"pickax", "pickaxe"}, {"pick", "pickaxe"}, {"mattock", "pickaxe"},
      {"axe", "axe"}, {"hatchet", "axe"}, {"tomahawk", "axe"}, {"battleaxe", "axe"},
      {"shovel", "shovel"}, {"spade", "shovel"},
      {"hoe", "hoe"}, {"scythe", "hoe"}, {"sickle", "hoe"},
      {"mace", "sword"}, {"club", "sword"}, {"spear", "sword"}, {"claymore", "sword"},
      {"hammer", "pickaxe"}, {"warhammer", "pickaxe"}, {"drill", "pickaxe"},
      {"bow", "bow"}, {"longbow", "bow"}, {"shortbow", "bow"}, {"crossbow", "bow"},
      {"helmet", "helmet"}, {"helm", "helmet"}, {"hat", "helmet"}, {"cap", "helmet"},
      {"crown", "helmet"}, {"mask", "helmet"}, {"hood", "helmet"}, {"goggles", "helmet"},
      {"tiara", "helmet"}, {"circlet", "helmet"}, {"headband", "helmet"},
      {"chestplate", "chestplate"}, {"breastplate", "chestplate"}, {"armor", "chestplate"},
      {"armour", "chestplate"}, {"tunic", "chestplate"}, {"cuirass", "chestplate"},
      {"vest", "chestplate"}, {"chainmail", "chestplate"},
      {"leggings", "leggings"}, {"legging", "leggings"}, {"pants", "leggings"},
      {"trousers", "leggings"}, {"greaves", "leggings"},
      {"boots", "boots"}, {"boot", "boots"}, {"shoes", "boots"}, {"shoe", "boots"},
      {"sandals", "boots"}, {"sneakers", "boots"},
      {"wand", "wand"}, {"staff", "wand"}, {"rod", "wand"}, {"sceptre", "wand"},
      {"scepter", "wand"},
      {"apple", "food"}, {"bread", "food"}, {"pie", "food"}, {"cake", "food"}, {"cookie", "food"},
      {"soup", "food"}, {"stew", "food"}, {"berry", "food"}, {"berries", "food"},
      {"fruit", "food"}, {"carrot", "food"}, {"potato", "food"}, {"meat", "food"},
      {"steak", "food"}, {"fish", "food"}, {"cheese", "food"}, {"candy", "food"},
      {"pizza", "food"}, {"burger", "food"}, {"sandwich", "food"}, {"pear", "food"},
      {"melon", "food"}, {"honey", "food"}, {"food", "food"}, {"snack", "food"},
      {"muffin", "food"}, {"donut", "food"}, {"taco", "food"}, {"cherry", "food"},
      {"cherries", "food"}, {"peach", "food"}, {"peaches", "food"}, {"banana", "food"},
      {"gem", "gem"}, {"gemstone", "gem"}, {"jewel", "gem"}, {"crystal", "gem"}, {"ruby", "gem"},
      {"sapphire", "gem"}, {"emerald", "gem"}, {"diamond", "gem"}, {"amethyst", "gem"},
      {"topaz", "gem"}, {"opal", "gem"}, {"jade", "gem"}, {"pearl", "gem"}, {"shard", "gem"},
      {"ingot", "ingot"}, {"bar", "ingot"}, {"alloy", "ingot"}, {"nugget", "ingot"}};

    // Tools and weapons first, then armour: what the item is made of or looks like comes second.
    const char* const kinds_by_rank[] = {
      "sword", "pickaxe", "axe", "shovel", "hoe", "bow", "helmet", "chestplate", "leggings",
      "boots", "wand", "food", "gem", "ingot", "generic"};

    const colour_word colour_words[] = {
      {"red", {200, 40, 40}, false}, {"crimson", {160, 20, 40}, false},
      {"scarlet", {220, 36, 36}, false}, {"blood", {140, 10, 20}, true},
      {"redstone", {190, 20, 20}, true}, {"ruby", {210, 20, 60}, true},
      {"blue", {50, 90, 220}, false}, {"azure", {60, 140, 230}, false},
      {"sapphire", {30, 60, 200}, true}, {"ocean", {30, 110, 190}, true},
      {"sea", {30, 110, 190}, true}, {"water", {50, 120, 210}, true},
      {"frost", {150, 210, 255}, true}, {"ice", {160, 220, 255}, true},
      {"icy", {160, 220, 255}, false}, {"frozen", {150, 210, 255}, false},
      {"snow", {235, 245, 255}, true}, {"glacier", {140, 200, 240}, true},
      {"fire", {255, 130, 30}, true}, {"flame", {255, 120, 20}, true},
      {"flaming", {255, 120, 20}, false}, {"fiery", {255, 120, 20}, false},
      {"lava", {230, 90, 20}, true}, {"magma", {200, 70, 20}, true},
      {"blaze", {255, 170, 40}, true}, {"inferno", {240, 80, 10}, true},
      {"molten", {240, 110, 20}, false}, {"ember", {220, 90, 30}, true},
      {"orange", {245, 140, 30}, false},
      {"gold", {250, 200, 40}, true}, {"golden", {250, 200, 40}, false},
      {"yellow", {240, 220, 50}, false}, {"sun", {255, 210, 60}, true},
      {"solar", {255, 210, 60}, false}, {"lightning", {250, 240, 120}, true},
      {"thunder", {230, 220, 90}, true},
      {"green", {60, 170, 60}, false}, {"emerald", {40, 200, 100}, true},
      {"jade", {50, 160, 110}, true}, {"nature", {70, 150, 50}, true},
      {"forest", {40, 120, 40}, true}, {"leaf", {80, 170, 50}, true},
      {"lime", {150, 230, 40}, false}, {"poison", {130, 210, 40}, true},
      {"toxic", {150, 230, 40}, false},
      {"cyan", {40, 200, 200}, false}, {"teal", {30, 150, 150}, false},
      {"aqua", {60, 220, 210}, false}, {"diamond", {90, 220, 220}, true},
      {"purple", {140, 60, 200}, false}, {"violet", {150, 80, 220}, false},
      {"amethyst", {160, 90, 220}, true}, {"ender", {60, 20, 90}, true},
      {"void", {40, 10, 60}, true}, {"magic", {170, 90, 230}, true},
      {"pink", {240, 130, 180}, false}, {"rose", {230, 90, 130}, true},
      {"black", {30, 30, 35}, false}, {"dark", {45, 40, 55}, false},
      {"shadow", {50, 40, 70}, true}, {"obsidian", {40, 25, 60}, true},
      {"night", {25, 30, 60}, true}, {"netherite", {70, 60, 60}, true},
      {"white", {240, 240, 245}, false}, {"holy", {255, 250, 220}, true},
      {"silver", {200, 205, 215}, true}, {"iron", {200, 200, 200}, true},
      {"steel", {170, 180, 190}, true}, {"grey", {128, 128, 128}, false},
      {"gray", {128, 128, 128}, false}, {"stone", {120, 120, 120}, true},
      {"copper", {200, 110, 60}, true}, {"bronze", {180, 120, 50}, true},
      {"brown", {120, 80, 40}, false}, {"wood", {140, 100, 50}, true},
      {"wooden", {140, 100, 50}, false}, {"oak", {160, 120, 60}, true}};

    const char* const filler_words[] = {
      "a", "an", "the", "of", "with", "and", "or", "for", "to", "in", "on", "at", "by", "from",
      "that", "which", "who", "is", "it", "its", "be", "can", "make", "makes", "create",
      "please", "me", "my", "i", "want", "would", "like", "called", "named", "made", "new",
      "mod", "item", "some", "very", "really", "super", "this", "these", "as", "into", "has",
      "have", "give", "gives", "add", "adds", "minecraft", "fabric", "instead", "same",
      "matching", "now", "also", "too", "again", "one", "lets", "let", "you", "your"};

    // A plural the lists do not hold: "swords" -> "sword".
    std::string singular (const std::string& word)
    {
      if (word.size () > 3 && word.back () == 's')
        return word.substr (0, word.size () - 1);
      return word;
    }
  }

  const char* kind_named_by (const std::string& word)
  {
    for (const std::string& w: {word, singular (word)})
      for (const kind_word& k: kind_words)
        if (w == k.word)
          return k.kind;
    return nullptr;
  }

  int kind_rank (const std::string& kind)
  {
    int rank (0);
    for (const char* k: kinds_by_rank)
    {
      if (kind == k)
        return rank;
      ++rank;
    }
    return rank;
  }

  const colour_word* colour_named_by (const std::string& word)
  {
    for (const colour_word& c: colour_words)
      if (word == c.word)
        return &c;
    return nullptr;
  }

  bool is_filler_word (const std::string& word)
  {
    for (const char* f: filler_words)
      if (word == f)
        return true;
    return false;
  }
}
