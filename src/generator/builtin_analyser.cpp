// The built-in analyser: keyword rules over the prompt's words, no network, no randomness.
#include "analyser.hpp"

#include <cmath>
#include <cstdint>

#include "../common/utf8.hpp"
#include "abilities.hpp"
#include "follow_ups.hpp"
#include "item_vocabulary.hpp"
#include "materials.hpp"
#include "prompt_reading.hpp"
#include "prompt_words.hpp"
#include "recipes.hpp"
#include "tiers.hpp"
#include "word_translations.hpp"

namespace modforge
{
  namespace
  {
    // Bounds that keep every name within its limit: three words of 18 letters and two spaces
    // make 58 characters, and " Mod" after them 62 of the 64 allowed.
    const std::size_t max_prompt_words = 400;
    const std::size_t max_word_letters = 18;
    const std::size_t max_name_words = 3;
    const std::size_t max_name_chars = 60;

    // "Frost Sword": the describing word and the kind's word; an ability's adjective when no
    // word describes it; with no kind's word, the first significant words.
    std::string choose_name (const prompt_reading& r)
    {
      std::vector<std::string> parts;
      if (r.head >= 0)
      {
        std::string descriptor (r.descriptor);
        if (descriptor.empty () && !r.abilities.empty ())
          descriptor = find_ability (r.abilities[0])->adjective;
        if (!descriptor.empty () && descriptor != r.words[r.head])
          parts.push_back (descriptor);
        parts.push_back (r.words[r.head]);
      }
      else
      {
        for (const std::string& w: r.words)
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

    // "frost_sword" from "Frost Sword" (any other character than a letter or digit becomes
    // '_', once): the base the worker makes unique.
    std::string mod_id_for (const std::string& name)
    {
      std::string id;
      for (char c: name)
      {
        char l (c >= 'A' && c <= 'Z' ? static_cast<char> (c - 'A' + 'a') : c);
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
          id += l;
        else if (!id.empty () && id.back () != '_')
          id += '_';
      }
      while (!id.empty () && id.back () == '_')
        id.pop_back ();
      if (id.size () < 2 || !(id[0] >= 'a' && id[0] <= 'z'))
        id = "mod_" + id;
      id = id.substr (0, 57);
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

    // The colour words in prompt order, topped up to two from a hash of the prompt: a bright
    // primary and a darker second colour (a tool's handle).
    std::vector<rgb> choose_colours (std::vector<rgb> colours, const std::string& prompt)
    {
      unsigned hue (fnv1a (prompt) % 360);
      if (colours.empty ())
        colours.push_back (from_hsv (hue, 0.65, 0.85));
      if (colours.size () == 1)
        colours.push_back (from_hsv (hue + 150, 0.45, 0.45));
      return colours;
    }

    // "Adds Frost Sword, a sword that freezes and slows its target and makes you glow."
    std::string describe (const decisions& d)
    {
      std::string noun (d.kind == "generic" ? "item" : d.kind);
      if (noun == "leggings" || noun == "boots")
        noun = "pair of " + noun;
      const char* article (std::string ("aeiou").find (noun[0]) == std::string::npos ? "a " : "an ");
      std::string what;
      for (std::size_t i (0); i != d.abilities.size (); ++i)
        what += std::string (i == 0 ? " that " : i + 1 == d.abilities.size () ? " and " : ", ") +
                find_ability (d.abilities[i])->summary;
      std::string text ("Adds " + d.item_name + ", " + article + noun + what +
                        ", made by modforge from a text prompt.");
      return text.size () <= 300 ? text : "Adds " + d.item_name + ", made by modforge.";
    }

    // Everything that follows from the name, kind, material and abilities.
    decisions finish (decisions d)
    {
      d.item_name = to_valid_utf8 (d.item_name, max_name_chars, '?');
      d.mod_name = d.item_name + " Mod";
      d.mod_id = mod_id_for (d.item_name);
      d.description = describe (d);
      d.recipe = default_recipe (d);
      complete_decisions (d);
      return d;
    }

    decisions fresh_item (const prompt_reading& r, const std::string& prompt)
    {
      decisions d;
      d.kind = r.kind;
      d.material = r.material;
      d.tier = r.material.empty () ? "iron" : find_material (r.material)->tier;
      d.stats = default_stats (d.kind, d.tier);
      d.abilities = fit_abilities (d.kind, r.abilities);
      d.item_name = choose_name (r);
      d.colours = choose_colours (r.colours, prompt);
      return d;
    }
  }

  decisions analyse_builtin (const std::string& prompt, const std::vector<earlier_job>& history)
  {
    if (is_blank_prompt (prompt))
      throw generator_error ("the prompt is empty");

    std::string rest;
    std::string new_name (new_name_in (prompt, rest));
    prompt_reading r (read_prompt (in_english (prompt_words (rest, max_prompt_words,
                                                             max_word_letters))));
    if (!history.empty () && (!new_name.empty () || is_follow_up (r)))
      return finish (follow_up (history.back ().decisions, r, new_name));
    return finish (fresh_item (r, prompt));
  }
}
