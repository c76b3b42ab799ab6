/* test-import.c: registry, members and score sheets from files, all or nothing
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-import.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"

typedef struct
{
  char   *dir;
  OcopDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *criteria = g_build_filename (g_getenv ("OCOP_CRITERIA_DIR"), "qd-1048-2019.json", NULL);
  g_autoptr(OcopCriteriaSet) set = NULL;

  f->dir = g_dir_make_tmp ("ocop-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = ocop_db_open (":memory:", &error);
  g_assert_no_error (error);
  set = ocop_db_import_criteria_file (f->db, criteria, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->db);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static gint64
count_products (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = ocop_db_count_products (f->db, &error);

  g_assert_no_error (error);

  return n;
}

static void
test_producers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = write_file (f, "chu-the.csv",
    "Tên chủ thể;Loại hình;Địa chỉ;Xã;Huyện;Tỉnh\r\n"
    "HTX Chè Tân Cương;HTX;Xóm Soi;Tân Cương;TP Thái Nguyên;Thái Nguyên\r\n"
    "Công ty TNHH Mật ong Bảo Ngọc;Doanh nghiệp;;Tân Thuận;Cao Lãnh;Đồng Tháp\r\n"
    "Hộ kinh doanh Đặng Thị Đào;hộ kinh doanh;;Bình Dương;Thăng Bình;Quảng Nam\r\n"
    "Tổ hợp tác Rượu Vân Hà;THT;;Vân Hà;Việt Yên;Bắc Giang\r\n");
  g_autofree char *bad = write_file (f, "bad.csv",
    "name,subject type,province\n"
    "HTX A,cooperative,Hà Nội\n"
    ",enterprise,Hà Nội\n"
    "HTX C,công ty cổ phần đại chúng,Hà Nội\n"
    "HTX D,nhà nước,Hà Nội\n");
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopImportReport) rejected = NULL;
  g_autoptr(GPtrArray) producers = NULL;

  /* A file without one of the required columns is refused before any row is read. */
  {
    g_autofree char *no_type = write_file (f, "no-type.csv", "Tên chủ thể,Tỉnh\nHTX A,Hà Nội\n");

    report = ocop_import_producers_csv (f->db, no_type, NULL, &error);
    g_assert_null (report);
    g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE);
    g_assert_nonnull (strstr (error->message, "no-type.csv"));
    g_assert_nonnull (strstr (error->message, "subject type"));
    g_clear_error (&error);
  }

  report = ocop_import_producers_csv (f->db, bad, &rejected, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  /* The report lists each problem by line and column, for the import dialog. */
  g_assert_nonnull (rejected);
  g_assert_cmpuint (rejected->problems->len, ==, 2);
  g_assert_cmpuint (((OcopImportProblem *) g_ptr_array_index (rejected->problems, 0))->line, ==, 3);
  g_assert_cmpstr (((OcopImportProblem *) g_ptr_array_index (rejected->problems, 0))->field, ==, "name");
  g_assert_cmpuint (((OcopImportProblem *) g_ptr_array_index (rejected->problems, 1))->line, ==, 5);
  g_assert_cmpstr (((OcopImportProblem *) g_ptr_array_index (rejected->problems, 1))->field, ==, "subject type");
  g_assert_cmpuint (rejected->n_imported, ==, 0);
  /* Every bad row named, by line and column; the good one not imported either. */
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_assert_nonnull (strstr (error->message, "line 3, column “name”"));
  g_assert_nonnull (strstr (error->message, "line 5, column “subject type”"));
  g_assert_nonnull (strstr (error->message, "“nhà nước”"));
  g_assert_null (strstr (error->message, "line 4"));  /* "công ty …" is an enterprise */
  g_clear_error (&error);
  producers = ocop_db_search_producers (f->db, NULL, &error);
  g_assert_cmpuint (producers->len, ==, 0);
  g_clear_pointer (&producers, g_ptr_array_unref);

  report = ocop_import_producers_csv (f->db, good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_imported, ==, 4);

  producers = ocop_db_search_producers (f->db, "dao", &error);
  g_assert_cmpuint (producers->len, ==, 1);
  g_assert_cmpint (((OcopProducer *) g_ptr_array_index (producers, 0))->subject_type, ==, OCOP_SUBJECT_HOUSEHOLD);
  g_clear_pointer (&producers, g_ptr_array_unref);
  producers = ocop_db_search_producers (f->db, "van ha", &error);
  g_assert_cmpint (((OcopProducer *) g_ptr_array_index (producers, 0))->subject_type, ==, OCOP_SUBJECT_COOPERATIVE_GROUP);
}

