// How much the files directory holds (modforge-admin stats): its regular files and their bytes.
#pragma once

#include <cstdint>
#include <string>

namespace modforge
{
  struct directory_usage
  {
    std::uint64_t files = 0;  // regular files, at any depth
    std::uint64_t bytes = 0;  // their sizes added up (st_size, not blocks on disk)
  };

  // Walks the tree under `root` without following symbolic links (a link is neither counted nor
  // entered). A missing root, or an entry removed while it is walked, counts as empty; a folder
  // that cannot be read throws std::runtime_error naming it.
  directory_usage measure_directory (const std::string& root);
}
