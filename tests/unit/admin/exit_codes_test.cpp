// Tests of modforge-admin's exit statuses: the numbers it documents, and the status of each
// domain error kind and each schema mismatch.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/admin/exit_codes.hpp"

using namespace modforge;

class exit_codes_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (exit_codes_test);
  CPPUNIT_TEST (documented_numbers);
  CPPUNIT_TEST (each_kind_has_its_status);
  CPPUNIT_TEST (each_schema_mismatch_has_its_status);
  CPPUNIT_TEST_SUITE_END ();

public:
  void documented_numbers ()
  {
    CPPUNIT_ASSERT_EQUAL (0, exit_success);
    CPPUNIT_ASSERT_EQUAL (1, exit_error);
    CPPUNIT_ASSERT_EQUAL (2, exit_usage);
    CPPUNIT_ASSERT_EQUAL (3, exit_schema_newer);
    CPPUNIT_ASSERT_EQUAL (4, exit_schema_too_old);
    CPPUNIT_ASSERT_EQUAL (5, exit_no_such_user);
    CPPUNIT_ASSERT_EQUAL (6, exit_already_exists);
    CPPUNIT_ASSERT_EQUAL (7, exit_invalid_input);
  }

  void each_kind_has_its_status ()
  {
    CPPUNIT_ASSERT_EQUAL (7, exit_code_of (error_kind::invalid_input));
    CPPUNIT_ASSERT_EQUAL (5, exit_code_of (error_kind::not_found));
    CPPUNIT_ASSERT_EQUAL (6, exit_code_of (error_kind::conflict));
    // The database cannot be reached: a plain error.
    CPPUNIT_ASSERT_EQUAL (1, exit_code_of (error_kind::unavailable));
    for (error_kind k: {error_kind::unauthenticated, error_kind::forbidden,
                        error_kind::throttled})
      CPPUNIT_ASSERT_EQUAL (1, exit_code_of (k));
  }

  void each_schema_mismatch_has_its_status ()
  {
    CPPUNIT_ASSERT_EQUAL (3, exit_code_of (schema_state::newer));
    CPPUNIT_ASSERT_EQUAL (4, exit_code_of (schema_state::older));
    CPPUNIT_ASSERT_EQUAL (4, exit_code_of (schema_state::missing));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (exit_codes_test);
