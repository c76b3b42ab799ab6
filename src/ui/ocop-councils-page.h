/* ocop-councils-page.h: the evaluation councils, their members and settings
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_COUNCILS_PAGE (ocop_councils_page_get_type())

G_DECLARE_FINAL_TYPE (OcopCouncilsPage, ocop_councils_page, OCOP, COUNCILS_PAGE, AdwBin)

GtkWidget  *ocop_councils_page_new             (OcopDb           *db);
OcopDb     *ocop_councils_page_get_db          (OcopCouncilsPage *self);
void        ocop_councils_page_set_db          (OcopCouncilsPage *self,
                                                OcopDb           *db);
gboolean    ocop_councils_page_reload          (OcopCouncilsPage *self,
                                                GError          **error);
/* Opens the council form (a modal window, returned) for a new council. */
GtkWindow  *ocop_councils_page_new_council     (OcopCouncilsPage *self);
/* Opens the member form (an AdwMessageDialog with "cancel" and "save" responses) for
 * a new member of the shown council; NULL when no council is shown. */
GtkWindow  *ocop_councils_page_add_member      (OcopCouncilsPage *self);
/* The councils (OcopCouncilObject) and the shown council's members (OcopMemberObject). */
GListModel *ocop_councils_page_get_councils    (OcopCouncilsPage *self);
GListModel *ocop_councils_page_get_members     (OcopCouncilsPage *self);
gboolean    ocop_councils_page_select_council  (OcopCouncilsPage *self,
                                                gint64            council_id);
gint64      ocop_councils_page_get_selected_council_id (OcopCouncilsPage *self);

G_END_DECLS
