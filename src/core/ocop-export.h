/* ocop-export.h: a meeting's results as CSV and XLSX
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ocop-scoring.h"

G_BEGIN_DECLS

#define OCOP_EXPORT_ERROR (ocop_export_error_quark ())

typedef enum
{
  OCOP_EXPORT_ERROR_FAILED,   /* the file could not be written */
} OcopExportError;

/* One member column of the results table. */
typedef struct _OcopExportMember
{
  gint64    member_id;
  char     *name;
  OcopRole  role;
} OcopExportMember;

void        ocop_export_member_free         (OcopExportMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopExportMember, ocop_export_member_free)

GQuark      ocop_export_error_quark         (void);

/* The members who have a sheet for any product of @results (OcopProductResult*), in
 * the council's order (each result lists its sheets in member order; the lists are
 * merged). Returns OcopExportMember*. */
GPtrArray  *ocop_export_list_members        (const GPtrArray  *results);

/* "A", "B", … "Z", "AA", …: a member's column heading when the chair hides names. */
char       *ocop_export_member_letter       (guint             index);

/* The score as shown: truncated (never rounded up across a band) to hundredths. */
double      ocop_export_truncate_score      (double            score);

/* The table: No., code, product, round, one column per member (the total of a
 * submitted sheet; empty for a draft or no sheet), sheets counted, council score,
 * spread, stars, result and the explanation. Numbers are written for machines ("77.40")
 * so that any program reads them back; headings and results are in the UI language.
 * The text starts with a UTF-8 BOM so that Excel opens it as UTF-8. */
char       *ocop_export_results_csv_data    (const GPtrArray  *results,
                                             gboolean          anonymise);
gboolean    ocop_export_results_csv         (const GPtrArray  *results,
                                             gboolean          anonymise,
                                             const char       *path,
                                             GError          **error);
/* The same table in a workbook, numbers as numbers ("0.00"), with @title (optional:
 * council, date) above it. */
gboolean    ocop_export_results_xlsx        (const GPtrArray  *results,
                                             gboolean          anonymise,
                                             const char       *title,
                                             const char       *path,
                                             GError          **error);

G_END_DECLS
