// bcrypt via libxcrypt's crypt_gensalt_rn and crypt_r.
#include "password_hasher.hpp"

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <crypt.h>
#include <openssl/crypto.h>

namespace modforge
{
  namespace
  {
    // struct crypt_data is about 32 KiB: keep it off the stack.
    std::string run_crypt (const std::string& password, const char* setting)
    {
      std::unique_ptr<crypt_data> data (new crypt_data ());
      const char* h (crypt_r (password.c_str (), setting, data.get ()));
      // libxcrypt answers a string starting with '*' on failure (never NULL with its defaults).
      if (h == nullptr || h[0] == '*')
        return std::string ();
      return h;
    }
  }

  password_hasher::password_hasher (int cost): cost_ (cost)
  {
    if (cost < 4 || cost > 31)
      throw std::invalid_argument ("bcrypt cost must be from 4 to 31");
    char p[16];
    std::snprintf (p, sizeof (p), "$2b$%02d$", cost);
    prefix_ = p;
    dummy_hash_ = compute ("modforge dummy password: never matches anything a user sends");
  }

  std::string password_hasher::compute (const std::string& password) const
  {
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // A NULL random buffer makes libxcrypt draw the salt from getrandom(2).
    if (crypt_gensalt_rn ("$2b$", static_cast<unsigned long> (cost_), nullptr, 0,
                          setting, sizeof (setting)) == nullptr)
      throw std::runtime_error ("crypt_gensalt_rn failed");
    std::string h (run_crypt (password, setting));
    if (h.empty ())
      throw std::runtime_error ("bcrypt hashing failed");
    return h;
  }

  bool password_hasher::verify (const std::string& password, const std::string& hash) const
  {
    // Only bcrypt hashes are accepted: crypt_r would also verify DES or MD5 ones.
    if (hash.size () != 60 || hash.compare (0, 2, "$2") != 0)
      return false;
    std::string computed (run_crypt (password, hash.c_str ()));
    // bcrypt reads only 72 bytes and stops at a NUL: such passwords could match a prefix, so
    // they never verify (they are rejected when set), yet cost the same time to refuse.
    bool usable (password.size () <= 72 && password.find ('\0') == std::string::npos);
    return usable && computed.size () == hash.size () &&
           CRYPTO_memcmp (computed.data (), hash.data (), hash.size ()) == 0;
  }

  bool password_hasher::needs_rehash (const std::string& hash) const
  {
    return hash.compare (0, prefix_.size (), prefix_) != 0;
  }
}
