// Pointers to rows by id, for setting foreign keys without loading the row they point to.
#pragma once

#include <cstdint>

#include <odb/lazy-ptr.hxx>

#include "../../odb/session.hxx"
#include "../../odb/user.hxx"

namespace modforge
{
  // Inside a transaction.
  odb::lazy_shared_ptr<user> user_ref (std::int64_t id);
  odb::lazy_shared_ptr<session> session_ref (std::int64_t id);
}
