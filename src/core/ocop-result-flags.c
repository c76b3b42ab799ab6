/* ocop-result-flags.c: what the secretary's matrix flags about a product's result
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-result-flags"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ocop-result-flags.h"

/* Scores are sums of options such as 0,5: compare with a little slack, as the
 * engine does. */
#define SCORE_NOISE 1e-9

void
ocop_result_flags_compute (const OcopCriteriaSet *set,
                           const double          *totals,
                           guint                  n_totals,
                           OcopResultFlags       *flags)
{
  double sum = 0, lowest = 0, highest = 0, mean;
  int stars;

  g_return_if_fail (set != NULL);
  g_return_if_fail (totals != NULL || n_totals == 0);
  g_return_if_fail (flags != NULL);

  memset (flags, 0, sizeof *flags);
  if (n_totals == 0)
    return;

  lowest = highest = totals[0];
  for (guint i = 0; i < n_totals; i++)
    {
      sum += totals[i];
      lowest = MIN (lowest, totals[i]);
      highest = MAX (highest, totals[i]);
    }
  mean = sum / n_totals;
  stars = ocop_criteria_set_stars_for_score (set, mean);

  flags->spread = highest - lowest;
  flags->spread_exceeded = flags->spread > set->spread_limit + SCORE_NOISE;

  /* The nearest lower bound of a band; the first band starts at 0, which is no
   * boundary anyone argues about. */
  for (guint b = 0; set->bands != NULL && b < set->bands->len; b++)
    {
      const OcopStarBand *band = &g_array_index (set->bands, OcopStarBand, b);

      if (band->min_score <= 0)
        continue;
      if (fabs (mean - band->min_score) <= OCOP_RESULT_NEAR_BOUNDARY + SCORE_NOISE &&
          (!flags->near_boundary ||
           fabs (mean - band->min_score) < fabs (mean - flags->boundary)))
        {
          flags->near_boundary = TRUE;
          flags->boundary = band->min_score;
        }
    }

  /* One member fewer: would the band move? With a single sheet there is no mean left. */
  if (n_totals < 2)
    return;

  for (guint i = 0; i < n_totals; i++)
    {
      double others = (sum - totals[i]) / (n_totals - 1);
      int others_stars = ocop_criteria_set_stars_for_score (set, others);

      if (others_stars != stars)
        {
          if (!flags->fragile)
            {
              flags->fragile = TRUE;
              flags->fragile_index = i;
              flags->fragile_stars = others_stars;
            }
          flags->n_fragile++;
        }
    }
}

gboolean
ocop_result_flags_any (const OcopResultFlags *flags)
{
  g_return_val_if_fail (flags != NULL, FALSE);

  return flags->spread_exceeded || flags->near_boundary || flags->fragile;
}

static int
compare_disagreements (gconstpointer a,
                       gconstpointer b)
{
  const OcopDisagreement *da = a;
  const OcopDisagreement *db = b;

  if (da->spread > db->spread + SCORE_NOISE)
    return -1;
  if (db->spread > da->spread + SCORE_NOISE)
    return 1;

  return da->leaf_index - db->leaf_index;
}

GArray *
ocop_result_disagreements (const OcopCriteriaSet  *set,
                           const OcopSheet        *sheet,
                           const OcopSheetAnswers *answers,
                           guint                   n_answers,
                           guint                   limit)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (OcopDisagreement));
  OcopSheetScore *scores;
  guint n_members;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (answers != NULL || n_answers == 0, NULL);

  n_members = MIN (n_answers, OCOP_RESULT_MAX_MEMBERS);
  if (n_members < 2)
    return g_steal_pointer (&rows);

  /* The engine decides, per member, which leaves count. */
  scores = g_new0 (OcopSheetScore, n_members);
  for (guint m = 0; m < n_members; m++)
    ocop_rating_score_sheet (set, sheet, &answers[m], &scores[m]);

  for (guint leaf = 0; leaf < sheet->leaves->len; leaf++)
    {
      const OcopCriterion *criterion = g_ptr_array_index (sheet->leaves, leaf);
      OcopDisagreement row = { 0 };

      row.leaf_index = leaf;
      row.criterion = criterion;
      row.n_points = n_members;

      for (guint m = 0; m < n_members; m++)
        {
          int option = answers[m].options != NULL ? answers[m].options[leaf] : -1;
          double points = 0;

          if (option >= 0 && (guint) option < criterion->options->len &&
              leaf < scores[m].n_leaves && scores[m].leaf_states[leaf] == OCOP_LEAF_REQUIRED)
            points = ((const OcopOption *) g_ptr_array_index (criterion->options, option))->points;

          row.points[m] = points;
          if (m == 0 || points < row.lowest)
            row.lowest = points;
          if (m == 0 || points > row.highest)
            row.highest = points;
        }

      row.spread = row.highest - row.lowest;
      if (row.spread > SCORE_NOISE)
        g_array_append_val (rows, row);
    }

  for (guint m = 0; m < n_members; m++)
    ocop_sheet_score_clear (&scores[m]);
  g_free (scores);

  g_array_sort (rows, compare_disagreements);
  if (limit > 0 && rows->len > limit)
    g_array_set_size (rows, limit);

  return g_steal_pointer (&rows);
}
