// Tests of where an idle handler waits: a stop signal sent at any moment ends the next wait and
// never interrupts anything else, a connection opens the gate, and a connection another handler
// took first does not leave accept() blocking. Each case that installs the signal handlers runs
// in a child process, so the test program's own signals stay as they were.
#include <cppunit/extensions/HelperMacros.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../../src/http/connection_gate.hpp"

using namespace modforge;

namespace
{
  bool blocked (int signal)
  {
    sigset_t now;
    pthread_sigmask (SIG_BLOCK, nullptr, &now);
    return sigismember (&now, signal) == 1;
  }

  // A listening unix socket on an abstract address of its own; its address in `at`.
  int listening_socket (sockaddr_un& at)
  {
    int fd (socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    std::memset (&at, 0, sizeof (at));
    at.sun_family = AF_UNIX;
    std::string name ("modforge-gate-test-" + std::to_string (getpid ()));
    std::memcpy (at.sun_path + 1, name.data (), name.size ());
    socklen_t size (offsetof (sockaddr_un, sun_path) + 1 + name.size ());
    if (fd < 0 || bind (fd, reinterpret_cast<sockaddr*> (&at), size) != 0 || listen (fd, 8) != 0)
      throw std::runtime_error (std::string ("listening socket: ") + std::strerror (errno));
    return fd;
  }

  int connect_to (const sockaddr_un& at)
  {
    int fd (socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    std::size_t name (std::strlen (at.sun_path + 1));
    socklen_t size (offsetof (sockaddr_un, sun_path) + 1 + name);
    if (fd < 0 || connect (fd, reinterpret_cast<const sockaddr*> (&at), size) != 0)
      throw std::runtime_error (std::string ("connect: ") + std::strerror (errno));
    return fd;
  }

  // Runs `check` in a child process; a failed assertion there fails the test here. A wait that
  // never returns is ended by SIGALRM (not a stop signal) after 10 s, and fails the test too.
  void in_child (const std::function<void ()>& check)
  {
    std::cout.flush ();
    pid_t child (fork ());
    CPPUNIT_ASSERT (child >= 0);
    if (child == 0)
    {
      alarm (10);
      int status (0);
      try
      {
        check ();
      }
      catch (const CppUnit::Exception& e)
      {
        std::cerr << "in the child: " << e.what () << std::endl;
        status = 1;
      }
      catch (const std::exception& e)
      {
        std::cerr << "in the child: " << e.what () << std::endl;
        status = 2;
      }
      _exit (status);
    }
    int status (0);
    CPPUNIT_ASSERT_EQUAL (child, waitpid (child, &status, 0));
    CPPUNIT_ASSERT_MESSAGE ("the child was killed by signal " +
                            std::to_string (WIFSIGNALED (status) ? WTERMSIG (status) : 0) +
                            " (14: a wait that never returned)",
                            WIFEXITED (status));
    CPPUNIT_ASSERT_EQUAL_MESSAGE ("the child's checks", 0, WEXITSTATUS (status));
  }
}

class connection_gate_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (connection_gate_test);
  CPPUNIT_TEST (refuses_what_is_not_a_listening_socket);
  CPPUNIT_TEST (a_stop_signal_sent_while_busy_ends_the_next_wait);
  CPPUNIT_TEST (a_stop_signal_during_the_wait_ends_it);
  CPPUNIT_TEST (a_connection_opens_the_gate_and_a_lost_race_does_not_block);
  CPPUNIT_TEST (the_signal_mask_is_restored_afterwards);
  CPPUNIT_TEST_SUITE_END ();

public:
  void refuses_what_is_not_a_listening_socket ()
  {
    int pipe_ends[2];
    CPPUNIT_ASSERT_EQUAL (0, pipe (pipe_ends));
    int pair[2];
    CPPUNIT_ASSERT_EQUAL (0, socketpair (AF_UNIX, SOCK_STREAM, 0, pair));
    for (int fd: {pipe_ends[0], pair[0], 999})
    {
      bool refused (false);
      try
      {
        connection_gate gate (fd);
      }
      catch (const std::runtime_error& e)
      {
        refused = std::string (e.what ()).find ("spawn-fcgi") != std::string::npos;
      }
      CPPUNIT_ASSERT_MESSAGE ("fd " + std::to_string (fd), refused);
      // Nothing changed: neither the signal mask nor the descriptor's flags.
      CPPUNIT_ASSERT (!blocked (SIGUSR2));
      if (fd != 999)
        CPPUNIT_ASSERT_EQUAL (0, fcntl (fd, F_GETFL) & O_NONBLOCK);
    }
    for (int fd: {pipe_ends[0], pipe_ends[1], pair[0], pair[1]})
      close (fd);
  }

  void a_stop_signal_sent_while_busy_ends_the_next_wait ()
  {
    for (int s: {SIGUSR1, SIGUSR2, SIGTERM, SIGINT})
      in_child ([s] {
        sockaddr_un at;
        connection_gate gate (listening_socket (at));
        CPPUNIT_ASSERT (blocked (s));
        // As if it came while a request was served: held back (the process lives on, and a
        // system call such as this sleep is not interrupted) ...
        CPPUNIT_ASSERT_EQUAL (0, raise (s));
        CPPUNIT_ASSERT_EQUAL (0, usleep (10000));
        // ... and taken at the next wait, which ends at once though no connection came.
        CPPUNIT_ASSERT (!gate.wait ());
        CPPUNIT_ASSERT (!gate.wait ());
      });
  }

  void a_stop_signal_during_the_wait_ends_it ()
  {
    in_child ([] {
      sockaddr_un at;
      connection_gate gate (listening_socket (at));
      pid_t self (getpid ());
      pid_t sender (fork ());
      if (sender == 0)
      {
        usleep (100000);
        kill (self, SIGUSR2);
        _exit (0);
      }
      CPPUNIT_ASSERT (!gate.wait ());
      waitpid (sender, nullptr, 0);
    });
  }

  void a_connection_opens_the_gate_and_a_lost_race_does_not_block ()
  {
    in_child ([] {
      sockaddr_un at;
      int listener (listening_socket (at));
      connection_gate gate (listener);
      CPPUNIT_ASSERT (fcntl (listener, F_GETFL) & O_NONBLOCK);
      int client (connect_to (at));
      CPPUNIT_ASSERT (gate.wait ());
      int taken (accept (listener, nullptr, nullptr));
      CPPUNIT_ASSERT (taken >= 0);
      // The accepted connection blocks as libfcgi expects; only the listener does not.
      CPPUNIT_ASSERT_EQUAL (0, fcntl (taken, F_GETFL) & O_NONBLOCK);
      // What a handler that woke for a connection another one took sees: no wait in accept().
      CPPUNIT_ASSERT_EQUAL (-1, accept (listener, nullptr, nullptr));
      CPPUNIT_ASSERT (errno == EAGAIN || errno == EWOULDBLOCK);
      close (taken);
      close (client);
      CPPUNIT_ASSERT_EQUAL (0, raise (SIGTERM));
      CPPUNIT_ASSERT (!gate.wait ());
    });
  }

  void the_signal_mask_is_restored_afterwards ()
  {
    in_child ([] {
      sockaddr_un at;
      {
        connection_gate gate (listening_socket (at));
        CPPUNIT_ASSERT (blocked (SIGINT));
      }
      CPPUNIT_ASSERT (!blocked (SIGINT));
      CPPUNIT_ASSERT (!blocked (SIGUSR1));
    });
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (connection_gate_test);
