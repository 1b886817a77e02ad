// Tests of the table of growing delays the throttle's statement locks by.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/throttle_rules.hpp"

using namespace modforge;

namespace
{
  throttle_config delays (int base, int max)
  {
    throttle_config c;
    c.base_delay_seconds = base;
    c.max_delay_seconds = max;
    return c;
  }
}

class throttle_rules_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (throttle_rules_test);
  CPPUNIT_TEST (delays_double_up_to_the_cap);
  CPPUNIT_TEST (a_cap_between_doublings_ends_the_table);
  CPPUNIT_TEST (equal_base_and_cap_is_one_delay);
  CPPUNIT_TEST (the_largest_range_stays_short);
  CPPUNIT_TEST_SUITE_END ();

public:
  void delays_double_up_to_the_cap ()
  {
    CPPUNIT_ASSERT (delay_table (delays (60, 900)) == (std::vector<int> {60, 120, 240, 480, 900}));
    CPPUNIT_ASSERT (delay_table (delays (2, 8)) == (std::vector<int> {2, 4, 8}));
  }

  void a_cap_between_doublings_ends_the_table ()
  {
    CPPUNIT_ASSERT (delay_table (delays (60, 100)) == (std::vector<int> {60, 100}));
  }

  void equal_base_and_cap_is_one_delay ()
  {
    CPPUNIT_ASSERT (delay_table (delays (30, 30)) == std::vector<int> {30});
  }

  // The widest the configuration allows (1 s doubling to a week): no overflow, and a table
  // short enough to bind as one parameter.
  void the_largest_range_stays_short ()
  {
    std::vector<int> t (delay_table (delays (1, 86400 * 7)));
    CPPUNIT_ASSERT_EQUAL (21, static_cast<int> (t.size ()));
    CPPUNIT_ASSERT_EQUAL (1, t.front ());
    CPPUNIT_ASSERT_EQUAL (86400 * 7, t.back ());
    for (std::size_t i (1); i + 1 < t.size (); ++i)
      CPPUNIT_ASSERT_EQUAL (2 * t[i - 1], t[i]);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (throttle_rules_test);
