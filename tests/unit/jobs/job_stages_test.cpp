// Tests of a job's statuses: the progress figure of each, and which ones hold a worker's lease.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/jobs/job_stages.hpp"

using namespace modforge;

class job_stages_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (job_stages_test);
  CPPUNIT_TEST (each_status_has_its_progress);
  CPPUNIT_TEST (a_failed_job_keeps_its_progress);
  CPPUNIT_TEST (only_the_stages_are_running);
  CPPUNIT_TEST_SUITE_END ();

public:
  void each_status_has_its_progress ()
  {
    job j;
    j.progress = 55;
    const std::pair<job_status, int> figures[] = {
      {job_status::analyzing, 10}, {job_status::generating, 40}, {job_status::packaging, 80},
      {job_status::completed, 100}, {job_status::queued, 0}};
    for (const auto& f: figures)
    {
      enter_status (j, f.first);
      CPPUNIT_ASSERT (j.status == f.first);
      CPPUNIT_ASSERT_EQUAL (f.second, j.progress);
    }
  }

  void a_failed_job_keeps_its_progress ()
  {
    job j;
    enter_status (j, job_status::generating);
    enter_status (j, job_status::failed);
    CPPUNIT_ASSERT (j.status == job_status::failed);
    CPPUNIT_ASSERT_EQUAL (40, j.progress);
  }

  void only_the_stages_are_running ()
  {
    CPPUNIT_ASSERT (is_running (job_status::analyzing));
    CPPUNIT_ASSERT (is_running (job_status::generating));
    CPPUNIT_ASSERT (is_running (job_status::packaging));
    CPPUNIT_ASSERT (!is_running (job_status::queued));
    CPPUNIT_ASSERT (!is_running (job_status::completed));
    CPPUNIT_ASSERT (!is_running (job_status::failed));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (job_stages_test);
