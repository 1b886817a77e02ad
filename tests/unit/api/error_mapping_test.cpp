// Tests of the API's edge: the HTTP status, headers and body of each domain error kind, the API's
// own 401s, and serve_api's one catch ladder.
#include <cppunit/extensions/HelperMacros.h>

#include <rapidjson/document.h>

#include "../../../src/api/error_mapping.hpp"
#include "../../../src/api/routes.hpp"
#include "../../../src/http/error_response.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::expect_http_error;

namespace
{
  const std::string* header (const http_error& e, const std::string& name)
  {
    for (const auto& h: e.headers)
      if (h.first == name)
        return &h.second;
    return nullptr;
  }

  rapidjson::Document body_of (const response& r)
  {
    rapidjson::Document d;
    d.Parse (r.body.data (), r.body.size ());
    CPPUNIT_ASSERT_MESSAGE (r.body, !d.HasParseError () && d.IsObject ());
    return d;
  }

  // A router whose one route throws `e`.
  router throwing (const std::exception_ptr& e)
  {
    router r;
    r.add ("GET", "/x", [e] (request&) -> response {std::rethrow_exception (e);});
    return r;
  }

  request get_x ()
  {
    request q;
    q.method = "GET";
    q.path = "/x";
    return q;
  }
}

class error_mapping_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (error_mapping_test);
  CPPUNIT_TEST (each_kind_has_its_status);
  CPPUNIT_TEST (code_and_message_pass_unchanged);
  CPPUNIT_TEST (a_refused_token_is_challenged_and_not_valid);
  CPPUNIT_TEST (throttled_says_its_own_wait);
  CPPUNIT_TEST (a_quota_says_its_wait_only_when_it_frees_by_itself);
  CPPUNIT_TEST (unavailable_says_retry_after_2);
  CPPUNIT_TEST (other_kinds_carry_no_header);
  CPPUNIT_TEST (missing_token_and_invalid_credentials);
  CPPUNIT_TEST (serve_api_answers_a_domain_error);
  CPPUNIT_TEST (serve_api_lets_http_errors_through);
  CPPUNIT_TEST_SUITE_END ();

