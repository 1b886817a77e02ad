// Job statuses as SQL text.
#include "status_list.hpp"

namespace modforge
{
  std::string status_list (std::initializer_list<job_status> statuses)
  {
    std::string s;
    for (job_status x: statuses)
      s += std::string (s.empty () ? "'" : ", '") + to_string (x) + "'";
    return s;
  }
}
