/* ocop-certificate.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Certificates are written once and never changed (the database's triggers refuse it);
 * what happens to them later (revocation, supersession) is appended in tables of their
 * own, and a certificate's state is derived for the day asked about.
 */

#define G_LOG_DOMAIN "ocop-certificate"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-csv.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-text.h"

/* ---- states ---- */

static const char * const state_names[OCOP_CERTIFICATE_STATE_N] = {
  "valid", "expiring", "expired", "revoked", "superseded",
};

const char *
ocop_certificate_state_to_string (OcopCertificateState state)
{
  g_return_val_if_fail (state < OCOP_CERTIFICATE_STATE_N, NULL);

  return state_names[state];
}

gboolean
ocop_certificate_state_from_string (const char           *str,
                                    OcopCertificateState *state)
{
  for (guint i = 0; i < OCOP_CERTIFICATE_STATE_N; i++)
    {
      if (g_strcmp0 (str, state_names[i]) == 0)
        {
          *state = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ocop_certificate_state_get_label (OcopCertificateState state)
{
  switch (state)
    {
    case OCOP_CERTIFICATE_VALID:
      /* Translators: state of a certificate (Còn hiệu lực) */
      return _("Valid");
    case OCOP_CERTIFICATE_EXPIRING:
      /* Translators: state of a certificate within 30 days of its expiry (Sắp hết hạn) */
      return _("Expiring");
    case OCOP_CERTIFICATE_EXPIRED:
      /* Translators: state of a certificate (Hết hạn) */
      return _("Expired");
    case OCOP_CERTIFICATE_REVOKED:
      /* Translators: state of a certificate (Thu hồi) */
      return _("Revoked");
    case OCOP_CERTIFICATE_SUPERSEDED:
      /* Translators: state of a certificate replaced by a later one, e.g. after an upgrade (Đã thay thế) */
      return _("Superseded");
    case OCOP_CERTIFICATE_STATE_N:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- dates (pure) ---- */

gboolean
ocop_certificate_valid_until (int  year,
                              int  month,
                              int  day,
                              int  months,
                              int *until_year,
                              int *until_month,
                              int *until_day)
{
  int total;
  int y, m, last;

  if (months <= 0 || year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  /* Art. 147: the term starts the day after signing; Art. 148: it ends at the end of
   * the same-numbered day of the last month, or that month's last day. */
  total = (year * 12 + (month - 1)) + months;
  y = total / 12;
  m = total % 12 + 1;
  if (y > 9999)
    return FALSE;
  last = g_date_get_days_in_month (m, y);

  *until_year = y;
  *until_month = m;
  *until_day = MIN (day, last);

  return TRUE;
}

static gboolean
parse_iso (const char *iso,
           int        *y,
           int        *m,
           int        *d)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  return ocop_text_parse_date (iso, y, m, d);
}

char *
ocop_certificate_compute_valid_until (const char *issued_on,
                                      int         months)
{
  int y, m, d, uy, um, ud;

  if (!parse_iso (issued_on, &y, &m, &d) ||
      !ocop_certificate_valid_until (y, m, d, months, &uy, &um, &ud))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", uy, um, ud);
}

static gboolean
to_gdate (const char *iso,
          GDate      *date)
{
  int y, m, d;

  if (!parse_iso (iso, &y, &m, &d))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

int
ocop_date_days_between (const char *from,
                        const char *to)
{
  GDate a, b;

  if (!to_gdate (from, &a) || !to_gdate (to, &b))
    return G_MININT;

  return g_date_days_between (&a, &b);
}

char *
ocop_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

OcopCertificateState
ocop_certificate_state_at (const char *today,
                           const char *valid_until,
                           const char *revoked_on,
                           const char *superseded_on,
                           int         notice_days)
{
  int left;

  if (notice_days <= 0)
    notice_days = OCOP_CERTIFICATE_NOTICE_DAYS;

  /* ISO dates compare as text. */
  if (revoked_on != NULL && strcmp (revoked_on, today) <= 0)
    return OCOP_CERTIFICATE_REVOKED;
  if (superseded_on != NULL && strcmp (superseded_on, today) <= 0)
    return OCOP_CERTIFICATE_SUPERSEDED;

  left = ocop_date_days_between (today, valid_until);
  if (left < 0)
    return OCOP_CERTIFICATE_EXPIRED;
  if (left <= notice_days)
    return OCOP_CERTIFICATE_EXPIRING;

  return OCOP_CERTIFICATE_VALID;
}

char *
ocop_certificate_format_number (const char  *pattern,
                                int          seq,
                                int          year,
                                GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean has_seq = FALSE;

  if (pattern == NULL)
    pattern = "";

  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *close;
      g_autofree char *name = NULL;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }

      close = strchr (p, '}');
      if (close == NULL)
        goto bad;
      name = g_strndup (p + 1, close - p - 1);

      if (g_str_equal (name, "seq"))
        {
          g_string_append_printf (out, "%d", seq);
          has_seq = TRUE;
        }
      else if (g_str_has_prefix (name, "seq:") && g_ascii_isdigit (name[4]) && name[5] == '\0')
        {
          g_string_append_printf (out, "%0*d", name[4] - '0', seq);
          has_seq = TRUE;
        }
      else if (g_str_equal (name, "year"))
        g_string_append_printf (out, "%04d", year);
      else
        goto bad;

      p = close;
    }

  if (!has_seq)
    goto bad;

  return g_string_free (g_steal_pointer (&out), FALSE);

bad:
  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
               /* Translators: %s is a certificate number pattern; keep {seq}, {seq:3} and {year} as they are */
               _("Certificate number pattern: “%s” must contain {seq} (or {seq:3} for 001) and may contain {year}, nothing else in braces"),
               pattern);
  return NULL;
}

/* ---- records ---- */

OcopDecision *
ocop_decision_new (void)
{
  return g_new0 (OcopDecision, 1);
}

void
ocop_decision_free (OcopDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->number);
  g_free (decision->date);
  g_free (decision->authority);
  g_free (decision->signer_title);
  g_free (decision->signer_name);
  g_free (decision);
}

void
ocop_certificate_free (OcopCertificate *c)
{
  if (c == NULL)
    return;

  g_free (c->number);
  g_free (c->product_code);
  g_free (c->issued_on);
  g_free (c->valid_until);
  g_free (c->product_name);
  g_free (c->producer_name);
  g_free (c->producer_address);
  g_free (c->commune);
  g_free (c->district);
  g_free (c->province);
  g_free (c->payload);
  g_free (c->created_at);
  g_free (c->decision_number);
  g_free (c->decision_date);
  g_free (c->authority);
  g_free (c->signer_title);
  g_free (c->signer_name);
  g_free (c->revoked_on);
  g_free (c->revocation_reason);
  g_free (c->superseded_on);
  g_free (c->superseded_by_number);
  g_free (c);
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *message)
{
  /* Translators: %1$s is a field's name, %2$s what is wrong with it */
  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID, _("%1$s: %2$s"), field, message);
  return FALSE;
}

/* Normalises in place; NULL when empty. */
static void
normalize (char **text)
{
  char *n = ocop_text_normalize (*text);

  g_free (*text);
  *text = (n != NULL && *n != '\0') ? n : (g_free (n), NULL);
}

gboolean
ocop_decision_validate (OcopDecision  *decision,
                        GError       **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (decision != NULL, FALSE);

  normalize (&decision->number);
  normalize (&decision->authority);
  normalize (&decision->signer_title);
  normalize (&decision->signer_name);

  if (decision->number == NULL)
    return invalid (error, _("Decision number"), _("must not be empty"));
  if (g_utf8_strlen (decision->number, -1) > 64)
    return invalid (error, _("Decision number"), _("must be at most 64 characters"));
  if (decision->authority == NULL)
    return invalid (error, _("Issuing authority"), _("must not be empty"));

  iso = ocop_text_date_to_iso (decision->date);
  if (iso == NULL)
    {
      /* Translators: %s is what was typed */
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a date (day/month/year)"),
                                              decision->date ? decision->date : "");

      return invalid (error, _("Decision date"), msg);
    }
  g_free (decision->date);
  decision->date = g_steal_pointer (&iso);

  return TRUE;
}

/* ---- settings ---- */

static gboolean
get_settings (OcopDb  *db,
              char   **pattern,
              int     *months,
              GError **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT number_pattern, validity_months FROM certificate_settings"
                                             " WHERE id = 1", error);
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;

  switch (_ocop_db_step (db, stmt, _("Failed to read the certificate settings"), error))
    {
    case OCOP_DB_STEP_ROW:
      if (pattern != NULL)
        *pattern = _ocop_db_column_dup (stmt, 0);
      if (months != NULL)
        *months = sqlite3_column_int (stmt, 1);
      ok = TRUE;
      break;
    case OCOP_DB_STEP_DONE:
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           _("The certificate settings are missing from the database"));
      break;
    case OCOP_DB_STEP_ERROR:
      break;
    }
  sqlite3_reset (stmt);

  return ok;
}

char *
ocop_db_get_certificate_pattern (OcopDb  *db,
                                 GError **error)
{
  char *pattern = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  if (!get_settings (db, &pattern, NULL, error))
    return NULL;

  return pattern;
}

