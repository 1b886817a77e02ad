// One-line log messages to stderr (spawn-fcgi / systemd collect them), each with a priority: when
// stderr is the journal the line starts with sd-daemon's "<N>" so that `journalctl -p err` finds
// errors; a line written while a request is served names that request's id.
#pragma once

#include <string>

#include <sys/types.h>

namespace modforge
{
  // syslog's numbers, as sd-daemon(3) prefixes them.
  enum class log_priority {error = 3, warning = 4, info = 6};

  void set_log_program (const std::string& name);
  void log_error (const std::string& message);     // something failed and needs a look
  void log_warning (const std::string& message);   // failed, but is handled (a retry, a 503)
  void log_info (const std::string& message);      // what happened, for the record

  // While one exists, every line names the request `id` (nginx's $request_id, passed as the
  // FastCGI parameter REQUEST_ID). Anything but [0-9A-Za-z-] is dropped, and more than 64 bytes.
  class log_request_scope
  {
  public:
    explicit log_request_scope (const std::string& id);
    ~log_request_scope ();
    log_request_scope (const log_request_scope&) = delete;
    log_request_scope& operator= (const log_request_scope&) = delete;
  };

  // Whether stderr (device `dev`, inode `ino`) is the journal stream that JOURNAL_STREAM
  // ("<device>:<inode>", or null) names: systemd sets it for a service's stderr, and children
  // inherit both, so it still holds in the handlers under spawn-fcgi and multiwatch.
  bool is_journal_stream (const char* journal_stream, dev_t dev, ino_t ino);

  // One line: for the journal "<P>program[pid]: message" (the journal adds the time), else
  // "time program[pid] level: message"; "request <id>: " before the message if there is one.
  // Line breaks in the message become spaces.
  std::string format_log_line (log_priority, bool journal, const std::string& time,
                               const std::string& program, pid_t pid,
                               const std::string& request_id, const std::string& message);
}
