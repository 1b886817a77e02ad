// Tests of configuration parsing, environment overrides and validation.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/config.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  // The message of the runtime_error that f throws; fails the test if there is none.
  template <typename F>
  std::string error_of (F f)
  {
    try
    {
      f ();
    }
    catch (const std::runtime_error& e)
    {
      return e.what ();
    }
    CPPUNIT_FAIL ("expected a std::runtime_error, none was thrown");
    throw 0;
  }

  std::string parse_error (const std::string& text)
  {
    return error_of ([&] {parse_settings (text, "test.conf");});
  }

  void expect_bad (const std::string& key, const std::string& value)
  {
    std::string m (error_of ([&] {make_config (settings {{key, value}});}));
    CPPUNIT_ASSERT_MESSAGE (key + "=" + value + ": " + m, contains (m, key));
  }
}

class config_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (config_test);
  CPPUNIT_TEST (parses_sections_comments_and_whitespace);
  CPPUNIT_TEST (syntax_errors_name_the_line);
  CPPUNIT_TEST (environment_overrides);
  CPPUNIT_TEST (defaults);
  CPPUNIT_TEST (values_are_applied);
  CPPUNIT_TEST (unknown_key_throws);
  CPPUNIT_TEST (bad_values_throw);
  CPPUNIT_TEST (example_file_documents_every_key);
  CPPUNIT_TEST_SUITE_END ();