gboolean
ocop_db_set_certificate_pattern (OcopDb      *db,
                                 const char  *pattern,
                                 GError     **error)
{
  g_autofree char *normal = ocop_text_normalize (pattern);
  g_autofree char *example = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  example = ocop_certificate_format_number (normal, 1, 2024, error);
  if (example == NULL)
    return FALSE;
  if (g_utf8_strlen (normal, -1) > 64)
    return invalid (error, _("Certificate number pattern"), _("must be at most 64 characters"));

  stmt = _ocop_db_prepare (db, "UPDATE certificate_settings SET number_pattern = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  _ocop_db_bind_text (stmt, 1, normal);

  return _ocop_db_exec_stmt (db, stmt, _("Failed to save the certificate number pattern"), error);
}

/* ---- reading certificates ---- */

#define CERT_COLUMNS \
  "c.id, c.number, c.product_id, p.code, c.meeting_id, c.round, c.stars, c.score, c.issued_on, c.valid_until," \
  " c.product_name, c.producer_name, c.producer_address, c.commune, c.district, c.province, c.subject_type," \
  " c.payload, c.is_imported, c.is_sample, c.created_at," \
  " d.id, d.number, d.date, d.authority, d.signer_title, d.signer_name," \
  " r.revoked_on, r.reason, s.superseded_on, s.superseded_by, n.number, c.search_key"

#define CERT_FROM \
  " FROM certificate c" \
  " JOIN decision d ON d.id = c.decision_id" \
  " JOIN product p ON p.id = c.product_id" \
  " LEFT JOIN certificate_revocation r ON r.certificate_id = c.id" \
  " LEFT JOIN certificate_supersession s ON s.certificate_id = c.id" \
  " LEFT JOIN certificate n ON n.id = s.superseded_by"

#define COL_SEARCH_KEY 32

static OcopCertificate *
certificate_from_row (sqlite3_stmt *stmt,
                      const char   *as_of,
                      int           notice_days)
{
  OcopCertificate *c = g_new0 (OcopCertificate, 1);
  g_autofree char *subject = NULL;
  OcopSubjectType type = OCOP_SUBJECT_COOPERATIVE;
  int i = 0;

  c->id = sqlite3_column_int64 (stmt, i++);
  c->number = _ocop_db_column_dup (stmt, i++);
  c->product_id = sqlite3_column_int64 (stmt, i++);
  c->product_code = _ocop_db_column_dup (stmt, i++);
  c->meeting_id = sqlite3_column_int64 (stmt, i++);
  c->round = sqlite3_column_int (stmt, i++);
  c->stars = sqlite3_column_int (stmt, i++);
  c->score = sqlite3_column_type (stmt, i) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, i);
  i++;
  c->issued_on = _ocop_db_column_dup (stmt, i++);
  c->valid_until = _ocop_db_column_dup (stmt, i++);
  c->product_name = _ocop_db_column_dup (stmt, i++);
  c->producer_name = _ocop_db_column_dup (stmt, i++);
  c->producer_address = _ocop_db_column_dup (stmt, i++);
  c->commune = _ocop_db_column_dup (stmt, i++);
  c->district = _ocop_db_column_dup (stmt, i++);
  c->province = _ocop_db_column_dup (stmt, i++);
  subject = _ocop_db_column_dup (stmt, i++);
  ocop_subject_type_from_string (subject, &type);
  c->subject_type = type;
  c->payload = _ocop_db_column_dup (stmt, i++);
  c->is_imported = sqlite3_column_int (stmt, i++) != 0;
  c->is_sample = sqlite3_column_int (stmt, i++) != 0;
  c->created_at = _ocop_db_column_dup (stmt, i++);
  c->decision_id = sqlite3_column_int64 (stmt, i++);
  c->decision_number = _ocop_db_column_dup (stmt, i++);
  c->decision_date = _ocop_db_column_dup (stmt, i++);
  c->authority = _ocop_db_column_dup (stmt, i++);
  c->signer_title = _ocop_db_column_dup (stmt, i++);
  c->signer_name = _ocop_db_column_dup (stmt, i++);
  c->revoked_on = _ocop_db_column_dup (stmt, i++);
  c->revocation_reason = _ocop_db_column_dup (stmt, i++);
  c->superseded_on = _ocop_db_column_dup (stmt, i++);
  c->superseded_by = sqlite3_column_int64 (stmt, i++);
  c->superseded_by_number = _ocop_db_column_dup (stmt, i++);

  c->state = ocop_certificate_state_at (as_of, c->valid_until, c->revoked_on, c->superseded_on, notice_days);
  c->days_left = ocop_date_days_between (as_of, c->valid_until);

  return c;
}

static OcopCertificate *
get_one (OcopDb      *db,
         const char  *sql,
         gint64       id,
         const char  *number,
         const char  *as_of,
         GError     **error)
{
  g_autofree char *today = as_of == NULL ? ocop_date_today () : g_strdup (as_of);
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, error);
  OcopCertificate *c = NULL;

  if (stmt == NULL)
    return NULL;

  if (number != NULL)
    _ocop_db_bind_text (stmt, 1, number);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  switch (_ocop_db_step (db, stmt, _("Failed to read the certificate"), error))
    {
    case OCOP_DB_STEP_ROW:
      c = certificate_from_row (stmt, today, OCOP_CERTIFICATE_NOTICE_DAYS);
      break;
    case OCOP_DB_STEP_DONE:
      if (number != NULL)
        g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                     /* Translators: %s is a certificate number */
                     _("No certificate has the number “%s”"), number);
      else
        g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                     /* Translators: %d is a record number */
                     _("No certificate has the number %d in the register"), (int) id);
      break;
    case OCOP_DB_STEP_ERROR:
      break;
    }
  sqlite3_reset (stmt);

  return c;
}

OcopCertificate *
ocop_db_get_certificate (OcopDb      *db,
                         gint64       id,
                         const char  *as_of,
                         GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return get_one (db, "SELECT " CERT_COLUMNS CERT_FROM " WHERE c.id = ?1", id, NULL, as_of, error);
}

OcopCertificate *
ocop_db_find_certificate (OcopDb      *db,
                          const char  *number,
                          const char  *as_of,
                          GError     **error)
{
  g_autofree char *normal = ocop_text_normalize (number);

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return get_one (db, "SELECT " CERT_COLUMNS CERT_FROM " WHERE c.number = ?1", 0, normal, as_of, error);
}

/* The longest word of a folded query: the one SQL filters on. */
static char *
longest_word (const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded != NULL ? folded : "", " ", -1);
  const char *best = "";

  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) > strlen (best))
      best = words[i];

  return g_strdup (best);
}

GPtrArray *
ocop_db_list_certificates (OcopDb                      *db,
                           const OcopCertificateFilter *filter,
                           GError                     **error)
{
  static const char sql[] =
    "SELECT * FROM ("
    " SELECT " CERT_COLUMNS ","
    "  CASE WHEN r.revoked_on <= ?1 THEN 3 WHEN s.superseded_on <= ?1 THEN 4"
    "       WHEN c.valid_until < ?1 THEN 2 WHEN c.valid_until <= date (?1, '+' || ?2 || ' days') THEN 1"
    "       ELSE 0 END AS state, c.seq AS seq"
    CERT_FROM
    " WHERE c.issued_on <= ?1"
    "   AND (?4 = 0 OR c.stars = ?4)"
    "   AND (?5 IS NULL OR c.province = ?5)"
    "   AND (?6 IS NULL OR c.district = ?6)"
    "   AND (?7 IS NULL OR c.issued_on BETWEEN ?7 AND ?8)"
    "   AND (?9 = '' OR instr (c.search_key, ?9) > 0)"
    "   AND (?10 = 0 OR c.meeting_id = ?10)"
    "   AND (?11 = 0 OR c.decision_id = ?11)"
    "   AND (?12 = 0 OR c.product_id = ?12)"
    ") WHERE ?3 = 0 OR ((1 << state) & ?3) <> 0"
    " ORDER BY issued_on DESC, seq DESC, id DESC";
  OcopCertificateFilter none = { 0 };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_free);
  g_autofree char *today = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *word = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *province = NULL;
  g_autofree char *district = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;
  int notice_days;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  if (filter == NULL)
    filter = &none;

  today = filter->as_of != NULL ? ocop_text_date_to_iso (filter->as_of) : ocop_date_today ();
  if (today == NULL)
    {
      invalid (error, _("Date"), _("not a date"));
      return NULL;
    }
  notice_days = filter->notice_days > 0 ? filter->notice_days : OCOP_CERTIFICATE_NOTICE_DAYS;
  folded = ocop_text_fold (filter->search != NULL ? filter->search : "");
  word = longest_word (folded);
  province = ocop_text_normalize (filter->province);
  district = ocop_text_normalize (filter->district);
  if (filter->year > 0)
    {
      from = g_strdup_printf ("%04d-01-01", filter->year);
      to = g_strdup_printf ("%04d-12-31", filter->year);
    }

  stmt = _ocop_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _ocop_db_bind_text (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, notice_days);
  sqlite3_bind_int (stmt, 3, (int) filter->states);
  sqlite3_bind_int (stmt, 4, filter->stars);
  _ocop_db_bind_text (stmt, 5, province != NULL && *province ? province : NULL);
  _ocop_db_bind_text (stmt, 6, district != NULL && *district ? district : NULL);
  _ocop_db_bind_text (stmt, 7, from);
  _ocop_db_bind_text (stmt, 8, to);
  _ocop_db_bind_text (stmt, 9, word);
  sqlite3_bind_int64 (stmt, 10, filter->meeting_id);
  sqlite3_bind_int64 (stmt, 11, filter->decision_id);
  sqlite3_bind_int64 (stmt, 12, filter->product_id);

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the certificate register"), error)) == OCOP_DB_STEP_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, COL_SEARCH_KEY);

      if (folded != NULL && *folded != '\0' && !ocop_text_matches (key, folded))
        continue;
      g_ptr_array_add (list, certificate_from_row (stmt, today, notice_days));
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

