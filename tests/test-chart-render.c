/* test-chart-render.c: the statistics charts, measured on image surfaces, and their export
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "ocop-chart-render.h"

/* Every geometry check runs at a dashboard card's size and a projector's. */
static const int sizes[][2] = { { 640, 400 }, { 1280, 720 } };

/* Geometry a reader checks by eye may be off by this much (antialiasing, snapping). */
#define TOLERANCE 2.0

typedef struct
{
  int r, g, b, a;
} Pixel;

static Pixel
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;
  Pixel p;

  memcpy (&value, data + y * stride + x * 4, sizeof value);
  p.a = (value >> 24) & 0xff;
  p.r = (value >> 16) & 0xff;
  p.g = (value >> 8) & 0xff;
  p.b = value & 0xff;
  return p;
}

static gboolean
is_color (cairo_surface_t       *surface,
          int                    x,
          int                    y,
          const OcopRenderColor *c)
{
  Pixel p = get_pixel (surface, x, y);
  const int tol = 3;

  return abs (p.r - (int) round (c->red * 255)) <= tol &&
         abs (p.g - (int) round (c->green * 255)) <= tol &&
         abs (p.b - (int) round (c->blue * 255)) <= tol &&
         p.a == 255;
}

static cairo_surface_t *
render (OcopChartKind          kind,
        gconstpointer          model,
        const OcopRenderStyle *style,
        int                    width,
        int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  ocop_chart_render (cr, width, height, style, kind, model);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Runs of @c along row @y: their first and last x. */
typedef struct
{
  int start;
  int end;
} Run;

static GArray *
row_runs (cairo_surface_t       *surface,
          int                    y,
          const OcopRenderColor *c,
          int                    min_length)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int w = cairo_image_surface_get_width (surface);
  int start = -1;

  for (int x = 0; x <= w; x++)
    {
      gboolean in = x < w && is_color (surface, x, y, c);

      if (in && start < 0)
        start = x;
      else if (!in && start >= 0)
        {
          Run r = { start, x - 1 };

          if (x - start >= min_length)
            g_array_append_val (runs, r);
          start = -1;
        }
    }
  return runs;
}

static gboolean
row_has_run (cairo_surface_t       *surface,
             int                    y,
             const OcopRenderColor *c,
             int                    min_length)
{
  g_autoptr(GArray) runs = row_runs (surface, y, c, min_length);

  return runs->len > 0;
}

static double
run_center (const Run *r)
{
  return (r->start + r->end + 1) / 2.0;
}

static int
row_count (cairo_surface_t       *surface,
           int                    y,
           const OcopRenderColor *c)
{
  int n = 0;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (is_color (surface, x, y, c))
      n++;
  return n;
}

/* The row with the most pixels of @c (the first of them). */
static int
busiest_row (cairo_surface_t       *surface,
             const OcopRenderColor *c)
{
  int best = -1, best_n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      int n = row_count (surface, y, c);

      if (n > best_n)
        {
          best = y;
          best_n = n;
        }
    }
  g_assert_cmpint (best, >=, 0);
  return best;
}

/* The centre of the rows whose count of @c is within 10 % of the busiest: the middle of a
 * horizontal line, however thick. */
static double
line_center_row (cairo_surface_t       *surface,
                 const OcopRenderColor *c)
{
  int best = row_count (surface, busiest_row (surface, c), c);
  double sum = 0;
  int n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (row_count (surface, y, c) >= best * 0.9)
      {
        sum += y + 0.5;
        n++;
      }
  return sum / n;
}

static void
assert_near (double actual,
             double expected)
{
  g_assert_cmpfloat (fabs (actual - expected), <=, TOLERANCE);
}

static void
series (const OcopRenderStyle *style,
        int                    index,
        OcopRenderColor       *c)
{
  ocop_chart_get_series_color (style, index, c);
}

/* ---- models ------------------------------------------------------------------------- */

/* Lạng Sơn 2019–2022 (OCOP.md §8): 94 certified = 73 × 3★ + 21 × 4★, 84 valid = 65 + 19,
 * 10 lapsed = 8 + 2. */
static OcopStarDistributionChart
lang_son_stars (gboolean labels)
{
  OcopStarDistributionChart m = {
    labels ? "Sản phẩm OCOP theo hạng sao" : NULL, 3, 5, 3,
    { NULL, NULL, NULL },
    { { 0, 0, 73, 21, 0 }, { 0, 0, 65, 19, 0 }, { 0, 0, 8, 2, 0 } },
  };

  if (labels)
    {
      m.series_labels[0] = "Đã được công nhận (cộng dồn từ năm 2019)";
      m.series_labels[1] = "Còn hiệu lực";
      m.series_labels[2] = "Đã hết hạn sau 36 tháng";
    }
  return m;
}

