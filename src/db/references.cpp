// Lazy pointers by id (they need the ODB-generated traits, so they are made here).
#include "references.hpp"

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  odb::lazy_shared_ptr<user> user_ref (std::int64_t id)
  {
    return odb::lazy_shared_ptr<user> (current_database (), id);
  }

  odb::lazy_shared_ptr<session> session_ref (std::int64_t id)
  {
    return odb::lazy_shared_ptr<session> (current_database (), id);
  }
}
