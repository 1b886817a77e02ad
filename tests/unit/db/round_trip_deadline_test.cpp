// Tests of the round-trip deadline: a round trip that outlives it has its socket shut down (a
// blocked read returns at once), one that ends in time leaves the socket alone, and the watchdog
// thread never takes a signal meant for the program.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <csignal>
#include <cstring>

#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../../src/db/round_trip_deadline.hpp"

using namespace modforge;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace
{
  // A connected pair of unix sockets, closed at the end of the test.
  struct socket_pair
  {
    int ends[2] = {-1, -1};
    socket_pair () {CPPUNIT_ASSERT_EQUAL (0, socketpair (AF_UNIX, SOCK_STREAM, 0, ends));}
    ~socket_pair () {close (ends[0]); close (ends[1]);}
  };

  volatile std::sig_atomic_t caught_by_main (0);
  pthread_t main_thread;

  extern "C" void note_signal (int) {caught_by_main = pthread_equal (pthread_self (), main_thread);}
}

class round_trip_deadline_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (round_trip_deadline_test);
  CPPUNIT_TEST (a_late_round_trip_is_cut);
  CPPUNIT_TEST (a_round_trip_in_time_is_left_alone);
  CPPUNIT_TEST (scopes_report_whether_it_fired);
  CPPUNIT_TEST (signals_go_to_the_program);
  CPPUNIT_TEST_SUITE_END ();

public:
  void a_late_round_trip_is_cut ()
  {
    socket_pair p;
    round_trip_deadline d (milliseconds (100));
    steady_clock::time_point t0 (steady_clock::now ());
    d.arm (p.ends[0]);
    char c;
    // Nobody writes to the other end: like a server that stopped, only the deadline ends this.
    CPPUNIT_ASSERT_EQUAL (ssize_t (0), read (p.ends[0], &c, 1));
    milliseconds took (std::chrono::duration_cast<milliseconds> (steady_clock::now () - t0));
    CPPUNIT_ASSERT (d.disarm ());
    CPPUNIT_ASSERT_MESSAGE (std::to_string (took.count ()) + " ms",
                            took >= milliseconds (100) && took < milliseconds (1000));
  }

  void a_round_trip_in_time_is_left_alone ()
  {
    socket_pair p;
    round_trip_deadline d (milliseconds (100));
    for (int i (0); i != 3; ++i)
    {
      d.arm (p.ends[0]);
      CPPUNIT_ASSERT_EQUAL (ssize_t (1), write (p.ends[1], "x", 1));
      char c;
      CPPUNIT_ASSERT_EQUAL (ssize_t (1), read (p.ends[0], &c, 1));
      CPPUNIT_ASSERT (!d.disarm ());
    }
    usleep (300000);    // well past the deadline, disarmed: the socket still works both ways
    CPPUNIT_ASSERT_EQUAL (ssize_t (1), write (p.ends[0], "y", 1));
    char c;
    CPPUNIT_ASSERT_EQUAL (ssize_t (1), read (p.ends[1], &c, 1));
  }

  void scopes_report_whether_it_fired ()
  {
    socket_pair p;
    round_trip_deadline d (milliseconds (50));
    bool fired (true);
    {
      deadline_scope s (&d, p.ends[0], fired);
    }
    CPPUNIT_ASSERT (!fired);
    {
      deadline_scope s (&d, p.ends[0], fired);
      usleep (200000);
    }
    CPPUNIT_ASSERT (fired);
    socket_pair q;
    {
      deadline_scope s (nullptr, q.ends[0], fired);   // unbounded: nothing is watched
      usleep (100000);
    }
    CPPUNIT_ASSERT (!fired);
    CPPUNIT_ASSERT_EQUAL (ssize_t (1), write (q.ends[1], "z", 1));
    char c;
    CPPUNIT_ASSERT_EQUAL (ssize_t (1), read (q.ends[0], &c, 1));
  }

  void signals_go_to_the_program ()
  {
    main_thread = pthread_self ();
    struct sigaction sa, old;
    std::memset (&sa, 0, sizeof sa);
    sa.sa_handler = note_signal;
    sigemptyset (&sa.sa_mask);
    sigaction (SIGUSR2, &sa, &old);
    {
      round_trip_deadline d (milliseconds (1000));
      // A process-directed signal goes to a thread that does not block it; the watchdog
      // blocks all, so it is always this one.
      for (int i (0); i != 20; ++i)
      {
        caught_by_main = 0;
        kill (getpid (), SIGUSR2);
        CPPUNIT_ASSERT (caught_by_main == 1);
      }
    }
    sigaction (SIGUSR2, &old, nullptr);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (round_trip_deadline_test);
