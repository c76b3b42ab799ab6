/* test-chart-scale.c: chart scales: ranges, round ticks, normalising, labels, bins
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib.h>

#include "ocop-chart-scale.h"

static void
assert_ticks (const OcopChartScale *scale,
              const double         *expected,
              int                   n_expected)
{
  g_assert_cmpint (scale->n_ticks, ==, n_expected);
  for (int i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (ocop_chart_scale_get_tick (scale, i), expected[i], 1e-9);
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (18.8), 20.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (1.4), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (0.12), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (5.0), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (7.0), 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (1.0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (2500.0), 5000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_nice_step (0.001), 0.001, 1e-15);

  /* Nothing sensible to round. */
  g_assert_cmpfloat (ocop_chart_scale_nice_step (0.0), ==, 0.0);
  g_assert_cmpfloat (ocop_chart_scale_nice_step (-3.0), ==, 0.0);
  g_assert_cmpfloat (ocop_chart_scale_nice_step (NAN), ==, 0.0);
  g_assert_cmpfloat (ocop_chart_scale_nice_step (INFINITY), ==, 0.0);

  g_assert_cmpint (ocop_chart_scale_step_decimals (20.0), ==, 0);
  g_assert_cmpint (ocop_chart_scale_step_decimals (1.0), ==, 0);
  g_assert_cmpint (ocop_chart_scale_step_decimals (0.2), ==, 1);
  g_assert_cmpint (ocop_chart_scale_step_decimals (0.05), ==, 2);
  g_assert_cmpint (ocop_chart_scale_step_decimals (0.0), ==, 0);
}

static void
test_round_ticks (void)
{
  OcopChartScale scale;
  const double t94[] = { 0, 20, 40, 60, 80, 100 };
  const double t7[] = { 0, 2, 4, 6, 8 };
  const double t39[] = { 0.2, 0.4, 0.6, 0.8, 1.0 };
  const double t84[] = { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90 };

  g_assert_true (ocop_chart_scale_init (&scale, 0, 94, 6));
  assert_ticks (&scale, t94, G_N_ELEMENTS (t94));
  g_assert_cmpint (scale.decimals, ==, 0);

  g_assert_true (ocop_chart_scale_init (&scale, 0, 7, 6));
  assert_ticks (&scale, t7, G_N_ELEMENTS (t7));

  g_assert_true (ocop_chart_scale_init (&scale, 0.3, 0.9, 6));
  assert_ticks (&scale, t39, G_N_ELEMENTS (t39));
  g_assert_cmpint (scale.decimals, ==, 1);

  /* More room, finer steps: 84 valid certificates on a tall axis. */
  g_assert_true (ocop_chart_scale_init (&scale, 0, 84, 11));
  assert_ticks (&scale, t84, G_N_ELEMENTS (t84));

  /* Never more ticks than asked for, whatever the range. */
  for (double max = 0.7; max < 5000; max *= 1.37)
    for (int ticks = 2; ticks <= 11; ticks++)
      {
        g_assert_true (ocop_chart_scale_init (&scale, 0, max, ticks));
        g_assert_cmpint (scale.n_ticks, <=, ticks);
        g_assert_cmpint (scale.n_ticks, >=, 2);
        g_assert_cmpfloat (scale.min, <=, 0.0);
        g_assert_cmpfloat (scale.max, >=, max);
        g_assert_cmpfloat (scale.max - scale.step, <, max);
      }

  /* Reversed ends are swapped; an empty range is widened around its value. */
  g_assert_true (ocop_chart_scale_init (&scale, 94, 0, 6));
  assert_ticks (&scale, t94, G_N_ELEMENTS (t94));
  g_assert_true (ocop_chart_scale_init (&scale, 0, 0, 6));
  g_assert_cmpfloat (scale.min, ==, 0.0);
  g_assert_cmpfloat (scale.max, ==, 1.0);
  g_assert_true (ocop_chart_scale_init (&scale, 50, 50, 6));
  g_assert_cmpfloat (scale.min, <, 50.0);
  g_assert_cmpfloat (scale.max, >, 50.0);

  /* Negative values. */
  g_assert_true (ocop_chart_scale_init (&scale, -7, 13, 6));
  g_assert_cmpfloat (scale.min, ==, -10.0);
  g_assert_cmpfloat (scale.max, ==, 15.0);
}

static void
test_init_errors (void)
{
  OcopChartScale scale;

  g_assert_false (ocop_chart_scale_init (&scale, NAN, 10, 6));
  g_assert_cmpfloat (scale.min, ==, 0.0);
  g_assert_cmpfloat (scale.max, ==, 1.0);
  g_assert_cmpint (scale.n_ticks, >=, 2);

  g_assert_false (ocop_chart_scale_init (&scale, 0, INFINITY, 6));
  g_assert_false (ocop_chart_scale_init (&scale, 0, 10, 1));
  g_assert_cmpfloat (scale.max, ==, 1.0);

  g_assert_false (ocop_chart_scale_init_fixed (&scale, 0, 100, 0));
  g_assert_false (ocop_chart_scale_init_fixed (&scale, 100, 0, 10));
  g_assert_false (ocop_chart_scale_init_fixed (&scale, 0, NAN, 10));
  g_assert_cmpfloat (scale.max, ==, 1.0);
}

