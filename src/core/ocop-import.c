/* ocop-import.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each import reads and checks the whole file before it writes anything, then writes
 * it in one transaction: a file is taken whole or not at all.
 */

#define G_LOG_DOMAIN "ocop-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-csv.h"
#include "ocop-import.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-text.h"

G_DEFINE_QUARK (ocop-import-error-quark, ocop_import_error)

/* How many problems the error message lists; the report has them all. */
#define MAX_PROBLEMS_IN_MESSAGE 10

OcopImportReport *
ocop_import_report_new (const char *file)
{
  OcopImportReport *report = g_new0 (OcopImportReport, 1);

  report->file = g_strdup (file);
  report->problems = g_ptr_array_new_with_free_func (g_free);

  return report;
}

static void
problem_free (OcopImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

void
ocop_import_report_free (OcopImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->file);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

static void
add_problem (OcopImportReport *report,
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

  if (report->problems->len == 0)
    g_ptr_array_set_free_func (report->problems, (GDestroyNotify) problem_free);

  problem->line = line;
  problem->field = g_strdup (field);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (report->problems, problem);
}

/* Turns the report's problems into one error that names the file, and each problem's
 * line and column; hands the report itself to @rejected when asked for. */
static void
set_rows_error (OcopImportReport **report_ptr,
                OcopImportReport **rejected,
                GError           **error)
{
  OcopImportReport *report = *report_ptr;
  g_autoptr(GString) str = g_string_new (NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  guint n_lines;

  for (guint i = 0; i < report->problems->len; i++)
    {
      const OcopImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_hash_table_add (lines, GUINT_TO_POINTER (problem->line));
    }
  n_lines = g_hash_table_size (lines);

  g_string_append_printf (str,
                          /* Translators: %1$s is a file name, %2$u a number of rows */
                          ngettext ("%1$s: %2$u row was rejected, so nothing was imported:",
                                    "%1$s: %2$u rows were rejected, so nothing was imported:",
                                    n_lines),
                          report->file, n_lines);

  for (guint i = 0; i < report->problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
    {
      const OcopImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_string_append (str, "\n");
      if (problem->field != NULL)
        g_string_append_printf (str,
                                /* Translators: %1$u is a line number, %2$s a column name,
                                 * %3$s what is wrong there */
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
                              ngettext ("… and %u more problem", "… and %u more problems", more),
                              more);
    }

  g_set_error_literal (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS, str->str);

  if (rejected != NULL)
    *rejected = g_steal_pointer (report_ptr);
}

/* ---- columns ---- */

typedef struct
{
  const char *key;
  const char *aliases[8];
} Column;

/* Finds the first alias present in the header; -1 when none is. */
static int
find_column (OcopCsvReader *reader,
             const Column  *column,
             const char   **label)
{
  for (guint i = 0; column->aliases[i] != NULL; i++)
    {
      int index = ocop_csv_reader_find_column (reader, column->aliases[i]);

      if (index >= 0)
        {
          *label = ocop_csv_reader_get_header (reader)[index];
          return index;
        }
    }

  return -1;
}

typedef struct
{
  int         index;
  const char *label;
} Found;

static const char *
field_at (char  **fields,
          Found  *found)
{
  const char *value;

  if (found->index < 0)
    return NULL;

  value = fields[found->index];

  return (value != NULL && *value != '\0') ? value : NULL;
}

static char *
field_dup (char  **fields,
           Found  *found)
{
  g_autofree char *normal = ocop_text_normalize (field_at (fields, found));

  if (normal == NULL || *normal == '\0')
    return NULL;

  return g_steal_pointer (&normal);
}

static void
missing_column_error (const char    *file,
                      const Column  *column,
                      GError       **error)
{
  g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
               /* Translators: %1$s is a file name; %2$s and %3$s are column names */
               _("%1$s: the header has no column “%2$s” (or “%3$s”)"),
               file, column->aliases[0], column->aliases[1]);
}

/* Where each of @columns is in the reader's header (index -1 and the English name as
 * the label when it is not there). */
static void
find_columns (OcopCsvReader *reader,
              const Column  *columns,
              guint          n_columns,
              Found         *found)
{
  for (guint i = 0; i < n_columns; i++)
    {
      found[i].index = find_column (reader, &columns[i], &found[i].label);
      if (found[i].index < 0)
        found[i].label = columns[i].aliases[0];
    }
}

/* Opens the file, reads its header and finds @columns in it; a file without one of the
 * columns named in @required (NULL-terminated keys) is refused. */
static OcopCsvReader *
open_csv (const char         *path,
          const Column       *columns,
          guint               n_columns,
          Found              *found,
          const char * const *required,
          GError            **error)
{
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  reader = ocop_csv_reader_new_from_file (path, &local_error);
  if (reader == NULL || !ocop_csv_reader_read_header (reader, &local_error))
    {
      g_set_error_literal (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE, local_error->message);
      return NULL;
    }

  find_columns (reader, columns, n_columns, found);

  for (guint i = 0; i < n_columns; i++)
    {
      if (found[i].index < 0 && g_strv_contains (required, columns[i].key))
        {
          missing_column_error (ocop_csv_reader_get_display_name (reader), &columns[i], error);
          return NULL;
        }
    }

  return g_steal_pointer (&reader);
}

/* Reads every record; a broken record (bad quoting, wrong field count) rejects the file. */
static gboolean
read_all (OcopCsvReader  *reader,
          GPtrArray      *rows,
          GArray         *lines,
          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char **fields = NULL;

  while (ocop_csv_reader_next (reader, &fields, &local_error))
    {
      guint line = ocop_csv_reader_get_line (reader);

      g_ptr_array_add (rows, fields);
      g_array_append_val (lines, line);
    }

  if (local_error != NULL)
    {
      g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                   /* Translators: %s says where and what is wrong in the file */
                   _("%s; nothing was imported"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ---- values ---- */

typedef struct
{
  const char *folded;
  int         value;
} Word;

/* Values as people write them in registers: "HTX", "Hợp tác xã", "cooperative". The
 * longest match wins ("phó chủ tịch" before "chủ tịch"). */
static gboolean
parse_words (const char *text,
             const Word *words,
             guint       n_words,
             int        *value)
{
  g_autofree char *folded = ocop_text_fold (text);
  gsize best_len = 0;

  if (folded == NULL)
    return FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      gsize len = strlen (words[i].folded);
      const char *hit = strstr (folded, words[i].folded);

      if (hit == NULL || len <= best_len)
        continue;
      /* Whole words only: "dn" must not match inside "dinh". */
      if ((hit != folded && g_ascii_isalnum (hit[-1])) || g_ascii_isalnum (hit[len]))
        continue;

      *value = words[i].value;
      best_len = len;
    }

  return best_len > 0;
}

static const Word subject_words[] = {
  { "cooperative", OCOP_SUBJECT_COOPERATIVE },
  { "hop tac xa", OCOP_SUBJECT_COOPERATIVE },
  { "htx", OCOP_SUBJECT_COOPERATIVE },
  { "enterprise", OCOP_SUBJECT_ENTERPRISE },
  { "company", OCOP_SUBJECT_ENTERPRISE },
  { "doanh nghiep", OCOP_SUBJECT_ENTERPRISE },
  { "cong ty", OCOP_SUBJECT_ENTERPRISE },
  { "dn", OCOP_SUBJECT_ENTERPRISE },
  { "cooperative-group", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "cooperative group", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "to hop tac", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "tht", OCOP_SUBJECT_COOPERATIVE_GROUP },
  { "household", OCOP_SUBJECT_HOUSEHOLD },
  { "ho kinh doanh", OCOP_SUBJECT_HOUSEHOLD },
  { "ho san xuat", OCOP_SUBJECT_HOUSEHOLD },
  { "ho gia dinh", OCOP_SUBJECT_HOUSEHOLD },
  { "co so san xuat", OCOP_SUBJECT_HOUSEHOLD },
  { "hkd", OCOP_SUBJECT_HOUSEHOLD },
};

static const Word evaluation_words[] = {
  { "new", OCOP_EVALUATION_NEW },
  { "moi", OCOP_EVALUATION_NEW },
  { "upgrade", OCOP_EVALUATION_UPGRADE },
  { "nang hang", OCOP_EVALUATION_UPGRADE },
  { "nang sao", OCOP_EVALUATION_UPGRADE },
  { "nang cap", OCOP_EVALUATION_UPGRADE },
  { "re-evaluation", OCOP_EVALUATION_RE_EVALUATION },
  { "danh gia lai", OCOP_EVALUATION_RE_EVALUATION },
  { "cong nhan lai", OCOP_EVALUATION_RE_EVALUATION },
};

static const Word role_words[] = {
  { "chair", OCOP_ROLE_CHAIR },
  { "chu tich", OCOP_ROLE_CHAIR },
  { "vice-chair", OCOP_ROLE_VICE_CHAIR },
  { "vice chair", OCOP_ROLE_VICE_CHAIR },
  { "pho chu tich", OCOP_ROLE_VICE_CHAIR },
  { "member", OCOP_ROLE_MEMBER },
  { "uy vien", OCOP_ROLE_MEMBER },
  { "thanh vien", OCOP_ROLE_MEMBER },
  { "secretary", OCOP_ROLE_SECRETARY },
  { "thu ky", OCOP_ROLE_SECRETARY },
  { "uy vien thu ky", OCOP_ROLE_SECRETARY },
  { "uy vien kiem thu ky", OCOP_ROLE_SECRETARY },
  { "advisory", OCOP_ROLE_ADVISORY },
  { "to tu van", OCOP_ROLE_ADVISORY },
  { "to giup viec", OCOP_ROLE_ADVISORY },
  { "tu van", OCOP_ROLE_ADVISORY },
};

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 v;

  if (*trimmed == '\0')
    return FALSE;

  v = g_ascii_strtoll (trimmed, &end, 10);
  if (end == trimmed || *end != '\0' || v < min || v > max)
    return FALSE;

  *value = (int) v;

  return TRUE;
}

/* Folded, with punctuation dropped: "Chè tươi, chè chế biến" = "che tuoi che che bien". */
static char *
fold_words (const char *text)
{
  g_autofree char *folded = ocop_text_fold (text);
  g_autoptr(GString) str = g_string_new (NULL);

  if (folded == NULL)
    return NULL;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (str, c);
      else if (str->len > 0 && str->str[str->len - 1] != ' ')
        g_string_append_c (str, ' ');
    }
  if (str->len > 0 && str->str[str->len - 1] == ' ')
    g_string_truncate (str, str->len - 1);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* "7", "07" or a sheet's name ("Chế biến từ rau, củ, quả, hạt") → "07". */
static char *
parse_product_set (OcopDb     *db,
                   const char *text)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autofree char *folded = NULL;
  int n;

  if (parse_int (text, 1, 99, &n))
    return g_strdup_printf ("%02d", n);

  sets = ocop_db_list_criteria_sets (db, NULL);
  folded = fold_words (text);
  if (sets == NULL || folded == NULL)
    return NULL;

  for (guint i = 0; i < sets->len; i++)
    {
      const OcopCriteriaSetInfo *info = g_ptr_array_index (sets, i);
      g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set (db, info->id, NULL);

      for (guint j = 0; set != NULL && j < set->sheets->len; j++)
        {
          const OcopSheet *sheet = g_ptr_array_index (set->sheets, j);
          g_autofree char *name = fold_words (sheet->name);

          if (g_strcmp0 (name, folded) == 0)
            return g_strdup (sheet->code);
        }
    }

  return NULL;
}

/* ---- producers ---- */

enum {
  P_NAME, P_TYPE, P_ADDRESS, P_COMMUNE, P_DISTRICT, P_PROVINCE, P_REPRESENTATIVE, P_PHONE, P_TAX,
  N_P
};

static const Column producer_columns[N_P] = {
  { "name", { "name", "Tên chủ thể", "Chủ thể", "Tên", "producer", NULL } },
  { "subject_type", { "subject type", "Loại hình", "subject_type", "Loại hình chủ thể", "Loại hình KD", "type", NULL } },
  { "address", { "address", "Địa chỉ", NULL } },
  { "commune", { "commune", "Xã", "Xã/phường", "Phường/xã", "Xã, phường", NULL } },
  { "district", { "district", "Huyện", "Quận/huyện", "Huyện/thị xã/thành phố", NULL } },
  { "province", { "province", "Tỉnh", "Tỉnh/thành phố", NULL } },
  { "representative", { "representative", "Người đại diện", NULL } },
  { "phone", { "phone", "Điện thoại", "Số điện thoại", NULL } },
  { "tax_code", { "tax code", "Mã số thuế", "tax_code", NULL } },
};

/* Fills a producer from a row; problems go into the report. */
static OcopProducer *
producer_from_row (char             **fields,
                   Found             *found,
                   guint              line,
                   OcopImportReport  *report,
                   gboolean           name_required)
{
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(GError) error = NULL;
  const char *type = field_at (fields, &found[P_TYPE]);
  int value;

  producer->name = field_dup (fields, &found[P_NAME]);
  producer->address = field_dup (fields, &found[P_ADDRESS]);
  producer->commune = field_dup (fields, &found[P_COMMUNE]);
  producer->district = field_dup (fields, &found[P_DISTRICT]);
  producer->province = field_dup (fields, &found[P_PROVINCE]);
  producer->representative = field_dup (fields, &found[P_REPRESENTATIVE]);
  producer->phone = field_dup (fields, &found[P_PHONE]);
  producer->tax_code = field_dup (fields, &found[P_TAX]);

  if (producer->name == NULL)
    {
      if (name_required)
        add_problem (report, line, found[P_NAME].label, "%s", _("the producer's name is empty"));
      return NULL;
    }

  if (type == NULL)
    {
      add_problem (report, line, found[P_TYPE].label, "%s",
                   _("the subject type is empty (cooperative, enterprise, cooperative group or household business)"));
      return NULL;
    }

  if (!parse_words (type, subject_words, G_N_ELEMENTS (subject_words), &value))
    {
      add_problem (report, line, found[P_TYPE].label,
                   /* Translators: %s is the value found in the file */
                   _("“%s” is not a subject type (cooperative, enterprise, cooperative group or household business)"),
                   type);
      return NULL;
    }
  producer->subject_type = value;

  if (!ocop_producer_validate (producer, &error))
    {
      add_problem (report, line, NULL, "%s", error->message);
      return NULL;
    }

  return g_steal_pointer (&producer);
}

OcopImportReport *
ocop_import_producers_csv (OcopDb      *db,
                           const char  *path,
                           OcopImportReport **rejected,
                           GError     **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) producers = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_producer_free);
  Found found[N_P];

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = open_csv (path, producer_columns, N_P, found, (const char * const []) { "name", "subject_type", NULL }, error);
  if (reader == NULL)
    return NULL;

  report = ocop_import_report_new (ocop_csv_reader_get_display_name (reader));

  if (!read_all (reader, rows, lines, error))
    return NULL;

  report->n_rows = rows->len;

  for (guint i = 0; i < rows->len; i++)
    {
      OcopProducer *producer = producer_from_row (g_ptr_array_index (rows, i), found,
                                                  g_array_index (lines, guint, i), report, TRUE);

      if (producer != NULL)
        g_ptr_array_add (producers, producer);
    }

  if (report->problems->len > 0)
    {
      set_rows_error (&report, rejected, error);
      return NULL;
    }

  if (!ocop_db_begin (db, error))
    return NULL;

  for (guint i = 0; i < producers->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!ocop_db_save_producer (db, g_ptr_array_index (producers, i), &local_error))
        {
          ocop_db_rollback (db);
          add_problem (report, g_array_index (lines, guint, i), NULL, "%s", local_error->message);
          set_rows_error (&report, rejected, error);
          return NULL;
        }
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  report->n_imported = producers->len;

  return g_steal_pointer (&report);
}

