// Mod id rules.
#include "mod_ids.hpp"

namespace modforge
{
  namespace
  {
    const char* const reserved[] = {
      "minecraft", "java", "fabricloader", "fabric-loader", "mixinextras", "fabric", "fabric-api"};
    const std::size_t suffix_size = 7; // "_3fa2c1"
    const std::size_t max_base = 64 - suffix_size;

    bool is_hex (char c)
    {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
  }

  bool is_valid_mod_id (const std::string& id)
  {
    if (id.size () < 2 || id.size () > 64 || id[0] < 'a' || id[0] > 'z')
      return false;
    for (char c: id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
        return false;
    return true;
  }

  bool is_reserved_mod_id (const std::string& id)
  {
    for (const char* r: reserved)
      if (id == r)
        return true;
    return id.compare (0, 7, "fabric-") == 0;
  }

  std::string unique_mod_id (const std::string& base, const std::string& job_id)
  {
    std::string b (is_valid_mod_id (base) ? base.substr (0, max_base) : "mod");
    std::string suffix;
    for (char c: job_id)
      if (suffix.size () < suffix_size - 1 && is_hex (c))
        suffix += c;
    while (suffix.size () < suffix_size - 1)
      suffix += '0';
    return b + "_" + suffix;
  }

  std::string mod_id_base (const std::string& id)
  {
    if (id.size () > suffix_size && id[id.size () - suffix_size] == '_')
    {
      bool hex (true);
      for (std::size_t i (id.size () - suffix_size + 1); i != id.size (); ++i)
        hex = hex && is_hex (id[i]);
      if (hex)
        return id.substr (0, id.size () - suffix_size);
    }
    return id;
  }
}
