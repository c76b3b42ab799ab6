/* ocop-chart-scale.h: chart scales: ranges, round ticks, normalising, number labels
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ocop-text.h"

G_BEGIN_DECLS

/* A linear value axis, as sysprof's SysprofAxis: the data range widened to whole
 * multiples of a "nice" step (1, 2 or 5 × 10^n), so every tick is a round number.
 * A plain struct: copy it with `=`, keep it on the stack. */
typedef struct
{
  double min;        /* first tick, <= the data minimum */
  double max;        /* last tick, >= the data maximum */
  double step;       /* distance between ticks, > 0 */
  int    n_ticks;    /* ticks from min to max inclusive, >= 2 */
  int    decimals;   /* digits after the decimal separator that the tick labels need */
} OcopChartScale;

/* Most ticks a scale gets when the caller has no better idea. */
#define OCOP_CHART_SCALE_DEFAULT_TICKS 6

gboolean  ocop_chart_scale_get_range        (const double         *values,
                                             gsize                 n_values,
                                             double               *min,
                                             double               *max);
double    ocop_chart_scale_nice_step        (double                raw_step);
int       ocop_chart_scale_step_decimals    (double                step);

gboolean  ocop_chart_scale_init             (OcopChartScale       *scale,
                                             double                min,
                                             double                max,
                                             int                   max_ticks);
gboolean  ocop_chart_scale_init_fixed       (OcopChartScale       *scale,
                                             double                min,
                                             double                max,
                                             double                step);
gboolean  ocop_chart_scale_init_for_values  (OcopChartScale       *scale,
                                             const double         *values,
                                             gsize                 n_values,
                                             gboolean              include_zero,
                                             int                   max_ticks);

double    ocop_chart_scale_get_tick         (const OcopChartScale *scale,
                                             int                   index);
double    ocop_chart_scale_normalize        (const OcopChartScale *scale,
                                             double                value);
double    ocop_chart_scale_normalize_clamped (const OcopChartScale *scale,
                                              double                value);
char     *ocop_chart_scale_format_tick      (const OcopChartScale *scale,
                                             double                value);
char     *ocop_chart_scale_format_tick_in   (const OcopChartScale *scale,
                                             OcopTextLanguage      language,
                                             double                value);

/* Percentages: "38,8 %" in Vietnamese (a space before the sign), "38.8%" in English. */
char     *ocop_chart_format_percent         (double                percent,
                                             int                   decimals);
char     *ocop_chart_format_percent_in      (OcopTextLanguage      language,
                                             double                percent,
                                             int                   decimals);
gboolean  ocop_chart_shares                 (const double         *values,
                                             gsize                 n_values,
                                             double               *percents);

guint    *ocop_chart_bin_values             (const double         *values,
                                             gsize                 n_values,
                                             double                min,
                                             double                max,
                                             double                bin_width,
                                             gsize                *n_bins);

G_END_DECLS
