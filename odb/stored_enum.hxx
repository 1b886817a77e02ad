// Enums stored as text: each one lists the names of its enumerators once, in their order, and
// these two functions turn a value into its name and a name back into its value.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace modforge
{
  template <typename E, std::size_t N>
  const char* enum_name (const char* const (&names)[N], E value)
  {
    std::size_t i (static_cast<std::size_t> (value));
    if (i >= N)
      throw std::invalid_argument ("no name for enumerator " + std::to_string (i));
    return names[i];
  }

  // Throws std::invalid_argument, naming `what`, for a text that is none of the names.
  template <typename E, std::size_t N>
  E enum_value (const char* const (&names)[N], const std::string& text, const char* what)
  {
    for (std::size_t i (0); i != N; ++i)
      if (text == names[i])
        return static_cast<E> (i);
    throw std::invalid_argument (std::string ("unknown ") + what + " '" + text + "'");
  }
}
