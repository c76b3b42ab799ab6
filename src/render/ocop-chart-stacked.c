/* ocop-chart-stacked.c: stacked and progress bars: part breakdown, shares, targets
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

#define MIN_PLOT 16.0

/* A label inside a filled segment, if it fits; in print on a white patch so it reads
 * over the hatching. */
static void
segment_label (OcopChartCtx *ctx,
               int           series,
               const char   *text,
               double        size,
               double        x0,
               double        x1,
               double        cy)
{
  OcopRenderColor color;
  double w, h;

  _ocop_chart_text_size (ctx, text, size, FALSE, 0, 1, &w, &h);
  if (w > (x1 - x0) - size * 0.5 || size < 6.0)
    return;

  if (ctx->style->print)
    {
      double px = size * 0.2;

      cairo_new_path (ctx->cr);
      cairo_rectangle (ctx->cr, (x0 + x1 - w) / 2.0 - px, cy - h / 2.0, w + 2 * px, h);
      cairo_set_source_rgb (ctx->cr, 1, 1, 1);
      cairo_fill (ctx->cr);
      ocop_render_color_init (&color, 0, 0, 0, 1);
    }
  else
    _ocop_chart_text_on_series (ctx, series, &color);

  _ocop_chart_draw_text (ctx, text, size, FALSE, &color, (x0 + x1) / 2.0, cy, 0.5, 0.5, 0, 1);
}

/* ---- part breakdown ------------------------------------------------------------------------ */

/**
 * ocop_chart_render_part_breakdown:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the products' part means and the part maxima
 *
 * One horizontal bar per product, its parts (A, B, C) stacked left to right on a
 * 0 … sum-of-maxima axis, each segment labelled with its mean and the bar with its total.
 * With maxima_label set, a first row shows the maxima as outlined segments, so each
 * part can be read against its maximum. A legend names the parts.
 */
