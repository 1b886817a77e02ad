// Tests of the database circuit breaker: closed lets everything through, open one probe per
// interval, the first answer closes it, and each change is reported once.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/db/circuit_breaker.hpp"

using namespace modforge;
using std::chrono::milliseconds;

class circuit_breaker_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (circuit_breaker_test);
  CPPUNIT_TEST (closed_lets_everything_through);
  CPPUNIT_TEST (open_lets_one_probe_per_interval);
  CPPUNIT_TEST (an_answer_closes_it);
  CPPUNIT_TEST (a_failed_probe_keeps_it_open);
  CPPUNIT_TEST_SUITE_END ();

  const circuit_breaker::time_point t0 {};

public:
  void closed_lets_everything_through ()
  {
    circuit_breaker b (milliseconds (1000));
    for (int i (0); i != 5; ++i)
      CPPUNIT_ASSERT (b.allows (t0));
    milliseconds open_for (0);
    CPPUNIT_ASSERT (!b.answered (t0, open_for));   // nothing to report
    CPPUNIT_ASSERT (!b.open ());
  }

  void open_lets_one_probe_per_interval ()
  {
    circuit_breaker b (milliseconds (1000));
    CPPUNIT_ASSERT (b.failed (t0));                 // opened: reported
    CPPUNIT_ASSERT (b.open ());
    CPPUNIT_ASSERT (!b.allows (t0));
    CPPUNIT_ASSERT (!b.allows (t0 + milliseconds (999)));
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (1000)));       // the probe
    CPPUNIT_ASSERT (!b.allows (t0 + milliseconds (1001)));      // one per interval
    CPPUNIT_ASSERT (!b.allows (t0 + milliseconds (1999)));
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (2000)));
  }

  void an_answer_closes_it ()
  {
    circuit_breaker b (milliseconds (1000));
    b.failed (t0);
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (1500)));
    milliseconds open_for (0);
    CPPUNIT_ASSERT (b.answered (t0 + milliseconds (1600), open_for));
    CPPUNIT_ASSERT_EQUAL (1600L, static_cast<long> (open_for.count ()));
    CPPUNIT_ASSERT (!b.open ());
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (1601)));
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (1601)));
  }

  void a_failed_probe_keeps_it_open ()
  {
    circuit_breaker b (milliseconds (1000));
    b.failed (t0);
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (1000)));
    // The probe waited for its own deadline and failed: the next one is an interval later.
    CPPUNIT_ASSERT (!b.failed (t0 + milliseconds (3000)));      // already open: not reported
    CPPUNIT_ASSERT (!b.allows (t0 + milliseconds (3500)));
    CPPUNIT_ASSERT (b.allows (t0 + milliseconds (4000)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (circuit_breaker_test);
