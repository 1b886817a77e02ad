// How modforge-admin create-user gets a new password: never from the command line (where `ps`
// and shell histories would show it). From a terminal it asks twice without echo; from anything
// else (a pipe, a file) it takes the first line.
#pragma once

#include <string>

namespace modforge
{
  struct password_input
  {
    bool ok = false;
    std::string password;   // when ok: the line without its "\n" (or "\r\n")
    std::string problem;    // when not ok: what went wrong, for the operator
  };

  // Reads from `in`; prompts go to `prompt` (only when `in` is a terminal).
  password_input read_new_password (int in, int prompt);
}
