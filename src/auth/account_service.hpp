// The rules of a signed-in user's own account: profile changes, deletion, where it is logged in
// (tokens), and its security log.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../../odb/auth_event.hxx"
#include "../../odb/session_token.hxx"
#include "../../odb/token_principal.hxx"
#include "../../odb/user.hxx"
#include "../common/client_info.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "auth_service.hpp"

namespace modforge
{
  // A PATCH of the account: only the fields that are set change.
  struct account_changes
  {
    bool has_username = false, has_email = false, has_password = false;
    std::string username, email, password, current_password;
  };

  class account_service
  {
  public:
    account_service (database&, auth_service&, const job_files&);

    // Applies the changes. Every change needs the current password (auth_service::
    // confirm_password: counted like a login, forbidden when wrong); a name or email that is
    // taken is a conflict counted per address (auth_service::refuse_taken). A new email is
    // unverified: a verification link goes to it and a notice to the old one. A password change
    // revokes every other token of the user and mails a notice. Either voids the reset links
    // mailed before.
    user update (const token_principal&, const account_changes&, const client_info&);

    // Deletes the account and everything it owns, after checking the password.
    void remove (const token_principal&, const std::string& password, const client_info&);

    // Revokes every token of the account but the caller's; returns how many.
    std::size_t logout_all (const token_principal&, const std::string& password,
                            const client_info&);

    // The user's tokens, most recently used first: `limit` of them from `offset`.
    std::vector<session_token> tokens (const token_principal&, std::size_t limit,
                                       std::size_t offset);
    // Throws not_found ("Token not found") when the token is not one of the user's.
    void revoke_token (const token_principal&, std::int64_t token_id, const client_info&);

    std::vector<auth_event> events (const token_principal&, std::size_t limit);

  private:
    // The update's transaction, once the checks that need no database have passed.
    void apply (const token_principal&, const account_changes&, const std::string& email,
                const std::string& new_hash, const client_info&, user& result);

    database& db_;
    auth_service& auth_;
    const job_files& files_;
  };
}
