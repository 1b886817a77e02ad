// Queueing mail: a letter joins the outbox in the transaction of the change that causes it, so
// that the change and its mail commit together or not at all; the request never talks SMTP.
#pragma once

#include <cstdint>
#include <string>

#include "letters.hpp"

namespace modforge
{
  // Inside the caller's transaction: queues `l`, about the user `user_id`, from `from_address`
  // (which names the Message-ID's domain), due at once, and tells the listening senders (the
  // NOTIFY is delivered at commit).
  void queue_mail (std::int64_t user_id, const letter& l, const std::string& from_address);
}
