// What the words of a prompt say about an item, for the built-in analyser: the kind and the word
// that names it, the material, the describing word a name would take, colours, and abilities
// asked for or taken away. A fresh item is built from it; a follow-up applies it to the last one.
#pragma once

#include <string>
#include <vector>

#include "decisions.hpp"

namespace modforge
{
  struct prompt_reading
  {
    std::vector<std::string> words;   // folded English words (in_english of prompt_words)
    std::string kind;                 // "generic" when no word names a kind
    int head = -1;                    // the index of the word naming the kind
    bool head_is_material = false;    // that word is a material too ("ruby", "diamond")
    std::string material;             // "" when no word names one
    std::string material_word;        // the word that named it ("golden")
    std::string descriptor;           // the best word to put before the head in a name, or ""
    std::vector<rgb> colours;         // the colour words' colours, in order, each once
    std::vector<std::string> abilities; // mentioned, in order, each once
    std::vector<std::string> removed;   // mentioned to be taken away
  };

  // Reads the words. Names take a word before the kind's word, or one in an "of ...", "made
  // of ...", "out of ..." phrase (a material or element first, then a colour, then any other
  // word), never one of a relative clause ("that lets you breathe underwater").
  prompt_reading read_prompt (const std::vector<std::string>& words);

  // "Frost" from "frost": ASCII letters title-cased.
  std::string title_case (std::string word);
}
