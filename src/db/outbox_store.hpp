// mail_outbox through ODB; every function runs inside database::transact.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <odb/nullable.hxx>

#include "../../odb/outbox_message.hxx"
#include "../../odb/row_counts.hxx"
#include "../../odb/types.hxx"

namespace modforge
{
  namespace outbox_store
  {
    void add (outbox_message&);
    void update (const outbox_message&);

    // A message by id, locked until the transaction ends, or nullptr if it is gone (its account
    // was deleted).
    std::shared_ptr<outbox_message> find_locked (std::int64_t id);

    // The message a sender may take now: a queued one that is due at `now` (the longest due
    // first), or one being sent whose lease ran out before `now`. Locked with SKIP LOCKED, so
    // two senders never get the same one; nullptr if there is none.
    std::shared_ptr<outbox_message> next_claimable (utc_time now);

    // When the earliest queued message falls due (null: nothing is queued).
    odb::nullable<utc_time> next_due ();

    // Tells listening senders that a message was queued (delivered when the transaction
    // commits), on this channel.
    void notify_queued ();
    extern const char* const queued_channel;

    // How many messages are in each state (only states some message is in), by name.
    std::vector<outbox_state_count> count_by_state ();
  }
}
