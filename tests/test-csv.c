/* test-csv.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ocop-csv.h"

static OcopCsvReader *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  OcopCsvReader *reader = ocop_csv_reader_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);

  return reader;
}

/* Reads the next record and checks its line and fields. */
static void
assert_record (OcopCsvReader      *reader,
               guint               line,
               const char * const *expected)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ocop_csv_reader_get_line (reader), ==, line);
  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
}

static void
assert_end (OcopCsvReader *reader)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
  /* And it stays at the end. */
  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
}

#define ROW(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_semicolon_bom_crlf (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-semicolon-bom-crlf.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "csv-semicolon-bom-crlf.csv", NULL);
  g_autofree char *raw = NULL;
  const char * const *header;

  /* The fixture must keep its BOM and CRLF line ends (see .gitattributes). */
  g_assert_true (g_file_get_contents (path, &raw, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (raw, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (raw, "\r\n"));

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpuint (ocop_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (ocop_csv_reader_get_n_columns (reader), ==, 5);

  header = ocop_csv_reader_get_header (reader);
  g_assert_cmpstr (header[0], ==, "Mã số");   /* no BOM stuck to the first name */
  g_assert_cmpstr (header[4], ==, "Ngày đánh giá");
  g_assert_null (header[5]);

  assert_record (reader, 2,
                 ROW ("SP001", "Mật ong hoa nhãn", "HTX Đồng Tâm", "150.000", "12/11/2024"));
  assert_record (reader, 3,
                 ROW ("SP002", "Trà xanh; loại \"đặc biệt\"", "Tổ hợp tác Tân Cương",
                      "85.000", "1/2/2024"));
  /* Line 4 is Excel's empty ";;;;" row. The NFD "Nguyễn" of line 5 comes out in NFC. */
  assert_record (reader, 5,
                 ROW ("SP003", "Bánh chưng", "Hộ kinh doanh Nguyễn Văn A", "", "2024-11-12"));
  assert_end (reader);
}

static void
test_multiline (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-multiline.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ',');

  assert_record (reader, 2,
                 ROW ("A1", "Nước mắm", "Dòng 1\nDòng 2, có dấu phẩy\nDòng 3"));
  /* The record after the three-line field starts on line 5, not 3. */
  assert_record (reader, 5, ROW ("A2", "Chè \"Shan\" tuyết", "Bình thường"));
  assert_record (reader, 6, ROW ("A3", "Gạo", ""));
  assert_end (reader);
}

static void
test_tab (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-tab.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, '\t');
  assert_record (reader, 2, ROW ("T1", "Cà phê Buôn Ma Thuột", "1,5 kg"));
  assert_record (reader, 3, ROW ("T2", "Hạt điều", "500 g"));
  assert_end (reader);
}

static void
test_utf16 (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-utf16.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, '\t');
  g_assert_cmpstr (ocop_csv_reader_get_header (reader)[0], ==, "Mã");
  assert_record (reader, 2, ROW ("U1", "Nước mắm Phú Quốc"));
  assert_end (reader);
}

static void
test_columns (void)
{
  const char *data = "Mã số,Tên sản phẩm,Giá\r\nSP1,Mật ong,150000\r\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "a.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;

  /* Before the header, no columns are known. */
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "Giá"), ==, -1);
  g_assert_null (ocop_csv_reader_get_header (reader));

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ocop_csv_reader_find_column (reader, "Tên sản phẩm"), ==, 1);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "ten san pham"), ==, 1);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "TÊN  SẢN PHẨM "), ==, 1);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "ma so"), ==, 0);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "gia"), ==, 2);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, "Giá bán"), ==, -1);
  g_assert_cmpint (ocop_csv_reader_find_column (reader, ""), ==, -1);

  g_assert_true (ocop_csv_reader_require_columns (reader,
                                                  ROW ("ma so", "ten san pham", "GIÁ"),
                                                  &error));
  g_assert_no_error (error);

  g_assert_true (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ocop_csv_reader_get_field (reader, (const char * const *) fields,
                                              "ten san pham"), ==, "Mật ong");
  g_assert_cmpstr (ocop_csv_reader_get_field (reader, (const char * const *) fields,
                                              "Giá"), ==, "150000");
  g_assert_null (ocop_csv_reader_get_field (reader, (const char * const *) fields,
                                            "Chủ thể"));
}

static void
test_no_header (void)
{
  /* Without read_header () records of any length are fine. */
  const char *data = "a,b,c\nd\n\ne,f\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "x.csv");

  g_assert_cmpuint (ocop_csv_reader_get_line (reader), ==, 0);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, 0);
  assert_record (reader, 1, ROW ("a", "b", "c"));
  assert_record (reader, 2, ROW ("d"));
  assert_record (reader, 4, ROW ("e", "f"));
  assert_end (reader);
}

