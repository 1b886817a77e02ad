// login_throttles: counters of failed password checks per (account, client address), per account
// and per client address, of registrations and of "taken" answers per address, and of the mail
// that requests cause, shared by every handler process and host (schema version 2; refusals
// since version 3).
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

    // "pair" (key "<account>@<address>"), "account" (key "user:<id>", or "name:<digest of the
    // login as typed, lower case>" for no such user, so that unknown names are throttled exactly
    // like real ones), "address", "register" or "conflict" (key: the client address; an IPv6
    // address by its /64); for mail, "forgot" (reset mails, keyed like "account"), "forgot_ip"
    // (reset requests by client address), "resend" (verification mails, "user:<id>") and
    // "token_ip" (bad mailed tokens by client address).
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

    // Attempts refused since the current lock was set: the first one is written to the
    // account's security log, the rest are not (a guesser cannot flood the owner's log).
    #pragma db default(0)
    int refusals = 0;

    #pragma db index("login_throttles_scope_key_i") unique members(scope, key)
  };
}
