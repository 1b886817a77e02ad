// Tests of the walk behind `modforge-admin stats`' files line, in a temporary directory.
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/admin/directory_usage.hpp"
#include "../../../src/jobs/job_files.hpp"
#include "../test_support.hpp"

using namespace modforge;

class directory_usage_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (directory_usage_test);
  CPPUNIT_TEST (counts_regular_files_at_every_depth);
  CPPUNIT_TEST (links_are_neither_counted_nor_followed);
  CPPUNIT_TEST (a_missing_root_is_empty);
  CPPUNIT_TEST_SUITE_END ();

public:
  void setUp () override
  {
    root_ = modforge_test::make_temp_dir ("du");
  }

  void tearDown () override {remove_tree (root_);}

  void counts_regular_files_at_every_depth ()
  {
    write ("a", 3);
    mkdir ((root_ + "/1").c_str (), 0755);
    mkdir ((root_ + "/1/deeper").c_str (), 0755);
    mkdir ((root_ + "/empty").c_str (), 0755);
    write ("1/image-0.png", 100);
    write ("1/deeper/b", 0);
    directory_usage u (measure_directory (root_));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (3), u.files);
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (103), u.bytes);
  }

  void links_are_neither_counted_nor_followed ()
  {
    write ("real", 10);
    mkdir ((root_ + "/dir").c_str (), 0755);
    write ("dir/inside", 7);
    CPPUNIT_ASSERT_EQUAL (0, symlink ((root_ + "/real").c_str (), (root_ + "/link").c_str ()));
    CPPUNIT_ASSERT_EQUAL (0, symlink ((root_ + "/dir").c_str (), (root_ + "/dirlink").c_str ()));
    CPPUNIT_ASSERT_EQUAL (0, symlink ("/etc", (root_ + "/outside").c_str ()));
    directory_usage u (measure_directory (root_));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (2), u.files);
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (17), u.bytes);
  }

  void a_missing_root_is_empty ()
  {
    directory_usage u (measure_directory (root_ + "/not-there"));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), u.files);
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), u.bytes);
  }

private:
  void write (const std::string& relative, std::size_t bytes)
  {
    std::ofstream f (root_ + "/" + relative, std::ios::binary);
    f << std::string (bytes, 'x');
  }

  std::string root_;
};

CPPUNIT_TEST_SUITE_REGISTRATION (directory_usage_test);
