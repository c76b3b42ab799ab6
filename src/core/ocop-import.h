/* ocop-import.h: importing the registry, council members and score sheets from files
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"

G_BEGIN_DECLS

/* Every import is all-or-nothing: the whole file is read and checked first, and one
 * bad row rejects the file, with every problem listed by line and field; nothing is
 * written then; @rejected (optional) then gets the report with every problem. Column
 * names match ignoring case and diacritics, in English or
 * Vietnamese ("name" or "Tên sản phẩm"). The columns are listed in README.md. */

#define OCOP_IMPORT_ERROR (ocop_import_error_quark ())

typedef enum
{
  OCOP_IMPORT_ERROR_FILE,      /* cannot be read, or not CSV/JSON at all */
  OCOP_IMPORT_ERROR_ROWS,      /* one or more rows rejected; see the report */
} OcopImportError;

typedef struct _OcopImportProblem
{
  guint  line;                 /* 1-based line of the file (0: the whole file) */
  char  *field;                /* column as named in the file, or NULL */
  char  *message;
} OcopImportProblem;

typedef struct _OcopImportReport
{
  char       *file;            /* the file's name as given */
  guint       n_rows;          /* data rows read */
  guint       n_imported;      /* rows (or sheets) written; 0 when rejected */
  guint       n_created;       /* further records created on the way (producers) */
  guint       n_submitted;     /* sheets submitted (complete ones, when asked to) */
  GPtrArray  *problems;        /* OcopImportProblem* */
} OcopImportReport;

GQuark            ocop_import_error_quark       (void);

OcopImportReport *ocop_import_report_new        (const char        *file);
void              ocop_import_report_free       (OcopImportReport  *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopImportReport, ocop_import_report_free)

/* Producers: name, subject type, address, commune, district, province, representative,
 * phone, tax code. */
OcopImportReport *ocop_import_producers_csv     (OcopDb            *db,
                                                 const char        *path,
                                                 OcopImportReport **rejected,
                                                 GError           **error);
/* Products: code, name, product set, producer (by name; created when the row also has
 * the producer's subject type and it does not exist yet), evaluation type, proposed
 * stars, year, and the producer's columns. */
OcopImportReport *ocop_import_products_csv      (OcopDb            *db,
                                                 const char        *path,
                                                 OcopImportReport **rejected,
                                                 GError           **error);
/* Council members: name, role, title. */
OcopImportReport *ocop_import_members_csv       (OcopDb            *db,
                                                 gint64             council_id,
                                                 const char        *path,
                                                 OcopImportReport **rejected,
                                                 GError           **error);
/* Members' score sheets for a meeting, from CSV (member, product, criterion, option:
 * one row per answer) or JSON (see README.md). The sheets of the products' current
 * round are created as drafts, filled, and submitted when @submit and complete. */
OcopImportReport *ocop_import_sheets            (OcopDb            *db,
                                                 gint64             meeting_id,
                                                 const char        *path,
                                                 gboolean           submit,
                                                 OcopImportReport **rejected,
                                                 GError           **error);

G_END_DECLS
