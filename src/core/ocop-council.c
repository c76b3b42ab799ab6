/* ocop-council.c: councils, members, meetings, agenda, attendance, quorum, conflicts
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database triggers lock a finalised meeting; the functions here check the state
 * first as well, so that the user gets one clear message, and so that changes the
 * schema has no trigger for (a member's removal cascading into the attendance of a
 * finalised meeting) are refused too.
 */

#define G_LOG_DOMAIN "ocop-council"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ocop-council.h"
#include "ocop-db-private.h"

/* Chair, vice-chairs, members, secretary, advisory team. */
#define ROLE_ORDER(col) \
  "CASE " col " WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'member' THEN 2" \
  " WHEN 'secretary' THEN 3 ELSE 4 END"

/* ---- records ---- */

OcopCouncil *
ocop_council_new (void)
{
  OcopCouncil *council = g_new0 (OcopCouncil, 1);

  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_148_1489;
  council->quorum_share = 2.0 / 3.0;
  council->chair_required = TRUE;

  return council;
}

void
ocop_council_free (OcopCouncil *council)
{
  if (council == NULL)
    return;

  g_free (council->name);
  g_free (council->locality);
  g_free (council->decision);
  g_free (council->decision_date);
  g_free (council);
}

OcopMember *
ocop_member_new (void)
{
  OcopMember *member = g_new0 (OcopMember, 1);

  member->role = OCOP_ROLE_MEMBER;

  return member;
}

void
ocop_member_free (OcopMember *member)
{
  if (member == NULL)
    return;

  g_free (member->name);
  g_free (member->title);
  g_free (member);
}

OcopMeeting *
ocop_meeting_new (void)
{
  return g_new0 (OcopMeeting, 1);
}

void
ocop_meeting_free (OcopMeeting *meeting)
{
  if (meeting == NULL)
    return;

  g_free (meeting->date);
  g_free (meeting->place);
  g_free (meeting->title);
  g_free (meeting->finalised_at);
  g_free (meeting);
}

void
ocop_agenda_item_free (OcopAgendaItem *item)
{
  if (item == NULL)
    return;

  g_free (item->product_name);
  g_free (item->product_code);
  g_free (item->product_set);
  g_free (item);
}

void
ocop_attendance_free (OcopAttendance *attendance)
{
  if (attendance == NULL)
    return;

  g_free (attendance->member_name);
  g_free (attendance);
}

void
ocop_conflict_free (OcopConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->member_name);
  g_free (conflict->product_name);
  g_free (conflict->reason);
  g_free (conflict->declared_at);
  g_free (conflict);
}

/* ---- validation ---- */

/* NFC and trimmed; an empty string becomes NULL. */
static void
normalise_text (char **text)
{
  char *nfc;

  if (*text == NULL)
    return;

  nfc = g_utf8_normalize (*text, -1, G_NORMALIZE_NFC);
  g_free (*text);
  *text = nfc;

  if (nfc == NULL)
    return;

  g_strstrip (nfc);
  if (*nfc == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
is_iso_date (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  y = atoi (s);
  m = atoi (s + 5);
  d = atoi (s + 8);

  return g_date_valid_dmy (d, m, y);
}

static gboolean
check_utf8 (const char  *text,
            const char  *field,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a field name such as "Council name" */
                   _("%s: is not valid text (UTF-8)"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_council_validate (OcopCouncil  *council,
                       GError      **error)
{
  g_return_val_if_fail (council != NULL, FALSE);

  if (!check_utf8 (council->name, _("Council name"), error) ||
      !check_utf8 (council->locality, _("Locality"), error) ||
      !check_utf8 (council->decision, _("Decision"), error) ||
      !check_utf8 (council->decision_date, _("Decision date"), error))
    return FALSE;

  normalise_text (&council->name);
  normalise_text (&council->locality);
  normalise_text (&council->decision);
  normalise_text (&council->decision_date);

  if (council->name == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Council name: must not be empty"));
      return FALSE;
    }

  if ((guint) council->level >= OCOP_LEVEL_N)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Level: must be commune, district, province or central"));
      return FALSE;
    }

  if ((guint) council->regime >= OCOP_REGIME_N)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Regime: unknown legal regime"));
      return FALSE;
    }

  if (council->decision_date != NULL && !is_iso_date (council->decision_date))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("Decision date: “%s” is not a valid date (YYYY-MM-DD)"),
                   council->decision_date);
      return FALSE;
    }

  if (!(council->quorum_share > 0.0 && council->quorum_share <= 1.0))
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Quorum: the share of members present must be more than 0 and at most 100 %"));
      return FALSE;
    }

  council->secretary_scores = !!council->secretary_scores;
  council->advisory_scores = !!council->advisory_scores;
  council->chair_required = !!council->chair_required;
  council->is_sample = !!council->is_sample;

  return TRUE;
}

