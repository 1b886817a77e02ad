// Tests of a session name as the session service stores it: trimmed, empty is no name, at most
// 255 characters, no control characters.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/sessions/session_service.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::expect_domain_error;

namespace
{
  odb::nullable<std::string> normalized (const std::string& raw)
  {
    return session_service::normalize_name (odb::nullable<std::string> (raw));
  }

  std::string refusal (const std::string& raw)
  {
    domain_error e (expect_domain_error ([&] {normalized (raw);}));
    CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
    CPPUNIT_ASSERT_EQUAL (std::string ("validation_error"), e.code);
    return e.what ();
  }
}

class session_name_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (session_name_test);
  CPPUNIT_TEST (trimmed_and_empty_is_none);
  CPPUNIT_TEST (at_most_255_characters);
  CPPUNIT_TEST (no_control_characters);
  CPPUNIT_TEST_SUITE_END ();

public:
  void trimmed_and_empty_is_none ()
  {
    CPPUNIT_ASSERT (session_service::normalize_name (odb::nullable<std::string> ()).null ());
    CPPUNIT_ASSERT (normalized ("").null ());
    CPPUNIT_ASSERT (normalized (" \t\r\n ").null ());
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost \xe2\x9c\xa8 sword"),
                          normalized ("\n  Frost \xe2\x9c\xa8 sword \t").get ());
  }

  void at_most_255_characters ()
  {
    std::string euros;
    for (int i (0); i != 255; ++i)
      euros += "\xe2\x82\xac";
    CPPUNIT_ASSERT_EQUAL (euros, normalized (euros).get ());
    CPPUNIT_ASSERT_EQUAL (std::string ("name must be at most 255 characters"),
                          refusal (euros + "x"));
    CPPUNIT_ASSERT_EQUAL (std::string (255, 'a'), normalized (std::string (255, 'a')).get ());
  }

  void no_control_characters ()
  {
    for (const std::string& bad: {std::string ("a\tb"), std::string ("a\nb"),
                                  std::string ("a\x7f"), std::string ("a\0b", 3)})
      CPPUNIT_ASSERT_EQUAL (std::string ("name must not contain control characters"),
                            refusal (bad));
    // C1 controls are not refused in a name (only the ASCII ones are).
    CPPUNIT_ASSERT (!normalized ("a\xc2\x85" "b").null ());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (session_name_test);
