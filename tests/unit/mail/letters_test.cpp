// Tests of the texts of the service's mail: each link is the site's address with the token in its
// fragment, the token stands alone on a line, and lifetimes read as people say them.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "../../../src/mail/letters.hpp"

using namespace modforge;

namespace
{
  const std::string token (64, 'a');

  bool has_line (const std::string& body, const std::string& line)
  {
    return ("\n" + body).find ("\n" + line + "\n") != std::string::npos;
  }
}

class letters_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (letters_test);
  CPPUNIT_TEST (verification_links_to_the_fragment);
  CPPUNIT_TEST (reset_links_to_the_fragment);
  CPPUNIT_TEST (notices_carry_no_token);
  CPPUNIT_TEST (durations);
  CPPUNIT_TEST_SUITE_END ();

public:
  void verification_links_to_the_fragment ()
  {
    letter l (verification_letter ("alice", "alice@example.org", token, "https://mods.example",
                                   604800));
    CPPUNIT_ASSERT_EQUAL (std::string ("alice@example.org"), l.to);
    CPPUNIT_ASSERT (has_line (l.body, "https://mods.example/#verify=" + token));
    CPPUNIT_ASSERT (has_line (l.body, token));
    CPPUNIT_ASSERT (l.body.find ("7 days") != std::string::npos);
    CPPUNIT_ASSERT (l.body.find ("Hello alice,") == 0);
  }

  void reset_links_to_the_fragment ()
  {
    letter l (reset_letter ("bob", "bob@example.org", token, "http://127.0.0.1:3000", 1800));
    CPPUNIT_ASSERT_EQUAL (std::string ("Reset your modforge password"), l.subject);
    CPPUNIT_ASSERT (has_line (l.body, "http://127.0.0.1:3000/#reset=" + token));
    CPPUNIT_ASSERT (has_line (l.body, token));
    CPPUNIT_ASSERT (l.body.find ("30 minutes") != std::string::npos);
  }

  void notices_carry_no_token ()
  {
    letter p (password_changed_letter ("alice", "alice@example.org", "https://mods.example"));
    CPPUNIT_ASSERT_EQUAL (std::string ("alice@example.org"), p.to);
    CPPUNIT_ASSERT (p.body.find ("#") == std::string::npos);
    letter e (email_changed_letter ("alice", "old@example.org", "new@example.org",
                                    "https://mods.example"));
    CPPUNIT_ASSERT_EQUAL (std::string ("old@example.org"), e.to);
    CPPUNIT_ASSERT (e.body.find ("old@example.org to new@example.org") != std::string::npos);
    CPPUNIT_ASSERT (e.body.find ("#") == std::string::npos);
  }

  void durations ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("30 minutes"), describe_duration (1800));
    CPPUNIT_ASSERT_EQUAL (std::string ("1 minute"), describe_duration (60));
    CPPUNIT_ASSERT_EQUAL (std::string ("1 hour"), describe_duration (3600));
    CPPUNIT_ASSERT_EQUAL (std::string ("7 days"), describe_duration (604800));
    CPPUNIT_ASSERT_EQUAL (std::string ("90 seconds"), describe_duration (90));
    CPPUNIT_ASSERT_EQUAL (std::string ("25 hours"), describe_duration (90000));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (letters_test);
