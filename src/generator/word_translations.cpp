// The translation tables. Words that are also English words with another meaning ("pain",
// "pan", "arc", "or", "hose", "stab") are left out on purpose.
#include "word_translations.hpp"

namespace modforge
{
  namespace
  {
    struct translation
    {
      const char* foreign;
      const char* english;
    };

    const translation translations[] = {
      // French
      {"epee", "sword"}, {"hache", "axe"}, {"pioche", "pickaxe"}, {"pelle", "shovel"},
      {"houe", "hoe"}, {"casque", "helmet"}, {"plastron", "chestplate"},
      {"jambieres", "leggings"}, {"bottes", "boots"}, {"botte", "boots"},
      {"baguette", "wand"}, {"baton", "staff"}, {"pomme", "apple"}, {"gateau", "cake"},
      {"gemme", "gem"}, {"lingot", "ingot"}, {"rubis", "ruby"}, {"emeraude", "emerald"},
      {"diamant", "diamond"}, {"fer", "iron"}, {"pierre", "stone"}, {"bois", "wood"},
      {"glace", "ice"}, {"feu", "fire"}, {"dore", "golden"}, {"doree", "golden"},
      {"rouge", "red"}, {"rouges", "red"}, {"bleu", "blue"}, {"bleue", "blue"},
      {"bleus", "blue"}, {"bleues", "blue"}, {"vert", "green"}, {"verte", "green"},
      {"noir", "black"}, {"noire", "black"}, {"blanc", "white"}, {"blanche", "white"},
      {"violette", "purple"}, {"magique", "magic"}, {"foudre", "lightning"},
      // Spanish
      {"espada", "sword"}, {"hacha", "axe"}, {"pico", "pickaxe"}, {"pala", "shovel"},
      {"azada", "hoe"}, {"arco", "bow"}, {"casco", "helmet"}, {"peto", "chestplate"},
      {"pechera", "chestplate"}, {"grebas", "leggings"}, {"botas", "boots"},
      {"varita", "wand"}, {"baston", "staff"}, {"manzana", "apple"}, {"pastel", "cake"},
      {"gema", "gem"}, {"lingote", "ingot"}, {"rubi", "ruby"}, {"esmeralda", "emerald"},
      {"diamante", "diamond"}, {"hierro", "iron"}, {"piedra", "stone"}, {"madera", "wood"},
      {"oro", "gold"}, {"hielo", "ice"}, {"fuego", "fire"}, {"dorado", "golden"},
      {"dorada", "golden"}, {"rojo", "red"}, {"roja", "red"}, {"rojos", "red"},
      {"rojas", "red"}, {"azul", "blue"}, {"azules", "blue"}, {"verde", "green"},
      {"verdes", "green"}, {"negro", "black"}, {"negra", "black"}, {"blanco", "white"},
      {"blanca", "white"}, {"morado", "purple"}, {"morada", "purple"}, {"magica", "magic"},
      {"magico", "magic"}, {"rayo", "lightning"},
      // German
      {"schwert", "sword"}, {"axt", "axe"}, {"beil", "axe"}, {"spitzhacke", "pickaxe"},
      {"schaufel", "shovel"}, {"hacke", "hoe"}, {"bogen", "bow"}, {"helm", "helmet"},
      {"brustpanzer", "chestplate"}, {"rustung", "armour"}, {"ruestung", "armour"},
      {"beinschutz", "leggings"}, {"stiefel", "boots"}, {"zauberstab", "wand"},
      {"apfel", "apple"}, {"brot", "bread"}, {"kuchen", "cake"}, {"edelstein", "gem"},
      {"barren", "ingot"}, {"rubin", "ruby"}, {"smaragd", "emerald"}, {"eisen", "iron"},
      {"stein", "stone"}, {"holz", "wood"}, {"eis", "ice"}, {"feuer", "fire"},
      {"goldene", "golden"}, {"goldener", "golden"}, {"goldenes", "golden"},
      {"goldenen", "golden"}, {"rot", "red"}, {"rote", "red"}, {"roter", "red"},
      {"rotes", "red"}, {"blau", "blue"}, {"blaue", "blue"}, {"blauer", "blue"},
      {"blaues", "blue"}, {"grun", "green"}, {"grune", "green"}, {"gruner", "green"},
      {"gruen", "green"}, {"schwarz", "black"}, {"schwarze", "black"},
      {"schwarzer", "black"}, {"weiss", "white"}, {"weisse", "white"}, {"weisser", "white"},
      {"lila", "purple"}, {"blitz", "lightning"}, {"magischer", "magic"},
      {"magisches", "magic"}, {"magische", "magic"}};

    // Articles and prepositions of the three languages: they carry nothing for the analyser.
    const char* const foreign_fillers[] = {
      "un", "une", "des", "le", "les", "du", "d", "l", "en", "avec", "et",
      "una", "unas", "unos", "el", "los", "las", "del", "con", "y",
      "ein", "eine", "einen", "einer", "eines", "der", "das", "dem", "den", "aus", "mit",
      "und", "von"};

    const char* english_for (const std::string& word)
    {
      for (const translation& t: translations)
        if (word == t.foreign)
          return t.english;
      return nullptr;
    }

    bool is_foreign_filler (const std::string& word)
    {
      for (const char* f: foreign_fillers)
        if (word == f)
          return true;
      return false;
    }

    // German nouns that end compounds ("Feuerschwert", "Eisstiefel").
    const char* const compound_ends[] = {
      "schwert", "axt", "spitzhacke", "schaufel", "hacke", "bogen", "helm", "stiefel",
      "zauberstab", "apfel"};
  }

  std::vector<std::string> in_english (const std::vector<std::string>& words)
  {
    std::vector<std::string> r;
    for (const std::string& w: words)
    {
      if (const char* e = english_for (w))
      {
        r.push_back (e);
        continue;
      }
      if (is_foreign_filler (w))
        continue;
      bool split (false);
      for (const char* end: compound_ends)
      {
        std::string tail (end);
        if (w.size () > tail.size () + 2 &&
            w.compare (w.size () - tail.size (), tail.size (), tail) == 0)
        {
          const char* head (english_for (w.substr (0, w.size () - tail.size ())));
          if (head != nullptr)
          {
            r.push_back (head);
            r.push_back (english_for (tail));
            split = true;
            break;
          }
        }
      }
      if (!split)
        r.push_back (w);
    }
    return r;
  }
}
