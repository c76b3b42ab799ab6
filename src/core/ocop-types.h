/* ocop-types.h: enumerations shared by the model, the engine and the UI
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored in the database as the lower-case strings of *_to_string (). */

typedef enum
{
  OCOP_SUBJECT_COOPERATIVE,        /* Hợp tác xã */
  OCOP_SUBJECT_ENTERPRISE,         /* Doanh nghiệp */
  OCOP_SUBJECT_COOPERATIVE_GROUP,  /* Tổ hợp tác */
  OCOP_SUBJECT_HOUSEHOLD,          /* Hộ kinh doanh / cơ sở sản xuất */
  OCOP_SUBJECT_N
} OcopSubjectType;

typedef enum
{
  OCOP_EVALUATION_NEW,
  OCOP_EVALUATION_UPGRADE,
  OCOP_EVALUATION_RE_EVALUATION,
  OCOP_EVALUATION_N
} OcopEvaluationType;

typedef enum
{
  OCOP_LEVEL_COMMUNE,
  OCOP_LEVEL_DISTRICT,
  OCOP_LEVEL_PROVINCE,
  OCOP_LEVEL_CENTRAL,
  OCOP_LEVEL_N
} OcopLevel;

typedef enum
{
  OCOP_REGIME_1048,        /* QĐ 1048/QĐ-TTg (2019) with 781 (2020) */
  OCOP_REGIME_148,         /* QĐ 148/QĐ-TTg (2023) */
  OCOP_REGIME_148_1489,    /* QĐ 148 as amended by QĐ 1489/QĐ-TTg (6/7/2025) */
  OCOP_REGIME_N
} OcopRegime;

typedef enum
{
  OCOP_ROLE_CHAIR,
  OCOP_ROLE_VICE_CHAIR,
  OCOP_ROLE_MEMBER,
  OCOP_ROLE_SECRETARY,
  OCOP_ROLE_ADVISORY,
  OCOP_ROLE_N
} OcopRole;

typedef enum
{
  OCOP_OUTCOME_INCOMPLETE,   /* no counted sheet yet */
  OCOP_OUTCOME_RESCORE,      /* spread above the limit: cannot be finalised */
  OCOP_OUTCOME_NOT_PASSED,   /* knocked out, or below the lowest recognised band */
  OCOP_OUTCOME_RECOGNISED,   /* within this council's authority */
  OCOP_OUTCOME_PROPOSED,     /* above this council's authority: proposed upward */
  OCOP_OUTCOME_RETURNED,     /* below this council's authority: recognised at a lower level */
  OCOP_OUTCOME_N
} OcopOutcome;

typedef enum
{
  OCOP_MEETING_PREPARING,
  OCOP_MEETING_SCORING,
  OCOP_MEETING_FINALISED,
  OCOP_MEETING_N
} OcopMeetingState;

typedef enum
{
  OCOP_SHEET_DRAFT,
  OCOP_SHEET_SUBMITTED,
  OCOP_SHEET_N
} OcopSheetState;

/* Machine names (for the database, CSV and JSON): "cooperative", "district", … */
const char *ocop_subject_type_to_string    (OcopSubjectType     value);
gboolean    ocop_subject_type_from_string  (const char         *str,
                                            OcopSubjectType    *value);
const char *ocop_evaluation_type_to_string (OcopEvaluationType  value);
gboolean    ocop_evaluation_type_from_string (const char       *str,
                                            OcopEvaluationType *value);
const char *ocop_level_to_string           (OcopLevel           value);
gboolean    ocop_level_from_string         (const char         *str,
                                            OcopLevel          *value);
const char *ocop_regime_to_string          (OcopRegime          value);
gboolean    ocop_regime_from_string        (const char         *str,
                                            OcopRegime         *value);
const char *ocop_role_to_string            (OcopRole            value);
gboolean    ocop_role_from_string          (const char         *str,
                                            OcopRole           *value);
const char *ocop_outcome_to_string         (OcopOutcome         value);
const char *ocop_meeting_state_to_string   (OcopMeetingState    value);
gboolean    ocop_meeting_state_from_string (const char         *str,
                                            OcopMeetingState   *value);
const char *ocop_sheet_state_to_string     (OcopSheetState      value);
gboolean    ocop_sheet_state_from_string   (const char         *str,
                                            OcopSheetState     *value);

/* Names for people, translated: "Hợp tác xã", "Cấp tỉnh", "Chủ tịch Hội đồng", … */
const char *ocop_subject_type_get_label    (OcopSubjectType     value);
const char *ocop_evaluation_type_get_label (OcopEvaluationType  value);
const char *ocop_level_get_label           (OcopLevel           value);
const char *ocop_regime_get_label          (OcopRegime          value);
const char *ocop_role_get_label            (OcopRole            value);
const char *ocop_outcome_get_label         (OcopOutcome         value);
const char *ocop_meeting_state_get_label   (OcopMeetingState    value);

G_END_DECLS
