// Tests of the external analyser command: its output, failures, timeouts and leftovers.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fstream>

#include <cppunit/extensions/HelperMacros.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../../src/generator/analyser.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  const std::string valid_json (
    R"({"itemName":"Echo","modName":"Echo Mod","modId":"echo_item","description":"d",)"
    R"("kind":"gem","colours":["#112233","#445566"]})");

  // A command that prints valid_json (which holds no single quote) after `before`.
  std::string printing (const std::string& before = "")
  {
    return before + "printf '%s' '" + valid_json + "'";
  }

  // The message of the generator_error the command throws; fails if it throws none.
  std::string failure (const std::string& command, const std::string& prompt = "a prompt",
                       int timeout = 5)
  {
    try
    {
      analyse_with_command (command, prompt, timeout);
    }
    catch (const generator_error& e)
    {
      return e.what ();
    }
    CPPUNIT_FAIL ("no error from: " + command);
    return "";
  }

  std::size_t open_descriptors ()
  {
    std::size_t n (0);
    DIR* d (opendir ("/proc/self/fd"));
    while (readdir (d) != nullptr)
      ++n;
    closedir (d);
    return n;
  }

  // Killed and reaped, or killed and left a zombie for an init that does not reap.
  bool is_gone (pid_t pid)
  {
    for (int i (0); i != 200; ++i)
    {
      std::ifstream stat ("/proc/" + std::to_string (pid) + "/stat");
      std::string pid_text, name, state;
      if (!(stat >> pid_text >> name >> state) || state == "Z")
        return true;
      usleep (10000);
    }
    return false;
  }

  bool sigpipe_pending ()
  {
    sigset_t p;
    sigpending (&p);
    return sigismember (&p, SIGPIPE) == 1;
  }
}

class command_analyser_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (command_analyser_test);
  CPPUNIT_TEST (valid_output_is_the_decisions);
  CPPUNIT_TEST (prompt_arrives_on_stdin);
  CPPUNIT_TEST (non_zero_exit_names_status_and_stderr);
  CPPUNIT_TEST (death_by_signal_is_reported);
  CPPUNIT_TEST (timeout_kills_the_whole_group);
  CPPUNIT_TEST (background_leftovers_are_killed);
  CPPUNIT_TEST (too_much_output_is_refused);
  CPPUNIT_TEST (invalid_output_is_refused);
  CPPUNIT_TEST (command_that_ignores_stdin_works);
  CPPUNIT_TEST (no_descriptor_leaks_either_way);
  CPPUNIT_TEST (bad_arguments_are_refused);
  CPPUNIT_TEST_SUITE_END ();

