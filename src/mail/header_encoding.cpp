// RFC 2047 encoded-words and RFC 5322 folding for the headers of the mail the service sends.
#include "header_encoding.hpp"

#include <cstring>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

#include "../common/mail_address.hpp"
#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"

namespace modforge
{
  namespace
  {
    // RFC 2047: an encoded-word is at most 75 characters, and a line holding one at most 76.
    const std::size_t max_encoded_word = 75;
    const std::size_t max_encoded_line = 76;
    // RFC 5322's recommended line length, for headers written as they are.
    const std::size_t max_plain_line = 78;
    const char word_prefix[] = "=?UTF-8?B?";
    const char word_suffix[] = "?=";

    void require_text (const std::string& value, const char* what)
    {
      if (!is_valid_utf8 (value) || has_ascii_control (value))
        throw std::invalid_argument (std::string (what) +
                                     " must be UTF-8 without control characters");
    }

    bool is_printable_ascii (const std::string& s)
    {
      for (char c: s)
        if (c < 0x20 || c > 0x7e)
          return false;
      return true;
    }

    std::string base64 (const std::string& bytes)
    {
      std::vector<unsigned char> out (4 * ((bytes.size () + 2) / 3) + 1);
      int n (EVP_EncodeBlock (out.data (), reinterpret_cast<const unsigned char*> (bytes.data ()),
                              static_cast<int> (bytes.size ())));
      return std::string (reinterpret_cast<const char*> (out.data ()),
                          static_cast<std::size_t> (n));
    }

    // `first_line` (already on the line, e.g. "Subject: ") followed by `value` as encoded-words,
    // each line within max_encoded_line, continuation lines starting with a space.
    std::string encoded_words (const std::string& first_line, const std::string& value)
    {
      const std::size_t overhead (sizeof (word_prefix) - 1 + sizeof (word_suffix) - 1);
      std::string r (first_line);
      std::size_t line_start (0);
      const unsigned char* p (reinterpret_cast<const unsigned char*> (value.data ()));
      const unsigned char* end (p + value.size ());
      do
      {
        // What fits: the room left on this line, at most one word; base64 takes 4 characters
        // for every 3 bytes.
        std::size_t used (r.size () - line_start);
        std::size_t room (std::min (max_encoded_word, max_encoded_line - used) - overhead);
        std::size_t max_bytes (room / 4 * 3);
        const unsigned char* chunk_end (p);
        while (chunk_end != end)
        {
          std::size_t n (utf8_char_length (chunk_end, end));
          if (static_cast<std::size_t> (chunk_end + n - p) > max_bytes)
            break;
          chunk_end += n;
        }
        r += word_prefix;
        r += base64 (std::string (reinterpret_cast<const char*> (p),
                                  static_cast<std::size_t> (chunk_end - p)));
        r += word_suffix;
        p = chunk_end;
        if (p != end)
        {
          r += "\r\n ";
          line_start = r.size () - 1;
        }
      }
      while (p != end);
      return r;
    }

    // RFC 5322's atext, and the space between atoms: a display name of these needs no quotes.
    bool is_atom_phrase (const std::string& s)
    {
      if (s.empty () || s.front () == ' ' || s.back () == ' ' || s.find ("  ") != std::string::npos)
        return false;
      for (char c: s)
      {
        bool letter_or_digit ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9'));
        if (!letter_or_digit && (c == '\0' || std::strchr (" !#$%&'*+-/=?^_`{|}~", c) == nullptr))
          return false;
      }
      return true;
    }

    std::string quoted (const std::string& s)
    {
      std::string r ("\"");
      for (char c: s)
      {
        if (c == '"' || c == '\\')
          r.push_back ('\\');
        r.push_back (c);
      }
      return r + "\"";
    }

    // ASCII that a decoder would take for an encoded-word must be encoded itself.
    bool looks_encoded (const std::string& s)
    {
      return s.find ("=?") != std::string::npos;
    }
  }

  std::string unstructured_header (const std::string& name, const std::string& value)
  {
    require_text (value, name.c_str ());
    std::string plain (name + ": " + value);
    if (is_printable_ascii (value) && !looks_encoded (value) && plain.size () <= max_plain_line)
      return plain;
    return encoded_words (name + ": ", value);
  }

  std::string address_header (const std::string& name, const std::string& display_name,
                              const std::string& address)
  {
    if (!is_mail_address (address))
      throw std::invalid_argument (name + " address is not one mail can carry");
    require_text (display_name, "the display name");
    if (display_name.empty ())
      return name + ": " + address;

    if (is_printable_ascii (display_name) && !looks_encoded (display_name))
    {
      std::string phrase (is_atom_phrase (display_name) ? display_name : quoted (display_name));
      std::string line (name + ": " + phrase + " <" + address + ">");
      if (line.size () <= max_plain_line)
        return line;
    }
    // The address goes on a line of its own: encoded-words may not share one with it past 76.
    return encoded_words (name + ": ", display_name) + "\r\n <" + address + ">";
  }
}
