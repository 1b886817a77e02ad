// Making and finding the tokens that mail carries.
#include "email_tokens.hpp"

#include "../common/clock.hpp"
#include "../common/uuid.hpp"
#include "../db/email_token_store.hpp"
#include "../db/references.hpp"
#include "token_hash.hpp"

namespace modforge
{
  namespace
  {
    // 256 bits: as much as the SHA-256 that stands for it.
    const std::size_t token_bytes = 32;
  }

  std::string issue_email_token (std::int64_t user_id, email_token_purpose purpose,
                                 const std::string& address, int lifetime_seconds)
  {
    email_token_store::remove_all (user_id, purpose);
    std::string raw (random_hex (token_bytes));
    email_token t;
    t.owner = user_ref (user_id);
    t.purpose = purpose;
    t.token_hash = hash_token (raw);
    t.email = address;
    t.created_at = now_utc ();
    t.expires_at = t.created_at + lifetime_seconds * microseconds_per_second;
    email_token_store::add (t);
    return raw;
  }

  bool is_email_token (const std::string& raw)
  {
    if (raw.size () != 2 * token_bytes)
      return false;
    for (char c: raw)
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return false;
    return true;
  }

  std::shared_ptr<email_token> find_usable_email_token (const std::string& raw,
                                                        email_token_purpose purpose, utc_time now)
  {
    if (!is_email_token (raw))
      return nullptr;
    std::shared_ptr<email_token> t (email_token_store::find_locked (hash_token (raw)));
    if (t == nullptr || t->purpose != purpose || !t->used_at.null () || t->expires_at <= now)
      return nullptr;
    return t;
  }
}
