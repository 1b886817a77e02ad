// The outbox as the mail senders see it: claim the next due message so that no two senders hold
// the same one, then record what the relay said. A message is delivered at least once: a sender
// that dies after the relay took a message but before recording it leaves it claimed, and
// another sends it again once the lease runs out, with the same Message-ID.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "../../odb/outbox_message.hxx"
#include "../../odb/types.hxx"
#include "../common/config.hpp"
#include "../db/database.hpp"

namespace modforge
{
  // What a sender holds while it delivers a message: a copy of the row when it was claimed.
  struct claimed_mail
  {
    std::int64_t id = 0;
    std::int64_t claim = 0;     // the fencing number: the row's claim while this is ours
    int attempts = 0;           // this one included
    std::string recipient;
    std::string subject;
    std::string body;
    std::string message_id;
    utc_time created_at = 0;
  };

  class mail_queue
  {
  public:
    mail_queue (database&, const mail_config&);

    // Claims the next due message (queued, or sending with an expired lease) for one attempt
    // under a lease; false when there is none. A message whose lease ran out after
    // mail.give_up_after is marked failed here instead. Throws database_unavailable ().
    bool claim_next (claimed_mail&);

    // The relay took it: sent, and its body (which may hold a token) is emptied. False when the
    // message is no longer ours (gone with its account, or claimed again after our lease).
    bool delivered (const claimed_mail&);

    // The attempt failed with `error`: queued again after the retry delay, or failed when it
    // has been tried for mail.give_up_after (its body emptied too). Returns whether it will
    // be tried again; false also when it is no longer ours.
    bool attempt_failed (const claimed_mail&, const std::string& error);

    // A message that can never be sent as it is (format_message refused it): failed at once.
    // False when it is no longer ours.
    bool refused (const claimed_mail&, const std::string& error);

    // Seconds until the earliest queued message falls due (0 if one is due now), or -1 when
    // nothing is queued.
    int seconds_until_due ();

  private:
    // In one transaction: applies `change` to the message (and saves it) if it is still this
    // sender's; whether it was.
    bool change_if_ours (const claimed_mail&,
                         const std::function<void (outbox_message&, utc_time)>& change);

    database& db_;
    const mail_config& config_;
  };
}
