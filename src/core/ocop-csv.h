/* ocop-csv.h: CSV reading (for imports) and writing (for exports)
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The reader follows RFC 4180 and what spreadsheets really write:
 * - UTF-8 with or without a BOM (UTF-16 with a BOM, Excel's "Unicode Text", is converted);
 *   anything else is an OCOP_CSV_ERROR_ENCODING error asking for "CSV UTF-8";
 * - CRLF, LF or CR line ends; a trailing newline or trailing blank lines;
 * - quoted fields with "" for a quote and with line breaks inside (read as "\n");
 * - the delimiter found from the first line: ',', ';' (Excel in a Vietnamese locale) or
 *   tab, or given by an Excel "sep=;" first line;
 * - every field put in Unicode NFC (but not trimmed: use ocop_text_normalize ()).
 * Records whose fields are all empty (blank lines, Excel's ";;;;" rows) are skipped.
 * Error messages are translated and start with "<file name>, line <n>". */

#define OCOP_CSV_ERROR (ocop_csv_error_quark ())

typedef enum
{
  OCOP_CSV_ERROR_EMPTY,                /* no header: the file has no text */
  OCOP_CSV_ERROR_ENCODING,             /* not UTF-8 */
  OCOP_CSV_ERROR_UNTERMINATED_QUOTE,   /* a quoted field runs to the end of the file */
  OCOP_CSV_ERROR_FIELD_COUNT,          /* a record has not as many fields as the header */
  OCOP_CSV_ERROR_MISSING_COLUMN,       /* from ocop_csv_reader_require_columns () */
  OCOP_CSV_ERROR_DUPLICATE_COLUMN,     /* two header names that fold to the same text */
} OcopCsvError;

/* Exports should start with it: Excel then opens the file as UTF-8. */
#define OCOP_CSV_UTF8_BOM "\xef\xbb\xbf"

typedef struct _OcopCsvReader OcopCsvReader;

GQuark              ocop_csv_error_quark             (void);

OcopCsvReader      *ocop_csv_reader_new_from_file    (const char           *path,
                                                      GError              **error);
OcopCsvReader      *ocop_csv_reader_new_from_gfile   (GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
OcopCsvReader      *ocop_csv_reader_new_from_data    (const char           *data,
                                                      gssize                len,
                                                      const char           *display_name);
void                ocop_csv_reader_free             (OcopCsvReader        *self);

const char         *ocop_csv_reader_get_display_name (OcopCsvReader        *self);
char                ocop_csv_reader_get_delimiter    (OcopCsvReader        *self);
guint               ocop_csv_reader_get_line         (OcopCsvReader        *self);

gboolean            ocop_csv_reader_read_header      (OcopCsvReader        *self,
                                                      GError              **error);
const char * const *ocop_csv_reader_get_header       (OcopCsvReader        *self);
guint               ocop_csv_reader_get_n_columns    (OcopCsvReader        *self);
int                 ocop_csv_reader_find_column      (OcopCsvReader        *self,
                                                      const char           *name);
gboolean            ocop_csv_reader_require_columns  (OcopCsvReader        *self,
                                                      const char * const   *names,
                                                      GError              **error);

gboolean            ocop_csv_reader_next             (OcopCsvReader        *self,
                                                      char               ***fields,
                                                      GError              **error);
const char         *ocop_csv_reader_get_field        (OcopCsvReader        *self,
                                                      const char * const   *fields,
                                                      const char           *name);
void                ocop_csv_reader_set_field_error  (OcopCsvReader        *self,
                                                      GError              **error,
                                                      GQuark                domain,
                                                      int                   code,
                                                      const char           *column,
                                                      const char           *format,
                                                      ...) G_GNUC_PRINTF (6, 7);

char               *ocop_csv_escape_field            (const char           *field);
void                ocop_csv_append_row              (GString              *out,
                                                      const char * const   *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCsvReader, ocop_csv_reader_free)

G_END_DECLS