static void
test_products (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_column = write_file (f, "no-set.csv", "Tên sản phẩm,Chủ thể\nChè,HTX\n");
  g_autofree char *broken = write_file (f, "broken.csv",
    "Tên sản phẩm,Bộ sản phẩm,Chủ thể,Loại hình\n"
    "Chè đinh,12,HTX Chè,HTX\n"
    "\"Bánh chưng,06,HTX Bánh,HTX\n");
  g_autofree char *bad = write_file (f, "bad-products.csv",
    "Mã sản phẩm,Tên sản phẩm,Bộ sản phẩm,Chủ thể,Loại hình,Số sao đề xuất,Năm\n"
    "20-180-1-2024,Chè đinh,12,HTX Chè,HTX,4,2024\n"
    "20-180-1-2024,Chè búp,12,HTX Chè,,4,2024\n"
    "20-180-x-2024,Bánh chưng,06,HTX Bánh,HTX,6,1990\n"
    ",Mật ong,04,Ông Ba,,,\n");
  g_autofree char *good = write_file (f, "products.csv",
    "Mã sản phẩm,Tên sản phẩm,Bộ sản phẩm,Chủ thể,Loại hình,Loại đánh giá,Năm\n"
    "20-180-1-2024,Chè đinh,12,HTX Chè,HTX,Mới,2024\n"
    "20-180-2-2024,Chè búp,Chè tươi chè chế biến,HTX Chè,,nâng hạng,2024\n"
    ",Bánh chưng,6,HTX Bánh,Hợp tác xã,đánh giá lại,\n");
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopProduct) product = NULL;

  report = ocop_import_products_csv (f->db, missing_column, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "no-set.csv"));
  g_assert_nonnull (strstr (error->message, "product set"));
  g_clear_error (&error);

  report = ocop_import_products_csv (f->db, broken, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "broken.csv, line 3"));
  g_clear_error (&error);

  report = ocop_import_products_csv (f->db, bad, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "line 3, column “Mã sản phẩm”"));   /* twice in the file */
  g_assert_nonnull (strstr (error->message, "line 4, column “Số sao đề xuất”"));
  g_assert_nonnull (strstr (error->message, "line 4, column “Năm”"));
  g_assert_nonnull (strstr (error->message, "line 5, column “Chủ thể”"));      /* unknown, no type */
  g_clear_error (&error);
  g_assert_cmpint (count_products (f), ==, 0);

  report = ocop_import_products_csv (f->db, good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpuint (report->n_created, ==, 2);     /* HTX Chè once, HTX Bánh */
  g_assert_cmpint (count_products (f), ==, 3);

  product = ocop_db_find_product_by_code (f->db, "20-180-2-2024", &error);
  g_assert_nonnull (product);
  g_assert_cmpstr (product->product_set, ==, "12");   /* by the sheet's name */
  g_assert_cmpint (product->evaluation_type, ==, OCOP_EVALUATION_UPGRADE);

  /* The same file again: its codes are taken now, so nothing more is written. */
  g_clear_pointer (&report, ocop_import_report_free);
  report = ocop_import_products_csv (f->db, good, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "already the code of “Chè đinh”"));
  g_clear_error (&error);
  g_assert_cmpint (count_products (f), ==, 3);
}

