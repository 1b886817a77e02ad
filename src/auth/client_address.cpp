// Client addresses behind trusted proxies.
#include "client_address.hpp"

#include <cstring>

#include <arpa/inet.h>

#include "../common/text_rules.hpp"

namespace modforge
{
  namespace
  {
    // An address as 16 bytes (IPv4 mapped into ::ffff:0:0/96) and whether it parsed.
    struct ip
    {
      unsigned char bytes[16];
      bool v4;
    };

    bool parse_ip (const std::string& text, ip& out)
    {
      // inet_pton reads a C string: "1.2.3.4\0anything" would pass as 1.2.3.4 whole.
      if (text.find ('\0') != std::string::npos)
        return false;
      in_addr a4;
      if (inet_pton (AF_INET, text.c_str (), &a4) == 1)
      {
        std::memset (out.bytes, 0, 10);
        out.bytes[10] = out.bytes[11] = 0xff;
        std::memcpy (out.bytes + 12, &a4, 4);
        out.v4 = true;
        return true;
      }
      in6_addr a6;
      if (inet_pton (AF_INET6, text.c_str (), &a6) == 1)
      {
        std::memcpy (out.bytes, &a6, 16);
        out.v4 = false;
        return true;
      }
      return false;
    }

    // "10.0.0.0/8" -> network and prefix length in bits of the 16-byte form.
    bool parse_range (const std::string& text, ip& net, int& bits)
    {
      std::size_t slash (text.find ('/'));
      if (!parse_ip (text.substr (0, slash), net))
        return false;
      int max (net.v4 ? 32 : 128);
      bits = max;
      if (slash != std::string::npos)
      {
        std::string n (text.substr (slash + 1));
        if (n.empty () || n.size () > 3 || n.find_first_not_of ("0123456789") != std::string::npos)
          return false;
        bits = std::stoi (n);
        if (bits > max)
          return false;
      }
      if (net.v4)
        bits += 96;
      return true;
    }

    bool in_range (const ip& a, const ip& net, int bits)
    {
      for (int i (0); i < 16 && bits > 0; ++i, bits -= 8)
      {
        unsigned char mask (bits >= 8 ? 0xff : static_cast<unsigned char> (0xff << (8 - bits)));
        if ((a.bytes[i] & mask) != (net.bytes[i] & mask))
          return false;
      }
      return true;
    }
  }

  bool is_trusted_proxy (const std::string& address, const std::vector<std::string>& trusted)
  {
    ip a;
    if (!parse_ip (address, a))
      return false;
    for (const std::string& t: trusted)
    {
      ip net;
      int bits;
      if (parse_range (t, net, bits) && in_range (a, net, bits))
        return true;
    }
    return false;
  }

  std::string client_address (const std::string& remote_addr, const std::string& forwarded_for,
                              const std::vector<std::string>& trusted)
  {
    if (trusted.empty () || forwarded_for.empty () || !is_trusted_proxy (remote_addr, trusted))
      return remote_addr;

    // From the right: each trusted proxy appended the address it received from.
    std::string rest (forwarded_for);
    while (!rest.empty ())
    {
      std::size_t comma (rest.rfind (','));
      // Optional white space around list items is HTTP's: spaces and tabs.
      std::string hop (trim (comma == std::string::npos ? rest : rest.substr (comma + 1), " \t"));
      rest = comma == std::string::npos ? std::string () : rest.substr (0, comma);
      ip parsed;
      if (!parse_ip (hop, parsed))
        return remote_addr; // garbage where a proxy should have written an address
      if (!is_trusted_proxy (hop, trusted))
        return hop;
    }
    return remote_addr; // only proxies: the request started at one of them
  }

  std::string address_key (const std::string& address)
  {
    ip a;
    if (!parse_ip (address, a))
      return address;
    // parse_ip keeps an IPv4 address in ::ffff:0:0/96, where IPv4-mapped IPv6 ones are too.
    const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    char text[INET6_ADDRSTRLEN];
    if (std::memcmp (a.bytes, mapped, sizeof mapped) == 0)
      return inet_ntop (AF_INET, a.bytes + 12, text, sizeof text);
    std::memset (a.bytes + 8, 0, 8);
    return std::string (inet_ntop (AF_INET6, a.bytes, text, sizeof text)) + "/64";
  }

  bool valid_proxy_list (const std::vector<std::string>& trusted, std::string& bad)
  {
    for (const std::string& t: trusted)
    {
      ip net;
      int bits;
      if (!parse_range (t, net, bits))
      {
        bad = t;
        return false;
      }
    }
    return true;
  }
}