static void
test_details (void)
{
  /* Excel's "sep=" line, CR-only line ends, quotes inside unquoted fields, text after a
   * closing quote, a quoted CRLF (read as "\n"), trailing empty fields beyond the header
   * and no final newline. */
  const char *data =
    "sep=,\r\n"
    "a,b,c\r"
    "5\" screen,\"x\"y,\"1\r\n2\"\r"
    "1,2,3,,\r\n"
    "\"\",\"\"\"\",\"a,b\"";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "d.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ocop_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ',');
  assert_record (reader, 3, ROW ("5\" screen", "xy", "1\n2"));
  assert_record (reader, 5, ROW ("1", "2", "3"));
  assert_record (reader, 6, ROW ("", "\"", "a,b"));
  assert_end (reader);
}

static void
test_sep_line_semicolon (void)
{
  /* "sep=;" wins over the commas of the first data line. */
  const char *data = "sep=;\na,b;c\n1,5;2\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "s.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpstr (ocop_csv_reader_get_header (reader)[0], ==, "a,b");
  assert_record (reader, 3, ROW ("1,5", "2"));
  assert_end (reader);
}

static void
test_error_not_utf8 (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-not-utf8.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (ocop_csv_reader_read_header (reader, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "csv-not-utf8.csv, line 7: the text is not UTF-8; "
                   "save the file as “CSV UTF-8”");
}

static void
test_error_not_utf16 (void)
{
  /* A UTF-16 BOM followed by a lone high surrogate on the second line. */
  static const char data[] = "\xff\xfe" "a\0\n\0" "\x00\xd8" "b\0";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, sizeof data - 1,
                                                                    "u.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "u.csv, line 2: "));
  g_assert_null (fields);
}

static void
test_error_unterminated_quote (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-broken-quote.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  assert_record (reader, 2, ROW ("A1", "Nước mắm", "Tốt"));

  /* The quote opened on line 3 swallows the rest of the file. */
  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpstr (error->message, ==,
                   "csv-broken-quote.csv, line 3: the quotation mark that opens field 2 "
                   "(“name”) is never closed");
  g_assert_null (fields);
}

static void
test_error_unterminated_quote_no_header (void)
{
  const char *data = "a,b\n\n\"c\nd";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "q.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;

  assert_record (reader, 1, ROW ("a", "b"));
  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpstr (error->message, ==,
                   "q.csv, line 3: the quotation mark that opens field 1 is never closed");
}

static void
test_error_field_count (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-field-count.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  guint n = 0;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ocop_csv_reader_get_n_columns (reader), ==, 6);

  while (ocop_csv_reader_next (reader, &fields, &error))
    {
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_clear_pointer (&fields, g_strfreev);
      n++;
    }

  g_assert_cmpuint (n, ==, 10);   /* lines 2 to 11 */
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (error->message, ==,
                   "csv-field-count.csv, line 12: 5 fields, but the header has 6");
  g_assert_cmpuint (ocop_csv_reader_get_line (reader), ==, 12);
}

