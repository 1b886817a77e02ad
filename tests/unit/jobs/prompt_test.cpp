// Tests of a prompt as the job service stores it: trimmed, 1-2000 characters, no control
// characters but line breaks and tabs.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/jobs/job_service.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::expect_domain_error;

namespace
{
  std::string refusal (const std::string& raw)
  {
    domain_error e (expect_domain_error ([&] {job_service::normalize_prompt (raw);}));
    CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
    return e.what ();
  }
}

class prompt_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (prompt_test);
  CPPUNIT_TEST (trimmed_and_required);
  CPPUNIT_TEST (at_most_2000_characters);
  CPPUNIT_TEST (line_breaks_and_tabs_but_no_other_controls);
  CPPUNIT_TEST_SUITE_END ();

public:
  void trimmed_and_required ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("a frost sword"),
                          job_service::normalize_prompt ("\n\t a frost sword \r\n"));
    for (const char* blank: {"", " ", "\r\n\t "})
      CPPUNIT_ASSERT_EQUAL (std::string ("prompt is required (1-2000 characters)"),
                            refusal (blank));
  }

  void at_most_2000_characters ()
  {
    std::string accents;
    for (int i (0); i != 2000; ++i)
      accents += "\xc3\xa9";
    CPPUNIT_ASSERT_EQUAL (accents, job_service::normalize_prompt (accents));
    CPPUNIT_ASSERT_EQUAL (std::string ("prompt must be at most 2000 characters"),
                          refusal (accents + "e"));
  }

  void line_breaks_and_tabs_but_no_other_controls ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("a\nb\tc\r\nd"),
                          job_service::normalize_prompt ("a\nb\tc\r\nd"));
    for (const std::string& bad: {std::string ("a\x01"), std::string ("a\x7f" "b"),
                                  std::string ("a\0b", 3), std::string ("a\x1b[31m")})
      CPPUNIT_ASSERT_EQUAL (std::string ("prompt must not contain control characters"),
                            refusal (bad));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (prompt_test);
