/* ocop-export.c: a meeting's results as CSV and XLSX
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ocop-csv.h"
#include "ocop-export.h"

/* One table, two files. The CSV is for programs as much as for people: its numbers
 * use a full stop whatever the UI language, so that any tool reads them back, and it
 * starts with a BOM so that Excel opens it as UTF-8. In the workbook numbers are
 * numbers (Excel shows them with the reader's own decimal comma). Scores are
 * truncated to hundredths as on screen: 69,999 must never read 70,00. */

G_DEFINE_QUARK (ocop-export-error-quark, ocop_export_error)

void
ocop_export_member_free (OcopExportMember *member)
{
  if (member == NULL)
    return;

  g_free (member->name);
  g_free (member);
}

static int
find_member (const GPtrArray *members,
             gint64           member_id)
{
  for (guint i = 0; i < members->len; i++)
    if (((const OcopExportMember *) g_ptr_array_index (members, i))->member_id == member_id)
      return i;

  return -1;
}

GPtrArray *
ocop_export_list_members (const GPtrArray *results)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_export_member_free);

  g_return_val_if_fail (results != NULL, NULL);

  /* Each list is in member order, but may lack someone (recused, absent): a member
   * first seen later goes right after the one before them in that list. */
  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *result = g_ptr_array_index (results, i);
      int previous = -1;

      for (guint j = 0; result->member_totals != NULL && j < result->member_totals->len; j++)
        {
          const OcopMemberTotal *total = g_ptr_array_index (result->member_totals, j);
          int at = find_member (members, total->member_id);

          if (at < 0)
            {
              OcopExportMember *member = g_new0 (OcopExportMember, 1);

              member->member_id = total->member_id;
              member->name = g_strdup (total->member_name);
              member->role = total->role;
              at = previous + 1;
              g_ptr_array_insert (members, at, member);
            }
          previous = at;
        }
    }

  return g_steal_pointer (&members);
}

char *
ocop_export_member_letter (guint index)
{
  GString *out = g_string_new (NULL);
  guint n = index + 1;

  /* Bijective base 26, as spreadsheet columns: A … Z, AA, AB, … */
  while (n > 0)
    {
      n--;
      g_string_prepend_c (out, 'A' + (n % 26));
      n /= 26;
    }

  return g_string_free (out, FALSE);
}

double
ocop_export_truncate_score (double score)
{
  gint64 hundredths;

  if (!isfinite (score))
    return score;

  /* As ocop_rating_format_score (): drop the binary noise, then truncate. */
  hundredths = llround (fabs (score) * 100000.0) / 1000;

  return (score < 0 ? -1.0 : 1.0) * (double) hundredths / 100.0;
}

/* The table, as rows of cells, shared by both writers. */

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_SCORE,     /* a number with two decimals */
  CELL_EMPTY,
} CellKind;

typedef struct
{
  CellKind  kind;
  char     *text;
  double    number;
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
}

static GArray *
row_new (void)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, cell_clear);

  return row;
}

static void
row_add_text (GArray     *row,
              const char *text)
{
  Cell cell = { text != NULL ? CELL_TEXT : CELL_EMPTY, g_strdup (text), 0 };

  g_array_append_val (row, cell);
}

static void
row_add_number (GArray   *row,
                CellKind  kind,
                double    number)
{
  Cell cell = { kind, NULL, number };

  g_array_append_val (row, cell);
}

static const OcopMemberTotal *
find_total (const OcopProductResult *result,
            gint64                   member_id)
{
  for (guint i = 0; result->member_totals != NULL && i < result->member_totals->len; i++)
    {
      const OcopMemberTotal *total = g_ptr_array_index (result->member_totals, i);

      if (total->member_id == member_id)
        return total;
    }

  return NULL;
}

/* Rows of Cell arrays: the heading first. */
static GPtrArray *
build_table (const GPtrArray *results,
             gboolean         anonymise)
{
  g_autoptr(GPtrArray) members = ocop_export_list_members (results);
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *heading = row_new ();

  /* Translators: column headings of the exported results table */
  row_add_text (heading, C_("results column", "No."));
  row_add_text (heading, C_("results column", "Code"));
  row_add_text (heading, C_("results column", "Product"));
  row_add_text (heading, C_("results column", "Round"));
  for (guint m = 0; m < members->len; m++)
    {
      const OcopExportMember *member = g_ptr_array_index (members, m);
      g_autofree char *letter = ocop_export_member_letter (m);

      row_add_text (heading, anonymise ? letter : member->name);
    }
  row_add_text (heading, C_("results column", "Sheets counted"));
  row_add_text (heading, C_("results column", "Council score"));
  row_add_text (heading, C_("results column", "Spread"));
  row_add_text (heading, C_("results column", "Stars"));
  row_add_text (heading, C_("results column", "Result"));
  row_add_text (heading, C_("results column", "Explanation"));
  g_ptr_array_add (table, heading);

  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *result = g_ptr_array_index (results, i);
      GArray *row = row_new ();
      g_autofree char *reasons = NULL;

      row_add_number (row, CELL_NUMBER, i + 1);
      row_add_text (row, result->product_code);
      row_add_text (row, result->product_name);
      row_add_number (row, CELL_NUMBER, result->round);
      for (guint m = 0; m < members->len; m++)
        {
          const OcopExportMember *member = g_ptr_array_index (members, m);
          const OcopMemberTotal *total = find_total (result, member->member_id);

          if (total != NULL && total->state == OCOP_SHEET_SUBMITTED)
            row_add_number (row, CELL_SCORE, ocop_export_truncate_score (total->total));
          else
            row_add_text (row, NULL);
        }
      row_add_number (row, CELL_NUMBER, result->n_counted);
      if (result->computed && result->n_counted > 0)
        {
          row_add_number (row, CELL_SCORE, ocop_export_truncate_score (result->score));
          row_add_number (row, CELL_SCORE, ocop_export_truncate_score (result->spread));
          row_add_number (row, CELL_NUMBER, result->stars);
        }
      else
        {
          row_add_text (row, NULL);
          row_add_text (row, NULL);
          row_add_text (row, NULL);
        }
      row_add_text (row, ocop_outcome_get_label (result->outcome));

      if (result->reasons != NULL)
        reasons = g_strstrip (g_strdup (result->reasons));
      row_add_text (row, reasons);
      g_ptr_array_add (table, row);
    }

  return table;
}

