// The mod's Java: names derived from the mod id, and the main class that registers the item
// (the item's own class is java_item_source.hpp's).
// Nothing from the decisions reaches the source except through java_string_literal or as a name
// built from a valid mod id.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // A Java string literal ("...", quotes included) holding `text`, in ASCII only: quote and
  // backslash escaped, controls as octal escapes, other characters as \uXXXX. (A \u escape
  // for a quote or a line break would end the literal, since javac reads \u escapes first.)
  std::string java_string_literal (const std::string& text);

  // "net.modforge.frost_sword": the mod id without '-', with '_' after a Java keyword.
  std::string java_package (const std::string& mod_id);

  // "FrostSwordMod": the parts of the mod id's base (without the job's suffix, mod_ids.hpp;
  // split at '_' and '-') capitalised, then "Mod". The package tells two jobs' classes apart.
  std::string java_class_name (const std::string& mod_id);

  // The package and class name joined: fabric.mod.json's main entrypoint.
  std::string java_main_class (const std::string& mod_id);

  // The source of that class: a ModInitializer that registers the item (an instance of
  // java_item_class_name) as "<modId>:<modId>" and adds it to the creative tab that fits its
  // kind.
  std::string java_mod_source (const decisions&);
}
