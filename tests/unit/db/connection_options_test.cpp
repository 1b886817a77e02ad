// Tests of the libpq parameters: the daemons' connections carry the server-side timeouts and
// keepalives derived from the round-trip deadline; modforge-admin's carry none.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/db/database.hpp"

using namespace modforge;

class connection_options_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (connection_options_test);
  CPPUNIT_TEST (bounded_connections_have_timeouts);
  CPPUNIT_TEST (unbounded_connections_have_none);
  CPPUNIT_TEST (slow_statements_are_unavailable_errors);
  CPPUNIT_TEST_SUITE_END ();

public:
  void bounded_connections_have_timeouts ()
  {
    database_config c;
    c.connect_timeout_seconds = 2;
    c.round_trip_timeout_seconds = 4;
    CPPUNIT_ASSERT_EQUAL (std::string (
      " keepalives=1 keepalives_idle=10 "
      "keepalives_interval=2 keepalives_count=3 tcp_user_timeout=4000 "
      "options='-c statement_timeout=3000 -c lock_timeout=3000 "
      "-c idle_in_transaction_session_timeout=20000'"),
      connection_options (c, round_trips::bounded));
    c.round_trip_timeout_seconds = 1;
    CPPUNIT_ASSERT (connection_options (c, round_trips::bounded).find (
                      "statement_timeout=750 ") != std::string::npos);
    CPPUNIT_ASSERT (connection_options (c, round_trips::bounded).find (
                      "idle_in_transaction_session_timeout=10000'") != std::string::npos);
  }

  void unbounded_connections_have_none ()
  {
    database_config c;
    c.connect_timeout_seconds = 7;
    CPPUNIT_ASSERT_EQUAL (std::string (), connection_options (c, round_trips::unbounded));
  }

  void slow_statements_are_unavailable_errors ()
  {
    CPPUNIT_ASSERT (is_timeout_error ("57014"));
    CPPUNIT_ASSERT (is_timeout_error ("55P03"));
    CPPUNIT_ASSERT (!is_timeout_error ("23505"));
    CPPUNIT_ASSERT (!is_timeout_error (""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (connection_options_test);
