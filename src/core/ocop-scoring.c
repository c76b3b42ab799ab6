/* ocop-scoring.c: score sheets, ticks, results, rounds and finalising a meeting
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in its own transaction and ends by storing the sheet's total as
 * the engine computes it, so a list of sheets never needs the engine. The criteria set
 * comes from ocop_db_load_criteria_set(), which caches it: a tick is a handful of
 * cached statements plus the engine, well under a millisecond.
 *
 * The database's triggers lock finalised meetings and submitted sheets' answers; the
 * checks here come first so the user gets one clear message, and they also cover what
 * has no trigger (stop conditions, the closed rounds, comments on a submitted sheet).
 */

#define G_LOG_DOMAIN "ocop-scoring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-scoring.h"

#define ROLE_ORDER(col) \
  "CASE " col " WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'member' THEN 2" \
  " WHEN 'secretary' THEN 3 ELSE 4 END"

/* ---- records ---- */

void
ocop_score_sheet_free (OcopScoreSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->sheet_code);
  g_free (sheet->knockout_note);
  g_free (sheet->comment);
  g_free (sheet->entered_by);
  g_free (sheet->checked_by);
  g_free (sheet->submitted_at);
  g_free (sheet->updated_at);
  g_free (sheet->options);
  g_strfreev (sheet->stop_conditions);
  g_free (sheet);
}

void
ocop_score_sheet_get_answers (const OcopScoreSheet *sheet,
                              OcopSheetAnswers     *answers)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (answers != NULL);

  answers->options = sheet->options;
  answers->knocked_out = sheet->knocked_out;
  answers->stop_conditions = (const char * const *) sheet->stop_conditions;
}

void
ocop_audit_entry_free (OcopAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}

static void
member_total_free (OcopMemberTotal *total)
{
  if (total == NULL)
    return;

  g_free (total->member_name);
  g_free (total);
}

void
ocop_product_result_free (OcopProductResult *result)
{
  if (result == NULL)
    return;

  g_free (result->product_name);
  g_free (result->product_code);
  g_free (result->part_means);
  g_free (result->reasons);
  g_free (result->computed_at);
  g_clear_pointer (&result->member_totals, g_ptr_array_unref);
  g_free (result);
}

/* ---- helpers ---- */

static gboolean
finish (OcopDb    *db,
        gboolean   ok,
        GError   **error)
{
  if (!ok)
    {
      ocop_db_rollback (db);
      return FALSE;
    }

  return ocop_db_commit (db, error);
}

/* NFC and trimmed; empty becomes NULL. */
static char *
normalise_text (const char *text)
{
  char *nfc;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  g_strstrip (nfc);
  if (*nfc == '\0')
    g_clear_pointer (&nfc, g_free);

  return nfc;
}

static char *
id_to_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
outcome_from_string (const char  *str,
                     OcopOutcome *outcome)
{
  for (guint i = 0; i < OCOP_OUTCOME_N; i++)
    {
      if (g_strcmp0 (str, ocop_outcome_to_string (i)) == 0)
        {
          *outcome = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_meeting_locked (GError **error)
{
  g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                       _("The meeting is finalised and can no longer be changed"));
}

/* What every change to a sheet needs to know about it. */
typedef struct
{
  gint64    id;
  gint64    meeting_id;
  gint64    member_id;
  gint64    product_id;
  int       round;
  int       current_round;   /* 0 when the product left the agenda */
  gint64    set_id;
  char     *sheet_code;
  gboolean  submitted;
  gboolean  finalised;
  gboolean  knocked_out;
  char     *entered_by;
} SheetContext;

static void
sheet_context_clear (SheetContext *ctx)
{
  g_clear_pointer (&ctx->sheet_code, g_free);
  g_clear_pointer (&ctx->entered_by, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetContext, sheet_context_clear)

static gboolean
load_context (OcopDb        *db,
              gint64         score_sheet_id,
              SheetContext  *ctx,
              GError       **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT s.id, s.meeting_id, s.member_id, s.product_id, s.round,"
                           " COALESCE (a.round, 0), g.set_id, cs.code, s.state, g.state,"
                           " s.knocked_out, s.entered_by"
                           " FROM score_sheet s"
                           " JOIN meeting g ON g.id = s.meeting_id"
                           " JOIN criteria_sheet cs ON cs.id = s.sheet_id"
                           " LEFT JOIN agenda_item a ON a.meeting_id = s.meeting_id AND a.product_id = s.product_id"
                           " WHERE s.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, score_sheet_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the score sheet"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;
  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Score sheet: no such score sheet"));
      return FALSE;
    }

  ctx->id = sqlite3_column_int64 (stmt, 0);
  ctx->meeting_id = sqlite3_column_int64 (stmt, 1);
  ctx->member_id = sqlite3_column_int64 (stmt, 2);
  ctx->product_id = sqlite3_column_int64 (stmt, 3);
  ctx->round = sqlite3_column_int (stmt, 4);
  ctx->current_round = sqlite3_column_int (stmt, 5);
  ctx->set_id = sqlite3_column_int64 (stmt, 6);
  ctx->sheet_code = _ocop_db_column_dup (stmt, 7);
  ctx->submitted = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), "submitted") == 0;
  ctx->finalised = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), "finalised") == 0;
  ctx->knocked_out = sqlite3_column_int (stmt, 10) != 0;
  ctx->entered_by = _ocop_db_column_dup (stmt, 11);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Whether the sheet may change: the meeting is open, the sheet's round is the current
 * one and, when @need_draft, the sheet is not submitted. */
