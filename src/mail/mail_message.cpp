// Formatting the service's mail.
#include "mail_message.hpp"

#include <ctime>
#include <stdexcept>
#include <vector>

#include "../common/clock.hpp"
#include "../common/mail_address.hpp"
#include "../common/utf8.hpp"
#include "../common/uuid.hpp"
#include "header_encoding.hpp"

namespace modforge
{
  namespace
  {
    // RFC 5322: a line is at most 998 characters without its CRLF.
    const std::size_t max_line = 998;
    // RFC 2045: an encoded line of quoted-printable is at most 76 characters.
    const std::size_t max_qp_line = 76;
    const char hex_digits[] = "0123456789ABCDEF";

    // The lines of `text`: "\r\n", "\n" and a lone "\r" each end one.
    std::vector<std::string> lines_of (const std::string& text)
    {
      std::vector<std::string> lines (1);
      for (std::size_t i (0); i != text.size (); ++i)
      {
        char c (text[i]);
        if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 != text.size () && text[i + 1] == '\n')
            ++i;
          lines.emplace_back ();
        }
        else
          lines.back ().push_back (c);
      }
      return lines;
    }

    bool fits_7bit (const std::vector<std::string>& lines)
    {
      for (const std::string& l: lines)
      {
        if (l.size () > max_line)
          return false;
        for (char c: l)
          if (static_cast<unsigned char> (c) > 0x7f)
            return false;
      }
      return true;
    }

    // A message id as new_message_id makes it: "<" dot-atom "@" domain ">".
    bool is_message_id (const std::string& id)
    {
      return id.size () > 2 && id.front () == '<' && id.back () == '>' &&
             is_mail_address (id.substr (1, id.size () - 2));
    }
  }

  std::string format_mail_date (utc_time t)
  {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t seconds (static_cast<std::time_t> (t / microseconds_per_second));
    std::tm tm {};
    gmtime_r (&seconds, &tm);
    char buf[64];
    std::snprintf (buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                   tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                   tm.tm_sec);
    return buf;
  }

  std::string new_message_id (const std::string& from_address)
  {
    return "<" + random_hex (16) + "@" + mail_domain (from_address) + ">";
  }

  std::string quoted_printable (const std::string& text)
  {
    std::string out;
    std::vector<std::string> lines (lines_of (text));
    for (std::size_t n (0); n != lines.size (); ++n)
    {
      const std::string& l (lines[n]);
      std::string line;
      for (std::size_t i (0); i != l.size (); ++i)
      {
        unsigned char c (static_cast<unsigned char> (l[i]));
        bool last (i + 1 == l.size ());
        // Blanks at the end of a line would be lost in transport: encoded there.
        bool literal ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last));
        std::string piece (literal ? std::string (1, static_cast<char> (c))
                                   : std::string ("=") + hex_digits[c >> 4] + hex_digits[c & 15]);
        // A soft break ("=" at the end) keeps every encoded line within 76 characters.
        std::size_t limit (last ? max_qp_line : max_qp_line - 1);
        if (line.size () + piece.size () > limit)
        {
          out += line + "=\r\n";
          line.clear ();
        }
        line += piece;
      }
      out += line;
      if (n + 1 != lines.size ())
        out += "\r\n";
    }
    return out;
  }

  std::string format_message (const mail_message& m)
  {
    if (!is_message_id (m.message_id))
      throw std::invalid_argument ("the message id is malformed");
    if (!is_valid_utf8 (m.body) || m.body.find ('\0') != std::string::npos)
      throw std::invalid_argument ("the body must be UTF-8 without NUL");

    std::vector<std::string> lines (lines_of (m.body));
    bool seven_bit (fits_7bit (lines));
    std::string r;
    r += "Date: " + format_mail_date (m.date) + "\r\n";
    r += "Message-ID: " + m.message_id + "\r\n";
    r += address_header ("From", m.from_name, m.from_address) + "\r\n";
    r += address_header ("To", "", m.to_address) + "\r\n";
    r += unstructured_header ("Subject", m.subject) + "\r\n";
    r += "MIME-Version: 1.0\r\n";
    r += "Content-Type: text/plain; charset=UTF-8\r\n";
    r += std::string ("Content-Transfer-Encoding: ") +
         (seven_bit ? "7bit" : "quoted-printable") + "\r\n";
    // RFC 3834: sent by a program, so that vacation responders do not answer it.
    r += "Auto-Submitted: auto-generated\r\n";
    r += "\r\n";
    if (seven_bit)
      for (std::size_t n (0); n != lines.size (); ++n)
        r += lines[n] + (n + 1 != lines.size () ? "\r\n" : "");
    else
      r += quoted_printable (m.body);
    // The last line ends too.
    if (r.size () < 2 || r.compare (r.size () - 2, 2, "\r\n") != 0)
      r += "\r\n";
    return r;
  }
}
