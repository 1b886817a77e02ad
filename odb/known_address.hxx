// known_addresses: the client addresses each account has logged in from (an IPv6 address by its
// /64), with the last time; the account-wide login limit does not refuse these (schema version 3).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <odb/core.hxx>
#include <odb/lazy-ptr.hxx>

#include "model.hxx"
#include "types.hxx"
#include "user.hxx"

namespace modforge
{
  #pragma db object table("known_addresses") pointer(std::shared_ptr)
  struct known_address
  {
    #pragma db id auto
    std::int64_t id = 0;

    #pragma db column("user_id") not_null on_delete(cascade)
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db type("VARCHAR(64)")
    std::string address;

    #pragma db type("TIMESTAMPTZ")
    utc_time last_login_at = 0;

    #pragma db index("known_addresses_user_address_i") unique members(owner, address)
  };
}
