// What the analyser decided about the item: the decisions record every later step (texture,
// Fabric project) is drawn from, with its JSON form (what clients see as "aiDecisions", and
// what jobs.spec holds) and its validation.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace modforge
{
  struct rgb
  {
    unsigned char r, g, b;
  };

  // The kinds of item modforge can build. A closed set, because each kind needs its own texture
  // shape, Java item class and creative tab:
  //   sword, pickaxe, axe, shovel, hoe, bow  - tools and weapons (hand-held model except bow)
  //   food                                    - edible (a FoodComponent)
  //   gem, ingot                              - crafting materials
  //   wand                                    - a hand-held, unstackable magic item
  //   generic                                 - anything else
  struct decisions
  {
    std::string item_name;    // "Frost Sword": display name, 1-64 characters, printable
    std::string mod_name;     // "Frost Sword Mod": 1-64 characters, printable
    std::string mod_id;       // "frost_sword": Fabric's rule ^[a-z][a-z0-9_-]{1,63}$
    std::string description;  // one sentence, at most 300 characters (may be empty)
    std::string kind;         // one of item_kinds ()
    std::vector<rgb> colours; // 2-4 colours, primary first
  };

  // A generation step failed; the sentence says what, and is fit to show the job's owner.
  struct generator_error: std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };

  // The closed set of kinds above, in that order.
  const std::vector<std::string>& item_kinds ();
  bool is_item_kind (const std::string&);

  // Fabric's rule for a mod id: ^[a-z][a-z0-9_-]{1,63}$.
  bool is_valid_mod_id (const std::string&);

  // "#rrggbb", lower case.
  std::string colour_to_hex (const rgb&);

  // The JSON object:
  // {"itemName","modName","modId","description","kind","colours":["#rrggbb",...]}.
  std::string decisions_to_json (const decisions&);

  // Parses and validates such an object (from the database or an external command): every field
  // present with its type, valid UTF-8 without control characters, lengths bounded, modId by
  // Fabric's rule, kind in the set, 2-4 colours "#rrggbb" (either case). Members it does not know
  // are ignored. Throws generator_error with a sentence naming the field otherwise.
  decisions decisions_from_json (const std::string& json);

  // The same checks on a record built in code; throws generator_error like decisions_from_json.
  void validate_decisions (const decisions&);
}
