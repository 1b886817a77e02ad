// Tests of the addresses mail can carry: the dot-atom before the '@', DNS labels after it, and
// RFC 5321's lengths.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/mail_address.hpp"

using namespace modforge;

class mail_address_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (mail_address_test);
  CPPUNIT_TEST (accepts_dot_atoms_and_host_names);
  CPPUNIT_TEST (refuses_what_could_break_a_header_or_a_command);
  CPPUNIT_TEST (refuses_bad_dots_and_hyphens);
  CPPUNIT_TEST (lengths);
  CPPUNIT_TEST (domain);
  CPPUNIT_TEST_SUITE_END ();

public:
  void accepts_dot_atoms_and_host_names ()
  {
    for (const char* ok: {"a@b.c", "o'brien@example.org", "first.last+tag@sub.example.co.uk",
                          "!#$%&'*+-/=?^_`{|}~@example.org", "a@localhost",
                          "x@xn--bcher-kva.example", "UPPER@Example.COM", "1@2.3",
                          "a@a-b.c"})
      CPPUNIT_ASSERT_MESSAGE (ok, is_mail_address (ok));
  }

  void refuses_what_could_break_a_header_or_a_command ()
  {
    for (const char* bad: {"a<b@c.d", "a>b@c.d", "a,b@c.d", "a;b@c.d", "a:b@c.d", "\"a\"@b.c",
                           "a(b)@c.d", "a\\b@c.d", "a[b]@c.d", "a b@c.d", "a@b c.d",
                           "a\r\nBcc: x@y.z@c.d", "a@b.c\r\nRCPT TO:<x@y.z>", "a\n@b.c",
                           "a\t@b.c", "a\x7f@b.c", "a\x01@b.c", "jos\xc3\xa9@b.c",
                           "a@b\xc3\xbc.c", "a@[1.2.3.4]", "a@b_c.d", "a@b.c>", "<a@b.c>"})
      CPPUNIT_ASSERT_MESSAGE (bad, !is_mail_address (bad));
    CPPUNIT_ASSERT (!is_mail_address (std::string ("a\0@b.c", 6)));
    CPPUNIT_ASSERT (!is_mail_address (std::string ("a@b.c\0", 6)));
  }

  void refuses_bad_dots_and_hyphens ()
  {
    for (const char* bad: {"", "@", "a", "a@", "@b.c", ".a@b.c", "a.@b.c", "a..b@c.d", "a@.b",
                           "a@b.", "a@b..c", "a@-b.c", "a@b-.c", "a@b.-c", "a@@b.c", "a@b@c.d"})
      CPPUNIT_ASSERT_MESSAGE (bad, !is_mail_address (bad));
  }

  void lengths ()
  {
    const std::string label63 (63, 'b');
    CPPUNIT_ASSERT (is_mail_address (std::string (64, 'a') + "@b.c"));
    CPPUNIT_ASSERT (!is_mail_address (std::string (65, 'a') + "@b.c"));
    CPPUNIT_ASSERT (is_mail_address ("a@" + label63 + ".c"));
    CPPUNIT_ASSERT (!is_mail_address ("a@" + label63 + "b.c"));

    // 255 in all, and not one more.
    std::string d (label63 + "." + label63 + ".");
    std::string longest (std::string (64, 'a') + "@" + d + std::string (255 - 65 - d.size (), 'e'));
    CPPUNIT_ASSERT_EQUAL (std::size_t (255), longest.size ());
    CPPUNIT_ASSERT (is_mail_address (longest));
    CPPUNIT_ASSERT (!is_mail_address (longest + "e"));
  }

  void domain ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("example.org"), mail_domain ("a.b@example.org"));
    CPPUNIT_ASSERT_EQUAL (std::string (), mail_domain ("no at sign"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (mail_address_test);
