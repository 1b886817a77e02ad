// Tests of the libpq connection string made from the database configuration: several hosts and
// ports, target_session_attrs, quoting, and what is left out when empty.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "../../../src/common/config.hpp"
#include "../../../src/db/connection_string.hpp"

using namespace modforge;

class connection_string_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (connection_string_test);
  CPPUNIT_TEST (defaults);
  CPPUNIT_TEST (several_hosts_and_ports);
  CPPUNIT_TEST (values_are_quoted);
  CPPUNIT_TEST_SUITE_END ();

public:
  void defaults ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("port='5432' dbname='modforge' user='modforge' "
                                       "connect_timeout='2' target_session_attrs='read-write' "
                                       "application_name='modforge'"),
                          connection_string (database_config ()));
  }

  void several_hosts_and_ports ()
  {
    config c (make_config (settings {{"database.host", "10.0.0.1,10.0.0.2"},
                                     {"database.port", "5432,6432"},
                                     {"database.target_session_attrs", "primary"}}));
    CPPUNIT_ASSERT_EQUAL (std::string ("host='10.0.0.1,10.0.0.2' port='5432,6432' "
                                       "dbname='modforge' user='modforge' connect_timeout='2' "
                                       "target_session_attrs='primary' "
                                       "application_name='modforge'"),
                          connection_string (c.database));
  }

  // A value may hold blanks, quotes and backslashes (a password): libpq reads them back as
  // they were, and nothing after them becomes another key.
  void values_are_quoted ()
  {
    database_config c;
    c.host = "/run/postgresql";
    c.password = "it's a \\ secret' user='postgres";
    std::string s (connection_string (c));
    CPPUNIT_ASSERT (s.find ("host='/run/postgresql' ") != std::string::npos);
    CPPUNIT_ASSERT (s.find ("password='it\\'s a \\\\ secret\\' user=\\'postgres' ") !=
                    std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (connection_string_test);