/* A council of 4 (3 score), a meeting with one product of sheet 07. */
static gint64
make_meeting (Fixture *f,
              gint64  *product_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *products = write_file (f, "p.csv",
    "Mã sản phẩm,Tên sản phẩm,Bộ sản phẩm,Chủ thể,Loại hình\n"
    "20-180-7-2022,Mứt gừng Đức Thọ,07,Công ty TNHH Đức Thọ Xanh,DN\n");
  g_autofree char *members = write_file (f, "m.csv",
    "Họ và tên,Vai trò\n"
    "Nguyễn Văn An,Chủ tịch Hội đồng\n"
    "Trần Thị Bình,Phó Chủ tịch thường trực\n"
    "Lê Văn Cường,Ủy viên\n"
    "Đỗ Thị Giang,Ủy viên kiêm Thư ký\n");
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(OcopProduct) product = NULL;
  g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set_by_code (f->db, "qd-1048-2019", &error);
  g_autoptr(GPtrArray) list = NULL;

  report = ocop_import_products_csv (f->db, products, NULL, &error);
  g_assert_no_error (error);
  product = ocop_db_find_product_by_code (f->db, "20-180-7-2022", &error);
  *product_id = product->id;

  council->name = g_strdup ("Hội đồng tỉnh");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_1048;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, ocop_import_report_free);
  report = ocop_import_members_csv (f->db, council->id, members, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 4);

  list = ocop_db_list_members (f->db, council->id, &error);
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (list, 0))->role, ==, OCOP_ROLE_CHAIR);
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (list, 1))->role, ==, OCOP_ROLE_VICE_CHAIR);
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (list, 2))->role, ==, OCOP_ROLE_MEMBER);
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (list, 3))->role, ==, OCOP_ROLE_SECRETARY);

  meeting->council_id = council->id;
  meeting->set_id = set->id;
  meeting->date = g_strdup ("2022-11-12");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_add_agenda_item (f->db, meeting->id, product->id, &error));
  for (guint i = 0; i < list->len; i++)
    g_assert_true (ocop_db_set_attendance (f->db, meeting->id, ((OcopMember *) g_ptr_array_index (list, i))->id,
                                           TRUE, &error));
  g_assert_no_error (error);

  return meeting->id;
}

/* Sheet 07 answered with the first option everywhere except 1.1 → option 3 (3 points). */
static char *
sheet_rows (const char *member)
{
  static const char *codes[] = { "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
                                 "3.1", "3.2.a", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1",
                                 "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7", "8.1",
                                 "8.2", "9", "10" };
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_string_append_printf (str, "%s,20-180-7-2022,%s,%s\n", member, codes[i], i == 0 ? "3" : "2");

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
test_members_bad_role (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = write_file (f, "members-bad.csv", "name,role\nA,chair\nB,khách mời\n,member\n");
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GPtrArray) members = NULL;

  council->name = g_strdup ("Hội đồng huyện");
  council->level = OCOP_LEVEL_DISTRICT;
  council->regime = OCOP_REGIME_148;
  g_assert_true (ocop_db_save_council (f->db, council, &error));

  report = ocop_import_members_csv (f->db, council->id, bad, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "line 3, column “role”: “khách mời”"));
  g_assert_nonnull (strstr (error->message, "line 4, column “name”"));
  g_clear_error (&error);

  members = ocop_db_list_members (f->db, council->id, &error);
  g_assert_cmpuint (members->len, ==, 0);
}

