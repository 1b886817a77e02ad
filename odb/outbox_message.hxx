// mail_outbox: every mail the service sends, written in the transaction of the change that
// causes it and delivered by a worker (claimed under a lease, retried with growing delays).
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
  #pragma db object table("mail_outbox") pointer(std::shared_ptr)
  struct outbox_message
  {
    #pragma db id auto
    std::int64_t id = 0;

    // The account the mail is about; its mail goes with it.
    #pragma db column("user_id") not_null on_delete(cascade) index
    odb::lazy_shared_ptr<modforge::user> owner;

    #pragma db type("VARCHAR(255)")
    std::string recipient;

    #pragma db type("TEXT")
    std::string subject;

    // Plain UTF-8 text with "\n" line ends. It may hold a token in clear (a reset or
    // verification link), so it is emptied once the message is sent or has failed.
    #pragma db type("TEXT")
    std::string body;

    #pragma db type("VARCHAR(10)")
    outbox_state state = outbox_state::queued;

    // Delivery attempts started so far, and when the next may start (queued only).
    int attempts = 0;
    #pragma db type("TIMESTAMPTZ")
    utc_time next_attempt_at = 0;

    // The worker's claim, as for jobs: a number that grows with every claim (a worker whose
    // lease ran out finds it changed and writes nothing), and until when the lease holds.
    std::int64_t claim = 0;
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> lease_expires_at;

    // "<random>@<the From domain>", made once when queued, so that every copy a retry may send
    // carries the same id and receivers can drop duplicates.
    #pragma db type("VARCHAR(255)") unique
    std::string message_id;

    // The relay's answer or the transport error of the last failed attempt.
    #pragma db type("TEXT")
    odb::nullable<std::string> last_error;

    #pragma db type("TIMESTAMPTZ")
    utc_time created_at = 0;
    #pragma db type("TIMESTAMPTZ")
    odb::nullable<utc_time> sent_at;

    // Workers look for due queued messages and for expired leases.
    #pragma db index("mail_outbox_state_due_i") members(state, next_attempt_at)
  };
}
