/* test-sample.c: the sample province gives the report's figures, and goes away again
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-rating.h"
#include "ocop-registry.h"
#include "ocop-sample.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"
#include "ocop-stats.h"

#define REAL_AUTHORITY "Bộ Nông nghiệp và Phát triển nông thôn"

static OcopDb *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ocop_criteria_get_bundled_dir ();
  OcopDb *db = ocop_db_open (":memory:", &error);

  g_assert_no_error (error);
  /* As the application does when it opens a database. */
  g_assert_cmpint (ocop_db_import_bundled_criteria (db, dir, &error), >=, 1);
  g_assert_no_error (error);
  ocop_db_set_actor (db, "Tester");

  return db;
}

/* Every table but the audit log, row by row, as text. */
static GHashTable *
snapshot (OcopDb *db)
{
  sqlite3 *handle = _ocop_db_get_handle (db);
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *list;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                               " AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'",
                                       -1, &list, NULL), ==, SQLITE_OK);
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (list, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", name);
      GString *text = g_string_new (NULL);
      sqlite3_stmt *rows;
      guint n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const void *blob = sqlite3_column_blob (rows, c);
              int len = sqlite3_column_bytes (rows, c);

              g_string_append_c (text, '|');
              if (blob != NULL)
                g_string_append_len (text, blob, len);
            }
          g_string_append_c (text, '\n');
          n++;
        }
      sqlite3_finalize (rows);
      g_string_prepend (text, g_strdup_printf ("%u rows\n", n));
      g_hash_table_insert (tables, g_strdup (name), g_string_free (text, FALSE));
    }
  sqlite3_finalize (list);

  return tables;
}

static guint
count_rows (OcopDb     *db,
            const char *sql)
{
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* Real data: a producer and a product, a central council that recognises it at 5★ in
 * a finalised meeting, and its certificate; plus a product in preparation. Returns the
 * meeting's id; @certificate_id gets the certificate's. */
static gint64
add_real_data (OcopDb *db,
               gint64 *certificate_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(OcopProduct) waiting = ocop_product_new ();
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(OcopDecision) decision = ocop_decision_new ();
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  const OcopSheet *sheet = NULL;
  const char *roles[] = { "chair", "member", "member" };

  producer->name = g_strdup ("HTX Chè Tân Cương");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  producer->district = g_strdup ("Thành phố Thái Nguyên");
  producer->province = g_strdup ("Thái Nguyên");
  g_assert_true (ocop_db_save_producer (db, producer, &error));
  g_assert_no_error (error);

  product->name = g_strdup ("Chè xanh Tân Cương");
  product->product_set = g_strdup ("12");
  product->producer_id = producer->id;
  product->year = 2022;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);
  waiting->name = g_strdup ("Chè móc câu");
  waiting->product_set = g_strdup ("12");
  waiting->producer_id = producer->id;
  waiting->year = 2022;
  g_assert_true (ocop_db_save_product (db, waiting, &error));
  g_assert_no_error (error);

  council->name = g_strdup ("Hội đồng cấp trung ương");
  council->level = OCOP_LEVEL_CENTRAL;
  council->regime = OCOP_REGIME_1048;
  g_assert_true (ocop_db_save_council (db, council, &error));
  g_assert_no_error (error);

  set = ocop_db_load_criteria_set_by_code (db, "qd-1048-2019", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < set->sheets->len; i++)
    if (g_str_equal (((OcopSheet *) g_ptr_array_index (set->sheets, i))->code, "12"))
      sheet = g_ptr_array_index (set->sheets, i);
  g_assert_nonnull (sheet);

  meeting->council_id = council->id;
  meeting->set_id = set->id;
  meeting->date = g_strdup ("2022-10-05");
  g_assert_true (ocop_db_save_meeting (db, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_add_agenda_item (db, meeting->id, product->id, &error));
  g_assert_no_error (error);

  for (guint m = 0; m < G_N_ELEMENTS (roles); m++)
    {
      g_autoptr(OcopMember) member = ocop_member_new ();
      g_autoptr(OcopScoreSheet) row = NULL;
      g_autofree int *options = g_new (int, sheet->leaves->len);
      OcopSheetAnswers answers = { options, FALSE, NULL };
      OcopSheetScore score = { 0 };

      member->council_id = council->id;
      member->name = g_strdup_printf ("Member %u", m + 1);
      g_assert_true (ocop_role_from_string (roles[m], &member->role));
      g_assert_true (ocop_db_add_member (db, member, &error));
      g_assert_no_error (error);
      g_assert_true (ocop_db_set_attendance (db, meeting->id, member->id, TRUE, &error));
      g_assert_no_error (error);

      /* The best option everywhere: 100 points, 5★. */
      for (guint l = 0; l < sheet->leaves->len; l++)
        {
          const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, l);

          options[l] = 0;
          for (guint o = 1; o < leaf->options->len; o++)
            if (((OcopOption *) g_ptr_array_index (leaf->options, o))->points >
                ((OcopOption *) g_ptr_array_index (leaf->options, options[l]))->points)
              options[l] = o;
        }
      ocop_rating_score_sheet (set, sheet, &answers, &score);

      row = ocop_db_open_score_sheet (db, meeting->id, member->id, product->id, 0, &error);
      g_assert_no_error (error);
      for (guint l = 0; l < sheet->leaves->len; l++)
        if (score.leaf_states[l] == OCOP_LEAF_REQUIRED)
          {
            g_assert_true (ocop_db_tick (db, row->id, l, options[l], &error));
            g_assert_no_error (error);
          }
      ocop_sheet_score_clear (&score);
      g_assert_true (ocop_db_submit_sheet (db, row->id, &error));
      g_assert_no_error (error);
    }

  g_assert_true (ocop_db_finalise_meeting (db, meeting->id, &error));
  g_assert_no_error (error);

  key = ocop_signing_create_key (db, REAL_AUTHORITY, FALSE, &error);
  g_assert_no_error (error);
  decision->number = g_strdup ("4497/QĐ-BNN-VPĐP");
  decision->date = g_strdup ("2022-11-18");
  decision->authority = g_strdup (REAL_AUTHORITY);
  issued = ocop_db_issue_certificates (db, meeting->id, decision, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 1);
  g_assert_cmpint (((OcopCertificate *) g_ptr_array_index (issued, 0))->stars, ==, 5);
  *certificate_id = ((OcopCertificate *) g_ptr_array_index (issued, 0))->id;

  return meeting->id;
}

