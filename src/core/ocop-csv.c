/* ocop-csv.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-csv"

#include "config.h"

#include "ocop-csv.h"

#include "ocop-text.h"

#include <string.h>

#include <glib/gi18n.h>

G_DEFINE_QUARK (ocop-csv-error-quark, ocop_csv_error)

struct _OcopCsvReader
{
  char      *display_name;
  char      *data;           /* NUL-terminated UTF-8 (after any conversion), BOM skipped */
  gsize      len;
  gsize      pos;

  /* Set when the data could not be converted from UTF-16: reported by the first read. */
  gboolean   conversion_failed;
  guint      conversion_error_line;

  gboolean   started;        /* the encoding was checked and the delimiter chosen */
  char       delimiter;
  guint      line;           /* the physical line at pos, 1-based */
  guint      record_line;    /* where the last record returned started */

  char     **header;         /* NFC, trimmed; NULL until read_header () */
  char     **folded_header;  /* ocop_text_fold () of each name */
  guint      n_columns;
  guint      header_line;
};

static OcopCsvReader *
reader_new_take (char       *data,
                 gsize       len,
                 const char *display_name)
{
  OcopCsvReader *self = g_new0 (OcopCsvReader, 1);

  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  self->data = data;
  self->len = len;
  self->line = 1;

  /* UTF-16 with a byte-order mark: Excel's "Unicode Text" (tab separated). */
  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                   || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gboolean little = (guchar) data[0] == 0xFF;
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      char *utf8 = g_convert (data + 2, len - 2, "UTF-8", little ? "UTF-16LE" : "UTF-16BE",
                              &bytes_read, &bytes_written, NULL);

      if (utf8 != NULL)
        {
          g_free (self->data);
          self->data = utf8;
          self->len = bytes_written;
        }
      else
        {
          /* Count the line feeds before the bad code unit. */
          self->conversion_failed = TRUE;
          self->conversion_error_line = 1;
          for (gsize i = 2; i + 1 < len && i < bytes_read + 2; i += 2)
            {
              guint unit = little ? (guchar) data[i] | ((guchar) data[i + 1] << 8)
                                  : ((guchar) data[i] << 8) | (guchar) data[i + 1];
              if (unit == '\n')
                self->conversion_error_line++;
            }
        }
    }
  else if (len >= 3 && memcmp (data, OCOP_CSV_UTF8_BOM, 3) == 0)
    {
      self->pos = 3;
    }

  return self;
}

/**
 * ocop_csv_reader_new_from_data:
 * @data: the bytes of the file (copied)
 * @len: the length of @data, or -1 if it is NUL-terminated
 * @display_name: (nullable): the file name shown in error messages
 *
 * Creates a reader. Nothing is checked yet: problems with the data are reported by the
 * first call to ocop_csv_reader_read_header () or ocop_csv_reader_next ().
 *
 * Returns: (transfer full): the reader; free it with ocop_csv_reader_free ().
 */
OcopCsvReader *
ocop_csv_reader_new_from_data (const char *data,
                               gssize      len,
                               const char *display_name)
{
  char *copy;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (data);

  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';

  return reader_new_take (copy, len, display_name);
}

/**
 * ocop_csv_reader_new_from_file:
 * @path: a file name in the GLib file name encoding
 * @error: a #GFileError when the file cannot be read
 *
 * Reads the whole file; its base name is used in error messages.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL on error.
 */
OcopCsvReader *
ocop_csv_reader_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *display_name = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;

  display_name = g_filename_display_basename (path);

  return reader_new_take (contents, len, display_name);
}

/**
 * ocop_csv_reader_new_from_gfile:
 * @file: the file, as a file chooser returns it
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GIOErrorEnum error when the file cannot be read
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL on error.
 */
OcopCsvReader *
ocop_csv_reader_new_from_gfile (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;

  basename = g_file_get_basename (file);
  display_name = g_filename_display_name (basename != NULL ? basename : "");

  return reader_new_take (contents, len, display_name);
}

