// The words the built-in analyser understands: which kind of item a word names, which colour a
// word means, and which words carry no meaning for a name.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // The kind a word names ("blade" -> "sword", "pie" -> "food"), plural or not; nullptr if none.
  const char* kind_named_by (const std::string& word);

  // Which kind wins when a prompt names several: a "ruby sword" is a sword, a "ruby chestplate"
  // a chestplate, a "golden apple" food. Lower ranks win; "generic" ranks last.
  int kind_rank (const std::string& kind);

  struct colour_word
  {
    const char* word;
    rgb colour;
    // A material or element ("frost", "ruby") rather than a plain colour ("blue"): it makes the
    // better first word of a name.
    bool theme;
  };

  // The colour a word means ("frost" -> light blue), or nullptr.
  const colour_word* colour_named_by (const std::string& word);

  // Articles, prepositions, request words and words that refer to the last item ("a", "of",
  // "make", "please", "instead"), never part of a name.
  bool is_filler_word (const std::string& word);
}
