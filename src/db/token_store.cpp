// session_tokens through ODB.
#include "token_store.hpp"

#include <odb/database.hxx>

#include "cached_query.hpp"
#include "database.hpp"
#include "modforge-odb.hxx"

namespace modforge
{
  namespace token_store
  {
    typedef odb::query<session_token> query;

    bool find_principal (const std::string& token_hash, token_principal& out)
    {
      // Every authenticated request runs this: prepared once per connection.
      typedef odb::query<token_principal> pq;
      struct params {std::string token_hash;};
      params* p;
      odb::prepared_query<token_principal> q (cached_query<token_principal> (
        "token_principal_by_hash", p,
        [] (params& p) {return pq::session_token::token_hash == pq::_ref (p.token_hash);}));
      p->token_hash = token_hash;
      return q.execute_one (out);
    }

    std::shared_ptr<session_token> find (std::int64_t token_id)
    {
      return current_database ().find<session_token> (token_id);
    }

    std::vector<session_token> list (std::int64_t user_id, std::size_t limit,
                                     std::size_t offset)
    {
      std::vector<session_token> v;
      for (const session_token& t: current_database ().query<session_token> (
             (query::owner == user_id) + "ORDER BY" + query::last_used_at + "DESC," +
             query::id + "DESC LIMIT" + query::_val (static_cast<std::int64_t> (limit)) +
             "OFFSET" + query::_val (static_cast<std::int64_t> (offset))))
        v.push_back (t);
      return v;
    }

    void add (session_token& t) {current_database ().persist (t);}
    bool update (const session_token& t) {return update_if_present (t);}

    bool remove_owned (std::int64_t token_id, std::int64_t user_id)
    {
      return current_database ().erase_query<session_token> (
        query::id == token_id && query::owner == user_id) != 0;
    }

    std::size_t remove_all_but (std::int64_t user_id, std::int64_t kept_token_id)
    {
      return static_cast<std::size_t> (current_database ().erase_query<session_token> (
        query::owner == user_id && query::id != kept_token_id));
    }

    std::size_t remove_least_recently_used (std::int64_t user_id, std::size_t kept,
                                            std::int64_t spared)
    {
      // The user's index gives its tokens (at most its quota and one); the order is the list's.
      return static_cast<std::size_t> (current_database ().erase_query<session_token> (
        query ("id IN (SELECT id FROM session_tokens WHERE user_id =") + query::_val (user_id) +
        "ORDER BY id =" + query::_val (spared) + "DESC, last_used_at DESC, id DESC OFFSET" +
        query::_val (static_cast<std::int64_t> (kept)) + ")"));
    }

    std::int64_t count () {return current_database ().query_value<token_count> ().total;}
  }
}
