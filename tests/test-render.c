/* test-render.c: render style and drawn stars, on image and PDF surfaces
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib.h>

#include "ocop-render-style.h"
#include "ocop-stars-render.h"

/* The two row heights a reader meets: a list row and a certificate. */
static const double heights[] = { 16.0, 48.0 };

typedef struct
{
  int r, g, b, a;
} Pixel;

static Pixel
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const unsigned char *data;
  guint32 value;
  Pixel p;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&value, data + y * stride + x * 4, sizeof value);
  /* ARGB32 is premultiplied; the tests read opaque pixels for colours and
   * only the alpha of the others. */
  p.a = (value >> 24) & 0xff;
  p.r = (value >> 16) & 0xff;
  p.g = (value >> 8) & 0xff;
  p.b = value & 0xff;
  return p;
}

static gboolean
pixel_is (Pixel                  p,
          const OcopRenderColor *color)
{
  const int tolerance = 3;

  return abs (p.r - (int) round (color->red * 255)) <= tolerance &&
         abs (p.g - (int) round (color->green * 255)) <= tolerance &&
         abs (p.b - (int) round (color->blue * 255)) <= tolerance &&
         abs (p.a - (int) round (color->alpha * 255)) <= tolerance;
}

/* An opaque surface painted with the style's background, the way a reader
 * sees a list row or a page. */
static cairo_surface_t *
paint_background (const OcopRenderStyle *style,
                  int                    width,
                  int                    height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ocop_render_color_set_source (cr, &style->background);
  cairo_paint (cr);
  cairo_destroy (cr);

  return surface;
}