GPtrArray *
ocop_db_list_certificate_notices (OcopDb      *db,
                                  const char  *as_of,
                                  int          days,
                                  GError     **error)
{
  /* valid_until BETWEEN uses the valid_until index. */
  static const char sql[] =
    "SELECT " CERT_COLUMNS CERT_FROM
    " WHERE c.valid_until BETWEEN ?1 AND date (?1, '+' || ?2 || ' days') AND c.issued_on <= ?1"
    "   AND (r.revoked_on IS NULL OR r.revoked_on > ?1)"
    "   AND (s.superseded_on IS NULL OR s.superseded_on > ?1)"
    " ORDER BY c.valid_until, c.product_name";
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_free);
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  today = as_of != NULL ? ocop_text_date_to_iso (as_of) : ocop_date_today ();
  if (today == NULL)
    {
      invalid (error, _("Date"), _("not a date"));
      return NULL;
    }
  if (days <= 0)
    days = OCOP_CERTIFICATE_NOTICE_DAYS;

  stmt = _ocop_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _ocop_db_bind_text (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, days);

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the notice list"), error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (list, certificate_from_row (stmt, today, days));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

static OcopDecision *
decision_from_row (sqlite3_stmt *stmt)
{
  OcopDecision *d = ocop_decision_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->number = _ocop_db_column_dup (stmt, 1);
  d->date = _ocop_db_column_dup (stmt, 2);
  d->authority = _ocop_db_column_dup (stmt, 3);
  d->signer_title = _ocop_db_column_dup (stmt, 4);
  d->signer_name = _ocop_db_column_dup (stmt, 5);
  d->meeting_id = sqlite3_column_int64 (stmt, 6);
  d->is_imported = sqlite3_column_int (stmt, 7) != 0;

  return d;
}

GPtrArray *
ocop_db_find_decisions (OcopDb      *db,
                        const char  *number,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_decision_free);
  g_autofree char *normal = ocop_text_normalize (number);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT id, number, date, authority, signer_title, signer_name, meeting_id, is_imported"
                               " FROM decision WHERE number = ?1 ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  _ocop_db_bind_text (stmt, 1, normal);

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the decisions"), error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (list, decision_from_row (stmt));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

