// Fuzzes format_message with any subject, sender's name and body: it either refuses them (text
// that is not UTF-8, control characters in a header, NUL in the body) or writes a message that a
// mail program reads back to exactly what was given, with CRLF line ends, no line over 998
// characters, headers of printable ASCII and encoded-words within RFC 2047's lengths.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "../../src/common/text_rules.hpp"
#include "../../src/common/utf8.hpp"
#include "../../src/mail/mail_message.hpp"
#include "../unit/mail/message_reader.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  const char from[] = "modforge@example.com";

  // The body as the reader gives it back: "\n" for every line end, without a last one.
  std::string normalized (const std::string& body)
  {
    std::string r;
    for (std::size_t i (0); i != body.size (); ++i)
    {
      if (body[i] == '\r' && i + 1 != body.size () && body[i + 1] == '\n')
        continue;
      r.push_back (body[i] == '\r' ? '\n' : body[i]);
    }
    if (!r.empty () && r.back () == '\n')
      r.pop_back ();
    return r;
  }

  // The display name of a From value "phrase <address>" (or the address alone): unquoted when
  // it was written as a quoted string, as it is when it was encoded-words (whose text may
  // itself start and end with a quote).
  std::string display_name (const std::string& value, bool encoded)
  {
    std::string tail (std::string (" <") + from + ">");
    if (value == from || value.size () < tail.size () ||
        value.compare (value.size () - tail.size (), tail.size (), tail) != 0)
      return value == from ? "" : "\x01not a From value";
    std::string phrase (value.substr (0, value.size () - tail.size ()));
    if (encoded || phrase.size () < 2 || phrase.front () != '"' || phrase.back () != '"')
      return phrase;
    std::string r;
    for (std::size_t i (1); i + 1 < phrase.size (); ++i)
      r.push_back (phrase[i] == '\\' ? phrase[++i] : phrase[i]);
    return r;
  }

  bool header_text (const std::string& s) {return is_valid_utf8 (s) && !has_ascii_control (s);}
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  FuzzedDataProvider in (data, size);
  mail_message m;
  m.from_address = from;
  m.from_name = in.ConsumeRandomLengthString (300);
  m.subject = in.ConsumeRandomLengthString (600);
  m.to_address = "alice@example.org";
  m.message_id = "<0123456789abcdef0123456789abcdef@example.com>";
  m.date = in.ConsumeIntegralInRange<std::int64_t> (0, 4102444800LL) * 1000000;
  m.body = in.ConsumeRemainingBytesAsString ();

  const bool valid (header_text (m.from_name) && header_text (m.subject) &&
                    is_valid_utf8 (m.body) && m.body.find ('\0') == std::string::npos);
  std::string text;
  try
  {
    text = format_message (m);
  }
  catch (const std::invalid_argument&)
  {
    expect (!valid, "only bad text is refused");
    return 0;
  }
  expect (valid, "bad text is refused");

  modforge_test::read_mail r (modforge_test::read_formatted_mail (text));
  if (!r.problem.empty ())
    std::fprintf (stderr, "fuzz: %s\n", r.problem.c_str ());
  expect (r.problem.empty (), "the message follows the rules of its format");
  expect (r.header ("Subject") == m.subject, "the subject reads back as it was");
  std::size_t from_line (text.find ("\r\nFrom: ")), to_line (text.find ("\r\nTo: "));
  bool encoded (text.substr (from_line, to_line - from_line).find ("=?UTF-8?B?") !=
                std::string::npos);
  expect (display_name (r.header ("From"), encoded) == m.from_name,
          "the sender's name reads back");
  expect (r.header ("To") == m.to_address, "To is the address");
  expect (r.body == normalized (m.body), "the body reads back, with its line ends as \\n");
  expect (r.headers.size () == 9, "the nine headers, and no other");
  return 0;
}
