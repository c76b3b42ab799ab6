/* ocop-statistics-page.h: the dashboard of the Statistics section
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_STATISTICS_PAGE (ocop_statistics_page_get_type())

G_DECLARE_FINAL_TYPE (OcopStatisticsPage, ocop_statistics_page, OCOP, STATISTICS_PAGE, AdwBin)

/* The figures are computed in a worker thread on a second connection to the same
 * database file (ocop_db_open on ocop_db_get_path; SQLite's WAL lets it read beside
 * the application's connection), so a national register never blocks the window.
 * An in-memory database has no second connection: it is read on the main thread.
 *
 * Signals: "data-changed" after the sample data was loaded or removed (other sections
 * reload then). */
GtkWidget  *ocop_statistics_page_new            (OcopDb             *db);
OcopDb     *ocop_statistics_page_get_db         (OcopStatisticsPage *self);
void        ocop_statistics_page_set_db         (OcopStatisticsPage *self,
                                                 OcopDb             *db);
/* Recomputes with the current filter (asynchronously). */
void        ocop_statistics_page_reload         (OcopStatisticsPage *self);
/* TRUE while figures are being computed or sample data loaded. */
gboolean    ocop_statistics_page_get_busy       (OcopStatisticsPage *self);

/* The filter, as the bar sets it. Dates YYYY-MM-DD or NULL (from the beginning /
 * today / the period's end); @province and @district NULL for all. Each reloads. */
void        ocop_statistics_page_set_period     (OcopStatisticsPage *self,
                                                 const char         *from,
                                                 const char         *to);
void        ocop_statistics_page_set_as_of      (OcopStatisticsPage *self,
                                                 const char         *as_of);
void        ocop_statistics_page_set_locality   (OcopStatisticsPage *self,
                                                 const char         *province,
                                                 const char         *district);

/* A card by id: "products", "stars", "expiring", "producers", "product-sets",
 * "districts", "years", "upgrades", "targets"; NULL before the first figures. */
GtkWidget  *ocop_statistics_page_get_card       (OcopStatisticsPage *self,
                                                 const char         *id);
/* Opens the card's chart full size (the OcopChartDialog). */
GtkWindow  *ocop_statistics_page_open_card      (OcopStatisticsPage *self,
                                                 const char         *id);
GtkWindow  *ocop_statistics_page_edit_targets   (OcopStatisticsPage *self);

/* Sample data: loading runs in the worker thread (one to two seconds) with a toast
 * at the end; removing asks first (the returned message dialog), then runs. */
void        ocop_statistics_page_load_sample    (OcopStatisticsPage *self);
GtkWindow  *ocop_statistics_page_remove_sample  (OcopStatisticsPage *self);
/* Removes without asking (what the dialog's "Remove" does). */
void        ocop_statistics_page_remove_sample_now (OcopStatisticsPage *self);
gboolean    ocop_statistics_page_get_sample_loaded (OcopStatisticsPage *self);

G_END_DECLS
