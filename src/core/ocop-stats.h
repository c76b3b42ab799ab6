/* ocop-stats.h: the figures a province reports, and its programme targets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* What the statistics count (all dates YYYY-MM-DD, periods inclusive at both ends):
 *
 * - registered: products in the register whose registration year (product.year, or the
 *   year the row was created when it has none) falls within the years of the period;
 *   the locality is the producer's.
 * - evaluated: products with a result in a finalised meeting dated within the period;
 *   the outcome counted is that of the last round of each meeting × product.
 * - certificates: counted by the locality printed on them (as the register lists
 *   them). The population is every certificate issued on or before the period's end
 *   ("ever certified"); "certified" is the part issued within the period. Each
 *   certificate of the population has exactly one state on @as_of (ocop-certificate.h:
 *   revoked, superseded, expired, expiring, valid), so per star
 *
 *     ever − expired − revoked − superseded = in force (valid + expiring)
 *
 *   holds exactly, always. When a product's certificates do not overlap (issuing here
 *   supersedes the earlier one), "in force" also equals the products in force.
 * - expiring in N days: certificates in force on @as_of whose last day of validity is
 *   within N days after it (as_of ≤ valid_until ≤ as_of + N).
 * - producers by subject type: every producer of the locality; "OCOP subjects" are
 *   those with a certificate in force on @as_of.
 * - upgrades: certificates issued within the period with more stars than the best
 *   earlier certificate of the same product (whether that one was superseded or had
 *   lapsed); and products evaluated as upgrades (evaluation_type 'upgrade') that were
 *   recognised within the period.
 *
 * Every query uses indexes; a national register (15,000 products, 150,000 sheets) is
 * answered in a few tens of milliseconds. */

#define OCOP_STATS_ERROR (ocop_stats_error_quark ())

typedef enum
{
  OCOP_STATS_ERROR_INVALID,     /* a date or a period that is not one */
} OcopStatsError;

typedef struct _OcopStatsQuery
{
  const char *from;       /* first day; NULL: from the beginning */
  const char *to;         /* last day; NULL: today */
  const char *as_of;      /* the day states are taken on; NULL: @to. Not before @to. */
  const char *province;   /* exact; NULL: every province */
  const char *district;   /* exact; NULL: every district */
} OcopStatsQuery;

/* Counts by stars: n[3], n[4], n[5]; n[0] is the total over all stars. */
typedef struct _OcopStarCounts
{
  guint n[6];
} OcopStarCounts;

/* One row of a breakdown (by product set or by district). */
typedef struct _OcopStatsGroup
{
  char  *key;             /* product set code ("07") or district name ("" when unknown) */
  char  *label;           /* product set name from the criteria sets, or the district */
  guint  registered;
  guint  evaluated;
  guint  certified;       /* issued within the period */
  guint  in_force;        /* in force on as_of */
} OcopStatsGroup;

typedef struct _OcopStats
{
  /* The query, resolved. */
  char           *from;             /* "" when open */
  char           *to;
  char           *as_of;
  char           *province;         /* NULL: all */
  char           *district;         /* NULL: all */
  int             notice_days;      /* the expiring window of the register's settings */

  guint           registered;
  guint           evaluated;                    /* distinct products */
  guint           evaluations;                  /* meeting × product */
  guint           by_outcome[OCOP_OUTCOME_N];   /* of the evaluations */

  OcopStarCounts  certified;        /* issued within the period */
  OcopStarCounts  ever_certified;   /* issued on or before the period's end */
  OcopStarCounts  in_force;         /* valid + expiring on as_of */
  OcopStarCounts  valid;
  OcopStarCounts  expiring;         /* within the notice window */
  OcopStarCounts  expired;
  OcopStarCounts  revoked;
  OcopStarCounts  superseded;
  guint           expiring_30;      /* in force, ends within 30 days of as_of */
  guint           expiring_90;
  guint           products_in_force; /* distinct products with a certificate in force */

  guint           producers;
  guint           producers_by_type[OCOP_SUBJECT_N];
  guint           subjects;         /* OCOP subjects: producers with a certificate in force */
  guint           subjects_by_type[OCOP_SUBJECT_N];

  guint           upgraded;             /* certificates with more stars than the product's best before */
  guint           upgrades_recognised;  /* 'upgrade' evaluations recognised */

  GPtrArray      *by_product_set;   /* OcopStatsGroup*, by code */
  GPtrArray      *by_district;      /* OcopStatsGroup*, in Vietnamese order */
} OcopStats;

GQuark      ocop_stats_error_quark  (void);

