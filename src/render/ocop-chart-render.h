/* ocop-chart-render.h: the statistics charts, drawn with cairo and Pango
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ocop-render-style.h"

G_BEGIN_DECLS

/* Every chart is a plain model struct of numbers and already translated labels (the
 * renderer needs no database and translates nothing) and one function
 *
 *   ocop_chart_render_<kind> (cr, width, height, style, model)
 *
 * that draws the whole chart, background included, inside 0 … width × 0 … height of
 * the current user space and nowhere else. Text is measured with Pango and shrunk or
 * ellipsized to fit. Numbers use the user interface's number format (decimal comma in
 * Vietnamese). Series are told apart by colour on screen and by grey level, hatching,
 * dashes and marker shape in print (style->print), so greyscale copies stay readable.
 * Titles are optional (NULL): a dashboard card has its own. The cairo state is left as
 * it was. Pointers in the models are borrowed for the call only. */

typedef enum
{
  OCOP_CHART_KIND_STAR_DISTRIBUTION,
  OCOP_CHART_KIND_HISTOGRAM,
  OCOP_CHART_KIND_PART_BREAKDOWN,
  OCOP_CHART_KIND_PROFILE,
  OCOP_CHART_KIND_SPREAD,
  OCOP_CHART_KIND_CATEGORY_BARS,
  OCOP_CHART_KIND_SHARES,
  OCOP_CHART_KIND_LINES,
  OCOP_CHART_KIND_TARGETS,
} OcopChartKind;

/* ---- star distribution: grouped bars, one group per star -------------------------- */

#define OCOP_STAR_CHART_MAX_SERIES 3

typedef struct
{
  const char *title;
  int         first_star;      /* the first group, 1 … 5 (3 for certificates) */
  int         last_star;       /* the last group, first_star … 5 */
  int         n_series;        /* 1 … 3: e.g. ever certified, currently valid, expired */
  const char *series_labels[OCOP_STAR_CHART_MAX_SERIES];
  int         counts[OCOP_STAR_CHART_MAX_SERIES][5];   /* [series][stars - 1] */
} OcopStarDistributionChart;

/* ---- score histogram with the star boundaries --------------------------------------- */

#define OCOP_HISTOGRAM_MAX_BOUNDARIES 8

typedef struct
{
  const char   *title;
  const char   *x_label;          /* "Điểm" or NULL */
  const double *scores;           /* council scores, 0 … 100 */
  gsize         n_scores;
  double        bin_width;        /* 5 or 10 */
  int           n_boundaries;
  double        boundaries[OCOP_HISTOGRAM_MAX_BOUNDARIES];       /* band minimums: 30, 50, 70, 90 */
  const char   *boundary_labels[OCOP_HISTOGRAM_MAX_BOUNDARIES];  /* "2★" … or NULL */
} OcopHistogramChart;

/* ---- part breakdown: stacked horizontal bars of the A/B/C means ---------------------- */

#define OCOP_PART_CHART_MAX_PARTS 4

typedef struct
{
  const char *label;                              /* the product */
  double      values[OCOP_PART_CHART_MAX_PARTS];  /* the part means */
} OcopPartBreakdownRow;

typedef struct
{
  const char                 *title;
  int                         n_parts;                                 /* 1 … 4 */
  const char                 *part_labels[OCOP_PART_CHART_MAX_PARTS];  /* legend */
  double                      part_maxima[OCOP_PART_CHART_MAX_PARTS];  /* 35, 25, 40 */
  const char                 *maxima_label;   /* first row with the maxima, or NULL for none */
  const OcopPartBreakdownRow *rows;
  gsize                       n_rows;
} OcopPartBreakdownChart;

/* ---- a product's profile: sections as shares of their maxima (radar) ---------------- */

#define OCOP_PROFILE_CHART_MIN_AXES 3
#define OCOP_PROFILE_CHART_MAX_AXES 12

typedef struct
{
  const char *label;     /* the section */
  double      value;     /* its score */
  double      maximum;   /* its maximum, > 0 */
} OcopProfileAxis;

typedef struct
{
  const char            *title;
  const OcopProfileAxis *axes;     /* clockwise from the top */
  gsize                  n_axes;   /* 3 … 12; otherwise only the title is drawn */
} OcopProfileChart;

/* ---- member spread: each member's total per product, the mean and the band ---------- */

typedef struct
{
  const char   *label;      /* the product */
  const double *totals;     /* each member's total */
  gsize         n_totals;
} OcopSpreadRow;

typedef struct
{
  const char          *title;
  double               spread_limit;   /* 10: the band is mean ± limit; a row whose
                                        * highest − lowest total exceeds it is flagged */
  const char          *member_label;   /* legend for the dots, or NULL */
  const char          *mean_label;     /* legend, or NULL */
  const char          *band_label;     /* legend, or NULL */
  const char          *flag_label;     /* legend for the flag, or NULL */
  const OcopSpreadRow *rows;
  gsize                n_rows;
} OcopSpreadChart;

/* ---- bars by category (locality, product group), sorted descending ----------------- */

typedef struct
{
  const char *label;
  double      value;
} OcopChartItem;

