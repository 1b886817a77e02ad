// The analyser: turns a prompt, and the session's earlier jobs, into the item's decisions,
// either by built-in keyword rules or by an external command the operator configures (an AI
// model, typically).
#pragma once

#include <string>
#include <vector>

#include "decisions.hpp"

namespace modforge
{
  // A job of the same session that came before, with what was decided for it.
  struct earlier_job
  {
    std::string prompt;
    modforge::decisions decisions; // qualified: the member takes the type's name
  };

  // At most this many earlier jobs reach an analyser (the most recent ones).
  const std::size_t max_history_jobs = 10;

  // Deterministic built-in analyser: the same prompt and history always give the same, valid
  // decisions (modId is the name's base; the worker makes it unique per job).
  //
  // A fresh item: the kind from keywords (sword/blade -> sword, chestplate/armour -> chestplate,
  // apple/pie -> food, ...; a tool or weapon wins over armour, armour over a material), French,
  // Spanish and German item words read as English; the material and tier from material words
  // ("golden" -> gold); abilities from words and phrases ("breathe underwater"); the colours
  // from colour words, topped up from a hash of the prompt; the name from the best describing
  // word and the kind's word ("a glowing blue sword of frost" -> "Frost Sword"), or an
  // ability's adjective ("a helmet that lets you breathe underwater" -> "Diving Helmet").
  //
  // A follow-up, when `history` is not empty and the prompt refers to the last item ("make it
  // blue instead", "now a matching pickaxe", "same but stronger", "also make it glow",
  // "without the fire", "make it out of diamond", "call it X"; follow_ups.hpp lists them all):
  // the last item's decisions with that change.
  //
  // Any bytes are accepted; throws generator_error ("the prompt is empty") when the prompt is
  // only white space and controls.
  decisions analyse_builtin (const std::string& prompt,
                                const std::vector<earlier_job>& history = {});

  // The external analyser failed. what () is a plain sentence for the job's owner; detail ()
  // says what happened, for the operator's log (it quotes the command's standard error).
  struct analyser_failure: generator_error
  {
    analyser_failure (const std::string& detail)
        : generator_error ("The analyser could not handle this prompt; please try again later."),
          detail_ (detail) {}

    const std::string& detail () const {return detail_;}

  private:
    std::string detail_;
  };

  // Runs `command` through /bin/sh -c with {"prompt", "history"} (docs/analyser.schema.json;
  // history: the last max_history_jobs, oldest first) on its standard input; its standard
  // output must be the aiDecisions JSON, which is checked and mended as decisions_from_json
  // does. The command gets a minimal environment (PATH, LANG, and CREDENTIALS_DIRECTORY when
  // the worker has one). After timeout_seconds (at least 1) its whole process group is killed
  // with SIGKILL. Throws generator_error on a blank prompt; analyser_failure on a timeout, a
  // non-zero exit, death by a signal, output over 64 KiB or output that is not valid. The
  // process group is killed once the command has exited too, so that nothing it started in the
  // background outlives it. Safe to call repeatedly from a daemon and from several threads;
  // SIGCHLD must not be ignored (the child is reaped with waitpid).
  decisions analyse_with_command (const std::string& command, const std::string& prompt,
                                     const std::vector<earlier_job>& history,
                                     int timeout_seconds);
}
