// Splitting a prompt into folded ASCII words.
#include "prompt_words.hpp"

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"

namespace modforge
{
  namespace
  {
    // ASCII for U+00C0-U+00FF; "" separates words (× and ÷).
    const char* const latin1_folds[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"};

    // Emoji that name an item or a theme the analyser knows, read as that word.
    struct emoji_word
    {
      unsigned int code_point;
      const char* word;
    };
    const emoji_word emoji_words[] = {
      {0x1f5e1, "sword"}, {0x2694, "sword"}, {0x1f52a, "knife"}, {0x26cf, "pickaxe"},
      {0x1fa93, "axe"}, {0x1f3f9, "bow"}, {0x1fa84, "wand"}, {0x1f48e, "gem"},
      {0x1f34e, "apple"}, {0x1f34f, "apple"}, {0x1f35e, "bread"}, {0x1f967, "pie"},
      {0x1f370, "cake"}, {0x1f36a, "cookie"}, {0x1f356, "meat"}, {0x1f41f, "fish"},
      {0x1f525, "fire"}, {0x2744, "frost"}, {0x26a1, "lightning"}, {0x1f30a, "ocean"},
      {0x1f480, "shadow"}, {0x2b50, "gold"}, {0x1f33f, "nature"}, {0x2620, "poison"}};

    // The letters a character contributes to a word; "" when it separates words, nullptr when
    // it is an emoji word, which stands as a word of its own (in `emoji`).
    const char* fold (unsigned int cp, char (&ascii)[2], const char*& emoji)
    {
      emoji = nullptr;
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      {
        ascii[0] = static_cast<char> (cp);
        return ascii;
      }
      if (cp >= 'A' && cp <= 'Z')
      {
        ascii[0] = static_cast<char> (cp - 'A' + 'a');
        return ascii;
      }
      if (cp >= 0xc0 && cp <= 0xff)
        return latin1_folds[cp - 0xc0];
      for (const emoji_word& e: emoji_words)
        if (e.code_point == cp)
        {
          emoji = e.word;
          return nullptr;
        }
      return "";
    }
  }

  bool is_blank_prompt (const std::string& prompt)
  {
    for (char c: prompt)
      if (c != ' ' && !is_ascii_control (static_cast<unsigned char> (c)))
        return false;
    return true;
  }

  std::vector<std::string> prompt_words (const std::string& prompt, std::size_t max_words,
                                         std::size_t max_letters)
  {
    std::vector<std::string> words;
    std::string word;
    auto finish = [&] ()
    {
      if (!word.empty () && words.size () < max_words)
        words.push_back (word.substr (0, max_letters));
      word.clear ();
    };

    // A byte that is not UTF-8 reads as NUL, which separates words.
    for_each_code_point (prompt, 0, [&] (unsigned cp)
    {
      char ascii[2] = {0, 0};
      const char* emoji;
      const char* letters (fold (cp, ascii, emoji));
      if (letters == nullptr)
      {
        finish ();
        word = emoji;
        finish ();
      }
      else if (*letters == '\0')
        finish ();
      else
        word += letters;
    });
    finish ();
    return words;
  }
}
