// Statements that ODB's queries cannot send: one that begins with WITH … INSERT/UPDATE/DELETE
// (PostgreSQL allows a data-modifying WITH only at the top of a statement, and ODB puts WHERE in
// front of any query text that does not begin with SELECT), or a lone INSERT … ON CONFLICT. They
// run through libpq on the connection of ODB's current transaction, with their parameters bound
// (as text: the SQL casts each one), and PostgreSQL's errors become ODB's exceptions, so that
// database::transact retries them as it retries any other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <odb/nullable.hxx>

namespace modforge
{
  class native_statement
  {
  public:
    // `sql` names its parameters $1, $2, … in the order they are bound.
    explicit native_statement (std::string sql);

    native_statement& bind (const std::string&);
    native_statement& bind (std::int64_t);

    // Runs it inside the current transaction (database::transact or database::statement).
    void run ();

    // After run: how many rows it returned, and one of their columns as text (null: NULL).
    std::size_t rows () const {return rows_.size ();}
    const odb::nullable<std::string>& text (std::size_t row, std::size_t column) const;
    // The column as a number or a boolean ('t'); a NULL is 0 or false.
    std::int64_t number (std::size_t row, std::size_t column) const;
    bool flag (std::size_t row, std::size_t column) const;
    // How many rows an INSERT, UPDATE or DELETE touched.
    std::size_t changed () const {return changed_;}

    const std::string& sql () const {return sql_;}
    const std::vector<std::string>& parameters () const {return parameters_;}

  private:
    std::string sql_;
    std::vector<std::string> parameters_;
    std::vector<std::vector<odb::nullable<std::string>>> rows_;
    std::size_t changed_ = 0;
  };

  // Deletes the rows of `table` that meet `condition` (a statement holding only a WHERE
  // condition, with its parameters bound) and returns how many there were; with dry_run, only
  // counts them.
  std::size_t remove_where (const char* table, const native_statement& condition, bool dry_run);
}
