/* test-export.c: results export (CSV, XLSX) and the matrix's flags
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ocop-csv.h"
#include "ocop-export.h"
#include "ocop-result-flags.h"

/* Helpers */

static OcopMemberTotal *
member_total (gint64          member_id,
              const char     *name,
              OcopSheetState  state,
              double          total)
{
  OcopMemberTotal *t = g_new0 (OcopMemberTotal, 1);

  t->member_id = member_id;
  t->member_name = g_strdup (name);
  t->role = OCOP_ROLE_MEMBER;
  t->score_sheet_id = member_id * 100;
  t->state = state;
  t->total = total;

  return t;
}

static void
member_total_free (OcopMemberTotal *t)
{
  g_free (t->member_name);
  g_free (t);
}

static OcopProductResult *
product_result (const char  *code,
                const char  *name,
                double       score,
                int          stars,
                OcopOutcome  outcome,
                double       spread,
                guint        n_counted)
{
  OcopProductResult *r = g_new0 (OcopProductResult, 1);

  r->meeting_id = 1;
  r->product_id = g_str_hash (name);
  r->product_code = g_strdup (code);
  r->product_name = g_strdup (name);
  r->round = 1;
  r->computed = TRUE;
  r->score = score;
  r->stars = stars;
  r->outcome = outcome;
  r->spread = spread;
  r->n_counted = n_counted;
  r->reasons = g_strdup ("Average total 77,40 → 4 stars\nWithin the council's authority");
  r->member_totals = g_ptr_array_new_with_free_func ((GDestroyNotify) member_total_free);

  return r;
}

/* Two products: Chè with three submitted sheets; Bánh chưng where Bình is recused
 * (no sheet) and Cường's sheet is still a draft. */
static GPtrArray *
sample_results (void)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_result_free);
  OcopProductResult *r;

  r = product_result ("20-180-1-2022", "Chè đinh Tân Cương", 77.4, 4, OCOP_OUTCOME_RECOGNISED, 4.0, 3);
  g_ptr_array_add (r->member_totals, member_total (1, "Nguyễn Văn An", OCOP_SHEET_SUBMITTED, 79));
  g_ptr_array_add (r->member_totals, member_total (2, "Trần Thị Bình", OCOP_SHEET_SUBMITTED, 75.2));
  g_ptr_array_add (r->member_totals, member_total (3, "Lê Văn Cường", OCOP_SHEET_SUBMITTED, 78));
  g_ptr_array_add (results, r);

  r = product_result (NULL, "Bánh chưng \"Tranh Khúc\", loại 1", 69.999, 3, OCOP_OUTCOME_INCOMPLETE, 0.5, 1);
  g_ptr_array_add (r->member_totals, member_total (1, "Nguyễn Văn An", OCOP_SHEET_SUBMITTED, 69.999));
  g_ptr_array_add (r->member_totals, member_total (3, "Lê Văn Cường", OCOP_SHEET_DRAFT, 40));
  g_ptr_array_add (results, r);

  return results;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ocop-test-export-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static OcopCriteriaSet *
