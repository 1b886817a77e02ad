// The mail that account changes cause, queued inside the caller's transaction (so that the change
// and its mail commit together): a verification link for a new address, a reset link, and the
// notices of a changed password or address. The tokens in links are made here.
#pragma once

#include "../../odb/user.hxx"
#include "../common/config.hpp"

namespace modforge
{
  class account_mail
  {
  public:
    // Reads http.public_url, mail.from and the token lifetimes of security.
    explicit account_mail (const config&);

    // A verification link to the user's address (voiding earlier ones).
    void verification (const user&) const;
    // A password reset link to the user's address (voiding earlier ones).
    void password_reset (const user&) const;
    // "Your password was changed" to the user's address.
    void password_changed (const user&) const;
    // "Your address was changed" to `old_address`.
    void email_changed (const user&, const std::string& old_address) const;

  private:
    const config& config_;
  };
}
