/* ocop-criteria.h
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A criteria set in memory: the tree of one legal criteria set (QĐ 1048, QĐ 148, a
 * province's own), as read from the JSON format documented in data/criteria/README.md
 * or from the database. Plain structs: the rating engine and the renderers read them
 * without any I/O. A set is reference counted; everything inside it is owned by it. */

#define OCOP_CRITERIA_ERROR (ocop_criteria_error_quark ())

typedef enum
{
  OCOP_CRITERIA_ERROR_PARSE,    /* not JSON, or not our format */
  OCOP_CRITERIA_ERROR_INVALID,  /* a field missing, of the wrong type or out of range */
  OCOP_CRITERIA_ERROR_SUM,      /* maxima that do not add up */
} OcopCriteriaError;

typedef enum
{
  OCOP_RULE_KNOCKOUT,          /* "Bị loại khi/nếu …": the product is not passed */
  OCOP_RULE_STOP_IF_ZERO,      /* 0 points here (or in scope) ends the sheet's evaluation */
  OCOP_RULE_STOP_IF,           /* a recorded condition ends the sheet's evaluation */
  OCOP_RULE_APPLIES_IF_STORY,  /* counts only when the product has a story */
  OCOP_RULE_CHOOSE_CASE,       /* choose one of the child cases */
  OCOP_RULE_ADDITIVE,          /* children's points add up (check-lists) */
} OcopRuleKind;

typedef enum
{
  OCOP_AGGREGATION_NONE,  /* a leaf: one option is ticked */
  OCOP_AGGREGATION_SUM,   /* children add up */
  OCOP_AGGREGATION_MAX,   /* one child (case) is chosen; max is the largest child's */
} OcopAggregation;

typedef struct _OcopRule
{
  OcopRuleKind   kind;
  char          *text;
  char         **scope;       /* criterion codes, NULL-terminated; NULL when none */
} OcopRule;

typedef struct _OcopOption
{
  char          *label;
  double         points;
} OcopOption;

typedef struct _OcopCriterion OcopCriterion;
typedef struct _OcopSection   OcopSection;
typedef struct _OcopPart      OcopPart;
typedef struct _OcopSheet     OcopSheet;

struct _OcopCriterion
{
  char            *code;        /* "1.1", "6.2.3", "3.2.a" */
  char            *name;
  double           max;
  GPtrArray       *notes;       /* char*, verbatim */
  GPtrArray       *rules;       /* OcopRule* */
  GPtrArray       *options;     /* OcopOption*; empty for a group */
  GPtrArray       *children;    /* OcopCriterion*; empty for a leaf */
  OcopAggregation  aggregation;
  /* For OCOP_RULE_APPLIES_IF_STORY: the code of the criterion that tells whether the
   * product has a story (it has one when that criterion scores more than 0). */
  char            *applies_if;
  /* Borrowed back-pointers and indices, set by the loader. */
  OcopCriterion   *parent;
  OcopSection     *section;
  OcopPart        *part;
  int              leaf_index;  /* index in OcopSheet.leaves, -1 for a group */
  int              depth;       /* 0 for a criterion directly in a section */
};

struct _OcopSection
{
  char           *code;
  char           *title;
  double          max;          /* sum of its criteria */
  GPtrArray      *notes;
  GPtrArray      *criteria;     /* OcopCriterion* */
  OcopPart       *part;         /* borrowed */
};

struct _OcopPart
{
  char           *code;         /* "A", "B", "C" */
  char           *title;
  double          max;
  GPtrArray      *notes;
  GPtrArray      *rules;        /* part-level rules (OcopRule*), e.g. stop_if under a heading */
  GPtrArray      *sections;     /* OcopSection* */
  guint           index;        /* position in the sheet */
  OcopSheet      *sheet;        /* borrowed */
};

struct _OcopSheet
{
  char           *code;         /* "01" … "26": the product set */
  char           *name;         /* "Rau, củ, quả, hạt tươi" */
  char           *industry;     /* Ngành */
  char           *group;        /* Nhóm */
  char           *exclusion;    /* "Bị loại khi: …", or NULL */
  GPtrArray      *notes;
  GPtrArray      *parts;        /* OcopPart* */
  GPtrArray      *leaves;       /* borrowed OcopCriterion*, leaves in document order */
};