static void
test_sheets_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product_id = 0;
  gint64 meeting_id = make_meeting (f, &product_id);
  g_autofree char *an = sheet_rows ("Nguyễn Văn An");
  g_autofree char *binh = sheet_rows ("tran thi binh");      /* names match like search */
  g_autofree char *cuong = sheet_rows ("Lê Văn Cường");
  g_autofree char *good_text = g_strconcat ("member,product,criterion,option\n", an, binh, cuong, NULL);
  g_autofree char *good = write_file (f, "sheets.csv", good_text);
  g_autofree char *bad = write_file (f, "sheets-bad.csv",
    "member,product,criterion,option,points\n"
    "Nguyễn Văn An,20-180-7-2022,1.1,3,3\n"
    "Người Lạ,20-180-7-2022,1.1,1,\n"
    "Nguyễn Văn An,20-180-9-2022,1.1,1,\n"
    "Nguyễn Văn An,20-180-7-2022,11.1,1,\n"
    "Nguyễn Văn An,20-180-7-2022,1.2,9,\n"
    "Nguyễn Văn An,20-180-7-2022,1.3,1,4\n"
    "Nguyễn Văn An,20-180-7-2022,1.1,2,\n"
    "Nguyễn Văn An,20-180-7-2022,3.2,1,\n");
  g_autofree char *secretary_text = g_strconcat ("member,product,criterion,option\n",
                                                 an, "Đỗ Thị Giang,20-180-7-2022,1.1,1\n", NULL);
  g_autofree char *secretary = write_file (f, "sheets-secretary.csv", secretary_text);
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  OcopCouncilResult result = { 0 };

  report = ocop_import_sheets (f->db, meeting_id, bad, TRUE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "line 3, column “member”: “Người Lạ” is not a member"));
  g_assert_nonnull (strstr (error->message, "line 4, column “product”: “20-180-9-2022” is not on the meeting's agenda"));
  g_assert_nonnull (strstr (error->message, "line 5, column “criterion”"));
  g_assert_nonnull (strstr (error->message, "line 6, column “option”"));
  g_assert_nonnull (strstr (error->message, "line 7: option 1 of criterion 1.3 scores 1 points, not 4"));
  g_assert_nonnull (strstr (error->message, "line 8, column “criterion”: criterion 1.1 is answered twice"));
  g_assert_nonnull (strstr (error->message, "line 9, column “criterion”: criterion “3.2”"));
  g_clear_error (&error);
  sheets = ocop_db_list_score_sheets (f->db, meeting_id, product_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 0);
  g_clear_pointer (&sheets, g_ptr_array_unref);

  /* The secretary does not score in this council: the whole file is refused,
   * including the chair's good sheet. */
  report = ocop_import_sheets (f->db, meeting_id, secretary, TRUE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "Đỗ Thị Giang"));
  g_clear_error (&error);
  sheets = ocop_db_list_score_sheets (f->db, meeting_id, product_id, 0, &error);
  g_assert_cmpuint (sheets->len, ==, 0);
  g_clear_pointer (&sheets, g_ptr_array_unref);

  report = ocop_import_sheets (f->db, meeting_id, good, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpuint (report->n_submitted, ==, 3);

  sheets = ocop_db_list_score_sheets (f->db, meeting_id, product_id, 0, &error);
  g_assert_cmpuint (sheets->len, ==, 3);
  for (guint i = 0; i < sheets->len; i++)
    {
      const OcopScoreSheet *sheet = g_ptr_array_index (sheets, i);

      g_assert_cmpint (sheet->state, ==, OCOP_SHEET_SUBMITTED);
      g_assert_cmpint (sheet->options[0], ==, 2);
    }

  g_assert_true (ocop_db_compute_result (f->db, meeting_id, product_id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_counted, ==, 3);
  g_assert_cmpfloat (result.spread, ==, 0);
  ocop_council_result_clear (&result);
}

static void
test_sheets_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product_id = 0;
  gint64 meeting_id = make_meeting (f, &product_id);
  g_autofree char *json = write_file (f, "sheets.json",
    "{\"sheets\": [{\"member\": \"Nguyễn Văn An\", \"product\": \"Mứt gừng Đức Thọ\","
    "  \"answers\": {\"1.1\": 3, \"1.2\": \"2\"}, \"knocked_out\": true,"
    "  \"comment\": \"Hồ sơ thiếu phiếu kiểm nghiệm\", \"entered_by\": \"Đỗ Thị Giang\"}]}");
  g_autofree char *not_json = write_file (f, "broken.json", "{\"sheets\": [");
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  const OcopScoreSheet *sheet;

  report = ocop_import_sheets (f->db, meeting_id, not_json, TRUE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);

  report = ocop_import_sheets (f->db, meeting_id, json, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_submitted, ==, 0);     /* incomplete: stays a draft */

  sheets = ocop_db_list_score_sheets (f->db, meeting_id, product_id, 0, &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_DRAFT);
  g_assert_true (sheet->knocked_out);
  g_assert_cmpstr (sheet->comment, ==, "Hồ sơ thiếu phiếu kiểm nghiệm");
  g_assert_cmpstr (sheet->entered_by, ==, "Đỗ Thị Giang");
  g_assert_cmpint (sheet->options[0], ==, 2);
  g_assert_cmpint (sheet->options[1], ==, 1);
  g_assert_cmpint (sheet->options[2], ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ocop/import/producers", Fixture, NULL, fixture_set_up, test_producers, fixture_tear_down);
  g_test_add ("/ocop/import/products", Fixture, NULL, fixture_set_up, test_products, fixture_tear_down);
  g_test_add ("/ocop/import/members-bad-role", Fixture, NULL, fixture_set_up, test_members_bad_role, fixture_tear_down);
  g_test_add ("/ocop/import/sheets-csv", Fixture, NULL, fixture_set_up, test_sheets_csv, fixture_tear_down);
  g_test_add ("/ocop/import/sheets-json", Fixture, NULL, fixture_set_up, test_sheets_json, fixture_tear_down);

  return g_test_run ();
}
