/* test-rating.c: the rating engine
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ocop-criteria.h"
#include "ocop-rating.h"

/* Helpers ----------------------------------------------------------------- */

static OcopCriteriaSet *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  OcopCriteriaSet *set;

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

static const OcopSheet *
get_sheet (const OcopCriteriaSet *set,
           const char            *code)
{
  const OcopSheet *sheet = ocop_criteria_set_find_sheet (set, code);

  g_assert_nonnull (sheet);
  return sheet;
}

static guint
leaf_index (const OcopSheet *sheet,
            const char      *code)
{
  for (guint i = 0; i < sheet->leaves->len; i++)
    {
      const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, i);

      if (g_strcmp0 (leaf->code, code) == 0)
        return i;
    }

  g_error ("no leaf %s in sheet %s", code, sheet->code);
  return 0;
}

/* A fresh answer array: nothing ticked. */
static int *
new_options (const OcopSheet *sheet)
{
  int *options = g_new (int, sheet->leaves->len);

  for (guint i = 0; i < sheet->leaves->len; i++)
    options[i] = -1;

  return options;
}

/* Ticks the option of leaf @code that scores @points, as a member would. */
static void
tick (const OcopSheet *sheet,
      int             *options,
      const char      *code,
      double           points)
{
  guint index = leaf_index (sheet, code);
  const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, index);

  for (guint i = 0; i < leaf->options->len; i++)
    {
      const OcopOption *option = g_ptr_array_index (leaf->options, i);

      if (option->points == points)
        {
          options[index] = (int) i;
          return;
        }
    }

  g_error ("leaf %s has no option scoring %g", code, points);
}

/* Ticks the highest option of every leaf. */
static int *
full_options (const OcopSheet *sheet)
{
  int *options = new_options (sheet);

  for (guint i = 0; i < sheet->leaves->len; i++)
    {
      const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, i);
      double best = -1;

      for (guint o = 0; o < leaf->options->len; o++)
        {
          const OcopOption *option = g_ptr_array_index (leaf->options, o);

          if (option->points > best)
            {
              best = option->points;
              options[i] = (int) o;
            }
        }
    }

  return options;
}

static OcopLeafState
state_of (const OcopSheet      *sheet,
          const OcopSheetScore *score,
          const char           *code)
{
  return score->leaf_states[leaf_index (sheet, code)];
}

static OcopMemberInput
member (OcopRole role,
        double   total)
{
  OcopMemberInput m = { 0 };

  m.name = "Member";
  m.role = role;
  m.present = TRUE;
  m.has_sheet = TRUE;
  m.total = total;

  return m;
}

static const OcopCouncilRules province_1048 = {
  OCOP_LEVEL_PROVINCE, OCOP_REGIME_1048, FALSE, FALSE
};

/* The council of @n members (role member) with the given totals. */
static void
council_of (const OcopCriteriaSet  *set,
            const OcopCouncilRules *rules,
            const double           *totals,
            guint                   n,
            OcopCouncilResult      *result)
{
  g_autofree OcopMemberInput *members = g_new0 (OcopMemberInput, n);

  for (guint i = 0; i < n; i++)
    members[i] = member (OCOP_ROLE_MEMBER, totals[i]);

  ocop_rating_council (set, rules, members, n, result);
}

static const char *
reason (const OcopCouncilResult *result,
        guint                    i)
{
  g_assert_nonnull (result->reasons);
  g_assert_cmpuint (i, <, result->reasons->len);
  return g_ptr_array_index (result->reasons, i);
}

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_cmpstr (g_get_language_names ()[0], ==, language);
}

/* Sheets ------------------------------------------------------------------ */

static void
test_sheet_full (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = full_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  ocop_rating_score_sheet (set, sheet, &answers, &score);

  g_assert_cmpfloat_with_epsilon (score.total, 100, 1e-9);
  g_assert_cmpuint (score.n_parts, ==, 2);
  g_assert_cmpfloat_with_epsilon (score.part_totals[0], 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 50, 1e-9);
  /* 1.1, one case of 1.2, 1.3.1, 1.3.2, 1.4, 2.1, 2.2, 2.3.1, 2.3.2 */
  g_assert_cmpuint (score.required, ==, 9);
  g_assert_cmpuint (score.answered, ==, 9);
  g_assert_true (score.complete);
  g_assert_true (score.has_story);
  g_assert_false (score.stopped);
  g_assert_null (score.stopped_at);
  g_assert_false (score.knocked_out);
  g_assert_cmpuint (score.n_leaves, ==, 11);
  g_assert_cmpint (score.stars, ==, 5);

  ocop_sheet_score_clear (&score);
  g_assert_null (score.leaf_states);
}

