// Tests of query string parsing and percent-decoding.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/http/query_string.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::expect_domain_error;

class query_string_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (query_string_test);
  CPPUNIT_TEST (decodes_names_and_values);
  CPPUNIT_TEST (plus_is_space_only_when_asked);
  CPPUNIT_TEST (malformed_escapes_are_400);
  CPPUNIT_TEST (repeated_and_empty_keys);
  CPPUNIT_TEST (pairs_keep_order_and_repeats);
  CPPUNIT_TEST_SUITE_END ();

public:
  void decodes_names_and_values ()
  {
    auto q (parse_query_string ("limit=10&offset=20&n%61me=%41%2b%2F%c3%A9"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (3), q.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("10"), q["limit"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("20"), q["offset"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("A+/\xc3\xa9"), q["name"]);
    CPPUNIT_ASSERT (parse_query_string ("").empty ());
    CPPUNIT_ASSERT_EQUAL (std::string ("a=b"), parse_query_string ("x=a%3Db")["x"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("a=b"), parse_query_string ("x=a=b")["x"]);
  }

  void plus_is_space_only_when_asked ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("two words"),
                          parse_query_string ("q=two+words")["q"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("a b"), parse_query_string ("a+b=1").begin ()->first);
    CPPUNIT_ASSERT_EQUAL (std::string ("a+b c"), percent_decode ("a+b%20c", false));
    CPPUNIT_ASSERT_EQUAL (std::string ("a b c"), percent_decode ("a+b%20c", true));
  }

  void malformed_escapes_are_400 ()
  {
    for (const char* q: {"a=%", "a=%4", "a=%zz", "a=%g1", "a=%1g", "%=1", "a=1&b=%%41",
                         "a=%-1"})
    {
      domain_error e (expect_domain_error ([&] {parse_query_string (q);}));
      CPPUNIT_ASSERT_MESSAGE (q, e.kind == error_kind::invalid_input);
      CPPUNIT_ASSERT_EQUAL (std::string ("validation_error"), e.code);
    }
    domain_error e (expect_domain_error ([] {percent_decode ("abc%", false);}));
    CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
  }

  void repeated_and_empty_keys ()
  {
    // The last of repeated keys wins.
    auto r (parse_query_string ("a=1&a=2"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), r.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("2"), r["a"]);

    // Empty pairs are skipped; a name without '=' has an empty value.
    auto e (parse_query_string ("&&a=1&&flag&b=&"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (3), e.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("1"), e["a"]);
    CPPUNIT_ASSERT (e.count ("flag") == 1 && e["flag"].empty ());
    CPPUNIT_ASSERT (e.count ("b") == 1 && e["b"].empty ());
  }

  void pairs_keep_order_and_repeats ()
  {
    // What query_integer needs to refuse "?limit=1&limit=100".
    auto p (query_pairs ("limit=1&&offset&lim%69t=100&x=%41+b"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (4), p.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("limit"), p[0].first);
    CPPUNIT_ASSERT_EQUAL (std::string ("1"), p[0].second);
    CPPUNIT_ASSERT_EQUAL (std::string ("offset"), p[1].first);
    CPPUNIT_ASSERT (p[1].second.empty ());
    CPPUNIT_ASSERT_EQUAL (std::string ("limit"), p[2].first);
    CPPUNIT_ASSERT_EQUAL (std::string ("100"), p[2].second);
    CPPUNIT_ASSERT_EQUAL (std::string ("A b"), p[3].second);
    CPPUNIT_ASSERT (query_pairs ("").empty ());
    CPPUNIT_ASSERT (expect_domain_error ([] {query_pairs ("a=1&b=%zz");}).kind ==
                    error_kind::invalid_input);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (query_string_test);
