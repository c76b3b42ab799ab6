/* ocop-chart-private.h: layout and drawing helpers shared by the chart renderers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ocop-chart-render.h"
#include "ocop-chart-scale.h"

G_BEGIN_DECLS

/* One chart being drawn: the target, the canvas size and the sizes derived from it. */
typedef struct
{
  cairo_t               *cr;
  const OcopRenderStyle *style;
  double                 width;
  double                 height;
  double                 font_size;   /* body text, scaled with the canvas */
  double                 small_size;  /* tick and value labels */
  double                 pad;         /* outer margin and the usual gap */
  gboolean               dark;        /* a dark background */
} OcopChartCtx;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} OcopChartRect;

/* What a legend entry's swatch looks like. */
typedef enum
{
  OCOP_CHART_SWATCH_BOX,      /* a filled box in the series' fill */
  OCOP_CHART_SWATCH_OUTLINE,  /* an empty box edged in the foreground */
  OCOP_CHART_SWATCH_LINE,     /* a line with the series' marker, as in line charts */
  OCOP_CHART_SWATCH_TINT,     /* a box in the series' tint (bands, areas) */
  OCOP_CHART_SWATCH_MARK,     /* a short vertical bar in the foreground (a mean) */
  OCOP_CHART_SWATCH_DOT,      /* a dot in the series' fill */
  OCOP_CHART_SWATCH_FLAG,     /* the warning triangle */
} OcopChartSwatch;

typedef struct
{
  const char      *label;
  OcopChartSwatch  swatch;
  int              series;
} OcopChartLegendEntry;

void     _ocop_chart_begin               (OcopChartCtx               *ctx,
                                          cairo_t                    *cr,
                                          double                      width,
                                          double                      height,
                                          const OcopRenderStyle      *style);
void     _ocop_chart_end                 (OcopChartCtx               *ctx);

double   _ocop_chart_snap                (double                      v);
void     _ocop_chart_set_color           (OcopChartCtx               *ctx,
                                          const OcopRenderColor      *color,
                                          double                      alpha);

/* Text. @xalign/@yalign put the anchor at the left/centre/right (0, 0.5, 1) and
 * top/middle/bottom of the text. @max_width > 0 ellipsizes (and wraps up to
 * @max_lines lines). The text is moved inside the canvas if it would stick out and is
 * not drawn at all if it cannot fit. Returns the drawn width. */
PangoLayout *_ocop_chart_layout          (OcopChartCtx               *ctx,
                                          const char                 *text,
                                          double                      size,
                                          gboolean                    bold,
                                          double                      max_width,
                                          int                         max_lines);
void     _ocop_chart_text_size           (OcopChartCtx               *ctx,
                                          const char                 *text,
                                          double                      size,
                                          gboolean                    bold,
                                          double                      max_width,
                                          int                         max_lines,
                                          double                     *width,
                                          double                     *height);
double   _ocop_chart_draw_text           (OcopChartCtx               *ctx,
                                          const char                 *text,
                                          double                      size,
                                          gboolean                    bold,
                                          const OcopRenderColor      *color,
                                          double                      x,
                                          double                      y,
                                          double                      xalign,
                                          double                      yalign,
                                          double                      max_width,
                                          int                         max_lines);

/* The title, if any, at the top; returns the y below it. */
double   _ocop_chart_draw_title          (OcopChartCtx               *ctx,
                                          const char                 *title);

/* Legends flow left to right in rows; height first, then drawing at the bottom. */
double   _ocop_chart_legend_height       (OcopChartCtx               *ctx,
                                          const OcopChartLegendEntry *entries,
                                          gsize                       n_entries,
                                          double                      width);
void     _ocop_chart_draw_legend         (OcopChartCtx               *ctx,
                                          const OcopChartLegendEntry *entries,
                                          gsize                       n_entries,
                                          double                      x,
                                          double                      y,
                                          double                      width);

/* Fills (and in print, hatches and edges) the current path as series @index; the path
 * is consumed. */
void     _ocop_chart_fill_series         (OcopChartCtx               *ctx,
                                          int                         index);
void     _ocop_chart_fill_rect_series    (OcopChartCtx               *ctx,
                                          int                         index,
                                          double                      x,
                                          double                      y,
                                          double                      width,
                                          double                      height);
/* The text colour that reads on series @index's fill. */
void     _ocop_chart_text_on_series      (OcopChartCtx               *ctx,
                                          int                         index,
                                          OcopRenderColor            *color);
void     _ocop_chart_marker_path         (OcopChartCtx               *ctx,
                                          int                         index,
                                          double                      x,
                                          double                      y,
                                          double                      radius);
void     _ocop_chart_line_dash           (OcopChartCtx               *ctx,
                                          int                         index,
                                          double                      line_width);
void     _ocop_chart_draw_flag           (OcopChartCtx               *ctx,
                                          double                      x,
                                          double                      y,
                                          double                      size);

/* Axes. A vertical value axis: grid lines across @plot and labels left of it. */
int      _ocop_chart_ticks_for_length    (OcopChartCtx               *ctx,
                                          double                      length,
                                          double                      per_tick);
double   _ocop_chart_scale_labels_width  (OcopChartCtx               *ctx,
                                          const OcopChartScale       *scale);
void     _ocop_chart_draw_grid_vertical  (OcopChartCtx               *ctx,
                                          const OcopChartScale       *scale,
                                          const OcopChartRect        *plot);
void     _ocop_chart_draw_grid_horizontal (OcopChartCtx              *ctx,
                                           const OcopChartScale      *scale,
                                           const OcopChartRect       *plot,
                                           gboolean                   labels);
void     _ocop_chart_count_scale         (OcopChartScale             *scale,
                                          double                      max_count,
                                          int                         max_ticks);
char    *_ocop_chart_format_score        (double                      value);
double   _ocop_chart_text_height         (OcopChartCtx               *ctx,
                                          double                      size);

G_END_DECLS
