// Plain-text tables for modforge-admin's listings.
#pragma once

#include <string>
#include <vector>

namespace modforge
{
  // One line per row (the first row is the header), every cell padded to its column's widest,
  // columns two spaces apart, no blanks at the end of a line. Widths count UTF-8 code points.
  // Columns whose `right_aligned` entry is true (numbers) are padded on the left.
  std::string format_table (const std::vector<std::vector<std::string>>& rows,
                            const std::vector<bool>& right_aligned = {});
}
