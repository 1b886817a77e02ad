// Claiming and recording deliveries.
#include "mail_queue.hpp"

#include "../../odb/outbox_message.hxx"
#include "../common/clock.hpp"
#include "../db/outbox_store.hpp"
#include "retry_schedule.hpp"

namespace modforge
{
  namespace
  {
    // A message that will not be sent again keeps no copy of its text (nor of a token in it).
    void finish (outbox_message& m, outbox_state state, utc_time now)
    {
      m.state = state;
      m.body.clear ();
      m.lease_expires_at.reset ();
      if (state == outbox_state::sent)
        m.sent_at = now;
    }

    // Inside a transaction: the claimed message, locked, if it is still the sender's (its claim
    // unchanged and still being sent); nullptr if its account took it along or another sender
    // claimed it after the lease ran out.
    std::shared_ptr<outbox_message> still_ours (const claimed_mail& c)
    {
      std::shared_ptr<outbox_message> m (outbox_store::find_locked (c.id));
      return m != nullptr && m->claim == c.claim && m->state == outbox_state::sending ? m : nullptr;
    }
  }

  mail_queue::mail_queue (database& db, const mail_config& c): db_ (db), config_ (c) {}

  bool mail_queue::claim_next (claimed_mail& out)
  {
    // Each round claims one message or gives up on one whose sender died too late; the loop is
    // bounded by the number of those.
    for (;;)
    {
      bool claimed (false), gave_up (false);
      db_.transact ([&]
      {
        claimed = gave_up = false;
        utc_time now (now_utc ());
        std::shared_ptr<outbox_message> m (outbox_store::next_claimable (now));
        if (m == nullptr)
          return;
        if (m->state == outbox_state::sending && out_of_retries (m->created_at, now, config_))
        {
          m->last_error = "its sender stopped during an attempt, and the retries ran out";
          finish (*m, outbox_state::failed, now);
          outbox_store::update (*m);
          gave_up = true;
          return;
        }
        m->state = outbox_state::sending;
        m->attempts += 1;
        m->claim += 1;
        m->lease_expires_at = now + config_.lease_seconds * microseconds_per_second;
        outbox_store::update (*m);

        out.id = m->id;
        out.claim = m->claim;
        out.attempts = m->attempts;
        out.recipient = m->recipient;
        out.subject = m->subject;
        out.body = m->body;
        out.message_id = m->message_id;
        out.created_at = m->created_at;
        claimed = true;
      });
      if (!gave_up)
        return claimed;
    }
  }

  bool mail_queue::change_if_ours (const claimed_mail& c,
                                   const std::function<void (outbox_message&, utc_time)>& change)
  {
    bool ours (false);
    db_.transact ([&]
    {
      std::shared_ptr<outbox_message> m (still_ours (c));
      ours = m != nullptr;
      if (!ours)
        return;
      change (*m, now_utc ());
      outbox_store::update (*m);
    });
    return ours;
  }

  bool mail_queue::delivered (const claimed_mail& c)
  {
    return change_if_ours (c, [] (outbox_message& m, utc_time now)
    {
      finish (m, outbox_state::sent, now);
    });
  }

  bool mail_queue::attempt_failed (const claimed_mail& c, const std::string& error)
  {
    bool again (false);
    change_if_ours (c, [&] (outbox_message& m, utc_time now)
    {
      m.last_error = error;
      again = !out_of_retries (m.created_at, now, config_);
      if (!again)
        finish (m, outbox_state::failed, now);
      else
      {
        m.state = outbox_state::queued;
        m.lease_expires_at.reset ();
        m.next_attempt_at = now + retry_delay_seconds (m.attempts, config_) *
                                  microseconds_per_second;
      }
    });
    return again;
  }

  bool mail_queue::refused (const claimed_mail& c, const std::string& error)
  {
    return change_if_ours (c, [&] (outbox_message& m, utc_time now)
    {
      m.last_error = error;
      finish (m, outbox_state::failed, now);
    });
  }

  int mail_queue::seconds_until_due ()
  {
    odb::nullable<utc_time> due;
    db_.transact ([&] {due = outbox_store::next_due ();});
    if (due.null ())
      return -1;
    utc_time left (due.get () - now_utc ());
    if (left <= 0)
      return 0;
    return static_cast<int> ((left + microseconds_per_second - 1) / microseconds_per_second);
  }
}
