// The analyser: turns a prompt into the item's decisions, either by built-in keyword rules or
// by an external command the operator configures (an AI model, typically).
#pragma once

#include <string>

#include "decisions.hpp"

namespace modforge
{
  // Deterministic built-in analyser: the same prompt always gives the same, valid decisions.
  // The kind comes from keywords (sword/blade -> sword, apple/bread/pie -> food, ruby/gem ->
  // gem, ingot/bar -> ingot, staff/wand -> wand, ...; a tool or weapon wins over a material), the
  // colours from colour words (frost -> light blue, fire -> orange, ...) topped up from a hash of
  // the prompt, the names from its significant words, title-cased and folded to ASCII letters,
  // digits and spaces ("a glowing blue sword of frost" -> "Frost Sword", modId "frost_sword";
  // "Custom Item" / "custom_item" when no word is left). Any bytes are accepted; throws
  // generator_error ("the prompt is empty") when the prompt is only white space and controls.
  decisions analyse_builtin (const std::string& prompt);

  // Runs `command` through /bin/sh -c with the prompt on its standard input; its standard output
  // must be the decisions as JSON (see decisions_from_json). After timeout_seconds (at least 1)
  // its whole process group is killed with SIGKILL. Throws generator_error on a blank prompt,
  // a timeout, a non-zero exit, death by a signal, output over 64 KiB or invalid output; the
  // message quotes the first line of the command's standard error (at most 200 characters).
  // The process group is killed once the command has exited too, so that nothing it started in
  // the background outlives it. Safe to call repeatedly from a daemon and from several threads;
  // SIGCHLD must not be ignored (the child is reaped with waitpid).
  decisions analyse_with_command (const std::string& command, const std::string& prompt,
                                     int timeout_seconds);
}