gboolean
ocop_member_validate (OcopMember  *member,
                      GError     **error)
{
  g_return_val_if_fail (member != NULL, FALSE);

  if (!check_utf8 (member->name, _("Member name"), error) ||
      !check_utf8 (member->title, _("Title"), error))
    return FALSE;

  normalise_text (&member->name);
  normalise_text (&member->title);

  if (member->name == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Member name: must not be empty"));
      return FALSE;
    }

  if ((guint) member->role >= OCOP_ROLE_N)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Role: unknown role"));
      return FALSE;
    }

  if (member->ordinal > G_MAXINT32)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Order: out of range"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_meeting_validate (OcopMeeting  *meeting,
                       GError      **error)
{
  g_return_val_if_fail (meeting != NULL, FALSE);

  if (!check_utf8 (meeting->date, _("Meeting date"), error) ||
      !check_utf8 (meeting->place, _("Place"), error) ||
      !check_utf8 (meeting->title, _("Meeting title"), error))
    return FALSE;

  normalise_text (&meeting->date);
  normalise_text (&meeting->place);
  normalise_text (&meeting->title);

  if (meeting->date == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Meeting date: must not be empty"));
      return FALSE;
    }

  if (!is_iso_date (meeting->date))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("Meeting date: “%s” is not a valid date (YYYY-MM-DD)"), meeting->date);
      return FALSE;
    }

  return TRUE;
}

/* ---- shared checks ---- */

static gboolean
row_exists (OcopDb      *db,
            const char  *sql,
            gint64       a,
            gint64       b,
            gboolean    *exists,
            GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  step = _ocop_db_step (db, stmt, _("Failed to read the database"), error);
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  *exists = (step == OCOP_DB_STEP_ROW);

  return TRUE;
}

/* The meeting exists and is not finalised; returns its council and criteria set. */
static gboolean
check_meeting_open (OcopDb      *db,
                    gint64       meeting_id,
                    gint64      *council_id,
                    gint64      *set_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;
  gboolean finalised;

  stmt = _ocop_db_prepare (db, "SELECT council_id, set_id, state FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the meeting"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Meeting: no such meeting"));
      return FALSE;
    }

  if (council_id != NULL)
    *council_id = sqlite3_column_int64 (stmt, 0);
  if (set_id != NULL)
    *set_id = sqlite3_column_int64 (stmt, 1);
  finalised = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "finalised") == 0;
  sqlite3_reset (stmt);

  if (finalised)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                           _("The meeting is finalised and can no longer be changed"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_member_of_meeting (OcopDb      *db,
                         gint64       meeting_id,
                         gint64       member_id,
                         GError     **error)
{
  gboolean exists = FALSE;

  if (!row_exists (db,
                   "SELECT 1 FROM member m JOIN meeting g ON g.council_id = m.council_id"
                   " WHERE g.id = ?1 AND m.id = ?2",
                   meeting_id, member_id, &exists, error))
    return FALSE;

  if (!exists)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Member: not a member of this meeting’s council"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_on_agenda (OcopDb      *db,
                 gint64       meeting_id,
                 gint64       product_id,
                 GError     **error)
{
  gboolean exists = FALSE;

  if (!row_exists (db, "SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND product_id = ?2",
                   meeting_id, product_id, &exists, error))
    return FALSE;

  if (!exists)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Product: not on the meeting’s agenda"));
      return FALSE;
    }

  return TRUE;
}

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

/* ---- councils ---- */

#define COUNCIL_COLUMNS \
  "id, name, level, regime, locality, decision, decision_date, secretary_scores," \
  " advisory_scores, quorum_share, chair_required, is_sample"

static OcopCouncil *
council_from_row (sqlite3_stmt *stmt)
{
  OcopCouncil *council = ocop_council_new ();

  council->id = sqlite3_column_int64 (stmt, 0);
  council->name = _ocop_db_column_dup (stmt, 1);
  ocop_level_from_string ((const char *) sqlite3_column_text (stmt, 2), &council->level);
  ocop_regime_from_string ((const char *) sqlite3_column_text (stmt, 3), &council->regime);
  council->locality = _ocop_db_column_dup (stmt, 4);
  council->decision = _ocop_db_column_dup (stmt, 5);
  council->decision_date = _ocop_db_column_dup (stmt, 6);
  council->secretary_scores = sqlite3_column_int (stmt, 7) != 0;
  council->advisory_scores = sqlite3_column_int (stmt, 8) != 0;
  council->quorum_share = sqlite3_column_double (stmt, 9);
  council->chair_required = sqlite3_column_int (stmt, 10) != 0;
  council->is_sample = sqlite3_column_int (stmt, 11) != 0;

  return council;
}

