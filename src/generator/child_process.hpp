// Running a shell command as a child process with input on its stdin, a deadline and bounded
// output, without leaving a zombie, an open descriptor or a pending SIGPIPE behind.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace modforge
{
  struct command_outcome
  {
    enum class ending {exited, signalled, timed_out, output_too_large};

    ending how;
    int code;        // the exit status (exited) or the signal number (signalled); 0 otherwise
    std::string out; // standard output, at most max_output bytes
    std::string err; // the start of standard error (its first 4 KiB)
  };

  // Runs /bin/sh -c `command` in a process group of its own, with `environment` ("NAME=value"
  // strings) as its whole environment, writes `input` to its stdin (a command that does not read
  // it is fine) and collects its output. When timeout_seconds pass,
  // or stdout exceeds max_output bytes, the whole group is killed with SIGKILL. The group is
  // killed after a normal exit too, for anything the command left running in the background.
  // The child gets no descriptor of ours beyond 0-2, default signal dispositions and an empty
  // signal mask. Throws generator_error only when the system refuses (pipe, fork, poll, wait).
  command_outcome run_shell_command (const std::string& command, const std::string& input,
                                     int timeout_seconds, std::size_t max_output,
                                     const std::vector<std::string>& environment);
}