static gboolean
check_editable (const SheetContext  *ctx,
                gboolean             need_draft,
                GError             **error)
{
  if (ctx->finalised)
    {
      set_meeting_locked (error);
      return FALSE;
    }

  if (ctx->round != ctx->current_round)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                   /* Translators: %d are scoring rounds: "round 1 … now in round 2" */
                   _("The score sheet belongs to round %d, which is closed; the product is now in round %d"),
                   ctx->round, ctx->current_round);
      return FALSE;
    }

  if (need_draft && ctx->submitted)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                           _("The score sheet is submitted: reopen it, giving a reason, to change it"));
      return FALSE;
    }

  return TRUE;
}

/* The criteria set (a new reference; cached by the store) and the sheet in it. */
static OcopCriteriaSet *
load_sheet (OcopDb            *db,
            gint64             set_id,
            const char        *sheet_code,
            const OcopSheet  **sheet,
            GError           **error)
{
  g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set (db, set_id, error);

  if (set == NULL)
    return NULL;

  *sheet = ocop_criteria_set_find_sheet (set, sheet_code);
  if (*sheet == NULL)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                   /* Translators: %s is a product set (sheet) code, "07" */
                   _("Criteria sheet: the criteria set has no sheet %s"), sheet_code);
      return NULL;
    }

  return g_steal_pointer (&set);
}

/* The stored answers by leaf index (-1 when unanswered). */
static gboolean
read_answers (OcopDb   *db,
              gint64    score_sheet_id,
              int      *options,
              guint     n_options,
              GError  **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  for (guint i = 0; i < n_options; i++)
    options[i] = -1;

  stmt = _ocop_db_prepare (db,
                           "SELECT c.leaf_index, o.ordinal FROM answer a"
                           " JOIN criterion c ON c.id = a.criterion_id"
                           " JOIN criterion_option o ON o.id = a.option_id"
                           " WHERE a.score_sheet_id = ?1 AND c.leaf_index IS NOT NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, score_sheet_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the answers"), error)) == OCOP_DB_STEP_ROW)
    {
      int leaf = sqlite3_column_int (stmt, 0);

      if (leaf >= 0 && (guint) leaf < n_options)
        options[leaf] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

static char **
read_stop_conditions (OcopDb  *db,
                      gint64   score_sheet_id,
                      GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT code FROM stop_condition WHERE score_sheet_id = ?1 ORDER BY code",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, score_sheet_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the stop conditions"), error)) == OCOP_DB_STEP_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

/* Runs the engine on the stored answers of the sheet. */
static gboolean
score_stored (OcopDb                 *db,
              const SheetContext     *ctx,
              const OcopCriteriaSet  *set,
              const OcopSheet        *sheet,
              OcopSheetScore         *score,
              GError                **error)
{
  g_autofree int *options = g_new (int, MAX (sheet->leaves->len, 1));
  g_auto(GStrv) stops = NULL;
  OcopSheetAnswers answers;

  if (!read_answers (db, ctx->id, options, sheet->leaves->len, error))
    return FALSE;

  stops = read_stop_conditions (db, ctx->id, error);
  if (stops == NULL)
    return FALSE;

  answers.options = options;
  answers.knocked_out = ctx->knocked_out;
  answers.stop_conditions = (const char * const *) stops;

  ocop_rating_score_sheet (set, sheet, &answers, score);

  return TRUE;
}

/* Scores the sheet and stores its total; @score (optional) gets the engine's answer. */
static gboolean
store_total (OcopDb                 *db,
             const SheetContext     *ctx,
             const OcopCriteriaSet  *set,
             const OcopSheet        *sheet,
             OcopSheetScore         *score,
             GError                **error)
{
  OcopSheetScore local = { 0 };
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!score_stored (db, ctx, set, sheet, &local, error))
    return FALSE;

  stmt = _ocop_db_prepare (db, "UPDATE score_sheet SET total = ?2, updated_at = ?3 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      now = _ocop_db_now ();
      sqlite3_bind_int64 (stmt, 1, ctx->id);
      sqlite3_bind_double (stmt, 2, local.total);
      _ocop_db_bind_text (stmt, 3, now);
      ok = _ocop_db_exec_stmt (db, stmt, _("Failed to store the sheet’s total"), error);
    }

  if (ok && score != NULL)
    *score = local;
  else
    ocop_sheet_score_clear (&local);

  return ok;
}

/* Loads context and criteria sheet, checks the sheet may change; inside a transaction. */
static OcopCriteriaSet *
begin_change (OcopDb            *db,
              gint64             score_sheet_id,
              gboolean           need_draft,
              SheetContext      *ctx,
              const OcopSheet  **sheet,
              GError           **error)
{
  if (!load_context (db, score_sheet_id, ctx, error) ||
      !check_editable (ctx, need_draft, error))
    return NULL;

  return load_sheet (db, ctx->set_id, ctx->sheet_code, sheet, error);
}

/* ---- reading sheets ---- */

