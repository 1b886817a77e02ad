// Adding a letter to the outbox.
#include "outbox.hpp"

#include "../../odb/outbox_message.hxx"
#include "../common/clock.hpp"
#include "../db/outbox_store.hpp"
#include "../db/references.hpp"
#include "mail_message.hpp"

namespace modforge
{
  void queue_mail (std::int64_t user_id, const letter& l, const std::string& from_address)
  {
    outbox_message m;
    m.owner = user_ref (user_id);
    m.recipient = l.to;
    m.subject = l.subject;
    m.body = l.body;
    m.state = outbox_state::queued;
    m.created_at = m.next_attempt_at = now_utc ();
    m.message_id = new_message_id (from_address);
    outbox_store::add (m);
    outbox_store::notify_queued ();
  }
}
