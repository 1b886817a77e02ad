// The built-in analyser: keyword rules over the prompt's words, no network, no randomness.
#include "analyser.hpp"

#include <cmath>
#include <cstdint>

#include "item_vocabulary.hpp"
#include "prompt_words.hpp"

namespace modforge
{
  namespace
  {
    // Bounds that keep every name within its limit: three words of 18 letters and two spaces
    // make 58 characters, and " Mod" after them 62 of the 64 allowed.
    const std::size_t max_prompt_words = 400;
    const std::size_t max_word_letters = 18;
    const std::size_t max_name_words = 3;

    // The kind the prompt names and the index of the word that names it (its head noun: the
    // last such word, as in "apple pie"); -1 for "generic".
    std::string choose_kind (const std::vector<std::string>& words, int& head)
    {
      std::string kind ("generic");
      head = -1;
      for (std::size_t i (0); i != words.size (); ++i)
      {
        const char* k (kind_named_by (words[i]));
        if (k != nullptr && kind_rank (k) <= kind_rank (kind))
        {
          kind = k;
          head = static_cast<int> (i);
        }
      }
      return kind;
    }

    // How well a word describes the item in front of its noun: an element or material
    // ("frost") beats a plain colour ("blue"), which beats anything else ("glowing").
    int descriptor_score (const std::string& word)
    {
      const colour_word* c (colour_named_by (word));
      return c == nullptr ? 2 : c->theme ? 0 : 1;
    }

    std::string title_case (std::string word)
    {
      if (word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char> (word[0] - 'a' + 'A');
      return word;
    }

    // "Frost Sword": the best describing word and the head noun, or, with no noun, the first
    // significant words.
    std::string choose_name (const std::vector<std::string>& words, int head)
    {
      std::vector<std::string> parts;
      if (head >= 0)
      {
        int best (-1);
        for (std::size_t i (0); i != words.size (); ++i)
          if (static_cast<int> (i) != head && !is_filler_word (words[i]) &&
              words[i] != words[head] &&
              (best < 0 || descriptor_score (words[i]) < descriptor_score (words[best])))
            best = static_cast<int> (i);
        if (best >= 0)
          parts.push_back (words[best]);
        parts.push_back (words[head]);
      }
      else
      {
        for (const std::string& w: words)
          if (!is_filler_word (w) && parts.size () < max_name_words)
            parts.push_back (w);
      }
      if (parts.empty ())
        return "Custom Item";

      std::string name;
      for (const std::string& p: parts)
        name += (name.empty () ? "" : " ") + title_case (p);
      return name;
    }

    // "frost_sword" from "Frost Sword"; the name holds only ASCII letters, digits and spaces.
    std::string mod_id_for (const std::string& name)
    {
      std::string id;
      for (char c: name)
        id.push_back (c == ' ' ? '_' : c >= 'A' && c <= 'Z' ? static_cast<char> (c - 'A' + 'a') : c);
      if (id.size () < 2 || !(id[0] >= 'a' && id[0] <= 'z'))
        id = "mod_" + id;
      return is_valid_mod_id (id) ? id : "custom_item";
    }

    std::uint32_t fnv1a (const std::string& s)
    {
      std::uint32_t h (2166136261u);
      for (char c: s)
      {
        h ^= static_cast<unsigned char> (c);
        h *= 16777619u;
      }
      return h;
    }

    // Hue in degrees, saturation and value in [0, 1].
    rgb from_hsv (unsigned hue, double s, double v)
    {
      hue %= 360;
      double c (v * s), x (c * (1 - std::fabs (std::fmod (hue / 60.0, 2.0) - 1)));
      double m (v - c), r (0), g (0), b (0);
      switch (hue / 60)
      {
      case 0: r = c; g = x; break;
      case 1: r = x; g = c; break;
      case 2: g = c; b = x; break;
      case 3: g = x; b = c; break;
      case 4: r = x; b = c; break;
      default: r = c; b = x; break;
      }
      auto byte = [m] (double f) {return static_cast<unsigned char> ((f + m) * 255 + 0.5);};
      return rgb {byte (r), byte (g), byte (b)};
    }

    // The colour words in prompt order (at most four, no colour twice), topped up to two from
    // a hash of the prompt: a bright primary and a darker second colour (a tool's handle).
    std::vector<rgb> choose_colours (const std::vector<std::string>& words, const std::string& prompt)
    {
      std::vector<rgb> colours;
      for (const std::string& w: words)
      {
        const colour_word* c (colour_named_by (w));
        if (c == nullptr || colours.size () == 4)
          continue;
        bool seen (false);
        for (const rgb& e: colours)
          seen = seen || (e.r == c->colour.r && e.g == c->colour.g && e.b == c->colour.b);
        if (!seen)
          colours.push_back (c->colour);
      }

      unsigned hue (fnv1a (prompt) % 360);
      if (colours.empty ())
        colours.push_back (from_hsv (hue, 0.65, 0.85));
      if (colours.size () == 1)
        colours.push_back (from_hsv (hue + 150, 0.45, 0.45));
      return colours;
    }

    // "Adds Frost Sword, a sword made by modforge from a text prompt."
    std::string describe (const std::string& kind, const std::string& item_name)
    {
      std::string noun (kind == "generic" ? "item" : kind);
      const char* article (std::string ("aeiou").find (noun[0]) == std::string::npos ? "a " : "an ");
      return "Adds " + item_name + ", " + article + noun + " made by modforge from a text prompt.";
    }
  }

  decisions analyse_builtin (const std::string& prompt)
  {
    if (is_blank_prompt (prompt))
      throw generator_error ("the prompt is empty");

    std::vector<std::string> words (prompt_words (prompt, max_prompt_words, max_word_letters));
    int head;
    decisions d;
    d.kind = choose_kind (words, head);
    d.item_name = choose_name (words, head);
    d.mod_name = d.item_name + " Mod";
    d.mod_id = mod_id_for (d.item_name);
    d.description = describe (d.kind, d.item_name);
    d.colours = choose_colours (words, prompt);
    return d;
  }
}