OcopScoreSheet *
ocop_db_get_score_sheet (OcopDb  *db,
                         gint64   score_sheet_id,
                         GError **error)
{
  g_autoptr(OcopScoreSheet) result = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT s.id, s.meeting_id, s.member_id, s.product_id, s.round, s.sheet_id,"
                           " cs.code, g.set_id, s.state, s.knocked_out, s.knockout_note, s.comment,"
                           " s.entered_by, s.checked_by, s.total, s.submitted_at, s.updated_at"
                           " FROM score_sheet s"
                           " JOIN criteria_sheet cs ON cs.id = s.sheet_id"
                           " JOIN meeting g ON g.id = s.meeting_id"
                           " WHERE s.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, score_sheet_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the score sheet"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return NULL;
  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Score sheet: no such score sheet"));
      return NULL;
    }

  result = g_new0 (OcopScoreSheet, 1);
  result->id = sqlite3_column_int64 (stmt, 0);
  result->meeting_id = sqlite3_column_int64 (stmt, 1);
  result->member_id = sqlite3_column_int64 (stmt, 2);
  result->product_id = sqlite3_column_int64 (stmt, 3);
  result->round = sqlite3_column_int (stmt, 4);
  result->sheet_id = sqlite3_column_int64 (stmt, 5);
  result->sheet_code = _ocop_db_column_dup (stmt, 6);
  result->set_id = sqlite3_column_int64 (stmt, 7);
  ocop_sheet_state_from_string ((const char *) sqlite3_column_text (stmt, 8), &result->state);
  result->knocked_out = sqlite3_column_int (stmt, 9) != 0;
  result->knockout_note = _ocop_db_column_dup (stmt, 10);
  result->comment = _ocop_db_column_dup (stmt, 11);
  result->entered_by = _ocop_db_column_dup (stmt, 12);
  result->checked_by = _ocop_db_column_dup (stmt, 13);
  result->total = sqlite3_column_double (stmt, 14);
  result->submitted_at = _ocop_db_column_dup (stmt, 15);
  result->updated_at = _ocop_db_column_dup (stmt, 16);
  sqlite3_reset (stmt);

  set = load_sheet (db, result->set_id, result->sheet_code, &sheet, error);
  if (set == NULL)
    return NULL;

  result->n_options = sheet->leaves->len;
  result->options = g_new (int, MAX (result->n_options, 1));
  if (!read_answers (db, result->id, result->options, result->n_options, error))
    return NULL;

  result->stop_conditions = read_stop_conditions (db, result->id, error);
  if (result->stop_conditions == NULL)
    return NULL;

  return g_steal_pointer (&result);
}

GPtrArray *
ocop_db_list_score_sheets (OcopDb  *db,
                           gint64   meeting_id,
                           gint64   product_id,
                           int      round,
                           GError **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_score_sheet_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT s.id FROM score_sheet s JOIN member m ON m.id = s.member_id"
                           " WHERE s.meeting_id = ?1 AND s.product_id = ?2 AND (?3 = 0 OR s.round = ?3)"
                           " ORDER BY s.round, " ROLE_ORDER ("m.role") ", m.ordinal, m.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int (stmt, 3, round);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the score sheets"), error)) == OCOP_DB_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      OcopScoreSheet *sheet = ocop_db_get_score_sheet (db, g_array_index (ids, gint64, i), error);

      if (sheet == NULL)
        return NULL;
      g_ptr_array_add (sheets, sheet);
    }

  return g_steal_pointer (&sheets);
}

/* ---- opening a sheet ---- */

static gboolean
check_may_score (OcopDb      *db,
                 gint64       meeting_id,
                 gint64       member_id,
                 gint64       product_id,
                 int         *round,
                 gint64      *criteria_sheet_id,
                 GError     **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(OcopMember) member = NULL;
  OcopCouncilRules rules = { 0 };
  sqlite3_stmt *stmt;
  OcopDbStep step;
  g_autofree char *product_name = NULL;
  g_autofree char *product_set = NULL;
  gboolean present = FALSE;
  gboolean recused = FALSE;
  int current;

  if ((meeting = ocop_db_get_meeting (db, meeting_id, error)) == NULL)
    return FALSE;
  if (meeting->state == OCOP_MEETING_FINALISED)
    {
      set_meeting_locked (error);
      return FALSE;
    }
  if ((council = ocop_db_get_council (db, meeting->council_id, error)) == NULL)
    return FALSE;

  stmt = _ocop_db_prepare (db,
                           "SELECT p.name, p.product_set, a.round FROM product p"
                           " LEFT JOIN agenda_item a ON a.product_id = p.id AND a.meeting_id = ?2"
                           " WHERE p.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the product"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;
  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Product: no such product"));
      return FALSE;
    }
  product_name = _ocop_db_column_dup (stmt, 0);
  product_set = _ocop_db_column_dup (stmt, 1);
  current = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);

  if (current == 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a product name */
                   _("Product: “%s” is not on the meeting’s agenda"), product_name);
      return FALSE;
    }
  if (*round == 0)
    *round = current;
  else if (*round != current)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a product name, the numbers are scoring rounds */
                   _("Round: “%s” is in round %d, not round %d"), product_name, current, *round);
      return FALSE;
    }

  member = ocop_db_get_member (db, member_id, error);
  if (member == NULL)
    return FALSE;
  if (member->council_id != council->id)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Member: %s is not a member of this meeting’s council"), member->name);
      return FALSE;
    }

  rules.level = council->level;
  rules.regime = council->regime;
  rules.secretary_scores = council->secretary_scores;
  rules.advisory_scores = council->advisory_scores;
  if (!ocop_rating_role_scores (&rules, member->role))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: the first %s is a person's name, the second a role
                    * ("Secretary of the council") */
                   _("Member: %s (%s) does not score in this council"),
                   member->name, ocop_role_get_label (member->role));
      return FALSE;
    }

  stmt = _ocop_db_prepare (db, "SELECT present FROM attendance WHERE meeting_id = ?1 AND member_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the attendance"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;
  present = step == OCOP_DB_STEP_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!present)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Member: %s is not recorded as present at the meeting"), member->name);
      return FALSE;
    }

  if (!ocop_db_is_recused (db, meeting_id, member_id, product_id, &recused, error))
    return FALSE;
  if (recused)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: the first %s is a person's name, the second a product name */
                   _("Member: %s declared a conflict of interest for “%s” and does not score it"),
                   member->name, product_name);
      return FALSE;
    }

  stmt = _ocop_db_prepare (db, "SELECT id FROM criteria_sheet WHERE set_id = ?1 AND code = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->set_id);
  _ocop_db_bind_text (stmt, 2, product_set);
  step = _ocop_db_step (db, stmt, _("Failed to read the criteria set"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;
  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: the first %s is a product set code ("07"), the second a product name */
                   _("Product set: the meeting’s criteria set has no sheet %s for “%s”"),
                   product_set, product_name);
      return FALSE;
    }
  *criteria_sheet_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

OcopScoreSheet *
ocop_db_open_score_sheet (OcopDb  *db,
                          gint64   meeting_id,
                          gint64   member_id,
                          gint64   product_id,
                          int      round,
                          GError **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;
  gint64 criteria_sheet_id = 0;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  if (round < 0 || round > 9)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Round: must be between 1 and 9"));
      return NULL;
    }

  if (!ocop_db_begin (db, error))
    return NULL;

  ok = check_may_score (db, meeting_id, member_id, product_id, &round, &criteria_sheet_id, error);

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "SELECT id FROM score_sheet WHERE meeting_id = ?1 AND member_id = ?2"
                               " AND product_id = ?3 AND round = ?4",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int64 (stmt, 3, product_id);
          sqlite3_bind_int (stmt, 4, round);
          step = _ocop_db_step (db, stmt, _("Failed to read the score sheets"), error);
          ok = step != OCOP_DB_STEP_ERROR;
          if (step == OCOP_DB_STEP_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }

  if (ok && id == 0)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO score_sheet (meeting_id, member_id, product_id, round, sheet_id,"
                               " state, total, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', 0, ?6)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int64 (stmt, 3, product_id);
          sqlite3_bind_int (stmt, 4, round);
          sqlite3_bind_int64 (stmt, 5, criteria_sheet_id);
          _ocop_db_bind_text (stmt, 6, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to create the score sheet"), error);
        }
      if (ok)
        id = _ocop_db_last_insert_id (db);
    }

  if (!finish (db, ok, error))
    return NULL;

  return ocop_db_get_score_sheet (db, id, error);
}

