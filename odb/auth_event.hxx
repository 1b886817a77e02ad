// auth_events: an account's security log (logins, failures, password changes, revocations).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "auth_event_kind.hxx"
#include "model.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("auth_events") pointer(std::shared_ptr)
  struct auth_event
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade)
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db column("time")
    #pragma db type("TIMESTAMPTZ")
    utc_time at = 0;

    #pragma db type("VARCHAR(30)")
    auth_event_kind kind = auth_event_kind::login;

    #pragma db type("VARCHAR(45)")
    odb::nullable<std::string> ip_address;

    #pragma db type("TEXT")
    odb::nullable<std::string> user_agent;

    // The log is read newest first, per account.
    #pragma db index("auth_events_user_id_i") members(owner, id)
  };
}
