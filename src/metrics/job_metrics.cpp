// The job-duration histograms and where they lie in the shared file.
#include "job_metrics.hpp"

#include <algorithm>
#include <iterator>

#include "../../odb/job_state.hxx"

namespace modforge
{
  namespace
  {
    std::size_t index_of (const std::vector<std::string>& v, const std::string& s)
    {
      return static_cast<std::size_t> (std::find (v.begin (), v.end (), s) - v.begin ());
    }
  }

  const std::vector<std::string>& job_metrics::tasks ()
  {
    static const std::vector<std::string> t (std::begin (job_task_names),
                                             std::end (job_task_names));
    return t;
  }

  const std::vector<std::string>& job_metrics::outcomes ()
  {
    static const std::vector<std::string> o {"completed", "failed"};
    return o;
  }

  const std::vector<double>& job_metrics::duration_bounds ()
  {
    static const std::vector<double> b {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
    return b;
  }

  job_metrics::job_metrics (const std::string& directory)
      : durations_ {&duration_bounds ()}
  {
    std::string layout ("modforge workers 1; tasks");
    for (const std::string& t: tasks ())
      layout += " " + t;
    layout += "; outcomes";
    for (const std::string& o: outcomes ())
      layout += " " + o;
    layout += "; seconds";
    for (double b: duration_bounds ())
      layout += " " + metric_number (b);
    counters_.reset (new shared_counters (directory + "/workers",
                                          slot (tasks ().size (), 0), layout));
  }

  std::size_t job_metrics::slot (std::size_t task, std::size_t outcome) const
  {
    return (task * outcomes ().size () + outcome) * durations_.size ();
  }

  void job_metrics::finished (const std::string& task, const std::string& outcome,
                              std::chrono::microseconds took)
  {
    std::size_t t (index_of (tasks (), task)), o (index_of (outcomes (), outcome));
    if (t != tasks ().size () && o != outcomes ().size ())
      durations_.observe (*counters_, slot (t, o), took);
  }

  void job_metrics::write (exposition& e) const
  {
    e.family ("modforge_job_duration_seconds", "histogram",
              "Time a worker of this host spent on a job's task, from its claim to its end.");
    for (std::size_t t (0); t != tasks ().size (); ++t)
      for (std::size_t o (0); o != outcomes ().size (); ++o)
        durations_.write (e, "modforge_job_duration_seconds",
                          {{"task", tasks ()[t]}, {"outcome", outcomes ()[o]}}, *counters_,
                          slot (t, o));
  }
}