void
ocop_csv_reader_free (OcopCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_free (self->data);
  g_strfreev (self->header);
  g_strfreev (self->folded_header);
  g_free (self);
}

const char *
ocop_csv_reader_get_display_name (OcopCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * ocop_csv_reader_get_delimiter:
 *
 * Returns: ',', ';' or '\t' once something was read, 0 before.
 */
char
ocop_csv_reader_get_delimiter (OcopCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->delimiter;
}

/**
 * ocop_csv_reader_get_line:
 *
 * Returns: the 1-based physical line on which the record last returned by
 *   ocop_csv_reader_next () (or the header) starts; 0 before any.
 */
guint
ocop_csv_reader_get_line (OcopCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/* The first line, up to its end outside quotes, decides between ',', ';' and tab:
 * the one that occurs most often outside quotes, ',' on a tie or when none occurs. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean in_quotes = FALSE;
  guint best = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (*p == '\n' || *p == '\r'))
        break;
      else if (!in_quotes)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

static gboolean
start (OcopCsvReader  *self,
       GError        **error)
{
  const char *invalid = NULL;

  if (self->started)
    return TRUE;

  if (self->conversion_failed)
    {
      g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_ENCODING,
                   /* Translators: %1$s is a file name, %2$u a line number. “CSV UTF-8” is
                    * the name of the file type in Excel's “Save As” dialog; use the name
                    * that the Vietnamese Excel shows. */
                   _("%1$s, line %2$u: the text is not UTF-8; save the file as “CSV UTF-8”"),
                   self->display_name, self->conversion_error_line);
      return FALSE;
    }

  if (!g_utf8_validate_len (self->data + self->pos, self->len - self->pos, &invalid))
    {
      guint line = 1;

      for (const char *p = self->data + self->pos; p < invalid; p++)
        if (*p == '\n')
          line++;

      g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_ENCODING,
                   /* Translators: %1$s is a file name, %2$u a line number. “CSV UTF-8” is
                    * the name of the file type in Excel's “Save As” dialog; use the name
                    * that the Vietnamese Excel shows. */
                   _("%1$s, line %2$u: the text is not UTF-8; save the file as “CSV UTF-8”"),
                   self->display_name, line);
      return FALSE;
    }

  /* Excel's "sep=;" first line names the delimiter and is not part of the data. */
  if (self->len - self->pos >= 5 && strncmp (self->data + self->pos, "sep=", 4) == 0)
    {
      const char *p = self->data + self->pos + 4;
      char c = *p;

      if (c != '\0' && c != '\r' && c != '\n'
          && (p[1] == '\0' || p[1] == '\r' || p[1] == '\n'))
        {
          self->delimiter = c;
          p++;
          if (*p == '\r')
            p++;
          if (*p == '\n')
            p++;
          self->pos = p - self->data;
          self->line++;
        }
    }

  if (self->delimiter == '\0')
    self->delimiter = detect_delimiter (self->data + self->pos, self->data + self->len);

  self->started = TRUE;

  return TRUE;
}

static char *
column_label (OcopCsvReader *self,
              guint          index)
{
  if (self->header != NULL && index < self->n_columns && self->header[index][0] != '\0')
    return g_strdup (self->header[index]);

  return NULL;
}

static void
take_field (GPtrArray *fields,
            GString   *field)
{
  g_ptr_array_add (fields, g_utf8_normalize (field->str, field->len, G_NORMALIZE_NFC));
  g_string_truncate (field, 0);
}