void        ocop_stats_free         (OcopStats            *stats);
void        ocop_stats_group_free   (OcopStatsGroup       *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopStats, ocop_stats_free)

/* Answers the report's questions for @query (NULL: everything up to today). */
OcopStats  *ocop_db_compute_stats   (OcopDb               *db,
                                     const OcopStatsQuery *query,
                                     GError              **error);

/* @part as a percentage of @whole; 0 when @whole is 0. */
double      ocop_stats_percent      (guint                 part,
                                     guint                 whole);

/* ---- programme targets (mục tiêu) ---- */

typedef enum
{
  OCOP_TARGET_NEW_PRODUCTS,       /* products first certified at ≥ min_stars within the period (count) */
  OCOP_TARGET_UPGRADED_SHARE,     /* % of the products certified before the period that were upgraded in it */
  OCOP_TARGET_COOPERATIVE_SHARE,  /* % of OCOP subjects that are cooperatives */
  OCOP_TARGET_ENTERPRISE_SHARE,   /* % of OCOP subjects that are enterprises */
  OCOP_TARGET_CUSTOM,             /* anything else: achieved is entered */
  OCOP_TARGET_KIND_N
} OcopTargetKind;

typedef enum
{
  OCOP_TARGET_UNIT_COUNT,
  OCOP_TARGET_UNIT_PERCENT,
  OCOP_TARGET_UNIT_N
} OcopTargetUnit;

typedef struct _OcopTarget
{
  gint64          id;
  char           *title;            /* "At least 50 more products at 3★ or above" */
  OcopTargetKind  kind;
  double          value;            /* 50, or 40 (%) */
  OcopTargetUnit  unit;             /* percent for the share kinds, count for new products */
  int             min_stars;        /* for new products; default 3 */
  char           *period_start;     /* YYYY-MM-DD */
  char           *deadline;         /* YYYY-MM-DD */
  char           *province;         /* NULL: every province */
  char           *district;
  double          achieved_value;   /* custom kind: entered; NAN when not entered */
  char           *note;
  gboolean        is_sample;
} OcopTarget;

/* A target with what has been achieved by a day. */
typedef struct _OcopTargetProgress
{
  OcopTarget *target;
  char       *as_of;          /* min (the day asked for, the deadline) */
  gboolean    known;          /* FALSE: a custom target without an entered value */
  double      achieved;       /* in the target's unit */
  guint       numerator;      /* what was counted (products, subjects); 0 for custom */
  guint       denominator;    /* the whole, for shares; 0 otherwise */
  gboolean    met;            /* achieved ≥ value */
} OcopTargetProgress;

const char     *ocop_target_kind_to_string   (OcopTargetKind   kind);
gboolean        ocop_target_kind_from_string (const char      *str,
                                              OcopTargetKind  *kind);
const char     *ocop_target_kind_get_label   (OcopTargetKind   kind);
const char     *ocop_target_unit_to_string   (OcopTargetUnit   unit);
gboolean        ocop_target_unit_from_string (const char      *str,
                                              OcopTargetUnit  *unit);

OcopTarget     *ocop_target_new              (void);
void            ocop_target_free             (OcopTarget      *target);
void            ocop_target_progress_free    (OcopTargetProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopTarget, ocop_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopTargetProgress, ocop_target_progress_free)

/* Checks before writing (OCOP_DB_ERROR_INVALID naming the field): a title, dates in
 * order, a percent at most 100, the share kinds in percent and new products as a
 * count. Text is NFC-normalised and trimmed in place; dates may be written 31/12/2025. */
gboolean        ocop_target_validate         (OcopTarget      *target,
                                              GError         **error);
/* Insert when id == 0 (and set it), else update. */
gboolean        ocop_db_save_target          (OcopDb          *db,
                                              OcopTarget      *target,
                                              GError         **error);
gboolean        ocop_db_delete_target        (OcopDb          *db,
                                              gint64           id,
                                              GError         **error);
/* By deadline, then title (OcopTarget*). */
GPtrArray      *ocop_db_list_targets         (OcopDb          *db,
                                              GError         **error);
/* What @target has achieved by @as_of (NULL: today), in its own locality. */
OcopTargetProgress *ocop_db_get_target_progress (OcopDb       *db,
                                              const OcopTarget *target,
                                              const char      *as_of,
                                              GError         **error);
/* Every target with its progress (OcopTargetProgress*), as ocop_db_list_targets. */
GPtrArray      *ocop_db_list_target_progress (OcopDb          *db,
                                              const char      *as_of,
                                              GError         **error);

G_END_DECLS
