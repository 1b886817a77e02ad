// Tests of configuration parsing, environment overrides and validation.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/config.hpp"
#include "../test_support.hpp"
#include "config_listing.hpp"

using namespace modforge;
using modforge_test::contains;
using modforge_test::describe;
using modforge_test::every_config_key;

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
  CPPUNIT_TEST (several_database_hosts);
  CPPUNIT_TEST (unknown_key_throws);
  CPPUNIT_TEST (bad_values_throw);
  CPPUNIT_TEST (mail_settings_follow_the_rules_of_mail);
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
    CPPUNIT_ASSERT (c.database.ports == std::vector<int> {5432});
    CPPUNIT_ASSERT_EQUAL (std::string ("read-write"), c.database.target_session_attrs);
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
    CPPUNIT_ASSERT (c.database.ports == std::vector<int> {5433});
    CPPUNIT_ASSERT_EQUAL (std::size_t (1024), c.http.max_body_bytes);
    CPPUNIT_ASSERT_EQUAL (4, c.security.bcrypt_cost);
    CPPUNIT_ASSERT_EQUAL (std::size_t (12), c.security.password_min_length);
    CPPUNIT_ASSERT_EQUAL (0, c.security.last_used_write_interval_seconds);
    CPPUNIT_ASSERT_EQUAL (std::string ("/srv/mf"), c.files.data_dir);
    CPPUNIT_ASSERT_EQUAL (31, make_config (settings {{"security.bcrypt_cost", "31"}})
                                .security.bcrypt_cost);
  }

  // libpq's multi-host strings: one port for all hosts or one per host, and which server will do.
  void several_database_hosts ()
  {
    config c (make_config (settings {{"database.host", "db1, db2,db3"},
                                     {"database.port", "5432, 5433,5434"},
                                     {"database.target_session_attrs", "any"}}));
    CPPUNIT_ASSERT (database_hosts (c.database) ==
                    (std::vector<std::string> {"db1", "db2", "db3"}));
    CPPUNIT_ASSERT (c.database.ports == (std::vector<int> {5432, 5433, 5434}));
    CPPUNIT_ASSERT_EQUAL (std::string ("any"), c.database.target_session_attrs);
    CPPUNIT_ASSERT_NO_THROW (make_config (settings {{"database.host", "db1,db2"},
                                                    {"database.port", "6432"}}));
    std::string m (error_of ([] {make_config (settings {{"database.host", "db1,db2,db3"},
                                                        {"database.port", "1,2"}});}));
    CPPUNIT_ASSERT (contains (m, "database.port") && contains (m, "(3)"));
    CPPUNIT_ASSERT (contains (error_of ([] {make_config (settings {{"database.port", "5432,"}});}),
                              "database.port"));
    CPPUNIT_ASSERT (contains (error_of ([] {make_config (settings {
                                {"database.target_session_attrs", "primary-or-else"}});}),
                              "database.target_session_attrs"));
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

  void mail_settings_follow_the_rules_of_mail ()
  {
    for (const char* relay: {"smtp://127.0.0.1:25", "smtps://smtp.example.com",
                             "smtp://[::1]:2525/ehlo.example.com"})
      CPPUNIT_ASSERT_EQUAL (std::string (relay),
                            make_config (settings {{"mail.relay", relay}}).mail.relay);
    for (const char* relay: {"", "127.0.0.1:25", "http://example.com", "smtp://", "smtp:///x",
                             "smtp://a b", "smtp://a\r\nRCPT"})
      expect_bad ("mail.relay", relay);

    for (const char* from: {"", "modforge", "Mod Forge <m@example.com>", "a@b.c\r\nBcc: x@y.z"})
      expect_bad ("mail.from", from);
    expect_bad ("mail.from_name", "a\r\nBcc: x@y.z");
    expect_bad ("mail.from_name", "bad \xff");
    CPPUNIT_ASSERT_EQUAL (std::string ("Mod\xc3\xb8 Forge"),
                          make_config (settings {{"mail.from_name", "Mod\xc3\xb8 Forge"}})
                            .mail.from_name);

    CPPUNIT_ASSERT (make_config (settings {{"mail.starttls", "required"}}).mail.starttls ==
                    starttls_mode::required);
    CPPUNIT_ASSERT (make_config (settings {{"mail.starttls", "off"}}).mail.starttls ==
                    starttls_mode::off);
    CPPUNIT_ASSERT (config ().mail.starttls == starttls_mode::opportunistic);
    expect_bad ("mail.starttls", "yes");

    // A login only over TLS that is verified.
    for (const char* tls: {"opportunistic", "off"})
    {
      std::string m (error_of ([&] {make_config (settings {{"mail.username", "u"},
                                                           {"mail.starttls", tls}});}));
      CPPUNIT_ASSERT_MESSAGE (m, contains (m, "mail.username"));
    }
    make_config (settings {{"mail.username", "u"}, {"mail.starttls", "required"}});
    make_config (settings {{"mail.username", "u"}, {"mail.relay", "smtps://smtp.example.com"}});

    // The lease outlasts an attempt; delays grow.
    std::string m (error_of ([] {make_config (settings {{"mail.timeout", "120"}});}));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "mail.lease_seconds"));
    m = error_of ([] {make_config (settings {{"mail.retry_delay", "7200"}});});
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "mail.retry_max_delay"));

    // Links are built on the public address, without its trailing slashes.
    CPPUNIT_ASSERT_EQUAL (std::string ("https://mods.example/app"),
                          make_config (settings {{"http.public_url", "https://mods.example/app//"}})
                            .http.public_url);
    for (const char* url: {"mods.example", "ftp://mods.example", "https://", "https://a b",
                           "https://mods.example/#x"})
      expect_bad ("http.public_url", url);
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
    CPPUNIT_ASSERT (every_config_key () == keys);

    // The commented proxy list is a valid list; it, the database's address and password and the
    // mail password's file are examples, not defaults.
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), make_config (s).security.trusted_proxies.size ());
    for (const char* example: {"database.host", "database.password", "database.password_file",
                               "mail.password_file", "security.trusted_proxies"})
      s.erase (example);
    CPPUNIT_ASSERT_EQUAL (describe (config ()), describe (make_config (s)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (config_test);