/* ---- changing a sheet ---- */

gboolean
ocop_db_tick (OcopDb  *db,
              gint64   score_sheet_id,
              int      leaf_index,
              int      option_index,
              GError **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;
  gint64 criterion_id = 0;
  gint64 option_id = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  set = begin_change (db, score_sheet_id, TRUE, &ctx, &sheet, error);
  ok = set != NULL;

  if (ok)
    {
      const OcopCriterion *leaf;

      if (leaf_index < 0 || (guint) leaf_index >= sheet->leaves->len)
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: %d is a number, %s a sheet code */
                       _("Criterion: sheet %s has no criterion number %d"),
                       ctx.sheet_code, leaf_index + 1);
          ok = FALSE;
        }
      else
        {
          leaf = g_ptr_array_index (sheet->leaves, leaf_index);
          if (option_index < 0 || (guint) option_index >= leaf->options->len)
            {
              g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           /* Translators: the first %s is a criterion code ("1.2"), %d an option number */
                           _("Criterion %s: has no option %d"), leaf->code, option_index + 1);
              ok = FALSE;
            }
        }
    }

  ok = ok && ocop_db_lookup_option (db, ctx.set_id, ctx.sheet_code, leaf_index, option_index,
                                    &criterion_id, &option_id, error);

  if (ok)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO answer (score_sheet_id, criterion_id, option_id, answered_at)"
                               " VALUES (?1, ?2, ?3, ?4)"
                               " ON CONFLICT (score_sheet_id, criterion_id) DO UPDATE"
                               " SET option_id = excluded.option_id, answered_at = excluded.answered_at"
                               " WHERE option_id IS NOT excluded.option_id",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          sqlite3_bind_int64 (stmt, 2, criterion_id);
          sqlite3_bind_int64 (stmt, 3, option_id);
          _ocop_db_bind_text (stmt, 4, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the answer"), error);
        }
    }

  ok = ok && store_total (db, &ctx, set, sheet, NULL, error);

  return finish (db, ok, error);
}

gboolean
ocop_db_clear_answer (OcopDb  *db,
                      gint64   score_sheet_id,
                      int      leaf_index,
                      GError **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;
  gint64 criterion_id = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  set = begin_change (db, score_sheet_id, TRUE, &ctx, &sheet, error);
  ok = set != NULL;

  if (ok && (leaf_index < 0 || (guint) leaf_index >= sheet->leaves->len))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %d is a number, %s a sheet code */
                   _("Criterion: sheet %s has no criterion number %d"),
                   ctx.sheet_code, leaf_index + 1);
      ok = FALSE;
    }

  /* Every leaf has an option 0. */
  ok = ok && ocop_db_lookup_option (db, ctx.set_id, ctx.sheet_code, leaf_index, 0,
                                    &criterion_id, NULL, error);

  if (ok)
    {
      stmt = _ocop_db_prepare (db, "DELETE FROM answer WHERE score_sheet_id = ?1 AND criterion_id = ?2",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          sqlite3_bind_int64 (stmt, 2, criterion_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to clear the answer"), error);
        }
    }

  ok = ok && store_total (db, &ctx, set, sheet, NULL, error);

  return finish (db, ok, error);
}

