// Prepared queries cached on the connection of the transaction in progress: PostgreSQL parses
// and plans each of them once per connection instead of once per request. A connection opened
// after a loss starts with an empty cache and prepares them again on first use.
#pragma once

#include <memory>

#include <odb/pgsql/connection.hxx>
#include <odb/pgsql/transaction.hxx>
#include <odb/prepared-query.hxx>

namespace modforge
{
  // The prepared query `name` on the current transaction's connection, with its parameters in
  // `params` (bound by reference: set them before each execution). The first use on a
  // connection builds the query with `build (params&)`, which must bind every parameter with
  // query::_ref to a member of Params. `name` must be a string literal unique to this query:
  // PostgreSQL knows the statement by it.
  template <typename T, typename Params, typename Build>
  odb::prepared_query<T> cached_query (const char* name, Params*& params, Build build)
  {
    // The pgsql connection, not odb::connection: only its templates prepare a query.
    odb::pgsql::connection& c (odb::pgsql::transaction::current ().connection ());
    odb::prepared_query<T> pq (c.lookup_query<T> (name, params));
    if (!pq)
    {
      std::unique_ptr<Params> p (new Params ());
      params = p.get ();
      pq = c.prepare_query<T> (name, build (*p));
      c.cache_query (pq, std::move (p));
    }
    return pq;
  }
}
