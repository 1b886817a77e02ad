// Tests of random UUIDs (job ids and session tokens): their shape, and the shape check.
#include <set>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/uuid.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::is_lower_hex;

class uuid_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (uuid_test);
  CPPUNIT_TEST (is_lowercase_version_4);
  CPPUNIT_TEST (all_are_distinct);
  CPPUNIT_TEST (shape_check);
  CPPUNIT_TEST_SUITE_END ();

public:
  void is_lowercase_version_4 ()
  {
    for (int n (0); n != 200; ++n)
    {
      std::string t (random_uuid ());
      CPPUNIT_ASSERT_EQUAL (std::size_t (36), t.size ());
      for (std::size_t i (0); i != t.size (); ++i)
      {
        if (i == 8 || i == 13 || i == 18 || i == 23)
          CPPUNIT_ASSERT_EQUAL_MESSAGE (t, '-', t[i]);
        else
          CPPUNIT_ASSERT_MESSAGE (t, is_lower_hex (t[i]));
      }
      CPPUNIT_ASSERT_EQUAL_MESSAGE (t, '4', t[14]);
      CPPUNIT_ASSERT_MESSAGE (t, std::string ("89ab").find (t[19]) != std::string::npos);
    }
  }

  void all_are_distinct ()
  {
    std::set<std::string> seen;
    for (int i (0); i != 1000; ++i)
      seen.insert (random_uuid ());
    CPPUNIT_ASSERT_EQUAL (std::size_t (1000), seen.size ());
  }

  void shape_check ()
  {
    std::string t (random_uuid ());
    CPPUNIT_ASSERT (is_uuid (t));
    CPPUNIT_ASSERT (is_uuid ("0123abcd-ef01-4234-8678-9abcdef01234"));

    std::string upper ("0123ABCD-EF01-4234-8678-9ABCDEF01234");
    CPPUNIT_ASSERT (!is_uuid (upper));
    CPPUNIT_ASSERT (!is_uuid (t.substr (0, 35)));
    CPPUNIT_ASSERT (!is_uuid (t + "0"));
    CPPUNIT_ASSERT (!is_uuid (""));
    CPPUNIT_ASSERT (!is_uuid ("0123abcd0ef01-4234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_uuid ("0123abc-def01-4234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_uuid ("0123abcd-ef01-4234-8678-9abcdef0123g"));
    CPPUNIT_ASSERT (!is_uuid ("0123abcdef0142348678-9abcdef01234----"));
    CPPUNIT_ASSERT (!is_uuid (std::string ("0123abcd-ef01-4234-8678-9abcdef0123\0", 36)));
    // Only version 4 with the RFC 4122 variant: what random_uuid makes.
    CPPUNIT_ASSERT (!is_uuid ("0123abcd-ef01-1234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_uuid ("0123abcd-ef01-4234-c678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_uuid ("0123abcd-ef01-4234-7678-9abcdef01234"));
    CPPUNIT_ASSERT (is_uuid ("0123abcd-ef01-4234-b678-9abcdef01234"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (uuid_test);
