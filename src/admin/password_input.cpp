// Reading a new password from standard input or, without echo, from a terminal.
#include "password_input.hpp"

#include <cerrno>
#include <cstring>

#include <termios.h>
#include <unistd.h>

namespace modforge
{
  namespace
  {
    // One line, byte by byte (nothing past the newline is consumed). False at end of input
    // before any byte, or on a read error.
    bool read_line (int fd, std::string& line)
    {
      line.clear ();
      bool any (false);
      for (;;)
      {
        char c;
        ssize_t n (::read (fd, &c, 1));
        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0)
          return any;
        any = true;
        if (c == '\n')
          break;
        line += c;
      }
      if (!line.empty () && line.back () == '\r')
        line.pop_back ();
      return true;
    }

    void write_text (int fd, const std::string& s)
    {
      for (std::size_t done (0); done < s.size ();)
      {
        ssize_t n (::write (fd, s.data () + done, s.size () - done));
        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0)
          return; // nowhere to prompt: the read still works
        done += static_cast<std::size_t> (n);
      }
    }

    // Asks on `prompt` and reads a line from the terminal `in` with echo off (the newline the
    // operator types is still echoed, so the next prompt starts on a line of its own).
    bool ask_hidden (int in, int prompt, const char* question, std::string& line)
    {
      write_text (prompt, question);
      termios saved;
      if (tcgetattr (in, &saved) != 0)
        return read_line (in, line);
      termios quiet (saved);
      quiet.c_lflag &= ~static_cast<tcflag_t> (ECHO);
      quiet.c_lflag |= ECHONL;
      tcsetattr (in, TCSAFLUSH, &quiet);
      bool got (read_line (in, line));
      tcsetattr (in, TCSAFLUSH, &saved);
      if (!got)
        write_text (prompt, "\n");
      return got;
    }
  }

  password_input read_new_password (int in, int prompt)
  {
    password_input r;
    if (!isatty (in))
    {
      r.ok = read_line (in, r.password);
      if (!r.ok)
        r.problem = "no password on standard input (its first line is the password)";
      return r;
    }

    std::string again;
    if (!ask_hidden (in, prompt, "New password: ", r.password) ||
        !ask_hidden (in, prompt, "Repeat the password: ", again))
      r.problem = "no password was entered";
    else if (r.password != again)
      r.problem = "the two passwords differ";
    else
      r.ok = true;
    if (!r.ok)
      r.password.clear ();
    return r;
  }
}