static int
collate_strings (gconstpointer a,
                 gconstpointer b)
{
  return ocop_text_collate (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
ocop_db_list_certificate_localities (OcopDb    *db,
                                     gboolean   districts,
                                     GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, districts
                               ? "SELECT DISTINCT district FROM certificate WHERE district IS NOT NULL"
                               : "SELECT DISTINCT province FROM certificate WHERE province IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the localities"), error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (list, _ocop_db_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  g_ptr_array_sort (list, collate_strings);

  return g_steal_pointer (&list);
}

/* ---- writing ---- */

/* An existing decision with the same number, authority and year; 0 when none. */
static gboolean
find_decision_id (OcopDb        *db,
                  OcopDecision  *decision,
                  gint64        *id,
                  char         **date,
                  GError       **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT id, date FROM decision WHERE number = ?1 AND authority = ?2"
                                             " AND substr (date, 1, 4) = substr (?3, 1, 4)", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, decision->number);
  _ocop_db_bind_text (stmt, 2, decision->authority);
  _ocop_db_bind_text (stmt, 3, decision->date);
  *id = 0;
  step = _ocop_db_step (db, stmt, _("Failed to read the decisions"), error);
  if (step == OCOP_DB_STEP_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (date != NULL)
        *date = _ocop_db_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

/* Inserts @decision, or finds the same one (same number, authority and date). */
static gboolean
store_decision (OcopDb        *db,
                OcopDecision  *decision,
                GError       **error)
{
  g_autofree char *date = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!find_decision_id (db, decision, &id, &date, error))
    return FALSE;

  if (id != 0)
    {
      if (g_strcmp0 (date, decision->date) != 0)
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: %1$s is a decision number, %2$s an authority, %3$s a date */
                       _("Decision number: %1$s of %2$s is already in the register with the date %3$s"),
                       decision->number, decision->authority, date);
          return FALSE;
        }
      decision->id = id;
      return TRUE;
    }

  now = _ocop_db_now ();
  stmt = _ocop_db_prepare (db, "INSERT INTO decision (number, date, authority, signer_title, signer_name,"
                               " meeting_id, is_imported, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, decision->number);
  _ocop_db_bind_text (stmt, 2, decision->date);
  _ocop_db_bind_text (stmt, 3, decision->authority);
  _ocop_db_bind_text (stmt, 4, decision->signer_title);
  _ocop_db_bind_text (stmt, 5, decision->signer_name);
  if (decision->meeting_id > 0)
    sqlite3_bind_int64 (stmt, 6, decision->meeting_id);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int (stmt, 7, decision->is_imported ? 1 : 0);
  _ocop_db_bind_text (stmt, 8, now);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to save the decision"), error))
    return FALSE;

  decision->id = _ocop_db_last_insert_id (db);

  return TRUE;
}

static char *
certificate_search_key (const OcopCertificate *c,
                        const char            *decision_number)
{
  g_autofree char *joined = g_strjoin (" ",
                                       c->number ? c->number : "",
                                       c->product_name ? c->product_name : "",
                                       c->producer_name ? c->producer_name : "",
                                       c->producer_address ? c->producer_address : "",
                                       c->commune ? c->commune : "",
                                       c->district ? c->district : "",
                                       c->province ? c->province : "",
                                       c->product_code ? c->product_code : "",
                                       decision_number ? decision_number : "",
                                       NULL);

  return ocop_text_fold (joined);
}

static gboolean
insert_certificate (OcopDb           *db,
                    OcopCertificate  *c,
                    int               seq,
                    gint64            key_id,
                    GError          **error)
{
  g_autofree char *now = _ocop_db_now ();
  g_autofree char *search_key = certificate_search_key (c, c->decision_number);
  sqlite3_stmt *stmt;

  stmt = _ocop_db_prepare (db, "INSERT INTO certificate (number, seq, decision_id, product_id, meeting_id, round,"
                               " stars, score, issued_on, valid_until, product_name, producer_name, producer_address,"
                               " commune, district, province, subject_type, payload, key_id, is_imported, is_sample,"
                               " search_key, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                               " ?18, ?19, ?20, ?21, ?22, ?23)", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, c->number);
  if (seq > 0)
    sqlite3_bind_int (stmt, 2, seq);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, c->decision_id);
  sqlite3_bind_int64 (stmt, 4, c->product_id);
  if (c->meeting_id > 0)
    {
      sqlite3_bind_int64 (stmt, 5, c->meeting_id);
      sqlite3_bind_int (stmt, 6, c->round);
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  sqlite3_bind_int (stmt, 7, c->stars);
  if (isnan (c->score))
    sqlite3_bind_null (stmt, 8);
  else
    sqlite3_bind_double (stmt, 8, c->score);
  _ocop_db_bind_text (stmt, 9, c->issued_on);
  _ocop_db_bind_text (stmt, 10, c->valid_until);
  _ocop_db_bind_text (stmt, 11, c->product_name);
  _ocop_db_bind_text (stmt, 12, c->producer_name);
  _ocop_db_bind_text (stmt, 13, c->producer_address);
  _ocop_db_bind_text (stmt, 14, c->commune);
  _ocop_db_bind_text (stmt, 15, c->district);
  _ocop_db_bind_text (stmt, 16, c->province);
  _ocop_db_bind_text (stmt, 17, ocop_subject_type_to_string (c->subject_type));
  _ocop_db_bind_text (stmt, 18, c->payload);
  if (key_id > 0)
    sqlite3_bind_int64 (stmt, 19, key_id);
  else
    sqlite3_bind_null (stmt, 19);
  sqlite3_bind_int (stmt, 20, c->is_imported ? 1 : 0);
  sqlite3_bind_int (stmt, 21, c->is_sample ? 1 : 0);
  _ocop_db_bind_text (stmt, 22, search_key);
  _ocop_db_bind_text (stmt, 23, now);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to save the certificate"), error))
    return FALSE;

  c->id = _ocop_db_last_insert_id (db);

  return TRUE;
}

/* Supersedes the product's certificates still in force on @new_issued_on (issued before
 * the new one, not revoked or superseded by then, not expired). */
static gboolean
supersede_in_force (OcopDb      *db,
                    gint64       product_id,
                    gint64       new_id,
                    const char  *new_issued_on,
                    GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = _ocop_db_now ();
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db, "SELECT c.id FROM certificate c"
                               " LEFT JOIN certificate_revocation r ON r.certificate_id = c.id"
                               " LEFT JOIN certificate_supersession s ON s.certificate_id = c.id"
                               " WHERE c.product_id = ?1 AND c.id <> ?2"
                               "   AND (c.issued_on < ?3 OR (c.issued_on = ?3 AND c.id < ?2))"
                               "   AND c.valid_until >= ?3"
                               "   AND (r.revoked_on IS NULL OR r.revoked_on > ?3) AND s.certificate_id IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, new_id);
  _ocop_db_bind_text (stmt, 3, new_issued_on);
  while ((step = _ocop_db_step (db, stmt, _("Failed to read the product's certificates"), error)) == OCOP_DB_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = _ocop_db_prepare (db, "INSERT INTO certificate_supersession (certificate_id, superseded_by,"
                                   " superseded_on, created_at) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, new_id);
      _ocop_db_bind_text (stmt, 3, new_issued_on);
      _ocop_db_bind_text (stmt, 4, now);
      if (!_ocop_db_exec_stmt (db, stmt, _("Failed to record the supersession"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
number_exists (OcopDb      *db,
               const char  *number,
               gboolean    *exists,
               GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT 1 FROM certificate WHERE number = ?1", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;
  _ocop_db_bind_text (stmt, 1, number);
  step = _ocop_db_step (db, stmt, _("Failed to read the certificate register"), error);
  *exists = step == OCOP_DB_STEP_ROW;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

static gboolean
next_seq (OcopDb      *db,
          int          year,
          int         *seq,
          GError     **error)
{
  g_autofree char *y = g_strdup_printf ("%04d", year);
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT coalesce (max (seq), 0) + 1 FROM certificate"
                                             " WHERE substr (issued_on, 1, 4) = ?1 AND seq IS NOT NULL", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;
  _ocop_db_bind_text (stmt, 1, y);
  step = _ocop_db_step (db, stmt, _("Failed to number the certificates"), error);
  if (step == OCOP_DB_STEP_ROW)
    *seq = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return step == OCOP_DB_STEP_ROW;
}

static gboolean
has_certificate_from_meeting (OcopDb      *db,
                              gint64       meeting_id,
                              gint64       product_id,
                              char       **number,
                              GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT coalesce (number, '') FROM certificate"
                                             " WHERE meeting_id = ?1 AND product_id = ?2", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  step = _ocop_db_step (db, stmt, _("Failed to read the certificate register"), error);
  *number = step == OCOP_DB_STEP_ROW ? _ocop_db_column_dup (stmt, 0) : NULL;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

GPtrArray *
ocop_db_issue_certificates (OcopDb        *db,
                            gint64         meeting_id,
                            OcopDecision  *decision,
                            const gint64  *product_ids,
                            guint          n_products,
                            GError       **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) issued = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_free);
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autoptr(OcopSigningKey) key = NULL;
  g_autofree char *pattern = NULL;
  int months = OCOP_CERTIFICATE_VALIDITY_MONTHS;
  int year, month, day;
  int seq;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (decision != NULL, NULL);

  meeting = ocop_db_get_meeting (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (meeting->state != OCOP_MEETING_FINALISED)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is a meeting's date */
                   _("The meeting of %s is not finalised: certificates are issued only from a finalised meeting's results"),
                   meeting->date);
      return NULL;
    }

  if (!ocop_decision_validate (decision, error))
    return NULL;
  if (strcmp (decision->date, meeting->date) < 0)
    {
      invalid (error, _("Decision date"), _("must not be before the council's meeting"));
      return NULL;
    }
  decision->meeting_id = meeting_id;
  decision->is_imported = FALSE;

  results = ocop_db_list_results (db, meeting_id, error);
  if (results == NULL)
    return NULL;

  /* Which products: the ones asked for, all of them recognised; or every recognised one. */
  if (product_ids != NULL)
    {
      for (guint i = 0; i < n_products; i++)
        {
          OcopProductResult *found = NULL;
          g_autofree char *existing = NULL;

          for (guint j = 0; j < results->len && found == NULL; j++)
            {
              OcopProductResult *r = g_ptr_array_index (results, j);

              if (r->product_id == product_ids[i])
                found = r;
            }

          if (found == NULL)
            {
              g_autoptr(OcopProduct) product = ocop_db_get_product (db, product_ids[i], NULL);

              g_string_append (refused, "\n• ");
              g_string_append_printf (refused,
                                      /* Translators: %s is a product's name */
                                      _("“%s” is not on this meeting's agenda"),
                                      product ? product->name : "?");
              continue;
            }
          if (found->outcome != OCOP_OUTCOME_RECOGNISED)
            {
              g_string_append (refused, "\n• ");
              g_string_append_printf (refused,
                                      /* Translators: %1$s is a product's name, %2$s the council's outcome ("Not passed") */
                                      _("“%1$s” was not recognised by the council (%2$s)"),
                                      found->product_name, ocop_outcome_get_label (found->outcome));
              continue;
            }
          if (!has_certificate_from_meeting (db, meeting_id, found->product_id, &existing, error))
            return NULL;
          if (existing != NULL)
            {
              g_string_append (refused, "\n• ");
              g_string_append_printf (refused,
                                      /* Translators: %1$s is a product's name, %2$s a certificate number */
                                      _("“%1$s” already has certificate %2$s from this meeting"),
                                      found->product_name, existing);
              continue;
            }
          g_ptr_array_add (chosen, found);
        }

      if (refused->len > 0)
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: followed by one line per refused product */
                       _("No certificate was issued:%s"), refused->str);
          return NULL;
        }
    }
  else
    {
      for (guint j = 0; j < results->len; j++)
        {
          OcopProductResult *r = g_ptr_array_index (results, j);
          g_autofree char *existing = NULL;

          if (r->outcome != OCOP_OUTCOME_RECOGNISED)
            continue;
          if (!has_certificate_from_meeting (db, meeting_id, r->product_id, &existing, error))
            return NULL;
          if (existing == NULL)
            g_ptr_array_add (chosen, r);
        }
    }

  if (chosen->len == 0)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("No certificate was issued: the meeting has no recognised product without a certificate"));
      return NULL;
    }

  key = ocop_db_get_signing_key (db, decision->authority, error);
  if (key == NULL)
    return NULL;
  if (!get_settings (db, &pattern, &months, error))
    return NULL;

  parse_iso (decision->date, &year, &month, &day);

  if (!ocop_db_begin (db, error))
    return NULL;

  if (!store_decision (db, decision, error) || !next_seq (db, year, &seq, error))
    {
      ocop_db_rollback (db);
      return NULL;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      OcopProductResult *r = g_ptr_array_index (chosen, i);
      g_autoptr(OcopProduct) product = NULL;
      g_autoptr(OcopProducer) producer = NULL;
      g_autoptr(OcopCertificate) c = g_new0 (OcopCertificate, 1);
      OcopPayload fields = { 0 };
      gboolean exists = TRUE;

      product = ocop_db_get_product (db, r->product_id, error);
      producer = product != NULL ? ocop_db_get_producer (db, product->producer_id, error) : NULL;
      if (producer == NULL)
        {
          ocop_db_rollback (db);
          return NULL;
        }

      /* A number that is free, even if the pattern was changed meanwhile. */
      while (exists)
        {
          g_free (c->number);
          c->number = ocop_certificate_format_number (pattern, seq, year, error);
          if (c->number == NULL || !number_exists (db, c->number, &exists, error))
            {
              ocop_db_rollback (db);
              return NULL;
            }
          if (exists)
            seq++;
        }

      c->decision_id = decision->id;
      c->decision_number = g_strdup (decision->number);
      c->product_id = product->id;
      c->product_code = g_strdup (product->code);
      c->meeting_id = meeting_id;
      c->round = r->round;
      c->stars = r->stars;
      c->score = r->n_counted > 0 ? r->score : NAN;
      c->issued_on = g_strdup (decision->date);
      c->valid_until = ocop_certificate_compute_valid_until (decision->date, months);
      c->product_name = g_strdup (product->name);
      c->producer_name = g_strdup (producer->name);
      c->producer_address = g_strdup (producer->address);
      c->commune = g_strdup (producer->commune);
      c->district = g_strdup (producer->district);
      c->province = g_strdup (producer->province);
      c->subject_type = producer->subject_type;
      c->is_sample = product->is_sample || meeting->is_sample;

      fields.certificate_number = c->number;
      fields.product_name = c->product_name;
      fields.producer_name = c->producer_name;
      fields.stars = c->stars;
      fields.decision_number = c->decision_number;
      fields.valid_until = c->valid_until;
      c->payload = ocop_signing_sign_payload (&fields, key->secret_key);

      if (!insert_certificate (db, c, seq, key->id, error) ||
          !supersede_in_force (db, c->product_id, c->id, c->issued_on, error))
        {
          ocop_db_rollback (db);
          return NULL;
        }

      g_ptr_array_add (issued, g_steal_pointer (&c));
      seq++;
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  /* Read back as stored, with the register's view of them. */
  for (guint i = 0; i < issued->len; i++)
    {
      OcopCertificate *c = g_ptr_array_index (issued, i);
      OcopCertificate *stored = ocop_db_get_certificate (db, c->id, decision->date, error);

      if (stored == NULL)
        return NULL;
      ocop_certificate_free (c);
      issued->pdata[i] = stored;
    }

  return g_steal_pointer (&issued);
}

gboolean
ocop_db_revoke_certificate (OcopDb      *db,
                            gint64       certificate_id,
                            const char  *revoked_on,
                            const char  *reason,
                            GError     **error)
{
  g_autoptr(OcopCertificate) c = NULL;
  g_autofree char *date = NULL;
  g_autofree char *why = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  date = revoked_on != NULL ? ocop_text_date_to_iso (revoked_on) : ocop_date_today ();
  if (date == NULL)
    return invalid (error, _("Revocation date"), _("not a date"));
  why = ocop_text_normalize (reason);
  if (why == NULL || *why == '\0')
    return invalid (error, _("Reason"), _("a revocation needs its reason"));

  c = ocop_db_get_certificate (db, certificate_id, date, error);
  if (c == NULL)
    return FALSE;

  if (c->revoked_on != NULL)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %1$s is a certificate number, %2$s a date */
                   _("Certificate %1$s was already revoked on %2$s"),
                   c->number ? c->number : c->product_name, c->revoked_on);
      return FALSE;
    }
  if (strcmp (date, c->issued_on) < 0)
    return invalid (error, _("Revocation date"), _("before the certificate was issued"));
  if (c->superseded_on != NULL && strcmp (c->superseded_on, date) <= 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %1$s is a certificate number, %2$s a date, %3$s the later certificate's number */
                   _("Certificate %1$s was replaced on %2$s by certificate %3$s: revoke that one"),
                   c->number ? c->number : c->product_name, c->superseded_on,
                   c->superseded_by_number ? c->superseded_by_number : "?");
      return FALSE;
    }
  if (strcmp (date, c->valid_until) > 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %1$s is a certificate number, %2$s a date */
                   _("Certificate %1$s expired after %2$s: there is nothing to revoke"),
                   c->number ? c->number : c->product_name, c->valid_until);
      return FALSE;
    }

  now = _ocop_db_now ();
  stmt = _ocop_db_prepare (db, "INSERT INTO certificate_revocation (certificate_id, revoked_on, reason, created_at)"
                               " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, certificate_id);
  _ocop_db_bind_text (stmt, 2, date);
  _ocop_db_bind_text (stmt, 3, why);
  _ocop_db_bind_text (stmt, 4, now);

  return _ocop_db_exec_stmt (db, stmt, _("Failed to revoke the certificate"), error);
}

