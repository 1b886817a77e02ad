// Reading and writing session tokens; called inside database::transact.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../../odb/row_counts.hxx"
#include "../../odb/session_token.hxx"
#include "../../odb/token_principal.hxx"

namespace modforge
{
  namespace token_store
  {
    // Loads into `out` the token with this hash, joined to its session and user (one indexed
    // query); false when there is none.
    bool find_principal (const std::string& token_hash, token_principal& out);
    std::shared_ptr<session_token> find (std::int64_t token_id);
    // The user's tokens, most recently used first, a page of them.
    std::vector<session_token> list (std::int64_t user_id, std::size_t limit,
                                     std::size_t offset);
    void add (session_token&);
    // False when the row is gone: revoked by a concurrent request since it was read.
    bool update (const session_token&);
    bool remove_owned (std::int64_t token_id, std::int64_t user_id);
    // Revokes every token of the user but one (0: all); returns how many were revoked.
    std::size_t remove_all_but (std::int64_t user_id, std::int64_t kept_token_id);
    // Revokes the user's least recently used tokens beyond the `kept` most recently used ones,
    // the token `spared` (0: none) counted first whenever it was used; returns how many were
    // revoked.
    std::size_t remove_least_recently_used (std::int64_t user_id, std::size_t kept,
                                            std::int64_t spared);

    // How many tokens there are, of all users.
    std::int64_t count ();
  }
}
