// Tests of job_files: names of claim folders, a claim folder that starts as the published set,
// writes of whole files or nothing, and errors that carry errno.
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
  CPPUNIT_TEST (names_of_claim_folders);
  CPPUNIT_TEST (a_claim_folder_starts_as_the_published_set);
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

  // Claim 0 is the job's folder itself (jobs finished before claim folders).
  void names_of_claim_folders ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("7"), job_files::folder_name (7, 0));
    CPPUNIT_ASSERT_EQUAL (std::string ("7/3/image-2.png"), job_files::image_name (7, 3, 2));
    CPPUNIT_ASSERT_EQUAL (std::string ("7/a.zip"), job_files::zip_name (7, 0, "a.zip"));
    CPPUNIT_ASSERT (job_files::is_final ("image-0.png") && job_files::is_final ("a.zip"));
    CPPUNIT_ASSERT (!job_files::is_final ("image-0.png.tmp-12") &&
                    !job_files::is_final ("a.zip.x3Yz"));
  }

  // The new claim's folder links the published files (not the temporaries); replacing one there
  // leaves the published one as it was.
  void a_claim_folder_starts_as_the_published_set ()
  {
    job_files files (root_);
    files.make_claim_dir (5, 1, 0);
    job_files::write_atomically (files.path (job_files::image_name (5, 1, 0)), "old image");
    job_files::write_atomically (files.path (job_files::zip_name (5, 1, "m.zip")), "old zip");
    job_files::write_atomically (files.path ("5/1/image-1.png.tmp-9"), "half");
    files.make_claim_dir (5, 2, 1);
    CPPUNIT_ASSERT_EQUAL (std::string ("old zip"),
                          job_files::read (files.path (job_files::zip_name (5, 2, "m.zip"))));
    CPPUNIT_ASSERT_EQUAL (2, entries (root_ + "/files/5/2"));
    job_files::write_atomically (files.path (job_files::image_name (5, 2, 0)), "new image");
    CPPUNIT_ASSERT_EQUAL (std::string ("old image"),
                          job_files::read (files.path (job_files::image_name (5, 1, 0))));
    files.make_claim_dir (6, 1, 0);      // nothing published yet: an empty folder
    CPPUNIT_ASSERT_EQUAL (0, entries (root_ + "/files/6/1"));
  }

private:
  int entries ()
  {
    return entries (root_);
  }

  int entries (const std::string& dir)
  {
    int n (0);
    DIR* d (opendir (dir.c_str ()));
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
