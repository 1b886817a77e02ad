// Tests of the shared counter file: two mappings of one file see each other's counts, a file of
// another layout is replaced (its old users keep theirs), and a directory that is not there
// leaves a process with counters of its own.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "../../../src/metrics/shared_counters.hpp"

using namespace modforge;

namespace
{
  struct temporary_directory
  {
    std::string path;
    temporary_directory ()
    {
      char t[] = "/tmp/modforge-counters-XXXXXX";
      CPPUNIT_ASSERT (mkdtemp (t) != nullptr);
      path = t;
    }
    ~temporary_directory ()
    {
      std::string rm ("rm -rf '" + path + "'");
      CPPUNIT_ASSERT_EQUAL (0, std::system (rm.c_str ()));
    }
  };
}

class shared_counters_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (shared_counters_test);
  CPPUNIT_TEST (two_mappings_share_the_counts);
  CPPUNIT_TEST (another_layout_gets_a_new_file);
  CPPUNIT_TEST (no_directory_counts_alone);
  CPPUNIT_TEST_SUITE_END ();

public:
  void two_mappings_share_the_counts ()
  {
    temporary_directory d;
    std::string file (d.path + "/handlers");
    // The second opens the file the first made and locked: the lock must not outlive the
    // first's start (it did once, and every later process waited for ever).
    shared_counters a (file, 4, "layout one");
    shared_counters b (file, 4, "layout one");
    CPPUNIT_ASSERT (a.shared () && b.shared ());
    a.add (0);
    b.add (0, 2);
    b.add (3, 7);
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (3), a.get (0));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (3), b.get (0));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (7), a.get (3));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), a.get (1));
    shared_counters c (file, 4, "layout one");   // after a restart: the counts are still there
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (3), c.get (0));
  }

  void another_layout_gets_a_new_file ()
  {
    temporary_directory d;
    std::string file (d.path + "/workers");
    shared_counters old (file, 2, "old layout");
    old.add (1, 5);
    shared_counters fresh (file, 3, "new layout");
    CPPUNIT_ASSERT (fresh.shared ());
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), fresh.get (1));
    fresh.add (2);
    old.add (1);                                   // the old one counts on in its own file
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (6), old.get (1));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), fresh.get (1));
    shared_counters again (file, 3, "new layout");
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (1), again.get (2));
    struct stat s;
    CPPUNIT_ASSERT (stat ((file + ".new").c_str (), &s) != 0);   // renamed into place
  }

  void no_directory_counts_alone ()
  {
    shared_counters a ("/nonexistent-modforge-dir/handlers", 2, "x");
    shared_counters b ("/nonexistent-modforge-dir/handlers", 2, "x");
    CPPUNIT_ASSERT (!a.shared ());
    a.add (1);
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (1), a.get (1));
    CPPUNIT_ASSERT_EQUAL (std::uint64_t (0), b.get (1));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (shared_counters_test);
