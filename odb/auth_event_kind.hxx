// What an entry of an account's security log records: the enum kept in auth_events.kind as its
// name, which is also what the API shows.
#pragma once

#include <cstddef>
#include <string>

#include "stored_enum.hxx"

namespace modforge
{
  enum class auth_event_kind
  {
    registered,        // "register": the account was created
    login,
    login_failed,
    login_throttled,
    logout,
    logout_all,
    username_changed,
    email_changed,
    password_changed,
    token_revoked,
    password_reset_requested,  // a reset link was mailed (forgot, or an operator's send-reset)
    password_reset,            // the password was set through a reset link
    email_verified,            // a verification link was used
    password_check_failed      // a wrong current password given to confirm a change
  };

  const char* const auth_event_kind_names[] =
    {"register", "login", "login_failed", "login_throttled", "logout", "logout_all",
     "username_changed", "email_changed", "password_changed", "token_revoked",
     "password_reset_requested", "password_reset", "email_verified", "password_check_failed"};
  static_assert (sizeof (auth_event_kind_names) / sizeof (*auth_event_kind_names) ==
                 static_cast<std::size_t> (auth_event_kind::password_check_failed) + 1,
                 "a name for each kind");

  inline const char* to_string (auth_event_kind k) {return enum_name (auth_event_kind_names, k);}
  inline auth_event_kind to_auth_event_kind (const std::string& s)
  {
    return enum_value<auth_event_kind> (auth_event_kind_names, s, "security event kind");
  }
}