static void
bind_council (sqlite3_stmt      *stmt,
              const OcopCouncil *council)
{
  _ocop_db_bind_text (stmt, 1, council->name);
  _ocop_db_bind_text (stmt, 2, ocop_level_to_string (council->level));
  _ocop_db_bind_text (stmt, 3, ocop_regime_to_string (council->regime));
  _ocop_db_bind_text (stmt, 4, council->locality);
  _ocop_db_bind_text (stmt, 5, council->decision);
  _ocop_db_bind_text (stmt, 6, council->decision_date);
  sqlite3_bind_int (stmt, 7, council->secretary_scores);
  sqlite3_bind_int (stmt, 8, council->advisory_scores);
  sqlite3_bind_double (stmt, 9, council->quorum_share);
  sqlite3_bind_int (stmt, 10, council->chair_required);
  sqlite3_bind_int (stmt, 11, council->is_sample);
}

gboolean
ocop_db_save_council (OcopDb       *db,
                      OcopCouncil  *council,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (council != NULL, FALSE);

  if (!ocop_council_validate (council, error))
    return FALSE;

  if (!ocop_db_begin (db, error))
    return FALSE;

  if (council->id == 0)
    {
      g_autofree char *now = _ocop_db_now ();

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO council (name, level, regime, locality, decision,"
                               " decision_date, secretary_scores, advisory_scores, quorum_share,"
                               " chair_required, is_sample, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_council (stmt, council);
          _ocop_db_bind_text (stmt, 12, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the council"), error);
        }
      if (ok)
        council->id = _ocop_db_last_insert_id (db);
    }
  else
    {
      stmt = _ocop_db_prepare (db,
                               "UPDATE council SET name = ?1, level = ?2, regime = ?3, locality = ?4,"
                               " decision = ?5, decision_date = ?6, secretary_scores = ?7,"
                               " advisory_scores = ?8, quorum_share = ?9, chair_required = ?10,"
                               " is_sample = ?11 WHERE id = ?12",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_council (stmt, council);
          sqlite3_bind_int64 (stmt, 12, council->id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the council"), error);
        }
      if (ok && sqlite3_changes (_ocop_db_get_handle (db)) == 0)
        {
          g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                               _("Council: no such council"));
          ok = FALSE;
        }
    }

  return finish (db, ok, error);
}

OcopCouncil *
ocop_db_get_council (OcopDb  *db,
                     gint64   id,
                     GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT " COUNCIL_COLUMNS " FROM council WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _ocop_db_collect_one (db, stmt, (OcopDbRowFunc) council_from_row, _("Failed to read the council"),
                               _("Council: no such council"), error);
}

GPtrArray *
ocop_db_list_councils (OcopDb  *db,
                       GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT " COUNCIL_COLUMNS " FROM council ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  return _ocop_db_collect (db, stmt, (OcopDbRowFunc) council_from_row, (GDestroyNotify) ocop_council_free, _("Failed to list the councils"), error);
}

/* ---- members ---- */

#define MEMBER_COLUMNS "id, council_id, name, role, title, ordinal"

static OcopMember *
member_from_row (sqlite3_stmt *stmt)
{
  OcopMember *member = ocop_member_new ();

  member->id = sqlite3_column_int64 (stmt, 0);
  member->council_id = sqlite3_column_int64 (stmt, 1);
  member->name = _ocop_db_column_dup (stmt, 2);
  ocop_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &member->role);
  member->title = _ocop_db_column_dup (stmt, 4);
  member->ordinal = sqlite3_column_int (stmt, 5);

  return member;
}

