// Header fields whose values may hold any UTF-8 (a subject, the sender's display name), written
// as RFC 2047 and RFC 5322 want them: plain ASCII as it is when it fits on a line, anything else
// as "=?UTF-8?B?...?=" encoded-words of at most 75 characters, each on a line of at most 76
// (folded with CRLF and a space), never splitting a character. Nothing a value holds can end the
// header or start another: control characters are refused.
#pragma once

#include <string>

namespace modforge
{
  // "Name: value" (without the final CRLF) for an unstructured field such as Subject. Throws
  // std::invalid_argument when `value` is not valid UTF-8 or holds a control character.
  std::string unstructured_header (const std::string& name, const std::string& value);

  // "Name: display name <address>" (without the final CRLF) for From or To; `address` must be
  // an is_mail_address, `display_name` may be empty (then "Name: address"). Throws
  // std::invalid_argument as above, or for an address that is not one.
  std::string address_header (const std::string& name, const std::string& display_name,
                              const std::string& address);
}