void
ocop_chart_render_part_breakdown (cairo_t                      *cr,
                                  double                        width,
                                  double                        height,
                                  const OcopRenderStyle         *style,
                                  const OcopPartBreakdownChart  *model)
{
  OcopChartCtx ctx;
  OcopChartLegendEntry legend[OCOP_PART_CHART_MAX_PARTS];
  OcopChartScale scale;
  OcopChartRect plot;
  double top, bottom, legend_h, text_h, row_h, label_size, label_w = 0, total_w = 0;
  double max_total = 0;
  gboolean maxima_row;
  gsize n_rows, n_lines;
  int n_parts;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  n_parts = CLAMP (model->n_parts, 1, OCOP_PART_CHART_MAX_PARTS);
  n_rows = model->rows != NULL ? model->n_rows : 0;
  maxima_row = model->maxima_label != NULL;
  n_lines = n_rows + (maxima_row ? 1 : 0);

  for (int p = 0; p < n_parts; p++)
    {
      legend[p].label = model->part_labels[p];
      legend[p].swatch = OCOP_CHART_SWATCH_BOX;
      legend[p].series = p;
      max_total += MAX (model->part_maxima[p], 0.0);
    }
  for (gsize r = 0; r < n_rows; r++)
    {
      double t = 0;

      for (int p = 0; p < n_parts; p++)
        t += MAX (model->rows[r].values[p], 0.0);
      max_total = MAX (max_total, t);
    }

  bottom = ctx.height - ctx.pad;
  legend_h = _ocop_chart_legend_height (&ctx, legend, n_parts, ctx.width - 2 * ctx.pad);
  if (legend_h > 0)
    bottom -= legend_h + ctx.pad * 0.6;
  text_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  bottom -= text_h + ctx.pad * 0.3;

  if (n_lines == 0)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  row_h = (bottom - top) / n_lines;
  label_size = MIN (ctx.small_size, row_h * 0.55);

  for (gsize i = 0; i < n_lines; i++)
    {
      const char *label = (maxima_row && i == 0) ? model->maxima_label
                                                  : model->rows[i - (maxima_row ? 1 : 0)].label;
      double w, h;

      _ocop_chart_text_size (&ctx, label, label_size, FALSE, 0, 1, &w, &h);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, (ctx.width - 2 * ctx.pad) * 0.34);
  {
    g_autofree char *widest = ocop_text_format_number (max_total, 1);
    double h;

    _ocop_chart_text_size (&ctx, widest, label_size, TRUE, 0, 1, &total_w, &h);
  }

  plot.x = ctx.pad + label_w + ctx.pad * 0.5;
  plot.y = top;
  plot.width = ctx.width - ctx.pad - total_w - ctx.pad * 0.4 - plot.x;
  plot.height = bottom - top;

  if (plot.width < MIN_PLOT || plot.height < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  ocop_chart_scale_init (&scale, 0.0, MAX (max_total, 1.0),
                         _ocop_chart_ticks_for_length (&ctx, plot.width, ctx.font_size * 4.0));
  _ocop_chart_draw_grid_horizontal (&ctx, &scale, &plot, TRUE);

  for (gsize i = 0; i < n_lines; i++)
    {
      gboolean is_maxima = maxima_row && i == 0;
      const OcopPartBreakdownRow *row = is_maxima ? NULL : &model->rows[i - (maxima_row ? 1 : 0)];
      double cy = plot.y + (i + 0.5) * row_h;
      double bar_h = row_h * 0.62;
      double y0 = _ocop_chart_snap (cy - bar_h / 2.0);
      double y1 = _ocop_chart_snap (cy + bar_h / 2.0);
      double sum = 0;
      double x_end = plot.x;

      _ocop_chart_draw_text (&ctx, is_maxima ? model->maxima_label : row->label, label_size,
                             is_maxima, &style->foreground, plot.x - ctx.pad * 0.5, cy, 1.0, 0.5,
                             label_w, 1);

      for (int p = 0; p < n_parts; p++)
        {
          double v = MAX (is_maxima ? model->part_maxima[p] : row->values[p], 0.0);
          double x0 = _ocop_chart_snap (plot.x + plot.width * ocop_chart_scale_normalize (&scale, sum));
          double x1 = _ocop_chart_snap (plot.x + plot.width * ocop_chart_scale_normalize (&scale, sum + v));
          g_autofree char *label = ocop_text_format_number (v, is_maxima ? 0 : 1);

          sum += v;
          x_end = x1;
          if (x1 - x0 < 0.5)
            continue;

          if (is_maxima)
            {
              OcopRenderColor tint;

              cairo_new_path (cr);
              cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, x1 - x0 - 1, y1 - y0 - 1);
              if (!style->print)
                {
                  ocop_chart_get_series_tint (style, p, 0.18, &tint);
                  ocop_render_color_set_source (cr, &tint);
                  cairo_fill_preserve (cr);
                }
              cairo_set_line_width (cr, 1.0);
              _ocop_chart_set_color (&ctx, &style->foreground, style->print ? 1.0 : 0.6);
              cairo_stroke (cr);
              _ocop_chart_draw_text (&ctx, label, label_size, FALSE, &style->foreground,
                                     (x0 + x1) / 2.0, cy, 0.5, 0.5, x1 - x0 - 2, 1);
            }
          else
            {
              _ocop_chart_fill_rect_series (&ctx, p, x0, y0, x1 - x0, y1 - y0);
              segment_label (&ctx, p, label, label_size, x0, x1, cy);
            }
        }

      {
        g_autofree char *total = ocop_text_format_number (sum, is_maxima ? 0 : 1);

        _ocop_chart_draw_text (&ctx, total, label_size, TRUE, &style->foreground,
                               x_end + ctx.pad * 0.3, cy, 0.0, 0.5, 0, 1);
      }
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n_parts, ctx.pad, ctx.height - ctx.pad - legend_h,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}

/* ---- shares ---------------------------------------------------------------------------------- */

/**
 * ocop_chart_render_shares:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the amounts
 *
 * A 100 % bar: one segment per item in the given order, as wide as its share, with its
 * percentage inside when it fits ("38,8 %"); a legend below names every item with its
 * percentage, so thin segments can still be read.
 */
void
ocop_chart_render_shares (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const OcopRenderStyle  *style,
                          const OcopSharesChart  *model)
{
  OcopChartCtx ctx;
  g_autofree OcopChartLegendEntry *legend = NULL;
  g_autofree double *values = NULL;
  g_autofree double *percents = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  double top, bottom, legend_h, bar_h, x0, bar_w, y0, sum = 0;
  gboolean ok;
  gsize n;
  int decimals;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  n = model->items != NULL ? model->n_items : 0;
  decimals = CLAMP (model->decimals, 0, 3);
  values = g_new0 (double, MAX (n, 1));
  percents = g_new0 (double, MAX (n, 1));
  legend = g_new0 (OcopChartLegendEntry, MAX (n, 1));
  labels = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < n; i++)
    values[i] = model->items[i].value;
  ok = ocop_chart_shares (values, n, percents);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *pct = ocop_chart_format_percent (percents[i], decimals);
      char *label = g_strdup_printf ("%s  %s", model->items[i].label != NULL ? model->items[i].label : "", pct);

      g_ptr_array_add (labels, label);
      legend[i].label = label;
      legend[i].swatch = OCOP_CHART_SWATCH_BOX;
      legend[i].series = (int) i;
    }

  bottom = ctx.height - ctx.pad;
  legend_h = _ocop_chart_legend_height (&ctx, legend, n, ctx.width - 2 * ctx.pad);

  x0 = ctx.pad;
  bar_w = _ocop_chart_snap (ctx.width - 2 * ctx.pad);
  bar_h = MIN ((bottom - top - legend_h) * 0.6, ctx.font_size * 3.2);
  if (bar_h < 4.0 || bar_w < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }
  /* Bar and legend as one block, centred in the space left. */
  y0 = _ocop_chart_snap (top + MAX ((bottom - top - bar_h - ctx.pad - legend_h) / 2.0, 0.0));

  if (!ok)
    {
      cairo_new_path (cr);
      cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, bar_w - 1, bar_h - 1);
      cairo_set_line_width (cr, 1.0);
      _ocop_chart_set_color (&ctx, &style->muted, 1.0);
      cairo_stroke (cr);
    }
  else
    {
      for (gsize i = 0; i < n; i++)
        {
          double a = _ocop_chart_snap (x0 + bar_w * sum / 100.0);
          double b = _ocop_chart_snap (x0 + bar_w * (sum + percents[i]) / 100.0);
          g_autofree char *pct = ocop_chart_format_percent (percents[i], decimals);

          sum += percents[i];
          if (b - a < 0.5)
            continue;
          _ocop_chart_fill_rect_series (&ctx, (int) i, a, y0, b - a, bar_h);
          segment_label (&ctx, (int) i, pct, ctx.font_size, a, b, y0 + bar_h / 2.0);
        }
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n, ctx.pad, y0 + bar_h + ctx.pad,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}