/* Reads one record. Returns FALSE at the end of the data (without error) or on error. */
static gboolean
parse_record (OcopCsvReader  *self,
              GPtrArray     **out,
              GError        **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *data = self->data;
  gsize len = self->len;
  gsize pos = self->pos;
  guint line = self->line;
  guint start_line = line;

  if (pos >= len)
    return FALSE;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      if (data[pos] == '"')
        {
          guint quote_line = line;

          pos++;
          for (;;)
            {
              char c;

              if (pos >= len)
                {
                  g_autofree char *label = column_label (self, fields->len);

                  if (label != NULL)
                    g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_UNTERMINATED_QUOTE,
                                 /* Translators: %1$s is a file name, %2$u a line number,
                                  * %3$u the number of a field in the record (1 for the
                                  * first) and %4$s the name of its column. */
                                 _("%1$s, line %2$u: the quotation mark that opens field %3$u "
                                   "(“%4$s”) is never closed"),
                                 self->display_name, quote_line, fields->len + 1, label);
                  else
                    g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_UNTERMINATED_QUOTE,
                                 /* Translators: %1$s is a file name, %2$u a line number,
                                  * %3$u the number of a field in the record (1 for the
                                  * first). */
                                 _("%1$s, line %2$u: the quotation mark that opens field %3$u "
                                   "is never closed"),
                                 self->display_name, quote_line, fields->len + 1);
                  return FALSE;
                }

              c = data[pos];
              if (c == '"')
                {
                  if (pos + 1 < len && data[pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      pos += 2;
                      continue;
                    }
                  pos++;
                  break;
                }
              else if (c == '\r' || c == '\n')
                {
                  /* A line break inside a field is "\n", whatever the file uses. */
                  if (c == '\r' && pos + 1 < len && data[pos + 1] == '\n')
                    pos++;
                  pos++;
                  line++;
                  g_string_append_c (field, '\n');
                }
              else
                {
                  g_string_append_c (field, c);
                  pos++;
                }
            }
        }

      /* An unquoted field, or text after a closing quote (kept, as spreadsheets do). */
      while (pos < len && data[pos] != self->delimiter && data[pos] != '\n'
             && data[pos] != '\r')
        g_string_append_c (field, data[pos++]);

      take_field (fields, field);

      if (pos >= len)
        break;

      if (data[pos] == self->delimiter)
        {
          pos++;
          continue;
        }

      /* The end of the line. */
      if (data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')
        pos++;
      pos++;
      line++;
      break;
    }

  self->pos = pos;
  self->line = line;
  self->record_line = start_line;
  *out = g_steal_pointer (&fields);

  return TRUE;
}

static gboolean
all_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;

  return TRUE;
}

/* The next record that is not blank. */
static gboolean
next_record (OcopCsvReader  *self,
             GPtrArray     **out,
             GError        **error)
{
  if (!start (self, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;

      if (!parse_record (self, &fields, error))
        return FALSE;

      if (!all_empty (fields))
        {
          *out = g_steal_pointer (&fields);
          return TRUE;
        }
    }
}

static char **
to_strv (GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);

  return (char **) g_ptr_array_free (fields, FALSE);
}

/**
 * ocop_csv_reader_read_header:
 * @self: a reader, before any record was read
 * @error: an %OCOP_CSV_ERROR
 *
 * Reads the first non-blank record as the column names (normalised with
 * ocop_text_normalize ()). From then on every record must have as many fields.
 *
 * Returns: %TRUE on success; %FALSE with %OCOP_CSV_ERROR_EMPTY when the file has no text,
 *   %OCOP_CSV_ERROR_DUPLICATE_COLUMN when two names are the same (ignoring case and
 *   diacritics), or any error of ocop_csv_reader_next ().
 */
gboolean
ocop_csv_reader_read_header (OcopCsvReader  *self,
                             GError        **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) folded = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header == NULL && self->record_line == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!next_record (self, &fields, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_EMPTY,
                     /* Translators: %s is a file name. */
                     _("%s: the file is empty"), self->display_name);
      return FALSE;
    }

  n = fields->len;
  header = g_new0 (char *, n + 1);
  folded = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      header[i] = ocop_text_normalize (g_ptr_array_index (fields, i));
      folded[i] = ocop_text_fold (header[i]);

      if (folded[i][0] == '\0')
        continue;

      for (guint j = 0; j < i; j++)
        {
          if (strcmp (folded[i], folded[j]) == 0)
            {
              g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_DUPLICATE_COLUMN,
                           /* Translators: %1$s is a file name, %2$u a line number, %3$s and
                            * %4$s two column names that differ only in case or accents. */
                           _("%1$s, line %2$u: the columns “%3$s” and “%4$s” have the same name"),
                           self->display_name, self->record_line, header[j], header[i]);
              return FALSE;
            }
        }
    }

  self->header = g_steal_pointer (&header);
  self->folded_header = g_steal_pointer (&folded);
  self->n_columns = n;
  self->header_line = self->record_line;

  return TRUE;
}

