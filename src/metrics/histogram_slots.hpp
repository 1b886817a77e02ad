// How a histogram lies in shared counters: one slot per bucket (the last is +Inf, counts not
// cumulative), then the sum of the observations in microseconds.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "exposition.hpp"
#include "shared_counters.hpp"

namespace modforge
{
  struct histogram_slots
  {
    const std::vector<double>* bounds;   // seconds, ascending

    std::size_t size () const {return bounds->size () + 2;}

    // Adds an observation to the histogram whose first slot is `first`.
    void observe (shared_counters&, std::size_t first, std::chrono::microseconds) const;

    // Writes the histogram whose first slot is `first` as `name` with `labels`.
    void write (exposition&, const std::string& name, const metric_labels&,
                const shared_counters&, std::size_t first) const;
  };
}
