// Tests of how create-user reads a password when standard input is not a terminal (a pipe).
#include <string>

#include <unistd.h>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/admin/password_input.hpp"

using namespace modforge;

namespace
{
  // What read_new_password makes of `input` written to a pipe (then closed).
  password_input from_pipe (const std::string& input)
  {
    int fds[2];
    CPPUNIT_ASSERT_EQUAL (0, pipe (fds));
    CPPUNIT_ASSERT_EQUAL (static_cast<ssize_t> (input.size ()),
                          write (fds[1], input.data (), input.size ()));
    close (fds[1]);
    password_input p (read_new_password (fds[0], -1));
    close (fds[0]);
    return p;
  }
}

class password_input_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (password_input_test);
  CPPUNIT_TEST (the_first_line_without_its_newline);
  CPPUNIT_TEST (no_input_is_a_problem);
  CPPUNIT_TEST_SUITE_END ();

public:
  void the_first_line_without_its_newline ()
  {
    password_input p (from_pipe ("secret pw\nsecond line\n"));
    CPPUNIT_ASSERT (p.ok);
    CPPUNIT_ASSERT_EQUAL (std::string ("secret pw"), p.password);
    CPPUNIT_ASSERT_EQUAL (std::string ("crlf"), from_pipe ("crlf\r\n").password);
    CPPUNIT_ASSERT_EQUAL (std::string ("no newline"), from_pipe ("no newline").password);
    // Only a line ending is taken off: blanks belong to the password.
    CPPUNIT_ASSERT_EQUAL (std::string (" spaced \t"), from_pipe (" spaced \t\n").password);
    // An empty line is an empty password (which the rules then refuse), not a missing one.
    password_input empty (from_pipe ("\n"));
    CPPUNIT_ASSERT (empty.ok);
    CPPUNIT_ASSERT (empty.password.empty ());
  }

  void no_input_is_a_problem ()
  {
    password_input p (from_pipe (""));
    CPPUNIT_ASSERT (!p.ok);
    CPPUNIT_ASSERT (!p.problem.empty ());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (password_input_test);
