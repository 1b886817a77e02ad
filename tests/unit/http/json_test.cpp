// Tests of the JSON helpers: nesting and member bounds, body parsing, typed and bounded field
// access, the writer.
#include <chrono>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/utf8.hpp"
#include "../../../src/http/json.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;
using modforge_test::expect_domain_error;
using modforge_test::expect_http_error;

namespace
{
  std::string nested (std::size_t depth)
  {
    return std::string (depth, '[') + std::string (depth, ']');
  }

  // {"k0":0,"k1":1,...}: an object of n members.
  std::string members (std::size_t n)
  {
    std::string r ("{");
    for (std::size_t i (0); i != n; ++i)
      r += (i == 0 ? "\"k" : ",\"k") + std::to_string (i) + "\":" + std::to_string (i);
    return r + "}";
  }

  void expect_invalid_json (const std::string& body)
  {
    http_error e (expect_http_error ([&] {parse_json_object (body);}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE (body, 400, e.status);
    CPPUNIT_ASSERT_EQUAL_MESSAGE (body, std::string ("invalid_json"), e.code);
  }

  void expect_field_error (const std::string& body, bool required_string_call)
  {
    rapidjson::Document d (parse_json_object (body));
    bool b;
    domain_error e (expect_domain_error ([&]
    {
      if (required_string_call)
        required_string (d, "name");
      else
        optional_bool (d, "name", b);
    }));
    CPPUNIT_ASSERT_MESSAGE (body, e.kind == error_kind::invalid_input);
    CPPUNIT_ASSERT_EQUAL_MESSAGE (body, std::string ("validation_error"), e.code);
    CPPUNIT_ASSERT_MESSAGE (e.what (), contains (e.what (), "name"));
  }

  std::string write (const std::string& v)
  {
    std::string out;
    json_writer (out).value (v);
    return out;
  }
}

class json_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (json_test);
  CPPUNIT_TEST (depth_counts_outside_strings_only);
  CPPUNIT_TEST (depth_limit_is_32);
  CPPUNIT_TEST (very_deep_nesting_is_refused_fast);
  CPPUNIT_TEST (object_member_limit_is_64_at_any_level);
  CPPUNIT_TEST (string_fields_are_bounded);
  CPPUNIT_TEST (empty_body_is_empty_object);
  CPPUNIT_TEST (non_object_top_level_is_400);
  CPPUNIT_TEST (malformed_body_is_400);
  CPPUNIT_TEST (invalid_utf8_is_400);
  CPPUNIT_TEST (escaped_lone_surrogate_never_yields_invalid_utf8);
  CPPUNIT_TEST (required_and_optional_strings);
  CPPUNIT_TEST (null_is_absent);
  CPPUNIT_TEST (wrong_type_names_the_field);
  CPPUNIT_TEST (embedded_nul_is_kept);
  CPPUNIT_TEST (optional_bool_reads_booleans);
  CPPUNIT_TEST (writer_escapes_strings);
  CPPUNIT_TEST (writer_members_and_nulls);
  CPPUNIT_TEST_SUITE_END ();

public:
  void depth_counts_outside_strings_only ()
  {
    std::string brackets (40, '[');
    CPPUNIT_ASSERT (json_depth_within ("{\"a\":\"" + brackets + "\"}", 2));
    CPPUNIT_ASSERT (json_depth_within ("{\"a\":\"\\\"" + brackets + "\"}", 2));
    // An escaped backslash ends the string: the brackets after it count.
    CPPUNIT_ASSERT (!json_depth_within ("[\"\\\\\"," + brackets, 32));
    // Closing brackets inside strings do not reduce the depth either.
    CPPUNIT_ASSERT (!json_depth_within ("[[\"]]]]\",[[]]]]", 3));
    CPPUNIT_ASSERT (json_depth_within ("[[],[],[[]]]", 3));
  }

  void depth_limit_is_32 ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (32), max_json_depth);
    CPPUNIT_ASSERT (json_depth_within (nested (32), max_json_depth));
    CPPUNIT_ASSERT (!json_depth_within (nested (33), max_json_depth));

