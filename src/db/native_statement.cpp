// Native statements through libpq on ODB's connection.
#include "native_statement.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include <libpq-fe.h>

#include <odb/pgsql/connection.hxx>
#include <odb/pgsql/error.hxx>
#include <odb/pgsql/transaction.hxx>

namespace modforge
{
  native_statement::native_statement (std::string sql): sql_ (std::move (sql)) {}

  native_statement& native_statement::bind (const std::string& v)
  {
    parameters_.push_back (v);
    return *this;
  }

  native_statement& native_statement::bind (std::int64_t v)
  {
    parameters_.push_back (std::to_string (v));
    return *this;
  }

  void native_statement::run ()
  {
    odb::pgsql::connection& c (odb::pgsql::transaction::current ().connection ());
    std::vector<const char*> values;
    for (const std::string& p: parameters_)
      values.push_back (p.c_str ());

    std::unique_ptr<PGresult, void (*) (PGresult*)> r (
      PQexecParams (c.handle (), sql_.c_str (), static_cast<int> (values.size ()), nullptr,
                    values.data (), nullptr, nullptr, 0),
      PQclear);
    if (!odb::pgsql::is_good_result (r.get ()))
      odb::pgsql::translate_error (c, r.get ()); // throws

    rows_.clear ();
    int n (PQntuples (r.get ())), columns (PQnfields (r.get ()));
    for (int i (0); i < n; ++i)
    {
      std::vector<odb::nullable<std::string>> row;
      for (int j (0); j < columns; ++j)
        if (PQgetisnull (r.get (), i, j))
          row.push_back (odb::nullable<std::string> ());
        else
          row.push_back (std::string (PQgetvalue (r.get (), i, j),
                                      static_cast<std::size_t> (PQgetlength (r.get (), i, j))));
      rows_.push_back (std::move (row));
    }
    const char* touched (PQcmdTuples (r.get ()));
    changed_ = *touched != '\0' ? static_cast<std::size_t> (std::strtoull (touched, nullptr, 10))
                                : 0;
  }

  const odb::nullable<std::string>& native_statement::text (std::size_t row,
                                                            std::size_t column) const
  {
    if (row >= rows_.size () || column >= rows_[row].size ())
      throw std::out_of_range ("native_statement: no row " + std::to_string (row) +
                               " column " + std::to_string (column));
    return rows_[row][column];
  }

  std::int64_t native_statement::number (std::size_t row, std::size_t column) const
  {
    const odb::nullable<std::string>& v (text (row, column));
    return v.null () ? 0 : std::stoll (v.get ());
  }

  bool native_statement::flag (std::size_t row, std::size_t column) const
  {
    const odb::nullable<std::string>& v (text (row, column));
    return !v.null () && v.get () == "t";
  }

  std::size_t remove_where (const char* table, const native_statement& condition, bool dry_run)
  {
    native_statement s (std::string (dry_run ? "SELECT count(*) FROM " : "DELETE FROM ") + table +
                        " WHERE " + condition.sql ());
    for (const std::string& p: condition.parameters ())
      s.bind (p);
    s.run ();
    return dry_run ? static_cast<std::size_t> (s.number (0, 0)) : s.changed ();
  }
}
