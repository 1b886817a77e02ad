// Tests of the clock's ISO 8601 formatting and its waits in whole seconds.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/clock.hpp"

using namespace modforge;

class clock_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (clock_test);
  CPPUNIT_TEST (formats_known_times);
  CPPUNIT_TEST (truncates_sub_seconds);
  CPPUNIT_TEST (formats_times_before_1970);
  CPPUNIT_TEST (milliseconds_are_kept_to_three_digits);
  CPPUNIT_TEST (seconds_until_rounds_up_and_ends);
  CPPUNIT_TEST (now_is_plausible);
  CPPUNIT_TEST_SUITE_END ();

public:
  void formats_known_times ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("1970-01-01T00:00:00Z"), format_iso8601 (0));
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-01-01T00:00:00Z"), format_iso8601 (1704067200000000));
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-02-29T12:34:56Z"),
                          format_iso8601 (1709210096LL * microseconds_per_second));
    CPPUNIT_ASSERT_EQUAL (std::string ("2038-01-19T03:14:08Z"),
                          format_iso8601 (2147483648LL * microseconds_per_second));
  }

  void truncates_sub_seconds ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-01-01T00:00:00Z"), format_iso8601 (1704067200999999));
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-01-01T00:00:01Z"), format_iso8601 (1704067201000000));
    CPPUNIT_ASSERT_EQUAL (std::string ("1970-01-01T00:00:00Z"), format_iso8601 (1));
  }

  void formats_times_before_1970 ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("1969-12-31T23:59:59Z"), format_iso8601 (-1));
    CPPUNIT_ASSERT_EQUAL (std::string ("1969-12-31T23:59:59Z"), format_iso8601 (-1000000));
    CPPUNIT_ASSERT_EQUAL (std::string ("1969-12-31T23:59:58Z"), format_iso8601 (-1000001));
    CPPUNIT_ASSERT_EQUAL (std::string ("1900-01-01T00:00:00Z"),
                          format_iso8601 (-2208988800LL * microseconds_per_second));
  }

  void milliseconds_are_kept_to_three_digits ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("2026-11-30T19:52:12.345Z"),
                          format_iso8601_milliseconds (1796068332345678LL));
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-01-01T00:00:00.000Z"),
                          format_iso8601_milliseconds (1704067200000999));
    CPPUNIT_ASSERT_EQUAL (std::string ("2024-01-01T00:00:00.999Z"),
                          format_iso8601_milliseconds (1704067200999999));
    CPPUNIT_ASSERT_EQUAL (std::string ("1969-12-31T23:59:59.999Z"),
                          format_iso8601_milliseconds (-1));
  }

  void seconds_until_rounds_up_and_ends ()
  {
    const utc_time t0 (1700000000 * microseconds_per_second);
    CPPUNIT_ASSERT_EQUAL (60, seconds_until (t0 + 60 * microseconds_per_second, t0));
    CPPUNIT_ASSERT_EQUAL (1, seconds_until (t0 + 1, t0));
    CPPUNIT_ASSERT_EQUAL (2, seconds_until (t0 + microseconds_per_second + 1, t0));
    CPPUNIT_ASSERT_EQUAL (0, seconds_until (t0, t0));
    CPPUNIT_ASSERT_EQUAL (0, seconds_until (t0 - 1, t0));
  }

  void now_is_plausible ()
  {
    utc_time a (now_utc ()), b (now_utc ());
    CPPUNIT_ASSERT (a > 1704067200000000);        // after 2024-01-01
    CPPUNIT_ASSERT (a < 4102444800000000);        // before 2100-01-01
    CPPUNIT_ASSERT (b >= a);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (clock_test);