/* ---- products ---- */

enum {
  R_CODE, R_NAME, R_SET, R_PRODUCER, R_EVALUATION, R_STARS, R_YEAR, R_DESCRIPTION,
  N_R
};

static const Column product_columns[N_R] = {
  { "code", { "code", "Mã sản phẩm", "Mã số sản phẩm", "product code", "Mã số", NULL } },
  { "name", { "name", "Tên sản phẩm", "product", "Sản phẩm", NULL } },
  { "product_set", { "product set", "Bộ sản phẩm", "product_set", "Mã bộ sản phẩm", "set", NULL } },
  { "producer", { "producer", "Chủ thể", "Tên chủ thể", NULL } },
  { "evaluation_type", { "evaluation type", "Loại đánh giá", "evaluation_type", "Hình thức đánh giá", NULL } },
  { "proposed_stars", { "proposed stars", "Số sao đề xuất", "proposed_stars", "Hạng sao đề xuất", NULL } },
  { "year", { "year", "Năm", NULL } },
  { "description", { "description", "Mô tả", NULL } },
};

/* In a products file the producer's columns other than its name. */
static const Column product_producer_columns[N_P] = {
  { "name", { "producer", "Chủ thể", "Tên chủ thể", NULL } },
  { "subject_type", { "subject type", "Loại hình", "subject_type", "Loại hình chủ thể", "Loại hình KD", NULL } },
  { "address", { "address", "Địa chỉ", NULL } },
  { "commune", { "commune", "Xã", "Xã/phường", "Phường/xã", "Xã, phường", NULL } },
  { "district", { "district", "Huyện", "Quận/huyện", "Huyện/thị xã/thành phố", NULL } },
  { "province", { "province", "Tỉnh", "Tỉnh/thành phố", NULL } },
  { "representative", { "representative", "Người đại diện", NULL } },
  { "phone", { "phone", "Điện thoại", "Số điện thoại", NULL } },
  { "tax_code", { "tax code", "Mã số thuế", "tax_code", NULL } },
};