public:
  void valid_output_is_the_decisions ()
  {
    decisions d (analyse_with_command (printing (), "anything", 5));
    CPPUNIT_ASSERT_EQUAL (valid_json, decisions_to_json (d));
  }

  void prompt_arrives_on_stdin ()
  {
    std::string command (
      R"(p=$(cat); printf '{"itemName":"%s","modName":"M","modId":"echo_test",)"
      R"("description":"","kind":"food","colours":["#112233","#445566"]}' "$p")");
    decisions d (analyse_with_command (command, "Echo Me 100%", 5));
    CPPUNIT_ASSERT_EQUAL (std::string ("Echo Me 100%"), d.item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("food"), d.kind);
  }

  void non_zero_exit_names_status_and_stderr ()
  {
    std::string m (failure ("echo 'model  unavailable ' >&2; echo second line >&2; exit 3"));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "exited with status 3: model  unavailable"));
    CPPUNIT_ASSERT_MESSAGE (m, !contains (m, "second"));

    m = failure ("exit 1");
    CPPUNIT_ASSERT_EQUAL (std::string ("the analyser command exited with status 1"), m);

    m = failure ("printf '%0300d\\n' 0 >&2; exit 1");
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, std::string (200, '0')) &&
                                 !contains (m, std::string (201, '0')));

    m = failure ("no-such-analyser-command-here");
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "status 127") && contains (m, "not found"));
  }

  void death_by_signal_is_reported ()
  {
    std::string m (failure ("kill -9 $$"));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "killed by signal 9"));
  }

  void timeout_kills_the_whole_group ()
  {
    char pids[] = "/tmp/modforge-analyser-XXXXXX";
    int fd (mkstemp (pids));
    CPPUNIT_ASSERT (fd >= 0);
    close (fd);

    std::string m (failure ("echo $$ > " + std::string (pids) + "; sleep 5 & echo $! >> " +
                            pids + "; wait", "a prompt", 1));
    CPPUNIT_ASSERT_EQUAL (std::string ("the analyser command timed out after 1 s"), m);

    std::ifstream in (pids);
    pid_t shell (0), sleeper (0);
    in >> shell >> sleeper;
    std::remove (pids);
    CPPUNIT_ASSERT (shell > 0 && sleeper > 0);
    CPPUNIT_ASSERT (is_gone (shell));
    CPPUNIT_ASSERT (is_gone (sleeper));
    CPPUNIT_ASSERT_EQUAL (-1, static_cast<int> (waitpid (-1, nullptr, WNOHANG)));
    CPPUNIT_ASSERT_EQUAL (ECHILD, errno);
  }

  void background_leftovers_are_killed ()
  {
    char pids[] = "/tmp/modforge-analyser-XXXXXX";
    int fd (mkstemp (pids));
    CPPUNIT_ASSERT (fd >= 0);
    close (fd);

    // The sleeper's output goes elsewhere, so the command's own pipes close when it exits.
    analyse_with_command (printing ("sleep 30 >/dev/null 2>&1 & echo $! > " + std::string (pids) +
                                    "; "), "a prompt", 5);
    std::ifstream in (pids);
    pid_t sleeper (0);
    in >> sleeper;
    std::remove (pids);
    CPPUNIT_ASSERT (sleeper > 0);
    CPPUNIT_ASSERT (is_gone (sleeper));
  }

  void too_much_output_is_refused ()
  {
    std::string m (failure ("head -c 70000 /dev/zero | tr '\\0' x"));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "more than 65536 bytes"));
    // An endless writer is stopped by the limit, not by the timeout.
    m = failure ("yes", "a prompt", 30);
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "more than 65536 bytes"));
  }

  void invalid_output_is_refused ()
  {
    for (const char* command: {"echo not json", "true", "echo '[1,2]'", "echo '{}'",
                               "printf '%s' '{\"itemName\":\"x\"}'"})
    {
      std::string m (failure (command));
      CPPUNIT_ASSERT_MESSAGE (m, contains (m, "output is not valid"));
    }
    std::string m (failure ("echo 'I am confused' >&2; echo nope"));
    CPPUNIT_ASSERT_MESSAGE (m, contains (m, "I am confused"));
  }

  void command_that_ignores_stdin_works ()
  {
    // 2000 bytes fit in the pipe; 4 MiB do not, so the command exits while we still write
    // and the write meets a closed pipe. Either way: no SIGPIPE for us, and the answer counts.
    for (std::size_t size: {std::size_t (2000), std::size_t (4) << 20})
    {
      std::string prompt (size, 'p');
      for (const std::string& command: {printing (), printing ("exec 0<&-; ")})
        CPPUNIT_ASSERT_EQUAL (valid_json,
                              decisions_to_json (analyse_with_command (command, prompt, 5)));
    }
    CPPUNIT_ASSERT (!sigpipe_pending ());
  }

  void no_descriptor_leaks_either_way ()
  {
    // A descriptor without close-on-exec, as a daemon may hold: the command must not see it.
    int stray (open ("/dev/null", O_RDONLY));
    std::size_t before (open_descriptors ());
    std::string count_fds (
      R"(n=$(ls -l /proc/$$/fd | grep -c /dev/null); )"
      R"(printf '{"itemName":"%s","modName":"M","modId":"fd_test",)"
      R"("description":"","kind":"gem","colours":["#112233","#445566"]}' $n)");
    decisions d (analyse_with_command (count_fds, "x", 5));
    failure ("exit 2");
    failure ("sleep 3", "x", 1);
    failure ("yes");
    close (stray);
    CPPUNIT_ASSERT_EQUAL (before, open_descriptors () + 1);
    CPPUNIT_ASSERT_EQUAL (std::string ("0"), d.item_name);
  }

  void bad_arguments_are_refused ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("the prompt is empty"), failure (printing (), " \n"));
    CPPUNIT_ASSERT (contains (failure ("  ", "x"), "command is empty"));
    CPPUNIT_ASSERT (contains (failure (printing (), "x", 0), "timeout"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (command_analyser_test);