/* Name unique in the council and at most one chair. */
static gboolean
check_member_fits (OcopDb            *db,
                   const OcopMember  *member,
                   GError           **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT 1 FROM member WHERE council_id = ?1 AND name = ?2 AND id IS NOT ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member->council_id);
  _ocop_db_bind_text (stmt, 2, member->name);
  sqlite3_bind_int64 (stmt, 3, member->id);
  step = _ocop_db_step (db, stmt, _("Failed to read the members"), error);
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;
  if (step == OCOP_DB_STEP_ROW)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Member name: “%s” is already a member of this council"), member->name);
      return FALSE;
    }

  if (member->role != OCOP_ROLE_CHAIR)
    return TRUE;

  stmt = _ocop_db_prepare (db,
                           "SELECT name FROM member WHERE council_id = ?1 AND role = 'chair' AND id IS NOT ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member->council_id);
  sqlite3_bind_int64 (stmt, 2, member->id);
  step = _ocop_db_step (db, stmt, _("Failed to read the members"), error);
  if (step == OCOP_DB_STEP_ROW)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Role: the council already has a chair, %s"),
                   (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

gboolean
ocop_db_add_member (OcopDb      *db,
                    OcopMember  *member,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (member->id == 0, FALSE);

  if (!ocop_member_validate (member, error))
    return FALSE;

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = row_exists (db, "SELECT 1 FROM council WHERE id = ?1",
                   member->council_id, 0, &exists, error);
  if (ok && !exists)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Council: no such council"));
      ok = FALSE;
    }

  ok = ok && check_member_fits (db, member, error);

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "INSERT INTO member (council_id, name, role, title, ordinal)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, member->council_id);
          _ocop_db_bind_text (stmt, 2, member->name);
          _ocop_db_bind_text (stmt, 3, ocop_role_to_string (member->role));
          _ocop_db_bind_text (stmt, 4, member->title);
          sqlite3_bind_int (stmt, 5, (int) member->ordinal);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to add the member"), error);
        }
      if (ok)
        member->id = _ocop_db_last_insert_id (db);
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_update_member (OcopDb      *db,
                       OcopMember  *member,
                       GError     **error)
{
  g_autoptr(OcopMember) stored = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (!ocop_member_validate (member, error))
    return FALSE;

  if (!ocop_db_begin (db, error))
    return FALSE;

  stored = ocop_db_get_member (db, member->id, error);
  ok = stored != NULL;
  if (ok)
    {
      /* A member never moves to another council. */
      member->council_id = stored->council_id;
      ok = check_member_fits (db, member, error);
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "UPDATE member SET name = ?1, role = ?2, title = ?3, ordinal = ?4"
                               " WHERE id = ?5",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, member->name);
          _ocop_db_bind_text (stmt, 2, ocop_role_to_string (member->role));
          _ocop_db_bind_text (stmt, 3, member->title);
          sqlite3_bind_int (stmt, 4, (int) member->ordinal);
          sqlite3_bind_int64 (stmt, 5, member->id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the member"), error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_remove_member (OcopDb  *db,
                       gint64   member_id,
                       GError **error)
{
  g_autoptr(OcopMember) stored = NULL;
  sqlite3_stmt *stmt;
  gboolean in_finalised = FALSE;
  gboolean has_sheets = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  stored = ocop_db_get_member (db, member_id, error);
  ok = stored != NULL;

  ok = ok && row_exists (db,
                         "SELECT 1 FROM meeting g WHERE g.state = 'finalised' AND ("
                         " EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = g.id AND a.member_id = ?1)"
                         " OR EXISTS (SELECT 1 FROM conflict c WHERE c.meeting_id = g.id AND c.member_id = ?1)"
                         " OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.meeting_id = g.id AND s.member_id = ?1))",
                         member_id, 0, &in_finalised, error);
  if (ok && in_finalised)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                   /* Translators: %s is a person's name */
                   _("Member: %s took part in a finalised meeting and cannot be removed"),
                   stored->name);
      ok = FALSE;
    }

  ok = ok && row_exists (db, "SELECT 1 FROM score_sheet WHERE member_id = ?1",
                         member_id, 0, &has_sheets, error);
  if (ok && has_sheets)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Member: %s has score sheets and cannot be removed"), stored->name);
      ok = FALSE;
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db, "DELETE FROM member WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, member_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to remove the member"), error);
        }
    }

  return finish (db, ok, error);
}

OcopMember *
ocop_db_get_member (OcopDb  *db,
                    gint64   member_id,
                    GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, member_id);
  return _ocop_db_collect_one (db, stmt, (OcopDbRowFunc) member_from_row, _("Failed to read the member"),
                               _("Member: no such member"), error);
}

GPtrArray *
ocop_db_list_members (OcopDb  *db,
                      gint64   council_id,
                      GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT " MEMBER_COLUMNS " FROM member WHERE council_id = ?1"
                           " ORDER BY " ROLE_ORDER ("role") ", ordinal, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, council_id);
  return _ocop_db_collect (db, stmt, (OcopDbRowFunc) member_from_row, (GDestroyNotify) ocop_member_free, _("Failed to list the members"), error);
}

/* ---- meetings ---- */

#define MEETING_COLUMNS "id, council_id, set_id, date, place, title, state, finalised_at, is_sample"

static OcopMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  OcopMeeting *meeting = ocop_meeting_new ();

  meeting->id = sqlite3_column_int64 (stmt, 0);
  meeting->council_id = sqlite3_column_int64 (stmt, 1);
  meeting->set_id = sqlite3_column_int64 (stmt, 2);
  meeting->date = _ocop_db_column_dup (stmt, 3);
  meeting->place = _ocop_db_column_dup (stmt, 4);
  meeting->title = _ocop_db_column_dup (stmt, 5);
  ocop_meeting_state_from_string ((const char *) sqlite3_column_text (stmt, 6), &meeting->state);
  meeting->finalised_at = _ocop_db_column_dup (stmt, 7);
  meeting->is_sample = sqlite3_column_int (stmt, 8) != 0;

  return meeting;
}

