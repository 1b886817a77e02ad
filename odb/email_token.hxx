// email_tokens: the single-use tokens that mail carries (verify an address, reset a password).
// Only the SHA-256 of a token is stored, as for session tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "mail_state.hxx"
#include "model.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("email_tokens") pointer(std::shared_ptr)
  struct email_token
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade)
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db type("VARCHAR(10)")
    email_token_purpose purpose = email_token_purpose::verify;

    // Lower-case hex SHA-256 of the raw token.
    #pragma db type("CHAR(64)") unique
    std::string token_hash;

    // The address the token was mailed to: it works only while that is still the account's.
    #pragma db type("VARCHAR(255)")
    std::string email;

    #pragma db type("TIMESTAMPTZ")
    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time expires_at = 0;

    // When it was used, or voided (a newer token of the same purpose, a password change).
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> used_at;

    // A new token voids the account's older ones of its purpose.
    #pragma db index("email_tokens_user_purpose_i") members(owner, purpose)
  };
}