/* ---- exports ---- */

enum {
  X_NUMBER, X_PRODUCT_CODE, X_PRODUCT, X_PRODUCER, X_SUBJECT_TYPE, X_ADDRESS, X_COMMUNE, X_DISTRICT,
  X_PROVINCE, X_STARS, X_SCORE, X_ISSUED_ON, X_VALID_UNTIL, X_DECISION, X_AUTHORITY, X_STATE, X_DAYS_LEFT,
  X_REVOKED_ON, X_REASON, X_SUPERSEDED_BY, X_IMPORTED, N_X
};

static const char * const export_header[N_X] = {
  "certificate number", "product code", "product", "producer", "subject type", "address", "commune",
  "district", "province", "stars", "score", "issued on", "valid until", "decision number",
  "issuing authority", "state", "days left", "revoked on", "revocation reason", "superseded by",
  "imported",
};

static void
export_row (const OcopCertificate *c,
            char                 **row)
{
  char score[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (!isnan (c->score))
    g_ascii_formatd (score, sizeof score, "%.2f", floor (c->score * 100 + 1e-9) / 100);

  row[X_NUMBER] = g_strdup (c->number ? c->number : "");
  row[X_PRODUCT_CODE] = g_strdup (c->product_code ? c->product_code : "");
  row[X_PRODUCT] = g_strdup (c->product_name);
  row[X_PRODUCER] = g_strdup (c->producer_name);
  row[X_SUBJECT_TYPE] = g_strdup (ocop_subject_type_to_string (c->subject_type));
  row[X_ADDRESS] = g_strdup (c->producer_address ? c->producer_address : "");
  row[X_COMMUNE] = g_strdup (c->commune ? c->commune : "");
  row[X_DISTRICT] = g_strdup (c->district ? c->district : "");
  row[X_PROVINCE] = g_strdup (c->province ? c->province : "");
  row[X_STARS] = g_strdup_printf ("%d", c->stars);
  row[X_SCORE] = g_strdup (score);
  row[X_ISSUED_ON] = g_strdup (c->issued_on);
  row[X_VALID_UNTIL] = g_strdup (c->valid_until);
  row[X_DECISION] = g_strdup (c->decision_number);
  row[X_AUTHORITY] = g_strdup (c->authority);
  row[X_STATE] = g_strdup (ocop_certificate_state_to_string (c->state));
  row[X_DAYS_LEFT] = g_strdup_printf ("%d", c->days_left);
  row[X_REVOKED_ON] = g_strdup (c->revoked_on ? c->revoked_on : "");
  row[X_REASON] = g_strdup (c->revocation_reason ? c->revocation_reason : "");
  row[X_SUPERSEDED_BY] = g_strdup (c->superseded_by_number ? c->superseded_by_number : "");
  row[X_IMPORTED] = g_strdup (c->is_imported ? "1" : "0");
  row[N_X] = NULL;
}

char *
ocop_certificates_to_csv (GPtrArray *certificates)
{
  GString *out = g_string_new (OCOP_CSV_UTF8_BOM);

  g_return_val_if_fail (certificates != NULL, NULL);

  ocop_csv_append_row (out, export_header);
  for (guint i = 0; i < certificates->len; i++)
    {
      char *row[N_X + 1];

      export_row (g_ptr_array_index (certificates, i), row);
      ocop_csv_append_row (out, (const char * const *) row);
      for (guint j = 0; j < N_X; j++)
        g_free (row[j]);
    }

  return g_string_free (out, FALSE);
}

gboolean
ocop_certificates_export_csv (GPtrArray   *certificates,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *text = ocop_certificates_to_csv (certificates);

  return g_file_set_contents (path, text, -1, error);
}

gboolean
ocop_certificates_export_xlsx (GPtrArray   *certificates,
                               const char  *path,
                               GError     **error)
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_error status;

  g_return_val_if_fail (certificates != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Cannot write “%s”"), path);
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, "OCOP");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  for (guint col = 0; col < N_X; col++)
    worksheet_write_string (sheet, 0, col, export_header[col], bold);

  for (guint i = 0; i < certificates->len; i++)
    {
      const OcopCertificate *c = g_ptr_array_index (certificates, i);
      char *row[N_X + 1];

      export_row (c, row);
      for (guint col = 0; col < N_X; col++)
        {
          if (col == X_STARS || col == X_DAYS_LEFT)
            worksheet_write_number (sheet, i + 1, col, g_ascii_strtod (row[col], NULL), NULL);
          else if (col == X_SCORE && *row[col] != '\0')
            worksheet_write_number (sheet, i + 1, col, g_ascii_strtod (row[col], NULL), NULL);
          else if (*row[col] != '\0')
            worksheet_write_string (sheet, i + 1, col, row[col], NULL);
          g_free (row[col]);
        }
    }

  worksheet_set_column (sheet, X_PRODUCT, X_PRODUCER, 36, NULL);
  worksheet_set_column (sheet, X_AUTHORITY, X_AUTHORITY, 30, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, certificates->len, N_X - 1);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Cannot write “%1$s”: %2$s"), path, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

/* ---- importing a register ---- */

static void
problem_free (OcopImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void add_problem (OcopImportReport *report,
                         guint             line,
                         const char       *field,
                         const char       *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (OcopImportReport *report,
             guint             line,
             const char       *field,
             const char       *format,
             ...)
{
  OcopImportProblem *problem = g_new0 (OcopImportProblem, 1);
  va_list args;

  g_ptr_array_set_free_func (report->problems, (GDestroyNotify) problem_free);

  problem->line = line;
  problem->field = g_strdup (field);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (report->problems, problem);
}

#define MAX_PROBLEMS_IN_MESSAGE 10

static void
set_rows_error (OcopImportReport  *report,
                GError           **error)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  guint n_lines;

  for (guint i = 0; i < report->problems->len; i++)
    g_hash_table_add (lines, GUINT_TO_POINTER (((OcopImportProblem *) g_ptr_array_index (report->problems, i))->line));
  n_lines = g_hash_table_size (lines);

  g_string_append_printf (str,
                          /* Translators: %1$s is a file name, %2$u a number of rows */
                          ngettext ("%1$s: %2$u row was rejected, so nothing was imported:",
                                    "%1$s: %2$u rows were rejected, so nothing was imported:", n_lines),
                          report->file, n_lines);

  for (guint i = 0; i < report->problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
    {
      const OcopImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_string_append (str, "\n");
      if (problem->field != NULL)
        g_string_append_printf (str,
                                /* Translators: %1$u is a line number, %2$s a column name, %3$s what is wrong there */
                                _("line %1$u, column “%2$s”: %3$s"),
                                problem->line, problem->field, problem->message);
      else
        g_string_append_printf (str,
                                /* Translators: %1$u is a line number, %2$s what is wrong */
                                _("line %1$u: %2$s"), problem->line, problem->message);
    }

  if (report->problems->len > MAX_PROBLEMS_IN_MESSAGE)
    {
      guint more = report->problems->len - MAX_PROBLEMS_IN_MESSAGE;

      g_string_append_c (str, '\n');
      g_string_append_printf (str,
                              /* Translators: %u is a number of further problems */
                              ngettext ("… and %u more problem", "… and %u more problems", more), more);
    }

  g_set_error_literal (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS, str->str);
}

typedef struct
{
  const char *aliases[8];
} RegisterColumn;

enum {
  G_PRODUCT, G_PRODUCER, G_TYPE, G_ADDRESS, G_COMMUNE, G_DISTRICT, G_LOCALITY, G_PROVINCE, G_STARS,
  G_DATE, G_DECISION, G_AUTHORITY, G_EXPIRY, G_NUMBER, G_CODE, G_SET,
  N_G
};

static const RegisterColumn register_columns[N_G] = {
  { { "product", "Tên sản phẩm", "Sản phẩm", "name", NULL } },
  { { "producer", "Tên chủ thể", "Chủ thể", NULL } },
  { { "subject type", "Loại hình KD", "Loại hình", "Loại hình chủ thể", "subject_type", NULL } },
  { { "address", "Địa chỉ", NULL } },
  { { "commune", "Xã/phường", "Xã", "Phường/xã", "Xã, phường", NULL } },
  { { "district", "Huyện", "Quận/huyện", "Huyện/thị xã/thành phố", NULL } },
  { { "locality", "Địa phương", "Địa bàn", NULL } },
  { { "province", "Tỉnh", "Tỉnh/thành phố", NULL } },
  { { "stars", "Hạng sao", "Hạng sao hiện tại", "Số sao", "Xếp hạng", NULL } },
  { { "recognition date", "Ngày công nhận", "Ngày cấp", "Ngày quyết định", "recognition_date", NULL } },
  { { "decision number", "Số QĐ", "Số quyết định", "Quyết định", "decision", NULL } },
  { { "issuing authority", "Cơ quan công nhận", "Cơ quan cấp", "Đơn vị công nhận", "authority", NULL } },
  { { "expiry", "Ngày hết hạn", "valid until", "Có giá trị đến", "Hết hạn", NULL } },
  { { "certificate number", "Số GCN", "Số giấy chứng nhận", "certificate", NULL } },
  { { "product code", "Mã sản phẩm", "code", "Mã số sản phẩm", NULL } },
  { { "product set", "Bộ sản phẩm", "product_set", NULL } },
};

static const struct
{
  const char      *folded;
  OcopSubjectType  type;
} register_subjects[] = {
  { "cooperative group", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "cooperative-group", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "to hop tac", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "tht", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "cooperative", OCOP_SUBJECT_COOPERATIVE },
  { "hop tac xa", OCOP_SUBJECT_COOPERATIVE },
  { "htx", OCOP_SUBJECT_COOPERATIVE },
  { "enterprise", OCOP_SUBJECT_ENTERPRISE },
  { "company", OCOP_SUBJECT_ENTERPRISE },
  { "doanh nghiep", OCOP_SUBJECT_ENTERPRISE },
  { "cong ty", OCOP_SUBJECT_ENTERPRISE },
  { "dn", OCOP_SUBJECT_ENTERPRISE },
  { "household", OCOP_SUBJECT_HOUSEHOLD },
  { "ho kinh doanh", OCOP_SUBJECT_HOUSEHOLD },
  { "ho san xuat", OCOP_SUBJECT_HOUSEHOLD },
  { "co so san xuat", OCOP_SUBJECT_HOUSEHOLD },
  { "hkd", OCOP_SUBJECT_HOUSEHOLD },
};

static gboolean
parse_subject (const char      *text,
               OcopSubjectType *type)
{
  g_autofree char *folded = ocop_text_fold (text);

  if (folded == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (register_subjects); i++)
    {
      const char *hit = strstr (folded, register_subjects[i].folded);
      gsize len = strlen (register_subjects[i].folded);

      if (hit == NULL)
        continue;
      if ((hit != folded && g_ascii_isalnum (hit[-1])) || g_ascii_isalnum (hit[len]))
        continue;
      *type = register_subjects[i].type;
      return TRUE;
    }

  return FALSE;
}

/* "4", "4 sao", "4*", "4★" */
static gboolean
parse_stars (const char *text,
             int        *stars)
{
  g_autofree char *folded = ocop_text_fold (text);
  char *end = NULL;
  gint64 v;

  if (folded == NULL || !g_ascii_isdigit (folded[0]))
    return FALSE;

  v = g_ascii_strtoll (folded, &end, 10);
  end = g_strstrip (end);
  if (*end != '\0' && strcmp (end, "sao") != 0 && strcmp (end, "*") != 0 && strcmp (end, "★") != 0 &&
      strcmp (end, "stars") != 0 && strcmp (end, "star") != 0)
    return FALSE;
  if (v < 1 || v > 5)
    return FALSE;

  *stars = (int) v;

  return TRUE;
}

typedef struct
{
  guint            line;
  OcopCertificate *certificate;   /* product_id filled on writing */
  OcopDecision    *decision;      /* borrowed from the decisions table */
  OcopProducer    *new_producer;  /* borrowed, or NULL */
  gint64           producer_id;   /* of an existing producer */
  OcopProduct     *new_product;   /* borrowed, or NULL */
  char            *product_set;
} RegisterRow;

static void
register_row_free (RegisterRow *row)
{
  ocop_certificate_free (row->certificate);
  g_free (row->product_set);
  g_free (row);
}

static gboolean
find_product_of_producer (OcopDb      *db,
                          gint64       producer_id,
                          const char  *name,
                          gint64      *product_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT id FROM product WHERE producer_id = ?1 AND name = ?2"
                                             " ORDER BY id LIMIT 1", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, producer_id);
  _ocop_db_bind_text (stmt, 2, name);
  step = _ocop_db_step (db, stmt, _("Failed to read the register"), error);
  *product_id = step == OCOP_DB_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

static gint
compare_rows_by_date (gconstpointer a,
                      gconstpointer b)
{
  const RegisterRow *ra = *(const RegisterRow * const *) a;
  const RegisterRow *rb = *(const RegisterRow * const *) b;
  int cmp = strcmp (ra->certificate->issued_on, rb->certificate->issued_on);

  return cmp != 0 ? cmp : (int) ra->line - (int) rb->line;
}

OcopImportReport *
ocop_import_register_csv (OcopDb             *db,
                          const char         *path,
                          OcopImportReport  **rejected,
                          GError            **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) register_row_free);
  g_autoptr(GPtrArray) producers = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_producer_free);
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_free);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_decision_free);
  g_autoptr(GHashTable) producer_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) product_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) decision_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int index[N_G];
  const char *label[N_G];
  char **fields = NULL;
  static const guint required[] = { G_PRODUCT, G_PRODUCER, G_STARS, G_DATE, G_DECISION, G_AUTHORITY };

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (rejected != NULL)
    *rejected = NULL;

  reader = ocop_csv_reader_new_from_file (path, &local_error);
  if (reader == NULL || !ocop_csv_reader_read_header (reader, &local_error))
    {
      g_set_error_literal (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE, local_error->message);
      return NULL;
    }
  report = ocop_import_report_new (ocop_csv_reader_get_display_name (reader));

  for (guint i = 0; i < N_G; i++)
    {
      index[i] = -1;
      label[i] = register_columns[i].aliases[0];
      for (guint a = 0; register_columns[i].aliases[a] != NULL && index[i] < 0; a++)
        {
          index[i] = ocop_csv_reader_find_column (reader, register_columns[i].aliases[a]);
          if (index[i] >= 0)
            label[i] = ocop_csv_reader_get_header (reader)[index[i]];
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (index[required[i]] < 0)
        {
          g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                       /* Translators: %1$s is a file name; %2$s and %3$s are column names */
                       _("%1$s: the header has no column “%2$s” (or “%3$s”)"),
                       report->file, register_columns[required[i]].aliases[0],
                       register_columns[required[i]].aliases[1]);
          if (rejected != NULL)
            {
              add_problem (report, 1, register_columns[required[i]].aliases[0], "%s", _("the column is missing"));
              *rejected = g_steal_pointer (&report);
            }
          return NULL;
        }
    }