/* ---- star distribution --------------------------------------------------------------- */

static void
test_star_distribution_heights (void)
{
  OcopStarDistributionChart model = lang_son_stars (FALSE);
  OcopRenderStyle style;
  const int expected[3][2] = { { 73, 21 }, { 65, 19 }, { 8, 2 } };

  ocop_render_style_init_default (&style, FALSE);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      int w = sizes[s][0], h = sizes[s][1];
      double heights[3][2];
      double bottoms[3][2];

      for (int k = 0; k < 3; k++)
        {
          OcopRenderColor c;
          int found = 0;
          int x = 0;

          series (&style, k, &c);
          /* Each bar is a range of columns holding the colour; its height is the
           * colour's extent in its middle column. */
          while (x < w && found < 3)
            {
              int x0, x1, top = -1, bottom = -1;

              for (; x < w; x++)
                {
                  gboolean any = FALSE;
                  for (int y = 0; y < h && !any; y++)
                    any = is_color (surface, x, y, &c);
                  if (any)
                    break;
                }
              if (x >= w)
                break;
              x0 = x;
              for (; x < w; x++)
                {
                  gboolean any = FALSE;
                  for (int y = 0; y < h && !any; y++)
                    any = is_color (surface, x, y, &c);
                  if (!any)
                    break;
                }
              x1 = x - 1;
              for (int y = 0; y < h; y++)
                if (is_color (surface, (x0 + x1) / 2, y, &c))
                  {
                    if (top < 0)
                      top = y;
                    bottom = y;
                  }
              g_assert_cmpint (found, <, 2);   /* no bar for the empty five-star group */
              heights[k][found] = bottom - top + 1;
              bottoms[k][found] = bottom;
              found++;
            }
          g_assert_cmpint (found, ==, 2);
        }

      /* All bars stand on the same baseline, and their heights are proportional. */
      for (int k = 0; k < 3; k++)
        for (int g = 0; g < 2; g++)
          {
            assert_near (bottoms[k][g], bottoms[0][0]);
            assert_near (heights[k][g], heights[0][0] * expected[k][g] / 73.0);
          }
      /* 73 of the plot's height is not nothing. */
      g_assert_cmpfloat (heights[0][0], >, h * 0.4);

      cairo_surface_destroy (surface);
    }
}

/* ---- histogram ----------------------------------------------------------------------- */

static void
test_histogram_boundaries (void)
{
  /* Four scores in 40–50, four in 60–70 and one in 85: at half height only the two
   * tall bars are hit. */
  const double scores[] = { 41, 43.5, 45, 49.99, 60, 62.25, 66, 69.5, 85 };
  OcopHistogramChart model = {
    NULL, "Điểm", scores, G_N_ELEMENTS (scores), 10, 4,
    { 30, 50, 70, 90 }, { "2★", "3★", "4★", "5★" },
  };
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_HISTOGRAM, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      int y = sizes[s][1] / 2;
      g_autoptr(GArray) lines = row_runs (surface, y, &style.star_outline, 1);
      g_autoptr(GArray) bars = NULL;
      OcopRenderColor bar;
      double x30, x50, x70, x90, per_point;

      g_assert_cmpuint (lines->len, ==, 4);
      x30 = run_center (&g_array_index (lines, Run, 0));
      x50 = run_center (&g_array_index (lines, Run, 1));
      x70 = run_center (&g_array_index (lines, Run, 2));
      x90 = run_center (&g_array_index (lines, Run, 3));

      /* The boundaries are 20 points apart on a linear axis. */
      assert_near (x50 - x30, x70 - x50);
      assert_near (x70 - x50, x90 - x70);
      per_point = (x90 - x30) / 60.0;
      g_assert_cmpfloat (per_point, >, sizes[s][0] / 200.0);

      /* And at the right scores: the bars of 40–50 and 60–70 are centred on 45 and 65. */
      series (&style, 0, &bar);
      bars = row_runs (surface, y, &bar, 3);
      g_assert_cmpuint (bars->len, ==, 2);
      assert_near (run_center (&g_array_index (bars, Run, 0)), x30 + 15 * per_point);
      assert_near (run_center (&g_array_index (bars, Run, 1)), x50 + 15 * per_point);
      /* A score of 0 would be left of the 30 line by 30 points, still on the canvas. */
      g_assert_cmpfloat (x30 - 30 * per_point, >, 0);

      cairo_surface_destroy (surface);
    }
}

