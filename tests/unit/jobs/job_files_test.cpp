// Tests of job_files' writes: whole files or nothing, and errors that carry errno.
#include <cerrno>
#include <string>
#include <system_error>

#include <dirent.h>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/jobs/job_files.hpp"
#include "../test_support.hpp"

using namespace modforge;

class job_files_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (job_files_test);
  CPPUNIT_TEST (a_write_leaves_the_whole_file_and_no_temporary);
  CPPUNIT_TEST (a_failed_write_carries_errno_and_leaves_nothing);
  CPPUNIT_TEST_SUITE_END ();

public:
  void setUp () override
  {
    root_ = modforge_test::make_temp_dir ("files");
  }

  void tearDown () override {remove_tree (root_);}

  void a_write_leaves_the_whole_file_and_no_temporary ()
  {
    job_files::write_atomically (root_ + "/image-0.png", "first");
    job_files::write_atomically (root_ + "/image-0.png", "second, longer");
    CPPUNIT_ASSERT_EQUAL (std::string ("second, longer"), job_files::read (root_ + "/image-0.png"));
    CPPUNIT_ASSERT_EQUAL (1, entries ());
  }

  // The job's error shows code ().message () ("No such file or directory", or on a full disk
  // "No space left on device"); what () is for the log and names the path.
  void a_failed_write_carries_errno_and_leaves_nothing ()
  {
    std::string path (root_ + "/missing/image-0.png");
    try
    {
      job_files::write_atomically (path, "bytes");
      CPPUNIT_FAIL ("wrote into a folder that does not exist");
    }
    catch (const std::system_error& e)
    {
      CPPUNIT_ASSERT_EQUAL (ENOENT, e.code ().value ());
      CPPUNIT_ASSERT (std::string (e.what ()).find (root_ + "/missing/") != std::string::npos);
      CPPUNIT_ASSERT (e.code ().message ().find (root_) == std::string::npos);
    }
    CPPUNIT_ASSERT_EQUAL (0, entries ());
  }

private:
  int entries ()
  {
    int n (0);
    DIR* d (opendir (root_.c_str ()));
    CPPUNIT_ASSERT (d != nullptr);
    while (dirent* e = readdir (d))
      if (e->d_name[0] != '.')
        ++n;
    closedir (d);
    return n;
  }

  std::string root_;
};

CPPUNIT_TEST_SUITE_REGISTRATION (job_files_test);
