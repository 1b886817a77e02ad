// A transaction on behalf of the signed-in caller, for the services that add rows pointing at the
// caller's account (a session, a security event).
#pragma once

#include <functional>

#include "../db/database.hpp"

namespace modforge
{
  // Runs `work` in one transaction of `db`. A row it adds that points at the caller's account is
  // refused by its foreign key only when the account was deleted since the request was
  // authenticated; the caller's tokens went with it, so this is invalid_session, as the
  // caller's next request would hear.
  void transact_for_caller (database& db, const std::function<void ()>& work);
}