/* ---- part breakdown ---------------------------------------------------------------------- */

static void
test_part_breakdown_segments (void)
{
  const OcopPartBreakdownRow rows[] = {
    { "Chè Shan tuyết Mẫu Sơn", { 31.5, 21.25, 34.0 } },
    { "Sản phẩm đạt điểm tối đa", { 35, 25, 40 } },
  };
  OcopPartBreakdownChart model = {
    NULL, 3, { NULL, NULL, NULL }, { 35, 25, 40 }, NULL, rows, 2,
  };
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_PART_BREAKDOWN, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      int h = sizes[s][1];
      double widths[2][3], starts[2][3];
      int row = 0;

      /* The two bars, top to bottom: rows of the canvas where part A's colour runs wide. */
      for (int y = 0; y < h && row < 2; y++)
        {
          OcopRenderColor a;
          int y_mid;

          series (&style, 0, &a);
          if (!row_has_run (surface, y, &a, 20))
            continue;
          /* Skip to the middle of this bar. */
          y_mid = y;
          while (y_mid < h && row_has_run (surface, y_mid, &a, 20))
            y_mid++;
          y_mid = (y + y_mid) / 2;

          for (int p = 0; p < 3; p++)
            {
              OcopRenderColor c;
              int first = -1, last = -1;

              series (&style, p, &c);
              for (int x = 0; x < sizes[s][0]; x++)
                if (is_color (surface, x, y_mid, &c))
                  {
                    if (first < 0)
                      first = x;
                    last = x;
                  }
              g_assert_cmpint (first, >=, 0);
              widths[row][p] = last - first + 1;
              starts[row][p] = first;
            }
          row++;
          y = y_mid + 2;
          while (y < h && row_has_run (surface, y, &a, 20))
            y++;
        }
      g_assert_cmpint (row, ==, 2);

      /* Segments follow each other without gaps, from the same left edge. */
      for (int r = 0; r < 2; r++)
        {
          assert_near (starts[r][1], starts[r][0] + widths[r][0]);
          assert_near (starts[r][2], starts[r][1] + widths[r][1]);
        }
      assert_near (starts[0][0], starts[1][0]);

      /* The full-marks bar is the 0 … 100 axis: A 35, B 25, C 40 of it, and the product's
       * segments are its means on the same scale. */
      {
        double full = widths[1][0] + widths[1][1] + widths[1][2];

        assert_near (widths[1][0], full * 0.35);
        assert_near (widths[1][1], full * 0.25);
        assert_near (widths[0][0], full * 0.315);
        assert_near (widths[0][1], full * 0.2125);
        assert_near (widths[0][2], full * 0.34);
      }

      cairo_surface_destroy (surface);
    }
}

/* ---- radar --------------------------------------------------------------------------------- */

static void
test_profile_radii (void)
{
  /* Up, right, down, left: 100 %, 50 %, 75 %, 25 %. */
  const OcopProfileAxis axes[] = {
    { "Tổ chức sản xuất", 10, 10 },
    { "Tiếp thị", 10, 20 },
    { "Chất lượng sản phẩm", 30, 40 },
    { "Câu chuyện sản phẩm", 1.25, 5 },
  };
  OcopProfileChart model = { "Hồ sơ sản phẩm", axes, G_N_ELEMENTS (axes) };
  const double shares[] = { 1.0, 0.5, 0.75, 0.25 };
  OcopRenderStyle style;
  OcopRenderColor c;

  ocop_render_style_init_default (&style, FALSE);
  series (&style, 0, &c);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_PROFILE, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      cairo_t *cr = cairo_create (surface);
      double cx, cy, radius;

      g_assert_true (ocop_chart_profile_get_geometry (cr, sizes[s][0], sizes[s][1], &style, &model,
                                                      &cx, &cy, &radius));
      cairo_destroy (cr);
      g_assert_cmpfloat (radius, >, sizes[s][1] * 0.25);

      for (int i = 0; i < 4; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 2;
          double vx = cx + radius * shares[i] * cos (a);
          double vy = cy + radius * shares[i] * sin (a);
          double ox = cx + radius * (shares[i] + 0.12) * cos (a);
          double oy = cy + radius * (shares[i] + 0.12) * sin (a);

          /* A vertex dot at share × radius, and nothing of the product further out. */
          g_assert_true (is_color (surface, (int) floor (vx), (int) floor (vy), &c));
          g_assert_false (is_color (surface, (int) floor (ox), (int) floor (oy), &c));
        }

      cairo_surface_destroy (surface);
    }
}