/* ---- targets --------------------------------------------------------------------------------- */

static char *
format_figure (const OcopTargetRow *row,
               double               value)
{
  int decimals = CLAMP (row->decimals, 0, 3);

  if (row->percent)
    return ocop_chart_format_percent (value, decimals);
  return ocop_text_format_number (value, decimals);
}

static char *
format_progress (const OcopTargetRow *row)
{
  g_autofree char *achieved = format_figure (row, row->achieved);
  g_autofree char *target = format_figure (row, row->target);
  g_autofree char *pct = NULL;

  if (row->target > 0 && isfinite (row->achieved))
    pct = ocop_chart_format_percent (100.0 * row->achieved / row->target, 0);
  else
    pct = g_strdup ("–");

  /* Figures and signs only: nothing to translate. */
  return g_strdup_printf ("%s / %s · %s", achieved, target, pct);
}

/**
 * ocop_chart_render_targets:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the programme targets
 *
 * One row per target: its label and, right-aligned, its deadline text; below them a
 * track as long as the target, filled as far as the achieved figure (a target met is
 * filled in the success colour), and "achieved / target · 64 %" after it.
 */
void
ocop_chart_render_targets (cairo_t                 *cr,
                           double                   width,
                           double                   height,
                           const OcopRenderStyle   *style,
                           const OcopTargetsChart  *model)
{
  OcopChartCtx ctx;
  OcopChartLegendEntry legend[2];
  gsize n_legend = 0;
  double top, bottom, legend_h = 0, row_h, text_size, text_h, value_w = 0, track_w;
  gsize n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  if (model->target_label != NULL)
    {
      legend[n_legend].label = model->target_label;
      legend[n_legend].swatch = OCOP_CHART_SWATCH_OUTLINE;
      legend[n_legend++].series = 0;
    }
  if (model->achieved_label != NULL)
    {
      legend[n_legend].label = model->achieved_label;
      legend[n_legend].swatch = OCOP_CHART_SWATCH_BOX;
      legend[n_legend++].series = 0;
    }

  bottom = ctx.height - ctx.pad;
  if (n_legend > 0)
    {
      legend_h = _ocop_chart_legend_height (&ctx, legend, n_legend, ctx.width - 2 * ctx.pad);
      bottom -= legend_h + ctx.pad * 0.6;
    }

  n = model->rows != NULL ? model->n_rows : 0;
  if (n == 0 || bottom - top < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  row_h = (bottom - top) / n;
  /* A row holds a line of text and a bar about as tall as the text. */
  text_size = MIN (ctx.small_size, row_h / 2.9);
  text_h = _ocop_chart_text_height (&ctx, text_size);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *progress = format_progress (&model->rows[i]);
      double w, h;

      _ocop_chart_text_size (&ctx, progress, text_size, TRUE, 0, 1, &w, &h);
      value_w = MAX (value_w, w);
    }
  value_w = MIN (value_w, (ctx.width - 2 * ctx.pad) * 0.45);
  track_w = _ocop_chart_snap (ctx.width - 2 * ctx.pad - value_w - ctx.pad * 0.5);

  if (track_w < MIN_PLOT)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      const OcopTargetRow *row = &model->rows[i];
      double ry = top + i * row_h;
      double bar_h = MIN (row_h - text_h - ctx.pad * 0.9, text_h * 1.1);
      double x0 = ctx.pad;
      double y0 = _ocop_chart_snap (ry + text_h + ctx.pad * 0.25);
      double y1 = _ocop_chart_snap (y0 + bar_h);
      double ratio = row->target > 0 && isfinite (row->achieved)
                     ? CLAMP (row->achieved / row->target, 0.0, 1.0) : 0.0;
      gboolean met = row->target > 0 && row->achieved >= row->target;
      double xf = _ocop_chart_snap (x0 + track_w * ratio);
      g_autofree char *progress = format_progress (row);
      double deadline_w = 0, dh;
      OcopRenderColor tint;

      if (row->deadline != NULL)
        _ocop_chart_text_size (&ctx, row->deadline, text_size, FALSE,
                               (ctx.width - 2 * ctx.pad) * 0.4, 1, &deadline_w, &dh);
      _ocop_chart_draw_text (&ctx, row->label, text_size, FALSE, &style->foreground,
                             ctx.pad, ry, 0.0, 0.0,
                             ctx.width - 2 * ctx.pad - deadline_w - ctx.pad, 1);
      if (row->deadline != NULL)
        _ocop_chart_draw_text (&ctx, row->deadline, text_size, FALSE, &style->foreground,
                               ctx.width - ctx.pad, ry, 1.0, 0.0,
                               (ctx.width - 2 * ctx.pad) * 0.4, 1);

      if (y1 - y0 < 2.0)
        continue;

      /* The track: the whole target. */
      cairo_new_path (cr);
      cairo_rectangle (cr, x0, y0, track_w, y1 - y0);
      if (style->print)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        {
          ocop_chart_get_series_tint (style, 0, 0.15, &tint);
          ocop_render_color_set_source (cr, &tint);
        }
      cairo_fill (cr);

      /* What is achieved. */
      if (xf - x0 >= 0.5)
        {
          if (met && !style->print)
            {
              cairo_new_path (cr);
              cairo_rectangle (cr, x0, y0, xf - x0, y1 - y0);
              ocop_render_color_set_source (cr, &style->success);
              cairo_fill (cr);
            }
          else
            _ocop_chart_fill_rect_series (&ctx, 0, x0, y0, xf - x0, y1 - y0);
        }

      cairo_new_path (cr);
      cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, track_w - 1, y1 - y0 - 1);
      cairo_set_line_width (cr, 1.0);
      _ocop_chart_set_color (&ctx, &style->foreground, style->print ? 1.0 : 0.45);
      cairo_stroke (cr);

      _ocop_chart_draw_text (&ctx, progress, text_size, TRUE, &style->foreground,
                             x0 + track_w + ctx.pad * 0.5, (y0 + y1) / 2.0, 0.0, 0.5,
                             value_w, 1);
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n_legend, ctx.pad, ctx.height - ctx.pad - legend_h,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}