gboolean
ocop_db_set_knocked_out (OcopDb      *db,
                         gint64       score_sheet_id,
                         gboolean     knocked_out,
                         const char  *note,
                         GError     **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autofree char *text = normalise_text (note);
  const OcopSheet *sheet = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  set = begin_change (db, score_sheet_id, TRUE, &ctx, &sheet, error);
  ok = set != NULL;

  if (ok)
    {
      stmt = _ocop_db_prepare (db, "UPDATE score_sheet SET knocked_out = ?2, knockout_note = ?3 WHERE id = ?1",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          sqlite3_bind_int (stmt, 2, !!knocked_out);
          _ocop_db_bind_text (stmt, 3, knocked_out ? text : NULL);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to record the knock-out"), error);
        }
      ctx.knocked_out = !!knocked_out;
    }

  ok = ok && store_total (db, &ctx, set, sheet, NULL, error);

  return finish (db, ok, error);
}

gboolean
ocop_db_set_stop_condition (OcopDb      *db,
                            gint64       score_sheet_id,
                            const char  *code,
                            gboolean     met,
                            GError     **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  set = begin_change (db, score_sheet_id, TRUE, &ctx, &sheet, error);
  ok = set != NULL;

  if (ok && (code == NULL ||
             (ocop_sheet_find_criterion (sheet, code) == NULL && ocop_sheet_find_part (sheet, code) == NULL)))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: the first %s is a sheet code, the second what was given */
                   _("Stop condition: sheet %s has no criterion or part “%s”"),
                   ctx.sheet_code, code ? code : "");
      ok = FALSE;
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               met ? "INSERT OR IGNORE INTO stop_condition (score_sheet_id, code) VALUES (?1, ?2)"
                                   : "DELETE FROM stop_condition WHERE score_sheet_id = ?1 AND code = ?2",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          _ocop_db_bind_text (stmt, 2, code);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to record the stop condition"), error);
        }
    }

  ok = ok && store_total (db, &ctx, set, sheet, NULL, error);

  return finish (db, ok, error);
}

/* Sets one text column of a sheet. The column names are our own constants. */
static gboolean
set_sheet_text (OcopDb      *db,
                gint64       score_sheet_id,
                const char  *sql,
                gboolean     need_draft,
                const char  *value,
                const char  *what,
                GError     **error)
{
  g_auto(SheetContext) ctx = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = load_context (db, score_sheet_id, &ctx, error) &&
       check_editable (&ctx, need_draft, error);

  if (ok)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db, sql, error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          _ocop_db_bind_text (stmt, 2, value);
          _ocop_db_bind_text (stmt, 3, now);
          ok = _ocop_db_exec_stmt (db, stmt, what, error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_set_sheet_comment (OcopDb      *db,
                           gint64       score_sheet_id,
                           const char  *comment,
                           GError     **error)
{
  g_autofree char *text = normalise_text (comment);

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  return set_sheet_text (db, score_sheet_id,
                         "UPDATE score_sheet SET comment = ?2, updated_at = ?3 WHERE id = ?1",
                         TRUE, text, _("Failed to save the comment"), error);
}

gboolean
ocop_db_set_entered_by (OcopDb      *db,
                        gint64       score_sheet_id,
                        const char  *entered_by,
                        GError     **error)
{
  g_autofree char *text = normalise_text (entered_by);

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  return set_sheet_text (db, score_sheet_id,
                         "UPDATE score_sheet SET entered_by = ?2, updated_at = ?3 WHERE id = ?1",
                         TRUE, text, _("Failed to save who entered the sheet"), error);
}

gboolean
ocop_db_mark_checked (OcopDb      *db,
                      gint64       score_sheet_id,
                      const char  *checked_by,
                      GError     **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autofree char *text = normalise_text (checked_by);

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (text == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Checked by: must not be empty"));
      return FALSE;
    }

  if (!load_context (db, score_sheet_id, &ctx, error))
    return FALSE;

  if (ctx.entered_by != NULL && g_utf8_collate (ctx.entered_by, text) == 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Checked by: %s entered the sheet; another person must check it"), text);
      return FALSE;
    }

  return set_sheet_text (db, score_sheet_id,
                         "UPDATE score_sheet SET checked_by = ?2, updated_at = ?3 WHERE id = ?1",
                         FALSE, text, _("Failed to record the check"), error);
}

gboolean
ocop_db_score_score_sheet (OcopDb          *db,
                           gint64           score_sheet_id,
                           OcopSheetScore  *score,
                           GError         **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  if (!load_context (db, score_sheet_id, &ctx, error))
    return FALSE;

  set = load_sheet (db, ctx.set_id, ctx.sheet_code, &sheet, error);
  if (set == NULL)
    return FALSE;

  return score_stored (db, &ctx, set, sheet, score, error);
}

gboolean
ocop_db_submit_sheet (OcopDb  *db,
                      gint64   score_sheet_id,
                      GError **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *sheet = NULL;
  OcopSheetScore score = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  set = begin_change (db, score_sheet_id, TRUE, &ctx, &sheet, error);
  ok = set != NULL && store_total (db, &ctx, set, sheet, &score, error);

  if (ok && !score.complete)
    {
      guint missing = score.required - score.answered;

      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   ngettext (/* Translators: "3 of 27 criteria are not answered yet" */
                             "The score sheet cannot be submitted: %u of %u criterion is not answered yet",
                             "The score sheet cannot be submitted: %u of %u criteria are not answered yet",
                             score.required),
                   missing, score.required);
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "UPDATE score_sheet SET state = 'submitted', submitted_at = ?2, updated_at = ?2"
                               " WHERE id = ?1",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          _ocop_db_bind_text (stmt, 2, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to submit the score sheet"), error);
        }
    }

  ocop_sheet_score_clear (&score);

  return finish (db, ok, error);
}

gboolean
ocop_db_reopen_sheet (OcopDb      *db,
                      gint64       score_sheet_id,
                      const char  *reason,
                      GError     **error)
{
  g_auto(SheetContext) ctx = { 0 };
  g_autofree char *text = normalise_text (reason);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (text == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Reason: must not be empty"));
      return FALSE;
    }

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = load_context (db, score_sheet_id, &ctx, error) &&
       check_editable (&ctx, FALSE, error);

  if (ok && !ctx.submitted)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Score sheet: not submitted, so there is nothing to reopen"));
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "UPDATE score_sheet SET state = 'draft', submitted_at = NULL, updated_at = ?2"
                               " WHERE id = ?1",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, score_sheet_id);
          _ocop_db_bind_text (stmt, 2, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to reopen the score sheet"), error);
        }
    }

  /* The trigger logs the state change; the reason is logged here. */
  if (ok)
    {
      g_autofree char *entity_id = id_to_string (score_sheet_id);

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
                               " (SELECT actor FROM session_actor LIMIT 1), 'score_sheet', ?1, 'reopen',"
                               " json_object ('reason', ?2))",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, entity_id);
          _ocop_db_bind_text (stmt, 2, text);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to log the reason"), error);
        }
    }

  return finish (db, ok, error);
}

