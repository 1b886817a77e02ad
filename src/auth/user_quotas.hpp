// Per-user quotas on what a user holds: sessions and live tokens. Each is checked inside the
// transaction that adds one, under the user's quota lock (user_store::lock_for_quota), so that
// requests in parallel cannot pass it.
#pragma once

#include <cstdint>

namespace modforge
{
  // Inside a transaction: takes the user's quota lock (invalid_session when the user is gone).
  // Every transaction that takes it takes it before it locks a session or a job of the user, so
  // that two of them cannot wait for each other.
  void lock_quotas (std::int64_t user_id);

  // Inside a transaction: throws quota_exceeded session_limit (no Retry-After: sessions never
  // expire, the user deletes one) when the user holds `max` sessions already, invalid_session
  // when the user is gone.
  void make_room_for_session (std::int64_t user_id, int max);

  // Inside a transaction: revokes the user's least recently used tokens so that one more leaves
  // the user `max` live tokens at most, the caller's own token (`caller_token`, 0 for a login)
  // last of all; invalid_session when the user is gone.
  void make_room_for_token (std::int64_t user_id, int max, std::int64_t caller_token);
}