/**
 * ocop_csv_reader_get_header:
 *
 * Returns: (transfer none) (nullable): the column names, or %NULL before
 *   ocop_csv_reader_read_header ().
 */
const char * const *
ocop_csv_reader_get_header (OcopCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

guint
ocop_csv_reader_get_n_columns (OcopCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * ocop_csv_reader_find_column:
 * @self: a reader whose header was read
 * @name: a column name
 *
 * Finds a column ignoring case, diacritics and extra white space: "Tên sản phẩm",
 * "TEN SAN PHAM" and "ten  san pham" are the same column.
 *
 * Returns: the 0-based index of the column, or -1.
 */
int
ocop_csv_reader_find_column (OcopCsvReader *self,
                             const char    *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (self->folded_header == NULL)
    return -1;

  folded = ocop_text_fold (name);
  if (folded == NULL || folded[0] == '\0')
    return -1;

  for (guint i = 0; i < self->n_columns; i++)
    if (strcmp (self->folded_header[i], folded) == 0)
      return i;

  return -1;
}

/**
 * ocop_csv_reader_require_columns:
 * @self: a reader whose header was read
 * @names: (array zero-terminated=1): the columns the import needs
 * @error: an %OCOP_CSV_ERROR_MISSING_COLUMN error naming every missing column
 *
 * Returns: %TRUE if the header has all of @names (see ocop_csv_reader_find_column ()).
 */
gboolean
ocop_csv_reader_require_columns (OcopCsvReader       *self,
                                 const char * const  *names,
                                 GError             **error)
{
  g_autoptr(GString) missing = NULL;
  guint n_missing = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header != NULL, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  missing = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (ocop_csv_reader_find_column (self, names[i]) >= 0)
        continue;

      if (n_missing > 0)
        g_string_append (missing, ", ");
      /* Translators: a column name quoted in a list of missing columns. */
      g_string_append_printf (missing, _("“%s”"), names[i]);
      n_missing++;
    }

  if (n_missing == 0)
    return TRUE;

  g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_MISSING_COLUMN,
               /* Translators: %1$s is a file name, %2$u the line of the header, %3$s one
                * quoted column name or a list of them, such as “Tên”, “Mã số”. */
               ngettext ("%1$s, line %2$u: the header has no column %3$s",
                         "%1$s, line %2$u: the header has no columns %3$s",
                         n_missing),
               self->display_name, self->header_line, missing->str);

  return FALSE;
}

/**
 * ocop_csv_reader_next:
 * @self: a reader
 * @fields: (out) (transfer full): the fields of the record, NUL-terminated, owned by the
 *   caller: free them with g_strfreev () (or use g_auto(GStrv)); set to %NULL when the
 *   function returns %FALSE
 * @error: an %OCOP_CSV_ERROR
 *
 * Reads the next non-blank record; ocop_csv_reader_get_line () then tells where it starts.
 * After ocop_csv_reader_read_header (), the record must have as many fields as the header
 * (extra empty fields at its end are dropped).
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the data (@error not set)
 *   or on error (@error set).
 */
gboolean
ocop_csv_reader_next (OcopCsvReader   *self,
                      char          ***fields,
                      GError         **error)
{
  g_autoptr(GPtrArray) record = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;

  if (!next_record (self, &record, error))
    return FALSE;

  if (self->header != NULL)
    {
      while (record->len > self->n_columns
             && ((const char *) g_ptr_array_index (record, record->len - 1))[0] == '\0')
        g_ptr_array_set_size (record, record->len - 1);

      if (record->len != self->n_columns)
        {
          g_set_error (error, OCOP_CSV_ERROR, OCOP_CSV_ERROR_FIELD_COUNT,
                       /* Translators: %1$s is a file name, %2$u a line number, %3$u the
                        * number of fields on that line, %4$u the number of columns in the
                        * file's header (its first line). */
                       ngettext ("%1$s, line %2$u: %3$u field, but the header has %4$u",
                                 "%1$s, line %2$u: %3$u fields, but the header has %4$u",
                                 record->len),
                       self->display_name, self->record_line, record->len, self->n_columns);
          return FALSE;
        }
    }

  *fields = to_strv (g_steal_pointer (&record));

  return TRUE;
}

