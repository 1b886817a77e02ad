// Tests of the item class: each trigger's method only on the kinds it fits, the stats as
// constants, and nothing from the prompt outside string literals. (That it compiles against the
// Minecraft API is the mods suite's javac test.)
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/generator/java_item_source.hpp"
#include "../test_support.hpp"
#include "sample_decisions.hpp"

using namespace modforge;
using modforge_test::contains;
using modforge_test::sample_decisions;

namespace
{
  std::string source (const std::string& kind, const std::vector<std::string>& abilities)
  {
    decisions d (sample_decisions ("Test Item", "Test Mod", "test_item_3fa2c1", "", kind,
                                      {{1, 2, 3}, {4, 5, 6}}));
    d.abilities = abilities;
    complete_decisions (d);
    return java_item_source (d);
  }
}

class java_item_source_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (java_item_source_test);
  CPPUNIT_TEST (class_and_base_follow_the_kind);
  CPPUNIT_TEST (triggers_land_in_their_methods);
  CPPUNIT_TEST (stats_are_the_constants);
  CPPUNIT_TEST (food_effects_come_when_eaten);
  CPPUNIT_TEST_SUITE_END ();

public:
  void class_and_base_follow_the_kind ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("FrostSwordItem"), java_item_class_name ("frost_sword_3fa2c1"));
    CPPUNIT_ASSERT (contains (source ("sword", {}), "public class TestItemItem extends SwordItem {"));
    CPPUNIT_ASSERT (contains (source ("boots", {}), "super(MATERIAL, ArmorItem.Type.BOOTS, settings);"));
    CPPUNIT_ASSERT (contains (source ("wand", {}), "super(settings.maxCount(1));"));
    CPPUNIT_ASSERT (contains (source ("gem", {}), "extends Item {"));
  }

  void triggers_land_in_their_methods ()
  {
    std::string sword (source ("sword", {"set_fire", "fireball", "night_vision", "glowing"}));
    for (const char* m: {"postHit(", "use(World", "inventoryTick(", "hasGlint("})
      CPPUNIT_ASSERT_MESSAGE (m, contains (sword, m));
    CPPUNIT_ASSERT (!contains (sword, "onStoppedUsing"));

    std::string bow (source ("bow", {"set_fire", "poison", "speed"}));
    CPPUNIT_ASSERT (contains (bow, "onStoppedUsing(") && contains (bow, "arrow.setOnFireFor(100);"));
    CPPUNIT_ASSERT (!contains (bow, "postHit(") && !contains (bow, "use(World"));

    std::string helmet (source ("helmet", {"water_breathing"}));
    CPPUNIT_ASSERT (contains (helmet, "getEquippedStack(getSlotType()) == stack"));
    CPPUNIT_ASSERT (contains (helmet, "StatusEffects.WATER_BREATHING"));
    CPPUNIT_ASSERT (!contains (helmet, "postHit(") && !contains (helmet, "use(World"));

    std::string wand (source ("wand", {"set_fire", "teleport"}));
    CPPUNIT_ASSERT (contains (wand, "teleportAhead(world, user);"));
    CPPUNIT_ASSERT (!contains (wand, "onStoppedUsing"));
  }

  void stats_are_the_constants ()
  {
    decisions d (sample_decisions ("T", "T Mod", "t_3fa2c1", "", "axe", {{1, 2, 3}, {4, 5, 6}}));
    d.stats.attack_damage = 12.5;
    d.stats.attack_speed = 1.25;
    d.stats.durability = 999;
    std::string java (java_item_source (d));
    CPPUNIT_ASSERT (contains (java, "ATTACK_DAMAGE = 12.5f;"));
    CPPUNIT_ASSERT (contains (java, "ATTACK_SPEED = 1.25f;"));
    CPPUNIT_ASSERT (contains (java, "DURABILITY = 999;"));
    CPPUNIT_ASSERT (contains (java, "super(MATERIAL, 0.0f, ATTACK_SPEED - 4.0f, settings);"));
  }

  void food_effects_come_when_eaten ()
  {
    std::string food (source ("food", {"night_vision", "heal"}));
    CPPUNIT_ASSERT (contains (food, "StatusEffects.NIGHT_VISION, 600 * ABILITY_LEVEL"));
    CPPUNIT_ASSERT (contains (food, "StatusEffects.INSTANT_HEALTH, 1,"));
    CPPUNIT_ASSERT (contains (food, ".alwaysEdible()"));
    CPPUNIT_ASSERT (!contains (food, "inventoryTick("));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (java_item_source_test);