typedef struct
{
  OcopProduct  *product;
  OcopProducer *producer;    /* borrowed: the producer to create, or NULL */
  guint         line;
} ProductRow;

OcopImportReport *
ocop_import_products_csv (OcopDb      *db,
                          const char  *path,
                          OcopImportReport **rejected,
                          GError     **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_free);
  g_autoptr(GPtrArray) new_producers = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_producer_free);
  g_autoptr(GHashTable) producer_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) product_producer = g_array_new (FALSE, FALSE, sizeof (gpointer));
  Found found[N_R];
  Found pfound[N_P];

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = open_csv (path, product_columns, N_R, found, (const char * const []) { "name", "product_set", NULL }, error);
  if (reader == NULL)
    return NULL;

  report = ocop_import_report_new (ocop_csv_reader_get_display_name (reader));

  find_columns (reader, product_producer_columns, N_P, pfound);
  if (pfound[P_NAME].index < 0)
    {
      missing_column_error (report->file, &product_producer_columns[P_NAME], error);
      return NULL;
    }

  if (!read_all (reader, rows, lines, error))
    return NULL;

  report->n_rows = rows->len;

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      guint line = g_array_index (lines, guint, i);
      g_autoptr(OcopProduct) product = ocop_product_new ();
      g_autoptr(GError) local_error = NULL;
      g_autofree char *producer_name = field_dup (fields, &pfound[P_NAME]);
      const char *set = field_at (fields, &found[R_SET]);
      const char *evaluation = field_at (fields, &found[R_EVALUATION]);
      const char *stars = field_at (fields, &found[R_STARS]);
      const char *year = field_at (fields, &found[R_YEAR]);
      gpointer producer_ref = NULL;
      guint n_before = report->problems->len;
      int value;

      product->name = field_dup (fields, &found[R_NAME]);
      product->code = field_dup (fields, &found[R_CODE]);
      product->description = field_dup (fields, &found[R_DESCRIPTION]);

      if (product->name == NULL)
        add_problem (report, line, found[R_NAME].label, "%s", _("the product's name is empty"));

      if (set == NULL)
        add_problem (report, line, found[R_SET].label, "%s", _("the product set is empty"));
      else if ((product->product_set = parse_product_set (db, set)) == NULL)
        add_problem (report, line, found[R_SET].label,
                     /* Translators: %s is the value found in the file */
                     _("“%s” is neither a product set number (01 to 26) nor the name of one"), set);

      if (evaluation != NULL)
        {
          if (parse_words (evaluation, evaluation_words, G_N_ELEMENTS (evaluation_words), &value))
            product->evaluation_type = value;
          else
            add_problem (report, line, found[R_EVALUATION].label,
                         /* Translators: %s is the value found in the file */
                         _("“%s” is not an evaluation type (new, upgrade or re-evaluation)"), evaluation);
        }

      if (stars != NULL)
        {
          if (parse_int (stars, 1, 5, &value))
            product->proposed_stars = value;
          else
            add_problem (report, line, found[R_STARS].label,
                         /* Translators: %s is the value found in the file */
                         _("“%s” is not a number of stars from 1 to 5"), stars);
        }

      if (year != NULL)
        {
          if (parse_int (year, 2018, 2100, &value))
            product->year = value;
          else
            add_problem (report, line, found[R_YEAR].label,
                         /* Translators: %s is the value found in the file */
                         _("“%s” is not a year of the OCOP programme"), year);
        }

      if (product->code != NULL)
        {
          g_autoptr(OcopProduct) existing = NULL;

          if (g_hash_table_contains (codes, product->code))
            add_problem (report, line, found[R_CODE].label,
                         /* Translators: %s is a product code */
                         _("the code “%s” is given to two products in this file"), product->code);
          else if ((existing = ocop_db_find_product_by_code (db, product->code, NULL)) != NULL)
            add_problem (report, line, found[R_CODE].label,
                         /* Translators: %1$s is a product code, %2$s a product name */
                         _("the code “%1$s” is already the code of “%2$s” in the register"),
                         product->code, existing->name);
        }

      /* The producer: one already in the register, one created earlier in this file,
       * or a new one from this row's producer columns. */
      if (producer_name == NULL)
        add_problem (report, line, pfound[P_NAME].label, "%s", _("the producer's name is empty"));
      else if ((producer_ref = g_hash_table_lookup (producer_by_name, producer_name)) == NULL)
        {
          g_autoptr(OcopProducer) existing = ocop_db_find_producer_by_name (db, producer_name, NULL);

          if (existing != NULL)
            {
              product->producer_id = existing->id;
            }
          else if (pfound[P_TYPE].index < 0 || field_at (fields, &pfound[P_TYPE]) == NULL)
            {
              add_problem (report, line, pfound[P_NAME].label,
                           /* Translators: %s is a producer's name */
                           _("“%s” is not in the register; give its subject type in this row to add it"),
                           producer_name);
            }
          else
            {
              OcopProducer *producer = producer_from_row (fields, pfound, line, report, TRUE);

              if (producer != NULL)
                {
                  g_ptr_array_add (new_producers, producer);
                  g_hash_table_insert (producer_by_name, producer->name, producer);
                  producer_ref = producer;
                }
            }
        }

      if (product->name != NULL && product->product_set != NULL && report->problems->len == n_before)
        {
          /* Checked as the repository will check it; the producer id is set when written. */
          if (product->producer_id == 0)
            product->producer_id = G_MAXINT64;
          if (!ocop_product_validate (product, &local_error))
            add_problem (report, line, NULL, "%s", local_error->message);
        }

      if (report->problems->len == n_before)
        {
          if (product->code != NULL)
            g_hash_table_add (codes, product->code);
          g_array_append_val (product_producer, producer_ref);
          g_ptr_array_add (products, g_steal_pointer (&product));
        }
    }

  if (report->problems->len > 0)
    {
      set_rows_error (&report, rejected, error);
      return NULL;
    }

  if (!ocop_db_begin (db, error))
    return NULL;

  for (guint i = 0; i < new_producers->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!ocop_db_save_producer (db, g_ptr_array_index (new_producers, i), &local_error))
        {
          ocop_db_rollback (db);
          g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS,
                       /* Translators: %1$s is a file name, %2$s the reason */
                       _("%1$s: nothing was imported: %2$s"), report->file, local_error->message);
          return NULL;
        }
    }

  for (guint i = 0; i < products->len; i++)
    {
      OcopProduct *product = g_ptr_array_index (products, i);
      OcopProducer *producer = g_array_index (product_producer, gpointer, i);
      g_autoptr(GError) local_error = NULL;

      if (producer != NULL)
        product->producer_id = producer->id;

      if (!ocop_db_save_product (db, product, &local_error))
        {
          ocop_db_rollback (db);
          g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS,
                       _("%1$s: nothing was imported: %2$s"), report->file, local_error->message);
          return NULL;
        }
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  report->n_imported = products->len;
  report->n_created = new_producers->len;

  return g_steal_pointer (&report);
}

