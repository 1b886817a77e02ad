// Tests of the router: captures, literal-beats-capture, 404, 405 with Allow, HEAD, split_path.
#include <set>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/http/router.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::expect_domain_error;
using modforge_test::expect_http_error;

namespace
{
  handler answer (const std::string& marker)
  {
    return [marker] (request&) {response r; r.body = marker; return r;};
  }

  // Deliberately adds captures before the literals that must beat them.
  router make_router ()
  {
    router r;
    r.add ("GET", "/api/sessions", answer ("list"));
    r.add ("GET", "/api/sessions/{id}", answer ("get"));
    r.add ("PATCH", "/api/sessions/{id}", answer ("patch"));
    r.add ("DELETE", "/api/sessions/{id}", answer ("delete"));
    r.add ("GET", "/api/sessions/{id}/jobs", answer ("jobs"));
    r.add ("POST", "/api/sessions/new", answer ("new"));
    r.add ("GET", "/api/sessions/current/jobs", answer ("current"));
    r.add ("GET", "/api/jobs/{job_id}/images/{index}", answer ("image"));
    return r;
  }

  request make_request (const std::string& method, const std::string& path)
  {
    request q;
    q.method = method;
    q.path = path;
    return q;
  }

  std::set<std::string> split_allow (const std::string& allow)
  {
    std::set<std::string> r;
    std::size_t start (0);
    for (;;)
    {
      std::size_t comma (allow.find (',', start));
      std::string m (allow.substr (start, comma - start));
      m.erase (0, m.find_first_not_of (' '));
      r.insert (m);
      if (comma == std::string::npos)
        return r;
      start = comma + 1;
    }
  }

  const std::string* find_header (const http_error& e, const std::string& name)
  {
    for (const auto& h: e.headers)
      if (h.first == name)
        return &h.second;
    return nullptr;
  }
}

class router_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (router_test);
  CPPUNIT_TEST (captures_arrive_in_params);
  CPPUNIT_TEST (literal_beats_capture);
  CPPUNIT_TEST (unknown_path_is_404);
  CPPUNIT_TEST (wrong_method_is_405_with_allow);
  CPPUNIT_TEST (head_runs_the_get_route);
  CPPUNIT_TEST (empty_segment_and_trailing_slash_do_not_match);
  CPPUNIT_TEST (split_path_splits_segments);
  CPPUNIT_TEST_SUITE_END ();

public:
  void captures_arrive_in_params ()
  {
    router r (make_router ());
    request q (make_request ("GET", "/api/sessions/42"));
    CPPUNIT_ASSERT_EQUAL (std::string ("get"), r.dispatch (q).body);
    CPPUNIT_ASSERT_EQUAL (std::string ("42"), q.param ("id"));

    request two (make_request ("GET", "/api/jobs/abc-def/images/3"));
    CPPUNIT_ASSERT_EQUAL (std::string ("image"), r.dispatch (two).body);
    CPPUNIT_ASSERT_EQUAL (std::string ("abc-def"), two.param ("job_id"));
    CPPUNIT_ASSERT_EQUAL (std::string ("3"), two.param ("index"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), two.params.size ());
  }

  void literal_beats_capture ()
  {
    router r (make_router ());
    request n (make_request ("POST", "/api/sessions/new"));
    CPPUNIT_ASSERT_EQUAL (std::string ("new"), r.dispatch (n).body);
    CPPUNIT_ASSERT (n.params.empty ());

    request c (make_request ("GET", "/api/sessions/current/jobs"));
    CPPUNIT_ASSERT_EQUAL (std::string ("current"), r.dispatch (c).body);
    CPPUNIT_ASSERT (c.params.empty ());

    request j (make_request ("GET", "/api/sessions/7/jobs"));
    CPPUNIT_ASSERT_EQUAL (std::string ("jobs"), r.dispatch (j).body);
    CPPUNIT_ASSERT_EQUAL (std::string ("7"), j.param ("id"));
  }

  void unknown_path_is_404 ()
  {
    router r (make_router ());
    for (const char* p: {"/api/nothing", "/", "", "/api/sessions/1/2/3", "/API/sessions"})
    {
      request q (make_request ("GET", p));
      domain_error e (expect_domain_error ([&] {r.dispatch (q);}));
      CPPUNIT_ASSERT (e.kind == error_kind::not_found);
      CPPUNIT_ASSERT_EQUAL (std::string ("not_found"), e.code);
    }
  }

  void wrong_method_is_405_with_allow ()
  {
    router r (make_router ());
    request q (make_request ("PUT", "/api/sessions/42"));
    http_error e (expect_http_error ([&] {r.dispatch (q);}));
    CPPUNIT_ASSERT_EQUAL (405, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("method_not_allowed"), e.code);
    const std::string* allow (find_header (e, "Allow"));
    CPPUNIT_ASSERT (allow != nullptr);
    CPPUNIT_ASSERT (split_allow (*allow) == (std::set<std::string> {"GET", "HEAD", "PATCH", "DELETE"}));

    // The literal pattern is the best match, so only its methods are allowed.
    request n (make_request ("GET", "/api/sessions/new"));
    http_error en (expect_http_error ([&] {r.dispatch (n);}));
    CPPUNIT_ASSERT_EQUAL (405, en.status);
    allow = find_header (en, "Allow");
    CPPUNIT_ASSERT (allow != nullptr);
    CPPUNIT_ASSERT_EQUAL (std::string ("POST"), *allow);

    request l (make_request ("DELETE", "/api/sessions"));
    http_error el (expect_http_error ([&] {r.dispatch (l);}));
    CPPUNIT_ASSERT_EQUAL (405, el.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("GET, HEAD"), *find_header (el, "Allow"));
  }

  void head_runs_the_get_route ()
  {
    router r (make_router ());
    request q (make_request ("HEAD", "/api/sessions/42"));
    CPPUNIT_ASSERT_EQUAL (std::string ("get"), r.dispatch (q).body);
    CPPUNIT_ASSERT_EQUAL (std::string ("42"), q.param ("id"));

    // A path without GET has no HEAD either.
    request n (make_request ("HEAD", "/api/sessions/new"));
    http_error e (expect_http_error ([&] {r.dispatch (n);}));
    CPPUNIT_ASSERT_EQUAL (405, e.status);
    CPPUNIT_ASSERT_EQUAL (std::string ("POST"), *find_header (e, "Allow"));
  }

  void empty_segment_and_trailing_slash_do_not_match ()
  {
    router r (make_router ());
    for (const char* p: {"/api/sessions/", "/api/sessions//jobs", "/api/sessions/42/",
                         "/api/sessions/new/", "/api/jobs//images/1", "//api/sessions"})
    {
      request q (make_request ("GET", p));
      domain_error e (expect_domain_error ([&] {r.dispatch (q);}));
      CPPUNIT_ASSERT_MESSAGE (p, e.kind == error_kind::not_found);
    }
  }

  void split_path_splits_segments ()
  {
    typedef std::vector<std::string> v;
    CPPUNIT_ASSERT (split_path ("/a/b/c") == (v {"a", "b", "c"}));
    CPPUNIT_ASSERT (split_path ("/") == (v {""}));
    CPPUNIT_ASSERT (split_path ("/a/") == (v {"a", ""}));
    CPPUNIT_ASSERT (split_path ("/a//b") == (v {"a", "", "b"}));
    CPPUNIT_ASSERT (split_path ("/api/sessions/{id}") == (v {"api", "sessions", "{id}"}));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (router_test);
