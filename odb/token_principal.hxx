// The one query that authenticates a request: a token hash joined to its session and user.
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>
#include <odb/nullable.hxx>

#include "session.hxx"
#include "session_token.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db view object(session_token) \
    object(session inner: session_token::conversation) \
    object(user inner: session_token::owner)
  struct token_principal
  {
    #pragma db column(session_token::id)
    std::int64_t token_id;
    #pragma db column(session_token::last_used_at)
    utc_time token_last_used_at;
    #pragma db column(session_token::created_at)
    utc_time token_created_at;

    #pragma db column(session::id)
    std::int64_t session_id;
    #pragma db column(session::name)
    odb::nullable<std::string> session_name;
    #pragma db column(session::created_at)
    utc_time session_created_at;
    #pragma db column(session::last_used_at)
    utc_time session_last_used_at;

    #pragma db column(user::id)
    std::int64_t user_id;
    #pragma db column(user::username)
    std::string username;
    #pragma db column(user::email)
    std::string email;
    #pragma db column(user::created_at)
    utc_time user_created_at;
    #pragma db column(user::updated_at)
    utc_time user_updated_at;
    #pragma db column(user::is_active)
    bool user_is_active;
    #pragma db column(user::email_verified)
    bool user_email_verified;
  };
}
