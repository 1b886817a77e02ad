// Tests of the UTF-8 checks that guard every text column.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/utf8.hpp"

using namespace modforge;

class utf8_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (utf8_test);
  CPPUNIT_TEST (utf8_accepts_well_formed);
  CPPUNIT_TEST (utf8_rejects_malformed);
  CPPUNIT_TEST (cleaning_replaces_only_bad_bytes);
  CPPUNIT_TEST (cleaning_cuts_on_a_character_boundary);
  CPPUNIT_TEST_SUITE_END ();

public:
  void utf8_accepts_well_formed ()
  {
    for (const char* ok: {"", "plain ascii", "\xc3\xa9", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80",
                          "\xe2\x82\xac", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
                          "\xf0\x90\x80\x80", "\xf0\x9d\x84\x9e", "\xf4\x8f\xbf\xbf"})
      CPPUNIT_ASSERT_MESSAGE (ok, is_valid_utf8 (ok));
    CPPUNIT_ASSERT (is_valid_utf8 (std::string ("a\0b", 3)));
  }

  void utf8_rejects_malformed ()
  {
    for (const char* bad: {
           "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80",
           "\xf0\x8f\xbf\xbf",                                 // overlongs
           "\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xb0\x80",     // surrogates
           "\xf4\x90\x80\x80", "\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", // above U+10FFFF
           "\xc3", "\xe2\x82", "\xf0\x9d\x84", "a\xc3", "\xe2\x82" "a",   // truncated
           "\x80", "\xbf", "a\x80" "b", "\xfe", "\xff", "\xc3\xc3\xa9"})
      CPPUNIT_ASSERT_MESSAGE (bad, !is_valid_utf8 (bad));
  }

  void cleaning_replaces_only_bad_bytes ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("a?b\xc3\xa9?"), to_valid_utf8 ("a\xff" "b\xc3\xa9\xc3", 100, '?'));
    CPPUNIT_ASSERT_EQUAL (std::string ("??x"), to_valid_utf8 ("\xed\xa0x", 100, '?'));
    CPPUNIT_ASSERT_EQUAL (std::string ("plain"), to_valid_utf8 ("plain", 100, '?'));
    CPPUNIT_ASSERT (is_valid_utf8 (to_valid_utf8 (std::string (300, '\x80'), 512, '?')));
  }

  void cleaning_cuts_on_a_character_boundary ()
  {
    // A 3-byte euro sign does not fit in the last 2 bytes: it is left out, not split.
    std::string s (std::string (9, 'a') + "\xe2\x82\xac");
    CPPUNIT_ASSERT_EQUAL (std::string (9, 'a'), to_valid_utf8 (s, 11, '?'));
    CPPUNIT_ASSERT_EQUAL (s, to_valid_utf8 (s, 12, '?'));
    CPPUNIT_ASSERT_EQUAL (std::string (), to_valid_utf8 ("abc", 0, '?'));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (utf8_test);
