// Reading a prompt's words.
#include "prompt_reading.hpp"

#include "ability_words.hpp"
#include "item_vocabulary.hpp"
#include "materials.hpp"

namespace modforge
{
  namespace
  {
    // Words that end the stretch of words describing the item: a relative clause follows.
    const char* const clause_words[] = {
      "that", "which", "who", "to", "so", "for", "lets", "let", "gives", "makes", "can", "will",
      "with", "when", "while", "but", "is", "are"};

    bool is_clause_word (const std::string& w)
    {
      for (const char* c: clause_words)
        if (w == c)
          return true;
      return false;
    }

    // An element or material ("frost", "ruby") 0, a plain colour ("blue") 1, any other word 2.
    int descriptor_score (const std::string& word)
    {
      if (material_named_by (word) != nullptr)
        return 0;
      const colour_word* c (colour_named_by (word));
      return c == nullptr ? 2 : c->theme ? 0 : 1;
    }

    // Not another kind's word, unless it names a material too ("diamond sword").
    bool can_describe (const std::string& w)
    {
      return w.size () > 1 && !is_filler_word (w) && !is_clause_word (w) &&
             (kind_named_by (w) == nullptr || material_named_by (w) != nullptr);
    }

    // The indices of the words that may describe the item: before the head (back to the start
    // of the prompt's last clause), and in phrases that say what it is made of.
    std::vector<std::size_t> describing_words (const std::vector<std::string>& words, int head)
    {
      std::vector<std::size_t> r;
      if (head >= 0)
      {
        for (int i (head - 1); i >= 0 && !is_clause_word (words[i]); --i)
          if (can_describe (words[i]))
            r.push_back (static_cast<std::size_t> (i));
        // "sword of frost", "sword made of ruby": after the head, from "of" up to a clause;
        // before "of", an element or material ("🗡🔥" reads "sword fire").
        bool phrase (false);
        for (std::size_t i (head + 1); i < words.size () && !is_clause_word (words[i]); ++i)
        {
          phrase = phrase || words[i] == "of" || words[i] == "from";
          if ((phrase || descriptor_score (words[i]) == 0) && can_describe (words[i]))
            r.push_back (i);
        }
      }
      // "... that is made of bone", "... out of diamond", anywhere.
      for (std::size_t i (2); i < words.size (); ++i)
        if ((words[i - 1] == "of" || words[i - 1] == "from") &&
            (words[i - 2] == "made" || words[i - 2] == "out") && can_describe (words[i]))
          r.push_back (i);
      return r;
    }

    void add_once (std::vector<std::string>& list, const std::string& s)
    {
      for (const std::string& e: list)
        if (e == s)
          return;
      list.push_back (s);
    }
  }

  std::string title_case (std::string word)
  {
    if (!word.empty () && word[0] >= 'a' && word[0] <= 'z')
      word[0] = static_cast<char> (word[0] - 'a' + 'A');
    return word;
  }

  prompt_reading read_prompt (const std::vector<std::string>& words)
  {
    prompt_reading r;
    r.words = words;
    r.kind = "generic";
    for (std::size_t i (0); i != words.size (); ++i)
    {
      const char* k (kind_named_by (words[i]));
      if (k != nullptr && kind_rank (k) <= kind_rank (r.kind))
      {
        r.kind = k;
        r.head = static_cast<int> (i);
      }
    }
    r.head_is_material = r.head >= 0 && material_named_by (words[r.head]) != nullptr;

    // Abilities; the words of a phrase of several words mean nothing else (no colour "night"
    // in "at night").
    std::vector<bool> in_phrase (words.size (), false);
    for (const ability_mention& m: find_ability_mentions (words))
    {
      add_once (m.removed ? r.removed : r.abilities, m.ability);
      if (m.count > 1)
        for (std::size_t k (0); k != m.count; ++k)
          in_phrase[m.first + k] = true;
    }

    // The describing word: the best scored, the nearest to the head on a tie.
    std::vector<std::size_t> describing (describing_words (words, r.head));
    int best (-1);
    for (std::size_t i: describing)
      if (!in_phrase[i] && (best < 0 || descriptor_score (words[i]) < descriptor_score (words[best])))
        best = static_cast<int> (i);
    if (best >= 0)
    {
      // A plural names the material itself: "sword of flames" is a "Fire Sword".
      const material* m (material_named_by (words[best]));
      r.descriptor = m != nullptr && words[best].back () == 's' ? m->name : words[best];
    }

    // The material: in the describing words first, then anywhere (not the head: a "ruby" alone
    // is a gem, but a "ruby" made of ruby too).
    for (std::size_t i: describing)
      if (r.material.empty () && material_named_by (words[i]) != nullptr)
      {
        r.material = material_named_by (words[i])->name;
        r.material_word = words[i];
      }
    for (std::size_t i (0); i != words.size () && r.material.empty (); ++i)
      if (!in_phrase[i] && material_named_by (words[i]) != nullptr)
      {
        r.material = material_named_by (words[i])->name;
        r.material_word = words[i];
      }

    for (std::size_t i (0); i != words.size (); ++i)
    {
      const colour_word* c (in_phrase[i] ? nullptr : colour_named_by (words[i]));
      if (c == nullptr || r.colours.size () == 4)
        continue;
      bool seen (false);
      for (const rgb& e: r.colours)
        seen = seen || (e.r == c->colour.r && e.g == c->colour.g && e.b == c->colour.b);
      if (!seen)
        r.colours.push_back (c->colour);
    }
    return r;
  }
}