    std::string ok ("{\"a\":" + nested (31) + "}");
    CPPUNIT_ASSERT (parse_json_object (ok).IsObject ());
    expect_invalid_json ("{\"a\":" + nested (32) + "}");
  }

  void very_deep_nesting_is_refused_fast ()
  {
    std::string deep ("{\"a\":" + nested (10000) + "}");
    auto start (std::chrono::steady_clock::now ());
    CPPUNIT_ASSERT (!json_depth_within (deep, max_json_depth));
    expect_invalid_json (deep);
    expect_invalid_json (std::string (10000, '{'));
    auto elapsed (std::chrono::steady_clock::now () - start);
    CPPUNIT_ASSERT (elapsed < std::chrono::milliseconds (200));
  }

  void object_member_limit_is_64_at_any_level ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (64), max_json_object_members);
    CPPUNIT_ASSERT_EQUAL (rapidjson::SizeType (64),
                          parse_json_object (members (64)).MemberCount ());
    expect_invalid_json (members (65));
    expect_invalid_json (members (10000));
    // Nested in an object or an array, it is the same.
    CPPUNIT_ASSERT (parse_json_object ("{\"a\":" + members (64) + "}").IsObject ());
    expect_invalid_json ("{\"a\":" + members (65) + "}");
    expect_invalid_json ("{\"a\":[1,{},[" + members (65) + "]]}");
    // Arrays are bounded by the body size only: 64 is a limit on keys.
    std::string list ("{\"a\":[0");
    for (int i (1); i != 1000; ++i)
      list += "," + std::to_string (i);
    CPPUNIT_ASSERT (parse_json_object (list + "]}").IsObject ());

    http_error e (expect_http_error ([&] {parse_json_object (members (65));}));
    CPPUNIT_ASSERT_EQUAL (std::string ("invalid_json"), e.code);
    CPPUNIT_ASSERT_MESSAGE (e.what (), contains (e.what (), "64"));
  }

  void string_fields_are_bounded ()
  {
    CPPUNIT_ASSERT_EQUAL (std::size_t (8192), max_json_string_bytes);
    std::string at (max_json_string_bytes, 'x');
    rapidjson::Document d (parse_json_object ("{\"ok\":\"" + at + "\",\"long\":\"" + at +
                                              "x\"}"));
    CPPUNIT_ASSERT_EQUAL (at, required_string (d, "ok"));
    std::string s;
    for (bool required: {true, false})
    {
      domain_error e (expect_domain_error ([&]
      {
        if (required)
          required_string (d, "long");
        else
          optional_string (d, "long", s);
      }));
      CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
      CPPUNIT_ASSERT_EQUAL (std::string ("validation_error"), e.code);
      CPPUNIT_ASSERT_MESSAGE (e.what (), contains (e.what (), "long") &&
                                         contains (e.what (), "8192"));
    }
    // A field's own bound, counted in bytes (a two-byte character counts twice).
    rapidjson::Document p (parse_json_object ("{\"password\":\"" + std::string (36, 'a') +
                                              "\xc3\xa9\"}"));
    CPPUNIT_ASSERT (optional_string (p, "password", s, 38));
    domain_error e (expect_domain_error ([&] {required_string (p, "password", 37);}));
    CPPUNIT_ASSERT_MESSAGE (e.what (), contains (e.what (), "password must be at most 37 bytes"));
  }

  void empty_body_is_empty_object ()
  {
    for (const char* body: {"", " ", " \r\n\t ", "{}", " { } "})
    {
      rapidjson::Document d (parse_json_object (body));
      CPPUNIT_ASSERT (d.IsObject ());
      CPPUNIT_ASSERT_EQUAL (rapidjson::SizeType (0), d.MemberCount ());
    }
  }

  void non_object_top_level_is_400 ()
  {
    for (const char* body: {"[]", "[{}]", "1", "\"s\"", "null", "true"})
      expect_invalid_json (body);
  }

  void malformed_body_is_400 ()
  {
    for (const char* body: {"{", "{\"a\":", "{\"a\":\"b", "{\"a\":1,}", "{a:1}", "{}x",
                            "{} {}", "{\"a\":'b'}"})
      expect_invalid_json (body);
  }

  void invalid_utf8_is_400 ()
  {
    for (const char* body: {"{\"a\":\"\xff\"}", "{\"a\":\"\xc3\"}", "{\"a\":\"\xc0\xaf\"}",
                            "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf4\x90\x80\x80\"}",
                            "{\"\xfe\":1}"})
      expect_invalid_json (body);
  }

  void escaped_lone_surrogate_never_yields_invalid_utf8 ()
  {
    // "\udc00" and "\ud800" name no character; whatever the parser does, it must not hand
    // invalid UTF-8 to the handlers (PostgreSQL would refuse it later).
    for (const char* body: {"{\"name\":\"\\udc00\"}", "{\"name\":\"\\ud800\"}",
                            "{\"name\":\"\\ud800x\"}", "{\"name\":\"\\udfff\\ud800\"}"})
    {
      try
      {
        rapidjson::Document d (parse_json_object (body));
        std::string s;
        optional_string (d, "name", s);
        CPPUNIT_ASSERT_MESSAGE (body, is_valid_utf8 (s));
      }
      catch (const http_error& e)
      {
        CPPUNIT_ASSERT_EQUAL_MESSAGE (body, 400, e.status);
      }
    }
    // A proper pair is fine.
    rapidjson::Document d (parse_json_object ("{\"name\":\"\\ud834\\udd1e\"}"));
    CPPUNIT_ASSERT_EQUAL (std::string ("\xf0\x9d\x84\x9e"), required_string (d, "name"));
  }

  void required_and_optional_strings ()
  {
    rapidjson::Document d (parse_json_object ("{\"name\":\"x y\",\"other\":\"\"}"));
    CPPUNIT_ASSERT_EQUAL (std::string ("x y"), required_string (d, "name"));
    CPPUNIT_ASSERT_EQUAL (std::string (""), required_string (d, "other"));

    std::string s ("untouched");
    CPPUNIT_ASSERT (!optional_string (d, "missing", s));
    CPPUNIT_ASSERT_EQUAL (std::string ("untouched"), s);
    CPPUNIT_ASSERT (optional_string (d, "name", s));
    CPPUNIT_ASSERT_EQUAL (std::string ("x y"), s);

    rapidjson::Document empty (parse_json_object (""));
    domain_error e (expect_domain_error ([&] {required_string (empty, "password");}));
    CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
    CPPUNIT_ASSERT_EQUAL (std::string ("validation_error"), e.code);
    CPPUNIT_ASSERT (contains (e.what (), "password"));
  }

  void null_is_absent ()
  {
    rapidjson::Document d (parse_json_object ("{\"name\":null}"));
    CPPUNIT_ASSERT (find_member (d, "name") == nullptr);
    std::string s;
    CPPUNIT_ASSERT (!optional_string (d, "name", s));
    bool b (true);
    CPPUNIT_ASSERT (!optional_bool (d, "name", b));
    CPPUNIT_ASSERT (b);
    domain_error e (expect_domain_error ([&] {required_string (d, "name");}));
    CPPUNIT_ASSERT (e.kind == error_kind::invalid_input);
    CPPUNIT_ASSERT (contains (e.what (), "name"));
  }

  void wrong_type_names_the_field ()
  {
    for (const char* body: {"{\"name\":1}", "{\"name\":true}", "{\"name\":[]}",
                            "{\"name\":{}}"})
      expect_field_error (body, true);
    for (const char* body: {"{\"name\":1}", "{\"name\":\"true\"}", "{\"name\":[]}", "{\"name\":0}"})
      expect_field_error (body, false);
  }

  void embedded_nul_is_kept ()
  {
    rapidjson::Document d (parse_json_object ("{\"name\":\"a\\u0000b\"}"));
    std::string s (required_string (d, "name"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (3), s.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("a\0b", 3), s);
  }

  void optional_bool_reads_booleans ()
  {
    rapidjson::Document d (parse_json_object ("{\"t\":true,\"f\":false}"));
    bool b (false);
    CPPUNIT_ASSERT (optional_bool (d, "t", b));
    CPPUNIT_ASSERT (b);
    CPPUNIT_ASSERT (optional_bool (d, "f", b));
    CPPUNIT_ASSERT (!b);
    b = true;
    CPPUNIT_ASSERT (!optional_bool (d, "missing", b));
    CPPUNIT_ASSERT (b);
  }

  void writer_escapes_strings ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("\"q\\\"b\\\\s\""), write ("q\"b\\s"));
    CPPUNIT_ASSERT_EQUAL (std::string ("\"\\n\\t\\r\\b\\f\\u0001\\u001F\""),
                          write ("\n\t\r\b\f\x01\x1f"));
    CPPUNIT_ASSERT_EQUAL (std::string ("\"\\u0000\""), write (std::string ("\0", 1)));
    CPPUNIT_ASSERT_EQUAL (std::string ("\"caf\xc3\xa9 \xe2\x82\xac\""),
                          write ("caf\xc3\xa9 \xe2\x82\xac"));

    // Whatever the exact form, what is written parses back to the same string.
    const char raw[] = "<\"\\/\x7f\x01\xc3\xa9\n\0end";
    std::string tricky (raw, sizeof (raw) - 1);
    std::string doc;
    json_writer (doc).begin_object ().member ("k", tricky).end_object ();
    rapidjson::Document d (parse_json_object (doc));
    CPPUNIT_ASSERT_EQUAL (tricky, required_string (d, "k"));
  }

  void writer_members_and_nulls ()
  {
    std::string out, name ("n");
    json_writer w (out);
    w.begin_object ()
      .member ("s", std::string ("v"))
      .member ("c", "lit")
      .member ("b", false)
      .member ("i", -7)
      .member ("l", std::int64_t (9007199254740993))
      .key ("a").begin_array ().value_or_null (nullptr).value_or_null (&name).null ().end_array ()
      .end_object ();
    CPPUNIT_ASSERT_EQUAL (
      std::string ("{\"s\":\"v\",\"c\":\"lit\",\"b\":false,\"i\":-7,\"l\":9007199254740993,"
                   "\"a\":[null,\"n\",null]}"),
      out);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (json_test);