static cairo_surface_t *
draw_row (const OcopRenderStyle *style,
          double                 height,
          int                    stars,
          int                    max_stars,
          double                *width_out)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;

  width = ocop_stars_render_get_width (height, max_stars);
  surface = paint_background (style, (int) ceil (width) + 20, (int) ceil (height) + 20);
  cr = cairo_create (surface);
  *width_out = ocop_stars_render (cr, 10, 10, height, stars, max_stars, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static Pixel
centre_pixel (cairo_surface_t *surface,
              double           height,
              int              index)
{
  double cx, cy;

  ocop_stars_render_get_center (10, 10, height, index, &cx, &cy);
  return get_pixel (surface, (int) floor (cx), (int) floor (cy));
}

/* ---- style ---------------------------------------------------------------- */

static double
luminance (const OcopRenderColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
test_style_default_light_dark (void)
{
  OcopRenderStyle light, dark;

  ocop_render_style_init_default (&light, FALSE);
  ocop_render_style_init_default (&dark, TRUE);

  /* Text is readable on its own background in both palettes. */
  g_assert_cmpfloat (luminance (&light.background) - luminance (&light.foreground), >, 0.6);
  g_assert_cmpfloat (luminance (&dark.foreground) - luminance (&dark.background), >, 0.6);
  g_assert_false (ocop_render_color_equal (&light.background, &dark.background));

  /* Stars are gold: strong red and green, little blue, fully opaque. */
  g_assert_cmpfloat (light.star_fill.red, >, 0.9);
  g_assert_cmpfloat (light.star_fill.green, >, 0.7);
  g_assert_cmpfloat (light.star_fill.blue, <, 0.3);
  g_assert_cmpfloat (dark.star_fill.red, >, 0.9);
  g_assert_cmpfloat (dark.star_fill.blue, <, 0.3);
  g_assert_cmpfloat_with_epsilon (light.star_fill.alpha, 1.0, 1e-9);

  /* An unearned star must not look earned. */
  g_assert_false (ocop_render_color_equal (&light.muted, &light.star_fill));
  g_assert_false (ocop_render_color_equal (&dark.muted, &dark.star_fill));

  g_assert_false (light.print);
  g_assert_cmpstr (light.font_family, ==, "Sans");
  g_assert_cmpfloat (light.font_size, >, 0);
}

static void
test_style_print (void)
{
  OcopRenderStyle style;
  OcopRenderColor black, white;

  ocop_render_color_init (&black, 0, 0, 0, 1);
  ocop_render_color_init (&white, 1, 1, 1, 1);

  /* Start from garbage: init must set every field. */
  memset (&style, 0xab, sizeof style);
  ocop_render_style_init_print (&style);

  g_assert_true (style.print);
  g_assert_true (ocop_render_color_equal (&style.foreground, &black));
  g_assert_true (ocop_render_color_equal (&style.background, &white));
  g_assert_true (ocop_render_color_equal (&style.star_fill, &black));
  g_assert_true (ocop_render_color_equal (&style.error, &black));
  g_assert_false (ocop_render_color_equal (&style.muted, &black));
  g_assert_false (ocop_render_color_equal (&style.muted, &white));
  g_assert_cmpstr (style.font_family, ==, "DejaVu Sans");
}

static void
test_style_font_family (void)
{
  OcopRenderStyle style;
  g_autofree char *too_long = g_strnfill (OCOP_RENDER_STYLE_FONT_FAMILY_MAX, 'x');
  g_autofree char *longest = g_strnfill (OCOP_RENDER_STYLE_FONT_FAMILY_MAX - 1, 'y');

  ocop_render_style_init_default (&style, FALSE);

  g_assert_true (ocop_render_style_set_font_family (&style, "DejaVu Serif"));
  g_assert_cmpstr (style.font_family, ==, "DejaVu Serif");

  /* Refused: nothing, empty, one byte too long; the old value stays. */
  g_assert_false (ocop_render_style_set_font_family (&style, NULL));
  g_assert_false (ocop_render_style_set_font_family (&style, ""));
  g_assert_false (ocop_render_style_set_font_family (&style, too_long));
  g_assert_cmpstr (style.font_family, ==, "DejaVu Serif");

  g_assert_true (ocop_render_style_set_font_family (&style, longest));
  g_assert_cmpstr (style.font_family, ==, longest);
}

static void
test_style_font_description (void)
{
  OcopRenderStyle style;
  PangoFontDescription *desc;

  ocop_render_style_init_print (&style);

  desc = ocop_render_style_create_font_description (&style, 24.0);
  g_assert_cmpstr (pango_font_description_get_family (desc), ==, "DejaVu Sans");
  g_assert_true (pango_font_description_get_size_is_absolute (desc));
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 24 * PANGO_SCALE);
  pango_font_description_free (desc);

  /* A size of 0 or less falls back to the style's body size. */
  desc = ocop_render_style_create_font_description (&style, 0);
  g_assert_cmpint (pango_font_description_get_size (desc), ==,
                   (int) (style.font_size * PANGO_SCALE));
  pango_font_description_free (desc);

  desc = ocop_render_style_create_font_description (&style, -3);
  g_assert_cmpint (pango_font_description_get_size (desc), ==,
                   (int) (style.font_size * PANGO_SCALE));
  pango_font_description_free (desc);
}

static void
test_color_init_equal (void)
{
  OcopRenderColor a, b;

  ocop_render_color_init (&a, 0.5, 0.25, 1.0, 1.0);
  ocop_render_color_init (&b, 0.5, 0.25, 1.0, 1.0);
  g_assert_true (ocop_render_color_equal (&a, &b));

  /* One 8-bit step apart is a different colour. */
  ocop_render_color_init (&b, 0.5 + 1.0 / 255.0, 0.25, 1.0, 1.0);
  g_assert_false (ocop_render_color_equal (&a, &b));
  ocop_render_color_init (&b, 0.5, 0.25, 1.0, 0.5);
  g_assert_false (ocop_render_color_equal (&a, &b));

  /* Out-of-range components are clamped, not kept. */
  ocop_render_color_init (&a, -1.0, 2.0, 0.5, 7.0);
  g_assert_cmpfloat_with_epsilon (a.red, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.green, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.blue, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.alpha, 1.0, 1e-12);
}

/* ---- stars ---------------------------------------------------------------- */

static void
test_stars_width (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (20, 5), 5 * 20 + 4 * 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (20, 1), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (20, 0), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (20, -2), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (0, 5), 0, 1e-9);
  /* Twice the height, twice the width. */
  g_assert_cmpfloat_with_epsilon (ocop_stars_render_get_width (32, 5),
                                  2 * ocop_stars_render_get_width (16, 5), 1e-9);

  /* The renderer returns the same width it was asked for. */
  ocop_render_style_init_default (&style, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cr = cairo_create (surface);
  for (int n = 1; n <= 5; n++)
    g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, 0, 0, 20, 2, n, &style),
                                    ocop_stars_render_get_width (20, n), 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, 0, 0, 20, 2, 0, &style), 0, 1e-9);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* For every count 0…5 at both sizes: stars 1…n have the fill colour at their
 * centre, the others do not. */