char *
ocop_export_results_csv_data (const GPtrArray *results,
                              gboolean         anonymise)
{
  g_autoptr(GPtrArray) table = NULL;
  GString *out;

  g_return_val_if_fail (results != NULL, NULL);

  table = build_table (results, anonymise);
  out = g_string_new (OCOP_CSV_UTF8_BOM);

  for (guint r = 0; r < table->len; r++)
    {
      GArray *row = g_ptr_array_index (table, r);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < row->len; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          switch (cell->kind)
            {
            case CELL_TEXT:
              g_ptr_array_add (fields, g_strdup (cell->text));
              break;

            case CELL_NUMBER:
              g_ptr_array_add (fields, g_strdup_printf ("%.0f", cell->number));
              break;

            case CELL_SCORE:
              g_ascii_formatd (buffer, sizeof buffer, "%.2f", cell->number);
              g_ptr_array_add (fields, g_strdup (buffer));
              break;

            case CELL_EMPTY:
            default:
              g_ptr_array_add (fields, g_strdup (""));
              break;
            }
        }
      g_ptr_array_add (fields, NULL);
      ocop_csv_append_row (out, (const char * const *) fields->pdata);
    }

  return g_string_free (out, FALSE);
}

gboolean
ocop_export_results_csv (const GPtrArray  *results,
                         gboolean          anonymise,
                         const char       *path,
                         GError          **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = ocop_export_results_csv_data (results, anonymise);
  if (!g_file_set_contents (path, data, -1, &local_error))
    {
      g_set_error (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED,
                   /* Translators: %s is the reason */
                   _("Failed to export the results: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_export_results_xlsx (const GPtrArray  *results,
                          gboolean          anonymise,
                          const char       *title,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *tmpdir = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *bold;
  lxw_format *score_format;
  lxw_format *wrap;
  lxw_error status;
  lxw_row_t first_row = 0;

  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = build_table (results, anonymise);

  /* Constant memory: rows go out in order and text is written inline, in the
   * worksheet itself. */
  tmpdir = g_strdup (g_get_tmp_dir ());
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir;

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Failed to export the results: cannot create %s"), path);
      return FALSE;
    }

  /* Translators: the name of the worksheet in the exported workbook (at most 31
   * characters, no : \ / ? * [ ]) */
  worksheet = workbook_add_worksheet (workbook, _("Results"));
  if (worksheet == NULL)
    worksheet = workbook_add_worksheet (workbook, NULL);

  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  format_set_text_wrap (bold);
  format_set_align (bold, LXW_ALIGN_VERTICAL_TOP);
  score_format = workbook_add_format (workbook);
  format_set_num_format (score_format, "0.00");
  format_set_align (score_format, LXW_ALIGN_VERTICAL_TOP);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  if (table->len > 0)
    {
      GArray *heading = g_ptr_array_index (table, 0);

      worksheet_set_column (worksheet, 0, 0, 5, NULL);
      worksheet_set_column (worksheet, 1, 1, 16, NULL);
      worksheet_set_column (worksheet, 2, 2, 32, NULL);
      worksheet_set_column (worksheet, 3, heading->len - 3, 11, NULL);
      worksheet_set_column (worksheet, heading->len - 2, heading->len - 2, 18, NULL);
      worksheet_set_column (worksheet, heading->len - 1, heading->len - 1, 60, NULL);
    }

  if (title != NULL && title[0] != '\0')
    {
      worksheet_write_string (worksheet, 0, 0, title, bold);
      first_row = 2;
    }

  for (guint r = 0; r < table->len; r++)
    {
      GArray *row = g_ptr_array_index (table, r);

      for (guint c = 0; c < row->len; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);
          lxw_row_t at = first_row + r;

          switch (cell->kind)
            {
            case CELL_TEXT:
              worksheet_write_string (worksheet, at, c, cell->text, r == 0 ? bold : wrap);
              break;

            case CELL_NUMBER:
              worksheet_write_number (worksheet, at, c, cell->number, NULL);
              break;

            case CELL_SCORE:
              worksheet_write_number (worksheet, at, c, cell->number, score_format);
              break;

            case CELL_EMPTY:
            default:
              break;
            }
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Failed to export the results to %s: %s"), path, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}