public:
  void each_kind_has_its_status ()
  {
    CPPUNIT_ASSERT_EQUAL (400, http_status (error_kind::invalid_input));
    CPPUNIT_ASSERT_EQUAL (401, http_status (error_kind::unauthenticated));
    CPPUNIT_ASSERT_EQUAL (403, http_status (error_kind::forbidden));
    CPPUNIT_ASSERT_EQUAL (404, http_status (error_kind::not_found));
    CPPUNIT_ASSERT_EQUAL (409, http_status (error_kind::conflict));
    CPPUNIT_ASSERT_EQUAL (429, http_status (error_kind::throttled));
    CPPUNIT_ASSERT_EQUAL (429, http_status (error_kind::quota_exceeded));
    CPPUNIT_ASSERT_EQUAL (503, http_status (error_kind::unavailable));
  }

  void code_and_message_pass_unchanged ()
  {
    http_error e (to_http_error (domain_error (error_kind::conflict, "job_busy", "The job is x")));
    CPPUNIT_ASSERT_EQUAL (409, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("job_busy"), e.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("The job is x"), std::string (e.what ()));

    http_error v (to_http_error (invalid_input ("name must be at most 255 characters")));
    CPPUNIT_ASSERT_EQUAL (400, v.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("validation_error"), v.code);
    http_error n (to_http_error (not_found ("Session not found")));
    CPPUNIT_ASSERT_EQUAL (std::string ("not_found"), n.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("Session not found"), std::string (n.what ()));
  }

  void a_refused_token_is_challenged_and_not_valid ()
  {
    http_error e (to_http_error (invalid_session ()));
    CPPUNIT_ASSERT_EQUAL (401, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("invalid_session"), e.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("Invalid session"), std::string (e.what ()));
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), e.headers.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("Bearer error=\"invalid_token\""),
                          *header (e, "WWW-Authenticate"));
    CPPUNIT_ASSERT (e.token_refused);
    rapidjson::Document d (body_of (error_response (e)));
    CPPUNIT_ASSERT (d["valid"].IsFalse ());
  }

  void throttled_says_its_own_wait ()
  {
    domain_error t (throttled ("too_many_attempts", "Too many failed logins", 37));
    CPPUNIT_ASSERT_EQUAL (std::string ("Too many failed logins; try again in 37 seconds"),
                          std::string (t.what ()));
    http_error e (to_http_error (t));
    CPPUNIT_ASSERT_EQUAL (429, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("too_many_attempts"), e.code);
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), e.headers.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("37"), *header (e, "Retry-After"));
    CPPUNIT_ASSERT (!e.token_refused);
  }

  void a_quota_says_its_wait_only_when_it_frees_by_itself ()
  {
    domain_error d (quota_exceeded ("daily_job_limit", "200 jobs a day", 3600));
    CPPUNIT_ASSERT_EQUAL (std::string ("200 jobs a day; try again in 3600 seconds"),
                          std::string (d.what ()));
    http_error e (to_http_error (d));
    CPPUNIT_ASSERT_EQUAL (429, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("daily_job_limit"), e.code);
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), e.headers.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("3600"), *header (e, "Retry-After"));

    domain_error s (quota_exceeded ("session_limit", "1000 sessions; delete one first", 0));
    CPPUNIT_ASSERT_EQUAL (std::string ("1000 sessions; delete one first"), std::string (s.what ()));
    http_error f (to_http_error (s));
    CPPUNIT_ASSERT_EQUAL (429, f.status);
    CPPUNIT_ASSERT (f.headers.empty ());
  }

  void unavailable_says_retry_after_2 ()
  {
    http_error e (to_http_error (database_unavailable ()));
    CPPUNIT_ASSERT_EQUAL (503, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("database_unavailable"), e.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("Database unavailable, try again shortly"),
                          std::string (e.what ()));
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), e.headers.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("2"), *header (e, "Retry-After"));
  }

  void other_kinds_carry_no_header ()
  {
    for (error_kind k: {error_kind::invalid_input, error_kind::forbidden, error_kind::not_found,
                        error_kind::conflict})
    {
      http_error e (to_http_error (domain_error (k, "c", "m")));
      CPPUNIT_ASSERT (e.headers.empty ());
      CPPUNIT_ASSERT (!e.token_refused);
      rapidjson::Document d (body_of (error_response (e)));
      CPPUNIT_ASSERT (!d.HasMember ("valid"));
    }
  }

  void missing_token_and_invalid_credentials ()
  {
    http_error m (missing_token ());
    CPPUNIT_ASSERT_EQUAL (401, m.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("missing_token"), m.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("Authentication required"), std::string (m.what ()));
    CPPUNIT_ASSERT_EQUAL (std::string ("Bearer"), *header (m, "WWW-Authenticate"));
    CPPUNIT_ASSERT (m.token_refused);

    http_error c (invalid_credentials ());
    CPPUNIT_ASSERT_EQUAL (401, c.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("invalid_credentials"), c.code);
    CPPUNIT_ASSERT_EQUAL (std::string ("Invalid credentials"), std::string (c.what ()));
    CPPUNIT_ASSERT_EQUAL (std::size_t (1), c.headers.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("Bearer"), *header (c, "WWW-Authenticate"));
    CPPUNIT_ASSERT (!c.token_refused);
  }

  void serve_api_answers_a_domain_error ()
  {
    router r (throwing (std::make_exception_ptr (throttled ("too_many_registrations",
                                                            "Too many registrations", 5))));
    request q (get_x ());
    response a (serve_api (r, q));
    CPPUNIT_ASSERT_EQUAL (429, a.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("5"), *a.header ("Retry-After"));
    rapidjson::Document d (body_of (a));
    CPPUNIT_ASSERT_EQUAL (std::string ("too_many_registrations"),
                          std::string (d["code"].GetString ()));

    // The router's own "no such path" is a domain not_found too.
    request nowhere (get_x ());
    nowhere.path = "/nowhere";
    response n (serve_api (r, nowhere));
    CPPUNIT_ASSERT_EQUAL (404, n.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("Not found"),
                          std::string (body_of (n)["error"].GetString ()));
  }

  void serve_api_lets_http_errors_through ()
  {
    router r (throwing (std::make_exception_ptr (missing_token ())));
    request q (get_x ());
    CPPUNIT_ASSERT_EQUAL (401, expect_http_error ([&] {serve_api (r, q);}).status);

    request put (get_x ());
    put.method = "PUT";
    CPPUNIT_ASSERT_EQUAL (405, expect_http_error ([&] {serve_api (r, put);}).status);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (error_mapping_test);
