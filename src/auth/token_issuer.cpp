// Creating session tokens.
#include "token_issuer.hpp"

#include "../db/references.hpp"

#include "../common/clock.hpp"
#include "../common/uuid.hpp"
#include "../db/database.hpp"
#include "../db/session_store.hpp"
#include "../db/token_store.hpp"
#include "token_hash.hpp"
#include "user_quotas.hpp"

namespace modforge
{
  std::string issue_token (std::int64_t session_id, std::int64_t user_id, const client_info& c,
                           int max_tokens, std::int64_t caller_token)
  {
    make_room_for_token (user_id, max_tokens, caller_token);

    // 122 random bits: guessing one is hopeless, and its shape is checked before any lookup.
    std::string token (random_uuid ());
    utc_time now (now_utc ());

    session_token t;
    t.conversation = session_ref (session_id);
    t.owner = user_ref (user_id);
    t.token_hash = hash_token (token);
    t.created_at = t.last_used_at = now;
    record_client (t, c);
    token_store::add (t);
    return token;
  }
}
