/* ocop-rating.h: the rating engine
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ocop-criteria.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* Pure functions: no database, no I/O. Every rule comes from the criteria set and the
 * council's settings (ARCHITECTURE.md, "The rating engine's rules"). */

#define OCOP_RATING_MAX_PARTS 8

/* One member's answers on one sheet. */
typedef struct _OcopSheetAnswers
{
  /* answers[leaf_index] = index of the ticked option in that leaf's options, or -1.
   * Length: sheet->leaves->len. */
  const int          *options;
  /* The knock-out ("Bị loại khi …" of the sheet, or a criterion's "Bị loại nếu …")
   * was recorded as met. */
  gboolean            knocked_out;
  /* Codes of criteria (or parts, by their code "A"/"B"/"C") whose OCOP_RULE_STOP_IF
   * condition was recorded as met; NULL-terminated, or NULL. */
  const char * const *stop_conditions;
} OcopSheetAnswers;

typedef enum
{
  OCOP_LEAF_REQUIRED,      /* applies: needs an answer */
  OCOP_LEAF_NOT_APPLICABLE,/* story criterion without a story, or the other case of a choose-one */
  OCOP_LEAF_STOPPED,       /* after a stop rule fired: not evaluated */
} OcopLeafState;

typedef struct _OcopSheetScore
{
  double         total;                          /* sum of the counted points */
  double         part_totals[OCOP_RATING_MAX_PARTS];
  guint          n_parts;
  guint          answered;      /* required leaves with an answer */
  guint          required;      /* leaves that need an answer */
  gboolean       complete;      /* answered == required */
  gboolean       knocked_out;
  gboolean       has_story;
  /* The criterion (or NULL for a part-level rule) whose stop rule ended the sheet, and
   * whether one did. */
  gboolean       stopped;
  const OcopCriterion *stopped_at;
  /* Per leaf (sheet->leaves->len entries), owned by the caller through
   * ocop_sheet_score_clear(). */
  OcopLeafState *leaf_states;
  guint          n_leaves;
  /* Provisional stars of this sheet alone, from the set's bands (0 when knocked out). */
  int            stars;
} OcopSheetScore;

/* Score one sheet. @score is filled in; call ocop_sheet_score_clear() afterwards.
 * Runs in well under a millisecond for any sheet of the 1048 set. */
void      ocop_rating_score_sheet   (const OcopCriteriaSet  *set,
                                     const OcopSheet        *sheet,
                                     const OcopSheetAnswers *answers,
                                     OcopSheetScore         *score);
void      ocop_sheet_score_clear    (OcopSheetScore         *score);

/* One member, as the council's aggregation sees them for one product. */
typedef struct _OcopMemberInput
{
  const char    *name;
  OcopRole       role;
  gboolean       present;
  gboolean       recused;       /* declared conflict of interest for this product */
  gboolean       has_sheet;     /* a submitted sheet exists */
  double         total;
  double         part_totals[OCOP_RATING_MAX_PARTS];
  guint          n_parts;
  gboolean       knocked_out;
} OcopMemberInput;

typedef struct _OcopCouncilRules
{
  OcopLevel      level;
  OcopRegime     regime;
  gboolean       secretary_scores;
  gboolean       advisory_scores;
} OcopCouncilRules;

typedef struct _OcopCouncilResult
{
  OcopOutcome    outcome;
  double         score;        /* unrounded mean of the counted members' totals */
  double         part_means[OCOP_RATING_MAX_PARTS];
  guint          n_parts;
  int            stars;        /* from the unrounded score; 0 when nothing counted */
  double         spread;       /* highest minus lowest counted total */
  gboolean       spread_ok;    /* spread <= the set's limit */
  guint          n_counted;    /* members whose totals make the mean */
  guint          n_expected;   /* members who should score (present, not recused, scoring role) */
  guint          n_knocked_out;
  /* The reasons, in plain language, translated (char*), first the one that decided. */
  GPtrArray     *reasons;
} OcopCouncilResult;

/* Whether a member in @role scores under @rules. */
gboolean  ocop_rating_role_scores   (const OcopCouncilRules *rules,
                                     OcopRole                role);

/* The lowest and highest stars a council at @level may recognise under @regime;
 * 0, 0 when it recognises none (it only proposes upward). */
void      ocop_rating_authority     (OcopRegime              regime,
                                     OcopLevel               level,
                                     int                    *min_stars,
                                     int                    *max_stars);

void      ocop_rating_council       (const OcopCriteriaSet  *set,
                                     const OcopCouncilRules *rules,
                                     const OcopMemberInput  *members,
                                     guint                   n_members,
                                     OcopCouncilResult      *result);
void      ocop_council_result_clear (OcopCouncilResult      *result);

/* "91,30" style: truncated (never rounded up across a band) to two decimals, with
 * the decimal separator of the current UI language. */
char     *ocop_rating_format_score  (double                  score);

G_END_DECLS