load_set (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  OcopCriteriaSet *set;

  if (g_str_has_prefix (name, "qd-"))
    {
      const char *dir = g_getenv ("OCOP_CRITERIA_DIR");

      g_assert_nonnull (dir);
      path = g_build_filename (dir, name, NULL);
    }
  else
    path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

/* Tests: export */

static void
test_member_letter (void)
{
  static const struct { guint index; const char *letter; } cases[] = {
    { 0, "A" }, { 1, "B" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" }, { 701, "ZZ" }, { 702, "AAA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *letter = ocop_export_member_letter (cases[i].index);

      g_assert_cmpstr (letter, ==, cases[i].letter);
    }
}

static void
test_truncate_score (void)
{
  /* Never rounded up across a band; binary noise (77.4 is 77.3999…) does not cost a
   * hundredth. */
  g_assert_cmpfloat_with_epsilon (ocop_export_truncate_score (69.999), 69.99, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_export_truncate_score (77.4), 77.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_export_truncate_score (91.305), 91.30, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_export_truncate_score (0), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ocop_export_truncate_score (-2.456), -2.45, 1e-9);
}

static void
test_list_members (void)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_result_free);
  g_autoptr(GPtrArray) members = NULL;
  OcopProductResult *r;

  /* Bình is recused from the first product: first seen in the second list, Bình
   * still goes between An and Cường. */
  r = product_result ("1", "One", 50, 3, OCOP_OUTCOME_RECOGNISED, 0, 2);
  g_ptr_array_add (r->member_totals, member_total (1, "An", OCOP_SHEET_SUBMITTED, 50));
  g_ptr_array_add (r->member_totals, member_total (3, "Cường", OCOP_SHEET_SUBMITTED, 50));
  g_ptr_array_add (results, r);
  r = product_result ("2", "Two", 50, 3, OCOP_OUTCOME_RECOGNISED, 0, 3);
  g_ptr_array_add (r->member_totals, member_total (1, "An", OCOP_SHEET_SUBMITTED, 50));
  g_ptr_array_add (r->member_totals, member_total (2, "Bình", OCOP_SHEET_SUBMITTED, 50));
  g_ptr_array_add (r->member_totals, member_total (3, "Cường", OCOP_SHEET_SUBMITTED, 50));
  g_ptr_array_add (results, r);

  members = ocop_export_list_members (results);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpstr (((OcopExportMember *) g_ptr_array_index (members, 0))->name, ==, "An");
  g_assert_cmpstr (((OcopExportMember *) g_ptr_array_index (members, 1))->name, ==, "Bình");
  g_assert_cmpstr (((OcopExportMember *) g_ptr_array_index (members, 2))->name, ==, "Cường");

  /* No sheets at all: no member columns. */
  g_ptr_array_set_size (results, 0);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = ocop_export_list_members (results);
  g_assert_cmpuint (members->len, ==, 0);
}

/* Reads @path back with the project's own CSV reader: rows of fields. */
static GPtrArray *
read_csv (const char *path,
          char     ***header)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_file (path, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **fields = NULL;

  g_assert_no_error (error);
  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  *header = g_strdupv ((char **) ocop_csv_reader_get_header (reader));
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ',');

  while (ocop_csv_reader_next (reader, &fields, &error))
    g_ptr_array_add (rows, g_steal_pointer (&fields));
  g_assert_no_error (error);

  return rows;
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) results = sample_results ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *raw = NULL;
  char **row;

  g_assert_true (ocop_export_results_csv (results, FALSE, path, &error));
  g_assert_no_error (error);

  /* Excel needs the BOM to read UTF-8. */
  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  g_assert_true (g_str_has_prefix (raw, OCOP_CSV_UTF8_BOM));

  rows = read_csv (path, &header);
  g_assert_cmpuint (g_strv_length (header), ==, 4 + 3 + 6);
  g_assert_cmpstr (header[2], ==, "Product");
  g_assert_cmpstr (header[4], ==, "Nguyễn Văn An");
  g_assert_cmpstr (header[5], ==, "Trần Thị Bình");
  g_assert_cmpstr (header[6], ==, "Lê Văn Cường");
  g_assert_cmpstr (header[8], ==, "Council score");

  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "1");
  g_assert_cmpstr (row[1], ==, "20-180-1-2022");
  g_assert_cmpstr (row[2], ==, "Chè đinh Tân Cương");
  g_assert_cmpstr (row[3], ==, "1");
  g_assert_cmpstr (row[4], ==, "79.00");
  g_assert_cmpstr (row[5], ==, "75.20");
  g_assert_cmpstr (row[6], ==, "78.00");
  g_assert_cmpstr (row[7], ==, "3");
  g_assert_cmpstr (row[8], ==, "77.40");
  g_assert_cmpstr (row[9], ==, "4.00");
  g_assert_cmpstr (row[10], ==, "4");
  g_assert_cmpstr (row[11], ==, ocop_outcome_get_label (OCOP_OUTCOME_RECOGNISED));
  g_assert_nonnull (strstr (row[12], "→ 4 stars\nWithin"));

  /* A quoted name with a comma survives; a recused member and a draft are empty; the
   * score is truncated, not rounded up into 4 stars. */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[2], ==, "Bánh chưng \"Tranh Khúc\", loại 1");
  g_assert_cmpstr (row[4], ==, "69.99");
  g_assert_cmpstr (row[5], ==, "");
  g_assert_cmpstr (row[6], ==, "");
  g_assert_cmpstr (row[8], ==, "69.99");
  g_assert_cmpstr (row[11], ==, ocop_outcome_get_label (OCOP_OUTCOME_INCOMPLETE));

  remove_dir (dir);
}

