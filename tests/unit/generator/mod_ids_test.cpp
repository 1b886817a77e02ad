// Tests of mod ids: Fabric's rule, the ids Fabric reserves, and one id per job.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/generator/analyser.hpp"
#include "../../../src/generator/mod_ids.hpp"

using namespace modforge;

namespace
{
  const std::string job ("3fa2c1d0-5b6e-4f70-8a9b-0c1d2e3f4a5b");
  const std::string other_job ("9bc1230f-0000-4000-8000-000000000000");
}

class mod_ids_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (mod_ids_test);
  CPPUNIT_TEST (fabric_reserves_its_own_ids);
  CPPUNIT_TEST (every_job_has_its_own_readable_id);
  CPPUNIT_TEST (reserved_prompts_never_give_a_reserved_id);
  CPPUNIT_TEST (long_and_invalid_bases_still_give_valid_ids);
  CPPUNIT_TEST (the_base_comes_back);
  CPPUNIT_TEST_SUITE_END ();

public:
  void fabric_reserves_its_own_ids ()
  {
    for (const char* id: {"minecraft", "java", "fabricloader", "fabric-loader", "mixinextras",
                          "fabric", "fabric-api", "fabric-item-group-api-v1"})
      CPPUNIT_ASSERT_MESSAGE (id, is_reserved_mod_id (id));
    for (const char* id: {"frost_sword", "java_3fa2c1", "fabricated", "minecrafty"})
      CPPUNIT_ASSERT_MESSAGE (id, !is_reserved_mod_id (id));
  }

  void every_job_has_its_own_readable_id ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword_3fa2c1"), unique_mod_id ("frost_sword", job));
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword_9bc123"), unique_mod_id ("frost_sword", other_job));
  }

  void reserved_prompts_never_give_a_reserved_id ()
  {
    for (const char* prompt: {"java", "minecraft", "fabric", "fabric-api", "fabricloader",
                              "mixinextras", "Fabric Loader"})
    {
      std::string id (unique_mod_id (mod_id_base (analyse_builtin (prompt).mod_id), job));
      CPPUNIT_ASSERT_MESSAGE (prompt + (" -> " + id), is_valid_mod_id (id) && !is_reserved_mod_id (id));
    }
    CPPUNIT_ASSERT_EQUAL (std::string ("java_3fa2c1"),
                          unique_mod_id (mod_id_base (analyse_builtin ("java").mod_id), job));
  }

  void long_and_invalid_bases_still_give_valid_ids ()
  {
    std::string id (unique_mod_id (std::string (64, 'a'), job));
    CPPUNIT_ASSERT_EQUAL (std::size_t (64), id.size ());
    CPPUNIT_ASSERT (is_valid_mod_id (id));
    CPPUNIT_ASSERT_EQUAL (std::string ("mod_3fa2c1"), unique_mod_id ("../x", job));
    CPPUNIT_ASSERT_EQUAL (std::string ("mod_000000"), unique_mod_id ("", "--"));
  }

  void the_base_comes_back ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword"), mod_id_base ("frost_sword_3fa2c1"));
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword"), mod_id_base ("frost_sword"));
    CPPUNIT_ASSERT_EQUAL (std::string ("a_sword_word"), mod_id_base ("a_sword_word"));
    // A second job's id from a copied answer is not suffixed twice.
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword_9bc123"),
                          unique_mod_id (mod_id_base ("frost_sword_3fa2c1"), other_job));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (mod_ids_test);
