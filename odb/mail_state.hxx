// Where a message of the outbox is (mail_outbox.state, kept as its name) and why an email token
// was made (email_tokens.purpose, likewise).
#pragma once

#include <cstddef>
#include <string>

#include "stored_enum.hxx"

namespace modforge
{
  // queued (waiting for its next attempt), sending (a worker holds it under a lease), then sent,
  // or failed once the retries ran out.
  enum class outbox_state {queued, sending, sent, failed};

  const char* const outbox_state_names[] = {"queued", "sending", "sent", "failed"};
  static_assert (sizeof (outbox_state_names) / sizeof (*outbox_state_names) ==
                 static_cast<std::size_t> (outbox_state::failed) + 1, "a name for each state");

  inline const char* to_string (outbox_state s) {return enum_name (outbox_state_names, s);}
  inline outbox_state to_outbox_state (const std::string& s)
  {
    return enum_value<outbox_state> (outbox_state_names, s, "outbox state");
  }

  // verify: proves the owner reads mail at the address; reset: sets a forgotten password.
  enum class email_token_purpose {verify, reset};

  const char* const email_token_purpose_names[] = {"verify", "reset"};
  static_assert (sizeof (email_token_purpose_names) / sizeof (*email_token_purpose_names) ==
                 static_cast<std::size_t> (email_token_purpose::reset) + 1,
                 "a name for each purpose");

  inline const char* to_string (email_token_purpose p)
  {
    return enum_name (email_token_purpose_names, p);
  }
  inline email_token_purpose to_email_token_purpose (const std::string& s)
  {
    return enum_value<email_token_purpose> (email_token_purpose_names, s, "email token purpose");
  }
}
