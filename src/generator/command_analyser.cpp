// The external analyser: an operator-given command that answers a prompt and the session's
// history with aiDecisions JSON.
#include "analyser.hpp"

#include <cstdlib>
#include <cstring>

#include <rapidjson/writer.h>

#include "../common/json_writer.hpp"
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

    // {"prompt": ..., "history": [{"prompt": ..., "aiDecisions": {...}}, ...]}, the last
    // max_history_jobs earlier jobs, oldest first.
    std::string analysis_input (const std::string& prompt, const std::vector<earlier_job>& history)
    {
      std::string out;
      string_output stream {out};
      rapidjson::Writer<string_output> w (stream);
      auto text = [&w] (const std::string& s)
      {
        w.String (s.data (), static_cast<rapidjson::SizeType> (s.size ()));
      };
      w.StartObject ();
      w.Key ("prompt");
      text (prompt);
      w.Key ("history");
      w.StartArray ();
      std::size_t skip (history.size () > max_history_jobs ? history.size () - max_history_jobs : 0);
      for (std::size_t i (skip); i < history.size (); ++i)
      {
        w.StartObject ();
        w.Key ("prompt");
        text (history[i].prompt);
        w.Key ("aiDecisions");
        std::string json (decisions_to_json (history[i].decisions));
        w.RawValue (json.data (), json.size (), rapidjson::kObjectType);
        w.EndObject ();
      }
      w.EndArray ();
      w.EndObject ();
      return out;
    }

    // All the command may see of the worker's environment: it may hold the database password
    // file's name, and an analyser is someone else's program.
    std::vector<std::string> minimal_environment ()
    {
      std::vector<std::string> env {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8"};
      // systemd's LoadCredential= puts the API key there (docs/mods.md).
      if (const char* credentials = std::getenv ("CREDENTIALS_DIRECTORY"))
        env.push_back (std::string ("CREDENTIALS_DIRECTORY=") + credentials);
      return env;
    }
  }

  decisions analyse_with_command (const std::string& command, const std::string& prompt,
                                     const std::vector<earlier_job>& history,
                                     int timeout_seconds)
  {
    if (is_blank_prompt (prompt))
      throw generator_error ("the prompt is empty");
    if (is_blank_prompt (command))
      throw analyser_failure ("the analyser command is empty");
    if (timeout_seconds < 1)
      throw analyser_failure ("the analyser timeout must be at least 1 s");

    typedef command_outcome::ending ending;
    command_outcome r (run_shell_command (command, analysis_input (prompt, history),
                                          timeout_seconds, max_output_bytes,
                                          minimal_environment ()));
    switch (r.how)
    {
    case ending::timed_out:
      throw analyser_failure ("the analyser command timed out after " +
                              std::to_string (timeout_seconds) + " s");
    case ending::output_too_large:
      throw analyser_failure ("the analyser command wrote more than " +
                              std::to_string (max_output_bytes) + " bytes");
    case ending::signalled:
      throw analyser_failure ("the analyser command was killed by signal " +
                              std::to_string (r.code) + " (" + strsignal (r.code) + ")" +
                              quoted_error (r.err));
    case ending::exited:
      if (r.code != 0)
        throw analyser_failure ("the analyser command exited with status " +
                                std::to_string (r.code) + quoted_error (r.err));
    }

    try
    {
      return decisions_from_json (r.out);
    }
    catch (const generator_error& e)
    {
      throw analyser_failure (std::string ("the analyser command's output is not valid: ") +
                              e.what () + quoted_error (r.err));
    }
  }
}