static void
check_fill_pattern (const OcopRenderStyle *style)
{
  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    for (int stars = 0; stars <= 5; stars++)
      {
        cairo_surface_t *surface;
        double width;

        surface = draw_row (style, heights[h], stars, 5, &width);
        g_assert_cmpfloat_with_epsilon (width, ocop_stars_render_get_width (heights[h], 5), 1e-9);

        for (int i = 0; i < 5; i++)
          {
            Pixel p = centre_pixel (surface, heights[h], i);

            if (g_test_verbose ())
              g_test_message ("h=%g stars=%d star %d: %02x%02x%02x/%02x",
                              heights[h], stars, i, p.r, p.g, p.b, p.a);
            if (i < stars)
              g_assert_true (pixel_is (p, &style->star_fill));
            else
              g_assert_false (pixel_is (p, &style->star_fill));
          }

        cairo_surface_destroy (surface);
      }
}

static void
test_stars_fill_screen (void)
{
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);
  check_fill_pattern (&style);
  ocop_render_style_init_default (&style, TRUE);
  check_fill_pattern (&style);
}

static void
test_stars_fill_print (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  double width;

  ocop_render_style_init_print (&style);
  check_fill_pattern (&style);

  /* In print an unearned star is an outline only: white paper inside. */
  surface = draw_row (&style, 48, 2, 5, &width);
  g_assert_true (pixel_is (centre_pixel (surface, 48, 0), &style.star_fill));
  g_assert_true (pixel_is (centre_pixel (surface, 48, 2), &style.background));
  g_assert_true (pixel_is (centre_pixel (surface, 48, 4), &style.background));
  cairo_surface_destroy (surface);
}

/* The drawing is a five-pointed star, not a disc or a square: the cell's
 * corners and the notches between the points show the background, while the
 * inside of the top point is filled. */
static void
test_stars_shape (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  double width, cx, cy, radius;
  double notch = -G_PI / 2.0 + G_PI / 5.0;   /* between the top and upper-right points */

  ocop_render_style_init_default (&style, FALSE);
  surface = draw_row (&style, 48, 1, 1, &width);
  ocop_stars_render_get_center (10, 10, 48, 0, &cx, &cy);
  radius = 48.0 / 2.0 * 0.9;

  g_assert_true (pixel_is (get_pixel (surface, 11, 11), &style.background));
  g_assert_true (pixel_is (get_pixel (surface, 10 + 46, 11), &style.background));
  g_assert_true (pixel_is (get_pixel (surface, (int) floor (cx), (int) floor (cy - 0.55 * radius)),
                           &style.star_fill));
  g_assert_true (pixel_is (get_pixel (surface,
                                      (int) floor (cx + 0.75 * radius * cos (notch)),
                                      (int) floor (cy + 0.75 * radius * sin (notch))),
                           &style.background));
  /* The bottom of the cell between the two lower points is empty too. */
  g_assert_true (pixel_is (get_pixel (surface, (int) floor (cx), 10 + 46), &style.background));
  cairo_surface_destroy (surface);
}

/* On a transparent surface, with an origin off the pixel grid, no pixel
 * outside x … x + width × y … y + height is touched; inside, something is. */
static void
check_inside_box (const OcopRenderStyle *style,
                  double                 height,
                  int                    stars)
{
  const double x = 7.3, y = 5.6;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  int sw, sh, left, right, top, bottom, touched_inside = 0;

  width = ocop_stars_render_get_width (height, 5);
  sw = (int) ceil (x + width) + 15;
  sh = (int) ceil (y + height) + 15;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cr = cairo_create (surface);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, x, y, height, stars, 5, style),
                                  width, 1e-9);
  cairo_destroy (cr);

  left = (int) floor (x);
  right = (int) ceil (x + width);
  top = (int) floor (y);
  bottom = (int) ceil (y + height);

  for (int py = 0; py < sh; py++)
    for (int px = 0; px < sw; px++)
      {
        Pixel p = get_pixel (surface, px, py);
        gboolean inside = px >= left && px < right && py >= top && py < bottom;

        if (!inside && p.a != 0)
          g_error ("h=%g stars=%d: pixel (%d, %d) outside the %g-wide row has alpha %d",
                   height, stars, px, py, width, p.a);
        if (inside && p.a != 0)
          touched_inside++;
      }

  g_assert_cmpint (touched_inside, >, 0);
  /* The last star reaches the right end of the row: its column is drawn. */
  {
    gboolean last_column_used = FALSE;

    for (int py = top; py < bottom; py++)
      if (get_pixel (surface, right - 1, py).a != 0 || get_pixel (surface, right - 2, py).a != 0)
        last_column_used = TRUE;
    g_assert_true (last_column_used);
  }

  cairo_surface_destroy (surface);
}

