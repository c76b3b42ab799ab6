/* ocop-rating.c: the rating engine
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-rating"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ocop-rating.h"

/* Member totals are sums of option points with at most two decimals, so a true
 * spread is a multiple of 0.01. This only absorbs the binary representation noise of
 * differences such as 70.01 - 60.01 (10.000000000000007), which would otherwise send
 * a spread of exactly 10 to a rescore; it can never let 10.01 pass a limit of 10.
 * (ocop_criteria_set_stars_for_score () absorbs the same noise for the bands.) */
#define SCORE_NOISE 1e-9

/* Sheet scoring ----------------------------------------------------------- */

typedef struct
{
  const OcopSheet        *sheet;
  const OcopSheetAnswers *answers;
  OcopSheetScore         *score;
  guint                   n_leaves;
  /* The first STOPPED leaf (n_leaves when none) and the rule's owner. */
  guint                   first_stopped;
  gboolean                stopped;
  const OcopCriterion    *stopped_at;
  /* One-entry cache for applies_if look-ups (5.2 and 5.3 both name 5.1). */
  const char             *story_code;
  int                     story_leaf;
} SheetContext;

static inline gboolean
leaf_answer (const SheetContext *ctx,
             guint               leaf_index,
             double             *points)
{
  const OcopCriterion *leaf;
  int option;

  if (ctx->answers == NULL || ctx->answers->options == NULL)
    return FALSE;

  option = ctx->answers->options[leaf_index];
  if (option < 0)
    return FALSE;

  leaf = g_ptr_array_index (ctx->sheet->leaves, leaf_index);
  if ((guint) option >= leaf->options->len)
    return FALSE;

  if (points != NULL)
    *points = ((const OcopOption *) g_ptr_array_index (leaf->options, option))->points;

  return TRUE;
}

static inline gboolean
criterion_is_leaf (const OcopCriterion *criterion)
{
  return criterion->children == NULL || criterion->children->len == 0;
}

/* Leaves of a criterion are contiguous in document order: [first, last]. */
static int
first_leaf (const OcopCriterion *criterion)
{
  while (!criterion_is_leaf (criterion))
    criterion = g_ptr_array_index (criterion->children, 0);

  return criterion->leaf_index;
}

static int
last_leaf (const OcopCriterion *criterion)
{
  while (!criterion_is_leaf (criterion))
    criterion = g_ptr_array_index (criterion->children, criterion->children->len - 1);

  return criterion->leaf_index;
}

/* The first leaf of part @index or of the first part after it that has leaves;
 * the number of leaves when there is none. */
static guint
part_first_leaf (const OcopSheet *sheet,
                 guint            index)
{
  for (guint p = index; p < sheet->parts->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);

      for (guint s = 0; s < part->sections->len; s++)
        {
          const OcopSection *section = g_ptr_array_index (part->sections, s);

          if (section->criteria->len > 0)
            return (guint) first_leaf (g_ptr_array_index (section->criteria, 0));
        }
    }

  return sheet->leaves->len;
}

static const OcopCriterion *
find_in_criteria (GPtrArray  *criteria,
                  const char *code)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      const OcopCriterion *criterion = g_ptr_array_index (criteria, i);
      const OcopCriterion *found;

      if (g_strcmp0 (criterion->code, code) == 0)
        return criterion;

      if (!criterion_is_leaf (criterion) &&
          (found = find_in_criteria (criterion->children, code)) != NULL)
        return found;
    }

  return NULL;
}

