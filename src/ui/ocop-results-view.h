/* ocop-results-view.h: the secretary's matrix of a meeting's results
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_RESULTS_VIEW (ocop_results_view_get_type())

G_DECLARE_FINAL_TYPE (OcopResultsView, ocop_results_view, OCOP, RESULTS_VIEW, AdwBin)

typedef enum
{
  OCOP_RESULTS_EXPORT_CSV,
  OCOP_RESULTS_EXPORT_XLSX,
} OcopResultsExportFormat;

/* Widget actions: results.export (s: "csv" or "xlsx", asks for a file),
 * results.open-round (for the selected product, asks first).
 * Signal "changed" after a round is opened. */

GtkWidget  *ocop_results_view_new            (void);
gboolean    ocop_results_view_set_meeting    (OcopResultsView         *self,
                                              OcopDb                  *db,
                                              gint64                   meeting_id,
                                              GError                 **error);
/* Recomputes (unless the meeting is finalised) and re-reads every result. */
void        ocop_results_view_reload         (OcopResultsView         *self);
/* The rows: OcopResultItem, in agenda order. */
GListModel *ocop_results_view_get_model      (OcopResultsView         *self);
gboolean    ocop_results_view_select_product (OcopResultsView         *self,
                                              gint64                   product_id);
void        ocop_results_view_set_hide_names (OcopResultsView         *self,
                                              gboolean                 hide);
gboolean    ocop_results_view_get_hide_names (OcopResultsView         *self);
/* Writes what the matrix shows (names hidden or not) to @path. */
gboolean    ocop_results_view_export         (OcopResultsView         *self,
                                              OcopResultsExportFormat  format,
                                              const char              *path,
                                              GError                 **error);

G_END_DECLS
