// Applying a follow-up to the last item.
#include "follow_ups.hpp"

#include <algorithm>

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"
#include "abilities.hpp"
#include "item_vocabulary.hpp"
#include "materials.hpp"
#include "tiers.hpp"

namespace modforge
{
  namespace
  {
    const char* const strong_cues[] = {
      "same", "matching", "match", "instead", "also", "too", "again", "stronger", "weaker",
      "more", "less", "without", "remove", "one", "add", "rename", "recolour", "recolor",
      "change", "even"};
    const char* const weak_cues[] = {"it", "its", "now", "this", "but"};
    const char* const rename_phrases[] = {"rename it to ", "rename it ", "call it ",
                                          "name it ", "call this ", "rename to "};
    const std::size_t max_name_bytes = 64;

    bool has (const std::vector<std::string>& words, const char* const* list, std::size_t n)
    {
      for (const std::string& w: words)
        for (std::size_t i (0); i != n; ++i)
          if (w == list[i])
            return true;
      return false;
    }

    bool said (const std::vector<std::string>& words, const char* word)
    {
      return std::find (words.begin (), words.end (), word) != words.end ();
    }

    std::string lower (std::string s)
    {
      for (char& c: s)
        if (c >= 'A' && c <= 'Z')
          c = static_cast<char> (c - 'A' + 'a');
      return s;
    }

    // The words of a name, split at spaces.
    std::vector<std::string> name_words (const std::string& name)
    {
      std::vector<std::string> r;
      std::string w;
      for (char c: name + " ")
        if (c == ' ')
        {
          if (!w.empty ())
            r.push_back (w);
          w.clear ();
        }
        else
          w += c;
      return r;
    }

    // "Ruby" of "Ruby Sword": the name without its last word (the kind's word), or "".
    std::string name_descriptor (const std::string& name)
    {
      std::vector<std::string> w (name_words (name));
      std::string r;
      for (std::size_t i (0); i + 1 < w.size (); ++i)
        r += (r.empty () ? "" : " ") + w[i];
      return r;
    }

    std::string name_head (const std::string& name)
    {
      std::vector<std::string> w (name_words (name));
      return w.empty () ? "Item" : w.back ();
    }

    // A shade of `c` for a handle: darker and greyer.
    rgb darker (const rgb& c)
    {
      auto f = [] (unsigned char v) {return static_cast<unsigned char> (v * 45 / 100 + 20);};
      return rgb {f (c.r), f (c.g), f (c.b)};
    }

    void boost (item_stats& s, int sign)
    {
      if (s.attack_damage > 0)
        s.attack_damage += 2 * sign;
      s.durability += sign * s.durability / 4;
      if (s.armor > 0)
        s.armor += sign;
      if (s.hunger > 0)
      {
        s.hunger += 2 * sign;
        s.saturation += 0.2 * sign;
      }
    }
  }

  std::string new_name_in (const std::string& prompt, std::string& rest)
  {
    std::string folded (lower (prompt));
    for (const char* p: rename_phrases)
    {
      std::size_t at (folded.find (p));
      if (at == std::string::npos)
        continue;
      std::string name (prompt.substr (at + std::string (p).size ()));
      rest = prompt.substr (0, at);
      // Quotes, a full stop, white space around the name; then cut to the name's limit.
      name = to_valid_utf8 (trim (name, " \t\r\n\"'.!?"), max_name_bytes, '?');
      for (char& c: name)
        if (is_ascii_control (static_cast<unsigned char> (c)))
          c = ' ';
      return name;
    }
    rest = prompt;
    return "";
  }

  bool is_follow_up (const prompt_reading& r)
  {
    const std::size_t strong (sizeof (strong_cues) / sizeof (strong_cues[0]));
    const std::size_t weak (sizeof (weak_cues) / sizeof (weak_cues[0]));
    return has (r.words, strong_cues, strong) ||
           (r.head < 0 && has (r.words, weak_cues, weak));
  }

  decisions follow_up (const decisions& last, const prompt_reading& r,
                          const std::string& new_name)
  {
    decisions d (last);
    std::string descriptor (name_descriptor (last.item_name));
    std::string head (name_head (last.item_name));

    // A kind named by a word that is not a material ("a diamond one" keeps the pickaxe).
    bool new_kind (r.head >= 0 && !r.head_is_material && r.kind != last.kind);
    if (new_kind)
    {
      d.kind = r.kind;
      head = title_case (r.words[r.head]);
      if (descriptor.empty ())
        descriptor = title_case (d.material);
    }
    if (!r.material.empty () && r.material != last.material)
    {
      d.material = r.material;
      d.tier = find_material (r.material)->tier;
      // "Golden Axe", "Diamond Axe"; a plural names the material ("rubies" -> "Ruby").
      descriptor = title_case (r.material_word.back () == 's' ? r.material : r.material_word);
      if (const colour_word* c = colour_named_by (r.material_word))
        d.colours = {c->colour, darker (c->colour)};
    }
    if (!r.colours.empty () && !(r.colours.size () == 1 && !r.material.empty () &&
                                 colour_named_by (r.material_word) != nullptr))
    {
      d.colours = r.colours;
      if (d.colours.size () == 1)
        d.colours.push_back (darker (d.colours[0]));
    }

    bool stats_follow_tier (new_kind || d.tier != last.tier);
    int step (said (r.words, "stronger") || said (r.words, "more") ? 1
              : said (r.words, "weaker") || said (r.words, "less") ? -1 : 0);
    if (step != 0)
    {
      std::string tier (step > 0 ? stronger_tier (d.tier) : weaker_tier (d.tier));
      d.ability_level = std::max (1, std::min (3, d.ability_level + step));
      if (tier != d.tier)
      {
        d.tier = tier;
        stats_follow_tier = true;
      }
      else if (!stats_follow_tier)
        boost (d.stats, step);
    }
    if (stats_follow_tier)
      d.stats = default_stats (d.kind, d.tier);

    std::vector<std::string> abilities (d.abilities);
    for (const std::string& a: r.abilities)
      abilities.push_back (a);
    abilities.erase (std::remove_if (abilities.begin (), abilities.end (), [&r] (const std::string& a)
    {
      return std::find (r.removed.begin (), r.removed.end (), a) != r.removed.end ();
    }), abilities.end ());
    d.abilities = fit_abilities (d.kind, abilities);

    d.item_name = !new_name.empty () ? new_name
                  : descriptor.empty () ? head : descriptor + " " + head;
    return d;
  }
}
