// email_tokens through ODB.
#include "email_token_store.hpp"

#include <odb/database.hxx>

#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace email_token_store
  {
    typedef odb::query<email_token> query;

    void add (email_token& t) {current_database ().persist (t);}
    void update (const email_token& t) {current_database ().update (t);}

    std::shared_ptr<email_token> find_locked (const std::string& token_hash)
    {
      return current_database ().query_one<email_token> (
        (query::token_hash == token_hash) + "FOR UPDATE");
    }

    std::int64_t owner_id (const email_token& t)
    {
      return t.owner.object_id<user> ();
    }

    void remove_all (std::int64_t user_id, email_token_purpose purpose)
    {
      current_database ().erase_query<email_token> (query::owner == user_id &&
                                                    query::purpose == purpose);
    }
  }
}
