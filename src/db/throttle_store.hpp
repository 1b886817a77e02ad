// login_throttles through ODB; every function runs inside database::transact.
#pragma once

#include <memory>
#include <string>

#include "../../odb/login_throttle.hxx"

namespace modforge
{
  namespace throttle_store
  {
    // The counter, locked until the transaction ends; nullptr if there is none yet.
    std::shared_ptr<login_throttle> find_locked (const std::string& scope,
                                                 const std::string& key);
    // The counter as it is, without a lock (for reading only); nullptr if there is none.
    std::shared_ptr<login_throttle> find (const std::string& scope, const std::string& key);
    // Stores a new counter (t.id == 0) or updates it.
    void save (login_throttle& t);
    void remove (const std::string& scope, const std::string& key);
  }
}
