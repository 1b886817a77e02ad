// users through ODB.
#include "user_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace user_store
  {
    typedef odb::query<user> query;

    std::shared_ptr<user> find (std::int64_t id)
    {
      return current_database ().find<user> (id);
    }

    std::shared_ptr<user> find_by_login (const std::string& login)
    {
      odb::database& db (current_database ());
      return login.find ('@') != std::string::npos
        ? db.query_one<user> (query::email == query::_ref (login))
        : db.query_one<user> (query::username_key == query::_ref (login));
    }

    bool username_taken (const std::string& key, std::int64_t except_id)
    {
      return current_database ().query_one<user> (query::username_key == query::_ref (key) &&
                                                  query::id != except_id) != nullptr;
    }

    bool email_taken (const std::string& email, std::int64_t except_id)
    {
      return current_database ().query_one<user> (query::email == query::_ref (email) &&
                                                  query::id != except_id) != nullptr;
    }

    void add (user& u) {current_database ().persist (u);}
    void update (const user& u) {current_database ().update (u);}
    bool remove (std::int64_t id)
    {
      return current_database ().erase_query<user> (query::id == id) != 0;
    }

    std::shared_ptr<user> find_locked (std::int64_t id)
    {
      return current_database ().query_one<user> ((query::id == id) + "FOR UPDATE");
    }

    bool lock_for_quota (std::int64_t id)
    {
      return current_database ().query_one<user> ((query::id == id) + "FOR NO KEY UPDATE") !=
             nullptr;
    }

    std::vector<user_summary> list_summaries (std::size_t limit, std::size_t offset)
    {
      typedef odb::query<user_summary> sq;
      std::vector<user_summary> v;
      for (const user_summary& u: current_database ().query<user_summary> (
             sq ("GROUP BY") + sq::user::id + "ORDER BY" + sq::user::created_at + "DESC," +
             sq::user::id + "DESC LIMIT" + sq::_val (static_cast<std::int64_t> (limit)) +
             "OFFSET" + sq::_val (static_cast<std::int64_t> (offset))))
        v.push_back (u);
      return v;
    }

    user_count count () {return current_database ().query_value<user_count> ();}
  }
}
