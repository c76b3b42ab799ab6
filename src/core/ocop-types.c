/* ocop-types.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-types"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-types.h"

typedef struct
{
  const char *name;
  const char *label;
} Names;

static const Names subject_types[] = {
  { "cooperative", N_("Cooperative") },
  { "enterprise", N_("Enterprise") },
  { "cooperative-group", N_("Cooperative group") },
  { "household", N_("Household business") },
};

static const Names evaluation_types[] = {
  { "new", N_("New evaluation") },
  { "upgrade", N_("Upgrade") },
  { "re-evaluation", N_("Re-evaluation") },
};

static const Names levels[] = {
  { "commune", N_("Commune level") },
  { "district", N_("District level") },
  { "province", N_("Province level") },
  { "central", N_("Central level") },
};

static const Names regimes[] = {
  { "1048", N_("QĐ 1048/QĐ-TTg (2019)") },
  { "148", N_("QĐ 148/QĐ-TTg (2023)") },
  { "148-1489", N_("QĐ 148/QĐ-TTg as amended by QĐ 1489/QĐ-TTg (2025)") },
};

static const Names roles[] = {
  { "chair", N_("Chair of the council") },
  { "vice-chair", N_("Vice-chair") },
  { "member", N_("Member") },
  { "secretary", N_("Secretary of the council") },
  { "advisory", N_("Advisory team") },
};

static const Names outcomes[] = {
  { "incomplete", N_("Not yet scored") },
  { "rescore", N_("Rescore") },
  { "not-passed", N_("Not passed") },
  { "recognised", N_("Recognised") },
  { "proposed", N_("Proposed to the higher level") },
  { "returned", N_("Recognised at the lower level") },
};

static const Names meeting_states[] = {
  { "preparing", N_("Preparing") },
  { "scoring", N_("Scoring") },
  { "finalised", N_("Finalised") },
};

static const Names sheet_states[] = {
  { "draft", N_("Draft") },
  { "submitted", N_("Submitted") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (subject_types) == OCOP_SUBJECT_N);
G_STATIC_ASSERT (G_N_ELEMENTS (evaluation_types) == OCOP_EVALUATION_N);
G_STATIC_ASSERT (G_N_ELEMENTS (levels) == OCOP_LEVEL_N);
G_STATIC_ASSERT (G_N_ELEMENTS (regimes) == OCOP_REGIME_N);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == OCOP_ROLE_N);
G_STATIC_ASSERT (G_N_ELEMENTS (outcomes) == OCOP_OUTCOME_N);
G_STATIC_ASSERT (G_N_ELEMENTS (meeting_states) == OCOP_MEETING_N);
G_STATIC_ASSERT (G_N_ELEMENTS (sheet_states) == OCOP_SHEET_N);

static gboolean
lookup (const Names *names,
        guint        n_names,
        const char  *str,
        int         *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i].name, str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, table)                                   \
  const char *                                                              \
  prefix##_to_string (Type value)                                           \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return table[value].name;                                               \
  }                                                                         \
  const char *                                                              \
  prefix##_get_label (Type value)                                           \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return _(table[value].label);                                           \
  }

#define DEFINE_FROM_STRING(prefix, Type, table)                             \
  gboolean                                                                  \
  prefix##_from_string (const char *str,                                    \
                        Type       *value)                                  \
  {                                                                         \
    int v;                                                                  \
    if (!lookup (table, G_N_ELEMENTS (table), str, &v))                     \
      return FALSE;                                                         \
    *value = (Type) v;                                                      \
    return TRUE;                                                            \
  }

DEFINE_NAMES (ocop_subject_type, OcopSubjectType, subject_types)
DEFINE_FROM_STRING (ocop_subject_type, OcopSubjectType, subject_types)
DEFINE_NAMES (ocop_evaluation_type, OcopEvaluationType, evaluation_types)
DEFINE_FROM_STRING (ocop_evaluation_type, OcopEvaluationType, evaluation_types)
DEFINE_NAMES (ocop_level, OcopLevel, levels)
DEFINE_FROM_STRING (ocop_level, OcopLevel, levels)
DEFINE_NAMES (ocop_regime, OcopRegime, regimes)
DEFINE_FROM_STRING (ocop_regime, OcopRegime, regimes)
DEFINE_NAMES (ocop_role, OcopRole, roles)
DEFINE_FROM_STRING (ocop_role, OcopRole, roles)
DEFINE_NAMES (ocop_outcome, OcopOutcome, outcomes)
DEFINE_NAMES (ocop_meeting_state, OcopMeetingState, meeting_states)
DEFINE_FROM_STRING (ocop_meeting_state, OcopMeetingState, meeting_states)
DEFINE_FROM_STRING (ocop_sheet_state, OcopSheetState, sheet_states)

const char *
ocop_sheet_state_to_string (OcopSheetState value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (sheet_states), NULL);
  return sheet_states[value].name;
}