/* ---- council members ---- */

enum { M_NAME, M_ROLE, M_TITLE, N_M };

static const Column member_columns[N_M] = {
  { "name", { "name", "Họ và tên", "Họ tên", "Tên", "member", "Thành viên", NULL } },
  { "role", { "role", "Vai trò", "Chức danh trong Hội đồng", "Nhiệm vụ", NULL } },
  { "title", { "title", "Chức vụ", "Chức vụ, đơn vị", "Đơn vị", NULL } },
};

OcopImportReport *
ocop_import_members_csv (OcopDb      *db,
                         gint64       council_id,
                         const char  *path,
                         OcopImportReport **rejected,
                         GError     **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_member_free);
  Found found[N_M];

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = open_csv (path, member_columns, N_M, found, (const char * const []) { "name", "role", NULL }, error);
  if (reader == NULL)
    return NULL;

  report = ocop_import_report_new (ocop_csv_reader_get_display_name (reader));

  if (!read_all (reader, rows, lines, error))
    return NULL;

  report->n_rows = rows->len;

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      guint line = g_array_index (lines, guint, i);
      g_autoptr(OcopMember) member = ocop_member_new ();
      const char *role = field_at (fields, &found[M_ROLE]);
      int value;

      member->council_id = council_id;
      member->name = field_dup (fields, &found[M_NAME]);
      member->title = field_dup (fields, &found[M_TITLE]);
      member->ordinal = i;

      if (member->name == NULL)
        {
          add_problem (report, line, found[M_NAME].label, "%s", _("the member's name is empty"));
          continue;
        }

      if (role == NULL || !parse_words (role, role_words, G_N_ELEMENTS (role_words), &value))
        {
          add_problem (report, line, found[M_ROLE].label,
                       /* Translators: %s is the value found in the file */
                       _("“%s” is not a role (chair, vice-chair, member, secretary or advisory team)"),
                       role != NULL ? role : "");
          continue;
        }
      member->role = value;

      g_ptr_array_add (members, g_steal_pointer (&member));
    }

  if (report->problems->len > 0)
    {
      set_rows_error (&report, rejected, error);
      return NULL;
    }

  if (!ocop_db_begin (db, error))
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!ocop_db_add_member (db, g_ptr_array_index (members, i), &local_error))
        {
          ocop_db_rollback (db);
          add_problem (report, g_array_index (lines, guint, i), NULL, "%s", local_error->message);
          set_rows_error (&report, rejected, error);
          return NULL;
        }
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  report->n_imported = members->len;

  return g_steal_pointer (&report);
}

