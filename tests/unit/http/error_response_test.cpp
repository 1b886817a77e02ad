// Tests of the JSON error responses: body, "valid":false, headers and the CGI head.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/http/error_response.hpp"
#include "../../../src/http/json.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  rapidjson::Document body_of (const response& r)
  {
    rapidjson::Document d;
    d.Parse (r.body.data (), r.body.size ());
    CPPUNIT_ASSERT_MESSAGE (r.body, !d.HasParseError () && d.IsObject ());
    return d;
  }
}

class error_response_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (error_response_test);
  CPPUNIT_TEST (body_has_success_error_and_code);
  CPPUNIT_TEST (valid_false_only_when_a_token_is_refused);
  CPPUNIT_TEST (extra_headers_are_copied);
  CPPUNIT_TEST (head_is_cgi_form);
  CPPUNIT_TEST_SUITE_END ();

public:
  void body_has_success_error_and_code ()
  {
    response r (error_response (http_error (404, "not_found", "Session \"x\"\nnot found")));
    CPPUNIT_ASSERT_EQUAL (404, r.status);
    rapidjson::Document d (body_of (r));
    CPPUNIT_ASSERT_EQUAL (3u, d.MemberCount ());
    CPPUNIT_ASSERT (d["success"].IsBool () && !d["success"].GetBool ());
    CPPUNIT_ASSERT_EQUAL (std::string ("Session \"x\"\nnot found"),
                          std::string (d["error"].GetString ()));
    CPPUNIT_ASSERT_EQUAL (std::string ("not_found"), std::string (d["code"].GetString ()));
    CPPUNIT_ASSERT (r.header ("content-type") != nullptr);
    CPPUNIT_ASSERT_EQUAL (std::string ("application/json; charset=utf-8"),
                          *r.header ("Content-Type"));
  }

  void valid_false_only_when_a_token_is_refused ()
  {
    http_error refused (401, "invalid_session", "Invalid session");
    refused.token_refused = true;
    rapidjson::Document d (body_of (error_response (refused)));
    CPPUNIT_ASSERT (d.HasMember ("valid") && d["valid"].IsBool () && !d["valid"].GetBool ());
    CPPUNIT_ASSERT (d["success"].IsFalse ());
    CPPUNIT_ASSERT_EQUAL (4u, d.MemberCount ());

    for (const http_error& e: {http_error (401, "invalid_credentials", "Invalid credentials"),
                               http_error (400, "validation_error", "x"),
                               http_error (503, "database_unavailable", "y")})
    {
      rapidjson::Document o (body_of (error_response (e)));
      CPPUNIT_ASSERT_MESSAGE (e.code, !o.HasMember ("valid"));
      CPPUNIT_ASSERT_EQUAL (e.code, std::string (o["code"].GetString ()));
    }
  }

  void extra_headers_are_copied ()
  {
    http_error e (405, "method_not_allowed", "no");
    e.headers.emplace_back ("Allow", "GET, POST");
    e.headers.emplace_back ("Retry-After", "2");
    response a (error_response (e));
    CPPUNIT_ASSERT_EQUAL (405, a.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("GET, POST"), *a.header ("Allow"));
    CPPUNIT_ASSERT_EQUAL (std::string ("2"), *a.header ("Retry-After"));
    CPPUNIT_ASSERT (a.header ("Content-Type") != nullptr);
  }

  void head_is_cgi_form ()
  {
    std::string h (error_response (http_error (404, "not_found", "Not found")).head ());
    CPPUNIT_ASSERT_EQUAL (0u, static_cast<unsigned> (h.find ("Status: 404 Not Found\r\n")));
    CPPUNIT_ASSERT (contains (h, "\r\nContent-Type: application/json; charset=utf-8\r\n"));
    CPPUNIT_ASSERT (h.size () >= 4 && h.compare (h.size () - 4, 4, "\r\n\r\n") == 0);
    CPPUNIT_ASSERT (!contains (h.substr (0, h.size () - 4), "\r\n\r\n"));

    http_error u (401, "invalid_session", "Invalid session");
    u.headers.emplace_back ("WWW-Authenticate", "Bearer");
    std::string w (error_response (u).head ());
    CPPUNIT_ASSERT_EQUAL (0u, static_cast<unsigned> (w.find ("Status: 401 Unauthorized\r\n")));
    CPPUNIT_ASSERT (contains (w, "\r\nWWW-Authenticate: Bearer\r\n"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (error_response_test);