static void
test_fixed (void)
{
  OcopChartScale scale;

  g_assert_true (ocop_chart_scale_init_fixed (&scale, 0, 100, 10));
  g_assert_cmpint (scale.n_ticks, ==, 11);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_get_tick (&scale, 10), 100.0, 1e-9);
  g_assert_cmpint (scale.decimals, ==, 0);

  /* A step that does not divide the range: the last tick stays inside it. */
  g_assert_true (ocop_chart_scale_init_fixed (&scale, 0, 100, 30));
  g_assert_cmpint (scale.n_ticks, ==, 4);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_get_tick (&scale, 3), 90.0, 1e-9);
}

static void
test_range_and_values (void)
{
  const double values[] = { NAN, 12, 73, INFINITY, 21, -INFINITY };
  const double missing[] = { NAN, NAN };
  OcopChartScale scale;
  double min = -1, max = -1;

  g_assert_true (ocop_chart_scale_get_range (values, G_N_ELEMENTS (values), &min, &max));
  g_assert_cmpfloat (min, ==, 12.0);
  g_assert_cmpfloat (max, ==, 73.0);

  g_assert_false (ocop_chart_scale_get_range (missing, G_N_ELEMENTS (missing), &min, &max));
  g_assert_false (ocop_chart_scale_get_range (NULL, 0, &min, &max));
  g_assert_cmpfloat (min, ==, 0.0);
  g_assert_cmpfloat (max, ==, 0.0);

  /* Bars start at zero; spread axes do not. */
  g_assert_true (ocop_chart_scale_init_for_values (&scale, values, G_N_ELEMENTS (values), TRUE, 6));
  g_assert_cmpfloat (scale.min, ==, 0.0);
  g_assert_cmpfloat (scale.max, ==, 80.0);
  g_assert_true (ocop_chart_scale_init_for_values (&scale, values + 1, 2, FALSE, 6));
  g_assert_cmpfloat (scale.min, ==, 0.0);
  g_assert_cmpfloat (scale.max, ==, 80.0);
  {
    const double totals[] = { 71, 74.5, 83 };

    g_assert_true (ocop_chart_scale_init_for_values (&scale, totals, 3, FALSE, 6));
    g_assert_cmpfloat (scale.min, ==, 70.0);
    g_assert_cmpfloat (scale.max, ==, 85.0);
  }

  g_assert_false (ocop_chart_scale_init_for_values (&scale, missing, 2, TRUE, 6));
  g_assert_cmpfloat (scale.max, ==, 1.0);
}

static void
test_normalize (void)
{
  OcopChartScale scale;

  ocop_chart_scale_init_fixed (&scale, 0, 100, 10);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize (&scale, 91.3), 0.913, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize (&scale, 0), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize (&scale, 120), 1.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize_clamped (&scale, 120), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize_clamped (&scale, -5), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize_clamped (&scale, NAN), 0.0, 1e-12);

  ocop_chart_scale_init (&scale, 0.3, 0.9, 6);   /* 0,2 … 1,0 */
  g_assert_cmpfloat_with_epsilon (ocop_chart_scale_normalize (&scale, 0.6), 0.5, 1e-12);
}

static void
test_labels (void)
{
  OcopChartScale scale;
  g_autofree char *score = NULL;
  g_autofree char *score_en = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *big = NULL;
  g_autofree char *ui = NULL;

  ocop_chart_scale_init (&scale, 0, 0.9, 10);   /* step 0,1 */
  g_assert_cmpint (scale.decimals, ==, 1);
  score = ocop_chart_scale_format_tick_in (&scale, OCOP_TEXT_LANGUAGE_VIETNAMESE, 91.3);
  g_assert_cmpstr (score, ==, "91,3");
  score_en = ocop_chart_scale_format_tick_in (&scale, OCOP_TEXT_LANGUAGE_ENGLISH, 91.3);
  g_assert_cmpstr (score_en, ==, "91.3");

  ocop_chart_scale_init (&scale, 0.3, 0.9, 6);
  tick = ocop_chart_scale_format_tick_in (&scale, OCOP_TEXT_LANGUAGE_VIETNAMESE,
                                          ocop_chart_scale_get_tick (&scale, 2));
  g_assert_cmpstr (tick, ==, "0,6");

  ocop_chart_scale_init (&scale, 0, 17500, 6);
  big = ocop_chart_scale_format_tick_in (&scale, OCOP_TEXT_LANGUAGE_VIETNAMESE,
                                         ocop_chart_scale_get_tick (&scale, 1));
  g_assert_cmpstr (big, ==, "5.000");

  /* main () chose Vietnamese for the interface. */
  ocop_chart_scale_init (&scale, 0, 0.9, 10);
  ui = ocop_chart_scale_format_tick (&scale, 91.3);
  g_assert_cmpstr (ui, ==, "91,3");
}

