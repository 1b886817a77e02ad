// Tests of the aiDecisions record: its JSON form and the validation of JSON from outside.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/generator/decisions.hpp"
#include "../test_support.hpp"
#include "sample_decisions.hpp"

using namespace modforge;
using modforge_test::sample_decisions;
using modforge_test::contains;

namespace
{
  const char* const valid_json =
    R"({"itemName":"Frost Sword","modName":"Frost Sword Mod","modId":"frost_sword",)"
    R"("description":"A sword of ice.","kind":"sword","colours":["#96d2ff","#2a2a40"]})";

  // valid_json with `field`'s value replaced by `value` (JSON text), or left out when null.
  std::string with_field (const char* field, const char* value)
  {
    const char* fields[] = {"itemName", "modName", "modId", "description", "kind"};
    const char* values[] = {"\"Frost Sword\"", "\"Frost Sword Mod\"", "\"frost_sword\"",
                            "\"A sword of ice.\"", "\"sword\""};
    std::string json ("{");
    for (int i (0); i != 5; ++i)
      if (std::string (fields[i]) != field)
        json += "\"" + std::string (fields[i]) + "\":" + values[i] + ",";
      else if (value != nullptr)
        json += "\"" + std::string (field) + "\":" + value + ",";
    if (std::string ("colours") != field)
      json += "\"colours\":[\"#96d2ff\",\"#2a2a40\"],";
    else if (value != nullptr)
      json += "\"colours\":" + std::string (value) + ",";
    json.back () = '}';
    return json;
  }

  // The message of the generator_error that parsing `json` throws; fails if none is thrown.
  std::string rejection (const std::string& json)
  {
    try
    {
      decisions_from_json (json);
    }
    catch (const generator_error& e)
    {
      return e.what ();
    }
    CPPUNIT_FAIL ("accepted: " + json);
    return "";
  }

  // valid_json with more members.
  std::string with_extra (const std::string& members)
  {
    return std::string (valid_json).substr (0, std::string (valid_json).size () - 1) + "," +
           members + "}";
  }

  void expect_rejected (const char* field, const char* value)
  {
    std::string json (with_field (field, value));
    std::string message (rejection (json));
    CPPUNIT_ASSERT_MESSAGE (json + " -> " + message, contains (message, field));
  }
}

class decisions_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (decisions_test);
  CPPUNIT_TEST (valid_json_is_read);
  CPPUNIT_TEST (json_round_trips);
  CPPUNIT_TEST (mod_id_follows_fabric_rule);
  CPPUNIT_TEST (missing_fields_are_named);
  CPPUNIT_TEST (wrong_types_are_named);
  CPPUNIT_TEST (bad_mod_ids_are_refused);
  CPPUNIT_TEST (bad_colours_are_refused);
  CPPUNIT_TEST (unknown_kind_is_refused);
  CPPUNIT_TEST (bad_text_is_refused);
  CPPUNIT_TEST (non_objects_and_malformed_json_are_refused);
  CPPUNIT_TEST (numbers_out_of_range_are_clamped);
  CPPUNIT_TEST (unknown_and_unfit_abilities_are_dropped);
  CPPUNIT_TEST (broken_recipes_are_replaced);
  CPPUNIT_TEST (later_members_of_the_wrong_type_are_refused);
  CPPUNIT_TEST (code_made_records_must_be_whole);
  CPPUNIT_TEST_SUITE_END ();