typedef struct
{
  const char          *title;
  const OcopChartItem *items;       /* any order: drawn largest first */
  gsize                n_items;
  int                  decimals;    /* of the value labels */
} OcopCategoryBarsChart;

/* ---- shares (producer type): a 100 % bar with percentages --------------------------- */

typedef struct
{
  const char          *title;
  const OcopChartItem *items;       /* amounts; drawn in the given order */
  gsize                n_items;
  int                  decimals;    /* of the percentages: 1 gives "38,8 %" */
} OcopSharesChart;

/* ---- lines over the years ------------------------------------------------------------ */

typedef struct
{
  const char   *label;    /* legend */
  const double *values;   /* one per x label; NaN where there is no figure */
} OcopLineSeries;

typedef struct
{
  const char            *title;
  const char * const    *x_labels;   /* "2019", "2020", … */
  gsize                  n_x;
  const OcopLineSeries  *series;
  gsize                  n_series;   /* a legend is drawn when there are two or more */
} OcopLinesChart;

/* ---- targets: target vs achieved ----------------------------------------------------- */

typedef struct
{
  const char *label;      /* "Sản phẩm OCOP mới từ 3 sao" */
  const char *deadline;   /* "Hạn: 2025" or NULL */
  double      target;     /* > 0 */
  double      achieved;
  gboolean    percent;    /* the figures are percentages ("40 %") */
  int         decimals;
} OcopTargetRow;

typedef struct
{
  const char          *title;
  const char          *target_label;     /* legend, or NULL */
  const char          *achieved_label;   /* legend, or NULL */
  const OcopTargetRow *rows;
  gsize                n_rows;
} OcopTargetsChart;

/* ---- rendering ----------------------------------------------------------------------- */

void     ocop_chart_render_star_distribution (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopStarDistributionChart *model);
void     ocop_chart_render_histogram         (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopHistogramChart        *model);
void     ocop_chart_render_part_breakdown    (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopPartBreakdownChart    *model);
void     ocop_chart_render_profile           (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopProfileChart          *model);
void     ocop_chart_render_spread            (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopSpreadChart           *model);
void     ocop_chart_render_category_bars     (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopCategoryBarsChart     *model);
void     ocop_chart_render_shares            (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopSharesChart           *model);
void     ocop_chart_render_lines             (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopLinesChart            *model);
void     ocop_chart_render_targets           (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopTargetsChart          *model);

/* Any of the above by kind; @model must point to the kind's struct. */
void     ocop_chart_render                   (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              OcopChartKind                    kind,
                                              gconstpointer                    model);

/* Geometry the UI needs for tooltips and the tests for checking: the radar's centre
 * and the radius of 100 %, as ocop_chart_render_profile () lays them out on @cr. */
gboolean ocop_chart_profile_get_geometry     (cairo_t                         *cr,
                                              double                           width,
                                              double                           height,
                                              const OcopRenderStyle           *style,
                                              const OcopProfileChart          *model,
                                              double                          *center_x,
                                              double                          *center_y,
                                              double                          *radius);

/* The fill of series @index (0 is the style's accent). In print it is a grey, and
 * series from 2 on are also hatched, which this colour does not show. */
void     ocop_chart_get_series_color         (const OcopRenderStyle           *style,
                                              int                              index,
                                              OcopRenderColor                 *color);

/* @color mixed into the background at @fraction (0: the background, 1: the series
 * colour), as the spread band (0.2), the radar's area (0.3) and the targets' track. */
void     ocop_chart_get_series_tint          (const OcopRenderStyle           *style,
                                              int                              index,
                                              double                           fraction,
                                              OcopRenderColor                 *color);

/* ---- export -------------------------------------------------------------------------- */

#define OCOP_CHART_ERROR (ocop_chart_error_quark ())

typedef enum
{
  OCOP_CHART_ERROR_INVALID_SIZE,   /* width or height not positive or too large */
  OCOP_CHART_ERROR_FORMAT,         /* no such format, or none could be guessed */
  OCOP_CHART_ERROR_FAILED,         /* cairo could not draw or write the file */
} OcopChartError;

typedef enum
{
  OCOP_CHART_FORMAT_PNG,
  OCOP_CHART_FORMAT_SVG,
  OCOP_CHART_FORMAT_PDF,
} OcopChartFormat;

typedef void (*OcopChartRenderFunc) (cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const OcopRenderStyle *style,
                                     gpointer               user_data);

GQuark   ocop_chart_error_quark              (void);
gboolean ocop_chart_format_from_path         (const char                      *path,
                                              OcopChartFormat                 *format);
gboolean ocop_chart_export_func              (OcopChartRenderFunc              func,
                                              gpointer                         user_data,
                                              const OcopRenderStyle           *style,
                                              double                           width,
                                              double                           height,
                                              OcopChartFormat                  format,
                                              const char                      *path,
                                              GError                         **error);
gboolean ocop_chart_export                   (OcopChartKind                    kind,
                                              gconstpointer                    model,
                                              const OcopRenderStyle           *style,
                                              double                           width,
                                              double                           height,
                                              OcopChartFormat                  format,
                                              const char                      *path,
                                              GError                         **error);

G_END_DECLS