gboolean
ocop_db_save_meeting (OcopDb       *db,
                      OcopMeeting  *meeting,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);

  if (!ocop_meeting_validate (meeting, error))
    return FALSE;

  if (!ocop_db_begin (db, error))
    return FALSE;

  if (meeting->id == 0)
    {
      g_autofree char *now = _ocop_db_now ();

      ok = row_exists (db, "SELECT 1 FROM council WHERE id = ?1",
                       meeting->council_id, 0, &exists, error);
      if (ok && !exists)
        {
          g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                               _("Council: no such council"));
          ok = FALSE;
        }
      ok = ok && row_exists (db, "SELECT 1 FROM criteria_set WHERE id = ?1",
                             meeting->set_id, 0, &exists, error);
      if (ok && !exists)
        {
          g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                               _("Criteria set: no such criteria set"));
          ok = FALSE;
        }

      if (ok)
        {
          stmt = _ocop_db_prepare (db,
                                   "INSERT INTO meeting (council_id, set_id, date, place, title,"
                                   " state, is_sample, created_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, 'preparing', ?6, ?7)",
                                   error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, meeting->council_id);
              sqlite3_bind_int64 (stmt, 2, meeting->set_id);
              _ocop_db_bind_text (stmt, 3, meeting->date);
              _ocop_db_bind_text (stmt, 4, meeting->place);
              _ocop_db_bind_text (stmt, 5, meeting->title);
              sqlite3_bind_int (stmt, 6, !!meeting->is_sample);
              _ocop_db_bind_text (stmt, 7, now);
              ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the meeting"), error);
            }
          if (ok)
            {
              meeting->id = _ocop_db_last_insert_id (db);
              meeting->state = OCOP_MEETING_PREPARING;
              g_clear_pointer (&meeting->finalised_at, g_free);
            }
        }
    }
  else
    {
      ok = check_meeting_open (db, meeting->id, NULL, NULL, error);
      if (ok)
        {
          stmt = _ocop_db_prepare (db,
                                   "UPDATE meeting SET date = ?1, place = ?2, title = ?3 WHERE id = ?4",
                                   error);
          ok = stmt != NULL;
          if (ok)
            {
              _ocop_db_bind_text (stmt, 1, meeting->date);
              _ocop_db_bind_text (stmt, 2, meeting->place);
              _ocop_db_bind_text (stmt, 3, meeting->title);
              sqlite3_bind_int64 (stmt, 4, meeting->id);
              ok = _ocop_db_exec_stmt (db, stmt, _("Failed to save the meeting"), error);
            }
        }
    }

  return finish (db, ok, error);
}

OcopMeeting *
ocop_db_get_meeting (OcopDb  *db,
                     gint64   id,
                     GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _ocop_db_collect_one (db, stmt, (OcopDbRowFunc) meeting_from_row, _("Failed to read the meeting"),
                               _("Meeting: no such meeting"), error);
}

GPtrArray *
ocop_db_list_meetings (OcopDb  *db,
                       gint64   council_id,
                       GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT " MEETING_COLUMNS " FROM meeting"
                           " WHERE ?1 = 0 OR council_id = ?1 ORDER BY date DESC, id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, council_id);
  return _ocop_db_collect (db, stmt, (OcopDbRowFunc) meeting_from_row, (GDestroyNotify) ocop_meeting_free, _("Failed to list the meetings"), error);
}

gboolean
ocop_db_set_meeting_state (OcopDb            *db,
                           gint64             meeting_id,
                           OcopMeetingState   state,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (state != OCOP_MEETING_PREPARING && state != OCOP_MEETING_SCORING)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Meeting state: a meeting is finalised only when its results are complete"));
      return FALSE;
    }

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error);
  if (ok)
    {
      stmt = _ocop_db_prepare (db, "UPDATE meeting SET state = ?1 WHERE id = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, ocop_meeting_state_to_string (state));
          sqlite3_bind_int64 (stmt, 2, meeting_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to change the meeting’s state"), error);
        }
    }

  return finish (db, ok, error);
}

/* ---- agenda ---- */

