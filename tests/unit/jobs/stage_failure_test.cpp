// Tests of the worker's retry-or-fail decision for a stage that threw.
#include <cppunit/extensions/HelperMacros.h>

#include <cerrno>
#include <system_error>

#include <odb/exceptions.hxx>

#include "../../../src/common/domain_error.hpp"
#include "../../../src/generator/analyser.hpp"
#include "../../../src/generator/decisions.hpp"
#include "../../../src/jobs/stage_failure.hpp"

using namespace modforge;

namespace
{
  template <typename E>
  stage_failure judged (const E& e)
  {
    return judge_stage_failure (std::make_exception_ptr (e));
  }
}

class stage_failure_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (stage_failure_test);
  CPPUNIT_TEST (an_unavailable_database_is_waited_out);
  CPPUNIT_TEST (other_domain_errors_fail_the_job);
  CPPUNIT_TEST (a_generator_error_fails_with_its_sentence);
  CPPUNIT_TEST (an_analyser_failure_is_plain_for_the_owner_and_logged);
  CPPUNIT_TEST (the_disk_fails_without_paths);
  CPPUNIT_TEST (anything_else_fails_and_is_logged);
  CPPUNIT_TEST_SUITE_END ();

public:
  void an_unavailable_database_is_waited_out ()
  {
    CPPUNIT_ASSERT (judged (database_unavailable ()).retry_later);
    CPPUNIT_ASSERT (judged (odb::connection_lost ()).retry_later);
    CPPUNIT_ASSERT (judge_stage_failure (std::make_exception_ptr (42)).retry_later);
  }

  void other_domain_errors_fail_the_job ()
  {
    for (error_kind k: {error_kind::invalid_input, error_kind::not_found, error_kind::conflict,
                        error_kind::unauthenticated, error_kind::forbidden,
                        error_kind::throttled})
    {
      stage_failure f (judged (domain_error (k, "c", "Session not found")));
      CPPUNIT_ASSERT (!f.retry_later);
      CPPUNIT_ASSERT_EQUAL (std::string ("Session not found"), f.error);
      CPPUNIT_ASSERT (!f.log.empty ());
    }
  }

  void a_generator_error_fails_with_its_sentence ()
  {
    stage_failure f (judged (generator_error ("the analyser timed out after 30 seconds")));
    CPPUNIT_ASSERT (!f.retry_later);
    CPPUNIT_ASSERT_EQUAL (std::string ("the analyser timed out after 30 seconds"), f.error);
    CPPUNIT_ASSERT (f.log.empty ());
  }

  void an_analyser_failure_is_plain_for_the_owner_and_logged ()
  {
    stage_failure f (judged (analyser_failure ("the analyser command exited with status 3: "
                                               "model unavailable")));
    CPPUNIT_ASSERT (!f.retry_later);
    CPPUNIT_ASSERT_EQUAL (std::string ("The analyser could not handle this prompt; please try "
                                       "again later."), f.error);
    CPPUNIT_ASSERT_EQUAL (std::string ("the analyser command exited with status 3: model "
                                       "unavailable"), f.log);
  }

  void the_disk_fails_without_paths ()
  {
    stage_failure f (judged (std::system_error (ENOSPC, std::generic_category (),
                                                "/var/lib/modforge/files/7/image-0.png")));
    CPPUNIT_ASSERT (!f.retry_later);
    CPPUNIT_ASSERT_EQUAL (std::string ("Could not write the job's files: No space left on device"),
                          f.error);
    CPPUNIT_ASSERT (f.log.find ("/var/lib/modforge") != std::string::npos);
  }

  void anything_else_fails_and_is_logged ()
  {
    stage_failure f (judged (std::runtime_error ("the zip vanished after it was written")));
    CPPUNIT_ASSERT (!f.retry_later);
    CPPUNIT_ASSERT_EQUAL (
      std::string ("Could not write the job's files: the zip vanished after it was written"),
      f.error);
    CPPUNIT_ASSERT_EQUAL (std::string ("the zip vanished after it was written"), f.log);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (stage_failure_test);
