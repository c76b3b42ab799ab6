/* ocop-meetings-page.h: council meetings, from the agenda to the results
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"
#include "ocop-results-view.h"
#include "ocop-score-sheet.h"

G_BEGIN_DECLS

#define OCOP_TYPE_MEETINGS_PAGE (ocop_meetings_page_get_type())

G_DECLARE_FINAL_TYPE (OcopMeetingsPage, ocop_meetings_page, OCOP, MEETINGS_PAGE, AdwBin)

/* Widget actions: meetings.new (the editor), meetings.back, meetings.finalise (asks,
 * listing what will be locked), meetings.declare-conflict (asks). */

GtkWidget       *ocop_meetings_page_new              (OcopDb           *db);
void             ocop_meetings_page_set_db           (OcopMeetingsPage *self,
                                                      OcopDb           *db);
/* Re-reads the list and the open meeting. */
gboolean         ocop_meetings_page_reload           (OcopMeetingsPage *self,
                                                      GError          **error);
gboolean         ocop_meetings_page_select_meeting   (OcopMeetingsPage *self,
                                                      gint64            meeting_id);
gint64           ocop_meetings_page_get_meeting_id   (OcopMeetingsPage *self);
/* "agenda", "attendance", "scoring" or "results". */
void             ocop_meetings_page_show_view        (OcopMeetingsPage *self,
                                                      const char       *name);
const char      *ocop_meetings_page_get_view         (OcopMeetingsPage *self);
/* Opens the new-meeting editor; the page selects the meeting once created. */
GtkWindow       *ocop_meetings_page_new_meeting      (OcopMeetingsPage *self);
OcopScoreForm   *ocop_meetings_page_get_score_form   (OcopMeetingsPage *self);
OcopResultsView *ocop_meetings_page_get_results_view (OcopMeetingsPage *self);

G_END_DECLS