/* ---- score sheets ---- */

typedef struct
{
  gint64      member_id;
  gint64      product_id;
  const char *member_name;     /* borrowed from the member list */
  const char *product_name;
  OcopSheet  *sheet;           /* borrowed from the set */
  int        *options;         /* per leaf, -1 when not given */
  gboolean    knocked_out;
  char       *knockout_note;
  GPtrArray  *stops;           /* char* */
  char       *comment;
  char       *entered_by;
  guint       line;            /* where the sheet starts in the file */
} SheetSpec;

static void
sheet_spec_free (SheetSpec *spec)
{
  g_free (spec->options);
  g_free (spec->knockout_note);
  g_clear_pointer (&spec->stops, g_ptr_array_unref);
  g_free (spec->comment);
  g_free (spec->entered_by);
  g_free (spec);
}

typedef struct
{
  OcopDb           *db;
  gint64            meeting_id;
  OcopImportReport *report;
  OcopCriteriaSet  *set;
  GPtrArray        *members;   /* OcopMember* of the council */
  GPtrArray        *agenda;    /* OcopAgendaItem* */
  GPtrArray        *specs;     /* SheetSpec*, in file order */
  GHashTable       *by_key;    /* "member:product" → SheetSpec* */
} SheetImport;

static const OcopMember *
find_member (SheetImport *import,
             const char  *name)
{
  g_autofree char *folded = ocop_text_fold (name);

  for (guint i = 0; i < import->members->len; i++)
    {
      const OcopMember *member = g_ptr_array_index (import->members, i);
      g_autofree char *other = ocop_text_fold (member->name);

      if (g_strcmp0 (folded, other) == 0)
        return member;
    }

  return NULL;
}

