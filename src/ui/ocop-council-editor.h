/* ocop-council-editor.h: the form to create or edit a council
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-council.h"
#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_COUNCIL_EDITOR (ocop_council_editor_get_type())

G_DECLARE_FINAL_TYPE (OcopCouncilEditor, ocop_council_editor, OCOP, COUNCIL_EDITOR, AdwWindow)

/* @council NULL creates one (with the default quorum: two thirds and the chair). */
GtkWidget *ocop_council_editor_new            (OcopDb            *db,
                                               const OcopCouncil *council);
/* Checks and writes (the Save button); a refused value marks its row and shows in a
 * toast. Emits "saved" and closes on success. */
gboolean   ocop_council_editor_save           (OcopCouncilEditor *self,
                                               GError           **error);
gint64     ocop_council_editor_get_council_id (OcopCouncilEditor *self);

G_END_DECLS
