// Generating and hashing session tokens.
#include "token_codec.hpp"

#include <cerrno>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <sys/random.h>

namespace modforge
{
  namespace
  {
    const char hex_digits[] = "0123456789abcdef";

    // OpenSSL 3's one-shot SHA256() looks the algorithm up in its provider tables on every
    // call; every authenticated request hashes a token, so the lookup is done once.
    const EVP_MD* sha256 ()
    {
      static const EVP_MD* md (EVP_MD_fetch (nullptr, "SHA256", nullptr));
      if (md == nullptr)
        throw std::runtime_error ("OpenSSL has no SHA-256");
      return md;
    }
  }

  void random_bytes (unsigned char* out, std::size_t n)
  {
    while (n != 0)
    {
      ssize_t got (getrandom (out, n, 0));
      if (got < 0)
      {
        if (errno == EINTR)
          continue;
        throw std::runtime_error ("getrandom failed");
      }
      out += got;
      n -= static_cast<std::size_t> (got);
    }
  }

  std::string generate_token ()
  {
    unsigned char b[16];
    random_bytes (b, sizeof (b));
    b[6] = static_cast<unsigned char> ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char> ((b[8] & 0x3f) | 0x80); // RFC 4122 variant

    std::string r;
    r.reserve (36);
    for (int i (0); i != 16; ++i)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        r.push_back ('-');
      r.push_back (hex_digits[b[i] >> 4]);
      r.push_back (hex_digits[b[i] & 0x0f]);
    }
    return r;
  }

  std::string hash_token (const std::string& token)
  {
    unsigned char d[SHA256_DIGEST_LENGTH];
    if (EVP_Digest (token.data (), token.size (), d, nullptr, sha256 (), nullptr) != 1)
      throw std::runtime_error ("SHA-256 failed");
    std::string r;
    r.reserve (2 * SHA256_DIGEST_LENGTH);
    for (unsigned char c: d)
    {
      r.push_back (hex_digits[c >> 4]);
      r.push_back (hex_digits[c & 0x0f]);
    }
    return r;
  }

  bool is_token_shaped (const std::string& s)
  {
    if (s.size () != 36)
      return false;
    for (std::size_t i (0); i != s.size (); ++i)
    {
      char c (s[i]);
      bool dash (i == 8 || i == 13 || i == 18 || i == 23);
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return false;
    }
    // Version 4, RFC 4122 variant: what generate_token makes, and nothing else.
    return s[14] == '4' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
  }
}