static const OcopAgendaItem *
find_agenda_item (SheetImport *import,
                  const char  *code_or_name)
{
  g_autofree char *folded = ocop_text_fold (code_or_name);

  for (guint i = 0; i < import->agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (import->agenda, i);

      if (g_strcmp0 (item->product_code, code_or_name) == 0)
        return item;
    }

  for (guint i = 0; i < import->agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (import->agenda, i);
      g_autofree char *name = ocop_text_fold (item->product_name);

      if (g_strcmp0 (name, folded) == 0)
        return item;
    }

  return NULL;
}

static SheetSpec *
get_spec (SheetImport *import,
          const char  *member_name,
          const char  *product,
          guint        line,
          const char  *member_label,
          const char  *product_label)
{
  const OcopMember *member;
  const OcopAgendaItem *item;
  g_autofree char *key = NULL;
  SheetSpec *spec;

  member = find_member (import, member_name != NULL ? member_name : "");
  if (member == NULL)
    {
      add_problem (import->report, line, member_label,
                   /* Translators: %s is a name found in the file */
                   _("“%s” is not a member of the meeting's council"), member_name ? member_name : "");
      return NULL;
    }

  item = find_agenda_item (import, product != NULL ? product : "");
  if (item == NULL)
    {
      add_problem (import->report, line, product_label,
                   /* Translators: %s is a product code or name found in the file */
                   _("“%s” is not on the meeting's agenda"), product ? product : "");
      return NULL;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, member->id, item->product_id);
  spec = g_hash_table_lookup (import->by_key, key);
  if (spec != NULL)
    return spec;

  spec = g_new0 (SheetSpec, 1);
  spec->member_id = member->id;
  spec->product_id = item->product_id;
  spec->member_name = member->name;
  spec->product_name = item->product_name;
  spec->sheet = ocop_criteria_set_find_sheet (import->set, item->product_set);
  spec->line = line;
  spec->stops = g_ptr_array_new_with_free_func (g_free);
  if (spec->sheet == NULL)
    {
      add_problem (import->report, line, product_label,
                   /* Translators: %1$s is a product, %2$s a product set code */
                   _("the criteria set has no sheet for the product set %2$s of “%1$s”"),
                   item->product_name, item->product_set);
      sheet_spec_free (spec);
      return NULL;
    }

  spec->options = g_new (int, spec->sheet->leaves->len);
  for (guint i = 0; i < spec->sheet->leaves->len; i++)
    spec->options[i] = -1;

  g_hash_table_insert (import->by_key, g_steal_pointer (&key), spec);
  g_ptr_array_add (import->specs, spec);

  return spec;
}

