// How an operator names a user on modforge-admin's command line: a username (any case), an
// email, or "#<id>".
#pragma once

#include <cstdint>
#include <string>

namespace modforge
{
  struct user_reference
  {
    std::int64_t id = 0;    // "#<id>": the database id; else 0
    std::string login;      // otherwise: the lower-cased username or email (it has an '@')
    std::string problem;    // not empty: the reference is malformed, and this says why
  };

  user_reference parse_user_reference (const std::string&);
}