static void
test_csv_anonymised (void)
{
  g_autoptr(GPtrArray) results = sample_results ();
  g_autofree char *data = ocop_export_results_csv_data (results, TRUE);

  g_assert_nonnull (strstr (data, ",A,B,C,"));
  g_assert_null (strstr (data, "Nguyễn Văn An"));
  g_assert_null (strstr (data, "Trần Thị Bình"));
  /* The products are still named. */
  g_assert_nonnull (strstr (data, "Chè đinh Tân Cương"));
}

static void
test_csv_error (void)
{
  g_autoptr(GPtrArray) results = sample_results ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "results.csv", NULL);

  g_assert_false (ocop_export_results_csv (results, FALSE, path, &error));
  g_assert_error (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static char *
unzip_member (const char *path,
              const char *member)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  return out;
}

/* The number in cell @ref ("I4") of a worksheet's XML, or NAN. */
static double
cell_number (const char *xml,
             const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (xml, needle);
  const char *end;
  const char *value;

  if (cell == NULL || (end = strstr (cell, "</c>")) == NULL)
    return NAN;
  value = strstr (cell, "<v>");
  if (value == NULL || value > end)
    return NAN;

  return g_ascii_strtod (value + 3, NULL);
}

static void
test_xlsx (void)
{
  g_autoptr(GPtrArray) results = sample_results ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "results.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *magic = NULL;
  gsize length = 0;

  if (g_find_program_in_path ("unzip") == NULL)
    {
      g_test_skip ("unzip is not installed");
      remove_dir (dir);
      return;
    }

  g_assert_true (ocop_export_results_xlsx (results, FALSE, "Hội đồng tỉnh — 12/11/2022", path, &error));
  g_assert_no_error (error);

  /* A zip file ("PK\3\4") … */
  g_assert_true (g_file_get_contents (path, &magic, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpint (memcmp (magic, "PK\003\004", 4), ==, 0);

  /* … whose first worksheet holds the title, the names and the numbers. */
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "Hội đồng tỉnh — 12/11/2022"));
  g_assert_nonnull (strstr (sheet, "Chè đinh Tân Cương"));
  g_assert_nonnull (strstr (sheet, "Trần Thị Bình"));
  /* Title, blank row, heading: the products are rows 4 and 5; E–G the members, I the
   * council's score, truncated. */
  g_assert_cmpfloat_with_epsilon (cell_number (sheet, "E4"), 79, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (sheet, "F4"), 75.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (sheet, "I4"), 77.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (sheet, "K4"), 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (sheet, "I5"), 69.99, 1e-9);
  /* Bình has no sheet for the second product: an empty cell. */
  g_assert_true (isnan (cell_number (sheet, "F5")));

  remove_dir (dir);
}

static void
test_xlsx_error (void)
{
  g_autoptr(GPtrArray) results = sample_results ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "results.xlsx", NULL);

  g_assert_false (ocop_export_results_xlsx (results, TRUE, NULL, path, &error));
  g_assert_error (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "results.xlsx"));

  remove_dir (dir);
}

/* Tests: flags */

