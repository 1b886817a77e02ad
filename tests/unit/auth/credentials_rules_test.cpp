// Tests of the username, email and password rules.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/credentials_rules.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  bool password_ok (const std::string& p, std::size_t min = 8,
                    const std::string& user = "someone", const std::string& email = "s@x.org")
  {
    return check_password (p, min, user, email).empty ();
  }

  std::string repeat (const std::string& s, std::size_t n)
  {
    std::string r;
    for (std::size_t i (0); i != n; ++i)
      r += s;
    return r;
  }
}

class credentials_rules_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (credentials_rules_test);
  CPPUNIT_TEST (username_length);
  CPPUNIT_TEST (username_characters);
  CPPUNIT_TEST (email_shape);
  CPPUNIT_TEST (email_length_and_characters);
  CPPUNIT_TEST (password_length_in_bytes);
  CPPUNIT_TEST (password_encoding);
  CPPUNIT_TEST (password_not_username_or_email);
  CPPUNIT_TEST (password_minimum_is_configurable);
  CPPUNIT_TEST_SUITE_END ();

public:
  void username_length ()
  {
    CPPUNIT_ASSERT (check_username ("abc").empty ());
    CPPUNIT_ASSERT (check_username (std::string (50, 'a')).empty ());
    CPPUNIT_ASSERT (!check_username ("ab").empty ());
    CPPUNIT_ASSERT (!check_username (std::string (51, 'a')).empty ());
    CPPUNIT_ASSERT (!check_username ("").empty ());
  }

  void username_characters ()
  {
    CPPUNIT_ASSERT (check_username ("azAZ09_.-").empty ());
    CPPUNIT_ASSERT (check_username ("...").empty ());
    for (const char* bad: {"ab c", "abc ", "ab@c", "ab\xc3\xa9", "ab\tc", "ab/c", "ab+c",
                           "ab'c", "ab\"c", "ab;c"})
      CPPUNIT_ASSERT_MESSAGE (bad, !check_username (bad).empty ());
    CPPUNIT_ASSERT (!check_username (std::string ("ab\0c", 4)).empty ());
  }

  void email_shape ()
  {
    for (const char* ok: {"a@b.c", "user.name+tag@example.co.uk", "A@B.CO", "x_y@sub.d-omain.org"})
      CPPUNIT_ASSERT_MESSAGE (ok, check_email (ok).empty ());
    for (const char* bad: {"", "a", "a@b", "@b.c", "a@.com", "a@b.", "a@@b.c", "a@b@c.d",
                           "a@b..c", "ab.c"})
      CPPUNIT_ASSERT_MESSAGE (bad, !check_email (bad).empty ());
  }

  void email_length_and_characters ()
  {
    // 255 bytes: the longest local part (64) and labels of at most 63.
    const std::string local (64, 'a');
    const std::string labels (std::string (63, 'b') + "." + std::string (63, 'c') + ".");
    std::string longest (local + "@" + labels + std::string (58, 'd') + ".com");
    CPPUNIT_ASSERT_EQUAL (std::size_t (255), longest.size ());
    CPPUNIT_ASSERT (check_email (longest).empty ());
    CPPUNIT_ASSERT (!check_email (local + "@" + labels + std::string (59, 'd') + ".com").empty ());
    for (const char* bad: {"a b@c.d", "a@c .d", " a@b.c", "a@b.c ", "a\t@b.c", "a\n@b.c",
                           "a\x7f@b.c", "a\x01@b.c"})
      CPPUNIT_ASSERT_MESSAGE (bad, !check_email (bad).empty ());
    CPPUNIT_ASSERT (!check_email (std::string ("a\0@b.c", 6)).empty ());
  }

  void password_length_in_bytes ()
  {
    CPPUNIT_ASSERT (!password_ok ("1234567"));
    CPPUNIT_ASSERT (password_ok ("12345678"));
    CPPUNIT_ASSERT (password_ok (std::string (72, 'p')));
    std::string too_long (check_password (std::string (73, 'p'), 8, "u", "e@x.y"));
    CPPUNIT_ASSERT (!too_long.empty ());
    CPPUNIT_ASSERT (contains (too_long, "72"));

    // Bytes, not characters: 36 two-byte characters are 72 bytes; one more byte is too many.
    CPPUNIT_ASSERT (password_ok (repeat ("\xc3\xa9", 36)));
    CPPUNIT_ASSERT (!password_ok (repeat ("\xc3\xa9", 36) + "a"));
    CPPUNIT_ASSERT (password_ok (repeat ("\xf0\x9f\x94\x91", 18)));
    CPPUNIT_ASSERT (password_ok (repeat ("\xc3\xa9", 4)));   // 4 characters, 8 bytes
    CPPUNIT_ASSERT (!password_ok ("\xc3\xa9\xc3\xa9\xc3\xa9" "a")); // 7 bytes
  }

  void password_encoding ()
  {
    CPPUNIT_ASSERT (!password_ok (std::string ("abcd\0efgh", 9)));
    CPPUNIT_ASSERT (!password_ok (std::string ("\0abcdefgh", 9)));
    CPPUNIT_ASSERT (!password_ok ("abcdefgh\xff"));
    CPPUNIT_ASSERT (!password_ok ("abcdefgh\xc3"));
    CPPUNIT_ASSERT (!password_ok ("abcdefgh\xed\xa0\x80"));
  }

  void password_not_username_or_email ()
  {
    CPPUNIT_ASSERT (!check_password ("johndoe99", 8, "JohnDoe99", "j@x.org").empty ());
    CPPUNIT_ASSERT (!check_password ("JOHNDOE99", 8, "johndoe99", "j@x.org").empty ());
    CPPUNIT_ASSERT (!check_password ("mail@example.COM", 8, "someone", "Mail@Example.com").empty ());
    CPPUNIT_ASSERT (check_password ("johndoe99!", 8, "JohnDoe99", "j@x.org").empty ());
    // An empty username or email (a change of only one of them) is not compared.
    CPPUNIT_ASSERT (check_password ("longenough", 8, "", "").empty ());
  }

  void password_minimum_is_configurable ()
  {
    std::string e (check_password (std::string (11, 'p'), 12, "u", "e@x.y"));
    CPPUNIT_ASSERT (!e.empty ());
    CPPUNIT_ASSERT (contains (e, "12"));
    CPPUNIT_ASSERT (password_ok (std::string (12, 'p'), 12));
    CPPUNIT_ASSERT (password_ok ("abcd", 4));
    CPPUNIT_ASSERT (!password_ok ("abc", 4));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (credentials_rules_test);
