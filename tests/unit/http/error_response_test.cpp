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
  CPPUNIT_TEST (valid_false_only_for_token_errors);
  CPPUNIT_TEST (extra_headers_are_copied);
  CPPUNIT_TEST (head_is_cgi_form);
  CPPUNIT_TEST_SUITE_END ();

public:
  void body_has_success_error_and_code ()
  {
    response r (error_response (api_error (404, "not_found", "Session \"x\"\nnot found")));
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

  void valid_false_only_for_token_errors ()
  {
    for (const api_error& e: {missing_token (), invalid_session ()})
    {
      rapidjson::Document d (body_of (error_response (e)));
      CPPUNIT_ASSERT_EQUAL (401, e.status);
      CPPUNIT_ASSERT (d.HasMember ("valid") && d["valid"].IsBool () && !d["valid"].GetBool ());
      CPPUNIT_ASSERT (d["success"].IsFalse ());
    }
    for (const api_error& e: {api_error (401, "invalid_credentials", "Invalid credentials"),
                              validation_error ("x"), not_found ("y"), database_unavailable ()})
    {
      rapidjson::Document d (body_of (error_response (e)));
      CPPUNIT_ASSERT_MESSAGE (e.code, !d.HasMember ("valid"));
      CPPUNIT_ASSERT_EQUAL (e.code, std::string (d["code"].GetString ()));
    }
  }

  void extra_headers_are_copied ()
  {
    response t (error_response (missing_token ()));
    CPPUNIT_ASSERT (t.header ("WWW-Authenticate") != nullptr);
    CPPUNIT_ASSERT_EQUAL (std::string ("Bearer"), *t.header ("WWW-Authenticate"));

    api_error e (405, "method_not_allowed", "no");
    e.headers.emplace_back ("Allow", "GET, POST");
    response a (error_response (e));
    CPPUNIT_ASSERT_EQUAL (405, a.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("GET, POST"), *a.header ("Allow"));
    CPPUNIT_ASSERT (a.header ("Content-Type") != nullptr);

    response u (error_response (database_unavailable ()));
    CPPUNIT_ASSERT_EQUAL (503, u.status);
    CPPUNIT_ASSERT (u.header ("Retry-After") != nullptr);
  }

  void head_is_cgi_form ()
  {
    std::string h (error_response (not_found ("Not found")).head ());
    CPPUNIT_ASSERT_EQUAL (0u, static_cast<unsigned> (h.find ("Status: 404 Not Found\r\n")));
    CPPUNIT_ASSERT (contains (h, "\r\nContent-Type: application/json; charset=utf-8\r\n"));
    CPPUNIT_ASSERT (h.size () >= 4 && h.compare (h.size () - 4, 4, "\r\n\r\n") == 0);
    CPPUNIT_ASSERT (!contains (h.substr (0, h.size () - 4), "\r\n\r\n"));

    std::string w (error_response (invalid_session ()).head ());
    CPPUNIT_ASSERT_EQUAL (0u, static_cast<unsigned> (w.find ("Status: 401 Unauthorized\r\n")));
    CPPUNIT_ASSERT (contains (w, "\r\nWWW-Authenticate: Bearer"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (error_response_test);