/**
 * ocop_csv_reader_get_field:
 * @self: a reader whose header was read
 * @fields: a record from ocop_csv_reader_next ()
 * @name: a column name, matched as by ocop_csv_reader_find_column ()
 *
 * Returns: (transfer none) (nullable): the field of @fields in the column @name (owned by
 *   @fields), or %NULL if there is no such column.
 */
const char *
ocop_csv_reader_get_field (OcopCsvReader      *self,
                           const char * const *fields,
                           const char         *name)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index = ocop_csv_reader_find_column (self, name);
  if (index < 0)
    return NULL;

  for (int i = 0; i < index; i++)
    if (fields[i] == NULL)
      return NULL;

  return fields[index];
}

/**
 * ocop_csv_reader_set_field_error:
 * @self: a reader
 * @error: the error to set
 * @domain: its domain (the importer's)
 * @code: its code
 * @column: (nullable): the column of the bad value; the header's spelling is shown
 * @format: printf ()-style, translated message about the value
 *
 * Sets an error about a value of the last record read, prefixed with the file name, the
 * record's line and the column: "sản-phẩm.csv, line 12, column “Giá”: not a number".
 */
void
ocop_csv_reader_set_field_error (OcopCsvReader  *self,
                                 GError        **error,
                                 GQuark          domain,
                                 int             code,
                                 const char     *column,
                                 const char     *format,
                                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column != NULL)
    {
      int index = ocop_csv_reader_find_column (self, column);
      const char *label = index >= 0 ? self->header[index] : column;

      g_set_error (error, domain, code,
                   /* Translators: %1$s is a file name, %2$u a line number, %3$s a column
                    * name and %4$s a message about the value in that place. */
                   _("%1$s, line %2$u, column “%3$s”: %4$s"),
                   self->display_name, self->record_line, label, message);
    }
  else
    {
      g_set_error (error, domain, code,
                   /* Translators: %1$s is a file name, %2$u a line number and %3$s a
                    * message about that line. */
                   _("%1$s, line %2$u: %3$s"),
                   self->display_name, self->record_line, message);
    }
}

/* Writing */

/**
 * ocop_csv_escape_field:
 * @field: (nullable): a value
 *
 * Quotes @field when needed (it contains a comma, semicolon, tab, quote or line break, or
 * starts or ends with a space), doubling any quotes inside.
 *
 * Returns: (transfer full): the field as it goes into a CSV file; "" for %NULL.
 */
char *
ocop_csv_escape_field (const char *field)
{
  GString *out;
  gsize len;

  if (field == NULL)
    return g_strdup ("");

  len = strlen (field);
  /* ';' and tab too, so that the reader's delimiter detection is never misled. */
  if (strpbrk (field, ",;\t\"\r\n") == NULL
      && (len == 0 || (field[0] != ' ' && field[len - 1] != ' ')))
    return g_strdup (field);

  out = g_string_sized_new (len + 2);
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/**
 * ocop_csv_append_row:
 * @out: the CSV text being built
 * @fields: (array zero-terminated=1): the values (use "" for an empty one)
 *
 * Appends one record: the escaped fields separated by commas, ended by CRLF (RFC 4180).
 * Start the file with %OCOP_CSV_UTF8_BOM so that Excel reads it as UTF-8.
 */
void
ocop_csv_append_row (GString            *out,
                     const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *escaped = ocop_csv_escape_field (fields[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, escaped);
    }

  g_string_append (out, "\r\n");
}
