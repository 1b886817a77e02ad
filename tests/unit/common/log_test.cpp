// Tests of the log line: the journal's priority prefix, the plain form, the request id, and
// telling the journal's stream from any other stderr.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/log.hpp"

using namespace modforge;

class log_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (log_test);
  CPPUNIT_TEST (journal_lines_start_with_the_priority);
  CPPUNIT_TEST (plain_lines_have_time_and_level);
  CPPUNIT_TEST (request_id_comes_before_the_message);
  CPPUNIT_TEST (line_breaks_stay_in_one_entry);
  CPPUNIT_TEST (journal_stream_matches_only_its_own_file);
  CPPUNIT_TEST_SUITE_END ();

public:
  void journal_lines_start_with_the_priority ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("<3>modforge-fcgi[12]: broken\n"),
                          format_log_line (log_priority::error, true, "T", "modforge-fcgi", 12,
                                           "", "broken"));
    CPPUNIT_ASSERT_EQUAL (std::string ("<4>w[1]: retrying\n"),
                          format_log_line (log_priority::warning, true, "T", "w", 1, "",
                                           "retrying"));
    CPPUNIT_ASSERT_EQUAL (std::string ("<6>w[1]: started\n"),
                          format_log_line (log_priority::info, true, "T", "w", 1, "", "started"));
  }

  void plain_lines_have_time_and_level ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("2026-01-01T00:00:00Z a[7] error: x\n"),
                          format_log_line (log_priority::error, false, "2026-01-01T00:00:00Z",
                                           "a", 7, "", "x"));
    CPPUNIT_ASSERT_EQUAL (std::string ("T a[7] warning: x\n"),
                          format_log_line (log_priority::warning, false, "T", "a", 7, "", "x"));
    CPPUNIT_ASSERT_EQUAL (std::string ("T a[7] info: x\n"),
                          format_log_line (log_priority::info, false, "T", "a", 7, "", "x"));
  }

  void request_id_comes_before_the_message ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("<3>a[7]: request 0f1e: boom\n"),
                          format_log_line (log_priority::error, true, "T", "a", 7, "0f1e", "boom"));
    CPPUNIT_ASSERT_EQUAL (std::string ("T a[7] info: request 0f1e: ok\n"),
                          format_log_line (log_priority::info, false, "T", "a", 7, "0f1e", "ok"));
  }

  void line_breaks_stay_in_one_entry ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("<3>a[7]: server closed  the connection \n"),
                          format_log_line (log_priority::error, true, "T", "a", 7, "",
                                           "server closed\r\nthe connection\n"));
  }

  void journal_stream_matches_only_its_own_file ()
  {
    CPPUNIT_ASSERT (is_journal_stream ("8:12345", 8, 12345));
    CPPUNIT_ASSERT (!is_journal_stream (nullptr, 8, 12345));
    CPPUNIT_ASSERT (!is_journal_stream ("", 8, 12345));
    CPPUNIT_ASSERT (!is_journal_stream ("8:12346", 8, 12345));   // stderr was redirected
    CPPUNIT_ASSERT (!is_journal_stream ("9:12345", 8, 12345));
    CPPUNIT_ASSERT (!is_journal_stream ("8:12345x", 8, 12345));
    CPPUNIT_ASSERT (!is_journal_stream ("8", 8, 12345));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (log_test);
