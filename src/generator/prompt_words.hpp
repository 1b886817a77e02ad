// Reading a free-text prompt as plain words: the built-in analyser matches keywords on them and
// builds names from them, so they hold only [a-z0-9], whatever bytes the prompt had.
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  // Whether the prompt holds nothing but white space and control characters.
  bool is_blank_prompt (const std::string& prompt);

  // The prompt's words, lower case ASCII: Latin-1 letters are folded (é -> e, ß -> ss), a few
  // emoji become the word they show (🗡 -> sword, 🔥 -> fire), anything else (punctuation, other
  // scripts, invalid UTF-8, NUL) separates words. At most max_words words of at most max_letters
  // letters each (longer ones are cut).
  std::vector<std::string> prompt_words (const std::string& prompt, std::size_t max_words,
                                         std::size_t max_letters);
}
