/* ocop-chart-bars.c: bar charts: star distribution, score histogram, bars by category
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-render"

#include "config.h"

#include "ocop-chart-private.h"
#include "ocop-stars-render.h"
#include "ocop-text.h"

#include <math.h>

/* Below this the plot is not worth drawing; the title still is. */
#define MIN_PLOT 16.0

/* A bar from @value down to the value axis' zero, snapped to whole pixels. */
static void
vertical_bar (OcopChartCtx         *ctx,
              const OcopChartScale *scale,
              const OcopChartRect  *plot,
              int                   series,
              double                x0,
              double                x1,
              double                value,
              double               *top_out)
{
  double zero = plot->y + plot->height * (1.0 - ocop_chart_scale_normalize_clamped (scale, 0.0));
  double top = plot->y + plot->height * (1.0 - ocop_chart_scale_normalize_clamped (scale, value));
  double y0 = _ocop_chart_snap (MIN (top, zero));
  double y1 = _ocop_chart_snap (MAX (top, zero));

  x0 = _ocop_chart_snap (x0);
  x1 = _ocop_chart_snap (x1);
  if (top_out != NULL)
    *top_out = y0;
  if (y1 - y0 < 0.5 || x1 - x0 < 0.5)
    return;

  _ocop_chart_fill_rect_series (ctx, series, x0, y0, x1 - x0, y1 - y0);
}

/* ---- star distribution ------------------------------------------------------------------ */

/**
 * ocop_chart_render_star_distribution:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the counts
 *
 * Grouped bars: one group per star from first_star to last_star, labelled with drawn
 * stars, one bar per series (ever certified, currently valid, expired) with its count
 * above it, a count axis with round ticks and, for two or more series, a legend.
 */
