// The common item words of French, Spanish and German prompts, read as their English
// counterparts, so that "une épée de glace" is analysed as "sword of ice".
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  // The words (as prompt_words gives them: folded to ASCII, lower case) with each known foreign
  // word replaced by its English one, foreign articles and prepositions dropped, and a German
  // compound whose last part names an item split ("feuerschwert" -> "fire", "sword").
  std::vector<std::string> in_english (const std::vector<std::string>& words);
}