static void
test_report_figures (void)
{
  g_autoptr(OcopDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopStats) stats = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  OcopStatsQuery query = { OCOP_SAMPLE_REPORT_FROM, OCOP_SAMPLE_REPORT_TO, OCOP_SAMPLE_REPORT_AS_OF,
                           OCOP_SAMPLE_PROVINCE, NULL };
  gboolean loaded = TRUE;
  gint64 start;

  g_assert_true (ocop_sample_is_loaded (db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_false (loaded);

  start = g_get_monotonic_time ();
  g_assert_true (ocop_sample_load (db, &error));
  g_assert_no_error (error);
  g_test_message ("sample loaded in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_true (ocop_sample_is_loaded (db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
  g_assert_cmpstr (ocop_db_get_actor (db), ==, "Tester");

  stats = ocop_db_compute_stats (db, &query, &error);
  g_assert_no_error (error);

  /* The report: 105 registered; 94 certified (73 × 3★, 21 × 4★); 84 in force
   * (65 × 3★, 19 × 4★); 10 lapsed after 36 months (8 × 3★, 2 × 4★). */
  g_assert_cmpuint (stats->registered, ==, 105);
  g_assert_cmpuint (stats->certified.n[0], ==, 94);
  g_assert_cmpuint (stats->certified.n[3], ==, 73);
  g_assert_cmpuint (stats->certified.n[4], ==, 21);
  g_assert_cmpuint (stats->certified.n[5], ==, 0);
  g_assert_cmpuint (stats->ever_certified.n[0], ==, 94);
  g_assert_cmpuint (stats->in_force.n[0], ==, 84);
  g_assert_cmpuint (stats->in_force.n[3], ==, 65);
  g_assert_cmpuint (stats->in_force.n[4], ==, 19);
  g_assert_cmpuint (stats->expired.n[0], ==, 10);
  g_assert_cmpuint (stats->expired.n[3], ==, 8);
  g_assert_cmpuint (stats->expired.n[4], ==, 2);
  g_assert_cmpuint (stats->revoked.n[0], ==, 0);
  g_assert_cmpuint (stats->superseded.n[0], ==, 0);
  for (int s = 0; s <= 5; s++)
    g_assert_cmpuint (stats->ever_certified.n[s] - stats->expired.n[s] - stats->revoked.n[s] - stats->superseded.n[s],
                      ==, stats->in_force.n[s]);

  /* Evaluated: the 94 and four not passed; seven wait. The third decision
   * (26/06/2020) ends on 26/06/2023: three certificates within 30 days. */
  g_assert_cmpuint (stats->evaluated, ==, 98);
  g_assert_cmpuint (stats->by_outcome[OCOP_OUTCOME_RECOGNISED], ==, 94);
  g_assert_cmpuint (stats->by_outcome[OCOP_OUTCOME_NOT_PASSED], ==, 4);
  g_assert_cmpuint (stats->expiring.n[0], ==, 3);
  g_assert_cmpuint (stats->expiring_30, ==, 3);
  g_assert_cmpuint (stats->expiring_90, ==, 3);
  g_assert_cmpuint (stats->products_in_force, ==, 84);

  g_assert_cmpuint (stats->producers, ==, 48);
  g_assert_cmpuint (stats->producers_by_type[OCOP_SUBJECT_COOPERATIVE], ==, 20);
  g_assert_cmpuint (stats->producers_by_type[OCOP_SUBJECT_ENTERPRISE], ==, 6);
  g_assert_cmpuint (stats->producers_by_type[OCOP_SUBJECT_COOPERATIVE_GROUP], ==, 8);
  g_assert_cmpuint (stats->producers_by_type[OCOP_SUBJECT_HOUSEHOLD], ==, 14);
  g_assert_cmpuint (stats->by_product_set->len, ==, 10);
  g_assert_cmpuint (stats->by_district->len, ==, 6);

  /* The four targets of 2023–2025, nothing achieved yet for the new products. */
  targets = ocop_db_list_target_progress (db, OCOP_SAMPLE_REPORT_AS_OF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 4);
  for (guint i = 0; i < targets->len; i++)
    {
      OcopTargetProgress *p = g_ptr_array_index (targets, i);

      g_assert_true (p->target->is_sample);
      g_assert_cmpstr (p->target->deadline, ==, "2025-12-31");
      switch (p->target->kind)
        {
        case OCOP_TARGET_NEW_PRODUCTS:
          g_assert_cmpfloat (p->target->value, ==, 50);
          g_assert_cmpuint (p->numerator, ==, 0);
          break;
        case OCOP_TARGET_UPGRADED_SHARE:
          g_assert_cmpuint (p->denominator, ==, 94);
          g_assert_cmpuint (p->numerator, ==, 0);
          break;
        case OCOP_TARGET_COOPERATIVE_SHARE:
          g_assert_cmpuint (p->denominator, ==, stats->subjects);
          g_assert_cmpuint (p->numerator, ==, stats->subjects_by_type[OCOP_SUBJECT_COOPERATIVE]);
          break;
        case OCOP_TARGET_ENTERPRISE_SHARE:
          g_assert_cmpuint (p->numerator, ==, stats->subjects_by_type[OCOP_SUBJECT_ENTERPRISE]);
          g_assert_cmpfloat (p->target->value, ==, 10);
          break;
        case OCOP_TARGET_CUSTOM:
        case OCOP_TARGET_KIND_N:
        default:
          g_assert_not_reached ();
        }
    }

  /* Every row is marked; names too. */
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM certificate WHERE is_sample = 1"), ==, 94);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM decision WHERE is_sample = 1"), ==, 8);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM meeting WHERE is_sample = 1 AND state = 'finalised'"), ==, 8);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM producer WHERE is_sample = 0 OR name NOT LIKE '% (mẫu)'"), ==, 0);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM product WHERE is_sample = 0"), ==, 0);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM signing_key WHERE is_sample = 0"), ==, 0);
  /* Genuine sheets: seven scoring members per evaluated product. */
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM score_sheet WHERE state = 'submitted'"), ==, 98 * 7);

  /* Loading twice is refused, and changes nothing. */
  g_assert_false (ocop_sample_load (db, &error));
  g_assert_error (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_LOADED);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM product"), ==, 105);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM certificate"), ==, 94);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_deterministic (void)
{
  g_autoptr(OcopDb) a = open_db ();
  g_autoptr(OcopDb) b = open_db ();
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT group_concat (c.product_name || c.stars || c.issued_on || c.valid_until || printf ('%.4f', c.score), ';')"
                    " FROM certificate c";
  sqlite3_stmt *sa, *sb;

  g_assert_true (ocop_sample_load (a, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_sample_load (b, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (a), sql, -1, &sa, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (b), sql, -1, &sb, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (sa), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_step (sb), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (sa, 0), ==, (const char *) sqlite3_column_text (sb, 0));
  sqlite3_finalize (sa);
  sqlite3_finalize (sb);

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
test_remove_keeps_real_data (void)
{
  g_autoptr(OcopDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer name, text;
  gint64 meeting_id, certificate_id;
  guint audit_before;
  gboolean loaded;

  meeting_id = add_real_data (db, &certificate_id);
  g_assert_true (ocop_db_revoke_certificate (db, certificate_id, "2023-01-10", "Test revocation", &error));
  g_assert_no_error (error);

  before = snapshot (db);
  audit_before = count_rows (db, "SELECT COUNT (*) FROM audit_log");

  /* Nothing to remove yet. */
  g_assert_false (ocop_sample_remove (db, &error));
  g_assert_error (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_NOT_LOADED);
  g_clear_error (&error);

  g_assert_true (ocop_sample_load (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM certificate"), ==, 95);

  g_assert_true (ocop_sample_remove (db, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_sample_is_loaded (db, &loaded, &error));
  g_assert_false (loaded);
  g_assert_cmpstr (ocop_db_get_actor (db), ==, "Tester");

  /* Every table as it was, row for row; the audit log only grew, by the sample's actor. */
  after = snapshot (db);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      g_test_message ("table %s", (char *) name);
      g_assert_cmpstr (g_hash_table_lookup (after, name), ==, text);
    }
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM audit_log"), >, audit_before);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM audit_log WHERE id > %u"
                                            " AND actor IS NOT 'ocop-sample'", audit_before);

    g_assert_cmpuint (count_rows (db, sql), ==, 0);
  }

  /* Real locked rows still refuse deletion, and cannot be turned into sample rows. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM meeting WHERE id = %" G_GINT64_FORMAT, meeting_id);

    g_assert_false (_ocop_db_exec (db, sql, "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_free (sql);
    sql = g_strdup_printf ("UPDATE meeting SET is_sample = 1 WHERE id = %" G_GINT64_FORMAT, meeting_id);
    g_assert_false (_ocop_db_exec (db, sql, "update", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM result WHERE meeting_id = %" G_GINT64_FORMAT, meeting_id);
    g_assert_false (_ocop_db_exec (db, sql, "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM certificate_revocation WHERE certificate_id = %" G_GINT64_FORMAT, certificate_id);
    g_assert_false (_ocop_db_exec (db, sql, "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM certificate WHERE id = %" G_GINT64_FORMAT, certificate_id);
    g_assert_false (_ocop_db_exec (db, sql, "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_false (_ocop_db_exec (db, "UPDATE certificate SET is_sample = 1", "update", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_false (_ocop_db_exec (db, "UPDATE signing_key SET is_sample = 1", "update", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_false (_ocop_db_exec (db, "DELETE FROM signing_key", "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_false (_ocop_db_exec (db, "DELETE FROM answer", "delete", &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
    g_clear_error (&error);
  }

  /* And the sample can be loaded again. */
  g_assert_true (ocop_sample_load (db, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&db));
}

/* A real meeting that scores a sample product keeps the sample in place: nothing is
 * removed at all. */
static void
test_remove_refused_when_referenced (void)
{
  g_autoptr(OcopDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(OcopCriteriaSet) set = NULL;
  gint64 sample_product;
  gboolean loaded;
  guint n;

  g_assert_true (ocop_sample_load (db, &error));
  g_assert_no_error (error);
  n = count_rows (db, "SELECT COUNT (*) FROM answer");

  set = ocop_db_load_criteria_set_by_code (db, "qd-1048-2019", &error);
  g_assert_no_error (error);
  council->name = g_strdup ("Hội đồng thật");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_1048;
  g_assert_true (ocop_db_save_council (db, council, &error));
  g_assert_no_error (error);
  meeting->council_id = council->id;
  meeting->set_id = set->id;
  meeting->date = g_strdup ("2022-12-01");
  g_assert_true (ocop_db_save_meeting (db, meeting, &error));
  g_assert_no_error (error);
  sample_product = count_rows (db, "SELECT MIN (id) FROM product WHERE is_sample = 1");
  g_assert_true (ocop_db_add_agenda_item (db, meeting->id, sample_product, &error));
  g_assert_no_error (error);

  g_assert_false (ocop_sample_remove (db, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (ocop_sample_is_loaded (db, &loaded, &error));
  g_assert_true (loaded);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM answer"), ==, n);
  g_assert_cmpuint (count_rows (db, "SELECT COUNT (*) FROM certificate WHERE is_sample = 1"), ==, 94);

  g_assert_finalize_object (g_steal_pointer (&db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/sample/report-figures", test_report_figures);
  g_test_add_func ("/ocop/sample/deterministic", test_deterministic);
  g_test_add_func ("/ocop/sample/remove-keeps-real-data", test_remove_keeps_real_data);
  g_test_add_func ("/ocop/sample/remove-refused-when-referenced", test_remove_refused_when_referenced);

  return g_test_run ();
}