static void
test_profile_invalid (void)
{
  const OcopProfileAxis axes[13] = { { "A", 1, 2 }, { "B", 1, 2 }, { "C", 1, 2 }, };
  OcopProfileChart two = { NULL, axes, 2 };
  OcopProfileChart thirteen = { NULL, axes, 13 };
  OcopProfileChart fits = { NULL, axes, 3 };
  OcopRenderStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  double cx = -1, cy = -1, radius = -1;

  ocop_render_style_init_default (&style, FALSE);

  g_assert_false (ocop_chart_profile_get_geometry (cr, 640, 400, &style, &two, &cx, &cy, &radius));
  g_assert_cmpfloat (radius, ==, 0.0);
  g_assert_false (ocop_chart_profile_get_geometry (cr, 640, 400, &style, &thirteen, NULL, NULL, &radius));
  /* Too small a canvas for any radar. */
  g_assert_false (ocop_chart_profile_get_geometry (cr, 40, 30, &style, &fits, NULL, NULL, &radius));
  g_assert_true (ocop_chart_profile_get_geometry (cr, 640, 400, &style, &fits, NULL, NULL, &radius));

  /* Measuring drew nothing. */
  cairo_surface_flush (surface);
  g_assert_cmpint (get_pixel (surface, 320, 200).a, ==, 0);

  /* Rendering a model with too few axes draws the background only. */
  ocop_chart_render_profile (cr, 640, 400, &style, &two);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  g_assert_true (is_color (surface, 320, 200, &style.background));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- member spread ------------------------------------------------------------------------- */

static void
test_spread_band (void)
{
  const double even[] = { 72, 80, 88 };           /* spread 16 > 10: flagged */
  const OcopSpreadRow rows[] = { { "Na Chi Lăng", even, 3 } };
  OcopSpreadChart model = { NULL, 10, NULL, NULL, NULL, NULL, rows, 1 };
  OcopRenderStyle style;
  OcopRenderColor dot, band;

  ocop_render_style_init_default (&style, FALSE);
  series (&style, 0, &dot);
  ocop_chart_get_series_tint (&style, 0, 0.2, &band);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_SPREAD, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      int dot_row = busiest_row (surface, &dot);
      g_autoptr(GArray) dots = row_runs (surface, dot_row, &dot, 2);
      int band_row = busiest_row (surface, &band);
      int first = -1, last = -1;
      double per_point;

      /* Three dots; the outer ones are 16 points apart. */
      g_assert_cmpuint (dots->len, ==, 3);
      per_point = (run_center (&g_array_index (dots, Run, 2)) -
                   run_center (&g_array_index (dots, Run, 0))) / 16.0;

      for (int x = 0; x < sizes[s][0]; x++)
        if (is_color (surface, x, band_row, &band))
          {
            if (first < 0)
              first = x;
            last = x;
          }
      /* The band is 2 × 10 points wide, from 70 (2 points left of the 72 dot). */
      assert_near (last - first + 1, 20 * per_point);
      assert_near (first, run_center (&g_array_index (dots, Run, 0)) - 2 * per_point);

      /* The row is flagged: the warning triangle is drawn in the error colour. */
      g_assert_cmpint (row_count (surface, busiest_row (surface, &style.error), &style.error), >, 0);

      cairo_surface_destroy (surface);
    }
}

