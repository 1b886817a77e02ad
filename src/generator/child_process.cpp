// The child process runner behind the external analyser.
#include "child_process.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "decisions.hpp"

namespace modforge
{
  namespace
  {
    typedef std::chrono::steady_clock steady_clock;

    const std::size_t max_error_bytes = 4096;

    [[noreturn]] void fail (const char* what)
    {
      throw generator_error (std::string ("could not run the analyser command: ") + what +
                             " failed (" + std::strerror (errno) + ")");
    }

    // Owns one file descriptor.
    class unique_fd
    {
    public:
      explicit unique_fd (int fd = -1): fd_ (fd) {}
      ~unique_fd () {reset ();}
      unique_fd (unique_fd&& o): fd_ (o.fd_) {o.fd_ = -1;}
      unique_fd (const unique_fd&) = delete;
      unique_fd& operator= (const unique_fd&) = delete;

      int get () const {return fd_;}
      void reset ()
      {
        if (fd_ >= 0)
          close (fd_);
        fd_ = -1;
      }

    private:
      int fd_;
    };

    struct pipe_ends
    {
      unique_fd read, write;
    };

    // Both ends close on exec, so that a child another thread forks inherits neither.
    pipe_ends make_pipe ()
    {
      int fds[2];
      if (pipe2 (fds, O_CLOEXEC) != 0)
        fail ("pipe");
      return pipe_ends {unique_fd (fds[0]), unique_fd (fds[1])};
    }

