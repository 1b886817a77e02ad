// Observing into, and writing out, a histogram kept in shared counters.
#include "histogram_slots.hpp"

namespace modforge
{
  void histogram_slots::observe (shared_counters& c, std::size_t first,
                                 std::chrono::microseconds took) const
  {
    double seconds (took.count () / 1e6);
    std::size_t bucket (0);
    while (bucket != bounds->size () && seconds > (*bounds)[bucket])
      ++bucket;
    c.add (first + bucket);
    c.add (first + bounds->size () + 1, static_cast<std::uint64_t> (took.count () < 0 ? 0
                                                                    : took.count ()));
  }

  void histogram_slots::write (exposition& e, const std::string& name,
                               const metric_labels& labels, const shared_counters& c,
                               std::size_t first) const
  {
    std::vector<std::uint64_t> counts;
    for (std::size_t i (0); i <= bounds->size (); ++i)
      counts.push_back (c.get (first + i));
    e.histogram (name, labels, *bounds, counts, c.get (first + bounds->size () + 1) / 1e6);
  }
}
