// Download names.
#include "download_name.hpp"

#include "../common/uuid.hpp"
#include "../generator/decisions.hpp"

namespace modforge
{
  namespace
  {
    const std::string suffix (".zip");
    const std::size_t uuid_length = 36;
  }

  std::string download_name (const std::string& mod_id, const std::string& job_id)
  {
    return mod_id + "-" + job_id + suffix;
  }

  bool parse_download_name (const std::string& name, std::string& job_id)
  {
    // A mod id is at most 64 characters.
    const std::size_t tail (1 + uuid_length + suffix.size ());
    if (name.size () <= tail || name.size () > 64 + tail)
      return false;
    if (name.compare (name.size () - suffix.size (), suffix.size (), suffix) != 0 ||
        name[name.size () - tail] != '-')
      return false;
    std::string id (name.substr (name.size () - tail + 1, uuid_length));
    // Job ids are made like tokens: UUIDv4 from getrandom.
    if (!is_uuid (id) || !is_valid_mod_id (name.substr (0, name.size () - tail)))
      return false;
    job_id = id;
    return true;
  }
}