static void
test_spread_flag_only_over_limit (void)
{
  const double at_limit[] = { 75, 85 };   /* exactly 10: allowed */
  const double over[] = { 75, 85.01 };
  const OcopSpreadRow ok_rows[] = { { "Rượu Mẫu Sơn", at_limit, 2 } };
  const OcopSpreadRow bad_rows[] = { { "Rượu Mẫu Sơn", over, 2 } };
  OcopSpreadChart ok = { NULL, 10, NULL, NULL, NULL, NULL, ok_rows, 1 };
  OcopSpreadChart bad = { NULL, 10, NULL, NULL, NULL, NULL, bad_rows, 1 };
  OcopRenderStyle style;
  cairo_surface_t *a, *b;
  int red_a = 0, red_b = 0;

  ocop_render_style_init_default (&style, FALSE);
  a = render (OCOP_CHART_KIND_SPREAD, &ok, &style, 640, 400);
  b = render (OCOP_CHART_KIND_SPREAD, &bad, &style, 640, 400);
  for (int y = 0; y < 400; y++)
    {
      red_a += row_count (a, y, &style.error);
      red_b += row_count (b, y, &style.error);
    }
  g_assert_cmpint (red_a, ==, 0);
  g_assert_cmpint (red_b, >, 20);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* ---- bars by category ----------------------------------------------------------------------- */

static void
test_category_bars_sorted (void)
{
  const OcopChartItem items[] = {
    { "Lộc Bình", 5 }, { "Thành phố Lạng Sơn", 20 }, { "Cao Lộc", 10 },
  };
  const double expected[] = { 20, 10, 5 };
  OcopCategoryBarsChart model = { NULL, items, G_N_ELEMENTS (items), 0 };
  OcopRenderStyle style;
  OcopRenderColor c;

  ocop_render_style_init_default (&style, FALSE);
  series (&style, 0, &c);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_CATEGORY_BARS, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      double lengths[3], lefts[3];
      int found = 0;
      gboolean in = FALSE;

      for (int y = 0; y < sizes[s][1]; y++)
        {
          g_autoptr(GArray) runs = row_runs (surface, y, &c, 2);

          if (runs->len > 0 && !in)
            {
              /* The middle row of the bar, a few pixels in. */
              g_autoptr(GArray) mid = row_runs (surface, y + 3, &c, 2);
              const Run *r;

              g_assert_cmpint (found, <, 3);
              g_assert_cmpuint (mid->len, ==, 1);
              r = &g_array_index (mid, Run, 0);
              lengths[found] = r->end - r->start + 1;
              lefts[found] = r->start;
              found++;
            }
          in = runs->len > 0;
        }
      g_assert_cmpint (found, ==, 3);

      /* Largest first, lengths proportional, all from the same zero. */
      for (int i = 0; i < 3; i++)
        {
          assert_near (lengths[i], lengths[0] * expected[i] / expected[0]);
          assert_near (lefts[i], lefts[0]);
        }

      cairo_surface_destroy (surface);
    }
}

/* ---- shares ------------------------------------------------------------------------------------- */

static void
test_shares_segments (void)
{
  /* Producer types in early 2022 (OCOP.md §4.2). */
  const OcopChartItem items[] = {
    { "Hợp tác xã", 38.8 }, { "Doanh nghiệp", 27.4 }, { "Cơ sở sản xuất", 30.1 }, { "Tổ hợp tác", 3.7 },
  };
  OcopSharesChart model = { NULL, items, G_N_ELEMENTS (items), 1 };
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_SHARES, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      OcopRenderColor c0;
      int y;
      double widths[4], total = 0;

      series (&style, 0, &c0);
      y = busiest_row (surface, &c0);
      for (int i = 0; i < 4; i++)
        {
          OcopRenderColor c;
          int first = -1, last = -1;

          series (&style, i, &c);
          for (int x = 0; x < sizes[s][0]; x++)
            if (is_color (surface, x, y, &c))
              {
                if (first < 0)
                  first = x;
                last = x;
              }
          g_assert_cmpint (first, >=, 0);
          widths[i] = last - first + 1;
          total += widths[i];
        }
      /* The bar spans most of the canvas and each segment is its share of it. */
      g_assert_cmpfloat (total, >, sizes[s][0] * 0.8);
      for (int i = 0; i < 4; i++)
        assert_near (widths[i], total * items[i].value / 100.0);

      cairo_surface_destroy (surface);
    }
}

/* ---- lines --------------------------------------------------------------------------------------- */

static void
test_lines_levels (void)
{
  const char * const years[] = { "2019", "2020", "2021", "2022" };
  const double v20[] = { 20, 20, 20, 20 };
  const double v40[] = { 40, 40, 40, 40 };
  const double v10[] = { 10, 10, NAN, 10 };
  const OcopLineSeries lines[] = { { NULL, v20 }, { NULL, v40 }, { NULL, v10 } };
  OcopLinesChart model = { NULL, years, 4, lines, 3 };
  OcopRenderStyle style;

  ocop_render_style_init_default (&style, FALSE);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_LINES, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      OcopRenderColor c;
      double y20, y40, y10;

      series (&style, 0, &c);
      y20 = line_center_row (surface, &c);
      series (&style, 1, &c);
      y40 = line_center_row (surface, &c);
      series (&style, 2, &c);
      y10 = line_center_row (surface, &c);

      /* Higher values higher up, on a linear axis: 10 → 20 is half of 20 → 40. */
      g_assert_cmpfloat (y40, <, y20);
      g_assert_cmpfloat (y20, <, y10);
      assert_near (y10 - y20, (y20 - y40) / 2.0);

      cairo_surface_destroy (surface);
    }
}

