// bcrypt password hashing through libxcrypt: compute, verify, and tell when a hash is outdated.
#pragma once

#include <string>

namespace modforge
{
  class password_hasher
  {
  public:
    // cost: bcrypt's log2 rounds, 4..31 (12 takes about 0.2 s on one core here).
    explicit password_hasher (int cost);

    // A new "$2b$<cost>$" hash with a fresh salt from the system's CSPRNG.
    std::string compute (const std::string& password) const;

    // Whether `password` matches `hash` ($2a$, $2b$ and $2y$ hashes all verify). The comparison
    // of the computed and stored hash takes the same time wherever they differ.
    bool verify (const std::string& password, const std::string& hash) const;

    // Whether a (verified) hash should be replaced: another variant or another cost.
    bool needs_rehash (const std::string& hash) const;

    // A hash of a random password at the configured cost: verifying against it costs what a
    // real verification costs, so that an unknown user is not faster to reject than a known one.
    const std::string& dummy_hash () const {return dummy_hash_;}

    int cost () const {return cost_;}

  private:
    int cost_;
    std::string prefix_;     // "$2b$12$"
    std::string dummy_hash_;
  };
}
