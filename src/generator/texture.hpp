// The item's 16x16 texture: painted from the decisions, and encoded as PNG.
#pragma once

#include <string>
#include <vector>

#include "decisions.hpp"

namespace modforge
{
  struct texture
  {
    unsigned width = 16, height = 16;
    std::vector<unsigned char> rgba; // width * height * 4, rows top to bottom
  };

  // A 16x16 RGBA item texture on a transparent background: the kind's shape (item_shapes.hpp)
  // in decisions.colours (primary for the body, the second for a handle or stem, the third, or a
  // light primary, for accents), shaded from the top left and outlined. `variant` 0, 1, 2, ...
  // gives visibly different images (outline style, shading strength, sparkles); the same
  // (decisions, variant) always gives the same bytes.
  texture draw_item_texture (const decisions&, unsigned variant);

  // The texture as a PNG (8-bit RGBA, not interlaced), in memory. Throws generator_error when
  // the texture's size does not match its pixels or libpng fails.
  std::string encode_png (const texture&);
}
