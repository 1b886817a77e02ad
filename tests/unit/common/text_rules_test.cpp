// Tests of the shared text rules: trimming, ASCII lower case, counting characters, controls.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/text_rules.hpp"

using namespace modforge;

class text_rules_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (text_rules_test);
  CPPUNIT_TEST (trim_strips_only_the_given_characters);
  CPPUNIT_TEST (ascii_lower_touches_ascii_only);
  CPPUNIT_TEST (code_points_not_bytes);
  CPPUNIT_TEST (ascii_controls);
  CPPUNIT_TEST (allowed_controls_but_never_nul);
  CPPUNIT_TEST (unicode_controls_include_c1);
  CPPUNIT_TEST_SUITE_END ();

public:
  void trim_strips_only_the_given_characters ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("a b"), trim (" \t\r\na b\n\r\t "));
    CPPUNIT_ASSERT_EQUAL (std::string (), trim (" \t\r\n"));
    CPPUNIT_ASSERT_EQUAL (std::string (), trim (""));
    CPPUNIT_ASSERT_EQUAL (std::string ("\xc2\xa0x\xc2\xa0"), trim ("\xc2\xa0x\xc2\xa0"));
    CPPUNIT_ASSERT_EQUAL (std::string ("\tx"), trim (" \tx ", " "));
    CPPUNIT_ASSERT_EQUAL (std::string ("x\ny"), trim ("x\ny"));
  }

  void ascii_lower_touches_ascii_only ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("abc-xyz_09@\xc3\x89"), ascii_lower ("ABC-xyz_09@\xc3\x89"));
    CPPUNIT_ASSERT_EQUAL (std::string ("[\\]^_`{"), ascii_lower ("[\\]^_`{"));
    CPPUNIT_ASSERT_EQUAL (std::string (), ascii_lower (""));
  }

  void code_points_not_bytes ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (0), count_code_points (""));
    CPPUNIT_ASSERT_EQUAL (std::size_t (3), count_code_points ("abc"));
    // é (2 bytes), € (3 bytes), 𝄞 (4 bytes).
    CPPUNIT_ASSERT_EQUAL (std::size_t (3),
                          count_code_points ("\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e"));
  }

  void ascii_controls ()
  {
    for (unsigned c (0); c < 0x20; ++c)
      CPPUNIT_ASSERT (is_ascii_control (c));
    CPPUNIT_ASSERT (is_ascii_control (0x7f));
    for (unsigned c: {0x20u, 0x41u, 0x7eu, 0x80u, 0x85u, 0xa0u, 0xe9u})
      CPPUNIT_ASSERT (!is_ascii_control (c));
  }

  void allowed_controls_but_never_nul ()
  {
    CPPUNIT_ASSERT (!has_ascii_control ("a name \xc2\x85 with C1"));
    CPPUNIT_ASSERT (has_ascii_control ("tab\there"));
    CPPUNIT_ASSERT (has_ascii_control ("del\x7f"));
    CPPUNIT_ASSERT (!has_ascii_control ("line\nbreak\ttab\r", "\n\t\r"));
    CPPUNIT_ASSERT (has_ascii_control ("bell\x07", "\n\t\r"));
    CPPUNIT_ASSERT (has_ascii_control (std::string ("nul\0", 4), "\n\t\r"));
    CPPUNIT_ASSERT (has_ascii_control (std::string ("nul\0", 4), ""));
  }

  void unicode_controls_include_c1 ()
  {
    CPPUNIT_ASSERT (is_control_code_point (0x00));
    CPPUNIT_ASSERT (is_control_code_point (0x7f));
    CPPUNIT_ASSERT (is_control_code_point (0x80));
    CPPUNIT_ASSERT (is_control_code_point (0x9f));
    CPPUNIT_ASSERT (!is_control_code_point (0xa0));
    CPPUNIT_ASSERT (!is_control_code_point (0x2028));
    CPPUNIT_ASSERT (has_control_code_point ("next\xc2\x85line"));
    CPPUNIT_ASSERT (!has_control_code_point ("caf\xc3\xa9 \xe2\x82\xac"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (text_rules_test);
