// The item's own Java class: its kind's vanilla base class with the stats of the decisions, and
// a method for each trigger of its abilities (hit, use, carried; for food, when eaten).
// Everything it calls is in tests/java/stubs/minecraft-1.20.1, which the mods suite compiles
// every kind and ability against.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // "FrostSwordItem": the mod id's base (without the job's suffix) in CamelCase, then "Item".
  std::string java_item_class_name (const std::string& mod_id);

  // The source of that class, in java_package (mod_id). Its constructor takes the Item.Settings
  // the mod's main class passes.
  std::string java_item_source (const decisions&);
}
