// Tests of the /downloads/ name rule: only "<modId>-<uuid>.zip" passes.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/jobs/download_name.hpp"

using namespace modforge;

namespace
{
  const std::string uuid ("0f8fad5b-d9cb-469f-a165-70867728950e");
}

class download_name_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (download_name_test);
  CPPUNIT_TEST (made_names_parse_back);
  CPPUNIT_TEST (everything_else_is_refused);
  CPPUNIT_TEST_SUITE_END ();

public:
  void made_names_parse_back ()
  {
    for (const char* mod: {"frost_sword", "ab", "a-b_c9", "x23456789012345678901234567890123456789"
                                                       "0123456789012345678901234"})
    {
      std::string name (download_name (mod, uuid)), id;
      CPPUNIT_ASSERT_MESSAGE (name, parse_download_name (name, id));
      CPPUNIT_ASSERT_EQUAL (uuid, id);
    }
  }

  void everything_else_is_refused ()
  {
    std::string upper (uuid);
    upper[0] = 'F';
    std::string v1 (uuid);
    v1[14] = '1';
    for (const std::string& bad: {
           std::string (""), std::string (".zip"), uuid + ".zip", "-" + uuid + ".zip",
           "a-" + uuid + ".zip",                          // a mod id has 2 characters at least
           "frost_sword-" + uuid, "frost_sword-" + uuid + ".ZIP",
           "frost_sword-" + uuid + ".zip.png", "frost_sword_" + uuid + ".zip",
           "Frost-" + uuid + ".zip", "9lives-" + uuid + ".zip", "frost sword-" + uuid + ".zip",
           "../x-" + uuid + ".zip", "a/b-" + uuid + ".zip", "..-" + uuid + ".zip",
           "ab%2f-" + uuid + ".zip", std::string ("ab\0-", 4) + uuid + ".zip",
           "frost_sword-" + upper + ".zip", "frost_sword-" + v1 + ".zip",
           "frost_sword-" + uuid.substr (1) + ".zip",
           std::string (65, 'a') + "-" + uuid + ".zip", "ab-" + uuid + ".zip/",
           "ab-" + uuid + ".zip\n"})
    {
      std::string id ("unchanged");
      CPPUNIT_ASSERT_MESSAGE (bad, !parse_download_name (bad, id));
      CPPUNIT_ASSERT_EQUAL (std::string ("unchanged"), id);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (download_name_test);
