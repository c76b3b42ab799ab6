/* bench-core.c: the model at national scale
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a database the size of a whole country's register (15,000 products, 150,000
 * score sheets with every answer), then measures what a council feels: a tick (stored
 * in its own transaction, with the sheet's total recomputed), searching the register,
 * computing a meeting's results, opening the file. Not a test: it prints numbers and
 * the targets beside them, and exits non-zero when a target is missed.
 *
 *   bench-core [--scale 0.1] [--keep FILE]
 *
 * --scale 1 is the national size (about 2 minutes and 1.5 GB on 2 cores);
 * the default 0.1 takes a few seconds.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-stats.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int n_missed;

static void
report (const char *what,
        double      value_ms,
        double      target_ms)
{
  gboolean ok = value_ms <= target_ms;

  g_print ("%-52s %10.3f ms   (target %g ms) %s\n", what, value_ms, target_ms, ok ? "" : "MISSED");
  if (!ok)
    n_missed++;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
check (gboolean    ok,
       GError     *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *criteria = NULL;
  g_autofree char *keep = NULL;
  double scale = 0.1;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Share of the national size (1 = 15,000 products)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the database here and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  guint n_products, n_meetings, members_per_meeting = 10, products_per_meeting = 75;
  gint64 sheet_for_ticks = 0;
  gint64 meeting_for_results = 0;
  const OcopSheet *sheet;
  double t0, t;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  n_products = MAX (100, (guint) (15000 * scale));
  /* 150,000 sheets = 200 meetings × 75 products × 10 members. */
  n_meetings = MAX (1, (guint) (200 * scale));

  dir = g_dir_make_tmp ("ocop-bench-XXXXXX", &error);
  path = keep ? g_strdup (keep) : g_build_filename (dir, "ocop.db", NULL);
  db = ocop_db_open (path, &error);
  check (db != NULL, error);

  criteria = g_build_filename (g_getenv ("OCOP_CRITERIA_DIR") ? g_getenv ("OCOP_CRITERIA_DIR")
                                                              : OCOP_SOURCE_CRITERIA_DIR,
                               "qd-1048-2019.json", NULL);
  set = ocop_db_import_criteria_file (db, criteria, &error);
  check (set != NULL, error);
  sheet = ocop_criteria_set_find_sheet (set, "07");

  g_print ("Building %u products, %u meetings, %u score sheets …\n",
           n_products, n_meetings, n_meetings * products_per_meeting * members_per_meeting);
  t0 = now_ms ();

  check (ocop_db_begin (db, &error), error);
  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(OcopProducer) producer = NULL;
      g_autoptr(OcopProduct) product = ocop_product_new ();
      static const char *names[] = { "Bánh chưng", "Chè búp", "Mật ong", "Nước mắm", "Rượu",
                                     "Cà phê", "Gạo thơm", "Đường phèn", "Miến dong", "Mứt gừng" };

      if (i % 3 == 0)
        {
          producer = ocop_producer_new ();
          producer->name = g_strdup_printf ("HTX Sản xuất số %u", i / 3);
          producer->subject_type = (OcopSubjectType) (i % OCOP_SUBJECT_N);
          producer->province = g_strdup_printf ("Tỉnh %u", i % 63);
          check (ocop_db_save_producer (db, producer, &error), error);
        }

      product->name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      product->code = g_strdup_printf ("%u-%u-%u-2024", i % 63 + 1, i % 700 + 1, i + 1);
      product->product_set = g_strdup ("07");
      product->producer_id = i / 3 + 1;
      check (ocop_db_save_product (db, product, &error), error);
    }
  check (ocop_db_commit (db, &error), error);
  report ("building the register (all products, one transaction)", now_ms () - t0, 60000 * MAX (scale, 0.1));

  /* Meetings with every sheet answered, written in bulk through SQL: generating 150,000
   * sheets tick by tick is not what is measured here. */
  t0 = now_ms ();
  check (ocop_db_begin (db, &error), error);
  for (guint m = 0; m < n_meetings; m++)
    {
      g_autoptr(OcopCouncil) council = ocop_council_new ();
      g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));

      council->name = g_strdup_printf ("Hội đồng %u", m);
      council->level = OCOP_LEVEL_PROVINCE;
      council->regime = OCOP_REGIME_1048;
      check (ocop_db_save_council (db, council, &error), error);

      for (guint k = 0; k < members_per_meeting; k++)
        {
          g_autoptr(OcopMember) member = ocop_member_new ();

          member->council_id = council->id;
          member->name = g_strdup_printf ("Thành viên %u", k);
          member->role = k == 0 ? OCOP_ROLE_CHAIR : OCOP_ROLE_MEMBER;
          check (ocop_db_add_member (db, member, &error), error);
          g_array_append_val (members, member->id);
        }

      meeting->council_id = council->id;
      meeting->set_id = set->id;
      meeting->date = g_strdup ("2022-11-12");
      check (ocop_db_save_meeting (db, meeting, &error), error);
      for (guint k = 0; k < members->len; k++)
        check (ocop_db_set_attendance (db, meeting->id, g_array_index (members, gint64, k), TRUE, &error), error);

      for (guint p = 0; p < products_per_meeting; p++)
        {
          gint64 product_id = (m * products_per_meeting + p) % n_products + 1;

          check (ocop_db_add_agenda_item (db, meeting->id, product_id, &error), error);

          for (guint k = 0; k < members->len; k++)
            {
              g_autoptr(OcopScoreSheet) score_sheet =
                ocop_db_open_score_sheet (db, meeting->id, g_array_index (members, gint64, k), product_id, 0, &error);
              sqlite3_stmt *stmt;

              check (score_sheet != NULL, error);
              stmt = _ocop_db_prepare (db,
                                       "INSERT INTO answer (score_sheet_id, criterion_id, option_id, answered_at)"
                                       " SELECT ?1, c.id, o.id, 'x' FROM criterion c"
                                       " JOIN criterion_option o ON o.criterion_id = c.id"
                                       " AND o.ordinal = (?1 + c.leaf_index) % (SELECT count(*) FROM criterion_option WHERE criterion_id = c.id)"
                                       " WHERE c.sheet_id = ?2 AND c.leaf_index IS NOT NULL",
                                       &error);
              check (stmt != NULL, error);
              sqlite3_bind_int64 (stmt, 1, score_sheet->id);
              sqlite3_bind_int64 (stmt, 2, score_sheet->sheet_id);
              check (_ocop_db_exec_stmt (db, stmt, "bulk answers", &error), error);
              if (sheet_for_ticks == 0)
                sheet_for_ticks = score_sheet->id;
            }
        }
      meeting_for_results = meeting->id;
    }
  check (ocop_db_commit (db, &error), error);
  g_print ("%-52s %10.0f ms\n", "building the meetings and sheets (bulk)", now_ms () - t0);

  /* A tick: one answer stored in its own transaction, the total recomputed. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    guint n = 1000;

    for (guint i = 0; i < n; i++)
      {
        const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, i % sheet->leaves->len);

        t = now_ms ();
        check (ocop_db_tick (db, sheet_for_ticks, leaf->leaf_index, i % leaf->options->len, &error), error);
        t = now_ms () - t;
        g_array_append_val (times, t);
      }
    g_array_sort (times, compare_double);
    report ("tick: stored and total recomputed, median", g_array_index (times, double, n / 2), 1.0);
    report ("tick: 99th percentile", g_array_index (times, double, n * 99 / 100), 16.0);
  }

  /* Scoring a sheet alone (what the form does on every tick). */
  {
    g_autoptr(OcopScoreSheet) score_sheet = ocop_db_get_score_sheet (db, sheet_for_ticks, &error);
    OcopSheetAnswers answers;
    guint n = 10000;

    check (score_sheet != NULL, error);
    ocop_score_sheet_get_answers (score_sheet, &answers);
    t = now_ms ();
    for (guint i = 0; i < n; i++)
      {
        OcopSheetScore score = { 0 };

        ocop_rating_score_sheet (set, sheet, &answers, &score);
        ocop_sheet_score_clear (&score);
      }
    report ("engine: one sheet's totals and stars", (now_ms () - t) / n, 0.1);
  }

  {
    g_autoptr(GPtrArray) found = NULL;

    t = now_ms ();
    found = ocop_db_search_products (db, NULL, &error);
    check (found != NULL, error);
    report ("register: every product, in Vietnamese order", now_ms () - t, 1000);
    g_clear_pointer (&found, g_ptr_array_unref);

    t = now_ms ();
    found = ocop_db_search_products (db, "banh chung 1", &error);
    check (found != NULL, error);
    report ("register: search “banh chung 1” (no diacritics)", now_ms () - t, 200);
  }

  t = now_ms ();
  check (ocop_db_compute_meeting_results (db, meeting_for_results, &error), error);
  report ("results: a 75-product × 10-member meeting", now_ms () - t, 2000);

  {
    g_autoptr(GPtrArray) results = NULL;

    t = now_ms ();
    results = ocop_db_list_results (db, meeting_for_results, &error);
    check (results != NULL, error);
    report ("results: the secretary's matrix, read", now_ms () - t, 100);
  }

  {
    g_autoptr(OcopStats) stats = NULL;
    OcopStatsQuery query = { "2019-01-01", "2022-12-31", "2023-06-02", NULL, NULL };

    t = now_ms ();
    stats = ocop_db_compute_stats (db, &query, &error);
    check (stats != NULL, error);
    report ("statistics: every figure of the provincial report", now_ms () - t, 200);
  }

  g_assert_finalize_object (g_steal_pointer (&db));

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      g_print ("%-52s %10.1f MB\n", "database file", st.st_size / 1e6);
  }

  t = now_ms ();
  db = ocop_db_open (path, &error);
  check (db != NULL, error);
  report ("opening the database (checks included)", now_ms () - t, 2000);
  g_clear_object (&db);

  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  g_print ("%s\n", n_missed == 0 ? "all targets met" : "some targets missed");

  return n_missed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
