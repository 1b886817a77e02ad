// sessions: a user's conversations. They never expire; each keeps its own job history.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>
#include <odb/nullable.hxx>

#include "model.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("sessions") pointer(std::shared_ptr)
  struct session
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade)
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db type("VARCHAR(255)")
    odb::nullable<std::string> name;

    #pragma db type("TIMESTAMPTZ")

    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time last_used_at = 0;

    #pragma db type("TEXT")
    odb::nullable<std::string> user_agent;

    #pragma db type("VARCHAR(45)")
    odb::nullable<std::string> ip_address;

    // The session list and login's "most recently used session" read this order.
    #pragma db index("sessions_user_last_used_i") members(owner, last_used_at)
  };
}
