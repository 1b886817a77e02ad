// The text files of the generated Fabric project, one function each. They take decisions whose
// mod id was checked with is_valid_mod_id; the mod id is the only name used in a path or in
// Gradle, names and description reach JSON through RapidJSON and Java as escaped literals.
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // The project builds against Minecraft 1.20.1, Fabric Loader 0.15.11, Fabric API
  // 0.92.2+1.20.1, Yarn 1.20.1+build.10 and Loom 1.6 on Gradle 8.7 (the constants in
  // fabric_files.cpp and gradle_wrapper.cpp; docs/mods.md says why these).
  std::string fabric_readme (const decisions&);
  std::string fabric_build_gradle ();
  std::string fabric_settings_gradle (const decisions&);
  std::string fabric_gradle_properties (const decisions&);
  std::string fabric_mod_json (const decisions&);
  std::string fabric_lang_json (const decisions&);
  std::string fabric_item_model_json (const decisions&);
}
