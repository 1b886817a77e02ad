// Tests of the outbox's retry schedule: delays that double up to a cap, and a day of tries with
// the defaults before a message is given up.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/clock.hpp"
#include "../../../src/mail/retry_schedule.hpp"

using namespace modforge;

class retry_schedule_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (retry_schedule_test);
  CPPUNIT_TEST (delays_double_up_to_the_cap);
  CPPUNIT_TEST (defaults_try_for_a_day);
  CPPUNIT_TEST_SUITE_END ();

public:
  void delays_double_up_to_the_cap ()
  {
    mail_config c;
    c.retry_delay_seconds = 60;
    c.retry_max_delay_seconds = 3600;
    const int expected[] = {60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (int attempt (1); attempt <= 8; ++attempt)
      CPPUNIT_ASSERT_EQUAL (expected[attempt - 1], retry_delay_seconds (attempt, c));
    CPPUNIT_ASSERT_EQUAL (3600, retry_delay_seconds (1000000, c));
    c.retry_delay_seconds = c.retry_max_delay_seconds = 5;
    CPPUNIT_ASSERT_EQUAL (5, retry_delay_seconds (3, c));
  }

  // With the shipped values a relay that stays away is tried about 30 times over 24 hours,
  // then the message is failed.
  void defaults_try_for_a_day ()
  {
    mail_config c;
    const utc_time queued (1000 * microseconds_per_second);
    utc_time now (queued);
    int attempts (0);
    while (true)
    {
      ++attempts;                      // an attempt at `now`, which fails
      if (out_of_retries (queued, now, c))
        break;
      now += retry_delay_seconds (attempts, c) * microseconds_per_second;
    }
    CPPUNIT_ASSERT (now - queued >= 86400 * microseconds_per_second);
    CPPUNIT_ASSERT (now - queued < (86400 + 3600) * microseconds_per_second);
    CPPUNIT_ASSERT_EQUAL (30, attempts);
    CPPUNIT_ASSERT (!out_of_retries (queued, queued + 86399 * microseconds_per_second, c));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (retry_schedule_test);