void
ocop_chart_render_star_distribution (cairo_t                         *cr,
                                     double                           width,
                                     double                           height,
                                     const OcopRenderStyle           *style,
                                     const OcopStarDistributionChart *model)
{
  OcopChartCtx ctx;
  OcopChartLegendEntry legend[OCOP_STAR_CHART_MAX_SERIES];
  OcopChartScale scale;
  OcopChartRect plot;
  double top, bottom, legend_h = 0, star_h, value_h;
  int first, last, n_series, n_groups;
  double max_count = 0;
  double group_w, inner_w, bar_w;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  first = CLAMP (model->first_star, 1, 5);
  last = CLAMP (model->last_star, first, 5);
  n_series = CLAMP (model->n_series, 1, OCOP_STAR_CHART_MAX_SERIES);
  n_groups = last - first + 1;

  for (int s = 0; s < n_series; s++)
    {
      legend[s].label = model->series_labels[s];
      legend[s].swatch = OCOP_CHART_SWATCH_BOX;
      legend[s].series = s;
      for (int star = first; star <= last; star++)
        max_count = MAX (max_count, model->counts[s][star - 1]);
    }

  bottom = ctx.height - ctx.pad;
  if (n_series > 1)
    {
      legend_h = _ocop_chart_legend_height (&ctx, legend, n_series, ctx.width - 2 * ctx.pad);
      if (legend_h > 0)
        bottom -= legend_h + ctx.pad * 0.6;
    }

  star_h = ctx.font_size * 1.2;
  bottom -= star_h + ctx.pad * 0.4;
  value_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  top += value_h + ctx.pad * 0.2;

  _ocop_chart_count_scale (&scale, max_count,
                           _ocop_chart_ticks_for_length (&ctx, bottom - top, ctx.font_size * 2.6));

  plot.x = ctx.pad + _ocop_chart_scale_labels_width (&ctx, &scale) + ctx.pad * 0.5;
  plot.y = top;
  plot.width = ctx.width - ctx.pad - plot.x;
  plot.height = bottom - top;

  if (plot.width < MIN_PLOT || plot.height < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  _ocop_chart_draw_grid_vertical (&ctx, &scale, &plot);

  group_w = plot.width / n_groups;
  inner_w = group_w * 0.78;
  bar_w = inner_w / n_series;

  for (int g = 0; g < n_groups; g++)
    {
      int stars = first + g;
      double gx = plot.x + g * group_w + (group_w - inner_w) / 2.0;
      double sh, sw;

      for (int s = 0; s < n_series; s++)
        {
          int count = model->counts[s][stars - 1];
          double x0 = gx + s * bar_w + bar_w * 0.06;
          double x1 = gx + (s + 1) * bar_w - bar_w * 0.06;
          double bar_top;
          g_autofree char *label = ocop_text_format_number (count, 0);
          double lw, lh;

          vertical_bar (&ctx, &scale, &plot, s, x0, x1, count, &bar_top);

          _ocop_chart_text_size (&ctx, label, ctx.small_size, FALSE, 0, 1, &lw, &lh);
          if (lw <= bar_w * 1.1)
            _ocop_chart_draw_text (&ctx, label, ctx.small_size, FALSE, &style->foreground,
                                   (x0 + x1) / 2.0, bar_top - ctx.pad * 0.15, 0.5, 1.0, 0, 1);
        }

      /* The group's label: its stars, drawn, so it needs no translation. */
      sh = MIN (star_h, group_w * 0.9 / (stars + (stars - 1) * OCOP_STARS_RENDER_GAP_RATIO));
      sw = ocop_stars_render_get_width (sh, stars);
      ocop_stars_render (cr, plot.x + g * group_w + (group_w - sw) / 2.0,
                         plot.y + plot.height + ctx.pad * 0.4 + (star_h - sh) / 2.0,
                         sh, stars, stars, style);
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n_series, ctx.pad, ctx.height - ctx.pad - legend_h,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}

/* ---- score histogram ------------------------------------------------------------------------ */

/**
 * ocop_chart_render_histogram:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the scores and the band minimums
 *
 * Counts the scores in bins of bin_width points (10 if it is not 1 … 50) on a 0 … 100
 * axis and draws a bar per bin, then a vertical line at each band minimum (30, 50, 70,
 * 90) labelled above the plot: gold on screen, dashed black in print.
 */
void
ocop_chart_render_histogram (cairo_t                  *cr,
                             double                    width,
                             double                    height,
                             const OcopRenderStyle    *style,
                             const OcopHistogramChart *model)
{
  OcopChartCtx ctx;
  OcopChartScale scale, xscale;
  OcopChartRect plot;
  g_autofree guint *counts = NULL;
  gsize n_bins = 0;
  double bin_width;
  double top, bottom, text_h, max_count = 0;
  double wide_w, wide_h;
  int n_boundaries;
  gboolean any_boundary_label = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  bin_width = model->bin_width;
  if (!(bin_width >= 1.0 && bin_width <= 50.0))
    bin_width = 10.0;
  counts = ocop_chart_bin_values (model->scores, model->n_scores, 0.0, 100.0, bin_width, &n_bins);
  for (gsize i = 0; i < n_bins; i++)
    max_count = MAX (max_count, counts[i]);

  n_boundaries = CLAMP (model->n_boundaries, 0, OCOP_HISTOGRAM_MAX_BOUNDARIES);
  for (int i = 0; i < n_boundaries; i++)
    if (model->boundary_labels[i] != NULL && model->boundary_labels[i][0] != '\0')
      any_boundary_label = TRUE;

  text_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  if (any_boundary_label)
    top += text_h + ctx.pad * 0.3;
  else
    top += text_h * 0.5;

  bottom = ctx.height - ctx.pad - text_h - ctx.pad * 0.3;
  if (model->x_label != NULL && model->x_label[0] != '\0')
    bottom -= text_h + ctx.pad * 0.2;

  _ocop_chart_count_scale (&scale, max_count,
                           _ocop_chart_ticks_for_length (&ctx, bottom - top, ctx.font_size * 2.6));

  plot.x = ctx.pad + _ocop_chart_scale_labels_width (&ctx, &scale) + ctx.pad * 0.5;
  plot.y = top;
  plot.height = bottom - top;
  /* Room for half of the "100" label right of the axis end. */
  _ocop_chart_text_size (&ctx, "100", ctx.small_size, FALSE, 0, 1, &wide_w, &wide_h);
  plot.width = ctx.width - ctx.pad - wide_w / 2.0 - plot.x;

  if (plot.width < MIN_PLOT || plot.height < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  _ocop_chart_draw_grid_vertical (&ctx, &scale, &plot);

  /* The score axis: a label every 10 points, or every 20 when they would crowd. */
  ocop_chart_scale_init_fixed (&xscale, 0.0, 100.0,
                               plot.width / 10.0 >= wide_w * 1.6 ? 10.0 : 20.0);
  for (int i = 0; i < xscale.n_ticks; i++)
    {
      double v = ocop_chart_scale_get_tick (&xscale, i);
      double x = plot.x + plot.width * v / 100.0;
      g_autofree char *label = ocop_chart_scale_format_tick (&xscale, v);

      cairo_new_path (cr);
      cairo_set_line_width (cr, 1.0);
      _ocop_chart_set_color (&ctx, &style->foreground, style->print ? 1.0 : 0.55);
      cairo_move_to (cr, floor (x) + 0.5, plot.y + plot.height);
      cairo_line_to (cr, floor (x) + 0.5, plot.y + plot.height + ctx.pad * 0.25);
      cairo_stroke (cr);
      _ocop_chart_draw_text (&ctx, label, ctx.small_size, FALSE, &style->foreground,
                             x, plot.y + plot.height + ctx.pad * 0.3, 0.5, 0.0, 0, 1);
    }

  if (model->x_label != NULL && model->x_label[0] != '\0')
    _ocop_chart_draw_text (&ctx, model->x_label, ctx.small_size, FALSE, &style->foreground,
                           plot.x + plot.width / 2.0,
                           plot.y + plot.height + ctx.pad * 0.5 + text_h, 0.5, 0.0,
                           plot.width, 1);

  for (gsize i = 0; i < n_bins; i++)
    {
      double lo = i * bin_width;
      double hi = MIN ((i + 1) * bin_width, 100.0);
      double x0 = plot.x + plot.width * lo / 100.0 + 1.0;
      double x1 = plot.x + plot.width * hi / 100.0 - 1.0;

      if (counts[i] > 0)
        vertical_bar (&ctx, &scale, &plot, 0, x0, x1, counts[i], NULL);
    }

  for (int i = 0; i < n_boundaries; i++)
    {
      double b = model->boundaries[i];
      double lw = MAX (1.0, round (ctx.font_size / 7.0));
      double x;

      if (!(b > 0.0 && b < 100.0))
        continue;

      x = round (plot.x + plot.width * b / 100.0);
      if ((int) lw % 2 == 1)
        x += 0.5;

      if (style->print)
        {
          /* A white halo, so the dashed line shows over black bars. */
          cairo_new_path (cr);
          cairo_set_line_width (cr, lw * 3);
          ocop_render_color_set_source (cr, &style->background);
          cairo_move_to (cr, x, plot.y + plot.height * 0.0);
          cairo_line_to (cr, x, plot.y + plot.height - 0.5);
          cairo_stroke (cr);
        }

      cairo_new_path (cr);
      cairo_set_line_width (cr, lw);
      if (style->print)
        {
          double dash[2] = { lw * 4, lw * 2.5 };

          ocop_render_color_set_source (cr, &style->foreground);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        ocop_render_color_set_source (cr, &style->star_outline);
      cairo_move_to (cr, x, plot.y - (any_boundary_label ? ctx.pad * 0.2 : 0));
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (model->boundary_labels[i] != NULL)
        _ocop_chart_draw_text (&ctx, model->boundary_labels[i], ctx.small_size, TRUE,
                               &style->foreground, x, plot.y - ctx.pad * 0.25, 0.5, 1.0,
                               plot.width * 0.2, 1);
    }

  _ocop_chart_end (&ctx);
}

/* ---- bars by category -------------------------------------------------------------------- */

typedef struct
{
  const OcopChartItem *item;
  gsize                index;
} SortedItem;

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  const SortedItem *x = a;
  const SortedItem *y = b;
  double vx = isfinite (x->item->value) ? x->item->value : -G_MAXDOUBLE;
  double vy = isfinite (y->item->value) ? y->item->value : -G_MAXDOUBLE;

  if (vx != vy)
    return vx > vy ? -1 : 1;
  /* Ties keep the caller's order. */
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/**
 * ocop_chart_render_category_bars:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the categories and their values
 *
 * Horizontal bars, largest first (ties keep the given order), the category's name left
 * of its bar and the value right of it; a value axis with round ticks below.
 */
void
ocop_chart_render_category_bars (cairo_t                     *cr,
                                 double                       width,
                                 double                       height,
                                 const OcopRenderStyle        *style,
                                 const OcopCategoryBarsChart  *model)
{
  OcopChartCtx ctx;
  OcopChartScale scale;
  OcopChartRect plot;
  g_autofree SortedItem *sorted = NULL;
  g_autofree double *values = NULL;
  double top, bottom, text_h, label_w = 0, value_w = 0, row_h, label_size;
  gsize n;
  int decimals;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  n = model->items != NULL ? model->n_items : 0;
  if (n == 0)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  decimals = CLAMP (model->decimals, 0, 6);
  sorted = g_new0 (SortedItem, n);
  values = g_new0 (double, n);
  for (gsize i = 0; i < n; i++)
    {
      sorted[i].item = &model->items[i];
      sorted[i].index = i;
      values[i] = model->items[i].value;
    }
  qsort (sorted, n, sizeof *sorted, compare_descending);

  text_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  bottom = ctx.height - ctx.pad - text_h - ctx.pad * 0.3;
  row_h = (bottom - top) / n;
  label_size = MIN (ctx.small_size, row_h * 0.62);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *v = ocop_text_format_number (sorted[i].item->value, decimals);
      double w, h;

      _ocop_chart_text_size (&ctx, sorted[i].item->label, label_size, FALSE, 0, 1, &w, &h);
      label_w = MAX (label_w, w);
      _ocop_chart_text_size (&ctx, v, label_size, FALSE, 0, 1, &w, &h);
      value_w = MAX (value_w, w);
    }
  label_w = MIN (label_w, (ctx.width - 2 * ctx.pad) * 0.36);

  plot.x = ctx.pad + label_w + ctx.pad * 0.5;
  plot.y = top;
  plot.width = ctx.width - ctx.pad - value_w - ctx.pad * 0.4 - plot.x;
  plot.height = bottom - top;

  if (plot.width < MIN_PLOT || plot.height < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  ocop_chart_scale_init_for_values (&scale, values, n, TRUE,
                                    _ocop_chart_ticks_for_length (&ctx, plot.width,
                                                                  ctx.font_size * 4.5));
  _ocop_chart_draw_grid_horizontal (&ctx, &scale, &plot, TRUE);

  for (gsize i = 0; i < n; i++)
    {
      const OcopChartItem *item = sorted[i].item;
      double bar_h = row_h * 0.64;
      double cy = plot.y + (i + 0.5) * row_h;
      double xz = plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, 0.0);
      double xv = plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, item->value);
      double x0 = _ocop_chart_snap (MIN (xz, xv));
      double x1 = _ocop_chart_snap (MAX (xz, xv));
      double y0 = _ocop_chart_snap (cy - bar_h / 2.0);
      double y1 = _ocop_chart_snap (cy + bar_h / 2.0);
      g_autofree char *v = ocop_text_format_number (item->value, decimals);

      if (x1 - x0 >= 0.5 && y1 - y0 >= 0.5)
        _ocop_chart_fill_rect_series (&ctx, 0, x0, y0, x1 - x0, y1 - y0);

      if (label_size >= 6.0)
        {
          _ocop_chart_draw_text (&ctx, item->label, label_size, FALSE, &style->foreground,
                                 plot.x - ctx.pad * 0.5, cy, 1.0, 0.5, label_w, 1);
          _ocop_chart_draw_text (&ctx, v, label_size, FALSE, &style->foreground,
                                 x1 + ctx.pad * 0.3, cy, 0.0, 0.5, 0, 1);
        }
    }

  _ocop_chart_end (&ctx);
}