/* ---- targets ---------------------------------------------------------------------------------------- */

static void
test_targets_progress (void)
{
  const OcopTargetRow rows[] = {
    { "Sản phẩm OCOP mới đạt từ 3 sao trở lên", "Hạn: 31/12/2025", 50, 32, FALSE, 0 },
  };
  OcopTargetsChart model = { NULL, NULL, NULL, rows, 1 };
  OcopRenderStyle style;
  OcopRenderColor fill, track;

  ocop_render_style_init_default (&style, FALSE);
  series (&style, 0, &fill);
  ocop_chart_get_series_tint (&style, 0, 0.15, &track);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (OCOP_CHART_KIND_TARGETS, &model, &style,
                                         sizes[s][0], sizes[s][1]);
      int y = busiest_row (surface, &fill);
      g_autoptr(GArray) f = row_runs (surface, y, &fill, 2);
      g_autoptr(GArray) t = row_runs (surface, y, &track, 2);
      const Run *fr, *tr;

      g_assert_cmpuint (f->len, ==, 1);
      g_assert_cmpuint (t->len, ==, 1);
      fr = &g_array_index (f, Run, 0);
      tr = &g_array_index (t, Run, 0);

      /* The filled part is 32 / 50 of the track, and the rest is the unfilled track. */
      assert_near (tr->start, fr->end + 1);
      assert_near (fr->end - fr->start + 1, (tr->end - fr->start + 1) * 32.0 / 50.0);

      cairo_surface_destroy (surface);
    }
}

/* ---- margins: nothing outside the canvas ------------------------------------------------------- */

static const char *long_text =
  "Sản phẩm chế biến từ rau, củ, quả, hạt của hợp tác xã nông nghiệp dịch vụ tổng hợp "
  "xã Xuân Long, huyện Cao Lộc, tỉnh Lạng Sơn — đợt đánh giá thứ hai năm 2022";

static void
assert_inside (OcopChartKind          kind,
               gconstpointer          model,
               const OcopRenderStyle *style,
               int                    width,
               int                    height)
{
  const int margin = 40;
  cairo_surface_t *surface;
  cairo_t *cr;
  int inside_opaque = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * margin,
                                        height + 2 * margin);
  cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  ocop_chart_render (cr, width, height, style, kind, model);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height + 2 * margin; y++)
    for (int x = 0; x < width + 2 * margin; x++)
      {
        gboolean outside = x < margin || y < margin || x >= margin + width || y >= margin + height;
        Pixel p = get_pixel (surface, x, y);

        if (outside && p.a != 0)
          g_error ("chart %d at %dx%d drew at (%d, %d), outside the canvas",
                   kind, width, height, x - margin, y - margin);
        if (!outside && p.a == 255)
          inside_opaque++;
      }

  /* The background covers the canvas. */
  g_assert_cmpint (inside_opaque, ==, width * height);
  cairo_surface_destroy (surface);
}

