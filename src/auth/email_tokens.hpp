// The single-use tokens that mail carries: 256 random bits as 64 hex digits, of which only the
// SHA-256 is stored, each for one purpose (verify an address, reset a password), one address and
// a limited time. A new token voids the account's older ones of its purpose.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "../../odb/email_token.hxx"
#include "../../odb/types.hxx"

namespace modforge
{
  // Inside a transaction: a new token for the user, mailed to `address`, working for
  // `lifetime_seconds`; every earlier token of the user for `purpose` stops working. Returns the
  // raw token, which exists nowhere else afterwards (but in the mail).
  std::string issue_email_token (std::int64_t user_id, email_token_purpose,
                                 const std::string& address, int lifetime_seconds);

  // Whether `raw` has the shape issue_email_token gives (checked before any lookup).
  bool is_email_token (const std::string& raw);

  // Inside a transaction: the token `raw` stands for, locked, if it is of `purpose`, unused and
  // not expired at `now`; else nullptr. Whether it still belongs to the account's address is the
  // caller's check (the address may have changed since).
  std::shared_ptr<email_token> find_usable_email_token (const std::string& raw,
                                                        email_token_purpose, utc_time now);
}
