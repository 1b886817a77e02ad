// The rules shared by everything that takes text from outside (session names, prompts,
// credentials, configuration, request headers, the analyser's answer): which white space is
// trimmed, what counts as a character, and which characters are controls.
#pragma once

#include <cstddef>
#include <string>

namespace modforge
{
  // Space, tab, CR and LF: what is trimmed from names, prompts and configuration lines.
  const char white_space[] = " \t\r\n";

  // `s` without the leading and trailing characters that are in `chars`.
  std::string trim (const std::string& s, const char* chars = white_space);

  // A-Z in lower case, every other byte as it is: how usernames, emails and configuration
  // keys are compared.
  std::string ascii_lower (std::string);

  // The characters (code points) of `s`, which must be valid UTF-8: the bytes that do not
  // continue a character.
  std::size_t count_code_points (const std::string& s);

  // U+0000-U+001F and DEL: the ASCII controls, single bytes in UTF-8 that never occur inside
  // another character.
  bool is_ascii_control (unsigned code_point);

  // Whether `s` holds an ASCII control other than those in `allowed` (a prompt allows "\t\n\r";
  // NUL is never allowed).
  bool has_ascii_control (const std::string& s, const char* allowed = "");

  // The ASCII controls and the C1 controls (U+0080-U+009F): every character Unicode calls a
  // control. For text that ends up in generated code and files (the analyser's answer).
  bool is_control_code_point (unsigned code_point);

  // Whether `s`, which must be valid UTF-8, holds such a character.
  bool has_control_code_point (const std::string& s);
}
