/* ocop-chart-scale.c: chart scales: ranges, round ticks, normalising, number labels
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-scale"

#include "config.h"

#include "ocop-chart-scale.h"

#include <math.h>

/* Divisions like 94 / 20 must not land a hair above or below a whole number. */
#define SCALE_EPSILON 1e-9

static void
scale_set_unit (OcopChartScale *scale)
{
  scale->min = 0.0;
  scale->max = 1.0;
  scale->step = 0.2;
  scale->n_ticks = 6;
  scale->decimals = 1;
}

/**
 * ocop_chart_scale_get_range:
 * @values: (array length=n_values): the data
 * @n_values: how many
 * @min: (out) (optional): the smallest finite value
 * @max: (out) (optional): the largest finite value
 *
 * NaN and infinite values are skipped (a missing year in a line chart is NaN).
 *
 * Returns: %TRUE if there was at least one finite value; %FALSE and 0 … 0 otherwise.
 */
gboolean
ocop_chart_scale_get_range (const double *values,
                            gsize         n_values,
                            double       *min,
                            double       *max)
{
  gboolean found = FALSE;
  double lo = 0.0;
  double hi = 0.0;

  for (gsize i = 0; values != NULL && i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;
      if (!found || values[i] < lo)
        lo = values[i];
      if (!found || values[i] > hi)
        hi = values[i];
      found = TRUE;
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;

  return found;
}

/**
 * ocop_chart_scale_nice_step:
 * @raw_step: the smallest step that would do
 *
 * Returns: the smallest 1, 2 or 5 × 10^n that is >= @raw_step (18.8 → 20, 1.4 → 2,
 *   0.12 → 0.2, 5 → 5); 0 when @raw_step is not a positive finite number.
 */
double
ocop_chart_scale_nice_step (double raw_step)
{
  double magnitude;
  double fraction;

  if (!isfinite (raw_step) || raw_step <= 0.0)
    return 0.0;

  magnitude = pow (10.0, floor (log10 (raw_step)));
  fraction = raw_step / magnitude;

  if (fraction <= 1.0 + SCALE_EPSILON)
    return magnitude;
  if (fraction <= 2.0 + SCALE_EPSILON)
    return 2.0 * magnitude;
  if (fraction <= 5.0 + SCALE_EPSILON)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/**
 * ocop_chart_scale_step_decimals:
 * @step: a tick step
 *
 * Returns: how many digits after the decimal separator show every multiple of @step
 *   exactly: 0 for 20 or 1, 1 for 0.2, 2 for 0.05; 0 for a step that is not positive.
 */
int
ocop_chart_scale_step_decimals (double step)
{
  int decimals = 0;

  if (!isfinite (step) || step <= 0.0)
    return 0;

  /* Count the digits until the step is a whole number; a 1/2/5 × 10^n step needs
   * at most -n of them, but any step works. */
  while (decimals < 15 && fabs (step - round (step)) > SCALE_EPSILON * MAX (1.0, step))
    {
      step *= 10.0;
      decimals++;
    }

  return decimals;
}

static void
scale_set_ticks (OcopChartScale *scale,
                 double          min,
                 double          max,
                 double          step)
{
  double lo = floor (min / step + SCALE_EPSILON) * step;
  double hi = ceil (max / step - SCALE_EPSILON) * step;

  if (hi <= lo)
    hi = lo + step;

  scale->min = lo;
  scale->max = hi;
  scale->step = step;
  scale->n_ticks = (int) round ((hi - lo) / step) + 1;
  scale->decimals = ocop_chart_scale_step_decimals (step);
}

/**
 * ocop_chart_scale_init:
 * @scale: the scale to fill
 * @min: the smallest value to show
 * @max: the largest value to show (swapped with @min if smaller)
 * @max_ticks: the most ticks there is room for, at least 2
 *
 * Picks the smallest 1/2/5 × 10^n step that covers @min … @max in at most @max_ticks
 * ticks, and widens the range to whole steps: 0 … 94 with 6 ticks gives 0, 20, … 100;
 * 0 … 7 gives 0, 2, 4, 6, 8; 0,3 … 0,9 gives 0,2, 0,4, … 1,0. An empty range is widened
 * around its value (0 … 0 becomes 0 … 1).
 *
 * Returns: %TRUE on success; %FALSE, with @scale set to 0 … 1, when @min or @max is not
 *   finite or @max_ticks < 2.
 */
gboolean
ocop_chart_scale_init (OcopChartScale *scale,
                       double          min,
                       double          max,
                       int             max_ticks)
{
  double step;

  g_return_val_if_fail (scale != NULL, FALSE);

  if (!isfinite (min) || !isfinite (max) || max_ticks < 2)
    {
      scale_set_unit (scale);
      return FALSE;
    }

  if (min > max)
    {
      double tmp = min;
      min = max;
      max = tmp;
    }

  if (max - min < SCALE_EPSILON * MAX (1.0, fabs (max)))
    {
      if (min == 0.0)
        max = 1.0;
      else
        {
          double pad = fabs (min) * 0.1;
          min -= pad;
          max += pad;
        }
    }

  step = ocop_chart_scale_nice_step ((max - min) / (max_ticks - 1));
  scale_set_ticks (scale, min, max, step);

  /* Rounding the ends outwards can add a tick; take the next nice step then. */
  while (scale->n_ticks > max_ticks)
    {
      step = ocop_chart_scale_nice_step (step * 1.5);
      scale_set_ticks (scale, min, max, step);
    }

  return TRUE;
}

/**
 * ocop_chart_scale_init_fixed:
 * @scale: the scale to fill
 * @min: the first tick
 * @max: the end of the axis
 * @step: the distance between ticks
 *
 * A scale with given ends and step, as a score axis 0 … 100 in steps of 10. The last
 * tick is the last multiple of @step from @min that is not past @max.
 *
 * Returns: %TRUE on success; %FALSE, with @scale set to 0 … 1, when a value is not
 *   finite, @step <= 0 or @max <= @min.
 */
gboolean
ocop_chart_scale_init_fixed (OcopChartScale *scale,
                             double          min,
                             double          max,
                             double          step)
{
  g_return_val_if_fail (scale != NULL, FALSE);

  if (!isfinite (min) || !isfinite (max) || !isfinite (step) || step <= 0.0 || max <= min)
    {
      scale_set_unit (scale);
      return FALSE;
    }

  scale->min = min;
  scale->max = max;
  scale->step = step;
  scale->n_ticks = (int) floor ((max - min) / step + SCALE_EPSILON) + 1;
  scale->decimals = ocop_chart_scale_step_decimals (step);

  return TRUE;
}

/**
 * ocop_chart_scale_init_for_values:
 * @scale: the scale to fill
 * @values: (array length=n_values): the data; NaN and infinities are skipped
 * @n_values: how many
 * @include_zero: whether the axis must start (or end) at 0, as bar charts need
 * @max_ticks: the most ticks there is room for
 *
 * ocop_chart_scale_init () over the range of @values.
 *
 * Returns: %TRUE on success; %FALSE, with @scale set to 0 … 1, when there is no finite
 *   value or @max_ticks < 2.
 */
gboolean
ocop_chart_scale_init_for_values (OcopChartScale *scale,
                                  const double   *values,
                                  gsize           n_values,
                                  gboolean        include_zero,
                                  int             max_ticks)
{
  double min, max;

  g_return_val_if_fail (scale != NULL, FALSE);

  if (!ocop_chart_scale_get_range (values, n_values, &min, &max))
    {
      scale_set_unit (scale);
      return FALSE;
    }

  if (include_zero)
    {
      min = MIN (min, 0.0);
      max = MAX (max, 0.0);
    }

  return ocop_chart_scale_init (scale, min, max, max_ticks);
}

/**
 * ocop_chart_scale_get_tick:
 * @scale: a scale
 * @index: from 0 to n_ticks - 1
 *
 * Returns: the value of tick @index.
 */
double
ocop_chart_scale_get_tick (const OcopChartScale *scale,
                           int                   index)
{
  g_return_val_if_fail (scale != NULL, 0.0);

  return scale->min + index * scale->step;
}

/**
 * ocop_chart_scale_normalize:
 * @scale: a scale
 * @value: a value
 *
 * Returns: where @value lies on the axis, 0 at min and 1 at max; values outside the
 *   range give numbers outside [0, 1].
 */
double
ocop_chart_scale_normalize (const OcopChartScale *scale,
                            double                value)
{
  g_return_val_if_fail (scale != NULL, 0.0);

  if (scale->max <= scale->min)
    return 0.0;

  return (value - scale->min) / (scale->max - scale->min);
}

/**
 * ocop_chart_scale_normalize_clamped:
 * @scale: a scale
 * @value: a value
 *
 * Returns: ocop_chart_scale_normalize () clamped to [0, 1]; NaN gives 0.
 */
double
ocop_chart_scale_normalize_clamped (const OcopChartScale *scale,
                                    double                value)
{
  double t = ocop_chart_scale_normalize (scale, value);

  if (isnan (t))
    return 0.0;

  return CLAMP (t, 0.0, 1.0);
}

/**
 * ocop_chart_scale_format_tick_in:
 * @scale: a scale
 * @language: whose separators
 * @value: a tick value
 *
 * Returns: (transfer full): @value with the digits the scale's step needs: "0,2" for a
 *   step of 0,2 in Vietnamese, "1.500" for 1500.
 */
char *
ocop_chart_scale_format_tick_in (const OcopChartScale *scale,
                                 OcopTextLanguage      language,
                                 double                value)
{
  g_return_val_if_fail (scale != NULL, NULL);

  return ocop_text_format_number_in (language, value, scale->decimals);
}

/**
 * ocop_chart_scale_format_tick:
 * @scale: a scale
 * @value: a tick value
 *
 * ocop_chart_scale_format_tick_in () in the user interface's language.
 *
 * Returns: (transfer full): the label.
 */
char *
ocop_chart_scale_format_tick (const OcopChartScale *scale,
                              double                value)
{
  return ocop_chart_scale_format_tick_in (scale, OCOP_TEXT_LANGUAGE_UI, value);
}

/**
 * ocop_chart_format_percent_in:
 * @language: whose conventions
 * @percent: the percentage (38.8 for 38.8 %)
 * @decimals: digits after the decimal separator
 *
 * Returns: (transfer full): "38,8 %" in Vietnamese, which puts a space before the
 *   sign; "38.8%" in English.
 */
char *
ocop_chart_format_percent_in (OcopTextLanguage language,
                              double           percent,
                              int              decimals)
{
  g_autofree char *number = ocop_text_format_number_in (language, percent, decimals);
  gboolean vietnamese;

  switch (language)
    {
    case OCOP_TEXT_LANGUAGE_VIETNAMESE:
      vietnamese = TRUE;
      break;
    case OCOP_TEXT_LANGUAGE_ENGLISH:
      vietnamese = FALSE;
      break;
    case OCOP_TEXT_LANGUAGE_UI:
    default:
      vietnamese = ocop_text_is_vietnamese ();
      break;
    }

  /* A no-break space keeps the sign on the number's line. */
  return g_strconcat (number, vietnamese ? "\u00a0%" : "%", NULL);
}

/**
 * ocop_chart_format_percent:
 * @percent: the percentage
 * @decimals: digits after the decimal separator
 *
 * ocop_chart_format_percent_in () in the user interface's language.
 *
 * Returns: (transfer full): the text.
 */
char *
ocop_chart_format_percent (double percent,
                           int    decimals)
{
  return ocop_chart_format_percent_in (OCOP_TEXT_LANGUAGE_UI, percent, decimals);
}

/**
 * ocop_chart_shares:
 * @values: (array length=n_values): non-negative amounts
 * @n_values: how many
 * @percents: (out caller-allocates) (array length=n_values): each value's share of the
 *   total, in percent
 *
 * Returns: %TRUE on success; %FALSE (and @percents all 0) when there is no value, a
 *   value is negative or not finite, or the total is 0.
 */
gboolean
ocop_chart_shares (const double *values,
                   gsize         n_values,
                   double       *percents)
{
  double total = 0.0;

  g_return_val_if_fail (n_values == 0 || (values != NULL && percents != NULL), FALSE);

  for (gsize i = 0; i < n_values; i++)
    percents[i] = 0.0;

  for (gsize i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]) || values[i] < 0.0)
        return FALSE;
      total += values[i];
    }

  if (n_values == 0 || total <= 0.0)
    return FALSE;

  for (gsize i = 0; i < n_values; i++)
    percents[i] = values[i] * 100.0 / total;

  return TRUE;
}

