// Session tokens: random UUIDv4 strings for clients, SHA-256 hex digests for the database.
#pragma once

#include <string>

namespace modforge
{
  // A UUIDv4 ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower case) from getrandom(2): 122 random bits.
  std::string generate_token ();

  // The lower-case hex SHA-256 of a token: the only form in which tokens are stored.
  std::string hash_token (const std::string& token);

  // Whether `s` has the shape of a token generate_token makes (checked before any lookup).
  bool is_token_shaped (const std::string& s);

  // Fills `n` bytes from the kernel's CSPRNG; throws std::runtime_error if it cannot.
  void random_bytes (unsigned char* out, std::size_t n);
}
