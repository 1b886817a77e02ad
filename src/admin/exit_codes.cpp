// Failures as modforge-admin's exit statuses.
#include "exit_codes.hpp"

namespace modforge
{
  int exit_code_of (error_kind k)
  {
    switch (k)
    {
    case error_kind::not_found: return exit_no_such_user;
    case error_kind::conflict: return exit_already_exists;
    case error_kind::invalid_input: return exit_invalid_input;
    default: return exit_error;
    }
  }

  int exit_code_of (schema_state s)
  {
    return s == schema_state::newer ? exit_schema_newer : exit_schema_too_old;
  }
}
