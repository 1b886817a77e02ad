// Prometheus' text exposition format, version 0.0.4: each family with # HELP and # TYPE, then its
// samples with their labels.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace modforge
{
  typedef std::vector<std::pair<std::string, std::string>> metric_labels;

  class exposition
  {
  public:
    // The Content-Type of the page.
    static const char content_type[];

    // Starts a family; type is "counter", "gauge" or "histogram".
    void family (const std::string& name, const char* type, const std::string& help);

    void sample (const std::string& name, const metric_labels&, std::uint64_t value);
    void sample (const std::string& name, const metric_labels&, double value);

    // The samples of one histogram: `counts` has one count per bound plus the +Inf one, not
    // cumulative (they are summed here); `sum` is of the observed values.
    void histogram (const std::string& name, const metric_labels&,
                    const std::vector<double>& bounds, const std::vector<std::uint64_t>& counts,
                    double sum);

    const std::string& text () const {return text_;}

  private:
    void line (const std::string& name, const metric_labels&, const std::string& value);

    std::string text_;
  };

  // A number as the format writes it: "+Inf", or the shortest of up to 9 significant digits.
  std::string metric_number (double);
}
