// Logging to stderr, one line per message, so that interleaved processes stay readable.
#include "log.hpp"

#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.hpp"

namespace modforge
{
  namespace
  {
    std::string program ("modforge");
    std::string request_id;
    // -1: not looked at yet; stderr does not change once the program runs.
    int journal (-1);

    bool stderr_is_journal ()
    {
      if (journal < 0)
      {
        struct stat s;
        journal = fstat (STDERR_FILENO, &s) == 0 &&
                  is_journal_stream (std::getenv ("JOURNAL_STREAM"), s.st_dev, s.st_ino);
      }
      return journal == 1;
    }

    const char* level_word (log_priority p)
    {
      switch (p)
      {
      case log_priority::error: return "error";
      case log_priority::warning: return "warning";
      case log_priority::info: break;
      }
      return "info";
    }

    void write_line (log_priority p, const std::string& message)
    {
      std::string line (format_log_line (p, stderr_is_journal (), format_iso8601 (now_utc ()),
                                         program, getpid (), request_id, message));
      // One write(2) per line: lines from several handler processes never interleave.
      ssize_t ignored (::write (STDERR_FILENO, line.data (), line.size ()));
      (void) ignored;
    }
  }

  bool is_journal_stream (const char* journal_stream, dev_t dev, ino_t ino)
  {
    if (journal_stream == nullptr)
      return false;
    unsigned long long d (0), i (0);
    char end (0);
    return std::sscanf (journal_stream, "%llu:%llu%c", &d, &i, &end) == 2 &&
           d == static_cast<unsigned long long> (dev) &&
           i == static_cast<unsigned long long> (ino);
  }

  std::string format_log_line (log_priority p, bool journal, const std::string& time,
                               const std::string& program, pid_t pid,
                               const std::string& request_id, const std::string& message)
  {
    std::string who (program + "[" + std::to_string (pid) + "]");
    std::string text ((request_id.empty () ? "" : "request " + request_id + ": ") + message);
    // A message may quote PostgreSQL's, which has line breaks: a second line would lose the
    // priority (the journal reads each line as an entry of its own).
    for (char& c: text)
      if (c == '\n' || c == '\r')
        c = ' ';
    if (journal)
      return "<" + std::to_string (static_cast<int> (p)) + ">" + who + ": " + text + "\n";
    return time + " " + who + " " + level_word (p) + ": " + text + "\n";
  }

  log_request_scope::log_request_scope (const std::string& id)
  {
    request_id.clear ();
    for (char c: id)
      if (request_id.size () < 64 && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                      (c >= 'A' && c <= 'Z') || c == '-'))
        request_id.push_back (c);
  }

  log_request_scope::~log_request_scope () {request_id.clear ();}

  void set_log_program (const std::string& name) {program = name;}
  void log_error (const std::string& message) {write_line (log_priority::error, message);}
  void log_warning (const std::string& message) {write_line (log_priority::warning, message);}
  void log_info (const std::string& message) {write_line (log_priority::info, message);}
}