    void set_non_blocking (int fd)
    {
      if (fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) | O_NONBLOCK) != 0)
        fail ("fcntl");
    }

    // In the child, between fork and exec: async-signal-safe calls only (the daemon may have
    // other threads, and one of them may hold malloc's lock).
    [[noreturn]] void exec_child (int in, int out, int err, const char* command,
                                  char* const* environment, pid_t parent)
    {
      setpgid (0, 0);
      // If the worker is killed, the command goes too (it is in a group of its own, so a signal
      // to the worker's group would not reach it). The parent may already be gone.
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (getppid () != parent)
        _exit (127);
      // Moved above 2 first, so that dup2 cannot overwrite one of them when the daemon runs
      // with 0-2 closed and a pipe got one of those numbers.
      int moved[3] = {fcntl (in, F_DUPFD, 3), fcntl (out, F_DUPFD, 3), fcntl (err, F_DUPFD, 3)};
      for (int i (0); i != 3; ++i)
        if (moved[i] < 0 || dup2 (moved[i], i) != i)
          _exit (127);
      if (close_range (3, ~0U, 0) != 0)
        for (int fd (3); fd != 4096; ++fd)
          close (fd);

      // An ignored disposition and the signal mask survive exec; the command gets the defaults.
      for (int s: {SIGPIPE, SIGCHLD, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2})
        signal (s, SIG_DFL);
      sigset_t none;
      sigemptyset (&none);
      sigprocmask (SIG_SETMASK, &none, nullptr);

      const char* argv[] = {"sh", "-c", command, nullptr};
      execve ("/bin/sh", const_cast<char* const*> (argv), environment);
      _exit (127);
    }

    // Blocks SIGPIPE in this thread while it lives, and consumes a SIGPIPE our writes raised,
    // so that a command that exits without reading its input cannot kill the daemon, whatever
    // the daemon's disposition of SIGPIPE is. EPIPE tells the writer instead.
    class sigpipe_blocker
    {
    public:
      sigpipe_blocker ()
      {
        sigemptyset (&pipe_);
        sigaddset (&pipe_, SIGPIPE);
        pthread_sigmask (SIG_BLOCK, &pipe_, &old_);
        was_pending_ = pending ();
      }

      ~sigpipe_blocker ()
      {
        if (!was_pending_ && pending ())
        {
          timespec zero {0, 0};
          sigtimedwait (&pipe_, nullptr, &zero);
        }
        pthread_sigmask (SIG_SETMASK, &old_, nullptr);
      }

    private:
      bool pending ()
      {
        sigset_t p;
        sigpending (&p);
        return sigismember (&p, SIGPIPE) == 1;
      }

      sigset_t pipe_, old_;
      bool was_pending_;
    };

    // The running child: killed (its whole group) and reaped unless it was reaped already, so
    // that no exit path leaves a zombie or a running command.
    class child_guard
    {
    public:
      explicit child_guard (pid_t pid): pid_ (pid) {}
      ~child_guard () {kill_and_reap ();}

      // Waits up to `deadline` for the child to exit on its own; false when it did not.
      bool reap_by (steady_clock::time_point deadline, int& status)
      {
        for (;;)
        {
          pid_t r (waitpid (pid_, &status, WNOHANG));
          if (r == pid_)
          {
            reaped_ = true;
            kill_group (); // what it left running in the background
            return true;
          }
          if (r < 0 && errno != EINTR)
            fail ("waitpid");
          if (steady_clock::now () >= deadline)
            return false;
          poll (nullptr, 0, 10);
        }
      }

      void kill_and_reap ()
      {
        if (reaped_)
          return;
        kill_group ();
        kill (pid_, SIGKILL); // in case it had not joined its group yet
        int status;
        while (waitpid (pid_, &status, 0) < 0 && errno == EINTR)
          ;
        reaped_ = true;
      }

    private:
      // The group keeps its id while any member lives, so the id cannot name someone else's.
      void kill_group () {kill (-pid_, SIGKILL);}

      pid_t pid_;
      bool reaped_ = false;
    };

    // One read from a ready descriptor into `into`, keeping at most `keep` bytes; false at end
    // of file or on an error.
    bool read_some (int fd, std::string& into, std::size_t keep)
    {
      char buf[8192];
      ssize_t n (read (fd, buf, sizeof (buf)));
      if (n < 0)
        return errno == EAGAIN || errno == EINTR;
      if (n == 0)
        return false;
      std::size_t room (keep > into.size () ? keep - into.size () : 0);
      into.append (buf, std::min (room, static_cast<std::size_t> (n)));
      return true;
    }

    // One write of what is left of `input`; false when the reader has gone (or another error).
    bool write_some (int fd, const std::string& input, std::size_t& written)
    {
      ssize_t n (write (fd, input.data () + written, input.size () - written));
      if (n < 0)
        return errno == EAGAIN || errno == EINTR;
      written += static_cast<std::size_t> (n);
      return true;
    }

    int milliseconds_until (steady_clock::time_point deadline)
    {
      auto left (std::chrono::duration_cast<std::chrono::milliseconds> (
        deadline - steady_clock::now ()).count ());
      return left <= 0 ? 0 : static_cast<int> (left) + 1;
    }

    // Our ends of the child's three pipes, and what went through them.
    struct child_pipes
    {
      unique_fd in, out, err;
      const std::string& input;
      std::size_t max_output;
      std::size_t written;
      std::string out_text, err_text;

      bool reading () const {return out.get () >= 0 || err.get () >= 0;}

      // One poll of at most wait_ms: writes what stdin takes, reads what stdout and stderr
      // hold, and closes each pipe that is done (stdout is kept to max_output + 1 bytes, enough
      // to tell that it was too long).
      void exchange (int wait_ms)
      {
        unique_fd* owners[3] = {&in, &out, &err};
        unique_fd* polled[3];
        pollfd fds[3];
        nfds_t n (0);
        for (unique_fd* o: owners)
          if (o->get () >= 0)
          {
            polled[n] = o;
            fds[n++] = pollfd {o->get (), static_cast<short> (o == &in ? POLLOUT : POLLIN), 0};
          }
        if (poll (fds, n, wait_ms) < 0)
        {
          if (errno == EINTR)
            return;
          fail ("poll");
        }

        for (nfds_t i (0); i != n; ++i)
        {
          if (fds[i].revents == 0)
            continue;
          bool open (polled[i] == &in ? write_some (in.get (), input, written) &&
                                          written != input.size ()
                     : polled[i] == &out ? read_some (out.get (), out_text, max_output + 1)
                     : read_some (err.get (), err_text, max_error_bytes));
          if (!open)
            polled[i]->reset ();
        }
      }
    };

    command_outcome outcome (command_outcome::ending how, int code, child_pipes& io)
    {
      if (io.out_text.size () > io.max_output)
        io.out_text.resize (io.max_output);
      return command_outcome {how, code, std::move (io.out_text), std::move (io.err_text)};
    }

    command_outcome killed (child_guard& child, command_outcome::ending how, child_pipes& io)
    {
      child.kill_and_reap ();
      return outcome (how, 0, io);
    }
  }

  command_outcome run_shell_command (const std::string& command, const std::string& input,
                                     int timeout_seconds, std::size_t max_output,
                                     const std::vector<std::string>& environment)
  {
    // Made before fork: the child may only make async-signal-safe calls.
    std::vector<char*> env;
    for (const std::string& e: environment)
      env.push_back (const_cast<char*> (e.c_str ()));
    env.push_back (nullptr);

    typedef command_outcome::ending ending;
    steady_clock::time_point deadline (steady_clock::now () +
                                       std::chrono::seconds (timeout_seconds));
    pipe_ends in (make_pipe ()), out (make_pipe ()), err (make_pipe ());
    const char* command_text (command.c_str ());

    pid_t self (getpid ()), pid (fork ());
    if (pid < 0)
      fail ("fork");
    if (pid == 0)
      exec_child (in.read.get (), out.write.get (), err.write.get (), command_text, env.data (),
                  self);

    child_guard child (pid);
    setpgid (pid, pid); // the child does it too: whichever runs first wins the race
    child_pipes io {std::move (in.write), std::move (out.read), std::move (err.read), input,
                    max_output, 0, std::string (), std::string ()};
    in.read.reset ();
    out.write.reset ();
    err.write.reset ();
    for (int fd: {io.in.get (), io.out.get (), io.err.get ()})
      set_non_blocking (fd);
    if (input.empty ())
      io.in.reset ();

    sigpipe_blocker blocker;
    while (io.reading ())
    {
      int wait_ms (milliseconds_until (deadline));
      if (wait_ms == 0)
        return killed (child, ending::timed_out, io);
      io.exchange (wait_ms);
      if (io.out_text.size () > max_output)
        return killed (child, ending::output_too_large, io);
    }

    io.in.reset ();
    int status;
    if (!child.reap_by (deadline, status))
      return killed (child, ending::timed_out, io);
    if (WIFSIGNALED (status))
      return outcome (ending::signalled, WTERMSIG (status), io);
    return outcome (ending::exited, WEXITSTATUS (status), io);
  }
}
