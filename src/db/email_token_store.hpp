// email_tokens through ODB; every function runs inside database::transact.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "../../odb/email_token.hxx"

namespace modforge
{
  namespace email_token_store
  {
    void add (email_token&);
    void update (const email_token&);

    // The token with this hash, locked until the transaction ends; nullptr if there is none.
    std::shared_ptr<email_token> find_locked (const std::string& token_hash);

    // The id of the account the token belongs to.
    std::int64_t owner_id (const email_token&);

    // Deletes every token of the user for `purpose`, used or not: none of them works any more.
    void remove_all (std::int64_t user_id, email_token_purpose);
  }
}
