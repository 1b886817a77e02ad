// One-line log messages to stderr (spawn-fcgi / systemd collect them), prefixed with the program.
#pragma once

#include <string>

namespace modforge
{
  void set_log_program (const std::string& name);
  void log_error (const std::string& message);
  void log_info (const std::string& message);
}
