// The command line of modforge-fcgi and modforge-worker, which take no arguments but --help.
#pragma once

namespace modforge
{
  // What a daemon's --help says of it; the options, environment and exit codes are the same for
  // both daemons and are added around these.
  struct daemon_description
  {
    const char* program;
    const char* about;    // lines saying what it does
    const char* signals;  // the lines of its list of signals
  };

  // Returns true when main should go on (no arguments). Otherwise sets `exit_status` for main to
  // return at once: 0 after --help (or -h) printed the help on stdout, 2 after a usage error on
  // stderr.
  bool accept_daemon_command_line (int argc, char* argv[], const daemon_description&,
                                   int& exit_status);
}
