// Fuzzes client_address with a client-written X-Forwarded-For behind a trusted proxy: the answer
// is REMOTE_ADDR or one whole address from the header that is not a trusted proxy; and the key
// that address is counted under (address_key): itself for IPv4, a /64 for IPv6.
#include <arpa/inet.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../../src/auth/client_address.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  bool is_address (const std::string& s)
  {
    unsigned char buf[16];
    return s.find ('\0') == std::string::npos &&
           (inet_pton (AF_INET, s.c_str (), buf) == 1 || inet_pton (AF_INET6, s.c_str (), buf) == 1);
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  static const std::vector<std::string> trusted {"10.0.0.0/8", "127.0.0.1", "fd00::/8"};
  const std::string forwarded_for (modforge_fuzz::input (data, size));
  const std::string remote ("10.1.2.3");

  const std::string client (client_address (remote, forwarded_for, trusted));
  expect (client == remote || (is_address (client) && !is_trusted_proxy (client, trusted) &&
                               forwarded_for.find (client) != std::string::npos),
          "the client is REMOTE_ADDR or an untrusted address from the header");
  expect (client_address ("192.0.2.1", forwarded_for, trusted) == "192.0.2.1",
          "X-Forwarded-For is ignored from an untrusted peer");

  const std::string key (address_key (client));
  bool ipv6_key (key.size () > 3 && key.compare (key.size () - 3, 3, "/64") == 0);
  bool ipv4_key (is_address (key) && key.find (':') == std::string::npos);
  expect (key == client || ipv6_key || (ipv4_key && is_address (client)),
          "an address counts as itself, as its IPv4 form, or by its /64");
  expect (address_key (key.substr (0, key.find ('/'))) == key || key == client,
          "every address of a /64 has the /64's key");
  expect (address_key (forwarded_for) == forwarded_for || is_address (forwarded_for),
          "text that is no address is its own key");

  // The same text as a configured list: checking it must not crash either.
  std::string bad;
  valid_proxy_list ({forwarded_for}, bad);
  return 0;
}