/**
 * ocop_chart_bin_values:
 * @values: (array length=n_values): the data (scores); NaN is skipped
 * @n_values: how many
 * @min: the start of the first bin
 * @max: the end of the last bin
 * @bin_width: the width of each bin (5 or 10 points for scores)
 * @n_bins: (out): how many bins
 *
 * Counts @values in the half-open bins [min, min + w), [min + w, min + 2w), …; the last
 * bin also holds @max itself, so a score of 100 counts in 90–100. Values outside
 * @min … @max are not counted. A score of 49,99 is in 45–50, never in 50–55.
 *
 * Returns: (transfer full) (array length=n_bins): the counts, or %NULL (and 0 bins)
 *   when @bin_width <= 0, @max <= @min or a bound is not finite.
 */
guint *
ocop_chart_bin_values (const double *values,
                       gsize         n_values,
                       double        min,
                       double        max,
                       double        bin_width,
                       gsize        *n_bins)
{
  guint *counts;
  gsize n;

  g_return_val_if_fail (n_bins != NULL, NULL);

  *n_bins = 0;

  if (!isfinite (min) || !isfinite (max) || !isfinite (bin_width) ||
      bin_width <= 0.0 || max <= min)
    return NULL;

  n = (gsize) ceil ((max - min) / bin_width - SCALE_EPSILON);
  if (n == 0)
    n = 1;

  counts = g_new0 (guint, n);

  for (gsize i = 0; values != NULL && i < n_values; i++)
    {
      double v = values[i];
      gsize bin;

      if (!isfinite (v) || v < min || v > max)
        continue;

      bin = (gsize) floor ((v - min) / bin_width);
      if (bin >= n)
        bin = n - 1;
      counts[bin]++;
    }

  *n_bins = n;
  return counts;
}
