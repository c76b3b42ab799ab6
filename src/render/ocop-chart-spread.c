/* ocop-chart-spread.c: member spread: each member's total per product, the mean, the band
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

/* The same allowance as the rating engine: scores have two decimals, so a spread of
 * exactly the limit stored as 10.000000001 is not over it. */
#define SPREAD_NOISE 0.005

static gboolean
row_stats (const OcopSpreadRow *row,
           double              *mean,
           double              *spread)
{
  double lo, hi, sum = 0;
  gsize n = 0;

  if (!ocop_chart_scale_get_range (row->totals, row->n_totals, &lo, &hi))
    return FALSE;

  for (gsize i = 0; i < row->n_totals; i++)
    if (isfinite (row->totals[i]))
      {
        sum += row->totals[i];
        n++;
      }

  *mean = sum / n;
  *spread = hi - lo;
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/**
 * ocop_chart_render_spread:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the members' totals per product
 *
 * One row per product on a shared score axis: the band mean ± spread_limit shaded (cut
 * at 0 and 100 for a mean in 0 … 100, as scores cannot pass them), the
 * mean as a vertical mark, each member's total as a dot (dots that would overlap move
 * up and down), and "Δ spread" at the end of the row. A product whose highest and
 * lowest totals differ by more than spread_limit gets the warning triangle before its
 * name and a bold Δ in the error colour: the council must discuss and rescore it.
 */
void
ocop_chart_render_spread (cairo_t               *cr,
                          double                 width,
                          double                 height,
                          const OcopRenderStyle *style,
                          const OcopSpreadChart *model)
{
  OcopChartCtx ctx;
  OcopChartLegendEntry legend[4];
  gsize n_legend = 0;
  OcopChartScale scale;
  OcopChartRect plot;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  double top, bottom, legend_h = 0, text_h, row_h, label_size, label_w = 0, delta_w = 0, flag_s;
  double limit = model != NULL && model->spread_limit > 0 ? model->spread_limit : 0.0;
  gsize n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  top = _ocop_chart_draw_title (&ctx, model->title);

  if (model->member_label != NULL)
    legend[n_legend++] = (OcopChartLegendEntry) { model->member_label, OCOP_CHART_SWATCH_DOT, 0 };
  if (model->mean_label != NULL)
    legend[n_legend++] = (OcopChartLegendEntry) { model->mean_label, OCOP_CHART_SWATCH_MARK, 0 };
  if (model->band_label != NULL)
    legend[n_legend++] = (OcopChartLegendEntry) { model->band_label, OCOP_CHART_SWATCH_TINT, 0 };
  if (model->flag_label != NULL)
    legend[n_legend++] = (OcopChartLegendEntry) { model->flag_label, OCOP_CHART_SWATCH_FLAG, 0 };

  bottom = ctx.height - ctx.pad;
  if (n_legend > 0)
    {
      legend_h = _ocop_chart_legend_height (&ctx, legend, n_legend, ctx.width - 2 * ctx.pad);
      bottom -= legend_h + ctx.pad * 0.6;
    }
  text_h = _ocop_chart_text_height (&ctx, ctx.small_size);
  bottom -= text_h + ctx.pad * 0.3;

  n = model->rows != NULL ? model->n_rows : 0;
  if (n == 0)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  row_h = (bottom - top) / n;
  label_size = MIN (ctx.small_size, row_h * 0.55);
  flag_s = label_size;

  for (gsize i = 0; i < n; i++)
    {
      const OcopSpreadRow *row = &model->rows[i];
      double mean, spread, w, h;

      /* Bold, as a flagged row's name is. */
      _ocop_chart_text_size (&ctx, row->label, label_size, TRUE, 0, 1, &w, &h);
      label_w = MAX (label_w, w);

      if (!row_stats (row, &mean, &spread))
        continue;
      {
        g_autofree char *s = _ocop_chart_format_score (spread);
        g_autofree char *delta = g_strconcat ("Δ ", s, NULL);
        double lo = mean - limit, hi = mean + limit;

        /* Scores: the band stops at 0 and 100 when the totals are scores. */
        if (mean >= 0 && mean <= 100)
          {
            lo = MAX (lo, 0.0);
            hi = MIN (hi, 100.0);
          }

        _ocop_chart_text_size (&ctx, delta, label_size, TRUE, 0, 1, &w, &h);
        delta_w = MAX (delta_w, w);
        g_array_append_val (all, lo);
        g_array_append_val (all, hi);
      }
      for (gsize k = 0; k < row->n_totals; k++)
        g_array_append_val (all, row->totals[k]);
    }
  label_w = MIN (label_w + flag_s * 1.4, (ctx.width - 2 * ctx.pad) * 0.34);

  plot.x = ctx.pad + label_w + ctx.pad * 0.5;
  plot.y = top;
  plot.width = ctx.width - ctx.pad - delta_w - ctx.pad * 0.6 - plot.x;
  plot.height = bottom - top;

  if (plot.width < MIN_PLOT || plot.height < MIN_PLOT || all->len == 0)
    {
      _ocop_chart_end (&ctx);
      return;
    }

  ocop_chart_scale_init_for_values (&scale, (const double *) all->data, all->len, FALSE,
                                    _ocop_chart_ticks_for_length (&ctx, plot.width,
                                                                  ctx.font_size * 3.5));
  _ocop_chart_draw_grid_horizontal (&ctx, &scale, &plot, TRUE);

  for (gsize i = 0; i < n; i++)
    {
      const OcopSpreadRow *row = &model->rows[i];
      double cy = plot.y + (i + 0.5) * row_h;
      double mean, spread;
      gboolean flagged;
      double r = MAX (MIN (row_h * 0.14, ctx.font_size * 0.4), 1.5);
      g_autofree double *sorted = NULL;
      double prev_x = -G_MAXDOUBLE;
      int lane = 0;
      OcopRenderColor tint, dot;

      if (!row_stats (row, &mean, &spread))
        {
          _ocop_chart_draw_text (&ctx, row->label, label_size, FALSE, &style->foreground,
                                 plot.x - ctx.pad * 0.5, cy, 1.0, 0.5, label_w, 1);
          continue;
        }
      flagged = spread > limit + SPREAD_NOISE;

      if (flagged)
        {
          double lw, lh;

          _ocop_chart_text_size (&ctx, row->label, label_size, TRUE, label_w - flag_s * 1.4, 1,
                                 &lw, &lh);
          _ocop_chart_draw_flag (&ctx, plot.x - ctx.pad * 0.5 - lw - flag_s * 1.3,
                                 cy - flag_s / 2.0, flag_s);
        }
      _ocop_chart_draw_text (&ctx, row->label, label_size, flagged, &style->foreground,
                             plot.x - ctx.pad * 0.5, cy, 1.0, 0.5, label_w - flag_s * 1.4, 1);

      /* The band. */
      if (limit > 0)
        {
          double lo = mean - limit, hi = mean + limit;
          double x0, x1;

          double y0 = _ocop_chart_snap (cy - row_h * 0.36);
          double y1 = _ocop_chart_snap (cy + row_h * 0.36);

          if (mean >= 0 && mean <= 100)
            {
              lo = MAX (lo, 0.0);
              hi = MIN (hi, 100.0);
            }
          x0 = _ocop_chart_snap (plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, lo));
          x1 = _ocop_chart_snap (plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, hi));

          if (style->print)
            ocop_render_color_init (&tint, 0.85, 0.85, 0.85, 1);
          else
            ocop_chart_get_series_tint (style, 0, 0.2, &tint);
          cairo_new_path (cr);
          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
          ocop_render_color_set_source (cr, &tint);
          cairo_fill (cr);
        }

      /* The mean. */
      {
        double xm = plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, mean);
        double mw = MAX (2.0, round (ctx.font_size / 7.0));

        cairo_new_path (cr);
        cairo_rectangle (cr, _ocop_chart_snap (xm - mw / 2.0), _ocop_chart_snap (cy - row_h * 0.42),
                         mw, _ocop_chart_snap (row_h * 0.84));
        ocop_render_color_set_source (cr, &style->foreground);
        cairo_fill (cr);
      }

      /* The members, left to right; a dot that would touch the one before moves to the
       * next lane (up, down, further up, …) so every member stays visible. */
      sorted = g_memdup2 (row->totals, row->n_totals * sizeof (double));
      qsort (sorted, row->n_totals, sizeof (double), compare_double);
      if (style->print)
        ocop_render_color_init (&dot, 0, 0, 0, 1);
      else
        ocop_chart_get_series_color (style, 0, &dot);
      for (gsize k = 0; k < row->n_totals; k++)
        {
          double x, dy;

          if (!isfinite (sorted[k]))
            continue;
          x = plot.x + plot.width * ocop_chart_scale_normalize_clamped (&scale, sorted[k]);
          lane = (x - prev_x < r * 1.6) ? lane + 1 : 0;
          prev_x = x;
          dy = ((lane + 1) / 2) * r * 1.3 * (lane % 2 == 1 ? -1 : 1);
          dy = CLAMP (dy, -row_h * 0.4 + r, row_h * 0.4 - r);

          cairo_new_path (cr);
          cairo_arc (cr, x, cy + dy, r, 0, 2 * G_PI);
          ocop_render_color_set_source (cr, &dot);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1.0);
          ocop_render_color_set_source (cr, &style->background);
          cairo_stroke (cr);
        }

      {
        g_autofree char *s = _ocop_chart_format_score (spread);
        g_autofree char *delta = g_strconcat ("Δ ", s, NULL);
        const OcopRenderColor *c = flagged && !style->print ? &style->error : &style->foreground;

        _ocop_chart_draw_text (&ctx, delta, label_size, flagged, c,
                               plot.x + plot.width + ctx.pad * 0.6, cy, 0.0, 0.5, 0, 1);
      }
    }

  if (legend_h > 0)
    _ocop_chart_draw_legend (&ctx, legend, n_legend, ctx.pad, ctx.height - ctx.pad - legend_h,
                             ctx.width - 2 * ctx.pad);

  _ocop_chart_end (&ctx);
}
