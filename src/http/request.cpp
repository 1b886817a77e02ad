// Access to a request's path captures.
#include "request.hpp"

namespace modforge
{
  const std::string& request::param (const std::string& name) const
  {
    static const std::string empty;
    auto i (params.find (name));
    return i != params.end () ? i->second : empty;
  }
}
