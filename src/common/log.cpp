// Logging to stderr, one line per message, so that interleaved processes stay readable.
#include "log.hpp"

#include <cstdio>
#include <unistd.h>

#include "clock.hpp"

namespace modforge
{
  namespace
  {
    std::string program ("modforge");

    void write_line (const char* level, const std::string& message)
    {
      std::string line (format_iso8601 (now_utc ()) + " " + program + "[" +
                        std::to_string (getpid ()) + "] " + level + ": " + message + "\n");
      // One write(2) per line: lines from several handler processes never interleave.
      ssize_t ignored (::write (STDERR_FILENO, line.data (), line.size ()));
      (void) ignored;
    }
  }

  void set_log_program (const std::string& name) {program = name;}
  void log_error (const std::string& message) {write_line ("error", message);}
  void log_info (const std::string& message) {write_line ("info", message);}
}
