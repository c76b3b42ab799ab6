/* ocop-import-dialog.h: the preview and report of a register import
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_IMPORT_DIALOG (ocop_import_dialog_get_type())

G_DECLARE_FINAL_TYPE (OcopImportDialog, ocop_import_dialog, OCOP, IMPORT_DIALOG, AdwWindow)

GtkWidget  *ocop_import_dialog_new            (OcopDb           *db,
                                               GFile            *file);
/* Reads the file and runs the whole import in a transaction that is rolled back
 * (a dry run): nothing is written. Fills the preview and the problems; returns
 * whether the file can be imported. */
gboolean    ocop_import_dialog_check          (OcopImportDialog *self);
gboolean    ocop_import_dialog_get_can_import (OcopImportDialog *self);
/* Imports for real (what the Import button does); emits "imported" and closes. */
gboolean    ocop_import_dialog_import         (OcopImportDialog *self,
                                               GError          **error);
/* The problems found by the check, as shown: "line 4, column “Bộ sản phẩm”" →
 * message. Returns the number of problems. */
guint       ocop_import_dialog_get_n_problems (OcopImportDialog *self);
/* The number of data rows in the file (0 before the check). */
guint       ocop_import_dialog_get_n_rows     (OcopImportDialog *self);

G_END_DECLS
