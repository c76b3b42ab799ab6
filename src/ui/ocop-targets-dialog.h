/* ocop-targets-dialog.h: entering and editing the programme targets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_TARGETS_DIALOG (ocop_targets_dialog_get_type())

G_DECLARE_FINAL_TYPE (OcopTargetsDialog, ocop_targets_dialog, OCOP, TARGETS_DIALOG, AdwWindow)

/* The list of targets; "Add Target" and each row's edit button open the form, "Save"
 * writes at once. Emits "changed" after every save or delete. */
GtkWidget *ocop_targets_dialog_new        (GtkWindow         *parent,
                                           OcopDb            *db);
gboolean   ocop_targets_dialog_reload     (OcopTargetsDialog *self,
                                           GError           **error);
/* Opens the form for a new target (@id 0) or the stored one. */
gboolean   ocop_targets_dialog_edit       (OcopTargetsDialog *self,
                                           gint64             id);
/* Saves the form as the Save button does; FALSE (with the problem shown on the form)
 * when the target is refused. */
gboolean   ocop_targets_dialog_save       (OcopTargetsDialog *self);
guint      ocop_targets_dialog_get_n_targets (OcopTargetsDialog *self);

G_END_DECLS
