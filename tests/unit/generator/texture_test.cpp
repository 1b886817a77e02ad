// Tests of the item texture: its pixels, its variants, and its PNG encoding.
#include <cstring>

#include <cppunit/extensions/HelperMacros.h>
#include <png.h>

#include "../../../src/generator/texture.hpp"
#include "sample_decisions.hpp"

using namespace modforge;
using modforge_test::sample_decisions;

namespace
{
  decisions decisions_of_kind (const std::string& kind)
  {
    return sample_decisions ("Frost Thing", "Frost Thing Mod", "frost_thing", "", kind,
                             {{150, 210, 255}, {60, 40, 30}});
  }

  std::size_t opaque_pixels (const texture& t)
  {
    std::size_t n (0);
    for (std::size_t i (3); i < t.rgba.size (); i += 4)
      n += t.rgba[i] != 0;
    return n;
  }

  // The PNG decoded back to 8-bit RGBA by libpng's simplified API.
  texture decoded (const std::string& png)
  {
    png_image image;
    std::memset (&image, 0, sizeof (image));
    image.version = PNG_IMAGE_VERSION;
    CPPUNIT_ASSERT (png_image_begin_read_from_memory (&image, png.data (), png.size ()) != 0);
    image.format = PNG_FORMAT_RGBA;
    texture t;
    t.width = image.width;
    t.height = image.height;
    t.rgba.resize (PNG_IMAGE_SIZE (image));
    CPPUNIT_ASSERT (png_image_finish_read (&image, nullptr, t.rgba.data (), 0, nullptr) != 0);
    return t;
  }
}

class texture_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (texture_test);
  CPPUNIT_TEST (every_kind_draws_a_visible_item);
  CPPUNIT_TEST (background_is_transparent);
  CPPUNIT_TEST (variants_differ_and_repeat);
  CPPUNIT_TEST (colours_follow_the_decisions);
  CPPUNIT_TEST (png_decodes_to_the_same_pixels);
  CPPUNIT_TEST (png_is_deterministic);
  CPPUNIT_TEST (mismatched_texture_is_refused);
  CPPUNIT_TEST_SUITE_END ();

public:
  void every_kind_draws_a_visible_item ()
  {
    for (const std::string& kind: item_kinds ())
      for (unsigned v (0); v != 4; ++v)
      {
        texture t (draw_item_texture (decisions_of_kind (kind), v));
        CPPUNIT_ASSERT_EQUAL (16u, t.width);
        CPPUNIT_ASSERT_EQUAL (16u, t.height);
        CPPUNIT_ASSERT_EQUAL (std::size_t (16 * 16 * 4), t.rgba.size ());
        std::size_t n (opaque_pixels (t));
        CPPUNIT_ASSERT_MESSAGE (kind + " " + std::to_string (n), n > 20 && n < 200);
      }
  }

  void background_is_transparent ()
  {
    texture t (draw_item_texture (decisions_of_kind ("sword"), 0));
    // The top left corner is far from a sword pointing to the top right.
    for (int i (0); i != 4; ++i)
      CPPUNIT_ASSERT_EQUAL (0, int (t.rgba[i]));
    for (std::size_t i (3); i < t.rgba.size (); i += 4)
      CPPUNIT_ASSERT (t.rgba[i] == 0 || t.rgba[i] == 255);
  }

  void variants_differ_and_repeat ()
  {
    for (const std::string& kind: item_kinds ())
    {
      decisions d (decisions_of_kind (kind));
      for (unsigned a (0); a != 4; ++a)
      {
        CPPUNIT_ASSERT (draw_item_texture (d, a).rgba == draw_item_texture (d, a).rgba);
        for (unsigned b (a + 1); b != 4; ++b)
          CPPUNIT_ASSERT_MESSAGE (kind + " " + std::to_string (a) + "/" + std::to_string (b),
                                  draw_item_texture (d, a).rgba != draw_item_texture (d, b).rgba);
      }
    }
  }

  void colours_follow_the_decisions ()
  {
    decisions red (decisions_of_kind ("gem")), blue (red);
    red.colours[0] = rgb {220, 20, 20};
    blue.colours[0] = rgb {20, 20, 220};
    texture r (draw_item_texture (red, 0)), b (draw_item_texture (blue, 0));
    long red_excess (0);
    for (std::size_t i (0); i < r.rgba.size (); i += 4)
      red_excess += (r.rgba[i] - r.rgba[i + 2]) - (b.rgba[i] - b.rgba[i + 2]);
    CPPUNIT_ASSERT (red_excess > 0);
  }

  void png_decodes_to_the_same_pixels ()
  {
    for (const std::string& kind: item_kinds ())
    {
      texture t (draw_item_texture (decisions_of_kind (kind), 3));
      std::string png (encode_png (t));
      CPPUNIT_ASSERT_EQUAL (std::string ("\x89PNG\r\n\x1a\n"), png.substr (0, 8));
      texture back (decoded (png));
      CPPUNIT_ASSERT_EQUAL (16u, back.width);
      CPPUNIT_ASSERT_EQUAL (16u, back.height);
      CPPUNIT_ASSERT (t.rgba == back.rgba);
    }
  }

  void png_is_deterministic ()
  {
    decisions d (decisions_of_kind ("food"));
    CPPUNIT_ASSERT_EQUAL (encode_png (draw_item_texture (d, 1)),
                          encode_png (draw_item_texture (d, 1)));
    CPPUNIT_ASSERT (encode_png (draw_item_texture (d, 1)) != encode_png (draw_item_texture (d, 2)));
  }

  void mismatched_texture_is_refused ()
  {
    texture t;
    t.rgba.resize (10);
    CPPUNIT_ASSERT_THROW (encode_png (t), generator_error);
    t.width = 0;
    t.rgba.clear ();
    CPPUNIT_ASSERT_THROW (encode_png (t), generator_error);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (texture_test);
