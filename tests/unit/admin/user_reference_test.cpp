// Tests of how modforge-admin reads a user on its command line: username, email or #<id>.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/admin/user_reference.hpp"

using namespace modforge;

class user_reference_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (user_reference_test);
  CPPUNIT_TEST (names_and_emails_are_lower_cased);
  CPPUNIT_TEST (hash_and_digits_are_an_id);
  CPPUNIT_TEST (malformed_ids_and_empty_text_are_refused);
  CPPUNIT_TEST_SUITE_END ();

public:
  void names_and_emails_are_lower_cased ()
  {
    user_reference u (parse_user_reference ("Alice.B"));
    CPPUNIT_ASSERT_EQUAL (std::string ("alice.b"), u.login);
    CPPUNIT_ASSERT_EQUAL (std::int64_t (0), u.id);
    CPPUNIT_ASSERT (u.problem.empty ());

    user_reference e (parse_user_reference ("Alice@Example.COM"));
    CPPUNIT_ASSERT_EQUAL (std::string ("alice@example.com"), e.login);
    CPPUNIT_ASSERT (e.problem.empty ());

    // '#' only means an id at the start.
    CPPUNIT_ASSERT_EQUAL (std::string ("a#1"), parse_user_reference ("a#1").login);
  }

  void hash_and_digits_are_an_id ()
  {
    CPPUNIT_ASSERT_EQUAL (std::int64_t (12), parse_user_reference ("#12").id);
    CPPUNIT_ASSERT_EQUAL (std::int64_t (999999999999999999),
                          parse_user_reference ("#999999999999999999").id);
    CPPUNIT_ASSERT (parse_user_reference ("#12").login.empty ());
  }

  void malformed_ids_and_empty_text_are_refused ()
  {
    for (const char* bad: {"#", "#0", "#012", "#-1", "#+1", "#1a", "# 1", "#1.5",
                           "#1000000000000000000", ""})
    {
      user_reference r (parse_user_reference (bad));
      CPPUNIT_ASSERT_MESSAGE (bad, !r.problem.empty ());
      CPPUNIT_ASSERT_EQUAL (std::int64_t (0), r.id);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (user_reference_test);
