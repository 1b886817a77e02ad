// Which address a request came from: nginx's REMOTE_ADDR, unless that is a proxy the operator
// trusts (security.trusted_proxies), in which case the nearest address in X-Forwarded-For that
// is not itself a trusted proxy. A client can put anything in X-Forwarded-For, so it is read
// from the right (what the trusted proxies appended) and never believed from anyone else.
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  // Whether `address` (IPv4 or IPv6 text) is one of `trusted` (addresses or CIDR ranges such as
  // "10.0.0.0/8" or "fd00::/8").
  bool is_trusted_proxy (const std::string& address, const std::vector<std::string>& trusted);

  std::string client_address (const std::string& remote_addr, const std::string& forwarded_for,
                              const std::vector<std::string>& trusted);

  // Whether every entry of `trusted` is an address or a CIDR range (checked at start).
  bool valid_proxy_list (const std::vector<std::string>& trusted, std::string& bad);

  // The key under which an address is counted by the throttles and remembered as an account's
  // known address: an IPv4 address as it is (also one written as IPv4-mapped IPv6), an IPv6
  // address by its /64 ("2001:db8:1:2::/64"), since one client usually holds a whole /64 and
  // could take a new address from it for every guess. Anything else is kept as it is.
  std::string address_key (const std::string& address);
}
