// Checking email addresses against the subset of RFC 5321/5322 that mail can carry as it is.
#include "mail_address.hpp"

#include <cstring>

namespace modforge
{
  namespace
  {
    const std::size_t max_address_bytes = 255;
    const std::size_t max_local_bytes = 64;
    const std::size_t max_label_bytes = 63;

    bool is_letter_or_digit (char c)
    {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    // RFC 5322's atext: what a dot-atom is made of.
    bool is_atext (char c)
    {
      return is_letter_or_digit (c) ||
             (c != '\0' && std::strchr ("!#$%&'*+-/=?^_`{|}~", c) != nullptr);
    }

    bool is_dot_atom (const std::string& s)
    {
      if (s.empty () || s.front () == '.' || s.back () == '.')
        return false;
      for (std::size_t i (0); i != s.size (); ++i)
      {
        if (s[i] == '.' ? s[i + 1] == '.' : !is_atext (s[i]))
          return false;
      }
      return true;
    }

    bool is_label (const std::string& s, std::size_t begin, std::size_t end)
    {
      if (end == begin || end - begin > max_label_bytes || s[begin] == '-' || s[end - 1] == '-')
        return false;
      for (std::size_t i (begin); i != end; ++i)
        if (!is_letter_or_digit (s[i]) && s[i] != '-')
          return false;
      return true;
    }

    bool is_domain (const std::string& s)
    {
      std::size_t begin (0);
      for (;;)
      {
        std::size_t dot (s.find ('.', begin));
        std::size_t end (dot == std::string::npos ? s.size () : dot);
        if (!is_label (s, begin, end))
          return false;
        if (dot == std::string::npos)
          return true;
        begin = dot + 1;
      }
    }
  }

  bool is_mail_address (const std::string& a)
  {
    if (a.size () > max_address_bytes)
      return false;
    std::size_t at (a.find ('@'));
    if (at == std::string::npos || at > max_local_bytes)
      return false;
    // A dot-atom has no '@', so a second one fails the domain's check.
    return is_dot_atom (a.substr (0, at)) && is_domain (a.substr (at + 1));
  }

  std::string mail_domain (const std::string& address)
  {
    std::size_t at (address.find ('@'));
    return at == std::string::npos ? std::string () : address.substr (at + 1);
  }
}
