// Tests of modforge-admin's plain-text tables.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/admin/text_table.hpp"

using namespace modforge;

class text_table_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (text_table_test);
  CPPUNIT_TEST (columns_line_up_without_trailing_blanks);
  CPPUNIT_TEST (right_aligned_columns_pad_on_the_left);
  CPPUNIT_TEST (widths_count_code_points);
  CPPUNIT_TEST (a_header_alone_is_one_line);
  CPPUNIT_TEST_SUITE_END ();

public:
  void columns_line_up_without_trailing_blanks ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("id  name\n"
                                       "1   alice\n"
                                       "22  bo\n"),
                          format_table ({{"id", "name"}, {"1", "alice"}, {"22", "bo"}}));
  }

  void right_aligned_columns_pad_on_the_left ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("name   jobs\n"
                                       "alice     3\n"
                                       "bo     1200\n"),
                          format_table ({{"name", "jobs"}, {"alice", "3"}, {"bo", "1200"}},
                                        {false, true}));
  }

  void widths_count_code_points ()
  {
    // "é" is two bytes and one column.
    CPPUNIT_ASSERT_EQUAL (std::string ("email   x\n"
                                       "é@a.b   1\n"
                                       "ab@c.d  2\n"),
                          format_table ({{"email", "x"}, {"é@a.b", "1"}, {"ab@c.d", "2"}}));
  }

  void a_header_alone_is_one_line ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("id  name\n"), format_table ({{"id", "name"}}));
    CPPUNIT_ASSERT_EQUAL (std::string (), format_table ({}));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (text_table_test);