#define FIELD(k) (index[k] >= 0 && fields[index[k]] != NULL && *g_strstrip (fields[index[k]]) != '\0' \
                  ? fields[index[k]] : NULL)

  while (ocop_csv_reader_next (reader, &fields, &local_error))
    {
      g_auto(GStrv) owned_fields = fields;
      guint line = ocop_csv_reader_get_line (reader);
      guint n_before = report->problems->len;
      g_autoptr(OcopCertificate) c = g_new0 (OcopCertificate, 1);
      g_autofree char *producer_key = NULL;
      g_autofree char *decision_key = NULL;
      g_autofree char *product_key = NULL;
      g_autofree char *year = NULL;
      OcopDecision *decision = NULL;
      RegisterRow *row;
      const char *value;
      OcopSubjectType type = OCOP_SUBJECT_COOPERATIVE;
      gboolean have_type = FALSE;
      int stars = 0;

      report->n_rows++;
      c->is_imported = TRUE;
      c->score = NAN;
      c->product_name = ocop_text_normalize (FIELD (G_PRODUCT));
      c->producer_name = ocop_text_normalize (FIELD (G_PRODUCER));
      c->producer_address = ocop_text_normalize (FIELD (G_ADDRESS));
      c->commune = ocop_text_normalize (FIELD (G_COMMUNE));
      c->district = ocop_text_normalize (FIELD (G_DISTRICT) ? FIELD (G_DISTRICT) : FIELD (G_LOCALITY));
      c->province = ocop_text_normalize (FIELD (G_PROVINCE));
      c->number = ocop_text_normalize (FIELD (G_NUMBER));
      c->product_code = ocop_text_normalize (FIELD (G_CODE));
      c->decision_number = ocop_text_normalize (FIELD (G_DECISION));
      c->authority = ocop_text_normalize (FIELD (G_AUTHORITY));

      if (c->product_name == NULL)
        add_problem (report, line, label[G_PRODUCT], "%s", _("the product's name is empty"));
      if (c->producer_name == NULL)
        add_problem (report, line, label[G_PRODUCER], "%s", _("the producer's name is empty"));

      if ((value = FIELD (G_TYPE)) != NULL)
        {
          if (parse_subject (value, &type))
            have_type = TRUE;
          else
            add_problem (report, line, label[G_TYPE],
                         /* Translators: %s is the value found in the file */
                         _("“%s” is not a subject type (cooperative, enterprise, cooperative group or household business)"),
                         value);
        }

      if ((value = FIELD (G_STARS)) == NULL)
        add_problem (report, line, label[G_STARS], "%s", _("the stars are empty"));
      else if (!parse_stars (value, &stars) || stars < 3)
        add_problem (report, line, label[G_STARS],
                     /* Translators: %s is the value found in the file */
                     _("“%s” is not an OCOP rank (3, 4 or 5 stars)"), value);
      c->stars = stars;

      if ((value = FIELD (G_DATE)) == NULL)
        add_problem (report, line, label[G_DATE], "%s", _("the recognition date is empty"));
      else if ((c->issued_on = ocop_text_date_to_iso (value)) == NULL)
        add_problem (report, line, label[G_DATE],
                     /* Translators: %s is the value found in the file */
                     _("“%s” is not a date (day/month/year)"), value);

      if ((value = FIELD (G_EXPIRY)) != NULL)
        {
          if ((c->valid_until = ocop_text_date_to_iso (value)) == NULL)
            add_problem (report, line, label[G_EXPIRY],
                         _("“%s” is not a date (day/month/year)"), value);
          else if (c->issued_on != NULL && strcmp (c->valid_until, c->issued_on) <= 0)
            add_problem (report, line, label[G_EXPIRY],
                         /* Translators: %s is the value found in the file */
                         _("“%s” is not after the recognition date"), value);
        }
      else if (c->issued_on != NULL)
        c->valid_until = ocop_certificate_compute_valid_until (c->issued_on, OCOP_CERTIFICATE_VALIDITY_MONTHS);

      if (c->decision_number == NULL)
        add_problem (report, line, label[G_DECISION], "%s", _("the decision number is empty"));
      if (c->authority == NULL)
        add_problem (report, line, label[G_AUTHORITY], "%s", _("the issuing authority is empty"));

      if (c->number != NULL)
        {
          gboolean exists = FALSE;

          if (g_hash_table_contains (numbers, c->number))
            add_problem (report, line, label[G_NUMBER],
                         /* Translators: %s is a certificate number */
                         _("the certificate number “%s” is given twice in this file"), c->number);
          else if (!number_exists (db, c->number, &exists, error))
            return NULL;
          else if (exists)
            add_problem (report, line, label[G_NUMBER],
                         /* Translators: %s is a certificate number */
                         _("the certificate number “%s” is already in the register"), c->number);
          else
            g_hash_table_add (numbers, g_strdup (c->number));
        }

      if (c->product_code != NULL && !ocop_product_code_is_valid (c->product_code))
        add_problem (report, line, label[G_CODE],
                     /* Translators: %s is the value found in the file */
                     _("“%s” is not a product code (province-district-sequence-year)"), c->product_code);

      /* The rest needs these; the other problems of the row are still reported. */
      if (c->product_name == NULL || c->producer_name == NULL || c->issued_on == NULL ||
          c->decision_number == NULL || c->authority == NULL)
        continue;

      row = g_new0 (RegisterRow, 1);
      row->line = line;
      if ((value = FIELD (G_SET)) != NULL)
        {
          char *end = NULL;
          gint64 n = g_ascii_strtoll (value, &end, 10);

          row->product_set = (end != value && *end == '\0' && n >= 1 && n <= 99)
                             ? g_strdup_printf ("%02" G_GINT64_FORMAT, n) : NULL;
        }
      if (row->product_set == NULL)
        row->product_set = g_strdup ("00");   /* unknown: history before the app */

      /* The decision: one of this file, one of the register, or a new one. */
      year = g_strndup (c->issued_on, 4);
      decision_key = g_strjoin ("\n", c->decision_number, c->authority, year, NULL);
      decision = g_hash_table_lookup (decision_by_key, decision_key);
      if (decision == NULL)
        {
          g_autofree char *date = NULL;
          gint64 id = 0;

          decision = ocop_decision_new ();
          decision->number = g_strdup (c->decision_number);
          decision->authority = g_strdup (c->authority);
          decision->date = g_strdup (c->issued_on);
          decision->is_imported = TRUE;
          g_ptr_array_add (decisions, decision);
          g_hash_table_insert (decision_by_key, g_strdup (decision_key), decision);

          if (!find_decision_id (db, decision, &id, &date, error))
            {
              register_row_free (row);
              return NULL;
            }
          if (id != 0 && g_strcmp0 (date, c->issued_on) != 0)
            add_problem (report, line, label[G_DATE],
                         /* Translators: %1$s is a decision number, %2$s a date */
                         _("decision %1$s is already in the register with the date %2$s"), c->decision_number, date);
          decision->id = id;
        }
      else if (g_strcmp0 (decision->date, c->issued_on) != 0)
        add_problem (report, line, label[G_DATE],
                     /* Translators: %1$s is a decision number, %2$s a date */
                     _("decision %1$s has the date %2$s on an earlier line"), c->decision_number, decision->date);
      row->decision = decision;

      /* The producer and the product. */
      producer_key = ocop_text_fold (c->producer_name);
      {
        OcopProducer *known = g_hash_table_lookup (producer_by_name, producer_key);

        if (known != NULL)
          {
            if (known->id > 0)
              row->producer_id = known->id;
            else
              row->new_producer = known;
          }
        else
          {
            g_autoptr(OcopProducer) existing = ocop_db_find_producer_by_name (db, c->producer_name, NULL);

            if (existing != NULL)
              {
                row->producer_id = existing->id;
                g_hash_table_insert (producer_by_name, g_strdup (producer_key), existing);
                g_ptr_array_add (producers, g_steal_pointer (&existing));
              }
            else if (!have_type)
              add_problem (report, line, label[G_TYPE],
                           /* Translators: %s is a producer's name */
                           _("“%s” is not in the register yet: its subject type is needed to add it"), c->producer_name);
            else
              {
                OcopProducer *producer = ocop_producer_new ();
                g_autoptr(GError) invalid_error = NULL;

                producer->name = g_strdup (c->producer_name);
                producer->subject_type = type;
                producer->address = g_strdup (c->producer_address);
                producer->commune = g_strdup (c->commune);
                producer->district = g_strdup (c->district);
                producer->province = g_strdup (c->province);
                g_ptr_array_add (producers, producer);
                if (!ocop_producer_validate (producer, &invalid_error))
                  add_problem (report, line, label[G_PRODUCER], "%s", invalid_error->message);
                g_hash_table_insert (producer_by_name, g_strdup (producer_key), producer);
                row->new_producer = producer;
              }
          }
      }

      /* The snapshot takes the register's subject type when the row has none. */
      if (have_type)
        c->subject_type = type;
      else if (row->producer_id > 0)
        {
          g_autoptr(OcopProducer) existing = ocop_db_get_producer (db, row->producer_id, NULL);

          if (existing != NULL)
            {
              c->subject_type = existing->subject_type;
              if (c->producer_address == NULL)
                c->producer_address = g_strdup (existing->address);
              if (c->commune == NULL)
                c->commune = g_strdup (existing->commune);
              if (c->district == NULL)
                c->district = g_strdup (existing->district);
              if (c->province == NULL)
                c->province = g_strdup (existing->province);
            }
        }

      product_key = c->product_code != NULL
                    ? g_strconcat ("code\n", c->product_code, NULL)
                    : g_strconcat (producer_key, "\n", c->product_name, NULL);
      {
        OcopProduct *known = g_hash_table_lookup (product_by_key, product_key);
        g_autoptr(OcopProduct) existing = NULL;

        if (known != NULL)
          {
            if (known->id > 0)
              c->product_id = known->id;
            else
              row->new_product = known;
          }
        else
          {
            gint64 product_id = 0;

            if (c->product_code != NULL)
              existing = ocop_db_find_product_by_code (db, c->product_code, NULL);
            else if (row->producer_id > 0 &&
                     !find_product_of_producer (db, row->producer_id, c->product_name, &product_id, error))
              {
                register_row_free (row);
                return NULL;
              }
            if (existing == NULL && product_id > 0)
              existing = ocop_db_get_product (db, product_id, NULL);

            if (existing != NULL)
              {
                c->product_id = existing->id;
                g_hash_table_insert (product_by_key, g_strdup (product_key), existing);
                g_ptr_array_add (products, g_steal_pointer (&existing));
              }
            else
              {
                OcopProduct *product = ocop_product_new ();
                g_autoptr(GError) invalid_error = NULL;

                product->name = g_strdup (c->product_name);
                product->code = g_strdup (c->product_code);
                product->product_set = g_strdup (row->product_set);
                product->year = atoi (year);
                product->producer_id = G_MAXINT64;   /* set when written */
                if (!ocop_product_validate (product, &invalid_error))
                  add_problem (report, line, label[G_PRODUCT], "%s", invalid_error->message);
                g_ptr_array_add (products, product);
                g_hash_table_insert (product_by_key, g_strdup (product_key), product);
                row->new_product = product;
              }
          }
      }

      /* The same recognition twice. */
      {
        g_autofree char *once = g_strconcat (product_key, "\n", decision_key, NULL);

        if (g_hash_table_contains (seen, once))
          add_problem (report, line, label[G_DECISION],
                       /* Translators: %1$s is a product's name, %2$s a decision number */
                       _("“%1$s” is listed twice under decision %2$s"), c->product_name, c->decision_number);
        else
          g_hash_table_add (seen, g_steal_pointer (&once));
      }
      if (c->product_id > 0 && row->decision->id > 0)
        {
          OcopCertificateFilter filter = { .decision_id = row->decision->id, .product_id = c->product_id,
                                           .as_of = "9999-12-31" };
          g_autoptr(GPtrArray) already = ocop_db_list_certificates (db, &filter, error);

          if (already == NULL)
            {
              register_row_free (row);
              return NULL;
            }
          if (already->len > 0)
            add_problem (report, line, label[G_DECISION],
                         /* Translators: %1$s is a product's name, %2$s a decision number */
                         _("“%1$s” under decision %2$s is already in the register"), c->product_name, c->decision_number);
        }

      if (report->problems->len != n_before)
        {
          register_row_free (row);
          continue;
        }

      row->certificate = g_steal_pointer (&c);
      g_ptr_array_add (rows, row);
    }

