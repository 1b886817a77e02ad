// Encoding a texture as PNG in memory with libpng.
#include "texture.hpp"

#include <cstdio>
#include <utility>

#include <png.h>

namespace modforge
{
  namespace
  {
    // What libpng's callbacks share with us (its "io pointer" and "error pointer").
    struct png_sink
    {
      std::string bytes;
      char error[200] = "unknown error";
    };

    // libpng is C: nothing may be thrown through it. Errors leave by longjmp to the setjmp in
    // write_png, after the message is kept.
    void on_error (png_structp png, png_const_charp message)
    {
      png_sink* sink (static_cast<png_sink*> (png_get_error_ptr (png)));
      snprintf (sink->error, sizeof (sink->error), "%s", message);
      png_longjmp (png, 1);
    }

    void on_warning (png_structp, png_const_charp) {}

    void on_write (png_structp png, png_bytep data, png_size_t length)
    {
      png_sink* sink (static_cast<png_sink*> (png_get_io_ptr (png)));
      try
      {
        sink->bytes.append (reinterpret_cast<const char*> (data), length);
      }
      catch (...)
      {
        png_error (png, "out of memory");
      }
    }

    void on_flush (png_structp) {}

    // The libpng calls between setjmp and its return. Only plain pointers live in this frame,
    // so that the longjmp skips no destructor; everything it reads was set up by the caller.
    bool write_png (png_structp png, png_infop info, const texture& t, png_bytepp rows)
    {
      if (setjmp (png_jmpbuf (png)))
        return false;
      png_set_IHDR (png, info, t.width, t.height, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
      png_set_rows (png, info, rows);
      png_write_png (png, info, PNG_TRANSFORM_IDENTITY, nullptr);
      return true;
    }

    // Frees libpng's structures on every path.
    struct png_writer
    {
      png_structp png;
      png_infop info = nullptr;

      explicit png_writer (png_sink& sink)
          : png (png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning))
      {
        if (png != nullptr)
          info = png_create_info_struct (png);
      }
      ~png_writer () {png_destroy_write_struct (&png, &info);}
      png_writer (const png_writer&) = delete;
      png_writer& operator= (const png_writer&) = delete;
    };
  }

  std::string encode_png (const texture& t)
  {
    if (t.width == 0 || t.height == 0 || t.width > 4096 || t.height > 4096 ||
        t.rgba.size () != static_cast<std::size_t> (t.width) * t.height * 4)
      throw generator_error ("the texture's size does not match its pixels");

    std::vector<png_bytep> rows (t.height);
    for (unsigned y (0); y != t.height; ++y)
      rows[y] = const_cast<png_bytep> (&t.rgba[static_cast<std::size_t> (y) * t.width * 4]);

    png_sink sink;
    png_writer w (sink);
    if (w.png == nullptr || w.info == nullptr)
      throw generator_error ("could not encode the texture as PNG: out of memory");
    png_set_write_fn (w.png, &sink, on_write, on_flush);
    if (!write_png (w.png, w.info, t, rows.data ()))
      throw generator_error (std::string ("could not encode the texture as PNG: ") + sink.error);
    return std::move (sink.bytes);
  }
}