public:
  void valid_json_is_read ()
  {
    decisions d (decisions_from_json (valid_json));
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost Sword"), d.item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost Sword Mod"), d.mod_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword"), d.mod_id);
    CPPUNIT_ASSERT_EQUAL (std::string ("A sword of ice."), d.description);
    CPPUNIT_ASSERT_EQUAL (std::string ("sword"), d.kind);
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), d.colours.size ());
    CPPUNIT_ASSERT_EQUAL (0x96, int (d.colours[0].r));
    CPPUNIT_ASSERT_EQUAL (0xd2, int (d.colours[0].g));
    CPPUNIT_ASSERT_EQUAL (0xff, int (d.colours[0].b));
    // Upper-case hex and members it does not know are accepted.
    CPPUNIT_ASSERT_NO_THROW (decisions_from_json (with_field ("colours", R"(["#ABCDEF","#000000"])")));
    CPPUNIT_ASSERT_NO_THROW (decisions_from_json (with_field ("model", "\"gpt\"")));
  }

  void json_round_trips ()
  {
    decisions d (sample_decisions ("The \"Best\" \\ Sword \xe2\x9c\xa8", "Best Mod", "best-sword_2",
                                      "", "wand", {{1, 2, 3}, {255, 254, 253}, {0, 0, 0}, {16, 32, 48}}));
    std::string json (decisions_to_json (d));
    CPPUNIT_ASSERT (contains (json, "\"colours\":[\"#010203\",\"#fffefd\",\"#000000\",\"#102030\"]"));
    decisions back (decisions_from_json (json));
    CPPUNIT_ASSERT_EQUAL (json, decisions_to_json (back));
    CPPUNIT_ASSERT_EQUAL (d.item_name, back.item_name);
  }

  void mod_id_follows_fabric_rule ()
  {
    for (const char* ok: {"ab", "frost_sword", "a-b", "z9", "a0_-"})
      CPPUNIT_ASSERT_MESSAGE (ok, is_valid_mod_id (ok));
    CPPUNIT_ASSERT (is_valid_mod_id (std::string (64, 'a')));
    CPPUNIT_ASSERT (!is_valid_mod_id (std::string (65, 'a')));
    for (const char* bad: {"", "a", "Frost", "frost Sword", "1abc", "_abc", "-abc", "../x",
                           "a/b", "a.b", "caf\xc3\xa9", "a\nb"})
      CPPUNIT_ASSERT_MESSAGE (bad, !is_valid_mod_id (bad));
  }

  void missing_fields_are_named ()
  {
    for (const char* f: {"itemName", "modName", "modId", "description", "kind", "colours"})
      expect_rejected (f, nullptr);
  }

  void wrong_types_are_named ()
  {
    for (const char* f: {"itemName", "modName", "modId", "description", "kind"})
    {
      expect_rejected (f, "42");
      expect_rejected (f, "null");
      expect_rejected (f, "[\"x\"]");
    }
    expect_rejected ("colours", "\"#ffffff\"");
    expect_rejected ("colours", "[\"#ffffff\",7]");
  }

  void bad_mod_ids_are_refused ()
  {
    for (const char* id: {"\"Frost\"", "\"1frost\"", "\"../x\"", "\"\"", "\"a\"", "\"a b\""})
      expect_rejected ("modId", id);
    expect_rejected ("modId", ("\"" + std::string (65, 'a') + "\"").c_str ());
  }

  void bad_colours_are_refused ()
  {
    for (const char* c: {R"(["#ffffff"])", R"([])", R"(["#fff","#000000"])",
                         R"(["ffffff","#000000"])", R"(["#gggggg","#000000"])",
                         R"(["#ffffff","#000000","#000000","#000000","#000000"])",
                         R"(["#ffffff ","#000000"])"})
      expect_rejected ("colours", c);
  }

  void unknown_kind_is_refused ()
  {
    expect_rejected ("kind", "\"spaceship\"");
    expect_rejected ("kind", "\"Sword\"");
    for (const std::string& k: item_kinds ())
      CPPUNIT_ASSERT_NO_THROW (decisions_from_json (with_field ("kind", ("\"" + k + "\"").c_str ())));
  }

  void bad_text_is_refused ()
  {
    expect_rejected ("itemName", "\"\"");
    expect_rejected ("itemName", ("\"" + std::string (65, 'x') + "\"").c_str ());
    expect_rejected ("itemName", "\"a\\nb\"");
    expect_rejected ("itemName", "\"a\\u0000b\"");
    expect_rejected ("itemName", "\"a\\u0085b\"");  // a C1 control
    expect_rejected ("modName", "\"\\u007f\"");
    expect_rejected ("itemName", "\"\\udc00\"");    // a lone surrogate is not UTF-8
    expect_rejected ("description", ("\"" + std::string (301, 'x') + "\"").c_str ());
    // 64 characters of 3 bytes each is a name of 64 characters, not 192.
    std::string stars;
    for (int i (0); i != 64; ++i)
      stars += "\xe2\x98\x85";
    CPPUNIT_ASSERT_NO_THROW (decisions_from_json (with_field ("itemName", ("\"" + stars + "\"").c_str ())));
    CPPUNIT_ASSERT (contains (rejection ("{\"itemName\":\"\xff\"}"), "not valid JSON"));
  }

  void non_objects_and_malformed_json_are_refused ()
  {
    for (const char* json: {"", "[]", "\"text\"", "42", "null", "{", "{\"itemName\":}",
                            "{} trailing", "not json at all"})
      CPPUNIT_ASSERT (contains (rejection (json), "aiDecisions"));
    // Deep nesting is refused, not a stack overflow.
    CPPUNIT_ASSERT (contains (rejection (std::string (100000, '[')), "not valid JSON"));
    CPPUNIT_ASSERT (contains (rejection (std::string (50000, '[') + std::string (50000, ']')),
                              "object"));
  }

  // An untrusted answer's numbers never reach the Java as they came.
  void numbers_out_of_range_are_clamped ()
  {
    decisions d (decisions_from_json (with_extra (
      R"("stats":{"attackDamage":1e9,"attackSpeed":-3,"durability":-5,"miningSpeed":99,)"
      R"("armor":500,"toughness":-1,"hunger":1000000000000,"saturation":7},"abilityLevel":99)")));
    CPPUNIT_ASSERT_EQUAL (30.0, d.stats.attack_damage);
    CPPUNIT_ASSERT_EQUAL (0.1, d.stats.attack_speed);
    CPPUNIT_ASSERT_EQUAL (0, d.stats.durability);
    CPPUNIT_ASSERT_EQUAL (30.0, d.stats.mining_speed);
    CPPUNIT_ASSERT_EQUAL (20, d.stats.armor);
    CPPUNIT_ASSERT_EQUAL (0.0, d.stats.toughness);
    CPPUNIT_ASSERT_EQUAL (20, d.stats.hunger);
    CPPUNIT_ASSERT_EQUAL (2.0, d.stats.saturation);
    CPPUNIT_ASSERT_EQUAL (3, d.ability_level);
    // No stats at all: the kind's at its tier (an iron sword's).
    d = decisions_from_json (valid_json);
    CPPUNIT_ASSERT_EQUAL (6.0, d.stats.attack_damage);
    CPPUNIT_ASSERT_EQUAL (250, d.stats.durability);
  }

  void unknown_and_unfit_abilities_are_dropped ()
  {
    decisions d (decisions_from_json (with_extra (
      R"("abilities":["set_fire","rm -rf","set_fire","speed","heal","glowing","fireball"])")));
    CPPUNIT_ASSERT ((d.abilities == std::vector<std::string> {"set_fire", "speed", "heal", "glowing"}));
    // A helmet carries effects only.
    std::string helmet (with_field ("kind", "\"helmet\""));
    helmet.back () = ',';
    d = decisions_from_json (helmet + R"("abilities":["set_fire","water_breathing","teleport"]})");
    CPPUNIT_ASSERT ((d.abilities == std::vector<std::string> {"water_breathing"}));
  }

  void broken_recipes_are_replaced ()
  {
    for (const char* recipe: {
           R"({"pattern":["XX"],"key":{"X":"minecraft:command_block"}})",   // not an ingredient
           R"({"pattern":["XY"],"key":{"X":"minecraft:diamond"}})",         // Y has no key
           R"({"pattern":["XXXX"],"key":{"X":"minecraft:diamond"}})",       // too wide
           R"({"pattern":["X","XX"],"key":{"X":"minecraft:diamond"}})",     // rows differ
           R"({"pattern":["   "],"key":{"X":"minecraft:diamond"}})"})      // blank
    {
      decisions d (decisions_from_json (with_extra (std::string ("\"recipe\":") + recipe)));
      CPPUNIT_ASSERT_MESSAGE (recipe, (d.recipe.pattern == std::vector<std::string> {"CM", " M", " S"}));
    }
    decisions d (decisions_from_json (with_extra (
      R"("recipe":{"pattern":["DD","DS"],"key":{"D":"minecraft:diamond","S":"minecraft:stick"}})")));
    CPPUNIT_ASSERT ((d.recipe.pattern == std::vector<std::string> {"DD", "DS"}));
  }

  void later_members_of_the_wrong_type_are_refused ()
  {
    for (const char* extra: {R"("stats":[1])", R"("stats":{"armor":"5"})", R"("abilities":"fire")",
                             R"("abilities":[1])", R"("abilityLevel":"2")", R"("recipe":[])",
                             R"("recipe":{"pattern":"XX","key":{}})", R"("tier":3)",
                             R"("material":{})"})
      CPPUNIT_ASSERT_MESSAGE (extra, !rejection (with_extra (extra)).empty ());
    // An unknown tier or material is only mended.
    decisions d (decisions_from_json (with_extra (R"("tier":"adamantium","material":"Mythril!")")));
    CPPUNIT_ASSERT_EQUAL (std::string ("iron"), d.tier);
    CPPUNIT_ASSERT_EQUAL (std::string (""), d.material);
  }

  void code_made_records_must_be_whole ()
  {
    decisions d (decisions_from_json (valid_json));
    CPPUNIT_ASSERT_NO_THROW (validate_decisions (d));
    d.stats.armor = 99;
    CPPUNIT_ASSERT_THROW (validate_decisions (d), generator_error);
    d = decisions_from_json (valid_json);
    d.abilities = {"teleport", "teleport"};
    CPPUNIT_ASSERT_THROW (validate_decisions (d), generator_error);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (decisions_test);
