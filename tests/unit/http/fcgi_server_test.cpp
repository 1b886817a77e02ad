// Tests of the checks the FastCGI loop makes before reading a request: URI and body length.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/http/fcgi_server.hpp"
#include "../../../src/http/limits.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;
using modforge_test::expect_http_error;

namespace
{
  const std::size_t max_body (65536);

  http_error refused (const std::string& uri, const std::string& query,
                     const std::string& length)
  {
    return expect_http_error ([&] {check_request_limits (uri, query, length, max_body);});
  }
}

class fcgi_server_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (fcgi_server_test);
  CPPUNIT_TEST (uri_and_query_string_up_to_2048_bytes);
  CPPUNIT_TEST (declared_body_length_up_to_the_limit);
  CPPUNIT_TEST (uri_is_checked_before_the_body);
  CPPUNIT_TEST_SUITE_END ();

public:
  void uri_and_query_string_up_to_2048_bytes ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (2048), max_uri_bytes);
    std::string at (max_uri_bytes, 'a');
    CPPUNIT_ASSERT_EQUAL (std::size_t (0), check_request_limits (at, at, "", max_body));

    for (const auto& uq: {std::make_pair (at + "a", std::string ()),
                          std::make_pair (std::string ("/api/sessions"), at + "a"),
                          std::make_pair (std::string (100000, '/'), std::string ())})
    {
      http_error e (refused (uq.first, uq.second, ""));
      CPPUNIT_ASSERT_EQUAL (414, e.status);
      CPPUNIT_ASSERT_EQUAL (std::string ("uri_too_long"), e.code);
      CPPUNIT_ASSERT_MESSAGE (e.what (), contains (e.what (), "2048"));
    }
  }

  void declared_body_length_up_to_the_limit ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (0), check_request_limits ("/", "", "", max_body));
    CPPUNIT_ASSERT_EQUAL (std::size_t (0), check_request_limits ("/", "", "0", max_body));
    CPPUNIT_ASSERT_EQUAL (max_body, check_request_limits ("/", "", "65536", max_body));
    // Over the limit, or not a length nginx would send: never trusted to be small.
    for (const char* length: {"65537", "18446744073709551617", "99999999999999999999999",
                              "-1", "1e3", " 5", "5 ", "0x10", "abc"})
    {
      http_error e (refused ("/", "", length));
      CPPUNIT_ASSERT_EQUAL_MESSAGE (length, 413, e.status);
      CPPUNIT_ASSERT_EQUAL (std::string ("payload_too_large"), e.code);
    }
  }

  void uri_is_checked_before_the_body ()
  {
    CPPUNIT_ASSERT_EQUAL (414, refused (std::string (3000, 'a'), "", "999999999").status);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (fcgi_server_test);