static void
test_percent (void)
{
  g_autofree char *vi = ocop_chart_format_percent_in (OCOP_TEXT_LANGUAGE_VIETNAMESE, 38.8, 1);
  g_autofree char *en = ocop_chart_format_percent_in (OCOP_TEXT_LANGUAGE_ENGLISH, 38.8, 1);
  g_autofree char *ui = ocop_chart_format_percent (64.0, 0);
  g_autofree char *rounded = ocop_chart_format_percent_in (OCOP_TEXT_LANGUAGE_VIETNAMESE, 77.66, 1);

  /* Vietnamese writes a (no-break) space before the sign. */
  g_assert_cmpstr (vi, ==, "38,8\u00a0%");
  g_assert_cmpstr (en, ==, "38.8%");
  g_assert_cmpstr (ui, ==, "64\u00a0%");
  g_assert_cmpstr (rounded, ==, "77,7\u00a0%");
}

static void
test_shares (void)
{
  /* Lạng Sơn: 73 three-star and 21 four-star products ever certified. */
  const double stars[] = { 73, 21 };
  const double negative[] = { 5, -1 };
  const double zero[] = { 0, 0 };
  const double nan[] = { 1, NAN };
  double pct[2] = { -1, -1 };

  g_assert_true (ocop_chart_shares (stars, 2, pct));
  g_assert_cmpfloat_with_epsilon (pct[0], 73.0 * 100 / 94, 1e-9);
  g_assert_cmpfloat_with_epsilon (pct[0] + pct[1], 100.0, 1e-9);

  g_assert_false (ocop_chart_shares (negative, 2, pct));
  g_assert_cmpfloat (pct[0], ==, 0.0);
  g_assert_false (ocop_chart_shares (zero, 2, pct));
  g_assert_false (ocop_chart_shares (nan, 2, pct));
  g_assert_false (ocop_chart_shares (NULL, 0, NULL));
}

static void
test_bins (void)
{
  const double scores[] = { 0, 4.99, 29.99, 30, 49.99, 50, 69.5, 90, 100, NAN, 101, -1 };
  g_autofree guint *counts = NULL;
  g_autofree guint *tens = NULL;
  gsize n = 0;

  counts = ocop_chart_bin_values (scores, G_N_ELEMENTS (scores), 0, 100, 5, &n);
  g_assert_nonnull (counts);
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpuint (counts[0], ==, 2);    /* 0, 4.99 */
  g_assert_cmpuint (counts[5], ==, 1);    /* 29.99 is below the 2-star band */
  g_assert_cmpuint (counts[6], ==, 1);    /* 30 */
  g_assert_cmpuint (counts[9], ==, 1);    /* 49.99 never rounds into 50–55 */
  g_assert_cmpuint (counts[10], ==, 1);   /* 50 */
  g_assert_cmpuint (counts[13], ==, 1);   /* 69.5 */
  g_assert_cmpuint (counts[18], ==, 1);   /* 90 */
  g_assert_cmpuint (counts[19], ==, 1);   /* 100 is in the last bin */

  tens = ocop_chart_bin_values (scores, G_N_ELEMENTS (scores), 0, 100, 10, &n);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpuint (tens[4], ==, 1);
  g_assert_cmpuint (tens[9], ==, 2);

  /* Nothing to bin into. */
  g_assert_null (ocop_chart_bin_values (scores, 3, 0, 100, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (ocop_chart_bin_values (scores, 3, 100, 0, 10, &n));
  g_assert_null (ocop_chart_bin_values (scores, 3, 0, NAN, 10, &n));
}

int
main (int   argc,
      char *argv[])
{
  /* The interface language, read by ocop_text_is_vietnamese (). */
  g_setenv ("LANGUAGE", "vi", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/chart-scale/nice-step", test_nice_step);
  g_test_add_func ("/ocop/chart-scale/round-ticks", test_round_ticks);
  g_test_add_func ("/ocop/chart-scale/init-errors", test_init_errors);
  g_test_add_func ("/ocop/chart-scale/fixed", test_fixed);
  g_test_add_func ("/ocop/chart-scale/range-and-values", test_range_and_values);
  g_test_add_func ("/ocop/chart-scale/normalize", test_normalize);
  g_test_add_func ("/ocop/chart-scale/labels", test_labels);
  g_test_add_func ("/ocop/chart-scale/percent", test_percent);
  g_test_add_func ("/ocop/chart-scale/shares", test_shares);
  g_test_add_func ("/ocop/chart-scale/bins", test_bins);

  return g_test_run ();
}
