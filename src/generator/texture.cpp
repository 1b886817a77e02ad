// Painting an item texture: colour, shading, outline and sparkles over the kind's shape.
#include "texture.hpp"

#include <cstdint>

#include "item_shapes.hpp"

namespace modforge
{
  namespace
  {
    const int size = item_shape::size;

    struct paint_style
    {
      bool full_outline;  // all round, or only below and right (a drop shadow)
      double shading;     // how much lighter the top left is than the bottom right
      unsigned sparkles;  // light pixels scattered on the body
      std::uint32_t seed; // where they go
    };

    // Variant bit 0 picks the outline, the next bits the shading and sparkles, so that
    // variants 0-3 differ pairwise in every texture.
    paint_style style_for (unsigned variant)
    {
      std::uint32_t seed (2166136261u ^ variant);
      seed *= 16777619u;
      return paint_style {variant % 2 == 0, 0.18 + 0.08 * (variant / 2 % 3), variant / 2 % 4,
                          seed};
    }

    unsigned char channel (double v)
    {
      return static_cast<unsigned char> (v < 0 ? 0 : v > 255 ? 255 : v + 0.5);
    }

    // Towards white for f > 0, towards black for f < 0.
    rgb shade (const rgb& c, double f)
    {
      auto one = [f] (unsigned char v) {return channel (f > 0 ? v + (255 - v) * f : v * (1 + f));};
      return rgb {one (c.r), one (c.g), one (c.b)};
    }

    rgb part_colour (const decisions& d, item_part p)
    {
      rgb primary (d.colours.empty () ? rgb {150, 150, 160} : d.colours[0]);
      switch (p)
      {
      case item_part::handle:
        return d.colours.size () > 1 ? d.colours[1] : shade (primary, -0.5);
      case item_part::accent:
        return d.colours.size () > 2 ? d.colours[2] : shade (primary, 0.45);
      default:
        return primary;
      }
    }

    void put (texture& t, int x, int y, const rgb& c)
    {
      unsigned char* p (&t.rgba[(static_cast<std::size_t> (y) * size + x) * 4]);
      p[0] = c.r;
      p[1] = c.g;
      p[2] = c.b;
      p[3] = 255;
    }

    // A filled cell: lit on edges facing the top left, shadowed on those facing the bottom
    // right, with a gentle gradient across the whole item.
    rgb lit_colour (const item_shape& s, const decisions& d, const paint_style& st, int x, int y)
    {
      double f (st.shading * (size - 1 - x - y) / (size - 1.0));
      if (s.at (x - 1, y) == item_part::none || s.at (x, y - 1) == item_part::none)
        f += st.shading;
      if (s.at (x + 1, y) == item_part::none || s.at (x, y + 1) == item_part::none)
        f -= st.shading;
      return shade (part_colour (d, s.at (x, y)), f);
    }

    // An empty cell next to the item: its outline colour (dark, from the neighbour's part),
    // or false when it stays transparent.
    bool outline_colour (const item_shape& s, const decisions& d, const paint_style& st,
                         int x, int y, rgb& out)
    {
      item_part n (s.at (x - 1, y) != item_part::none ? s.at (x - 1, y) : s.at (x, y - 1));
      if (n == item_part::none && st.full_outline)
        n = s.at (x + 1, y) != item_part::none ? s.at (x + 1, y) : s.at (x, y + 1);
      if (n == item_part::none)
        return false;
      out = shade (part_colour (d, n), -0.65);
      return true;
    }

    void add_sparkles (texture& t, const item_shape& s, const decisions& d, paint_style st)
    {
      for (unsigned i (0); i != st.sparkles; ++i)
        for (int tries (0); tries != 64; ++tries)
        {
          st.seed = st.seed * 1103515245u + 12345u;
          int x (st.seed >> 8 & 15), y (st.seed >> 16 & 15);
          if (s.at (x, y) == item_part::body)
          {
            put (t, x, y, shade (part_colour (d, item_part::body), 0.75));
            break;
          }
        }
    }
  }

  texture draw_item_texture (const decisions& d, unsigned variant)
  {
    item_shape s (shape_for_kind (d.kind));
    paint_style st (style_for (variant));
    texture t;
    t.rgba.assign (static_cast<std::size_t> (size) * size * 4, 0);
    for (int y (0); y != size; ++y)
      for (int x (0); x != size; ++x)
      {
        rgb c;
        if (s.at (x, y) != item_part::none)
          put (t, x, y, lit_colour (s, d, st, x, y));
        else if (outline_colour (s, d, st, x, y, c))
          put (t, x, y, c);
      }
    add_sparkles (t, s, d, st);
    return t;
  }
}
