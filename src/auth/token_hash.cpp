// Hashing session tokens.
#include "token_hash.hpp"

#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/sha.h>

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
}