static void
test_margins (void)
{
  const double scores[] = { 33, 48, 52.5, 61, 66, 70, 74.25, 88, 91.5, 100, 0 };
  const OcopPartBreakdownRow part_rows[] = {
    { long_text, { 35, 25, 40 } }, { "Na", { 0, 0, 0 } }, { "Mật ong", { 20, 10, 30 } },
  };
  const OcopProfileAxis axes[12] = {
    { long_text, 9, 10 }, { "Phát triển sản phẩm", 10, 15 }, { long_text, 8, 10 },
    { "Tiếp thị", 12, 20 }, { long_text, 4, 5 }, { "Chất lượng", 16, 20 },
    { long_text, 9, 15 }, { "Xuất khẩu", 1, 5 }, { long_text, 0, 5 }, { "Ễ", 5, 5 },
    { long_text, 3, 5 }, { "Tiêu chuẩn", 2, 5 },
  };
  const double totals_a[] = { 100, 99, 85 };
  const double totals_b[] = { 0, 4, 12 };
  const OcopSpreadRow spread_rows[] = { { long_text, totals_a, 3 }, { "Na", totals_b, 3 } };
  const OcopChartItem items[] = {
    { long_text, 1500 }, { "Cao Lộc", 12 }, { "Lộc Bình", 0 }, { "Chi Lăng", 11.5 },
  };
  const char * const years[] = { "2019", "2020", "2021", "2022", "2023", "2024", "2025" };
  const double l1[] = { 12, 31, 52, 73, 80, NAN, 99 };
  const double l2[] = { 2, 7, 13, 21, 0, 3, 1 };
  const OcopLineSeries lines[] = { { long_text, l1 }, { "4 sao", l2 } };
  const OcopTargetRow target_rows[] = {
    { long_text, long_text, 50, 32, FALSE, 0 },
    { "Hợp tác xã", "Hạn: 2025", 40, 55.5, TRUE, 1 },
    { "Không có mục tiêu", NULL, 0, 3, FALSE, 0 },
  };
  OcopStarDistributionChart stars = lang_son_stars (TRUE);
  OcopHistogramChart hist = { long_text, long_text, scores, G_N_ELEMENTS (scores), 5, 4,
                              { 30, 50, 70, 90 }, { "2★", "3★", "4★", "5★" } };
  OcopPartBreakdownChart parts = { long_text, 3, { long_text, "Phần B", "Phần C" }, { 35, 25, 40 },
                                   long_text, part_rows, G_N_ELEMENTS (part_rows) };
  OcopProfileChart profile = { long_text, axes, 12 };
  OcopSpreadChart spread = { long_text, 10, "Thành viên", long_text, "± 10", "Chấm lại",
                             spread_rows, 2 };
  OcopCategoryBarsChart cats = { long_text, items, G_N_ELEMENTS (items), 1 };
  OcopSharesChart shares = { long_text, items, G_N_ELEMENTS (items), 1 };
  OcopLinesChart line_chart = { long_text, years, G_N_ELEMENTS (years), lines, 2 };
  OcopTargetsChart targets = { long_text, long_text, "Đã đạt", target_rows, 3 };
  gconstpointer models[] = {
    &stars, &hist, &parts, &profile, &spread, &cats, &shares, &line_chart, &targets,
  };
  const int canvas[][2] = { { 640, 400 }, { 1280, 720 }, { 300, 180 }, { 120, 60 } };

  for (int print = 0; print <= 1; print++)
    {
      OcopRenderStyle style;

      if (print)
        ocop_render_style_init_print (&style);
      else
        ocop_render_style_init_default (&style, FALSE);

      for (gsize k = 0; k < G_N_ELEMENTS (models); k++)
        for (gsize c = 0; c < G_N_ELEMENTS (canvas); c++)
          assert_inside ((OcopChartKind) k, models[k], &style, canvas[c][0], canvas[c][1]);
    }
}

/* ---- style ---------------------------------------------------------------------------------------- */

static double
luminance (const OcopRenderColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
test_series_colors (void)
{
  OcopRenderStyle light, print;
  OcopRenderColor a, b;

  ocop_render_style_init_default (&light, FALSE);
  ocop_render_style_init_print (&print);

  /* Series 0 is the theme's accent; neighbours differ. */
  ocop_chart_get_series_color (&light, 0, &a);
  g_assert_true (ocop_render_color_equal (&a, &light.accent));
  for (int i = 0; i < 6; i++)
    {
      ocop_chart_get_series_color (&light, i, &a);
      ocop_chart_get_series_color (&light, i + 1, &b);
      g_assert_false (ocop_render_color_equal (&a, &b));
    }

  /* In print the first two series are greys far apart in lightness. */
  ocop_chart_get_series_color (&print, 0, &a);
  ocop_chart_get_series_color (&print, 1, &b);
  g_assert_cmpfloat (a.red, ==, a.green);
  g_assert_cmpfloat (fabs (luminance (&a) - luminance (&b)), >, 0.35);

  /* A tint of 0 is the background, of 1 the colour itself. */
  ocop_chart_get_series_tint (&light, 0, 0.0, &a);
  g_assert_true (ocop_render_color_equal (&a, &light.background));
  ocop_chart_get_series_tint (&light, 0, 1.0, &a);
  g_assert_true (ocop_render_color_equal (&a, &light.accent));
}

/* A print rendering uses no colour: every pixel is a grey. */
static void
test_print_is_grey (void)
{
  OcopStarDistributionChart model = lang_son_stars (TRUE);
  OcopRenderStyle style;
  cairo_surface_t *surface;
  int coloured = 0;

  ocop_render_style_init_print (&style);
  surface = render (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style, 640, 400);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 640; x++)
      {
        Pixel p = get_pixel (surface, x, y);

        if (abs (p.r - p.g) > 8 || abs (p.g - p.b) > 8)
          coloured++;
      }
  g_assert_cmpint (coloured, ==, 0);
  cairo_surface_destroy (surface);
}

/* ---- export --------------------------------------------------------------------------------------- */