GPtrArray *
ocop_db_list_sheet_audit (OcopDb  *db,
                          gint64   score_sheet_id,
                          GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_audit_entry_free);
  g_autofree char *entity_id = id_to_string (score_sheet_id);
  g_autofree char *answer_prefix = g_strconcat (entity_id, ":%", NULL);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT id, at, actor, entity, entity_id, action, detail FROM audit_log"
                           " WHERE (entity = 'score_sheet' AND entity_id = ?1)"
                           " OR (entity = 'answer' AND entity_id LIKE ?2)"
                           " ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  _ocop_db_bind_text (stmt, 1, entity_id);
  _ocop_db_bind_text (stmt, 2, answer_prefix);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the audit log"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopAuditEntry *entry = g_new0 (OcopAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = _ocop_db_column_dup (stmt, 1);
      entry->actor = _ocop_db_column_dup (stmt, 2);
      entry->entity = _ocop_db_column_dup (stmt, 3);
      entry->entity_id = _ocop_db_column_dup (stmt, 4);
      entry->action = _ocop_db_column_dup (stmt, 5);
      entry->detail = _ocop_db_column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/* ---- results ---- */

static char *
part_means_to_json (const OcopCriteriaSet   *set,
                    const OcopCouncilResult *result)
{
  GString *json = g_string_new ("{");

  for (guint p = 0; p < result->n_parts && set->part_templates != NULL && p < set->part_templates->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (set->part_templates, p);
      g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), part->code);
      g_autofree char *key_text = json_to_string (key, FALSE);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.15g", result->part_means[p]);
      g_string_append_printf (json, "%s%s:%s", p > 0 ? "," : "", key_text, number);
    }
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

static char *
join_reasons (GPtrArray *reasons)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (reasons, i));
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  gint64          member_id;
  OcopSheetScore  score;
} CountedSheet;

