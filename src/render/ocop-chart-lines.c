/* ocop-chart-lines.c: lines over the years
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-render"

#include "config.h"

#include "ocop-chart-private.h"

#include <math.h>

#define MIN_PLOT 16.0

/**
 * ocop_chart_render_lines:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the series
 *
 * One line per series over the x labels (years), with a marker at every figure; a NaN
 * figure breaks the line. The value axis starts at 0 and has round ticks; x labels
 * that would crowd are thinned out. Two or more series get a legend; in print they are
 * told apart by dashes and marker shapes.
 */
void
ocop_chart_render_lines (cairo_t               *cr,
                         double                 width,
                         double                 height,
                         const OcopRenderStyle *style,
                         const OcopLinesChart  *model)
{
  OcopChartCtx ctx;
  OcopChartScale scale;
  OcopChartRect plot;
  g_autofree OcopChartLegendEntry *legend = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  double top, bottom, legend_h = 0, text_h, widest_x = 0, inset, spacing, lw, r;
  gsize n_x, n_series;
  int every = 1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  n_x = model->x_labels != NULL ? model->n_x : 0;
  n_series = model->series != NULL ? model->n_series : 0;
  if (n_x == 0 || n_series == 0)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  legend = g_new0 (OcopChartLegendEntry, n_series);
  for (gsize s = 0; s < n_series; s++)
    {
      legend[s].label = model->series[s].label;
      legend[s].swatch = OCOP_CHART_SWATCH_LINE;
      legend[s].series = (int) s;
      if (model->series[s].values != NULL)
        g_array_append_vals (all, model->series[s].values, n_x);
    }

  bottom = ctx.height - ctx.pad;
  if (n_series > 1)
    {
      legend_h = _ocop_chart_legend_height (&ctx, legend, n_series, ctx.width - 2 * ctx.pad);
      if (legend_h > 0)
        bottom -= legend_h + ctx.pad * 0.6;
    }
  text_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  bottom -= text_h + ctx.pad * 0.3;
  top += text_h * 0.5;

  ocop_chart_scale_init_for_values (&scale, (const double *) all->data, all->len, TRUE,
                                    _ocop_chart_ticks_for_length (&ctx, bottom - top,
                                                                  ctx.font_size * 2.6));
  /* Counts of products: no ticks between whole numbers. */
  if (scale.step < 1.0 && scale.max <= 10.0)
    {
      gboolean whole = TRUE;

      for (guint i = 0; i < all->len; i++)
        {
          double v = g_array_index (all, double, i);

          if (isfinite (v) && fabs (v - round (v)) > 1e-9)
            whole = FALSE;
        }
      if (whole)
        _ocop_chart_count_scale (&scale, scale.max, scale.n_ticks);
    }

  for (gsize i = 0; i < n_x; i++)
    {
      double w, h;

      _ocop_chart_text_size (&ctx, model->x_labels[i], ctx.small_size, FALSE, 0, 1, &w, &h);
      widest_x = MAX (widest_x, w);
    }
  lw = MAX (2.0, ctx.font_size * 0.15);
  r = lw * 2.0;

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

  /* Points sit inside the plot by half a label, so the end labels fit. */
  inset = MAX (MIN (widest_x / 2.0 + ctx.pad * 0.3, plot.width / 4.0), r * 2);
  spacing = n_x > 1 ? (plot.width - 2 * inset) / (n_x - 1) : 0;
  while (n_x > 1 && every < (int) n_x && spacing * every < widest_x * 1.3)
    every++;

  for (gsize i = 0; i < n_x; i++)
    {
      double x = n_x > 1 ? plot.x + inset + i * spacing : plot.x + plot.width / 2.0;

      if (i % every != 0 && i != n_x - 1)
        continue;
      if (i == n_x - 1 && i % every != 0 && spacing * (i % every) < widest_x * 1.3)
        continue;
      _ocop_chart_draw_text (&ctx, model->x_labels[i], ctx.small_size, FALSE, &style->foreground,
                             x, plot.y + plot.height + ctx.pad * 0.3, 0.5, 0.0, 0, 1);
    }

  for (gsize s = 0; s < n_series; s++)
    {
      const double *values = model->series[s].values;
      OcopRenderColor color;
      gboolean pen = FALSE;

      if (values == NULL)
        continue;

      ocop_chart_get_series_color (style, (int) s, &color);
      if (style->print)
        ocop_render_color_init (&color, 0, 0, 0, 1);

      cairo_new_path (cr);
      for (gsize i = 0; i < n_x; i++)
        {
          double x = n_x > 1 ? plot.x + inset + i * spacing : plot.x + plot.width / 2.0;
          double y = plot.y + plot.height * (1.0 - ocop_chart_scale_normalize_clamped (&scale, values[i]));

          if (!isfinite (values[i]))
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen = TRUE;
        }
      cairo_set_line_width (cr, lw);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      _ocop_chart_line_dash (&ctx, (int) s, lw);
      ocop_render_color_set_source (cr, &color);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (gsize i = 0; i < n_x; i++)
        {
          double x = n_x > 1 ? plot.x + inset + i * spacing : plot.x + plot.width / 2.0;
          double y = plot.y + plot.height * (1.0 - ocop_chart_scale_normalize_clamped (&scale, values[i]));

          if (!isfinite (values[i]))
            continue;
          cairo_new_path (cr);
          _ocop_chart_marker_path (&ctx, (int) s, x, y, r);
          if (style->print)
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            ocop_render_color_set_source (cr, &color);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, lw * 0.75);
          ocop_render_color_set_source (cr, &color);
          cairo_stroke (cr);
        }
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n_series, ctx.pad, ctx.height - ctx.pad - legend_h,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}
