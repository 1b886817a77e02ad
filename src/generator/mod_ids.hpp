// Mod ids that Fabric accepts, that no built-in mod holds, and that differ from job to job.
#pragma once

#include <string>

namespace modforge
{
  // Fabric's rule for a mod id (Fabric Loader's MetadataVerifier): ^[a-z][a-z0-9_-]{1,63}$.
  bool is_valid_mod_id (const std::string&);

  // Ids a mod may not take: the game and Java themselves, Fabric Loader and what it bundles
  // (minecraft, java, fabricloader, fabric-loader, mixinextras) and Fabric API (fabric,
  // fabric-api, and its modules, whose ids start with "fabric-").
  bool is_reserved_mod_id (const std::string&);

  // "frost_sword_3fa2c1": `base` (a valid id, cut to 57 characters) with '_' and the first six
  // hex digits of the job id, so that two players' frost swords install side by side and no id
  // is reserved. A base that is not valid becomes "mod". `job_id` is a UUID.
  std::string unique_mod_id (const std::string& base, const std::string& job_id);

  // The base of a unique id (without its suffix of six hex digits), or the id itself.
  std::string mod_id_base (const std::string& id);
}
