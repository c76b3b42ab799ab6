/* ocop-chart-render.c: what the chart renderers share: text, legends, series fills, axes
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-render"

#include "config.h"

#include "ocop-chart-private.h"
#include "ocop-text.h"

#include <math.h>

/* ---- series colours ------------------------------------------------------------------ */

/* After the theme's accent: libadwaita 1.2 palette colours (Green 4, Orange 3, Purple 3,
 * Red 3, Brown 3, Yellow 5, Blue 2 on light; the lighter shades on dark) in an order
 * where neighbours differ in lightness as well as hue. */
static const guint32 series_light[] = {
  0x000000, 0x2ec27e, 0xff7800, 0x9141ac, 0xe01b24, 0x986a44, 0xe5a50a, 0x62a0ea,
};
static const guint32 series_dark[] = {
  0x000000, 0x57e389, 0xffa348, 0xc061cb, 0xf66151, 0xcdab8f, 0xf8e45c, 0x99c1f1,
};

/* Print: greys far enough apart to survive a photocopier; series 2 and 4 are white
 * with hatching, series 5 mid grey with hatching. */
static const double series_print_grey[] = { 0.15, 0.62, 1.0, 0.85, 1.0, 0.4 };

static gboolean
style_is_dark (const OcopRenderStyle *style)
{
  const OcopRenderColor *bg = &style->background;

  return 0.2126 * bg->red + 0.7152 * bg->green + 0.0722 * bg->blue < 0.4;
}

/**
 * ocop_chart_get_series_color:
 * @style: the style
 * @index: the series, from 0
 * @color: (out): its fill colour
 *
 * Series 0 is the style's accent; the rest follow libadwaita's palette on screen. In
 * print (style->print) every series is a grey; series 2, 4 and 5 are also hatched when
 * drawn, which this colour does not show.
 */
void
ocop_chart_get_series_color (const OcopRenderStyle *style,
                             int                    index,
                             OcopRenderColor       *color)
{
  guint32 rgb;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  index = MAX (index, 0);

  if (style->print)
    {
      double g = series_print_grey[index % G_N_ELEMENTS (series_print_grey)];

      ocop_render_color_init (color, g, g, g, 1.0);
      return;
    }

  index %= G_N_ELEMENTS (series_light);
  if (index == 0)
    {
      *color = style->accent;
      color->alpha = 1.0;
      return;
    }

  rgb = style_is_dark (style) ? series_dark[index] : series_light[index];
  ocop_render_color_init (color,
                          ((rgb >> 16) & 0xff) / 255.0,
                          ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0,
                          1.0);
}

/**
 * ocop_chart_get_series_tint:
 * @style: the style
 * @index: the series
 * @fraction: how much of the series colour, 0 … 1
 * @color: (out): the series colour mixed into the style's background, opaque
 */
void
ocop_chart_get_series_tint (const OcopRenderStyle *style,
                            int                    index,
                            double                 fraction,
                            OcopRenderColor       *color)
{
  OcopRenderColor c;
  const OcopRenderColor *bg;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  fraction = CLAMP (fraction, 0.0, 1.0);
  ocop_chart_get_series_color (style, index, &c);
  bg = &style->background;
  ocop_render_color_init (color,
                          bg->red + (c.red - bg->red) * fraction,
                          bg->green + (c.green - bg->green) * fraction,
                          bg->blue + (c.blue - bg->blue) * fraction,
                          1.0);
}

static int
print_hatch (int index)
{
  /* 0: none, 1: diagonal, 2: cross */
  switch (index % G_N_ELEMENTS (series_print_grey))
    {
    case 2:
    case 5:
      return 1;
    case 4:
      return 2;
    default:
      return 0;
    }
}

/* ---- context --------------------------------------------------------------------------- */

void
_ocop_chart_begin (OcopChartCtx          *ctx,
                   cairo_t               *cr,
                   double                 width,
                   double                 height,
                   const OcopRenderStyle *style)
{
  double factor;
  double base;

  ctx->cr = cr;
  ctx->style = style;
  ctx->width = MAX (width, 0.0);
  ctx->height = MAX (height, 0.0);
  ctx->dark = style_is_dark (style);

  /* Text grows with the canvas, slower than it: 14 px on a 640 × 400 card, about 19 px
   * on a 1280 × 720 projector, never under 80 % of the style's size. */
  factor = sqrt (MIN (ctx->width / 640.0, ctx->height / 400.0));
  base = style->font_size > 0 ? style->font_size : 10.0;
  ctx->font_size = base * CLAMP (factor, 0.8, 1.6);
  ctx->small_size = ctx->font_size * 0.86;
  ctx->pad = ctx->font_size * 0.8;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_dash (cr, NULL, 0, 0);

  if (style->background.alpha > 0)
    {
      ocop_render_color_set_source (cr, &style->background);
      cairo_rectangle (cr, 0, 0, ctx->width, ctx->height);
      cairo_fill (cr);
    }
}

