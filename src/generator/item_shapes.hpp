// The silhouette of each kind of item on a 16x16 grid, split into the parts that take different
// colours: the texture painter colours and shades them.
#pragma once

#include <string>

namespace modforge
{
  enum class item_part: unsigned char {none, body, handle, accent};

  struct item_shape
  {
    static const int size = 16;
    item_part cells[size][size]; // [y][x], y downwards

    // The part at (x, y); none outside the grid.
    item_part at (int x, int y) const
    {
      return x < 0 || y < 0 || x >= size || y >= size ? item_part::none : cells[y][x];
    }
  };

  // The shape of one of item_kinds (); an unknown kind gets the "generic" shape. Tools point to
  // the top right with the handle at the bottom left, as Minecraft's own items do.
  item_shape shape_for_kind (const std::string& kind);
}
