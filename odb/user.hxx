// users: one row per account.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>

#include "model.hxx"
#include "types.hxx"

namespace modforge
{
  #pragma db object table("users") pointer(std::shared_ptr)
  struct user
  {
    #pragma db id auto
    std::int64_t id = 0;

    // As the user typed it; shown back to them.
    #pragma db type("VARCHAR(50)")
    std::string username;

    // The lower-cased username: what makes usernames unique without regard to case, and what
    // login looks up (PostgreSQL has no case-insensitive unique constraint without an extension).
    #pragma db type("VARCHAR(50)") unique
    std::string username_key;

    // Always stored lower-case.
    #pragma db type("VARCHAR(255)") unique
    std::string email;

    // bcrypt, "$2b$<cost>$...".
    #pragma db type("VARCHAR(255)")
    std::string password_hash;

    #pragma db type("TIMESTAMPTZ")

    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time updated_at = 0;
    bool is_active = true;

    // Whether the owner proved to read mail at `email` (a verification link). A new address is
    // unverified; so is every account made before mail existed (the default fills them in).
    #pragma db default(false)
    bool email_verified = false;
  };
}