static void
test_error_field_count_extra (void)
{
  /* Extra non-empty fields are an error too; one field gets the singular message. */
  const char *data = "a;b\n1;2;3\n";
  const char *data2 = "a;b\nx\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "e.csv");
  g_autoptr(OcopCsvReader) reader2 = ocop_csv_reader_new_from_data (data2, -1, "e.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_false (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (error->message, ==, "e.csv, line 2: 3 fields, but the header has 2");

  g_assert_true (ocop_csv_reader_read_header (reader2, &error2));
  g_assert_no_error (error2);
  g_assert_false (ocop_csv_reader_next (reader2, &fields, &error2));
  g_assert_error (error2, OCOP_CSV_ERROR, OCOP_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (error2->message, ==, "e.csv, line 2: 1 field, but the header has 2");
}

static void
test_error_missing_columns (void)
{
  g_autoptr(OcopCsvReader) reader = open_fixture ("csv-semicolon-bom-crlf.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);

  g_assert_false (ocop_csv_reader_require_columns (reader,
                                                   ROW ("Mã số", "Hạng sao", "Tên sản phẩm"),
                                                   &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==,
                   "csv-semicolon-bom-crlf.csv, line 1: the header has no column “Hạng sao”");

  g_assert_false (ocop_csv_reader_require_columns (reader,
                                                   ROW ("Hạng sao", "Năm", "mã số"),
                                                   &error2));
  g_assert_error (error2, OCOP_CSV_ERROR, OCOP_CSV_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error2->message, ==,
                   "csv-semicolon-bom-crlf.csv, line 1: the header has no columns "
                   "“Hạng sao”, “Năm”");
}

static void
test_error_duplicate_column (void)
{
  const char *data = "\n\nMã,Tên,TEN\n1,2,3\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "dup.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (ocop_csv_reader_read_header (reader, &error));
  g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_DUPLICATE_COLUMN);
  g_assert_cmpstr (error->message, ==,
                   "dup.csv, line 3: the columns “Tên” and “TEN” have the same name");
}

static void
test_error_empty (void)
{
  static const char *fixtures[] = { "csv-empty.csv", "csv-bom-blank-lines.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(OcopCsvReader) reader = open_fixture (fixtures[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: the file is empty", fixtures[i]);

      g_assert_false (ocop_csv_reader_read_header (reader, &error));
      g_assert_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_EMPTY);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_header_only (void)
{
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data ("a,b\r\n", -1, "h.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  assert_end (reader);
}

static void
test_error_io (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv-missing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  g_assert_null (ocop_csv_reader_new_from_file (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  g_assert_null (ocop_csv_reader_new_from_gfile (file, NULL, &error2));
  g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_gfile (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv-tab.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_gfile (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ocop_csv_reader_get_display_name (reader), ==, "csv-tab.csv");
  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  assert_record (reader, 2, ROW ("T1", "Cà phê Buôn Ma Thuột", "1,5 kg"));
}

static void
test_field_error (void)
{
  const char *data = "Mã số;Giá\n\nSP1;15 nghìn\n";
  g_autoptr(OcopCsvReader) reader = ocop_csv_reader_new_from_data (data, -1, "giá.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);

  /* The column shows as the file spells it. */
  ocop_csv_reader_set_field_error (reader, &error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "gia", "“%s” is not a number", fields[1]);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "giá.csv, line 3, column “Giá”: “15 nghìn” is not a number");

  ocop_csv_reader_set_field_error (reader, &error2, G_IO_ERROR, G_IO_ERROR_FAILED,
                                   NULL, "duplicate product %s", fields[0]);
  g_assert_cmpstr (error2->message, ==, "giá.csv, line 3: duplicate product SP1");

  /* A NULL error is allowed, as everywhere in GLib. */
  ocop_csv_reader_set_field_error (reader, NULL, G_IO_ERROR, G_IO_ERROR_FAILED, NULL, "x");
}

static void
test_escape (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "Mật ong", "Mật ong" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "a;b", "\"a;b\"" },
    { "a\tb", "\"a\tb\"" },
    { "Chè \"Shan\"", "\"Chè \"\"Shan\"\"\"" },
    { "dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"" },
    { "a\r\nb", "\"a\r\nb\"" },
    { " lề", "\" lề\"" },
    { "lề ", "\"lề \"" },
  };
  g_autofree char *null_field = ocop_csv_escape_field (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = ocop_csv_escape_field (cases[i].in);

      g_assert_cmpstr (escaped, ==, cases[i].out);
    }

  g_assert_cmpstr (null_field, ==, "");
}

static void
test_write_read_round_trip (void)
{
  static const char *rows[][4] = {
    { "Mã", "Tên", "Mô tả", NULL },
    { "SP1", "Chè \"Shan\" tuyết", "dòng 1\ndòng 2, có phẩy", NULL },
    { "SP2", "", " ; ", NULL },
  };
  g_autoptr(GString) out = g_string_new (OCOP_CSV_UTF8_BOM);
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ocop_csv_append_row (out, rows[i]);

  g_assert_cmpstr (out->str, ==,
                   OCOP_CSV_UTF8_BOM "Mã,Tên,Mô tả\r\n"
                   "SP1,\"Chè \"\"Shan\"\" tuyết\",\"dòng 1\ndòng 2, có phẩy\"\r\n"
                   "SP2,,\" ; \"\r\n");

  reader = ocop_csv_reader_new_from_data (out->str, out->len, "export.csv");
  g_assert_true (ocop_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_csv_reader_get_delimiter (reader), ==, ',');
  assert_record (reader, 2, rows[1]);
  assert_record (reader, 4, rows[2]);
  assert_end (reader);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/csv/semicolon-bom-crlf", test_semicolon_bom_crlf);
  g_test_add_func ("/ocop/csv/multiline", test_multiline);
  g_test_add_func ("/ocop/csv/tab", test_tab);
  g_test_add_func ("/ocop/csv/utf16", test_utf16);
  g_test_add_func ("/ocop/csv/columns", test_columns);
  g_test_add_func ("/ocop/csv/no-header", test_no_header);
  g_test_add_func ("/ocop/csv/details", test_details);
  g_test_add_func ("/ocop/csv/sep-line", test_sep_line_semicolon);
  g_test_add_func ("/ocop/csv/header-only", test_header_only);
  g_test_add_func ("/ocop/csv/gfile", test_gfile);
  g_test_add_func ("/ocop/csv/error/not-utf8", test_error_not_utf8);
  g_test_add_func ("/ocop/csv/error/not-utf16", test_error_not_utf16);
  g_test_add_func ("/ocop/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/ocop/csv/error/unterminated-quote-no-header",
                   test_error_unterminated_quote_no_header);
  g_test_add_func ("/ocop/csv/error/field-count", test_error_field_count);
  g_test_add_func ("/ocop/csv/error/field-count-extra", test_error_field_count_extra);
  g_test_add_func ("/ocop/csv/error/missing-columns", test_error_missing_columns);
  g_test_add_func ("/ocop/csv/error/duplicate-column", test_error_duplicate_column);
  g_test_add_func ("/ocop/csv/error/empty", test_error_empty);
  g_test_add_func ("/ocop/csv/error/io", test_error_io);
  g_test_add_func ("/ocop/csv/field-error", test_field_error);
  g_test_add_func ("/ocop/csv/escape", test_escape);
  g_test_add_func ("/ocop/csv/round-trip", test_write_read_round_trip);

  return g_test_run ();
}
