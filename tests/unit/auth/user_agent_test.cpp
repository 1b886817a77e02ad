// Tests of clean_user_agent: control characters, the 512-byte cut, invalid UTF-8.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/user_agent.hpp"
#include "../../../src/common/utf8.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  void expect_clean (const std::string& raw)
  {
    std::string c (clean_user_agent (raw));
    CPPUNIT_ASSERT_MESSAGE (raw, c.size () <= 512);
    CPPUNIT_ASSERT_MESSAGE (raw, is_valid_utf8 (c));
    for (char ch: c)
      CPPUNIT_ASSERT_MESSAGE (raw, static_cast<unsigned char> (ch) >= 0x20 && ch != 0x7f);
  }
}

class user_agent_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (user_agent_test);
  CPPUNIT_TEST (ordinary_agent_is_unchanged);
  CPPUNIT_TEST (control_characters_are_replaced);
  CPPUNIT_TEST (long_agent_is_cut_to_512_bytes);
  CPPUNIT_TEST (cut_never_splits_a_character);
  CPPUNIT_TEST (invalid_utf8_becomes_valid);
  CPPUNIT_TEST (invalid_byte_near_the_end_keeps_the_text);
  CPPUNIT_TEST_SUITE_END ();

public:
  void ordinary_agent_is_unchanged ()
  {
    std::string ua ("Mozilla/5.0 (X11; Linux x86_64) curl/7.88.1 \xc3\xa9\xe2\x82\xac");
    CPPUNIT_ASSERT_EQUAL (ua, clean_user_agent (ua));
    CPPUNIT_ASSERT_EQUAL (std::string (), clean_user_agent (""));
  }

  void control_characters_are_replaced ()
  {
    std::string c (clean_user_agent (std::string ("a\x01" "b\nc\rd\te\x7f" "f\0g", 13)));
    CPPUNIT_ASSERT_EQUAL (std::size_t (13), c.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("a?b?c?d?e?f?g"), c);
    expect_clean (std::string ("\x1b[31mred\x1b[0m"));
  }

  void long_agent_is_cut_to_512_bytes ()
  {
    std::string c (clean_user_agent (std::string (600, 'a')));
    CPPUNIT_ASSERT_EQUAL (std::string (512, 'a'), c);
    CPPUNIT_ASSERT_EQUAL (std::string (512, 'b'), clean_user_agent (std::string (512, 'b')));
  }

  void cut_never_splits_a_character ()
  {
    // A 2-, 3- and 4-byte character straddling byte 512 is dropped whole.
    CPPUNIT_ASSERT_EQUAL (std::string (511, 'a'),
                          clean_user_agent (std::string (511, 'a') + "\xc3\xa9zzz"));
    CPPUNIT_ASSERT_EQUAL (std::string (510, 'a'),
                          clean_user_agent (std::string (510, 'a') + "\xe2\x82\xac"));
    CPPUNIT_ASSERT_EQUAL (std::string (509, 'a'),
                          clean_user_agent (std::string (509, 'a') + "\xf0\x9f\x94\x91"));
    // One that ends exactly at byte 512 stays.
    std::string fits (std::string (508, 'a') + "\xf0\x9f\x94\x91");
    CPPUNIT_ASSERT_EQUAL (fits, clean_user_agent (fits + "tail"));

    std::string many;
    while (many.size () < 700)
      many += "\xe2\x82\xac";
    expect_clean (many);
    CPPUNIT_ASSERT_EQUAL (std::size_t (510), clean_user_agent (many).size ());
  }

  void invalid_utf8_becomes_valid ()
  {
    for (const std::string& raw: {std::string ("\xff\xfe"), std::string ("abc\xc3"),
                                  std::string ("\xc0\xaf" "etc"), std::string ("\xed\xa0\x80 x"),
                                  std::string ("\xc3\xa9\xff\xc3\xa9"),
                                  std::string (600, '\x80'),
                                  std::string (300, 'a') + "\xff" + std::string (300, 'b')})
      expect_clean (raw);
    CPPUNIT_ASSERT (contains (clean_user_agent ("curl/8.0 \xff\xfe (test) more text"),
                              "curl/8.0"));
  }

  void invalid_byte_near_the_end_keeps_the_text ()
  {
    // Dropping trailing bytes is only for a character split by the cut: ASCII text after a
    // stray byte must survive (the header promises a fallback to the ASCII subset).
    std::string c (clean_user_agent ("Mozilla\xff" "abc"));
    CPPUNIT_ASSERT_MESSAGE (c, contains (c, "Mozilla") && contains (c, "abc"));
    std::string d (clean_user_agent ("\xff" "abc"));
    CPPUNIT_ASSERT_MESSAGE (d, contains (d, "abc"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (user_agent_test);