static void
test_export_formats (void)
{
  OcopStarDistributionChart model = lang_son_stars (TRUE);
  OcopRenderStyle style;
  g_autofree char *dir = g_dir_make_tmp ("ocop-chart-XXXXXX", NULL);
  const struct { OcopChartFormat format; const char *name; const char *magic; } cases[] = {
    { OCOP_CHART_FORMAT_PNG, "chart.png", "\x89PNG" },
    { OCOP_CHART_FORMAT_SVG, "chart.svg", "<?xml" },
    { OCOP_CHART_FORMAT_PDF, "chart.pdf", "%PDF" },
  };

  g_assert_nonnull (dir);
  ocop_render_style_init_print (&style);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      OcopChartFormat guessed;
      gsize length = 0;

      g_assert_true (ocop_chart_format_from_path (path, &guessed));
      g_assert_cmpint (guessed, ==, cases[i].format);

      g_assert_true (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                        640, 400, cases[i].format, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, cases[i].magic));
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  /* The PNG has the asked size. */
  {
    g_autofree char *path = g_build_filename (dir, "big.png", NULL);
    cairo_surface_t *png;

    g_assert_true (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                      1280, 720, OCOP_CHART_FORMAT_PNG, path, NULL));
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 720);
    cairo_surface_destroy (png);
    g_unlink (path);
  }

  g_rmdir (dir);
}

static void
test_export_errors (void)
{
  OcopStarDistributionChart model = lang_son_stars (TRUE);
  OcopRenderStyle style;
  OcopChartFormat format = OCOP_CHART_FORMAT_PNG;
  g_autofree char *dir = g_dir_make_tmp ("ocop-chart-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *ok = g_build_filename (dir, "chart.pdf", NULL);

  ocop_render_style_init_default (&style, FALSE);

  g_assert_true (ocop_chart_format_from_path ("Biểu đồ.PDF", &format));
  g_assert_cmpint (format, ==, OCOP_CHART_FORMAT_PDF);
  g_assert_false (ocop_chart_format_from_path ("chart.jpg", &format));
  g_assert_false (ocop_chart_format_from_path ("png", &format));
  g_assert_false (ocop_chart_format_from_path (NULL, &format));

  for (int f = OCOP_CHART_FORMAT_PNG; f <= OCOP_CHART_FORMAT_PDF; f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                         640, 400, f, missing, &error));
      g_assert_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FAILED);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                       0, 400, OCOP_CHART_FORMAT_PDF, ok, &error));
    g_assert_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_INVALID_SIZE);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                       640, NAN, OCOP_CHART_FORMAT_PDF, ok, &error));
    g_assert_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_INVALID_SIZE);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ocop_chart_export (OCOP_CHART_KIND_STAR_DISTRIBUTION, &model, &style,
                                       640, 400, (OcopChartFormat) 17, ok, &error));
    g_assert_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FORMAT);
  }
  /* Nothing was written by the failed calls. */
  g_assert_false (g_file_test (ok, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Vietnamese number labels, as the council's UI shows them. */
  g_setenv ("LANGUAGE", "vi", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/chart-render/star-distribution-heights", test_star_distribution_heights);
  g_test_add_func ("/ocop/chart-render/histogram-boundaries", test_histogram_boundaries);
  g_test_add_func ("/ocop/chart-render/part-breakdown-segments", test_part_breakdown_segments);
  g_test_add_func ("/ocop/chart-render/profile-radii", test_profile_radii);
  g_test_add_func ("/ocop/chart-render/profile-invalid", test_profile_invalid);
  g_test_add_func ("/ocop/chart-render/spread-band", test_spread_band);
  g_test_add_func ("/ocop/chart-render/spread-flag-only-over-limit", test_spread_flag_only_over_limit);
  g_test_add_func ("/ocop/chart-render/category-bars-sorted", test_category_bars_sorted);
  g_test_add_func ("/ocop/chart-render/shares-segments", test_shares_segments);
  g_test_add_func ("/ocop/chart-render/lines-levels", test_lines_levels);
  g_test_add_func ("/ocop/chart-render/targets-progress", test_targets_progress);
  g_test_add_func ("/ocop/chart-render/margins", test_margins);
  g_test_add_func ("/ocop/chart-render/series-colors", test_series_colors);
  g_test_add_func ("/ocop/chart-render/print-is-grey", test_print_is_grey);
  g_test_add_func ("/ocop/chart-render/export-formats", test_export_formats);
  g_test_add_func ("/ocop/chart-render/export-errors", test_export_errors);

  return g_test_run ();
}