public:
  void parses_sections_comments_and_whitespace ()
  {
    settings s (parse_settings ("# modforge\n"
                                "; another comment\n"
                                "\n"
                                "[database]\n"
                                "host = /run/postgresql\n"
                                "  password=a=b # not a comment  \n"
                                "  [ Security ]  \r\n"
                                "\tBCRYPT_COST\t=\t10\r\n"
                                "empty =\n",
                                "test.conf"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (4), s.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("/run/postgresql"), s["database.host"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("a=b # not a comment"), s["database.password"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("10"), s["security.bcrypt_cost"]);
    CPPUNIT_ASSERT (s.count ("security.empty") == 1 && s["security.empty"].empty ());
    CPPUNIT_ASSERT (parse_settings ("", "x").empty ());
  }

  void syntax_errors_name_the_line ()
  {
    CPPUNIT_ASSERT (contains (parse_error ("[database]\n\nhost\n"), "test.conf:3"));
    CPPUNIT_ASSERT (contains (parse_error ("host = x\n"), "test.conf:1"));
    CPPUNIT_ASSERT (contains (parse_error ("# c\n[database\nhost = x\n"), "test.conf:2"));
    CPPUNIT_ASSERT (contains (parse_error ("[]\n"), "test.conf:1"));
    CPPUNIT_ASSERT (contains (parse_error ("[database]\n = x\n"), "test.conf:2"));
  }

  void environment_overrides ()
  {
    char path[] = "PATH=/usr/bin";
    char cost[] = "MODFORGE_SECURITY_BCRYPT_COST=10";
    char file[] = "MODFORGE_DATABASE_PASSWORD_FILE=/run/secrets/db";
    char named[] = "MODFORGE_CONFIG=/tmp/other.conf";
    char infix[] = "XMODFORGE_HTTP_MAX_BODY_BYTES=1";
    char* env[] = {path, cost, file, named, infix, nullptr};

    settings s {{"security.bcrypt_cost", "12"}, {"database.host", "db"}};
    apply_environment (s, env);
    CPPUNIT_ASSERT_EQUAL (std::size_t (3), s.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("10"), s["security.bcrypt_cost"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("/run/secrets/db"), s["database.password_file"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("db"), s["database.host"]);
    CPPUNIT_ASSERT_EQUAL (10, make_config (s).security.bcrypt_cost);

    settings none;
    apply_environment (none, nullptr);
    CPPUNIT_ASSERT (none.empty ());
  }

  void defaults ()
  {
    config c (make_config (settings ()));
    CPPUNIT_ASSERT_EQUAL (12, c.security.bcrypt_cost);
    CPPUNIT_ASSERT_EQUAL (std::size_t (8), c.security.password_min_length);
    CPPUNIT_ASSERT_EQUAL (60, c.security.last_used_write_interval_seconds);
    CPPUNIT_ASSERT_EQUAL (std::size_t (65536), c.http.max_body_bytes);
    CPPUNIT_ASSERT_EQUAL (5432, c.database.port);
    CPPUNIT_ASSERT_EQUAL (std::string ("modforge"), c.database.name);
    CPPUNIT_ASSERT (c.database.password.empty ());
  }

  void values_are_applied ()
  {
    config c (make_config (settings {{"database.host", "/tmp/pg"}, {"database.port", "5433"},
                                     {"http.max_body_bytes", "1024"},
                                     {"security.bcrypt_cost", "4"},
                                     {"security.password_min_length", "12"},
                                     {"security.last_used_interval", "0"},
                                     {"files.data_dir", "/srv/mf"}}));
    CPPUNIT_ASSERT_EQUAL (std::string ("/tmp/pg"), c.database.host);
    CPPUNIT_ASSERT_EQUAL (5433, c.database.port);
    CPPUNIT_ASSERT_EQUAL (std::size_t (1024), c.http.max_body_bytes);
    CPPUNIT_ASSERT_EQUAL (4, c.security.bcrypt_cost);
    CPPUNIT_ASSERT_EQUAL (std::size_t (12), c.security.password_min_length);
    CPPUNIT_ASSERT_EQUAL (0, c.security.last_used_write_interval_seconds);
    CPPUNIT_ASSERT_EQUAL (std::string ("/srv/mf"), c.files.data_dir);
    CPPUNIT_ASSERT_EQUAL (31, make_config (settings {{"security.bcrypt_cost", "31"}})
                                .security.bcrypt_cost);
  }

  void unknown_key_throws ()
  {
    std::string m (error_of ([] {make_config (settings {{"security.bcrypt_costs", "12"}});}));
    CPPUNIT_ASSERT (contains (m, "security.bcrypt_costs"));
    CPPUNIT_ASSERT_THROW (make_config (settings {{"nosuch.key", "1"}}), std::runtime_error);
  }

  void bad_values_throw ()
  {
    for (const char* v: {"3", "32", "-12", "", "abc", "12x", "1.5", "99999999999999999999"})
      expect_bad ("security.bcrypt_cost", v);
    for (const char* v: {"0", "65536", "port"})
      expect_bad ("database.port", v);
    expect_bad ("http.max_body_bytes", "1023");
    expect_bad ("security.password_min_length", "73");
    expect_bad ("jobs.image_count", "9");
    expect_bad ("security.password_quality", "maybe");
    expect_bad ("throttle.account_failures", "0");
    CPPUNIT_ASSERT (make_config (settings {{"security.password_quality", "yes"}})
                      .security.password_quality);
    CPPUNIT_ASSERT (make_config (settings {{"security.trusted_proxies", " a,b  c "}})
                      .security.trusted_proxies == std::vector<std::string> ({"a", "b", "c"}));
    expect_bad ("jobs.max_attempts", "0");
    // A lease shorter than the analyser's timeout would let a second worker take a live job.
    std::string m (error_of ([] {make_config (settings {{"jobs.analyser_command", "cat"},
                                                        {"jobs.lease_seconds", "10"},
                                                        {"jobs.analyser_timeout", "10"}});}));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "jobs.lease_seconds"));
  }

  // conf/modforge.conf.example is what operators copy: with its commented-out keys switched on it
  // must load, name every key there is, and show the defaults the program really has.
  void example_file_documents_every_key ()
  {
    std::ifstream f ("conf/modforge.conf.example");
    CPPUNIT_ASSERT_MESSAGE ("run from the source tree: conf/modforge.conf.example", f.good ());
    std::stringstream text;
    text << f.rdbuf ();
    std::string all (std::regex_replace (text.str (), std::regex ("(^|\n)#([a-z_]+ =)"),
                                         "$1$2"));
    settings s (parse_settings (all, "modforge.conf.example"));

    std::set<std::string> keys;
    for (const auto& kv: s)
      keys.insert (kv.first);
    const std::set<std::string> expected {
      "database.host", "database.port", "database.name", "database.user", "database.password",
      "database.password_file", "database.connect_timeout", "http.max_body_bytes",
      "security.bcrypt_cost", "security.password_min_length", "security.last_used_interval",
      "files.data_dir", "jobs.image_count", "jobs.lease_seconds", "jobs.max_attempts",
      "jobs.poll_seconds", "jobs.analyser_command", "jobs.analyser_timeout",
      "security.trusted_proxies", "security.password_quality", "security.token_idle_timeout",
      "security.token_max_age", "throttle.account_failures", "throttle.address_failures",
      "throttle.window", "throttle.base_delay", "throttle.max_delay",
      "throttle.registrations_per_address", "throttle.registration_window"};
    CPPUNIT_ASSERT (expected == keys);

    s.erase ("database.password");
    s.erase ("database.password_file");
    s.erase ("database.host");
    config c (make_config (s)), d;
    CPPUNIT_ASSERT_EQUAL (d.database.port, c.database.port);
    CPPUNIT_ASSERT_EQUAL (d.database.name, c.database.name);
    CPPUNIT_ASSERT_EQUAL (d.database.user, c.database.user);
    CPPUNIT_ASSERT_EQUAL (d.database.connect_timeout_seconds, c.database.connect_timeout_seconds);
    CPPUNIT_ASSERT_EQUAL (d.http.max_body_bytes, c.http.max_body_bytes);
    CPPUNIT_ASSERT_EQUAL (d.security.bcrypt_cost, c.security.bcrypt_cost);
    CPPUNIT_ASSERT_EQUAL (d.security.password_min_length, c.security.password_min_length);
    CPPUNIT_ASSERT_EQUAL (d.security.last_used_write_interval_seconds,
                          c.security.last_used_write_interval_seconds);
    CPPUNIT_ASSERT_EQUAL (d.files.data_dir, c.files.data_dir);
    CPPUNIT_ASSERT_EQUAL (d.jobs.image_count, c.jobs.image_count);
    CPPUNIT_ASSERT_EQUAL (d.jobs.lease_seconds, c.jobs.lease_seconds);
    CPPUNIT_ASSERT_EQUAL (d.jobs.max_attempts, c.jobs.max_attempts);
    CPPUNIT_ASSERT_EQUAL (d.jobs.poll_seconds, c.jobs.poll_seconds);
    CPPUNIT_ASSERT_EQUAL (d.jobs.analyser_timeout_seconds, c.jobs.analyser_timeout_seconds);
    CPPUNIT_ASSERT_EQUAL (d.security.password_quality, c.security.password_quality);
    CPPUNIT_ASSERT_EQUAL (d.security.token_idle_timeout_seconds,
                          c.security.token_idle_timeout_seconds);
    CPPUNIT_ASSERT_EQUAL (d.security.token_max_age_seconds, c.security.token_max_age_seconds);
    CPPUNIT_ASSERT_EQUAL (d.throttle.account_failures, c.throttle.account_failures);
    CPPUNIT_ASSERT_EQUAL (d.throttle.address_failures, c.throttle.address_failures);
    CPPUNIT_ASSERT_EQUAL (d.throttle.window_seconds, c.throttle.window_seconds);
    CPPUNIT_ASSERT_EQUAL (d.throttle.base_delay_seconds, c.throttle.base_delay_seconds);
    CPPUNIT_ASSERT_EQUAL (d.throttle.max_delay_seconds, c.throttle.max_delay_seconds);
    CPPUNIT_ASSERT_EQUAL (d.throttle.registrations_per_address,
                          c.throttle.registrations_per_address);
    CPPUNIT_ASSERT_EQUAL (d.throttle.registration_window_seconds,
                          c.throttle.registration_window_seconds);
    // The example's commented proxy list is a valid list.
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), c.security.trusted_proxies.size ());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (config_test);
