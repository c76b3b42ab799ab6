/* ocop-scoring.h: score sheets, ticks, results, rounds and finalising a meeting
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"
#include "ocop-rating.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* One member's sheet for one product in one round of a meeting. Every change is one
 * transaction, stored at once (a tick survives a crash a second later), and logged in
 * the audit log by the database's triggers.
 *
 * Locks: a submitted sheet cannot change until it is reopened with a reason; a sheet
 * of an earlier round (after ocop_db_open_round()) and everything of a finalised
 * meeting cannot change at all. Both fail with OCOP_DB_ERROR_LOCKED. */

typedef struct _OcopScoreSheet
{
  gint64          id;
  gint64          meeting_id;
  gint64          member_id;
  gint64          product_id;
  int             round;
  gint64          sheet_id;         /* criteria_sheet row */
  char           *sheet_code;       /* the product set, "01" … */
  gint64          set_id;           /* the meeting's criteria set */
  OcopSheetState  state;
  gboolean        knocked_out;
  char           *knockout_note;
  char           *comment;
  char           *entered_by;       /* who typed a paper sheet, or NULL */
  char           *checked_by;       /* who checked the typing, or NULL */
  double          total;            /* as last computed by the engine */
  char           *submitted_at;     /* NULL while a draft */
  char           *updated_at;
  /* The answers: options[leaf_index] = index of the ticked option, or -1;
   * n_options = the sheet's number of leaves. */
  int            *options;
  guint           n_options;
  /* Codes of the recorded stop conditions; NULL-terminated, never NULL. */
  char          **stop_conditions;
} OcopScoreSheet;

void            ocop_score_sheet_free          (OcopScoreSheet   *sheet);
/* Fills @answers with pointers into @sheet (valid while @sheet lives). */
void            ocop_score_sheet_get_answers   (const OcopScoreSheet *sheet,
                                                OcopSheetAnswers *answers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopScoreSheet, ocop_score_sheet_free)

/* Gets the member's sheet for the product in @round (0: the current round), creating
 * an empty draft when there is none. Refused (OCOP_DB_ERROR_INVALID, saying why) when
 * the product is not on the agenda, @round is not its current round, the member is
 * not of the meeting's council, does not score in this council (secretary, advisory
 * team: council settings), is not recorded as present, or declared a conflict of
 * interest for the product; OCOP_DB_ERROR_LOCKED when the meeting is finalised. */
OcopScoreSheet *ocop_db_open_score_sheet       (OcopDb           *db,
                                                gint64            meeting_id,
                                                gint64            member_id,
                                                gint64            product_id,
                                                int               round,
                                                GError          **error);
OcopScoreSheet *ocop_db_get_score_sheet        (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                GError          **error);
/* The sheets of a product in a meeting (@round 0: every round), by round then member
 * order (OcopScoreSheet*). */
GPtrArray      *ocop_db_list_score_sheets      (OcopDb           *db,
                                                gint64            meeting_id,
                                                gint64            product_id,
                                                int               round,
                                                GError          **error);

/* Ticks option @option_index of leaf @leaf_index (indices of OcopSheet.leaves and
 * OcopCriterion.options) and stores the sheet's new total. Well under a millisecond. */
gboolean        ocop_db_tick                   (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                int               leaf_index,
                                                int               option_index,
                                                GError          **error);
gboolean        ocop_db_clear_answer           (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                int               leaf_index,
                                                GError          **error);
/* The sheet's knock-out ("Bị loại khi …") recorded as met, with an optional note. */
gboolean        ocop_db_set_knocked_out        (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                gboolean          knocked_out,
                                                const char       *note,
                                                GError          **error);
/* @code: a criterion code or a part code ("A") of the sheet. */
gboolean        ocop_db_set_stop_condition     (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                const char       *code,
                                                gboolean          met,
                                                GError          **error);
gboolean        ocop_db_set_sheet_comment      (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                const char       *comment,
                                                GError          **error);
/* Who typed in a paper sheet (NULL: the member themself). */
gboolean        ocop_db_set_entered_by         (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                const char       *entered_by,
                                                GError          **error);
/* Second-person check of a typed paper sheet: @checked_by is required and must differ
 * from entered_by. Allowed on a submitted sheet too. */
gboolean        ocop_db_mark_checked           (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                const char       *checked_by,
                                                GError          **error);

