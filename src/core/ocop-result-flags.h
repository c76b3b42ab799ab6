/* ocop-result-flags.h: what the secretary's matrix flags about a product's result
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ocop-criteria.h"
#include "ocop-rating.h"

G_BEGIN_DECLS

/* Pure functions over the members' totals and answers, like the rating engine: no
 * database, no I/O. They say where a council should look twice before it signs. */

/* How close to a star boundary counts as "near": one point, either side. */
#define OCOP_RESULT_NEAR_BOUNDARY 1.0

/* The most members a disagreement row keeps points for. */
#define OCOP_RESULT_MAX_MEMBERS 32

typedef struct _OcopResultFlags
{
  /* Highest minus lowest total is above the set's spread limit: cannot be finalised,
   * the council rescores. */
  gboolean  spread_exceeded;
  double    spread;
  /* The mean lies within OCOP_RESULT_NEAR_BOUNDARY of a band's lower bound. */
  gboolean  near_boundary;
  double    boundary;           /* that bound, valid when near_boundary */
  /* Leaving out one member's total moves the mean into another band. */
  gboolean  fragile;
  guint     fragile_index;      /* the first such member, an index into the totals */
  int       fragile_stars;      /* the stars without that member */
  guint     n_fragile;          /* how many members have that power */
} OcopResultFlags;

/* @totals: the counted members' totals (those that make the mean). With no totals,
 * nothing is flagged. */
void     ocop_result_flags_compute     (const OcopCriteriaSet *set,
                                        const double          *totals,
                                        guint                  n_totals,
                                        OcopResultFlags       *flags);
/* Whether any flag is raised. */
gboolean ocop_result_flags_any         (const OcopResultFlags *flags);

/* One criterion (leaf) and what each member gave it. */
typedef struct _OcopDisagreement
{
  int                  leaf_index;
  const OcopCriterion *criterion;        /* borrowed from the sheet */
  double               lowest;
  double               highest;
  double               spread;           /* highest - lowest */
  guint                n_points;
  double               points[OCOP_RESULT_MAX_MEMBERS];  /* per member, in input order */
} OcopDisagreement;

/* The criteria of @sheet where the members' points differ, largest difference first
 * (ties in sheet order), at most @limit of them (0: all). A leaf that does not apply
 * on a member's sheet (not applicable, stopped) counts as 0 there, as in the total.
 * Returns a GArray of OcopDisagreement; empty when all agree. */
GArray  *ocop_result_disagreements     (const OcopCriteriaSet  *set,
                                        const OcopSheet        *sheet,
                                        const OcopSheetAnswers *answers,
                                        guint                   n_answers,
                                        guint                   limit);

G_END_DECLS
