// Formatting a plain-text table.
#include "text_table.hpp"

#include <algorithm>

#include "../common/text_rules.hpp"

namespace modforge
{
  std::string format_table (const std::vector<std::vector<std::string>>& rows,
                            const std::vector<bool>& right_aligned)
  {
    std::vector<std::size_t> widths;
    for (const auto& row: rows)
    {
      widths.resize (std::max (widths.size (), row.size ()), 0);
      for (std::size_t i (0); i != row.size (); ++i)
        widths[i] = std::max (widths[i], count_code_points (row[i]));
    }

    std::string out;
    for (const auto& row: rows)
    {
      std::string line;
      for (std::size_t i (0); i != row.size (); ++i)
      {
        std::string padding (widths[i] - count_code_points (row[i]), ' ');
        bool right (i < right_aligned.size () && right_aligned[i]);
        if (i != 0)
          line += "  ";
        line += right ? padding + row[i] : row[i] + padding;
      }
      line.erase (line.find_last_not_of (' ') + 1);
      out += line + "\n";
    }
    return out;
  }
}
