/* ocop-meeting-editor.h: a new council meeting (council, criteria set, date, place,
 * title and the products on its agenda)
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_MEETING_EDITOR (ocop_meeting_editor_get_type())

G_DECLARE_FINAL_TYPE (OcopMeetingEditor, ocop_meeting_editor, OCOP, MEETING_EDITOR, AdwWindow)

/* Signal "created" (gint64 meeting id) once the meeting is stored; the window then
 * closes. Action editor.create stores it. */
OcopMeetingEditor *ocop_meeting_editor_new           (OcopDb            *db,
                                                      GtkWindow         *parent,
                                                      GError           **error);
/* Ticks (or unticks) a product on the agenda; ticking appends it. FALSE when the
 * product cannot go on this meeting's agenda. */
gboolean           ocop_meeting_editor_set_product   (OcopMeetingEditor *self,
                                                      gint64             product_id,
                                                      gboolean           on_agenda);
/* The meeting id once created, else 0. */
gint64             ocop_meeting_editor_get_meeting_id (OcopMeetingEditor *self);

G_END_DECLS