static void
test_stars_inside_width (void)
{
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);
  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    {
      check_inside_box (&style, heights[h], 0);
      check_inside_box (&style, heights[h], 5);
    }
  ocop_render_style_init_print (&style);
  check_inside_box (&style, 16, 3);
}

static void
test_stars_clamp (void)
{
  OcopRenderStyle style;
  cairo_surface_t *a, *b;
  double width;

  ocop_render_style_init_default (&style, FALSE);

  /* More stars than the row has draws a full row, fewer than 0 an empty one. */
  a = draw_row (&style, 16, 7, 5, &width);
  b = draw_row (&style, 16, 5, 5, &width);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                           cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)),
                   ==, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  a = draw_row (&style, 16, -1, 5, &width);
  b = draw_row (&style, 16, 0, 5, &width);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                           cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)),
                   ==, 0);
  g_assert_false (pixel_is (centre_pixel (a, 16, 0), &style.star_fill));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_stars_nothing_to_draw (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  ocop_render_style_init_default (&style, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cr = cairo_create (surface);

  g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, 0, 0, 32, 3, 0, &style), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, 0, 0, 0, 3, 5, &style), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_stars_render (cr, 0, 0, -5, 3, 5, &style), 0, 1e-9);
  cairo_destroy (cr);

  for (int y = 0; y < 64; y++)
    for (int x = 0; x < 64; x++)
      g_assert_cmpint (get_pixel (surface, x, y).a, ==, 0);
  cairo_surface_destroy (surface);
}

/* A caller's source colour and line width survive the call. */
static void
test_stars_keeps_cairo_state (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double r, g, b, a;

  ocop_render_style_init_default (&style, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 30);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 0.1, 0.2, 0.3, 0.4);
  cairo_set_line_width (cr, 7.0);

  ocop_stars_render (cr, 0, 0, 20, 3, 5, &style);

  g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                   CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat_with_epsilon (r, 0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (a, 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (cairo_get_line_width (cr), 7.0, 1e-9);
  g_assert_false (cairo_has_current_point (cr));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_stars_pdf (void)
{
  OcopRenderStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  ocop_render_style_init_print (&style);

  /* An A4 page in points, one row per count, as a results list would print. */
  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, 595, 842);
  cr = cairo_create (surface);
  for (int stars = 0; stars <= 5; stars++)
    {
      double w = ocop_stars_render (cr, 72, 72 + stars * 30, 18, stars, 5, &style);
      g_assert_cmpfloat_with_epsilon (w, ocop_stars_render_get_width (18, 5), 1e-9);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (bytes->len, >, 100);
  g_assert_cmpint (memcmp (bytes->data, "%PDF-", 5), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/render/style/default-light-dark", test_style_default_light_dark);
  g_test_add_func ("/ocop/render/style/print", test_style_print);
  g_test_add_func ("/ocop/render/style/font-family", test_style_font_family);
  g_test_add_func ("/ocop/render/style/font-description", test_style_font_description);
  g_test_add_func ("/ocop/render/color/init-equal", test_color_init_equal);
  g_test_add_func ("/ocop/render/stars/width", test_stars_width);
  g_test_add_func ("/ocop/render/stars/fill-screen", test_stars_fill_screen);
  g_test_add_func ("/ocop/render/stars/fill-print", test_stars_fill_print);
  g_test_add_func ("/ocop/render/stars/shape", test_stars_shape);
  g_test_add_func ("/ocop/render/stars/inside-width", test_stars_inside_width);
  g_test_add_func ("/ocop/render/stars/clamp", test_stars_clamp);
  g_test_add_func ("/ocop/render/stars/nothing-to-draw", test_stars_nothing_to_draw);
  g_test_add_func ("/ocop/render/stars/keeps-cairo-state", test_stars_keeps_cairo_state);
  g_test_add_func ("/ocop/render/stars/pdf", test_stars_pdf);

  return g_test_run ();
}
