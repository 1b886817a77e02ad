// login_throttles through ODB.
#include "throttle_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace throttle_store
  {
    typedef odb::query<login_throttle> query;

    std::shared_ptr<login_throttle> find_locked (const std::string& scope,
                                                 const std::string& key)
    {
      return current_database ().query_one<login_throttle> (
        (query::scope == scope && query::key == key) + "FOR UPDATE");
    }

    std::shared_ptr<login_throttle> find (const std::string& scope, const std::string& key)
    {
      return current_database ().query_one<login_throttle> (query::scope == scope &&
                                                            query::key == key);
    }

    void save (login_throttle& t)
    {
      if (t.id == 0)
        current_database ().persist (t);
      else
        current_database ().update (t);
    }

    void remove (const std::string& scope, const std::string& key)
    {
      current_database ().erase_query<login_throttle> (query::scope == scope &&
                                                       query::key == key);
    }
  }
}