/* Only rules with a scope look criteria up by code; there are a handful per sheet. */
static const OcopCriterion *
find_criterion (const OcopSheet *sheet,
                const char      *code)
{
  for (guint p = 0; p < sheet->parts->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);

      for (guint s = 0; s < part->sections->len; s++)
        {
          const OcopSection *section = g_ptr_array_index (part->sections, s);
          const OcopCriterion *found = find_in_criteria (section->criteria, code);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static gboolean
has_rule (const OcopCriterion *criterion,
          OcopRuleKind         kind)
{
  if (criterion->rules == NULL)
    return FALSE;

  for (guint i = 0; i < criterion->rules->len; i++)
    {
      const OcopRule *rule = g_ptr_array_index (criterion->rules, i);

      if (rule->kind == kind)
        return TRUE;
    }

  return FALSE;
}

/* Whether the product has a story for a criterion with applies_if. */
static gboolean
story_told (SheetContext *ctx,
            const char   *code)
{
  double points = 0;

  if (ctx->story_code == NULL || strcmp (ctx->story_code, code) != 0)
    {
      ctx->story_code = code;
      ctx->story_leaf = -1;

      for (guint i = 0; i < ctx->n_leaves; i++)
        {
          const OcopCriterion *leaf = g_ptr_array_index (ctx->sheet->leaves, i);

          if (g_strcmp0 (leaf->code, code) == 0)
            {
              ctx->story_leaf = (int) i;
              break;
            }
        }
    }

  if (ctx->story_leaf < 0)
    return FALSE;

  return leaf_answer (ctx, (guint) ctx->story_leaf, &points) && points > 0;
}

/* Raw points and number of answers of a criterion's leaves, whatever their state:
 * used to tell which case of a choose-one group was chosen. */
static guint
criterion_answers (const SheetContext  *ctx,
                   const OcopCriterion *criterion,
                   double              *points)
{
  int last = last_leaf (criterion);
  guint n = 0;

  *points = 0;
  for (int i = first_leaf (criterion); i <= last; i++)
    {
      double p;

      if (leaf_answer (ctx, (guint) i, &p))
        {
          n++;
          *points += p;
        }
    }

  return n;
}

/* Pass 1: REQUIRED or NOT_APPLICABLE, from the story and choose-one rules. */
static void
mark_applicable (SheetContext        *ctx,
                 const OcopCriterion *criterion,
                 gboolean             not_applicable)
{
  if (criterion->applies_if != NULL)
    {
      gboolean story = story_told (ctx, criterion->applies_if);

      if (story)
        ctx->score->has_story = TRUE;
      else
        not_applicable = TRUE;
    }

  if (criterion_is_leaf (criterion))
    {
      if (criterion->leaf_index >= 0 && (guint) criterion->leaf_index < ctx->n_leaves)
        ctx->score->leaf_states[criterion->leaf_index] =
          not_applicable ? OCOP_LEAF_NOT_APPLICABLE : OCOP_LEAF_REQUIRED;
      return;
    }

  if (criterion->aggregation == OCOP_AGGREGATION_MAX ||
      has_rule (criterion, OCOP_RULE_CHOOSE_CASE))
    {
      /* The chosen case is the one with answers (the highest points if several
       * have some); before any answer, the first case. */
      guint chosen = 0;
      double best = -G_MAXDOUBLE;

      for (guint i = 0; i < criterion->children->len; i++)
        {
          double points;

          if (criterion_answers (ctx, g_ptr_array_index (criterion->children, i), &points) > 0 &&
              points > best)
            {
              best = points;
              chosen = i;
            }
        }

      for (guint i = 0; i < criterion->children->len; i++)
        mark_applicable (ctx, g_ptr_array_index (criterion->children, i),
                         not_applicable || i != chosen);
    }
  else
    {
      for (guint i = 0; i < criterion->children->len; i++)
        mark_applicable (ctx, g_ptr_array_index (criterion->children, i), not_applicable);
    }
}

static void
stop_after (SheetContext        *ctx,
            guint                first_stopped,
            const OcopCriterion *criterion)
{
  /* Several rules may fire: the earliest end wins (in document order on a tie). */
  if (!ctx->stopped || first_stopped < ctx->first_stopped)
    {
      ctx->first_stopped = MIN (first_stopped, ctx->n_leaves);
      ctx->stopped_at = criterion;
    }
  ctx->stopped = TRUE;
}

static gboolean
condition_recorded (const SheetContext *ctx,
                    const char         *code)
{
  if (ctx->answers == NULL || ctx->answers->stop_conditions == NULL || code == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) ctx->answers->stop_conditions, code);
}

/* Whether an applicable, answered leaf in [first, last] scores 0. */
static gboolean
range_has_zero (const SheetContext *ctx,
                int                 first,
                int                 last)
{
  for (int i = first; i <= last; i++)
    {
      double points;

      if (i < 0 || (guint) i >= ctx->n_leaves)
        continue;

      if (ctx->score->leaf_states[i] == OCOP_LEAF_REQUIRED &&
          leaf_answer (ctx, (guint) i, &points) && points <= 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
range_applies (const SheetContext *ctx,
               int                 first,
               int                 last)
{
  for (int i = first; i <= last; i++)
    if (i >= 0 && (guint) i < ctx->n_leaves &&
        ctx->score->leaf_states[i] == OCOP_LEAF_REQUIRED)
      return TRUE;

  return FALSE;
}

/* Evaluates one stop rule. @criterion is NULL for a part-level rule of @part. */
static void
apply_stop_rule (SheetContext        *ctx,
                 const OcopRule      *rule,
                 const OcopCriterion *criterion,
                 const OcopPart      *part)
{
  gboolean fired = FALSE;
  int end = criterion != NULL ? last_leaf (criterion) : -1;

  if (rule->kind != OCOP_RULE_STOP_IF_ZERO && rule->kind != OCOP_RULE_STOP_IF)
    return;

  if (rule->scope != NULL && rule->scope[0] != NULL)
    {
      for (guint i = 0; rule->scope[i] != NULL; i++)
        {
          const OcopCriterion *scoped = find_criterion (ctx->sheet, rule->scope[i]);

          if (scoped == NULL)
            continue;

          end = MAX (end, last_leaf (scoped));
          if (rule->kind == OCOP_RULE_STOP_IF_ZERO &&
              range_has_zero (ctx, first_leaf (scoped), last_leaf (scoped)))
            fired = TRUE;
        }
    }
  else if (rule->kind == OCOP_RULE_STOP_IF_ZERO && criterion != NULL)
    {
      fired = range_has_zero (ctx, first_leaf (criterion), last_leaf (criterion));
    }

  if (rule->kind == OCOP_RULE_STOP_IF)
    {
      if (criterion != NULL)
        fired = condition_recorded (ctx, criterion->code) &&
                range_applies (ctx, first_leaf (criterion), last_leaf (criterion));
      else
        fired = condition_recorded (ctx, part->code);
    }

  if (!fired)
    return;

  if (criterion == NULL && rule->kind == OCOP_RULE_STOP_IF)
    stop_after (ctx, part_first_leaf (ctx->sheet, part->index), NULL);
  else if (end >= 0)
    stop_after (ctx, (guint) end + 1, criterion);
}

/* Pass 2: the stop rules, in document order. */
static void
find_stops (SheetContext        *ctx,
            const OcopCriterion *criterion)
{
  if (criterion->rules != NULL)
    for (guint i = 0; i < criterion->rules->len; i++)
      apply_stop_rule (ctx, g_ptr_array_index (criterion->rules, i), criterion, NULL);

  if (!criterion_is_leaf (criterion))
    for (guint i = 0; i < criterion->children->len; i++)
      find_stops (ctx, g_ptr_array_index (criterion->children, i));
}

void
ocop_rating_score_sheet (const OcopCriteriaSet  *set,
                         const OcopSheet        *sheet,
                         const OcopSheetAnswers *answers,
                         OcopSheetScore         *score)
{
  SheetContext ctx = { 0 };

  g_return_if_fail (set != NULL);
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (score != NULL);

  memset (score, 0, sizeof *score);
  score->n_leaves = sheet->leaves->len;
  score->n_parts = MIN (sheet->parts->len, OCOP_RATING_MAX_PARTS);
  score->leaf_states = g_new (OcopLeafState, MAX (score->n_leaves, 1));
  score->knocked_out = answers != NULL && answers->knocked_out;

  ctx.sheet = sheet;
  ctx.answers = answers;
  ctx.score = score;
  ctx.n_leaves = score->n_leaves;
  ctx.first_stopped = score->n_leaves;

  for (guint i = 0; i < ctx.n_leaves; i++)
    score->leaf_states[i] = OCOP_LEAF_REQUIRED;

  /* Pass 1: applicability. */
  for (guint p = 0; p < sheet->parts->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);

      for (guint s = 0; s < part->sections->len; s++)
        {
          const OcopSection *section = g_ptr_array_index (part->sections, s);

          for (guint c = 0; c < section->criteria->len; c++)
            mark_applicable (&ctx, g_ptr_array_index (section->criteria, c), FALSE);
        }
    }

  /* Pass 2: stop rules (they read the applicability of pass 1). */
  for (guint p = 0; p < sheet->parts->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);

      if (part->rules != NULL)
        for (guint i = 0; i < part->rules->len; i++)
          apply_stop_rule (&ctx, g_ptr_array_index (part->rules, i), NULL, part);

      for (guint s = 0; s < part->sections->len; s++)
        {
          const OcopSection *section = g_ptr_array_index (part->sections, s);

          for (guint c = 0; c < section->criteria->len; c++)
            find_stops (&ctx, g_ptr_array_index (section->criteria, c));
        }
    }

  score->stopped = ctx.stopped;
  score->stopped_at = ctx.stopped_at;

  /* Pass 3: totals. */
  for (guint i = 0; i < ctx.n_leaves; i++)
    {
      const OcopCriterion *leaf;
      double points;

      if (i >= ctx.first_stopped)
        score->leaf_states[i] = OCOP_LEAF_STOPPED;

      if (score->leaf_states[i] != OCOP_LEAF_REQUIRED)
        continue;

      score->required++;
      if (!leaf_answer (&ctx, i, &points))
        continue;

      score->answered++;
      score->total += points;

      leaf = g_ptr_array_index (sheet->leaves, i);
      if (leaf->part != NULL && leaf->part->index < score->n_parts)
        score->part_totals[leaf->part->index] += points;
    }

  score->complete = score->answered == score->required;
  score->stars = score->knocked_out ? 0
                 : ocop_criteria_set_stars_for_score (set, score->total);
}

void
ocop_sheet_score_clear (OcopSheetScore *score)
{
  g_return_if_fail (score != NULL);

  g_clear_pointer (&score->leaf_states, g_free);
  score->n_leaves = 0;
}

/* Council ----------------------------------------------------------------- */

gboolean
ocop_rating_role_scores (const OcopCouncilRules *rules,
                         OcopRole                role)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  switch (role)
    {
    case OCOP_ROLE_CHAIR:
    case OCOP_ROLE_VICE_CHAIR:
    case OCOP_ROLE_MEMBER:
      return TRUE;
    case OCOP_ROLE_SECRETARY:
      return rules->secretary_scores;
    case OCOP_ROLE_ADVISORY:
      return rules->advisory_scores;
    case OCOP_ROLE_N:
    default:
      return FALSE;
    }
}

void
ocop_rating_authority (OcopRegime  regime,
                       OcopLevel   level,
                       int        *min_stars,
                       int        *max_stars)
{
  /* OCOP.md §3.1. Under 1048 the district council pre-ranks and forwards 3★ and
   * above to the province; under 148 it recognises 3★; QĐ 1489 (2025) abolished the
   * district level, the province recognises 3★–4★, and 5★ is always central. */
  static const int authority[OCOP_REGIME_N][OCOP_LEVEL_N][2] = {
    [OCOP_REGIME_1048] = { { 0, 0 }, { 0, 0 }, { 3, 4 }, { 5, 5 } },
    [OCOP_REGIME_148] = { { 0, 0 }, { 3, 3 }, { 4, 4 }, { 5, 5 } },
    [OCOP_REGIME_148_1489] = { { 0, 0 }, { 0, 0 }, { 3, 4 }, { 5, 5 } },
  };
  int lo = 0, hi = 0;

  if ((guint) regime < OCOP_REGIME_N && (guint) level < OCOP_LEVEL_N)
    {
      lo = authority[regime][level][0];
      hi = authority[regime][level][1];
    }
  else
    g_critical ("%s: invalid regime %d or level %d", G_STRFUNC, regime, level);

  if (min_stars != NULL)
    *min_stars = lo;
  if (max_stars != NULL)
    *max_stars = hi;
}

/* The level a council proposes to. */
static OcopLevel
higher_level (OcopRegime regime,
              OcopLevel  level)
{
  if (level >= OCOP_LEVEL_CENTRAL)
    return OCOP_LEVEL_CENTRAL;

  /* Since QĐ 1489 there is no district level: communes propose to the province. */
  if (regime == OCOP_REGIME_148_1489 && level == OCOP_LEVEL_COMMUNE)
    return OCOP_LEVEL_PROVINCE;

  return level + 1;
}

/* A limit or band bound: "10" when whole, else like a score. */
static char *
format_number (double value)
{
  if (value == floor (value) && fabs (value) < 1e9)
    return g_strdup_printf ("%.0f", value);

  return ocop_rating_format_score (value);
}

static void
add_reason (OcopCouncilResult *result,
            char              *reason)
{
  g_ptr_array_add (result->reasons, reason);
}

static char *
score_reason (const OcopCriteriaSet *set,
              double                 score,
              int                    stars)
{
  g_autofree char *score_str = ocop_rating_format_score (score);
  const OcopStarBand *band = stars > 0 ? ocop_criteria_set_get_band (set, stars) : NULL;
  const OcopStarBand *next = stars > 0 ? ocop_criteria_set_get_band (set, stars + 1) : NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (band == NULL)
    /* Translators: %s is the council's average score, e.g. "12,50" */
    return g_strdup_printf (_("Average total score %s is below every star band"), score_str);

  low = format_number (band->min_score);

  if (next == NULL)
    {
      high = format_number (set->total_max);
      return g_strdup_printf (ngettext (
        /* Translators: the council's average score and its band: "Average total score
         * 91,30 → 5 stars (90 to 100 points)"; the first %s is the score, %d the stars,
         * then the band's lowest and highest points */
        "Average total score %s → %d star (%s to %s points)",
        "Average total score %s → %d stars (%s to %s points)",
        stars), score_str, stars, low, high);
    }

  high = format_number (next->min_score);
  return g_strdup_printf (ngettext (
    /* Translators: the council's average score and its band: "Average total score
     * 77,40 → 4 stars (70 to under 90 points)"; the first %s is the score, %d the
     * stars, then the band's lowest points and the next band's lowest points */
    "Average total score %s → %d star (%s to under %s points)",
    "Average total score %s → %d stars (%s to under %s points)",
    stars), score_str, stars, low, high);
}

static char *
authority_range (int min_stars,
                 int max_stars)
{
  if (max_stars == 0)
    return g_strdup (_("no stars"));

  if (min_stars == max_stars)
    /* Translators: what a council may recognise, as in "recognises 3 stars" */
    return g_strdup_printf (ngettext ("%d star", "%d stars", max_stars), max_stars);

  /* Translators: what a council may recognise, as in "recognises 3 to 4 stars" */
  return g_strdup_printf (_("%d to %d stars"), min_stars, max_stars);
}

void
ocop_rating_council (const OcopCriteriaSet  *set,
                     const OcopCouncilRules *rules,
                     const OcopMemberInput  *members,
                     guint                   n_members,
                     OcopCouncilResult      *result)
{
  double sum = 0, lowest = 0, highest = 0;
  double part_sums[OCOP_RATING_MAX_PARTS] = { 0 };
  int min_stars, max_stars;

  g_return_if_fail (set != NULL);
  g_return_if_fail (rules != NULL);
  g_return_if_fail (members != NULL || n_members == 0);
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
  result->reasons = g_ptr_array_new_with_free_func (g_free);
  result->outcome = OCOP_OUTCOME_INCOMPLETE;
  result->n_parts = set->part_templates != NULL
                    ? MIN (set->part_templates->len, OCOP_RATING_MAX_PARTS)
                    : 0;

  for (guint i = 0; i < n_members; i++)
    {
      const OcopMemberInput *member = &members[i];

      if (!member->present || member->recused || !ocop_rating_role_scores (rules, member->role))
        continue;

      result->n_expected++;
      if (!member->has_sheet)
        continue;

      if (result->n_counted == 0)
        lowest = highest = member->total;
      lowest = MIN (lowest, member->total);
      highest = MAX (highest, member->total);

      result->n_counted++;
      sum += member->total;
      for (guint p = 0; p < result->n_parts && p < member->n_parts; p++)
        part_sums[p] += member->part_totals[p];
      if (member->knocked_out)
        result->n_knocked_out++;
    }

  if (result->n_counted > 0)
    {
      result->score = sum / result->n_counted;
      for (guint p = 0; p < result->n_parts; p++)
        result->part_means[p] = part_sums[p] / result->n_counted;
      result->stars = ocop_criteria_set_stars_for_score (set, result->score);
      result->spread = highest - lowest;
    }
  result->spread_ok = result->spread <= set->spread_limit + SCORE_NOISE;

  /* Not every sheet is in. */
  if (result->n_counted == 0 || result->n_counted < result->n_expected)
    {
      guint missing = result->n_expected - result->n_counted;

      if (result->n_expected == 0)
        add_reason (result, g_strdup (_("No member who scores is present")));
      else
        add_reason (result, g_strdup_printf (ngettext (
          /* Translators: "2 of 7 sheets are still missing" */
          "%u of %u sheet is still missing",
          "%u of %u sheets are still missing",
          result->n_expected), missing, result->n_expected));

      if (result->n_counted > 0)
        add_reason (result, score_reason (set, result->score, result->stars));
      return;
    }

  if (result->n_knocked_out > 0)
    {
      result->outcome = OCOP_OUTCOME_NOT_PASSED;
      add_reason (result, g_strdup_printf (ngettext (
        /* Translators: "Knocked out on 2 of 5 sheets: not passed whatever the points" */
        "Knocked out on %u of %u sheet: not passed whatever the points",
        "Knocked out on %u of %u sheets: not passed whatever the points",
        result->n_counted), result->n_knocked_out, result->n_counted));
      add_reason (result, score_reason (set, result->score, result->stars));
      return;
    }

  if (!result->spread_ok)
    {
      g_autofree char *spread = ocop_rating_format_score (result->spread);
      g_autofree char *limit = format_number (set->spread_limit);

      result->outcome = OCOP_OUTCOME_RESCORE;
      add_reason (result, g_strdup_printf (
        /* Translators: "The members' totals differ by 12,00 points (more than 10): the
         * council must rescore"; the first %s is the difference, the second the limit */
        _("The members' totals differ by %s points (more than %s): the council must rescore"),
        spread, limit));
      add_reason (result, score_reason (set, result->score, result->stars));
      return;
    }

  if (result->stars < set->recognised_min_stars)
    {
      result->outcome = OCOP_OUTCOME_NOT_PASSED;
      add_reason (result, score_reason (set, result->score, result->stars));
      add_reason (result, g_strdup_printf (ngettext (
        /* Translators: %d is the lowest star band of an OCOP product, e.g. 3 */
        "An OCOP product needs at least %d star: not passed",
        "An OCOP product needs at least %d stars: not passed",
        set->recognised_min_stars), set->recognised_min_stars));
      return;
    }

  ocop_rating_authority (rules->regime, rules->level, &min_stars, &max_stars);

  if (max_stars == 0 || result->stars > max_stars)
    {
      g_autofree char *range = authority_range (min_stars, max_stars);

      result->outcome = OCOP_OUTCOME_PROPOSED;
      add_reason (result, g_strdup_printf (ngettext (
        /* Translators: "This council (District level, QĐ 148/QĐ-TTg (2023)) recognises
         * 3 stars; the product's 4 stars are proposed to Province level". The first %s
         * is the council's level, the second the regime, the third what the council may
         * recognise ("3 stars", "3 to 4 stars", "no stars"), %d the product's stars and
         * the last %s the level proposed to */
        "This council (%s, %s) recognises %s; the product's %d star is proposed to %s",
        "This council (%s, %s) recognises %s; the product's %d stars are proposed to %s",
        result->stars),
        ocop_level_get_label (rules->level), ocop_regime_get_label (rules->regime),
        range, result->stars,
        ocop_level_get_label (higher_level (rules->regime, rules->level))));
      add_reason (result, score_reason (set, result->score, result->stars));
      return;
    }

  if (result->stars < min_stars)
    {
      g_autofree char *range = authority_range (min_stars, max_stars);

      result->outcome = OCOP_OUTCOME_RETURNED;
      add_reason (result, g_strdup_printf (ngettext (
        /* Translators: "This council (Central level, QĐ 1048/QĐ-TTg (2019)) recognises
         * 5 stars; the product's 4 stars are recognised at the lower level". The first
         * %s is the council's level, the second the regime, the third what the council
         * may recognise, %d the product's stars */
        "This council (%s, %s) recognises %s; the product's %d star is recognised at the lower level",
        "This council (%s, %s) recognises %s; the product's %d stars are recognised at the lower level",
        result->stars),
        ocop_level_get_label (rules->level), ocop_regime_get_label (rules->regime),
        range, result->stars));
      add_reason (result, score_reason (set, result->score, result->stars));
      return;
    }

  result->outcome = OCOP_OUTCOME_RECOGNISED;
  add_reason (result, score_reason (set, result->score, result->stars));
  add_reason (result, g_strdup_printf (ngettext (
    /* Translators: "4 stars are within the authority of this council (Province level,
     * QĐ 1048/QĐ-TTg (2019)): recognised"; %d is the stars, the first %s the council's
     * level, the second the regime */
    "%d star is within the authority of this council (%s, %s): recognised",
    "%d stars are within the authority of this council (%s, %s): recognised",
    result->stars),
    result->stars, ocop_level_get_label (rules->level), ocop_regime_get_label (rules->regime)));
}

void
ocop_council_result_clear (OcopCouncilResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->reasons, g_ptr_array_unref);
}

/* Formatting -------------------------------------------------------------- */

char *
ocop_rating_format_score (double score)
{
  const char * const *languages = g_get_language_names ();
  const char *separator = ".";
  gboolean negative;
  gint64 hundredths;

  if (languages != NULL && languages[0] != NULL && g_str_has_prefix (languages[0], "vi"))
    separator = ",";

  if (!isfinite (score))
    return g_strdup ("—");

  /* Round to 1e-5 first to drop the binary noise (77.4 is 77.39999…), then truncate
   * to hundredths: 69.999 must never show as 70.00 in the 3-star band. */
  negative = score < 0;
  hundredths = llround (fabs (score) * 100000.0) / 1000;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%02d",
                          negative && hundredths != 0 ? "-" : "",
                          hundredths / 100, separator, (int) (hundredths % 100));
}
