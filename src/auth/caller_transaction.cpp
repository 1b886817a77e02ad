// Transactions on behalf of the signed-in caller.
#include "caller_transaction.hpp"

#include "../common/domain_error.hpp"

namespace modforge
{
  void transact_for_caller (database& db, const std::function<void ()>& work)
  {
    try
    {
      db.transact (work);
    }
    catch (const std::exception& e)
    {
      if (!is_foreign_key_violation (e))
        throw;
      throw invalid_session ();
    }
  }
}