#undef FIELD

  if (local_error != NULL)
    {
      g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                   /* Translators: %s says where and what is wrong in the file */
                   _("%s; nothing was imported"), local_error->message);
      return NULL;
    }

  if (report->problems->len > 0)
    {
      set_rows_error (report, error);
      if (rejected != NULL)
        *rejected = g_steal_pointer (&report);
      return NULL;
    }

  if (rows->len == 0)
    {
      g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                   /* Translators: %s is a file name */
                   _("%s has no rows: nothing was imported"), report->file);
      return NULL;
    }

  /* Writing: everything or nothing. */
  if (!ocop_db_begin (db, error))
    return NULL;

  g_ptr_array_sort (rows, compare_rows_by_date);

  for (guint i = 0; i < rows->len; i++)
    {
      RegisterRow *row = g_ptr_array_index (rows, i);
      OcopCertificate *c = row->certificate;
      g_autoptr(GError) write_error = NULL;
      gboolean ok = TRUE;

      if (row->new_producer != NULL && row->new_producer->id == 0)
        {
          ok = ocop_db_save_producer (db, row->new_producer, &write_error);
          report->n_created++;
        }
      if (ok && row->new_product != NULL && row->new_product->id == 0)
        {
          row->new_product->producer_id = row->new_producer != NULL ? row->new_producer->id : row->producer_id;
          ok = ocop_db_save_product (db, row->new_product, &write_error);
          report->n_created++;
        }
      if (row->new_product != NULL)
        c->product_id = row->new_product->id;
      if (ok && row->decision->id == 0)
        ok = store_decision (db, row->decision, &write_error);
      if (ok)
        {
          c->decision_id = row->decision->id;
          ok = insert_certificate (db, c, 0, 0, &write_error) &&
               supersede_in_force (db, c->product_id, c->id, c->issued_on, &write_error);
        }

      if (!ok)
        {
          ocop_db_rollback (db);
          g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS,
                       /* Translators: %1$s is a file name, %2$u a line number, %3$s the reason */
                       _("%1$s, line %2$u: nothing was imported: %3$s"), report->file, row->line, write_error->message);
          return NULL;
        }
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  report->n_imported = rows->len;

  return g_steal_pointer (&report);
}