gboolean
ocop_db_add_agenda_item (OcopDb  *db,
                         gint64   meeting_id,
                         gint64   product_id,
                         GError **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;
  gint64 set_id = 0;
  g_autofree char *product_set = NULL;
  g_autofree char *product_name = NULL;
  gboolean exists = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, &set_id, error);

  if (ok)
    {
      stmt = _ocop_db_prepare (db, "SELECT product_set, name FROM product WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, product_id);
          step = _ocop_db_step (db, stmt, _("Failed to read the product"), error);
          ok = step != OCOP_DB_STEP_ERROR;
          if (step == OCOP_DB_STEP_ROW)
            {
              product_set = _ocop_db_column_dup (stmt, 0);
              product_name = _ocop_db_column_dup (stmt, 1);
            }
          else if (step == OCOP_DB_STEP_DONE)
            {
              g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                                   _("Product: no such product"));
              ok = FALSE;
            }
          sqlite3_reset (stmt);
        }
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db, "SELECT 1 FROM criteria_sheet WHERE set_id = ?1 AND code = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, set_id);
          _ocop_db_bind_text (stmt, 2, product_set);
          step = _ocop_db_step (db, stmt, _("Failed to read the criteria set"), error);
          sqlite3_reset (stmt);
          ok = step != OCOP_DB_STEP_ERROR;
          if (step == OCOP_DB_STEP_DONE)
            {
              g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           /* Translators: the first %s is a product set code ("07"), the second a product name */
                           _("Product set: the meeting’s criteria set has no sheet %s for “%s”"),
                           product_set, product_name);
              ok = FALSE;
            }
        }
    }

  ok = ok && row_exists (db, "SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND product_id = ?2",
                         meeting_id, product_id, &exists, error);
  if (ok && exists)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a product name */
                   _("Product: “%s” is already on the agenda"), product_name);
      ok = FALSE;
    }

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "INSERT INTO agenda_item (meeting_id, product_id, ordinal, round)"
                               " VALUES (?1, ?2, (SELECT COALESCE (MAX (ordinal) + 1, 0)"
                               " FROM agenda_item WHERE meeting_id = ?1), 1)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, product_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to add the product to the agenda"), error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_remove_agenda_item (OcopDb  *db,
                            gint64   meeting_id,
                            gint64   product_id,
                            GError **error)
{
  static const char * const cleanup[] = {
    "DELETE FROM conflict WHERE meeting_id = ?1 AND product_id = ?2",
    "DELETE FROM result WHERE meeting_id = ?1 AND product_id = ?2",
    "UPDATE agenda_item SET ordinal = ordinal - 1 WHERE meeting_id = ?1"
    " AND ordinal > (SELECT ordinal FROM agenda_item WHERE meeting_id = ?1 AND product_id = ?2)",
    "DELETE FROM agenda_item WHERE meeting_id = ?1 AND product_id = ?2",
  };
  gboolean has_sheets = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error) &&
       check_on_agenda (db, meeting_id, product_id, error) &&
       row_exists (db, "SELECT 1 FROM score_sheet WHERE meeting_id = ?1 AND product_id = ?2",
                   meeting_id, product_id, &has_sheets, error);
  if (ok && has_sheets)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Product: already scored in this meeting, so it stays on the agenda"));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (cleanup); i++)
    {
      sqlite3_stmt *stmt = _ocop_db_prepare (db, cleanup[i], error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, product_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to remove the product from the agenda"), error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_reorder_agenda (OcopDb        *db,
                        gint64         meeting_id,
                        const gint64  *product_ids,
                        guint          n_product_ids,
                        GError       **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (product_ids != NULL || n_product_ids == 0, FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error);
  if (ok)
    {
      agenda = ocop_db_list_agenda (db, meeting_id, error);
      ok = agenda != NULL;
    }

  if (ok)
    {
      for (guint i = 0; i < agenda->len; i++)
        {
          OcopAgendaItem *item = g_ptr_array_index (agenda, i);
          g_hash_table_add (seen, &item->product_id);
        }

      if (n_product_ids != agenda->len)
        ok = FALSE;
      for (guint i = 0; ok && i < n_product_ids; i++)
        ok = g_hash_table_remove (seen, &product_ids[i]);

      if (!ok)
        g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                             _("Agenda order: must list every product of the agenda exactly once"));
    }

  for (guint i = 0; ok && i < n_product_ids; i++)
    {
      sqlite3_stmt *stmt = _ocop_db_prepare (db,
                                             "UPDATE agenda_item SET ordinal = ?3"
                                             " WHERE meeting_id = ?1 AND product_id = ?2",
                                             error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, product_ids[i]);
          sqlite3_bind_int (stmt, 3, (int) i);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to reorder the agenda"), error);
        }
    }

  return finish (db, ok, error);
}

