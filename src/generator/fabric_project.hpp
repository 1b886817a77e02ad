// The deliverable: a ready-to-build Fabric mod project for the item, as one zip file.
#pragma once

#include <string>
#include <vector>

#include "decisions.hpp"

namespace modforge
{
  // Writes the project as a zip at `path` (replacing a file there). libzip writes a temporary
  // file beside `path` and renames it on success, so a crash never leaves a partial zip at
  // `path`. `png` is the item texture's PNG. Entries, all under "<modId>/":
  //   README.md, build.gradle, settings.gradle, gradle.properties,
  //   gradlew (mode 0755), gradlew.bat, gradle/wrapper/gradle-wrapper.jar and .properties,
  //   src/main/resources/fabric.mod.json,
  //   src/main/java/net/modforge/<package>/<ClassName>Mod.java (java_source.hpp),
  //   src/main/java/net/modforge/<package>/<ClassName>Item.java (java_item_source.hpp),
  //   src/main/resources/data/<modId>/recipes/<modId>.json (recipes.hpp),
  //   src/main/resources/assets/<modId>/lang/en_us.json,
  //   src/main/resources/assets/<modId>/models/item/<modId>.json,
  //   src/main/resources/assets/<modId>/textures/item/<modId>.png.
  // The mod id, checked with is_valid_mod_id, is the only name from the decisions in a path.
  // Throws generator_error on an invalid mod id or a write failure, and then leaves no file at
  // `path` (one that was there before is removed too).
  void write_fabric_project_zip (const decisions&, const std::string& png,
                                 const std::string& path);

  // The entry names write_fabric_project_zip writes for these decisions, in its order.
  // Throws generator_error on an invalid mod id.
  std::vector<std::string> fabric_project_entries (const decisions&);
}