static gboolean
compute_result (OcopDb             *db,
                gint64              meeting_id,
                gint64              product_id,
                OcopCouncilResult  *result,
                GError            **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) recused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) sheet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counted = g_array_new (FALSE, TRUE, sizeof (CountedSheet));
  g_autofree OcopMemberInput *inputs = NULL;
  g_autofree char *product_set = NULL;
  g_autofree char *part_means = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *now = NULL;
  OcopCouncilRules rules = { 0 };
  const OcopSheet *sheet;
  sqlite3_stmt *stmt;
  OcopDbStep step;
  int round;
  gboolean ok = TRUE;

  if ((meeting = ocop_db_get_meeting (db, meeting_id, error)) == NULL)
    return FALSE;
  if (meeting->state == OCOP_MEETING_FINALISED)
    {
      set_meeting_locked (error);
      return FALSE;
    }
  if ((council = ocop_db_get_council (db, meeting->council_id, error)) == NULL ||
      (round = ocop_db_get_agenda_round (db, meeting_id, product_id, error)) == 0 ||
      (set = ocop_db_load_criteria_set (db, meeting->set_id, error)) == NULL ||
      (members = ocop_db_list_members (db, council->id, error)) == NULL ||
      (attendance = ocop_db_list_attendance (db, meeting_id, error)) == NULL)
    return FALSE;

  rules.level = council->level;
  rules.regime = council->regime;
  rules.secretary_scores = council->secretary_scores;
  rules.advisory_scores = council->advisory_scores;

  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);

      if (a->present)
        g_hash_table_add (present, g_memdup2 (&a->member_id, sizeof (gint64)));
    }

  stmt = _ocop_db_prepare (db, "SELECT product_set FROM product WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the product"), error);
  if (step == OCOP_DB_STEP_ROW)
    product_set = _ocop_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (step != OCOP_DB_STEP_ROW)
    {
      if (step == OCOP_DB_STEP_DONE)
        g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                             _("Product: no such product"));
      return FALSE;
    }

  sheet = ocop_criteria_set_find_sheet (set, product_set);
  if (sheet == NULL)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a product set (sheet) code, "07" */
                   _("Criteria sheet: the criteria set has no sheet %s"), product_set);
      return FALSE;
    }

  stmt = _ocop_db_prepare (db, "SELECT member_id FROM conflict WHERE meeting_id = ?1 AND product_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the conflicts of interest"), error)) == OCOP_DB_STEP_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (recused, g_memdup2 (&member_id, sizeof member_id));
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  stmt = _ocop_db_prepare (db,
                           "SELECT id FROM score_sheet WHERE meeting_id = ?1 AND product_id = ?2"
                           " AND round = ?3 AND state = 'submitted'",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int (stmt, 3, round);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the score sheets"), error)) == OCOP_DB_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (sheet_ids, id);
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  for (guint i = 0; ok && i < sheet_ids->len; i++)
    {
      g_auto(SheetContext) ctx = { 0 };
      CountedSheet entry = { 0 };

      ok = load_context (db, g_array_index (sheet_ids, gint64, i), &ctx, error) &&
           score_stored (db, &ctx, set, sheet, &entry.score, error);
      if (ok)
        {
          entry.member_id = ctx.member_id;
          g_array_append_val (counted, entry);
        }
    }

  if (ok)
    {
      inputs = g_new0 (OcopMemberInput, MAX (members->len, 1));
      for (guint i = 0; i < members->len; i++)
        {
          const OcopMember *member = g_ptr_array_index (members, i);
          OcopMemberInput *input = &inputs[i];

          input->name = member->name;
          input->role = member->role;
          input->present = g_hash_table_contains (present, &member->id);
          input->recused = g_hash_table_contains (recused, &member->id);

          for (guint j = 0; j < counted->len; j++)
            {
              const CountedSheet *c = &g_array_index (counted, CountedSheet, j);

              if (c->member_id != member->id)
                continue;

              input->has_sheet = TRUE;
              input->total = c->score.total;
              input->n_parts = MIN (c->score.n_parts, OCOP_RATING_MAX_PARTS);
              memcpy (input->part_totals, c->score.part_totals, sizeof input->part_totals);
              input->knocked_out = c->score.knocked_out;
            }
        }

      ocop_rating_council (set, &rules, inputs, members->len, result);

      part_means = result->n_counted > 0 ? part_means_to_json (set, result) : NULL;
      reasons = join_reasons (result->reasons);
      now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO result (meeting_id, product_id, round, score, part_means, stars,"
                               " outcome, spread, n_counted, reasons, computed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                               " ON CONFLICT (meeting_id, product_id, round) DO UPDATE SET"
                               " score = excluded.score, part_means = excluded.part_means,"
                               " stars = excluded.stars, outcome = excluded.outcome,"
                               " spread = excluded.spread, n_counted = excluded.n_counted,"
                               " reasons = excluded.reasons, computed_at = excluded.computed_at",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, product_id);
          sqlite3_bind_int (stmt, 3, round);
          if (result->n_counted > 0)
            {
              sqlite3_bind_double (stmt, 4, result->score);
              sqlite3_bind_double (stmt, 8, result->spread);
            }
          else
            {
              sqlite3_bind_null (stmt, 4);
              sqlite3_bind_null (stmt, 8);
            }
          _ocop_db_bind_text (stmt, 5, part_means);
          if (result->stars >= 1 && result->stars <= 5)
            sqlite3_bind_int (stmt, 6, result->stars);
          else
            sqlite3_bind_null (stmt, 6);
          _ocop_db_bind_text (stmt, 7, ocop_outcome_to_string (result->outcome));
          sqlite3_bind_int (stmt, 9, (int) result->n_counted);
          _ocop_db_bind_text (stmt, 10, reasons);
          _ocop_db_bind_text (stmt, 11, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to store the result"), error);
        }
      if (!ok)
        ocop_council_result_clear (result);
    }

  for (guint i = 0; i < counted->len; i++)
    ocop_sheet_score_clear (&g_array_index (counted, CountedSheet, i).score);

  return ok;
}

gboolean
ocop_db_compute_result (OcopDb             *db,
                        gint64              meeting_id,
                        gint64              product_id,
                        OcopCouncilResult  *result,
                        GError            **error)
{
  OcopCouncilResult local = { 0 };
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = compute_result (db, meeting_id, product_id, &local, error);
  if (!finish (db, ok, error))
    {
      if (ok)
        ocop_council_result_clear (&local);
      return FALSE;
    }

  if (result != NULL)
    *result = local;
  else
    ocop_council_result_clear (&local);

  return TRUE;
}

gboolean
ocop_db_compute_meeting_results (OcopDb  *db,
                                 gint64   meeting_id,
                                 GError **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  agenda = ocop_db_list_agenda (db, meeting_id, error);
  ok = agenda != NULL;

  for (guint i = 0; ok && i < agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (agenda, i);
      OcopCouncilResult result = { 0 };

      ok = compute_result (db, meeting_id, item->product_id, &result, error);
      if (ok)
        ocop_council_result_clear (&result);
    }

  return finish (db, ok, error);
}

static GPtrArray *
list_member_totals (OcopDb  *db,
                    gint64   meeting_id,
                    gint64   product_id,
                    int      round,
                    GError **error)
{
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify) member_total_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT s.member_id, m.name, m.role, s.id, s.state, s.total, s.knocked_out"
                           " FROM score_sheet s JOIN member m ON m.id = s.member_id"
                           " WHERE s.meeting_id = ?1 AND s.product_id = ?2 AND s.round = ?3"
                           " ORDER BY " ROLE_ORDER ("m.role") ", m.ordinal, m.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int (stmt, 3, round);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the score sheets"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopMemberTotal *total = g_new0 (OcopMemberTotal, 1);

      total->member_id = sqlite3_column_int64 (stmt, 0);
      total->member_name = _ocop_db_column_dup (stmt, 1);
      ocop_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &total->role);
      total->score_sheet_id = sqlite3_column_int64 (stmt, 3);
      ocop_sheet_state_from_string ((const char *) sqlite3_column_text (stmt, 4), &total->state);
      total->total = sqlite3_column_double (stmt, 5);
      total->knocked_out = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (totals, total);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&totals);
}

