// Fuzzes is_mail_address, the gate every address passes before it is stored (check_email) or
// written into a header or an SMTP command: an address it accepts holds nothing that could end a
// header, add a recipient or break out of "<...>", and goes into the To header as it is.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "../../src/auth/credentials_rules.hpp"
#include "../../src/common/mail_address.hpp"
#include "../../src/common/text_rules.hpp"
#include "../../src/mail/header_encoding.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string address (modforge_fuzz::input (data, size));
  const bool accepted (is_mail_address (address));
  expect (accepted == is_mail_address (ascii_lower (address)), "case does not matter");
  // Registration's rule is this one and a dot in the domain.
  if (check_email (address).empty ())
    expect (accepted && mail_domain (address).find ('.') != std::string::npos,
            "check_email accepts only mailable addresses with a dotted domain");

  if (!accepted)
  {
    bool threw (false);
    try
    {
      address_header ("To", "", address);
    }
    catch (const std::invalid_argument&)
    {
      threw = true;
    }
    expect (threw, "a refused address never becomes a header");
    return 0;
  }

  expect (address.size () <= 255, "at most 255 bytes");
  std::size_t at (address.find ('@'));
  expect (at != std::string::npos && at != 0 && at <= 64 &&
          address.find ('@', at + 1) == std::string::npos, "one @, 1-64 bytes before it");
  for (char c: address)
    expect (c > 0x20 && c < 0x7f && std::strchr ("()<>[]:;,\"\\", c) == nullptr,
            "printable ASCII without blanks, brackets, quotes, commas or colons");
  expect (mail_domain (address) == address.substr (at + 1), "the domain is what follows the @");
  expect (address_header ("To", "", address) == "To: " + address, "it goes into To as it is");
  return 0;
}