typedef struct _OcopStarBand
{
  int             stars;        /* 1 … 5 */
  double          min_score;    /* inclusive lower bound */
  char           *description;
} OcopStarBand;

typedef struct _OcopCriteriaSet
{
  char           *code;         /* stable id, "qd-1048-2019" */
  char           *legal_basis;  /* "QĐ 1048/QĐ-TTg" */
  char           *title;
  char           *version;
  char           *effective_from;  /* YYYY-MM-DD */
  char           *effective_to;    /* YYYY-MM-DD or NULL */
  double          total_max;       /* 100 */
  double          spread_limit;    /* 10 */
  int             recognised_min_stars;  /* 3: the lowest band that is an OCOP product */
  GArray         *bands;        /* OcopStarBand, ascending by stars */
  GPtrArray      *part_templates;  /* OcopPart* without sections: code, title, max */
  GPtrArray      *sheets;       /* OcopSheet* */
  gint64          id;           /* database id, 0 when not stored */
  /*< private >*/
  gatomicrefcount ref_count;
} OcopCriteriaSet;

GQuark           ocop_criteria_error_quark        (void);
GType            ocop_criteria_set_get_type       (void);
#define OCOP_TYPE_CRITERIA_SET (ocop_criteria_set_get_type ())

OcopCriteriaSet *ocop_criteria_set_new            (void);
OcopCriteriaSet *ocop_criteria_set_ref            (OcopCriteriaSet    *self);
void             ocop_criteria_set_unref          (OcopCriteriaSet    *self);

/* Parse and validate. @display_name names the file in error messages. Errors name the
 * file, the sheet and the criterion, for example
 * "criteria.json: sheet 07 “Chế biến từ rau, củ, quả, hạt”, criterion 1.2: …". */
OcopCriteriaSet *ocop_criteria_set_load_data      (const char         *data,
                                                   gssize              length,
                                                   const char         *display_name,
                                                   GError            **error);
OcopCriteriaSet *ocop_criteria_set_load_file      (const char         *path,
                                                   GError            **error);
/* The set's optional top-level "notes" (char*, borrowed, never NULL) and its optional
 * "source" object (where the data came from) as JSON text, or NULL. They live in a
 * private tail of the allocation: always create sets with ocop_criteria_set_new (). */
GPtrArray       *ocop_criteria_set_get_notes      (const OcopCriteriaSet *self);
char            *ocop_criteria_set_dup_source_json (const OcopCriteriaSet *self);

/* Serialise back to the JSON format (UTF-8, pretty printed). */
char            *ocop_criteria_set_to_json        (const OcopCriteriaSet *self);

/* Re-run every check (sums, options, codes, bands) on a set built in memory. */
gboolean         ocop_criteria_set_validate       (OcopCriteriaSet    *self,
                                                   const char         *display_name,
                                                   GError            **error);

OcopSheet       *ocop_criteria_set_find_sheet     (const OcopCriteriaSet *self,
                                                   const char         *code);
/* The band of an unrounded score; 0 if below every band. */
int              ocop_criteria_set_stars_for_score (const OcopCriteriaSet *self,
                                                   double              score);
const OcopStarBand *ocop_criteria_set_get_band    (const OcopCriteriaSet *self,
                                                   int                 stars);

OcopCriterion   *ocop_sheet_find_criterion        (const OcopSheet    *sheet,
                                                   const char         *code);
OcopPart        *ocop_sheet_find_part             (const OcopSheet    *sheet,
                                                   const char         *code);
gboolean         ocop_criterion_is_leaf           (const OcopCriterion *criterion);
gboolean         ocop_criterion_has_rule          (const OcopCriterion *criterion,
                                                   OcopRuleKind        kind);
const char      *ocop_rule_kind_to_string         (OcopRuleKind        kind);
gboolean         ocop_rule_kind_from_string       (const char         *str,
                                                   OcopRuleKind       *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCriteriaSet, ocop_criteria_set_unref)

G_END_DECLS