GPtrArray *
ocop_db_list_results (OcopDb  *db,
                      gint64   meeting_id,
                      GError **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_result_free);
  g_autoptr(GPtrArray) agenda = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  agenda = ocop_db_list_agenda (db, meeting_id, error);
  if (agenda == NULL)
    return NULL;

  for (guint i = 0; i < agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (agenda, i);
      g_autoptr(OcopProductResult) row = g_new0 (OcopProductResult, 1);
      sqlite3_stmt *stmt;
      OcopDbStep step;

      row->meeting_id = meeting_id;
      row->product_id = item->product_id;
      row->product_name = g_strdup (item->product_name);
      row->product_code = g_strdup (item->product_code);
      row->round = item->round;
      row->outcome = OCOP_OUTCOME_INCOMPLETE;

      stmt = _ocop_db_prepare (db,
                               "SELECT score, part_means, stars, outcome, spread, n_counted, reasons, computed_at"
                               " FROM result WHERE meeting_id = ?1 AND product_id = ?2 AND round = ?3",
                               error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, item->product_id);
      sqlite3_bind_int (stmt, 3, item->round);
      step = _ocop_db_step (db, stmt, _("Failed to read the results"), error);
      if (step == OCOP_DB_STEP_ERROR)
        return NULL;
      if (step == OCOP_DB_STEP_ROW)
        {
          row->computed = TRUE;
          row->score = sqlite3_column_double (stmt, 0);
          row->part_means = _ocop_db_column_dup (stmt, 1);
          row->stars = sqlite3_column_int (stmt, 2);
          outcome_from_string ((const char *) sqlite3_column_text (stmt, 3), &row->outcome);
          row->spread = sqlite3_column_double (stmt, 4);
          row->n_counted = sqlite3_column_int (stmt, 5);
          row->reasons = _ocop_db_column_dup (stmt, 6);
          row->computed_at = _ocop_db_column_dup (stmt, 7);
        }
      sqlite3_reset (stmt);

      row->member_totals = list_member_totals (db, meeting_id, item->product_id, item->round, error);
      if (row->member_totals == NULL)
        return NULL;

      g_ptr_array_add (results, g_steal_pointer (&row));
    }

  return g_steal_pointer (&results);
}

/* ---- rounds and finalising ---- */

gboolean
ocop_db_open_round (OcopDb  *db,
                    gint64   meeting_id,
                    gint64   product_id,
                    GError **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  sqlite3_stmt *stmt;
  int round = 0;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  meeting = ocop_db_get_meeting (db, meeting_id, error);
  ok = meeting != NULL;
  if (ok && meeting->state == OCOP_MEETING_FINALISED)
    {
      set_meeting_locked (error);
      ok = FALSE;
    }

  if (ok)
    {
      round = ocop_db_get_agenda_round (db, meeting_id, product_id, error);
      ok = round != 0;
    }

  if (ok && round >= 9)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Round: a product is scored in at most 9 rounds"));
      ok = FALSE;
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "UPDATE agenda_item SET round = round + 1 WHERE meeting_id = ?1 AND product_id = ?2",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, product_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to open a new round"), error);
        }
    }

  if (ok)
    {
      g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                    meeting_id, product_id);

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
                               " (SELECT actor FROM session_actor LIMIT 1), 'agenda_item', ?1, 'rescore',"
                               " json_object ('round', ?2))",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, entity_id);
          sqlite3_bind_int (stmt, 2, round + 1);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to log the new round"), error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_finalise_meeting (OcopDb  *db,
                          gint64   meeting_id,
                          GError **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *quorum = NULL;
  gboolean quorum_met = FALSE;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  meeting = ocop_db_get_meeting (db, meeting_id, error);
  ok = meeting != NULL;
  if (ok && meeting->state == OCOP_MEETING_FINALISED)
    {
      set_meeting_locked (error);
      ok = FALSE;
    }

  ok = ok && ocop_db_check_quorum (db, meeting_id, &quorum_met, &quorum, error);
  if (ok && !quorum_met)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s says why, e.g. "5 of 9 members present, 6 needed — no quorum" */
                   _("The meeting cannot be finalised: %s"), quorum);
      ok = FALSE;
    }

  if (ok)
    {
      agenda = ocop_db_list_agenda (db, meeting_id, error);
      ok = agenda != NULL;
    }
  if (ok && agenda->len == 0)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("The meeting cannot be finalised: the agenda is empty"));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (agenda, i);
      OcopCouncilResult result = { 0 };

      ok = compute_result (db, meeting_id, item->product_id, &result, error);
      if (!ok)
        break;

      if (result.outcome == OCOP_OUTCOME_INCOMPLETE)
        {
          g_string_append_c (problems, '\n');
          g_string_append_printf (problems,
                                  /* Translators: %s is a product name */
                                  _("“%s”: the result is incomplete"),
                                  item->product_name);
        }
      else if (result.outcome == OCOP_OUTCOME_RESCORE)
        {
          g_string_append_c (problems, '\n');
          g_string_append_printf (problems,
                                  /* Translators: %s is a product name */
                                  _("“%s”: the members’ totals differ too much; open a new scoring round"),
                                  item->product_name);
        }
      ocop_council_result_clear (&result);
    }

  if (ok && problems->len > 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a list of products, one a line, each with why */
                   _("The meeting cannot be finalised:%s"), problems->str);
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "UPDATE meeting SET state = 'finalised', finalised_at = ?2 WHERE id = ?1",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          _ocop_db_bind_text (stmt, 2, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to finalise the meeting"), error);
        }
    }

  return finish (db, ok, error);
}
