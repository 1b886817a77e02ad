// Reading back the mail that format_message writes, as a mail program would: the header lines
// unfolded and their RFC 2047 encoded-words decoded, the body decoded from its transfer
// encoding, and every rule of the format checked on the way (CRLF line ends, line lengths,
// printable ASCII headers). Shared by the unit tests and the mail_message fuzzer.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace modforge_test
{
  struct read_mail
  {
    std::vector<std::pair<std::string, std::string>> headers;   // name, decoded value
    std::string body;          // decoded, with "\n" line ends
    std::string problem;       // empty when the text follows every rule checked

    // The decoded value of the header `name`, or "" when it is missing.
    std::string header (const std::string& name) const
    {
      for (const auto& h: headers)
        if (h.first == name)
          return h.second;
      return std::string ();
    }
  };

  inline int base64_digit (char c)
  {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  }

  // false for anything that is not padded base64.
  inline bool base64_decode (const std::string& in, std::string& out)
  {
    if (in.size () % 4 != 0)
      return false;
    out.clear ();
    for (std::size_t i (0); i < in.size (); i += 4)
    {
      int v[4];
      int pad (0);
      for (int k (0); k != 4; ++k)
      {
        char c (in[i + k]);
        if (c == '=' && i + 4 == in.size () && k >= 2)
        {
          v[k] = 0;
          ++pad;
        }
        else if (pad != 0 || (v[k] = base64_digit (c)) < 0)
          return false;
      }
      unsigned n ((v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3]);
      out.push_back (static_cast<char> (n >> 16));
      if (pad < 2) out.push_back (static_cast<char> ((n >> 8) & 0xff));
      if (pad < 1) out.push_back (static_cast<char> (n & 0xff));
    }
    return true;
  }

  // An unfolded header value with its "=?UTF-8?B?...?=" words decoded; blanks between two
  // encoded-words are dropped (RFC 2047, 6.2). Sets `problem` for a malformed word.
  inline std::string decode_words (const std::string& value, std::string& problem)
  {
    std::string out, pending_blanks;
    bool after_word (false);
    std::size_t i (0);
    while (i < value.size ())
    {
      if (value.compare (i, 10, "=?UTF-8?B?") == 0)
      {
        std::size_t end (value.find ("?=", i + 10));
        std::string bytes;
        if (end == std::string::npos || !base64_decode (value.substr (i + 10, end - i - 10), bytes))
        {
          problem = "a malformed encoded-word";
          return out;
        }
        if (end + 2 - i > 75)
          problem = "an encoded-word longer than 75 characters";
        if (!after_word)
          out += pending_blanks;
        pending_blanks.clear ();
        out += bytes;
        after_word = true;
        i = end + 2;
      }
      else if (value[i] == ' ' || value[i] == '\t')
        pending_blanks.push_back (value[i++]);
      else
      {
        out += pending_blanks;
        pending_blanks.clear ();
        out.push_back (value[i++]);
        after_word = false;
      }
    }
    return out + pending_blanks;
  }

  inline int hex_value (char c)
  {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  inline read_mail read_formatted_mail (const std::string& text)
  {
    read_mail r;
    // The lines, each of which must end in CRLF, with no CR or LF elsewhere.
    std::vector<std::string> lines;
    std::size_t start (0);
    while (start < text.size ())
    {
      std::size_t crlf (text.find ("\r\n", start));
      if (crlf == std::string::npos)
      {
        r.problem = "the last line does not end in CRLF";
        return r;
      }
      std::string line (text.substr (start, crlf - start));
      if (line.find_first_of ("\r\n") != std::string::npos)
        r.problem = "a bare CR or LF";
      if (line.size () > 998)
        r.problem = "a line longer than 998 characters";
      lines.push_back (line);
      start = crlf + 2;
    }

    std::size_t n (0);
    std::string name, value;
    auto flush = [&] ()
    {
      if (!name.empty ())
        r.headers.emplace_back (name, decode_words (value, r.problem));
      name.clear ();
      value.clear ();
    };
    for (; n < lines.size () && !lines[n].empty (); ++n)
    {
      const std::string& l (lines[n]);
      for (char c: l)
        if (c < 0x20 || c > 0x7e)
          r.problem = "a header line with a byte that is not printable ASCII";
      if (l.find ("=?") != std::string::npos && l.size () > 76)
        r.problem = "a header line with an encoded-word longer than 76 characters";
      if (l[0] == ' ' || l[0] == '\t')
      {
        if (name.empty ())
          r.problem = "a continuation line before any header";
        value += l;    // unfolding drops the CRLF only
        continue;
      }
      flush ();
      std::size_t colon (l.find (": "));
      if (colon == std::string::npos || colon == 0)
      {
        r.problem = "a header line without \"Name: \"";
        continue;
      }
      name = l.substr (0, colon);
      value = l.substr (colon + 2);
    }
    flush ();
    if (n == lines.size ())
    {
      r.problem = "no empty line after the headers";
      return r;
    }

    std::string encoding (r.header ("Content-Transfer-Encoding"));
    for (std::size_t k (n + 1); k < lines.size (); ++k)
    {
      const std::string& l (lines[k]);
      if (encoding == "7bit")
      {
        for (char c: l)
          if (static_cast<unsigned char> (c) > 0x7f)
            r.problem = "an 8-bit byte in a 7bit body";
        r.body += l;
      }
      else if (encoding == "quoted-printable")
      {
        if (l.size () > 76)
          r.problem = "a quoted-printable line longer than 76 characters";
        bool soft (!l.empty () && l.back () == '=');
        std::size_t end (soft ? l.size () - 1 : l.size ());
        for (std::size_t i (0); i < end; ++i)
        {
          unsigned char c (static_cast<unsigned char> (l[i]));
          if (c == '=')
          {
            int hi (i + 2 < end ? hex_value (l[i + 1]) : -1);
            int lo (i + 2 < end ? hex_value (l[i + 2]) : -1);
            if (hi < 0 || lo < 0)
            {
              r.problem = "a malformed =XX in quoted-printable";
              break;
            }
            r.body.push_back (static_cast<char> (hi * 16 + lo));
            i += 2;
          }
          else if ((c < 33 || c > 126) && c != ' ' && c != '\t')
            r.problem = "a byte quoted-printable must encode";
          else
          {
            if ((c == ' ' || c == '\t') && i + 1 == end && !soft)
              r.problem = "a blank at the end of a quoted-printable line";
            r.body.push_back (static_cast<char> (c));
          }
        }
        if (soft)
          continue;
      }
      else
      {
        r.problem = "an unknown Content-Transfer-Encoding '" + encoding + "'";
        return r;
      }
      if (k + 1 != lines.size ())
        r.body.push_back ('\n');
    }
    return r;
  }
}