/* One answer: criterion @code gets option number @option (1-based). */
static void
spec_answer (SheetImport *import,
             SheetSpec   *spec,
             const char  *code,
             const char  *option,
             const char  *points,
             guint        line,
             const char  *criterion_label,
             const char  *option_label)
{
  OcopCriterion *criterion = ocop_sheet_find_criterion (spec->sheet, code);
  const OcopOption *chosen;
  int n;

  if (criterion == NULL || !ocop_criterion_is_leaf (criterion))
    {
      add_problem (import->report, line, criterion_label,
                   criterion == NULL
                   /* Translators: %1$s is a criterion code found in the file, %2$s a sheet name */
                   ? _("sheet “%2$s” has no criterion “%1$s”")
                   /* Translators: %1$s is a criterion code found in the file, %2$s a sheet name */
                   : _("criterion “%1$s” of sheet “%2$s” has sub-criteria: answer those instead"),
                   code, spec->sheet->name);
      return;
    }

  if (!parse_int (option, 1, (int) criterion->options->len, &n))
    {
      add_problem (import->report, line, option_label,
                   /* Translators: %1$s is the value found in the file, %2$s a criterion code,
                    * %3$u its number of options */
                   ngettext ("“%1$s” is not an option of criterion %2$s, which has %3$u option",
                             "“%1$s” is not an option of criterion %2$s, which has options 1 to %3$u",
                             criterion->options->len),
                   option, code, criterion->options->len);
      return;
    }

  chosen = g_ptr_array_index (criterion->options, n - 1);

  if (points != NULL)
    {
      double value = g_ascii_strtod (points, NULL);

      if (value != chosen->points)
        {
          g_autofree char *expected = ocop_text_format_number (chosen->points, chosen->points == (int) chosen->points ? 0 : 2);

          add_problem (import->report, line, NULL,
                       /* Translators: %1$s is a criterion code, %2$d an option number, %3$s the
                        * option's points, %4$s the points given in the file */
                       _("option %2$d of criterion %1$s scores %3$s points, not %4$s"),
                       code, n, expected, points);
          return;
        }
    }

  if (spec->options[criterion->leaf_index] >= 0 && spec->options[criterion->leaf_index] != n - 1)
    {
      add_problem (import->report, line, criterion_label,
                   /* Translators: %1$s is a criterion code, %2$s a member's name, %3$s a product */
                   _("criterion %1$s is answered twice on the sheet of %2$s for “%3$s”"),
                   code, spec->member_name, spec->product_name);
      return;
    }

  spec->options[criterion->leaf_index] = n - 1;
}

static gboolean
is_yes (const char *text)
{
  g_autofree char *folded = ocop_text_fold (text);

  return folded != NULL &&
         (g_str_equal (folded, "1") || g_str_equal (folded, "yes") || g_str_equal (folded, "true") ||
          g_str_equal (folded, "co") || g_str_equal (folded, "x"));
}

enum { S_MEMBER, S_PRODUCT, S_CRITERION, S_OPTION, S_POINTS, N_S };

static const Column sheet_columns[N_S] = {
  { "member", { "member", "Thành viên", "Người đánh giá", "Họ và tên", NULL } },
  { "product", { "product", "Sản phẩm", "Mã sản phẩm", "product code", NULL } },
  { "criterion", { "criterion", "Tiêu chí", "Chỉ tiêu", NULL } },
  { "option", { "option", "Lựa chọn", "Phương án", NULL } },
  { "points", { "points", "Điểm", NULL } },
};

static gboolean
read_sheets_csv (SheetImport  *import,
                 const char   *path,
                 GError      **error)
{
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  Found found[N_S];

  reader = open_csv (path, sheet_columns, N_S, found,
                     (const char * const []) { "member", "product", "criterion", "option", NULL }, error);
  if (reader == NULL)
    return FALSE;

  if (!read_all (reader, rows, lines, error))
    return FALSE;

  import->report->n_rows = rows->len;

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      guint line = g_array_index (lines, guint, i);
      const char *criterion = field_at (fields, &found[S_CRITERION]);
      const char *option = field_at (fields, &found[S_OPTION]);
      g_autofree char *folded = NULL;
      SheetSpec *spec;

      spec = get_spec (import, field_at (fields, &found[S_MEMBER]), field_at (fields, &found[S_PRODUCT]),
                       line, found[S_MEMBER].label, found[S_PRODUCT].label);
      if (spec == NULL)
        continue;

      if (criterion == NULL)
        {
          add_problem (import->report, line, found[S_CRITERION].label, "%s", _("the criterion is empty"));
          continue;
        }

      /* The sheet's knock-out ("Bị loại khi …") is a row of its own. */
      folded = ocop_text_fold (criterion);
      if (g_str_equal (folded, "knockout") || g_str_equal (folded, "knock-out") || g_str_equal (folded, "bi loai"))
        {
          spec->knocked_out = option != NULL && is_yes (option);
          continue;
        }

      if (option == NULL)
        {
          add_problem (import->report, line, found[S_OPTION].label, "%s", _("the option is empty"));
          continue;
        }

      spec_answer (import, spec, criterion, option, field_at (fields, &found[S_POINTS]), line,
                   found[S_CRITERION].label, found[S_OPTION].label);
    }

  return TRUE;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* {"sheets": [{"member": …, "product": …, "answers": {"1.1": 3, …}, "knocked_out": false,
 *              "stop_conditions": ["9"], "comment": …, "entered_by": …}]}
 * The "line" of a problem is the sheet's position in the list (1-based). */
