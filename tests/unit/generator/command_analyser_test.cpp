// Tests of the external analyser command: its input, environment, output, failures, timeouts and
// leftovers.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <cppunit/extensions/HelperMacros.h>
#include <dirent.h>
#include <rapidjson/document.h>
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

  decisions run (const std::string& command, const std::string& prompt = "a prompt",
                    int timeout = 5, const std::vector<earlier_job>& history = {})
  {
    return analyse_with_command (command, prompt, history, timeout);
  }

  // What the operator's log gets of the failure the command ends in (analyser_failure's
  // detail, or the message of another generator_error); fails if it throws none. The owner's
  // message of an analyser_failure is always the same plain sentence.
  std::string failure (const std::string& command, const std::string& prompt = "a prompt",
                       int timeout = 5)
  {
    try
    {
      run (command, prompt, timeout);
    }
    catch (const analyser_failure& e)
    {
      CPPUNIT_ASSERT_EQUAL (std::string ("The analyser could not handle this prompt; please try "
                                         "again later."), std::string (e.what ()));
      return e.detail ();
    }
    catch (const generator_error& e)
    {
      return e.what ();
    }
    CPPUNIT_FAIL ("no error from: " + command);
    return "";
  }

  std::string temp_file ()
  {
    char name[] = "/tmp/modforge-analyser-XXXXXX";
    int fd (mkstemp (name));
    CPPUNIT_ASSERT (fd >= 0);
    close (fd);
    return name;
  }

  std::string read_file (const std::string& path)
  {
    std::ifstream in (path);
    std::stringstream text;
    text << in.rdbuf ();
    return text.str ();
  }

  earlier_job earlier (const std::string& prompt, const std::string& name)
  {
    earlier_job e {prompt, analyse_builtin (prompt)};
    e.decisions.item_name = name;
    return e;
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
  CPPUNIT_TEST (missing_later_members_are_derived);
  CPPUNIT_TEST (prompt_and_history_arrive_on_stdin);
  CPPUNIT_TEST (history_is_the_last_ten_jobs);
  CPPUNIT_TEST (environment_is_minimal);
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
    decisions d (run (printing (), "anything"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Echo"), d.item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("Echo Mod"), d.mod_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("echo_item"), d.mod_id);
    CPPUNIT_ASSERT_EQUAL (std::string ("gem"), d.kind);
    CPPUNIT_ASSERT_EQUAL (std::string ("#112233"), colour_to_hex (d.colours[0]));
  }

  // An analyser written for the six first members still works: the rest is derived.
  void missing_later_members_are_derived ()
  {
    decisions d (run (printing (), "anything"));
    CPPUNIT_ASSERT_EQUAL (std::string ("iron"), d.tier);
    CPPUNIT_ASSERT (d.abilities.empty ());
    CPPUNIT_ASSERT_EQUAL (1, d.ability_level);
    CPPUNIT_ASSERT (!d.recipe.pattern.empty ());
    validate_decisions (d);
  }

  void prompt_and_history_arrive_on_stdin ()
  {
    std::string input (temp_file ());
    std::vector<earlier_job> history {earlier ("a ruby sword", "First"),
                                      earlier ("make it blue", "Second")};
    run ("cat > " + input + "; " + printing (), "Echo Me 100% \"quoted\"", 5, history);
    std::string text (read_file (input));
    std::remove (input.c_str ());

    rapidjson::Document doc;
    doc.Parse (text.c_str ());
    CPPUNIT_ASSERT_MESSAGE (text, !doc.HasParseError () && doc.IsObject ());
    CPPUNIT_ASSERT_EQUAL (std::string ("Echo Me 100% \"quoted\""),
                          std::string (doc["prompt"].GetString ()));
    const rapidjson::Value& h (doc["history"]);
    CPPUNIT_ASSERT_EQUAL (2u, h.Size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("a ruby sword"), std::string (h[0]["prompt"].GetString ()));
    CPPUNIT_ASSERT_EQUAL (std::string ("First"),
                          std::string (h[0]["aiDecisions"]["itemName"].GetString ()));
    CPPUNIT_ASSERT_EQUAL (std::string ("Second"),
                          std::string (h[1]["aiDecisions"]["itemName"].GetString ()));
    CPPUNIT_ASSERT (h[1]["aiDecisions"]["stats"].IsObject ());
  }

  void history_is_the_last_ten_jobs ()
  {
    std::string input (temp_file ());
    std::vector<earlier_job> history;
    for (int i (0); i != 12; ++i)
      history.push_back (earlier ("a sword " + std::to_string (i), "Sword " + std::to_string (i)));
    run ("cat > " + input + "; " + printing (), "x", 5, history);
    rapidjson::Document doc;
    doc.Parse (read_file (input).c_str ());
    std::remove (input.c_str ());
    const rapidjson::Value& h (doc["history"]);
    CPPUNIT_ASSERT_EQUAL (static_cast<unsigned> (max_history_jobs), h.Size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("a sword 2"), std::string (h[0]["prompt"].GetString ()));
    CPPUNIT_ASSERT_EQUAL (std::string ("a sword 11"), std::string (h[9]["prompt"].GetString ()));
  }

  // The worker's environment may name secrets: the command sees PATH, LANG and the credentials
  // directory only.
  void environment_is_minimal ()
  {
    std::string env (temp_file ());
    setenv ("MODFORGE_TEST_SECRET", "hunter2", 1);
    setenv ("CREDENTIALS_DIRECTORY", "/run/credentials/modforge-worker.service", 1);
    run ("env > " + env + "; " + printing ());
    unsetenv ("MODFORGE_TEST_SECRET");
    unsetenv ("CREDENTIALS_DIRECTORY");
    std::string text (read_file (env));
    std::remove (env.c_str ());
    CPPUNIT_ASSERT_MESSAGE (text, !contains (text, "hunter2"));
    CPPUNIT_ASSERT_MESSAGE (text, contains (text, "PATH=/usr/local/bin:/usr/bin:/bin\n"));
    CPPUNIT_ASSERT_MESSAGE (text, contains (text, "LANG=C.UTF-8\n"));
    CPPUNIT_ASSERT_MESSAGE (text, contains (text, "CREDENTIALS_DIRECTORY=/run/credentials/"));
    // sh adds PWD (and maybe SHLVL, _): nothing else.
    std::istringstream lines (text);
    for (std::string line; std::getline (lines, line);)
    {
      std::string name (line.substr (0, line.find ('=')));
      CPPUNIT_ASSERT_MESSAGE (line, name == "PATH" || name == "LANG" || name == "PWD" ||
                                    name == "SHLVL" || name == "_" ||
                                    name == "CREDENTIALS_DIRECTORY");
    }
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
    run (printing ("sleep 30 >/dev/null 2>&1 & echo $! > " + std::string (pids) + "; "));
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
        CPPUNIT_ASSERT_EQUAL (std::string ("Echo"), run (command, prompt).item_name);
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
    decisions d (run (count_fds, "x"));
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
