// When the outbox's next queued message falls due: how long an idle mail sender may sleep.
#pragma once

#include <odb/core.hxx>
#include <odb/nullable.hxx>

#include "outbox_message.hxx"
#include "types.hxx"

namespace modforge
{
  #pragma db view object(outbox_message)
  struct outbox_due
  {
    // NULL when nothing is queued.
    #pragma db column("min(" + outbox_message::next_attempt_at + ")") type("TIMESTAMPTZ")
    odb::nullable<utc_time> next_attempt_at;
  };
}
