/* ocop-criteria-page.h: the criteria browser
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-criteria.h"
#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_CRITERIA_PAGE (ocop_criteria_page_get_type())

G_DECLARE_FINAL_TYPE (OcopCriteriaPage, ocop_criteria_page, OCOP, CRITERIA_PAGE, AdwBin)

GtkWidget       *ocop_criteria_page_new          (OcopDb           *db);
OcopDb          *ocop_criteria_page_get_db       (OcopCriteriaPage *self);
/* Re-reads the list of stored criteria sets. */
gboolean         ocop_criteria_page_reload       (OcopCriteriaPage *self,
                                                  GError          **error);
/* Shows the sheets of a stored set (by its database id). */
gboolean         ocop_criteria_page_select_set   (OcopCriteriaPage *self,
                                                  gint64            set_id,
                                                  GError          **error);
/* Shows the sheets of the first (newest) stored set; TRUE when there is none. */
gboolean         ocop_criteria_page_select_first_set (OcopCriteriaPage *self,
                                                  GError          **error);
/* Shows one sheet ("07") of the chosen set; FALSE if there is no such sheet. */
gboolean         ocop_criteria_page_select_sheet (OcopCriteriaPage *self,
                                                  const char       *code);
/* The chosen set and sheet, or NULL. */
OcopCriteriaSet *ocop_criteria_page_get_set      (OcopCriteriaPage *self);
const OcopSheet *ocop_criteria_page_get_sheet    (OcopCriteriaPage *self);

G_END_DECLS
