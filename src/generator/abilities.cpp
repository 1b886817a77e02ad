// The ability vocabulary.
#include "abilities.hpp"

namespace modforge
{
  namespace
  {
    typedef ability_trigger t;

    bool is_armour (const std::string& kind)
    {
      return kind == "helmet" || kind == "chestplate" || kind == "leggings" || kind == "boots";
    }
  }

  const std::vector<ability>& all_abilities ()
  {
    static const std::vector<ability> list {
      {"set_fire", t::on_hit, "", "Blazing", "sets its target on fire"},
      {"freeze", t::on_hit, "SLOWNESS", "Frozen", "freezes and slows its target"},
      {"lightning", t::on_hit, "", "Thunder", "calls lightning down on its target"},
      {"knockback", t::on_hit, "", "Mighty", "knocks its target back"},
      {"poison", t::on_hit, "POISON", "Venom", "poisons its target"},
      {"wither", t::on_hit, "WITHER", "Withering", "withers its target"},
      {"heal", t::on_use, "INSTANT_HEALTH", "Healing", "heals its user"},
      {"fireball", t::on_use, "", "Fireball", "shoots a fireball"},
      {"teleport", t::on_use, "", "Ender", "teleports its user a short way ahead"},
      {"night_vision", t::effect, "NIGHT_VISION", "Night", "gives night vision"},
      {"water_breathing", t::effect, "WATER_BREATHING", "Diving", "lets you breathe underwater"},
      {"speed", t::effect, "SPEED", "Swift", "makes you faster"},
      {"fire_resistance", t::effect, "FIRE_RESISTANCE", "Fireproof", "protects from fire and lava"},
      {"glowing", t::effect, "GLOWING", "Glowing", "makes you glow"},
      {"strength", t::effect, "STRENGTH", "Mighty", "gives strength"},
      {"regeneration", t::effect, "REGENERATION", "Healing", "regenerates health"},
      {"jump_boost", t::effect, "JUMP_BOOST", "Leaping", "makes you jump higher"},
      {"haste", t::effect, "HASTE", "Hasty", "makes you mine faster"},
      {"resistance", t::effect, "RESISTANCE", "Guardian", "makes you tougher"},
      {"slow_falling", t::effect, "SLOW_FALLING", "Feather", "makes you fall slowly"}};
    return list;
  }

  const ability* find_ability (const std::string& name)
  {
    for (const ability& a: all_abilities ())
      if (name == a.name)
        return &a;
    return nullptr;
  }

  bool kind_can_carry (const std::string& kind, const std::string& name)
  {
    const ability* a (find_ability (name));
    if (a == nullptr)
      return false;
    if (is_armour (kind))
      return a->trigger == t::effect;
    if (kind == "food")
      return a->trigger == t::effect || name == "heal";
    if (kind == "bow")
      return a->trigger == t::effect || (a->trigger == t::on_hit && name != "lightning");
    return true;
  }

  std::vector<std::string> fit_abilities (const std::string& kind,
                                          const std::vector<std::string>& abilities)
  {
    std::vector<std::string> r;
    for (const std::string& a: abilities)
    {
      bool seen (false);
      for (const std::string& e: r)
        seen = seen || e == a;
      if (!seen && r.size () < max_abilities && kind_can_carry (kind, a))
        r.push_back (a);
    }
    return r;
  }
}
