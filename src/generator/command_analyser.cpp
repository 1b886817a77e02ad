// The external analyser: an operator-given command that answers a prompt with decisions JSON.
#include "analyser.hpp"

#include <cstring>

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"
#include "child_process.hpp"
#include "prompt_words.hpp"

namespace modforge
{
  namespace
  {
    const std::size_t max_output_bytes = 64 * 1024;
    const std::size_t max_quoted_error_bytes = 200;

    // ": <first line of stderr>", cleaned to printable UTF-8 and cut to 200 bytes; "" when
    // the command said nothing.
    std::string quoted_error (const std::string& err)
    {
      std::string line (err.substr (0, err.find_first_of ("\r\n")));
      line = to_valid_utf8 (line, max_quoted_error_bytes, '?');
      for (char& c: line)
        if (is_ascii_control (static_cast<unsigned char> (c)))
          c = ' ';
      line = trim (line, " ");
      return line.empty () ? "" : ": " + line;
    }
  }

  decisions analyse_with_command (const std::string& command, const std::string& prompt,
                                     int timeout_seconds)
  {
    if (is_blank_prompt (prompt))
      throw generator_error ("the prompt is empty");
    if (is_blank_prompt (command))
      throw generator_error ("the analyser command is empty");
    if (timeout_seconds < 1)
      throw generator_error ("the analyser timeout must be at least 1 s");

    typedef command_outcome::ending ending;
    command_outcome r (run_shell_command (command, prompt, timeout_seconds, max_output_bytes));
    switch (r.how)
    {
    case ending::timed_out:
      throw generator_error ("the analyser command timed out after " +
                             std::to_string (timeout_seconds) + " s");
    case ending::output_too_large:
      throw generator_error ("the analyser command wrote more than " +
                             std::to_string (max_output_bytes) + " bytes");
    case ending::signalled:
      throw generator_error ("the analyser command was killed by signal " +
                             std::to_string (r.code) + " (" + strsignal (r.code) + ")" +
                             quoted_error (r.err));
    case ending::exited:
      if (r.code != 0)
        throw generator_error ("the analyser command exited with status " +
                               std::to_string (r.code) + quoted_error (r.err));
    }

    try
    {
      return decisions_from_json (r.out);
    }
    catch (const generator_error& e)
    {
      throw generator_error (std::string ("the analyser command's output is not valid: ") +
                             e.what () + quoted_error (r.err));
    }
  }
}
