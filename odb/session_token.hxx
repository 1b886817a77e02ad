// session_tokens: credentials, each bound to one session. Only the SHA-256 of a token is stored.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "model.hxx"
#include "session.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("session_tokens") pointer(std::shared_ptr)
  struct session_token
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("session_id") not_null on_delete(cascade) index
    odb::lazy_shared_ptr<modforge::session> conversation;

    #pragma db column("user_id") not_null on_delete(cascade) index
    odb::lazy_shared_ptr<modforge::user> owner;

    // Lower-case hex SHA-256 of the raw token; the lookup key of every authenticated request.
    #pragma db type("CHAR(64)") unique
    std::string token_hash;

    #pragma db type("TIMESTAMPTZ")

    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time last_used_at = 0;

    #pragma db type("TEXT")
    odb::nullable<std::string> user_agent;

    #pragma db type("VARCHAR(45)")
    odb::nullable<std::string> ip_address;
  };
}
