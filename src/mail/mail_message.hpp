// A plain-text mail as the service sends it, made into the RFC 5322 text that SMTP's DATA
// carries: the headers (Date, Message-ID, From, To, Subject, MIME-Version, Content-Type,
// Content-Transfer-Encoding, Auto-Submitted), an empty line, the body; every line ends in CRLF.
#pragma once

#include <string>

#include "../../odb/types.hxx"

namespace modforge
{
  struct mail_message
  {
    std::string from_address;   // is_mail_address
    std::string from_name;      // UTF-8 without control characters; may be empty
    std::string to_address;     // is_mail_address
    std::string subject;        // UTF-8 without control characters
    std::string body;           // UTF-8 without NUL; "\n", "\r\n" or "\r" end a line
    std::string message_id;     // "<...>", as new_message_id makes it
    utc_time date = 0;          // when it was queued
  };

  // The whole message. The body goes as 7bit when it is ASCII with lines of at most 998 bytes,
  // else as quoted-printable. Throws std::invalid_argument naming what is wrong: an address
  // mail cannot carry, a name or subject with a control character, text that is not UTF-8, a
  // malformed message id.
  std::string format_message (const mail_message&);

  // "<32 random hex digits@the domain of from_address>", unique enough to tell every message
  // apart, and the same on every copy of one message that a retry sends.
  std::string new_message_id (const std::string& from_address);

  // "Mon, 30 Nov 2026 22:12:27 +0000" (RFC 5322's date-time, in UTC).
  std::string format_mail_date (utc_time);

  // The body as quoted-printable (RFC 2045): lines of at most 76 characters, "=" soft breaks,
  // CRLF for every line end of `text`.
  std::string quoted_printable (const std::string& text);
}
