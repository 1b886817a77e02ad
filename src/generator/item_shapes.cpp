// The item silhouettes, drawn with a few geometric primitives on pixel centres.
#include "item_shapes.hpp"

#include <cmath>

namespace modforge
{
  namespace
  {
    typedef item_part part;

    // Calls paint (x, y, px, py) for every cell, with (px, py) the cell's centre.
    template <typename F>
    void each_cell (F paint)
    {
      for (int y (0); y != item_shape::size; ++y)
        for (int x (0); x != item_shape::size; ++x)
          paint (x, y, x + 0.5, y + 0.5);
    }

    // A thick line: the cells whose centre lies within `radius` of the segment.
    void segment (item_shape& s, double x0, double y0, double x1, double y1, double radius,
                  part p)
    {
      double dx (x1 - x0), dy (y1 - y0), length2 (dx * dx + dy * dy);
      each_cell ([&] (int x, int y, double px, double py)
      {
        double t (length2 == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / length2);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double ex (px - x0 - t * dx), ey (py - y0 - t * dy);
        if (ex * ex + ey * ey <= radius * radius)
          s.cells[y][x] = p;
      });
    }

    void disc (item_shape& s, double cx, double cy, double radius, part p)
    {
      segment (s, cx, cy, cx, cy, radius, p);
    }

    // |dx| + |dy| <= radius, cut to |dy| <= max_dy: a gem's outline.
    void diamond (item_shape& s, double cx, double cy, double radius, double max_dy, part p)
    {
      each_cell ([&] (int x, int y, double px, double py)
      {
        if (std::fabs (px - cx) + std::fabs (py - cy) <= radius && std::fabs (py - cy) <= max_dy)
          s.cells[y][x] = p;
      });
    }

    // The top-right quarter of a ring around (cx, cy): a bow's limb, a pickaxe's head.
    void quarter_ring (item_shape& s, double cx, double cy, double radius, double width, part p)
    {
      each_cell ([&] (int x, int y, double px, double py)
      {
        double d (std::hypot (px - cx, py - cy));
        if (px >= cx - 0.5 && py <= cy + 0.5 && std::fabs (d - radius) <= width)
          s.cells[y][x] = p;
      });
    }

    // Rows top to bottom, each `half` + `slope` * row wide on each side of x = 8.
    void trapezoid (item_shape& s, int top, int bottom, double half, double slope, part p)
    {
      each_cell ([&] (int x, int y, double px, double)
      {
        if (y >= top && y <= bottom && std::fabs (px - 8) <= half + slope * (y - top))
          s.cells[y][x] = p;
      });
    }

    // The cells from (x0, y0) to (x1, y1), both included: armour is made of plates.
    void box (item_shape& s, int x0, int y0, int x1, int y1, part p)
    {
      for (int y (y0); y <= y1; ++y)
        for (int x (x0); x <= x1; ++x)
          s.cells[y][x] = p;
    }

    void handle (item_shape& s, double top_x, double top_y)
    {
      segment (s, 2.5, 13.5, top_x, top_y, 0.8, part::handle);
    }

    void draw (item_shape& s, const std::string& kind)
    {
      if (kind == "sword")
      {
        segment (s, 5.5, 10.5, 13.5, 2.5, 1.2, part::body);
        segment (s, 3.5, 8.5, 7.5, 12.5, 0.8, part::accent);
        segment (s, 2.5, 13.5, 5.0, 11.0, 0.8, part::handle);
        disc (s, 2.0, 14.0, 1.0, part::accent);
      }
      else if (kind == "pickaxe")
      {
        handle (s, 10.5, 5.5);
        quarter_ring (s, 3.0, 13.0, 9.5, 1.1, part::body);
      }
      else if (kind == "axe")
      {
        handle (s, 12.0, 4.0);
        segment (s, 10.5, 5.5, 7.5, 2.5, 1.9, part::body);
        segment (s, 4.5, 5.5, 8.5, 1.5, 1.2, part::accent);
      }
      else if (kind == "shovel")
      {
        handle (s, 9.5, 6.5);
        segment (s, 9.8, 6.2, 12.2, 3.8, 2.3, part::body);
      }
      else if (kind == "hoe")
      {
        handle (s, 11.5, 4.5);
        segment (s, 7.5, 3.0, 12.5, 3.0, 1.1, part::body);
        segment (s, 12.5, 3.0, 12.5, 5.5, 0.9, part::body);
      }
      else if (kind == "bow")
      {
        segment (s, 2.5, 3.5, 12.5, 13.5, 0.5, part::accent);
        quarter_ring (s, 2.5, 13.5, 10.0, 0.9, part::body);
        disc (s, 9.6, 6.4, 1.1, part::handle);
      }
      else if (kind == "helmet")
      {
        box (s, 3, 3, 12, 7, part::body);
        box (s, 3, 8, 5, 11, part::body);
        box (s, 10, 8, 12, 11, part::body);
        box (s, 4, 2, 11, 2, part::body);
        box (s, 3, 7, 12, 7, part::accent);
      }
      else if (kind == "chestplate")
      {
        box (s, 1, 2, 14, 5, part::body);
        box (s, 3, 6, 12, 14, part::body);
        box (s, 6, 2, 9, 3, part::none);
        box (s, 7, 6, 8, 13, part::accent);
      }
      else if (kind == "leggings")
      {
        box (s, 3, 2, 12, 5, part::body);
        box (s, 3, 6, 6, 14, part::body);
        box (s, 9, 6, 12, 14, part::body);
        box (s, 3, 2, 12, 2, part::accent);
      }
      else if (kind == "boots")
      {
        box (s, 2, 6, 5, 12, part::body);
        box (s, 10, 6, 13, 12, part::body);
        box (s, 0, 10, 1, 12, part::body);
        box (s, 14, 10, 15, 12, part::body);
        box (s, 0, 13, 5, 13, part::accent);
        box (s, 10, 13, 15, 13, part::accent);
      }
      else if (kind == "food")
      {
        disc (s, 8.0, 9.0, 5.2, part::body);
        segment (s, 8.0, 4.0, 8.8, 1.5, 0.6, part::handle);
        disc (s, 10.5, 3.0, 1.2, part::accent);
      }
      else if (kind == "gem")
      {
        diamond (s, 8.0, 8.0, 7.0, 5.0, part::body);
        diamond (s, 8.0, 6.5, 3.0, 5.0, part::accent);
      }
      else if (kind == "ingot")
      {
        trapezoid (s, 5, 11, 3.2, 0.5, part::body);
        trapezoid (s, 5, 6, 3.2, 0.5, part::accent);
      }
      else if (kind == "wand")
      {
        segment (s, 2.5, 13.5, 10.0, 6.0, 0.7, part::handle);
        disc (s, 11.5, 4.5, 2.6, part::body);
        disc (s, 11.0, 4.0, 1.0, part::accent);
      }
      else
      {
        disc (s, 8.0, 8.0, 5.5, part::body);
        diamond (s, 8.0, 8.0, 2.2, 5.0, part::accent);
      }
    }
  }

  item_shape shape_for_kind (const std::string& kind)
  {
    item_shape s;
    for (auto& row: s.cells)
      for (item_part& c: row)
        c = part::none;
    draw (s, kind);
    return s;
  }
}