static void
test_flags_none (void)
{
  g_autoptr(OcopCriteriaSet) set = load_set ("qd-1048-2019.json");
  const double totals[] = { 80, 82, 78, 81, 79 };
  OcopResultFlags flags;

  ocop_result_flags_compute (set, totals, G_N_ELEMENTS (totals), &flags);
  g_assert_false (flags.spread_exceeded);
  g_assert_cmpfloat_with_epsilon (flags.spread, 4, 1e-9);
  g_assert_false (flags.near_boundary);
  g_assert_false (flags.fragile);
  g_assert_false (ocop_result_flags_any (&flags));

  /* No sheets: nothing to flag. */
  ocop_result_flags_compute (set, NULL, 0, &flags);
  g_assert_false (ocop_result_flags_any (&flags));
}

static void
test_flags_spread (void)
{
  g_autoptr(OcopCriteriaSet) set = load_set ("qd-1048-2019.json");
  const double exactly[] = { 60.01, 70.01 };
  const double above[] = { 60, 70.5, 65 };
  OcopResultFlags flags;

  /* Exactly 10 apart is allowed (binary noise and all). */
  ocop_result_flags_compute (set, exactly, G_N_ELEMENTS (exactly), &flags);
  g_assert_false (flags.spread_exceeded);

  ocop_result_flags_compute (set, above, G_N_ELEMENTS (above), &flags);
  g_assert_true (flags.spread_exceeded);
  g_assert_cmpfloat_with_epsilon (flags.spread, 10.5, 1e-9);
  g_assert_true (ocop_result_flags_any (&flags));
}

static void
test_flags_near_boundary (void)
{
  g_autoptr(OcopCriteriaSet) set = load_set ("qd-1048-2019.json");
  const double below[] = { 69.5, 69.0 };      /* 69.25: 0.75 under 70 */
  const double above[] = { 90.5, 91.5 };      /* 91: 1 over 90 */
  const double clear[] = { 88.5, 88.9 };      /* 88.7: 1.3 under 90 */
  OcopResultFlags flags;

  ocop_result_flags_compute (set, below, G_N_ELEMENTS (below), &flags);
  g_assert_true (flags.near_boundary);
  g_assert_cmpfloat_with_epsilon (flags.boundary, 70, 1e-9);

  ocop_result_flags_compute (set, above, G_N_ELEMENTS (above), &flags);
  g_assert_true (flags.near_boundary);
  g_assert_cmpfloat_with_epsilon (flags.boundary, 90, 1e-9);

  ocop_result_flags_compute (set, clear, G_N_ELEMENTS (clear), &flags);
  g_assert_false (flags.near_boundary);

  /* The first band's 0 is no boundary. */
  {
    const double zero[] = { 0.5 };

    ocop_result_flags_compute (set, zero, 1, &flags);
    g_assert_false (flags.near_boundary);
  }
}

static void
test_flags_fragile (void)
{
  g_autoptr(OcopCriteriaSet) set = load_set ("qd-1048-2019.json");
  /* Mean 70 (4 stars); without the 62 the others' mean is 72, without any 72 it is
   * 69.5 (3 stars). */
  const double totals[] = { 72, 72, 72, 72, 62 };
  const double one[] = { 71 };
  OcopResultFlags flags;

  ocop_result_flags_compute (set, totals, G_N_ELEMENTS (totals), &flags);
  g_assert_true (flags.fragile);
  g_assert_cmpuint (flags.fragile_index, ==, 0);
  g_assert_cmpint (flags.fragile_stars, ==, 3);
  g_assert_cmpuint (flags.n_fragile, ==, 4);

  /* One sheet has no "one fewer". */
  ocop_result_flags_compute (set, one, 1, &flags);
  g_assert_false (flags.fragile);
}

