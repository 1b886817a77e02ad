// login_throttles: counters of failed logins per account and per client address, of
// registrations per address and of the mail that requests cause, shared by every handler
// process and host (schema version 2).
#pragma once

#include <cstdint>
#include <string>

#include <odb/core.hxx>
#include <odb/nullable.hxx>

#include "model.hxx"
#include "types.hxx"

namespace modforge
{
  #pragma db object table("login_throttles") pointer(std::shared_ptr)
  struct login_throttle
  {
    #pragma db id auto
    std::int64_t id = 0;

    // "account" (key "user:<id>", or "name:<login as typed, lower case>" for no such user, so
    // that unknown names are throttled exactly like real ones), "address" (key: the client
    // address) or "register" (key: the client address); for mail, "forgot" (reset mails, keyed
    // like "account"), "forgot_ip" (reset requests by client address), "resend" (verification
    // mails, "user:<id>") and "token_ip" (bad mailed tokens by client address).
    #pragma db type("VARCHAR(10)")
    std::string scope;
    #pragma db type("VARCHAR(300)")
    std::string key;

    // Events (failures, or registrations) counted in the current window.
    int events = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time first_event_at = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time last_event_at = 0;

    // No attempt is let through before this time (NULL: none is held back).
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> locked_until;

    #pragma db index("login_throttles_scope_key_i") unique members(scope, key)
  };
}
