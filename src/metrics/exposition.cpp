// Writing the text exposition format.
#include "exposition.hpp"

#include <cmath>
#include <cstdio>

namespace modforge
{
  namespace
  {
    // Label values escape \ " and line feed; HELP text \ and line feed.
    std::string escaped (const std::string& s, bool quote)
    {
      std::string r;
      for (char c: s)
      {
        if (c == '\\')
          r += "\\\\";
        else if (c == '\n')
          r += "\\n";
        else if (c == '"' && quote)
          r += "\\\"";
        else
          r.push_back (c);
      }
      return r;
    }
  }

  const char exposition::content_type[] = "text/plain; version=0.0.4; charset=utf-8";

  std::string metric_number (double v)
  {
    if (std::isinf (v))
      return v > 0 ? "+Inf" : "-Inf";
    if (std::isnan (v))
      return "NaN";
    char b[32];
    std::snprintf (b, sizeof b, "%.9g", v);
    return b;
  }

  void exposition::family (const std::string& name, const char* type, const std::string& help)
  {
    text_ += "# HELP " + name + " " + escaped (help, false) + "\n# TYPE " + name + " " + type +
             "\n";
  }

  void exposition::line (const std::string& name, const metric_labels& labels,
                         const std::string& value)
  {
    text_ += name;
    if (!labels.empty ())
    {
      text_ += "{";
      for (std::size_t i (0); i != labels.size (); ++i)
        text_ += (i == 0 ? "" : ",") + labels[i].first + "=\"" +
                 escaped (labels[i].second, true) + "\"";
      text_ += "}";
    }
    text_ += " " + value + "\n";
  }

  void exposition::sample (const std::string& name, const metric_labels& labels,
                           std::uint64_t value)
  {
    line (name, labels, std::to_string (value));
  }

  void exposition::sample (const std::string& name, const metric_labels& labels, double value)
  {
    line (name, labels, metric_number (value));
  }

  void exposition::histogram (const std::string& name, const metric_labels& labels,
                              const std::vector<double>& bounds,
                              const std::vector<std::uint64_t>& counts, double sum)
  {
    std::uint64_t cumulative (0);
    for (std::size_t i (0); i <= bounds.size (); ++i)
    {
      cumulative += counts[i];
      metric_labels l (labels);
      l.emplace_back ("le", i < bounds.size () ? metric_number (bounds[i]) : "+Inf");
      line (name + "_bucket", l, std::to_string (cumulative));
    }
    line (name + "_sum", labels, metric_number (sum));
    line (name + "_count", labels, std::to_string (cumulative));
  }
}
