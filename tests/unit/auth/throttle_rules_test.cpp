// Tests of the throttling arithmetic: windows, doubling lockouts, the cap, Retry-After.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/throttle_rules.hpp"
#include "../../../src/common/clock.hpp"

using namespace modforge;

namespace
{
  const utc_time s = microseconds_per_second;
  const utc_time t0 = 1700000000 * s;

  throttle_config test_limits ()
  {
    throttle_config c;
    c.window_seconds = 900;
    c.base_delay_seconds = 60;
    c.max_delay_seconds = 900;
    c.registrations_per_address = 3;
    c.registration_window_seconds = 3600;
    return c;
  }
}

class throttle_rules_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (throttle_rules_test);
  CPPUNIT_TEST (locks_from_the_limit_on);
  CPPUNIT_TEST (delays_double_up_to_the_cap);
  CPPUNIT_TEST (failures_far_apart_start_again);
  CPPUNIT_TEST (retry_after_rounds_up_and_ends);
  CPPUNIT_TEST (registrations_fill_a_fixed_window);
  CPPUNIT_TEST_SUITE_END ();

public:
  void locks_from_the_limit_on ()
  {
    throttle_config c (test_limits ());
    login_throttle t;
    for (int i (1); i < 5; ++i)
    {
      count_failure (t, t0 + i * s, 5, c);
      CPPUNIT_ASSERT_EQUAL (0, retry_after_seconds (t, t0 + i * s));
    }
    count_failure (t, t0 + 5 * s, 5, c);
    CPPUNIT_ASSERT_EQUAL (5, t.events);
    CPPUNIT_ASSERT_EQUAL (60, retry_after_seconds (t, t0 + 5 * s));
  }

  void delays_double_up_to_the_cap ()
  {
    throttle_config c (test_limits ());
    CPPUNIT_ASSERT_EQUAL (60, lockout_seconds (5, 5, c));
    CPPUNIT_ASSERT_EQUAL (120, lockout_seconds (6, 5, c));
    CPPUNIT_ASSERT_EQUAL (480, lockout_seconds (8, 5, c));
    CPPUNIT_ASSERT_EQUAL (900, lockout_seconds (9, 5, c));
    CPPUNIT_ASSERT_EQUAL (900, lockout_seconds (1000000, 5, c)); // no overflow
  }

  void failures_far_apart_start_again ()
  {
    throttle_config c (test_limits ());
    login_throttle t;
    for (int i (0); i < 4; ++i)
      count_failure (t, t0 + i * 100 * s, 5, c);  // within 900 s of each other
    CPPUNIT_ASSERT_EQUAL (4, t.events);
    count_failure (t, t0 + 300 * s + 901 * s, 5, c);
    CPPUNIT_ASSERT_EQUAL (1, t.events);
    CPPUNIT_ASSERT (t.locked_until.null ());
  }

  void retry_after_rounds_up_and_ends ()
  {
    login_throttle t;
    CPPUNIT_ASSERT_EQUAL (0, retry_after_seconds (t, t0));
    t.locked_until = t0 + 10 * s;
    CPPUNIT_ASSERT_EQUAL (10, retry_after_seconds (t, t0));
    CPPUNIT_ASSERT_EQUAL (1, retry_after_seconds (t, t0 + 9 * s + 1));
    CPPUNIT_ASSERT_EQUAL (0, retry_after_seconds (t, t0 + 10 * s));
  }

  void registrations_fill_a_fixed_window ()
  {
    throttle_config c (test_limits ());
    login_throttle t;
    count_registration (t, t0, c);
    count_registration (t, t0 + 10 * s, c);
    CPPUNIT_ASSERT_EQUAL (0, retry_after_seconds (t, t0 + 10 * s));
    count_registration (t, t0 + 20 * s, c);
    CPPUNIT_ASSERT_EQUAL (3600 - 20, retry_after_seconds (t, t0 + 20 * s));
    // A new window once the first one is over.
    count_registration (t, t0 + 3600 * s, c);
    CPPUNIT_ASSERT_EQUAL (1, t.events);
    CPPUNIT_ASSERT_EQUAL (0, retry_after_seconds (t, t0 + 3600 * s));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (throttle_rules_test);