/* ---- verification ---- */

void
ocop_verification_clear (OcopVerification *v)
{
  ocop_payload_clear (&v->fields);
  g_clear_pointer (&v->message, g_free);
  g_clear_pointer (&v->authority, g_free);
  g_clear_pointer (&v->certificate, ocop_certificate_free);
  v->status = OCOP_VERIFY_FORGED;
}

const char *
ocop_verify_status_to_string (OcopVerifyStatus status)
{
  static const char * const names[OCOP_VERIFY_N] = {
    "valid", "expired", "revoked", "superseded", "unknown", "forged",
  };

  g_return_val_if_fail (status < OCOP_VERIFY_N, NULL);

  return names[status];
}

const char *
ocop_verify_status_get_label (OcopVerifyStatus status)
{
  switch (status)
    {
    case OCOP_VERIFY_VALID:
      /* Translators: result of verifying a certificate's QR code */
      return _("Valid");
    case OCOP_VERIFY_EXPIRED:
      /* Translators: result of verifying a certificate's QR code */
      return _("Expired");
    case OCOP_VERIFY_REVOKED:
      /* Translators: result of verifying a certificate's QR code */
      return _("Revoked");
    case OCOP_VERIFY_SUPERSEDED:
      /* Translators: result of verifying a certificate's QR code */
      return _("Superseded");
    case OCOP_VERIFY_UNKNOWN:
      /* Translators: result of verifying a certificate's QR code: genuine, but not in this register */
      return _("Unknown");
    case OCOP_VERIFY_FORGED:
      /* Translators: result of verifying a certificate's QR code */
      return _("Forged");
    case OCOP_VERIFY_N:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ocop_db_verify_payload (OcopDb           *db,
                        const char       *payload,
                        const char       *today,
                        const guint8     *extra_keys,
                        guint             n_extra_keys,
                        OcopVerification *result,
                        GError          **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GByteArray) all = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OcopCertificate) c = NULL;
  g_autofree char *date = NULL;
  g_autofree char *trimmed = NULL;
  guint key_index = 0;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->status = OCOP_VERIFY_FORGED;

  date = today != NULL ? ocop_text_date_to_iso (today) : ocop_date_today ();
  if (date == NULL)
    return invalid (error, _("Date"), _("not a date"));

  keys = ocop_db_list_signing_keys (db, error);
  if (keys == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    g_byte_array_append (all, ((OcopSigningKey *) g_ptr_array_index (keys, i))->public_key,
                         OCOP_SIGNING_PUBLIC_KEY_BYTES);
  if (extra_keys != NULL)
    g_byte_array_append (all, extra_keys, (guint) n_extra_keys * OCOP_SIGNING_PUBLIC_KEY_BYTES);

  if (!ocop_signing_verify_payload (payload, all->data, all->len / OCOP_SIGNING_PUBLIC_KEY_BYTES,
                                    &result->fields, &key_index, &local_error))
    {
      /* Show what it claims, when it can be read at all. */
      ocop_signing_parse_payload (payload, &result->fields, NULL);
      result->status = OCOP_VERIFY_FORGED;
      result->message = g_strdup (local_error->message);
      return TRUE;
    }

  if (key_index < keys->len)
    result->authority = g_strdup (((OcopSigningKey *) g_ptr_array_index (keys, key_index))->authority);

  c = ocop_db_find_certificate (db, result->fields.certificate_number, date, &local_error);
  if (c == NULL)
    {
      if (!g_error_matches (local_error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      result->status = OCOP_VERIFY_UNKNOWN;
      result->message = g_strdup_printf (
        /* Translators: %1$s is a certificate number, %2$s a date */
        _("The signature is genuine, but certificate %1$s is not in this register; it says it is valid until %2$s"),
        result->fields.certificate_number, result->fields.valid_until);
      return TRUE;
    }

  trimmed = g_strstrip (g_strdup (payload));
  if (g_strcmp0 (c->payload, trimmed) != 0)
    {
      result->status = OCOP_VERIFY_FORGED;
      result->message = g_strdup_printf (
        /* Translators: %s is a certificate number */
        _("The code does not match certificate %s in the register"), c->number);
      return TRUE;
    }

  switch (c->state)
    {
    case OCOP_CERTIFICATE_VALID:
    case OCOP_CERTIFICATE_EXPIRING:
      result->status = OCOP_VERIFY_VALID;
      result->message = g_strdup_printf (
        /* Translators: %1$s is a certificate number, %2$s a product, %3$d stars, %4$s a date */
        _("Certificate %1$s is genuine and valid: “%2$s”, %3$d stars, valid until %4$s"),
        c->number, c->product_name, c->stars, c->valid_until);
      break;
    case OCOP_CERTIFICATE_EXPIRED:
      result->status = OCOP_VERIFY_EXPIRED;
      result->message = g_strdup_printf (
        /* Translators: %1$s is a certificate number, %2$s a date */
        _("Certificate %1$s is genuine but expired: it was valid until %2$s"), c->number, c->valid_until);
      break;
    case OCOP_CERTIFICATE_REVOKED:
      result->status = OCOP_VERIFY_REVOKED;
      result->message = g_strdup_printf (
        /* Translators: %1$s is a certificate number, %2$s a date, %3$s the reason */
        _("Certificate %1$s was revoked on %2$s: %3$s"), c->number, c->revoked_on, c->revocation_reason);
      break;
    case OCOP_CERTIFICATE_SUPERSEDED:
      result->status = OCOP_VERIFY_SUPERSEDED;
      result->message = g_strdup_printf (
        /* Translators: %1$s is a certificate number, %2$s a date, %3$s another certificate number */
        _("Certificate %1$s was replaced on %2$s by certificate %3$s"), c->number, c->superseded_on,
        c->superseded_by_number ? c->superseded_by_number : "?");
      break;
    case OCOP_CERTIFICATE_STATE_N:
    default:
      g_assert_not_reached ();
    }

  if (result->authority == NULL)
    result->authority = g_strdup (c->authority);
  result->certificate = g_steal_pointer (&c);

  return TRUE;
}