void
_ocop_chart_end (OcopChartCtx *ctx)
{
  cairo_restore (ctx->cr);
}

double
_ocop_chart_snap (double v)
{
  return round (v);
}

void
_ocop_chart_set_color (OcopChartCtx          *ctx,
                       const OcopRenderColor *color,
                       double                 alpha)
{
  cairo_set_source_rgba (ctx->cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---- text ------------------------------------------------------------------------------- */

PangoLayout *
_ocop_chart_layout (OcopChartCtx *ctx,
                    const char   *text,
                    double        size,
                    gboolean      bold,
                    double        max_width,
                    int           max_lines)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  PangoFontDescription *desc = ocop_render_style_create_font_description (ctx->style, size);

  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (max_width <= 0 || max_width > ctx->width)
    max_width = ctx->width;

  pango_layout_set_width (layout, (int) floor (MAX (max_width, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_lines > 1)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -max_lines);
    }
  else
    pango_layout_set_height (layout, -1);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* The box the text really covers: the logical box joined with the ink, which Vietnamese
 * stacked diacritics (Ễ) can push above the line. Relative to the layout's origin. */
static void
layout_box (PangoLayout *layout,
            double      *x,
            double      *y,
            double      *w,
            double      *h)
{
  PangoRectangle ink, logical;
  int x0, y0, x1, y1;

  pango_layout_get_pixel_extents (layout, &ink, &logical);

  x0 = logical.x;
  y0 = logical.y;
  x1 = logical.x + logical.width;
  y1 = logical.y + logical.height;
  if (ink.width > 0 && ink.height > 0)
    {
      x0 = MIN (x0, ink.x);
      y0 = MIN (y0, ink.y);
      x1 = MAX (x1, ink.x + ink.width);
      y1 = MAX (y1, ink.y + ink.height);
    }

  *x = x0;
  *y = y0;
  *w = x1 - x0;
  *h = y1 - y0;
}

void
_ocop_chart_text_size (OcopChartCtx *ctx,
                       const char   *text,
                       double        size,
                       gboolean      bold,
                       double        max_width,
                       int           max_lines,
                       double       *width,
                       double       *height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double bx, by, bw, bh;

  if (text == NULL || text[0] == '\0')
    {
      *width = 0;
      *height = 0;
      return;
    }

  layout = _ocop_chart_layout (ctx, text, size, bold, max_width, max_lines);
  layout_box (layout, &bx, &by, &bw, &bh);
  *width = bw;
  *height = bh;
}

double
_ocop_chart_text_height (OcopChartCtx *ctx,
                         double        size)
{
  double w, h;

  /* Tall and deep letters, so every row of text gets the same height. */
  _ocop_chart_text_size (ctx, "ỄÁgjy", size, FALSE, 0, 1, &w, &h);
  return h;
}

double
_ocop_chart_draw_text (OcopChartCtx          *ctx,
                       const char            *text,
                       double                 size,
                       gboolean               bold,
                       const OcopRenderColor *color,
                       double                 x,
                       double                 y,
                       double                 xalign,
                       double                 yalign,
                       double                 max_width,
                       int                    max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  double bx, by, bw, bh;
  double left, top;
  PangoRectangle logical;

  if (text == NULL || text[0] == '\0' || size < 4.0)
    return 0;

  layout = _ocop_chart_layout (ctx, text, size, bold, max_width, max_lines);
  if (max_lines > 1)
    pango_layout_set_alignment (layout, xalign < 0.25 ? PANGO_ALIGN_LEFT
                                        : xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  layout_box (layout, &bx, &by, &bw, &bh);

  if (bw > ctx->width || bh > ctx->height)
    return 0;

  /* Align on the logical box, as a reader expects, then keep the whole box inside. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  left = x - xalign * logical.width;
  top = y - yalign * logical.height;
  /* Ellipsized layouts have the set width; shift by the start of the text. */
  left -= logical.x;

  left = CLAMP (left + bx, 0.0, ctx->width - bw) - bx;
  top = CLAMP (top + by, 0.0, ctx->height - bh) - by;

  cairo_save (ctx->cr);
  cairo_new_path (ctx->cr);
  ocop_render_color_set_source (ctx->cr, color);
  cairo_move_to (ctx->cr, left, top);
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_restore (ctx->cr);

  return logical.width;
}

double
_ocop_chart_draw_title (OcopChartCtx *ctx,
                        const char   *title)
{
  double size = ctx->font_size * 1.15;
  double w, h;

  if (title == NULL || title[0] == '\0')
    return ctx->pad;

  _ocop_chart_text_size (ctx, title, size, TRUE, ctx->width - 2 * ctx->pad, 1, &w, &h);
  _ocop_chart_draw_text (ctx, title, size, TRUE, &ctx->style->foreground,
                         ctx->pad, ctx->pad, 0.0, 0.0, ctx->width - 2 * ctx->pad, 1);

  return ctx->pad + h + ctx->pad * 0.75;
}

/* ---- series fills ------------------------------------------------------------------------ */

static void
hatch_extents (OcopChartCtx *ctx,
               int           kind,
               double        x0,
               double        y0,
               double        x1,
               double        y1)
{
  cairo_t *cr = ctx->cr;
  double spacing = MAX (ctx->font_size * 0.4, 3.0);
  double span = (x1 - x0) + (y1 - y0);

  cairo_new_path (cr);
  for (double d = -span; d <= span; d += spacing)
    {
      /* Lines of slope -1 through (x0 + d, y0) … and, for cross-hatching, slope +1. */
      cairo_move_to (cr, x0 + d, y1);
      cairo_line_to (cr, x0 + d + (y1 - y0), y0);
      if (kind == 2)
        {
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + (y1 - y0), y1);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, MAX (ctx->font_size * 0.06, 0.6));
  cairo_stroke (cr);
}

void
_ocop_chart_fill_series (OcopChartCtx *ctx,
                         int           index)
{
  cairo_t *cr = ctx->cr;
  OcopRenderColor color;
  cairo_path_t *path;

  ocop_chart_get_series_color (ctx->style, index, &color);

  if (!ctx->style->print)
    {
      ocop_render_color_set_source (cr, &color);
      cairo_fill (cr);
      return;
    }

  path = cairo_copy_path (cr);
  cairo_save (cr);
  ocop_render_color_set_source (cr, &color);
  cairo_fill_preserve (cr);
  if (print_hatch (index) != 0)
    {
      double x0, y0, x1, y1;

      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_clip (cr);
      hatch_extents (ctx, print_hatch (index), x0, y0, x1, y1);
    }
  cairo_restore (cr);

  /* Edged in black, so white and light greys stand out from the paper. */
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, MAX (ctx->font_size * 0.07, 0.75));
  cairo_stroke (cr);
  cairo_path_destroy (path);
}

void
_ocop_chart_fill_rect_series (OcopChartCtx *ctx,
                              int           index,
                              double        x,
                              double        y,
                              double        width,
                              double        height)
{
  if (width <= 0 || height <= 0)
    return;

  cairo_new_path (ctx->cr);
  if (ctx->style->print)
    {
      /* Keep the black edge inside the box. */
      double inset = MAX (ctx->font_size * 0.07, 0.75) / 2.0;

      cairo_rectangle (ctx->cr, x + inset, y + inset,
                       MAX (width - 2 * inset, 0.1), MAX (height - 2 * inset, 0.1));
    }
  else
    cairo_rectangle (ctx->cr, x, y, width, height);
  _ocop_chart_fill_series (ctx, index);
}

void
_ocop_chart_text_on_series (OcopChartCtx    *ctx,
                            int              index,
                            OcopRenderColor *color)
{
  OcopRenderColor fill;
  double lum;

  ocop_chart_get_series_color (ctx->style, index, &fill);
  lum = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue;
  if (lum < 0.45)
    ocop_render_color_init (color, 1, 1, 1, 1);
  else
    ocop_render_color_init (color, 0, 0, 0, 1);
}

/* Markers: circle, square, triangle, diamond; in print every series has its own shape,
 * on screen every series is a circle told apart by colour. */
void
_ocop_chart_marker_path (OcopChartCtx *ctx,
                         int           index,
                         double        x,
                         double        y,
                         double        r)
{
  cairo_t *cr = ctx->cr;
  int shape = ctx->style->print ? index % 4 : 0;

  cairo_new_sub_path (cr);
  switch (shape)
    {
    case 1:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.75);
      cairo_line_to (cr, x - r, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

void
_ocop_chart_line_dash (OcopChartCtx *ctx,
                       int           index,
                       double        lw)
{
  double dashes[4];
  int n = 0;

  if (ctx->style->print)
    {
      switch (index % 4)
        {
        case 1:
          dashes[0] = lw * 4;
          dashes[1] = lw * 2.5;
          n = 2;
          break;
        case 2:
          dashes[0] = lw * 1.2;
          dashes[1] = lw * 2;
          n = 2;
          break;
        case 3:
          dashes[0] = lw * 5;
          dashes[1] = lw * 2;
          dashes[2] = lw * 1.2;
          dashes[3] = lw * 2;
          n = 4;
          break;
        default:
          break;
        }
    }
  cairo_set_dash (ctx->cr, n > 0 ? dashes : NULL, n, 0);
}

/* A warning triangle with an exclamation mark, drawn so it does not depend on a font;
 * (@x, @y) is its top left corner. */
void
_ocop_chart_draw_flag (OcopChartCtx *ctx,
                       double        x,
                       double        y,
                       double        size)
{
  cairo_t *cr = ctx->cr;
  const OcopRenderColor *c = ctx->style->print ? &ctx->style->foreground : &ctx->style->error;
  double cx = x + size / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, cx, y);
  cairo_line_to (cr, x + size, y + size * 0.9);
  cairo_line_to (cr, x, y + size * 0.9);
  cairo_close_path (cr);
  ocop_render_color_set_source (cr, c);
  cairo_fill (cr);

  if (ctx->style->print)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    ocop_render_color_set_source (cr, &ctx->style->background);
  cairo_rectangle (cr, cx - size * 0.06, y + size * 0.3, size * 0.12, size * 0.33);
  cairo_rectangle (cr, cx - size * 0.06, y + size * 0.7, size * 0.12, size * 0.1);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---- legend ---------------------------------------------------------------------------- */

static double
legend_swatch_width (OcopChartCtx         *ctx,
                     OcopChartSwatch       swatch)
{
  double s = ctx->small_size;

  return swatch == OCOP_CHART_SWATCH_LINE ? s * 2.2 : s;
}

static void
draw_swatch (OcopChartCtx               *ctx,
             const OcopChartLegendEntry *e,
             double                      x,
             double                      y,
             double                      row_height)
{
  cairo_t *cr = ctx->cr;
  double s = ctx->small_size;
  double top = y + (row_height - s) / 2.0;
  OcopRenderColor color;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (e->swatch)
    {
    case OCOP_CHART_SWATCH_BOX:
      _ocop_chart_fill_rect_series (ctx, e->series, x, top, s, s);
      break;
    case OCOP_CHART_SWATCH_OUTLINE:
      cairo_set_line_width (cr, MAX (s * 0.1, 1.0));
      cairo_rectangle (cr, x + 0.5, top + 0.5, s - 1, s - 1);
      ocop_render_color_set_source (cr, &ctx->style->foreground);
      cairo_stroke (cr);
      break;
    case OCOP_CHART_SWATCH_TINT:
      ocop_chart_get_series_tint (ctx->style, e->series, ctx->style->print ? 0.0 : 0.25, &color);
      if (ctx->style->print)
        ocop_render_color_init (&color, 0.85, 0.85, 0.85, 1);
      cairo_rectangle (cr, x, top, s, s);
      ocop_render_color_set_source (cr, &color);
      cairo_fill (cr);
      break;
    case OCOP_CHART_SWATCH_MARK:
      cairo_rectangle (cr, x + s * 0.4, top, MAX (s * 0.2, 1.5), s);
      ocop_render_color_set_source (cr, &ctx->style->foreground);
      cairo_fill (cr);
      break;
    case OCOP_CHART_SWATCH_DOT:
      cairo_arc (cr, x + s / 2, top + s / 2, s * 0.35, 0, 2 * G_PI);
      if (ctx->style->print)
        cairo_set_source_rgb (cr, 0, 0, 0);
      else
        {
          ocop_chart_get_series_color (ctx->style, e->series, &color);
          ocop_render_color_set_source (cr, &color);
        }
      cairo_fill (cr);
      break;
    case OCOP_CHART_SWATCH_FLAG:
      _ocop_chart_draw_flag (ctx, x, top, s);
      break;
    case OCOP_CHART_SWATCH_LINE:
    default:
      {
        double lw = MAX (ctx->font_size * 0.14, 1.5);
        double w = legend_swatch_width (ctx, e->swatch);

        ocop_chart_get_series_color (ctx->style, e->series, &color);
        if (ctx->style->print)
          ocop_render_color_init (&color, 0, 0, 0, 1);
        cairo_set_line_width (cr, lw);
        _ocop_chart_line_dash (ctx, e->series, lw);
        cairo_move_to (cr, x, top + s / 2);
        cairo_line_to (cr, x + w, top + s / 2);
        ocop_render_color_set_source (cr, &color);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        _ocop_chart_marker_path (ctx, e->series, x + w / 2, top + s / 2, s * 0.3);
        if (ctx->style->print)
          cairo_set_source_rgb (cr, 1, 1, 1);
        else
          ocop_render_color_set_source (cr, &color);
        cairo_fill_preserve (cr);
        ocop_render_color_set_source (cr, &color);
        cairo_set_line_width (cr, lw * 0.7);
        cairo_stroke (cr);
      }
      break;
    }
  cairo_restore (cr);
}

/* Lays the legend out in rows; calls @draw for each entry if @draw is set. */
static double
legend_layout (OcopChartCtx               *ctx,
               const OcopChartLegendEntry *entries,
               gsize                       n_entries,
               double                      x,
               double                      y,
               double                      width,
               gboolean                    draw)
{
  double row_h = _ocop_chart_text_height (ctx, ctx->small_size);
  double gap = ctx->small_size * 0.4;
  double item_gap = ctx->small_size * 1.2;
  double cx = 0;
  int rows = 0;

  for (gsize i = 0; i < n_entries; i++)
    {
      const OcopChartLegendEntry *e = &entries[i];
      double sw = legend_swatch_width (ctx, e->swatch);
      double max_text = MAX (width - sw - gap, 1.0);
      double tw, th;
      double item_w;

      if (e->label == NULL || e->label[0] == '\0')
        continue;

      _ocop_chart_text_size (ctx, e->label, ctx->small_size, FALSE, max_text, 1, &tw, &th);
      item_w = sw + gap + tw;

      if (rows == 0 || (cx > 0 && cx + item_w > width))
        {
          rows++;
          cx = 0;
        }

      if (draw)
        {
          double ry = y + (rows - 1) * row_h * 1.15;

          draw_swatch (ctx, e, x + cx, ry, row_h);
          _ocop_chart_draw_text (ctx, e->label, ctx->small_size, FALSE, &ctx->style->foreground,
                                 x + cx + sw + gap, ry, 0.0, 0.0, max_text, 1);
        }
      cx += item_w + item_gap;
    }

  if (rows == 0)
    return 0;

  return rows * row_h * 1.15 - row_h * 0.15;
}

double
_ocop_chart_legend_height (OcopChartCtx               *ctx,
                           const OcopChartLegendEntry *entries,
                           gsize                       n_entries,
                           double                      width)
{
  return legend_layout (ctx, entries, n_entries, 0, 0, width, FALSE);
}

void
_ocop_chart_draw_legend (OcopChartCtx               *ctx,
                         const OcopChartLegendEntry *entries,
                         gsize                       n_entries,
                         double                      x,
                         double                      y,
                         double                      width)
{
  legend_layout (ctx, entries, n_entries, x, y, width, TRUE);
}

/* ---- axes -------------------------------------------------------------------------------- */

int
_ocop_chart_ticks_for_length (OcopChartCtx *ctx,
                              double        length,
                              double        per_tick)
{
  int n = (int) floor (length / MAX (per_tick, 1.0)) + 1;

  return CLAMP (n, 2, 11);
}

void
_ocop_chart_count_scale (OcopChartScale *scale,
                         double          max_count,
                         int             max_ticks)
{
  ocop_chart_scale_init (scale, 0.0, MAX (max_count, 1.0), max_ticks);
  /* Counts are whole: no tick at 0,5 products. */
  if (scale->step < 1.0)
    ocop_chart_scale_init_fixed (scale, 0.0, ceil (MAX (max_count, 1.0)), 1.0);
}

double
_ocop_chart_scale_labels_width (OcopChartCtx         *ctx,
                                const OcopChartScale *scale)
{
  double widest = 0;

  for (int i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *label = ocop_chart_scale_format_tick (scale,
                                                              ocop_chart_scale_get_tick (scale, i));
      double w, h;

      _ocop_chart_text_size (ctx, label, ctx->small_size, FALSE, 0, 1, &w, &h);
      widest = MAX (widest, w);
    }

  return widest;
}

static void
grid_line_style (OcopChartCtx *ctx,
                 gboolean      axis)
{
  cairo_t *cr = ctx->cr;

  cairo_set_line_width (cr, 1.0);
  if (axis)
    _ocop_chart_set_color (ctx, &ctx->style->foreground, ctx->style->print ? 1.0 : 0.55);
  else if (ctx->style->print)
    cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  else
    _ocop_chart_set_color (ctx, &ctx->style->muted, 0.35);
}

/* Horizontal grid lines at the ticks of a vertical value axis, labels to the left. */
void
_ocop_chart_draw_grid_vertical (OcopChartCtx         *ctx,
                                const OcopChartScale *scale,
                                const OcopChartRect  *plot)
{
  cairo_t *cr = ctx->cr;

  for (int i = 0; i < scale->n_ticks; i++)
    {
      double v = ocop_chart_scale_get_tick (scale, i);
      double y = plot->y + plot->height * (1.0 - ocop_chart_scale_normalize (scale, v));
      g_autofree char *label = ocop_chart_scale_format_tick (scale, v);
      double ys = floor (y) + 0.5;

      cairo_new_path (cr);
      grid_line_style (ctx, fabs (v) < scale->step * 1e-6);
      cairo_move_to (cr, plot->x, ys);
      cairo_line_to (cr, plot->x + plot->width, ys);
      cairo_stroke (cr);

      _ocop_chart_draw_text (ctx, label, ctx->small_size, FALSE, &ctx->style->foreground,
                             plot->x - ctx->pad * 0.5, y, 1.0, 0.5, 0, 1);
    }
}

/* Vertical grid lines at the ticks of a horizontal value axis, labels below @plot. */
void
_ocop_chart_draw_grid_horizontal (OcopChartCtx         *ctx,
                                  const OcopChartScale *scale,
                                  const OcopChartRect  *plot,
                                  gboolean              labels)
{
  cairo_t *cr = ctx->cr;

  for (int i = 0; i < scale->n_ticks; i++)
    {
      double v = ocop_chart_scale_get_tick (scale, i);
      double x = plot->x + plot->width * ocop_chart_scale_normalize (scale, v);
      double xs = floor (x) + 0.5;

      cairo_new_path (cr);
      grid_line_style (ctx, fabs (v) < scale->step * 1e-6);
      cairo_move_to (cr, xs, plot->y);
      cairo_line_to (cr, xs, plot->y + plot->height);
      cairo_stroke (cr);

      if (labels)
        {
          g_autofree char *label = ocop_chart_scale_format_tick (scale, v);

          _ocop_chart_draw_text (ctx, label, ctx->small_size, FALSE, &ctx->style->foreground,
                                 x, plot->y + plot->height + ctx->pad * 0.3, 0.5, 0.0, 0, 1);
        }
    }
}

/* Scores as the council writes them: "12", "12,5", "12,25". */
char *
_ocop_chart_format_score (double value)
{
  if (fabs (value - round (value)) < 0.005)
    return ocop_text_format_number (value, 0);
  if (fabs (value * 10.0 - round (value * 10.0)) < 0.05)
    return ocop_text_format_number (value, 1);
  return ocop_text_format_number (value, 2);
}

/* ---- by kind ------------------------------------------------------------------------------ */

/**
 * ocop_chart_render:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: the colours and font
 * @kind: which chart
 * @model: (type gpointer): the kind's model struct
 *
 * Calls the renderer of @kind.
 */
void
ocop_chart_render (cairo_t               *cr,
                   double                 width,
                   double                 height,
                   const OcopRenderStyle *style,
                   OcopChartKind          kind,
                   gconstpointer          model)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  switch (kind)
    {
    case OCOP_CHART_KIND_STAR_DISTRIBUTION:
      ocop_chart_render_star_distribution (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_HISTOGRAM:
      ocop_chart_render_histogram (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_PART_BREAKDOWN:
      ocop_chart_render_part_breakdown (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_PROFILE:
      ocop_chart_render_profile (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_SPREAD:
      ocop_chart_render_spread (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_CATEGORY_BARS:
      ocop_chart_render_category_bars (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_SHARES:
      ocop_chart_render_shares (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_LINES:
      ocop_chart_render_lines (cr, width, height, style, model);
      break;
    case OCOP_CHART_KIND_TARGETS:
      ocop_chart_render_targets (cr, width, height, style, model);
      break;
    default:
      g_return_if_reached ();
    }
}
