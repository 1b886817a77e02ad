// The follow-ups the built-in analyser understands: a prompt that changes the session's last
// item instead of describing a new one. Each kind of change may come alone or with others
// ("now a matching chestplate but stronger"):
//   colour      "make it blue instead", "same but purple"        -> the colours
//   kind        "now a matching pickaxe", "the same as a bow"    -> the kind, keeping the
//                                                                   material, colours, abilities
//   material    "make it out of diamond instead", "a diamond one" -> material, tier, name
//   strength    "same but stronger", "even stronger", "weaker"   -> one tier and ability level
//                                                                   up or down
//   abilities   "also make it glow", "add lightning too"         -> added
//               "without the fire", "remove the glow"            -> taken away
//   name        "call it Bob's Blade", "rename it to Crimson Fang"
#pragma once

#include <string>

#include "decisions.hpp"
#include "prompt_reading.hpp"

namespace modforge
{
  // The name a prompt gives the item ("call it X", "name it X", "rename it (to) X"), or "";
  // `rest` is the prompt without that part.
  std::string new_name_in (const std::string& prompt, std::string& rest);

  // Whether the prompt refers to the last item: a word such as "same", "matching", "instead",
  // "also", "too", "stronger", "without", "one", or "it"/"now" in a prompt that names no kind.
  bool is_follow_up (const prompt_reading&);

  // The last item's decisions with the changes the reading asks for, and the new name if one
  // was given. Name, mod id, description and recipe are the caller's to derive again.
  decisions follow_up (const decisions& last, const prompt_reading&,
                          const std::string& new_name);
}