GPtrArray *
ocop_db_list_agenda (OcopDb  *db,
                     gint64   meeting_id,
                     GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_agenda_item_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT a.meeting_id, a.product_id, a.ordinal, a.round, p.name, p.code,"
                           " p.product_set FROM agenda_item a JOIN product p ON p.id = a.product_id"
                           " WHERE a.meeting_id = ?1 ORDER BY a.ordinal, a.product_id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the agenda"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopAgendaItem *item = g_new0 (OcopAgendaItem, 1);

      item->meeting_id = sqlite3_column_int64 (stmt, 0);
      item->product_id = sqlite3_column_int64 (stmt, 1);
      item->ordinal = sqlite3_column_int (stmt, 2);
      item->round = sqlite3_column_int (stmt, 3);
      item->product_name = _ocop_db_column_dup (stmt, 4);
      item->product_code = _ocop_db_column_dup (stmt, 5);
      item->product_set = _ocop_db_column_dup (stmt, 6);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

int
ocop_db_get_agenda_round (OcopDb  *db,
                          gint64   meeting_id,
                          gint64   product_id,
                          GError **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;
  int round;

  g_return_val_if_fail (OCOP_IS_DB (db), 0);

  stmt = _ocop_db_prepare (db, "SELECT round FROM agenda_item WHERE meeting_id = ?1 AND product_id = ?2",
                           error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the agenda"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return 0;
  if (step == OCOP_DB_STEP_DONE)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("Product: not on the meeting’s agenda"));
      return 0;
    }

  round = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return round;
}

/* ---- attendance and quorum ---- */

gboolean
ocop_db_set_attendance (OcopDb    *db,
                        gint64     meeting_id,
                        gint64     member_id,
                        gboolean   present,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error) &&
       check_member_of_meeting (db, meeting_id, member_id, error);

  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "INSERT INTO attendance (meeting_id, member_id, present) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = excluded.present",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int (stmt, 3, !!present);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to record the attendance"), error);
        }
    }

  return finish (db, ok, error);
}

GPtrArray *
ocop_db_list_attendance (OcopDb  *db,
                         gint64   meeting_id,
                         GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_attendance_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT m.id, m.name, m.role, a.present FROM meeting g"
                           " JOIN member m ON m.council_id = g.council_id"
                           " LEFT JOIN attendance a ON a.meeting_id = g.id AND a.member_id = m.id"
                           " WHERE g.id = ?1 ORDER BY " ROLE_ORDER ("m.role") ", m.ordinal, m.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the attendance"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopAttendance *attendance = g_new0 (OcopAttendance, 1);

      attendance->member_id = sqlite3_column_int64 (stmt, 0);
      attendance->member_name = _ocop_db_column_dup (stmt, 1);
      ocop_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &attendance->role);
      attendance->recorded = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      attendance->present = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, attendance);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

gboolean
ocop_quorum_check (const OcopCouncil  *council,
                   guint               n_members,
                   guint               n_present,
                   gboolean            chair_present,
                   char              **reason)
{
  double share;
  guint needed;
  gboolean share_met;
  gboolean chair_met;

  g_return_val_if_fail (council != NULL, FALSE);
  g_return_val_if_fail (n_present <= n_members, FALSE);

  share = CLAMP (council->quorum_share, 0.0, 1.0);

  if (n_members == 0)
    {
      if (reason != NULL)
        *reason = g_strdup (_("The council has no members — no quorum"));
      return FALSE;
    }

  /* The smallest whole number of members that is at least the share: the epsilon
   * absorbs the binary error of 2/3 (0.666…6 × 9 = 5.9999…), so 6 of 9 meets 2/3. */
  needed = (guint) ceil (share * n_members - 1e-9);
  needed = CLAMP (needed, 1, n_members);

  share_met = n_present >= needed;
  chair_met = chair_present || !council->chair_required;

  if (reason != NULL)
    {
      if (share_met && chair_met)
        *reason = g_strdup_printf (ngettext (/* Translators: present of members, e.g. "7 of 9 members present — quorum met" */
                                             "%u of %u member present — quorum met",
                                             "%u of %u members present — quorum met",
                                             n_members),
                                   n_present, n_members);
      else if (share_met)
        *reason = g_strdup_printf (ngettext (/* Translators: present of members */
                                             "%u of %u member present, but the chair is absent — no quorum",
                                             "%u of %u members present, but the chair is absent — no quorum",
                                             n_members),
                                   n_present, n_members);
      else if (chair_met)
        *reason = g_strdup_printf (ngettext (/* Translators: present of members, then how many must be present */
                                             "%u of %u member present, %u needed — no quorum",
                                             "%u of %u members present, %u needed — no quorum",
                                             n_members),
                                   n_present, n_members, needed);
      else
        *reason = g_strdup_printf (ngettext (/* Translators: present of members, then how many must be present */
                                             "%u of %u member present, %u needed, and the chair is absent — no quorum",
                                             "%u of %u members present, %u needed, and the chair is absent — no quorum",
                                             n_members),
                                   n_present, n_members, needed);
    }

  return share_met && chair_met;
}