static void
test_disagreements (void)
{
  g_autoptr(OcopCriteriaSet) set = load_set ("criteria-example.json");
  const OcopSheet *sheet = ocop_criteria_set_find_sheet (set, "01");
  int a[7], b[7], c[7];
  OcopSheetAnswers answers[3] = { { a, FALSE, NULL }, { b, FALSE, NULL }, { c, FALSE, NULL } };
  g_autoptr(GArray) rows = NULL;
  int l11, l12a, l21, l22, l31, l32;
  const OcopDisagreement *row;

  g_assert_nonnull (sheet);
  g_assert_cmpuint (sheet->leaves->len, ==, 7);
  l11 = ocop_sheet_find_criterion (sheet, "1.1")->leaf_index;
  l12a = ocop_sheet_find_criterion (sheet, "1.2.a")->leaf_index;
  l21 = ocop_sheet_find_criterion (sheet, "2.1")->leaf_index;
  l22 = ocop_sheet_find_criterion (sheet, "2.2")->leaf_index;
  l31 = ocop_sheet_find_criterion (sheet, "3.1")->leaf_index;
  l32 = ocop_sheet_find_criterion (sheet, "3.2")->leaf_index;

  for (guint i = 0; i < 7; i++)
    a[i] = b[i] = c[i] = -1;
  /* 1.1: 2, 1, 2.  1.2.a: all 2.  2.1 (story): 1, 1, 0.  2.2: 2, 1, and 2 ticked by the
   * third member, who has no story, so it counts 0.  3.1: all 1.  3.2: 2, 2, 0. */
  a[l11] = 1; b[l11] = 0; c[l11] = 1;
  a[l12a] = b[l12a] = c[l12a] = 1;
  a[l21] = 1; b[l21] = 1; c[l21] = 0;
  a[l22] = 1; b[l22] = 0; c[l22] = 1;
  a[l31] = b[l31] = c[l31] = 1;
  a[l32] = 2; b[l32] = 2; c[l32] = 0;

  rows = ocop_result_disagreements (set, sheet, answers, 3, 3);
  g_assert_cmpuint (rows->len, ==, 3);

  row = &g_array_index (rows, OcopDisagreement, 0);
  g_assert_cmpstr (row->criterion->code, ==, "2.2");
  g_assert_cmpfloat_with_epsilon (row->spread, 2, 1e-9);
  g_assert_cmpuint (row->n_points, ==, 3);
  g_assert_cmpfloat_with_epsilon (row->points[0], 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->points[1], 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->points[2], 0, 1e-9);

  row = &g_array_index (rows, OcopDisagreement, 1);
  g_assert_cmpstr (row->criterion->code, ==, "3.2");
  row = &g_array_index (rows, OcopDisagreement, 2);
  g_assert_cmpstr (row->criterion->code, ==, "1.1");
  g_assert_cmpfloat_with_epsilon (row->lowest, 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->highest, 2, 1e-9);

  /* Without a limit, 2.1 follows; 1.2.a and 3.1, where all agree, never show. */
  g_clear_pointer (&rows, g_array_unref);
  rows = ocop_result_disagreements (set, sheet, answers, 3, 0);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (g_array_index (rows, OcopDisagreement, 3).criterion->code, ==, "2.1");

  /* One sheet disagrees with nobody. */
  g_clear_pointer (&rows, g_array_unref);
  rows = ocop_result_disagreements (set, sheet, answers, 1, 0);
  g_assert_cmpuint (rows->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/export/member-letter", test_member_letter);
  g_test_add_func ("/ocop/export/truncate-score", test_truncate_score);
  g_test_add_func ("/ocop/export/list-members", test_list_members);
  g_test_add_func ("/ocop/export/csv", test_csv);
  g_test_add_func ("/ocop/export/csv-anonymised", test_csv_anonymised);
  g_test_add_func ("/ocop/export/csv-error", test_csv_error);
  g_test_add_func ("/ocop/export/xlsx", test_xlsx);
  g_test_add_func ("/ocop/export/xlsx-error", test_xlsx_error);
  g_test_add_func ("/ocop/result-flags/none", test_flags_none);
  g_test_add_func ("/ocop/result-flags/spread", test_flags_spread);
  g_test_add_func ("/ocop/result-flags/near-boundary", test_flags_near_boundary);
  g_test_add_func ("/ocop/result-flags/fragile", test_flags_fragile);
  g_test_add_func ("/ocop/result-flags/disagreements", test_disagreements);

  return g_test_run ();
}
