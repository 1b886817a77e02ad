// Status changes and their progress figures.
#include "job_stages.hpp"

namespace modforge
{
  void enter_status (job& j, job_status s)
  {
    j.status = s;
    switch (s)
    {
    case job_status::queued: j.progress = 0; break;
    case job_status::analyzing: j.progress = 10; break;
    case job_status::generating: j.progress = 40; break;
    case job_status::packaging: j.progress = 80; break;
    case job_status::completed: j.progress = 100; break;
    case job_status::failed: break;
    }
  }

  bool is_running (job_status s)
  {
    return s == job_status::analyzing || s == job_status::generating ||
           s == job_status::packaging;
  }
}