gboolean
ocop_db_check_quorum (OcopDb    *db,
                      gint64     meeting_id,
                      gboolean  *met,
                      char     **reason,
                      GError   **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  guint n_members = 0;
  guint n_present = 0;
  gboolean chair_present = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if ((meeting = ocop_db_get_meeting (db, meeting_id, error)) == NULL ||
      (council = ocop_db_get_council (db, meeting->council_id, error)) == NULL ||
      (attendance = ocop_db_list_attendance (db, meeting_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);

      /* The advisory team is not part of the council (see ocop-council.h). */
      if (a->role == OCOP_ROLE_ADVISORY)
        continue;

      n_members++;
      if (a->present)
        {
          n_present++;
          if (a->role == OCOP_ROLE_CHAIR)
            chair_present = TRUE;
        }
    }

  ok = ocop_quorum_check (council, n_members, n_present, chair_present, reason);
  if (met != NULL)
    *met = ok;

  return TRUE;
}

/* ---- conflicts of interest ---- */

gboolean
ocop_db_declare_conflict (OcopDb      *db,
                          gint64       meeting_id,
                          gint64       member_id,
                          gint64       product_id,
                          const char  *reason,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!check_utf8 (reason, _("Reason"), error))
    return FALSE;

  text = g_strdup (reason);
  normalise_text (&text);
  if (text == NULL)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Reason: must not be empty"));
      return FALSE;
    }

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error) &&
       check_member_of_meeting (db, meeting_id, member_id, error) &&
       check_on_agenda (db, meeting_id, product_id, error);

  ok = ok && ocop_db_is_recused (db, meeting_id, member_id, product_id, &exists, error);
  if (ok && exists)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Conflict of interest: already declared for this member and product"));
      ok = FALSE;
    }

  if (ok)
    {
      now = _ocop_db_now ();
      stmt = _ocop_db_prepare (db,
                               "INSERT INTO conflict (meeting_id, member_id, product_id, reason, declared_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int64 (stmt, 3, product_id);
          _ocop_db_bind_text (stmt, 4, text);
          _ocop_db_bind_text (stmt, 5, now);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to record the conflict of interest"), error);
        }
    }

  return finish (db, ok, error);
}

gboolean
ocop_db_remove_conflict (OcopDb  *db,
                         gint64   meeting_id,
                         gint64   member_id,
                         gint64   product_id,
                         GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_db_begin (db, error))
    return FALSE;

  ok = check_meeting_open (db, meeting_id, NULL, NULL, error);
  if (ok)
    {
      stmt = _ocop_db_prepare (db,
                               "DELETE FROM conflict WHERE meeting_id = ?1 AND member_id = ?2 AND product_id = ?3",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int64 (stmt, 3, product_id);
          ok = _ocop_db_exec_stmt (db, stmt, _("Failed to remove the conflict of interest"), error);
        }
      if (ok && sqlite3_changes (_ocop_db_get_handle (db)) == 0)
        {
          g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                               _("Conflict of interest: none declared for this member and product"));
          ok = FALSE;
        }
    }

  return finish (db, ok, error);
}

GPtrArray *
ocop_db_list_conflicts (OcopDb  *db,
                        gint64   meeting_id,
                        GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_conflict_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT c.meeting_id, c.member_id, c.product_id, m.name, p.name, c.reason,"
                           " c.declared_at FROM conflict c"
                           " JOIN member m ON m.id = c.member_id"
                           " JOIN product p ON p.id = c.product_id"
                           " LEFT JOIN agenda_item a ON a.meeting_id = c.meeting_id AND a.product_id = c.product_id"
                           " WHERE c.meeting_id = ?1"
                           " ORDER BY a.ordinal, " ROLE_ORDER ("m.role") ", m.ordinal, m.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the conflicts of interest"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopConflict *conflict = g_new0 (OcopConflict, 1);

      conflict->meeting_id = sqlite3_column_int64 (stmt, 0);
      conflict->member_id = sqlite3_column_int64 (stmt, 1);
      conflict->product_id = sqlite3_column_int64 (stmt, 2);
      conflict->member_name = _ocop_db_column_dup (stmt, 3);
      conflict->product_name = _ocop_db_column_dup (stmt, 4);
      conflict->reason = _ocop_db_column_dup (stmt, 5);
      conflict->declared_at = _ocop_db_column_dup (stmt, 6);
      g_ptr_array_add (list, conflict);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

gboolean
ocop_db_is_recused (OcopDb    *db,
                    gint64     meeting_id,
                    gint64     member_id,
                    gint64     product_id,
                    gboolean  *recused,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (recused != NULL, FALSE);

  stmt = _ocop_db_prepare (db,
                           "SELECT 1 FROM conflict WHERE meeting_id = ?1 AND member_id = ?2 AND product_id = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  sqlite3_bind_int64 (stmt, 3, product_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the conflicts of interest"), error);
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  *recused = (step == OCOP_DB_STEP_ROW);

  return TRUE;
}