/* Runs the engine on the stored answers; call ocop_sheet_score_clear() on @score. */
gboolean        ocop_db_score_score_sheet      (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                OcopSheetScore   *score,
                                                GError          **error);
/* Refused (OCOP_DB_ERROR_INVALID) unless the engine says the sheet is complete. */
gboolean        ocop_db_submit_sheet           (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                GError          **error);
/* Back to draft; @reason is required and goes into the audit log. */
gboolean        ocop_db_reopen_sheet           (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                const char       *reason,
                                                GError          **error);

typedef struct _OcopAuditEntry
{
  gint64  id;
  char   *at;           /* UTC timestamp */
  char   *actor;        /* may be NULL */
  char   *entity;       /* "score_sheet", "answer" */
  char   *entity_id;
  char   *action;       /* "insert", "update", "delete", "submit", "reopen", … */
  char   *detail;       /* JSON object text, may be NULL */
} OcopAuditEntry;

void            ocop_audit_entry_free          (OcopAuditEntry   *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopAuditEntry, ocop_audit_entry_free)

/* The sheet's history (its own entries and its answers'), oldest first
 * (OcopAuditEntry*). A reopen has two entries: the state change and the reason
 * (detail {"reason": …}). */
GPtrArray      *ocop_db_list_sheet_audit       (OcopDb           *db,
                                                gint64            score_sheet_id,
                                                GError          **error);

/* ---- results ---- */

/* The council's result for the product's current round, from the council's members,
 * the attendance, the conflicts and the submitted sheets; stored in the result table.
 * @result (optional) gets it; call ocop_council_result_clear() on it.
 * OCOP_DB_ERROR_LOCKED once the meeting is finalised. */
gboolean        ocop_db_compute_result         (OcopDb           *db,
                                                gint64            meeting_id,
                                                gint64            product_id,
                                                OcopCouncilResult *result,
                                                GError          **error);
/* Every product on the agenda, in one transaction. */
gboolean        ocop_db_compute_meeting_results (OcopDb          *db,
                                                gint64            meeting_id,
                                                GError          **error);

typedef struct _OcopMemberTotal
{
  gint64          member_id;
  char           *member_name;
  OcopRole        role;
  gint64          score_sheet_id;
  OcopSheetState  state;
  double          total;
  gboolean        knocked_out;
} OcopMemberTotal;

typedef struct _OcopProductResult
{
  gint64        meeting_id;
  gint64        product_id;
  char         *product_name;
  char         *product_code;   /* may be NULL */
  int           round;          /* the current round */
  gboolean      computed;       /* FALSE: no result stored for this round yet */
  double        score;          /* unrounded mean; valid when n_counted > 0 */
  char         *part_means;     /* JSON object text, {"A": 31.2, …}, or NULL */
  int           stars;          /* 0 when none */
  OcopOutcome   outcome;
  double        spread;
  guint         n_counted;
  char         *reasons;        /* one reason a line, translated when computed */
  char         *computed_at;
  GPtrArray    *member_totals;  /* OcopMemberTotal*, the round's sheets in member order */
} OcopProductResult;

void            ocop_product_result_free       (OcopProductResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProductResult, ocop_product_result_free)

/* One per agenda item, in agenda order, with the stored result of its current round
 * (OcopProductResult*). Does not compute: see ocop_db_compute_meeting_results(). */
GPtrArray      *ocop_db_list_results           (OcopDb           *db,
                                                gint64            meeting_id,
                                                GError          **error);

/* Opens the next scoring round for a product (rescoring after the council's
 * discussion): the earlier round's sheets and result are kept, read-only; the new
 * round starts with no sheets. Logged as 'rescore'. */
gboolean        ocop_db_open_round             (OcopDb           *db,
                                                gint64            meeting_id,
                                                gint64            product_id,
                                                GError          **error);

/* Recomputes every result and finalises the meeting, in one transaction. Refused
 * (OCOP_DB_ERROR_INVALID, naming the products) when the agenda is empty, there is no
 * quorum, or a product's result is incomplete or needs rescoring. After that the
 * meeting and everything in it are read-only (OCOP_DB_ERROR_LOCKED). */
gboolean        ocop_db_finalise_meeting       (OcopDb           *db,
                                                gint64            meeting_id,
                                                GError          **error);

G_END_DECLS