static void
test_sheet_empty (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = new_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  ocop_rating_score_sheet (set, sheet, &answers, &score);

  /* No story yet: 2.2 and 2.3 do not apply; the first case of 1.2 is required. */
  g_assert_cmpuint (score.required, ==, 6);
  g_assert_cmpuint (score.answered, ==, 0);
  g_assert_false (score.complete);
  g_assert_false (score.has_story);
  g_assert_cmpfloat_with_epsilon (score.total, 0, 1e-9);
  g_assert_cmpint (score.stars, ==, 1);
  g_assert_cmpint (state_of (sheet, &score, "1.2.a"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.1"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.2"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "2.2"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "2.3.1"), ==, OCOP_LEAF_NOT_APPLICABLE);

  ocop_sheet_score_clear (&score);

  /* No answers at all is the same as nothing ticked. */
  ocop_rating_score_sheet (set, sheet, NULL, &score);
  g_assert_cmpuint (score.required, ==, 6);
  g_assert_cmpuint (score.answered, ==, 0);
  g_assert_false (score.knocked_out);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_bad_option (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = new_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  /* An index past the options (a stale answer) counts as no answer, not as garbage. */
  options[leaf_index (sheet, "1.1")] = 3;
  tick (sheet, options, "1.4", 20);
  ocop_rating_score_sheet (set, sheet, &answers, &score);

  g_assert_cmpuint (score.answered, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.total, 20, 1e-9);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_choose_case (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = new_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  /* Case 1 only. */
  tick (sheet, options, "1.2.a", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpint (state_of (sheet, &score, "1.2.a"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.1"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpuint (score.required, ==, 6);
  g_assert_cmpuint (score.answered, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.total, 5, 1e-9);
  ocop_sheet_score_clear (&score);

  /* Case 2 only: its two leaves are required, case 1 no longer. */
  options[leaf_index (sheet, "1.2.a")] = -1;
  tick (sheet, options, "1.2.b.1", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpint (state_of (sheet, &score, "1.2.a"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.1"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.2"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpuint (score.required, ==, 7);
  g_assert_cmpuint (score.answered, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.total, 5, 1e-9);
  ocop_sheet_score_clear (&score);

  /* Both answered: the case with more points counts, the other counts 0. */
  tick (sheet, options, "1.2.a", 5);
  tick (sheet, options, "1.2.b.2", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpint (state_of (sheet, &score, "1.2.a"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (score.total, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[0], 10, 1e-9);
  ocop_sheet_score_clear (&score);

  /* Case 1 now scores more than case 2. */
  tick (sheet, options, "1.2.a", 10);
  tick (sheet, options, "1.2.b.2", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpint (state_of (sheet, &score, "1.2.a"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.2.b.1"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (score.total, 10, 1e-9);
  g_assert_cmpuint (score.required, ==, 6);
  g_assert_cmpuint (score.answered, ==, 1);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_additive (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = new_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  tick (sheet, options, "1.3.1", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpfloat_with_epsilon (score.total, 5, 1e-9);
  ocop_sheet_score_clear (&score);

  tick (sheet, options, "1.3.2", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpint (state_of (sheet, &score, "1.3.1"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.3.2"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpfloat_with_epsilon (score.total, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[0], 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 0, 1e-9);
  g_assert_cmpuint (score.answered, ==, 2);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_story (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = new_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  /* No story (2.1 scores 0): 2.2 and 2.3 count 0 even though ticked. */
  tick (sheet, options, "2.1", 0);
  tick (sheet, options, "2.2", 20);
  tick (sheet, options, "2.3.1", 10);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.has_story);
  g_assert_cmpint (state_of (sheet, &score, "2.2"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "2.3.1"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "2.3.2"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (score.total, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 0, 1e-9);
  /* 1.1, 1.2.a, 1.3.1, 1.3.2, 1.4, 2.1 */
  g_assert_cmpuint (score.required, ==, 6);
  g_assert_cmpuint (score.answered, ==, 1);
  ocop_sheet_score_clear (&score);

  /* With a story they count and need answers. */
  tick (sheet, options, "2.1", 5);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.has_story);
  g_assert_cmpint (state_of (sheet, &score, "2.2"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "2.3.2"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpfloat_with_epsilon (score.total, 35, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 35, 1e-9);
  g_assert_cmpuint (score.required, ==, 9);
  g_assert_cmpuint (score.answered, ==, 3);
  g_assert_false (score.complete);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_stop_if_zero (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.stopped);
  g_assert_cmpfloat_with_epsilon (score.total, 100, 1e-9);
  g_assert_cmpuint (score.required, ==, 9);
  ocop_sheet_score_clear (&score);

  /* 1.1 scores 0: every later leaf is STOPPED and counts 0, though answered. */
  tick (sheet, options, "1.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_nonnull (score.stopped_at);
  g_assert_cmpstr (score.stopped_at->code, ==, "1.1");
  g_assert_cmpint (state_of (sheet, &score, "1.1"), ==, OCOP_LEAF_REQUIRED);
  for (guint i = 1; i < score.n_leaves; i++)
    g_assert_cmpint (score.leaf_states[i], ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 0, 1e-9);
  g_assert_cmpuint (score.required, ==, 1);
  g_assert_cmpuint (score.answered, ==, 1);
  g_assert_true (score.complete);
  ocop_sheet_score_clear (&score);

  /* Unanswered is not zero. */
  options[leaf_index (sheet, "1.1")] = -1;
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.stopped);
  g_assert_cmpfloat_with_epsilon (score.total, 90, 1e-9);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_stop_if_zero_group (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  /* Any leaf of the group 2.2 at 0 stops after the group's last leaf. */
  tick (sheet, options, "2.2.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "2.2");
  g_assert_cmpint (state_of (sheet, &score, "2.2.2"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "2.3"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpint (state_of (sheet, &score, "2.4"), ==, OCOP_LEAF_STOPPED);
  /* 50 + 2.1 (10) + 2.2.2 (10) */
  g_assert_cmpfloat_with_epsilon (score.total, 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 20, 1e-9);
  g_assert_cmpuint (score.required, ==, 7);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_stop_if_zero_scope (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score;

  /* 2.3's rule watches 2.1: the stop comes after 2.3, not after 2.1. */
  tick (sheet, options, "2.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "2.3");
  g_assert_cmpint (state_of (sheet, &score, "2.2.1"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "2.3"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "2.4"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 80, 1e-9);
  ocop_sheet_score_clear (&score);

  /* 2.3 itself at 0 is outside its rule's scope: no stop. */
  tick (sheet, options, "2.1", 10);
  tick (sheet, options, "2.3", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.stopped);
  g_assert_cmpint (state_of (sheet, &score, "2.4"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpfloat_with_epsilon (score.total, 90, 1e-9);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_stop_if (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  const char *on_1_3[] = { "1.3", NULL };
  const char *on_1_2[] = { "1.2", NULL };
  OcopSheetAnswers answers = { options, FALSE, on_1_3 };
  OcopSheetScore score;

  /* The condition recorded on 1.3: 1.3 counts, everything after it is STOPPED. */
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "1.3");
  g_assert_cmpint (state_of (sheet, &score, "1.3"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "1.4"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpint (state_of (sheet, &score, "2.4"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 30, 1e-9);
  g_assert_cmpuint (score.required, ==, 3);
  ocop_sheet_score_clear (&score);

  /* A code without a stop_if rule changes nothing. */
  answers.stop_conditions = on_1_2;
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.stopped);
  g_assert_cmpfloat_with_epsilon (score.total, 100, 1e-9);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_stop_if_part (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  const char *on_b[] = { "B", NULL };
  const char *on_a[] = { "A", NULL };
  OcopSheetAnswers answers = { options, FALSE, on_b };
  OcopSheetScore score;

  /* Part B's rule: every leaf of part B is STOPPED, part A counts. */
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_null (score.stopped_at);
  g_assert_cmpint (state_of (sheet, &score, "1.4"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "2.1"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpint (state_of (sheet, &score, "2.4"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[0], 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 0, 1e-9);
  g_assert_cmpuint (score.required, ==, 4);
  g_assert_true (score.complete);
  g_assert_cmpint (score.stars, ==, 3);
  ocop_sheet_score_clear (&score);

  /* Part A has no part-level rule. */
  answers.stop_conditions = on_a;
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.stopped);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_earliest_stop (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S2");
  g_autofree int *options = full_options (sheet);
  const char *conditions[] = { "B", "1.3", NULL };
  OcopSheetAnswers answers = { options, FALSE, conditions };
  OcopSheetScore score;

  /* Three rules fire; the earliest end decides. */
  tick (sheet, options, "1.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "1.1");
  g_assert_cmpint (state_of (sheet, &score, "1.2"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpuint (score.required, ==, 1);
  ocop_sheet_score_clear (&score);

  tick (sheet, options, "1.1", 10);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpstr (score.stopped_at->code, ==, "1.3");
  g_assert_cmpfloat_with_epsilon (score.total, 30, 1e-9);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_knocked_out (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  const OcopSheet *sheet = get_sheet (set, "S1");
  g_autofree int *options = full_options (sheet);
  OcopSheetAnswers answers = { options, TRUE, NULL };
  OcopSheetScore score;

  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.knocked_out);
  g_assert_cmpfloat_with_epsilon (score.total, 100, 1e-9);
  g_assert_cmpint (score.stars, ==, 0);
  ocop_sheet_score_clear (&score);
}

static void
test_sheet_qd_1048 (void)
{
  const char *dir = g_getenv ("OCOP_CRITERIA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *options = NULL;
  const OcopSheet *sheet;
  OcopSheetAnswers answers = { NULL, FALSE, NULL };
  OcopSheetScore score;
  OcopMemberInput members[5];
  OcopCouncilResult result;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "qd-1048-2019.json", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  sheet = get_sheet (set, "07");

  /* Every highest option ticked (both cases of 3.2, a story): 100 points, 5 stars. */
  options = full_options (sheet);
  answers.options = options;
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_cmpfloat_with_epsilon (score.total, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[0], 35, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[2], 40, 1e-9);
  g_assert_true (score.complete);
  g_assert_true (score.has_story);
  g_assert_false (score.stopped);
  g_assert_cmpint (score.stars, ==, 5);
  ocop_sheet_score_clear (&score);

  /* 6.1 at 0 ends the sheet (QĐ 1048, sheet 07). */
  tick (sheet, options, "6.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "6.1");
  g_assert_cmpint (state_of (sheet, &score, "10"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 60, 1e-9);
  ocop_sheet_score_clear (&score);

  /* No story (5.1 at 0): 5.2 and 5.3 do not count, the maximum stays 100. */
  tick (sheet, options, "6.1", 3);
  tick (sheet, options, "5.1", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_false (score.has_story);
  g_assert_cmpint (state_of (sheet, &score, "5.2"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpint (state_of (sheet, &score, "5.3"), ==, OCOP_LEAF_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (score.total, 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.part_totals[1], 15, 1e-9);
  ocop_sheet_score_clear (&score);

  /* Sheet 17: 0 on any of 6.1 to 6.4 stops after 6.4. */
  sheet = get_sheet (set, "17");
  g_clear_pointer (&options, g_free);
  options = full_options (sheet);
  answers.options = options;
  tick (sheet, options, "6.2", 0);
  ocop_rating_score_sheet (set, sheet, &answers, &score);
  g_assert_true (score.stopped);
  g_assert_cmpstr (score.stopped_at->code, ==, "6.4");
  g_assert_cmpint (state_of (sheet, &score, "6.3"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "6.4"), ==, OCOP_LEAF_REQUIRED);
  g_assert_cmpint (state_of (sheet, &score, "7"), ==, OCOP_LEAF_STOPPED);
  g_assert_cmpfloat_with_epsilon (score.total, 72, 1e-9);
  ocop_sheet_score_clear (&score);

  /* Sheet 19: the condition recorded on part C stops the whole part. */
  {
    const char *on_c[] = { "C", NULL };

    sheet = get_sheet (set, "19");
    g_clear_pointer (&options, g_free);
    options = full_options (sheet);
    answers.options = options;
    answers.stop_conditions = on_c;
    ocop_rating_score_sheet (set, sheet, &answers, &score);
    g_assert_true (score.stopped);
    g_assert_null (score.stopped_at);
    g_assert_cmpint (state_of (sheet, &score, "5.3"), ==, OCOP_LEAF_REQUIRED);
    g_assert_cmpint (state_of (sheet, &score, "6"), ==, OCOP_LEAF_STOPPED);
    g_assert_cmpint (state_of (sheet, &score, "13"), ==, OCOP_LEAF_STOPPED);
    g_assert_cmpfloat_with_epsilon (score.total, 60, 1e-9);
    g_assert_cmpfloat_with_epsilon (score.part_totals[2], 0, 1e-9);
    g_assert_cmpint (score.stars, ==, 3);
    ocop_sheet_score_clear (&score);
  }

  /* A knock-out on one sheet of a council averaging 95: not passed. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    members[i] = member (OCOP_ROLE_MEMBER, 95);
  members[0].role = OCOP_ROLE_CHAIR;
  members[3].knocked_out = TRUE;
  ocop_rating_council (set, &province_1048, members, G_N_ELEMENTS (members), &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_NOT_PASSED);
  g_assert_cmpfloat_with_epsilon (result.score, 95, 1e-9);
  g_assert_cmpuint (result.n_knocked_out, ==, 1);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Knocked out on 1 of 5 sheets: not passed whatever the points");
  ocop_council_result_clear (&result);
}

/* Council ----------------------------------------------------------------- */

typedef struct
{
  double      a, b;       /* two members' totals */
  int         stars;
  const char *shown;      /* the score as shown, in English */
  OcopOutcome outcome;    /* at province level under 1048 (recognises 3 to 4 stars) */
} Boundary;

static void
test_council_bands (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  static const Boundary cases[] = {
    { 30, 29.98, 1, "29.99", OCOP_OUTCOME_NOT_PASSED },
    { 30, 30, 2, "30.00", OCOP_OUTCOME_NOT_PASSED },
    { 50, 49.98, 2, "49.99", OCOP_OUTCOME_NOT_PASSED },
    { 50, 50, 3, "50.00", OCOP_OUTCOME_RECOGNISED },
    { 70, 69.98, 3, "69.99", OCOP_OUTCOME_RECOGNISED },
    { 70, 69.99, 3, "69.99", OCOP_OUTCOME_RECOGNISED },   /* 69.995: never 4 stars */
    { 70, 70, 4, "70.00", OCOP_OUTCOME_RECOGNISED },
    { 70.1, 69.9, 4, "70.00", OCOP_OUTCOME_RECOGNISED },
    { 90, 89.98, 4, "89.99", OCOP_OUTCOME_RECOGNISED },
    { 90, 90, 5, "90.00", OCOP_OUTCOME_PROPOSED },
    { 100, 100, 5, "100.00", OCOP_OUTCOME_PROPOSED },
    { 0, 0, 1, "0.00", OCOP_OUTCOME_NOT_PASSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double totals[] = { cases[i].a, cases[i].b };
      OcopCouncilResult result;
      g_autofree char *shown = NULL;

      council_of (set, &province_1048, totals, 2, &result);
      shown = ocop_rating_format_score (result.score);

      g_test_message ("%g and %g", cases[i].a, cases[i].b);
      g_assert_cmpint (result.stars, ==, cases[i].stars);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpint (result.outcome, ==, cases[i].outcome);
      g_assert_cmpuint (result.n_counted, ==, 2);
      g_assert_cmpuint (result.n_expected, ==, 2);
      g_assert_cmpuint (result.reasons->len, >=, 1);
      ocop_council_result_clear (&result);
      g_assert_null (result.reasons);
    }
}

static void
test_council_unrounded (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  double totals[] = { 70, 69.99 };
  OcopCouncilResult result;

  council_of (set, &province_1048, totals, 2, &result);
  g_assert_cmpfloat_with_epsilon (result.score, 69.995, 1e-9);
  g_assert_cmpint (result.stars, ==, 3);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Average total score 69.99 → 3 stars (50 to under 70 points)");
  ocop_council_result_clear (&result);

  /* These add up to 210 but to 209.99999999999997 in binary: the average is 70,
   * 4 stars, not 69.99999999999999 and 3 stars. */
  council_of (set, &province_1048, (double[]) { 69.52, 69.57, 70.91 }, 3, &result);
  g_assert_cmpint (result.stars, ==, 4);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Average total score 70.00 → 4 stars (70 to under 90 points)");
  ocop_council_result_clear (&result);
}

static void
test_council_reasons (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  double totals[] = { 91, 91.6, 91.3 };
  OcopCouncilRules central = { OCOP_LEVEL_CENTRAL, OCOP_REGIME_148, FALSE, FALSE };
  OcopCouncilResult result;

  council_of (set, &central, totals, 3, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  g_assert_cmpuint (result.reasons->len, ==, 2);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Average total score 91.30 → 5 stars (90 to 100 points)");
  g_assert_cmpstr (reason (&result, 1), ==,
                   "5 stars are within the authority of this council "
                   "(Central level, QĐ 148/QĐ-TTg (2023)): recognised");
  ocop_council_result_clear (&result);

  /* The same under Vietnamese number formatting. */
  use_language ("vi");
  council_of (set, &central, totals, 3, &result);
  g_assert_true (strstr (reason (&result, 0), "91,30") != NULL);
  ocop_council_result_clear (&result);
  use_language ("en");
}

static void
test_council_part_means (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopMemberInput members[2] = { member (OCOP_ROLE_CHAIR, 80), member (OCOP_ROLE_MEMBER, 75) };
  OcopCouncilResult result;

  members[0].n_parts = members[1].n_parts = 2;
  members[0].part_totals[0] = 40;
  members[0].part_totals[1] = 40;
  members[1].part_totals[0] = 45;
  members[1].part_totals[1] = 30;

  ocop_rating_council (set, &province_1048, members, 2, &result);
  g_assert_cmpuint (result.n_parts, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.score, 77.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.part_means[0], 42.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.part_means[1], 35, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.spread, 5, 1e-9);
  g_assert_true (result.spread_ok);
  ocop_council_result_clear (&result);
}

static void
test_council_spread (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  double exactly[] = { 80, 75, 70 };
  double above[] = { 80.01, 75, 70 };
  double noisy[] = { 70.01, 60.01 };
  OcopCouncilResult result;

  /* Exactly the limit is fine. */
  council_of (set, &province_1048, exactly, 3, &result);
  g_assert_cmpfloat_with_epsilon (result.spread, 10, 1e-9);
  g_assert_true (result.spread_ok);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  ocop_council_result_clear (&result);

  /* 70.01 - 60.01 is 10.000000000000007 in binary: still exactly 10 points. */
  council_of (set, &province_1048, noisy, 2, &result);
  g_assert_true (result.spread_ok);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  ocop_council_result_clear (&result);

  /* 10.01 is over. */
  council_of (set, &province_1048, above, 3, &result);
  g_assert_cmpfloat_with_epsilon (result.spread, 10.01, 1e-9);
  g_assert_false (result.spread_ok);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RESCORE);
  g_assert_cmpint (result.stars, ==, 4);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "The members' totals differ by 10.01 points (more than 10): "
                   "the council must rescore");
  ocop_council_result_clear (&result);
}

static void
test_council_spread_custom_set (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-province.json");
  double spread_6[] = { 80, 74 };
  double spread_5[] = { 62.5, 57.5 };
  double two_stars[] = { 45, 45 };
  OcopCouncilRules commune = { OCOP_LEVEL_COMMUNE, OCOP_REGIME_148, FALSE, FALSE };
  OcopCouncilResult result;

  /* The limit, the bands and the recognised minimum come from the set. */
  council_of (set, &province_1048, spread_6, 2, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RESCORE);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "The members' totals differ by 6.00 points (more than 5): "
                   "the council must rescore");
  ocop_council_result_clear (&result);

  council_of (set, &province_1048, spread_5, 2, &result);
  g_assert_true (result.spread_ok);
  g_assert_cmpint (result.stars, ==, 3);
  ocop_council_result_clear (&result);

  /* 2 stars are an OCOP product in this set: proposed by a commune council. */
  council_of (set, &commune, two_stars, 2, &result);
  g_assert_cmpint (result.stars, ==, 2);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_PROPOSED);
  ocop_council_result_clear (&result);
}

static void
test_council_knocked_out (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopMemberInput members[5];
  OcopCouncilResult result;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    members[i] = member (OCOP_ROLE_MEMBER, 95);
  members[1].knocked_out = TRUE;
  members[4].knocked_out = TRUE;
  /* Even with a spread over the limit the knock-out decides. */
  members[2].total = 80;

  ocop_rating_council (set, &province_1048, members, 5, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_NOT_PASSED);
  g_assert_cmpuint (result.n_knocked_out, ==, 2);
  g_assert_false (result.spread_ok);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Knocked out on 2 of 5 sheets: not passed whatever the points");
  ocop_council_result_clear (&result);

  /* A knock-out on a sheet that does not count (recused member) does not decide. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    members[i] = member (OCOP_ROLE_MEMBER, 95);
  members[1].knocked_out = TRUE;
  members[1].recused = TRUE;
  ocop_rating_council (set, &province_1048, members, 5, &result);
  g_assert_cmpuint (result.n_knocked_out, ==, 0);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_PROPOSED);
  ocop_council_result_clear (&result);
}

static void
test_council_absent_recused (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopMemberInput members[4] = {
    member (OCOP_ROLE_CHAIR, 80), member (OCOP_ROLE_VICE_CHAIR, 78),
    member (OCOP_ROLE_MEMBER, 20), member (OCOP_ROLE_MEMBER, 30),
  };
  OcopCouncilResult result;

  /* Absent (even with a sheet) and recused members neither count nor are awaited. */
  members[2].present = FALSE;
  members[3].recused = TRUE;
  ocop_rating_council (set, &province_1048, members, 4, &result);
  g_assert_cmpuint (result.n_counted, ==, 2);
  g_assert_cmpuint (result.n_expected, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.score, 79, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.spread, 2, 1e-9);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  ocop_council_result_clear (&result);

  /* Back in the room, the absent member's sheet counts. */
  members[2].present = TRUE;
  ocop_rating_council (set, &province_1048, members, 4, &result);
  g_assert_cmpuint (result.n_counted, ==, 3);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RESCORE);
  ocop_council_result_clear (&result);
}

static void
test_council_secretary_advisory (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopMemberInput members[4] = {
    member (OCOP_ROLE_CHAIR, 80), member (OCOP_ROLE_MEMBER, 80),
    member (OCOP_ROLE_SECRETARY, 70), member (OCOP_ROLE_ADVISORY, 71),
  };
  OcopCouncilRules rules = province_1048;
  OcopCouncilResult result;

  /* Neither scores. */
  ocop_rating_council (set, &rules, members, 4, &result);
  g_assert_cmpuint (result.n_counted, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.score, 80, 1e-9);
  ocop_council_result_clear (&result);

  /* The secretary scores. */
  rules.secretary_scores = TRUE;
  ocop_rating_council (set, &rules, members, 4, &result);
  g_assert_cmpuint (result.n_counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (result.score, 230.0 / 3, 1e-9);
  ocop_council_result_clear (&result);

  /* Both score. */
  rules.advisory_scores = TRUE;
  ocop_rating_council (set, &rules, members, 4, &result);
  g_assert_cmpuint (result.n_counted, ==, 4);
  g_assert_cmpfloat_with_epsilon (result.score, 75.25, 1e-9);
  ocop_council_result_clear (&result);

  /* A scoring secretary without a sheet yet holds the result back. */
  members[2].has_sheet = FALSE;
  ocop_rating_council (set, &rules, members, 4, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpuint (result.n_expected, ==, 4);
  g_assert_cmpuint (result.n_counted, ==, 3);
  g_assert_cmpstr (reason (&result, 0), ==, "1 of 4 sheets are still missing");
  ocop_council_result_clear (&result);

  /* Advisory team only scores when the council says so. */
  rules.advisory_scores = FALSE;
  rules.secretary_scores = FALSE;
  ocop_rating_council (set, &rules, members, 4, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  g_assert_cmpuint (result.n_expected, ==, 2);
  ocop_council_result_clear (&result);
}

static void
test_council_incomplete (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopMemberInput members[7];
  OcopCouncilResult result;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    members[i] = member (OCOP_ROLE_MEMBER, 60 + i);
  members[5].has_sheet = FALSE;
  members[6].has_sheet = FALSE;

  /* Provisional score and stars from the sheets in. */
  ocop_rating_council (set, &province_1048, members, 7, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpuint (result.n_counted, ==, 5);
  g_assert_cmpuint (result.n_expected, ==, 7);
  g_assert_cmpfloat_with_epsilon (result.score, 62, 1e-9);
  g_assert_cmpint (result.stars, ==, 3);
  g_assert_cmpstr (reason (&result, 0), ==, "2 of 7 sheets are still missing");
  g_assert_cmpstr (reason (&result, 1), ==,
                   "Average total score 62.00 → 3 stars (50 to under 70 points)");
  ocop_council_result_clear (&result);

  /* No sheet at all. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    members[i].has_sheet = FALSE;
  ocop_rating_council (set, &province_1048, members, 7, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpuint (result.n_counted, ==, 0);
  g_assert_cmpint (result.stars, ==, 0);
  g_assert_cmpfloat_with_epsilon (result.score, 0, 1e-9);
  g_assert_cmpuint (result.reasons->len, ==, 1);
  g_assert_cmpstr (reason (&result, 0), ==, "7 of 7 sheets are still missing");
  ocop_council_result_clear (&result);

  /* Nobody. */
  ocop_rating_council (set, &province_1048, NULL, 0, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpstr (reason (&result, 0), ==, "No member who scores is present");
  ocop_council_result_clear (&result);
}

static void
test_council_authority_outcomes (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  static const struct
  {
    OcopRegime  regime;
    OcopLevel   level;
    double      total;
    OcopOutcome outcome;
  } cases[] = {
    { OCOP_REGIME_148, OCOP_LEVEL_DISTRICT, 75, OCOP_OUTCOME_PROPOSED },
    { OCOP_REGIME_148, OCOP_LEVEL_DISTRICT, 55, OCOP_OUTCOME_RECOGNISED },
    { OCOP_REGIME_1048, OCOP_LEVEL_PROVINCE, 95, OCOP_OUTCOME_PROPOSED },
    { OCOP_REGIME_1048, OCOP_LEVEL_PROVINCE, 75, OCOP_OUTCOME_RECOGNISED },
    { OCOP_REGIME_1048, OCOP_LEVEL_CENTRAL, 75, OCOP_OUTCOME_RETURNED },
    { OCOP_REGIME_1048, OCOP_LEVEL_CENTRAL, 95, OCOP_OUTCOME_RECOGNISED },
    { OCOP_REGIME_1048, OCOP_LEVEL_DISTRICT, 55, OCOP_OUTCOME_PROPOSED },
    { OCOP_REGIME_1048, OCOP_LEVEL_COMMUNE, 55, OCOP_OUTCOME_PROPOSED },
    { OCOP_REGIME_148, OCOP_LEVEL_PROVINCE, 55, OCOP_OUTCOME_RETURNED },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_PROVINCE, 75, OCOP_OUTCOME_RECOGNISED },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_PROVINCE, 55, OCOP_OUTCOME_RECOGNISED },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_DISTRICT, 55, OCOP_OUTCOME_PROPOSED },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_CENTRAL, 75, OCOP_OUTCOME_RETURNED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      OcopCouncilRules rules = { cases[i].level, cases[i].regime, FALSE, FALSE };
      double totals[] = { cases[i].total, cases[i].total };
      OcopCouncilResult result;

      g_test_message ("case %u", i);
      council_of (set, &rules, totals, 2, &result);
      g_assert_cmpint (result.outcome, ==, cases[i].outcome);
      g_assert_cmpuint (result.reasons->len, ==, 2);
      ocop_council_result_clear (&result);
    }
}

static void
test_council_authority_reasons (void)
{
  g_autoptr(OcopCriteriaSet) set = load_fixture ("rating-rules.json");
  OcopCouncilRules district = { OCOP_LEVEL_DISTRICT, OCOP_REGIME_148, FALSE, FALSE };
  OcopCouncilRules central = { OCOP_LEVEL_CENTRAL, OCOP_REGIME_1048, FALSE, FALSE };
  OcopCouncilRules commune = { OCOP_LEVEL_COMMUNE, OCOP_REGIME_148_1489, FALSE, FALSE };
  double four[] = { 75, 75 };
  double three[] = { 55, 55 };
  OcopCouncilResult result;

  council_of (set, &district, four, 2, &result);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "This council (District level, QĐ 148/QĐ-TTg (2023)) recognises 3 stars; "
                   "the product's 4 stars are proposed to Province level");
  g_assert_cmpstr (reason (&result, 1), ==,
                   "Average total score 75.00 → 4 stars (70 to under 90 points)");
  ocop_council_result_clear (&result);

  council_of (set, &central, four, 2, &result);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "This council (Central level, QĐ 1048/QĐ-TTg (2019)) recognises 5 stars; "
                   "the product's 4 stars are recognised at the lower level");
  ocop_council_result_clear (&result);

  /* Since QĐ 1489 there is no district: a commune proposes to the province. */
  council_of (set, &commune, three, 2, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_PROPOSED);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "This council (Commune level, QĐ 148/QĐ-TTg as amended by QĐ 1489/QĐ-TTg "
                   "(2025)) recognises no stars; the product's 3 stars are proposed to "
                   "Province level");
  ocop_council_result_clear (&result);

  /* Below the lowest recognised band. */
  council_of (set, &central, (double[]) { 45, 45 }, 2, &result);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_NOT_PASSED);
  g_assert_cmpstr (reason (&result, 0), ==,
                   "Average total score 45.00 → 2 stars (30 to under 50 points)");
  g_assert_cmpstr (reason (&result, 1), ==,
                   "An OCOP product needs at least 3 stars: not passed");
  ocop_council_result_clear (&result);
}

/* Roles and authority ----------------------------------------------------- */

static void
test_role_scores (void)
{
  OcopCouncilRules rules = province_1048;

  g_assert_true (ocop_rating_role_scores (&rules, OCOP_ROLE_CHAIR));
  g_assert_true (ocop_rating_role_scores (&rules, OCOP_ROLE_VICE_CHAIR));
  g_assert_true (ocop_rating_role_scores (&rules, OCOP_ROLE_MEMBER));
  g_assert_false (ocop_rating_role_scores (&rules, OCOP_ROLE_SECRETARY));
  g_assert_false (ocop_rating_role_scores (&rules, OCOP_ROLE_ADVISORY));

  rules.secretary_scores = TRUE;
  g_assert_true (ocop_rating_role_scores (&rules, OCOP_ROLE_SECRETARY));
  g_assert_false (ocop_rating_role_scores (&rules, OCOP_ROLE_ADVISORY));

  rules.secretary_scores = FALSE;
  rules.advisory_scores = TRUE;
  g_assert_false (ocop_rating_role_scores (&rules, OCOP_ROLE_SECRETARY));
  g_assert_true (ocop_rating_role_scores (&rules, OCOP_ROLE_ADVISORY));

  g_assert_false (ocop_rating_role_scores (&rules, OCOP_ROLE_N));
}

static void
test_authority (void)
{
  static const struct
  {
    OcopRegime regime;
    OcopLevel  level;
    int        min, max;
  } cases[] = {
    { OCOP_REGIME_1048, OCOP_LEVEL_COMMUNE, 0, 0 },
    { OCOP_REGIME_1048, OCOP_LEVEL_DISTRICT, 0, 0 },
    { OCOP_REGIME_1048, OCOP_LEVEL_PROVINCE, 3, 4 },
    { OCOP_REGIME_1048, OCOP_LEVEL_CENTRAL, 5, 5 },
    { OCOP_REGIME_148, OCOP_LEVEL_COMMUNE, 0, 0 },
    { OCOP_REGIME_148, OCOP_LEVEL_DISTRICT, 3, 3 },
    { OCOP_REGIME_148, OCOP_LEVEL_PROVINCE, 4, 4 },
    { OCOP_REGIME_148, OCOP_LEVEL_CENTRAL, 5, 5 },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_COMMUNE, 0, 0 },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_DISTRICT, 0, 0 },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_PROVINCE, 3, 4 },
    { OCOP_REGIME_148_1489, OCOP_LEVEL_CENTRAL, 5, 5 },
  };
  int min = -1, max = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ocop_rating_authority (cases[i].regime, cases[i].level, &min, &max);
      g_assert_cmpint (min, ==, cases[i].min);
      g_assert_cmpint (max, ==, cases[i].max);
    }

  /* An invalid level is a programming error: nothing is recognised. */
  g_test_expect_message ("ocop-rating", G_LOG_LEVEL_CRITICAL, "*invalid regime*");
  ocop_rating_authority (OCOP_REGIME_148, OCOP_LEVEL_N, &min, &max);
  g_test_assert_expected_messages ();
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (max, ==, 0);
}

/* Formatting -------------------------------------------------------------- */

static void
test_format_score (void)
{
  static const struct
  {
    double      score;
    const char *en;
    const char *vi;
  } cases[] = {
    { 91.3, "91.30", "91,30" },
    { 77.4, "77.40", "77,40" },
    { 69.999, "69.99", "69,99" },
    { 69.995, "69.99", "69,99" },
    { 70, "70.00", "70,00" },
    { 100, "100.00", "100,00" },
    { 0, "0.00", "0,00" },
    { 0.1, "0.10", "0,10" },
    { 33.333333, "33.33", "33,33" },
    { 66.666667, "66.66", "66,66" },
    { -1.5, "-1.50", "-1,50" },
  };

  use_language ("en");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = ocop_rating_format_score (cases[i].score);
      g_assert_cmpstr (s, ==, cases[i].en);
    }

  use_language ("vi");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = ocop_rating_format_score (cases[i].score);
      g_assert_cmpstr (s, ==, cases[i].vi);
    }

  /* A regional Vietnamese locale name also uses the comma. */
  use_language ("vi_VN");
  {
    g_autofree char *s = ocop_rating_format_score (91.3);
    g_assert_cmpstr (s, ==, "91,30");
  }

  use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/rating/sheet/full", test_sheet_full);
  g_test_add_func ("/ocop/rating/sheet/empty", test_sheet_empty);
  g_test_add_func ("/ocop/rating/sheet/bad-option", test_sheet_bad_option);
  g_test_add_func ("/ocop/rating/sheet/choose-case", test_sheet_choose_case);
  g_test_add_func ("/ocop/rating/sheet/additive", test_sheet_additive);
  g_test_add_func ("/ocop/rating/sheet/story", test_sheet_story);
  g_test_add_func ("/ocop/rating/sheet/stop-if-zero", test_sheet_stop_if_zero);
  g_test_add_func ("/ocop/rating/sheet/stop-if-zero-group", test_sheet_stop_if_zero_group);
  g_test_add_func ("/ocop/rating/sheet/stop-if-zero-scope", test_sheet_stop_if_zero_scope);
  g_test_add_func ("/ocop/rating/sheet/stop-if", test_sheet_stop_if);
  g_test_add_func ("/ocop/rating/sheet/stop-if-part", test_sheet_stop_if_part);
  g_test_add_func ("/ocop/rating/sheet/earliest-stop", test_sheet_earliest_stop);
  g_test_add_func ("/ocop/rating/sheet/knocked-out", test_sheet_knocked_out);
  g_test_add_func ("/ocop/rating/sheet/qd-1048", test_sheet_qd_1048);
  g_test_add_func ("/ocop/rating/council/bands", test_council_bands);
  g_test_add_func ("/ocop/rating/council/unrounded", test_council_unrounded);
  g_test_add_func ("/ocop/rating/council/reasons", test_council_reasons);
  g_test_add_func ("/ocop/rating/council/part-means", test_council_part_means);
  g_test_add_func ("/ocop/rating/council/spread", test_council_spread);
  g_test_add_func ("/ocop/rating/council/spread-custom-set", test_council_spread_custom_set);
  g_test_add_func ("/ocop/rating/council/knocked-out", test_council_knocked_out);
  g_test_add_func ("/ocop/rating/council/absent-recused", test_council_absent_recused);
  g_test_add_func ("/ocop/rating/council/secretary-advisory", test_council_secretary_advisory);
  g_test_add_func ("/ocop/rating/council/incomplete", test_council_incomplete);
  g_test_add_func ("/ocop/rating/council/authority-outcomes", test_council_authority_outcomes);
  g_test_add_func ("/ocop/rating/council/authority-reasons", test_council_authority_reasons);
  g_test_add_func ("/ocop/rating/role-scores", test_role_scores);
  g_test_add_func ("/ocop/rating/authority", test_authority);
  g_test_add_func ("/ocop/rating/format-score", test_format_score);

  return g_test_run ();
}