static gboolean
read_sheets_json (SheetImport  *import,
                  const char   *path,
                  GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *sheets;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                   /* Translators: %1$s is a file name, %2$s the parser's message */
                   _("%1$s: not a JSON file: %2$s"), import->report->file, local_error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member ((root = json_node_get_object (json_parser_get_root (parser))), "sheets") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "sheets")))
    {
      g_set_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE,
                   /* Translators: %s is a file name; keep "sheets" as is */
                   _("%s: expected an object with a list “sheets”"), import->report->file);
      return FALSE;
    }

  sheets = json_object_get_array_member (root, "sheets");
  import->report->n_rows = json_array_get_length (sheets);

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonNode *node = json_array_get_element (sheets, i);
      JsonObject *object;
      JsonNode *answers;
      SheetSpec *spec;
      guint line = i + 1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_problem (import->report, line, NULL, "%s", _("a sheet must be an object"));
          continue;
        }
      object = json_node_get_object (node);

      spec = get_spec (import, json_string (object, "member"), json_string (object, "product"),
                       line, "member", "product");
      if (spec == NULL)
        continue;

      answers = json_object_get_member (object, "answers");
      if (answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
        {
          add_problem (import->report, line, "answers", "%s",
                       _("expected an object of criterion codes and option numbers"));
          continue;
        }

      {
        g_autoptr(GList) codes = json_object_get_members (json_node_get_object (answers));

        for (GList *l = codes; l != NULL; l = l->next)
          {
            JsonNode *value = json_object_get_member (json_node_get_object (answers), l->data);
            g_autofree char *option = NULL;

            if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
              option = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
            else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
              option = g_strdup (json_node_get_string (value));
            else
              option = g_strdup ("?");

            spec_answer (import, spec, l->data, option, NULL, line, "answers", "answers");
          }
      }

      if (json_object_has_member (object, "knocked_out"))
        spec->knocked_out = json_object_get_boolean_member (object, "knocked_out");
      spec->knockout_note = g_strdup (json_string (object, "knockout_note"));
      spec->comment = g_strdup (json_string (object, "comment"));
      spec->entered_by = g_strdup (json_string (object, "entered_by"));

      if (json_object_has_member (object, "stop_conditions"))
        {
          JsonNode *stops = json_object_get_member (object, "stop_conditions");

          for (guint j = 0; JSON_NODE_HOLDS_ARRAY (stops) && j < json_array_get_length (json_node_get_array (stops)); j++)
            {
              const char *code = json_array_get_string_element (json_node_get_array (stops), j);

              if (code != NULL)
                g_ptr_array_add (spec->stops, g_strdup (code));
            }
        }
    }

  return TRUE;
}

static gboolean
write_sheet (SheetImport  *import,
             SheetSpec    *spec,
             gboolean      submit,
             GError      **error)
{
  g_autoptr(OcopScoreSheet) sheet = NULL;
  OcopSheetScore score = { 0 };
  gboolean complete;

  sheet = ocop_db_open_score_sheet (import->db, import->meeting_id, spec->member_id,
                                    spec->product_id, 0, error);
  if (sheet == NULL)
    return FALSE;

  if (sheet->state == OCOP_SHEET_SUBMITTED)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED,
                           _("it is already submitted; reopen it first to change it"));
      return FALSE;
    }

  for (guint i = 0; i < spec->sheet->leaves->len; i++)
    {
      if (spec->options[i] >= 0 &&
          !ocop_db_tick (import->db, sheet->id, i, spec->options[i], error))
        return FALSE;
    }

  if (spec->knocked_out &&
      !ocop_db_set_knocked_out (import->db, sheet->id, TRUE, spec->knockout_note, error))
    return FALSE;

  for (guint i = 0; i < spec->stops->len; i++)
    {
      if (!ocop_db_set_stop_condition (import->db, sheet->id, g_ptr_array_index (spec->stops, i), TRUE, error))
        return FALSE;
    }

  if (spec->comment != NULL && !ocop_db_set_sheet_comment (import->db, sheet->id, spec->comment, error))
    return FALSE;

  if (spec->entered_by != NULL && !ocop_db_set_entered_by (import->db, sheet->id, spec->entered_by, error))
    return FALSE;

  if (!submit)
    return TRUE;

  if (!ocop_db_score_score_sheet (import->db, sheet->id, &score, error))
    return FALSE;
  complete = score.complete;
  ocop_sheet_score_clear (&score);

  if (complete)
    {
      if (!ocop_db_submit_sheet (import->db, sheet->id, error))
        return FALSE;
      import->report->n_submitted++;
    }

  return TRUE;
}

OcopImportReport *
ocop_import_sheets (OcopDb      *db,
                    gint64       meeting_id,
                    const char  *path,
                    gboolean     submit,
                    OcopImportReport **rejected,
                    GError     **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_spec_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *basename = NULL;
  SheetImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  meeting = ocop_db_get_meeting (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;

  set = ocop_db_load_criteria_set (db, meeting->set_id, error);
  if (set == NULL)
    return NULL;

  members = ocop_db_list_members (db, meeting->council_id, error);
  if (members == NULL)
    return NULL;

  agenda = ocop_db_list_agenda (db, meeting_id, error);
  if (agenda == NULL)
    return NULL;

  basename = g_path_get_basename (path);
  report = ocop_import_report_new (basename);

  import.db = db;
  import.meeting_id = meeting_id;
  import.report = report;
  import.set = set;
  import.members = members;
  import.agenda = agenda;
  import.specs = specs;
  import.by_key = by_key;

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    ok = read_sheets_json (&import, path, error);
  else
    ok = read_sheets_csv (&import, path, error);

  if (!ok)
    return NULL;

  if (report->problems->len > 0)
    {
      set_rows_error (&report, rejected, error);
      return NULL;
    }

  if (!ocop_db_begin (db, error))
    return NULL;

  for (guint i = 0; i < specs->len; i++)
    {
      SheetSpec *spec = g_ptr_array_index (specs, i);
      g_autoptr(GError) local_error = NULL;

      if (!write_sheet (&import, spec, submit, &local_error))
        {
          ocop_db_rollback (db);
          add_problem (report, spec->line, NULL,
                       /* Translators: %1$s is a member's name, %2$s a product, %3$s the reason */
                       _("the sheet of %1$s for “%2$s”: %3$s"),
                       spec->member_name, spec->product_name, local_error->message);
          set_rows_error (&report, rejected, error);
          return NULL;
        }
    }

  if (!ocop_db_commit (db, error))
    return NULL;

  report->n_imported = specs->len;

  return g_steal_pointer (&report);
}
