/* ocop-products-page.h: the register of products and producers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_PRODUCTS_PAGE (ocop_products_page_get_type())

G_DECLARE_FINAL_TYPE (OcopProductsPage, ocop_products_page, OCOP, PRODUCTS_PAGE, AdwBin)

GtkWidget  *ocop_products_page_new              (OcopDb           *db);
OcopDb     *ocop_products_page_get_db           (OcopProductsPage *self);
void        ocop_products_page_set_db           (OcopProductsPage *self,
                                                 OcopDb           *db);
/* Reads the register again (also done when the database is set). For a database in a
 * file the reading runs in a thread on the page's own connection and the list changes
 * when it is done (at national size it takes more than a frame); errors then show in a
 * toast. In memory it is read at once and errors come back here. */
gboolean    ocop_products_page_reload           (OcopProductsPage *self,
                                                 GError          **error);
/* Open the editor (a modal window, returned) for a new product or producer. */
GtkWindow  *ocop_products_page_add_product      (OcopProductsPage *self);
GtkWindow  *ocop_products_page_add_producer     (OcopProductsPage *self);
/* Opens the file chooser, then the import preview. */
void        ocop_products_page_import           (OcopProductsPage *self);
/* Checks @file without writing and shows the preview (returned). */
GtkWindow  *ocop_products_page_import_file      (OcopProductsPage *self,
                                                 GFile            *file);
/* The lists as shown: searched and filtered (OcopProductObject, OcopProducerObject). */
GListModel *ocop_products_page_get_products     (OcopProductsPage *self);
GListModel *ocop_products_page_get_producers    (OcopProductsPage *self);
/* Selects and shows a product; FALSE when it is not in the shown list. */
gboolean    ocop_products_page_select_product   (OcopProductsPage *self,
                                                 gint64            product_id);
/* The shown product's id, or 0. */
gint64      ocop_products_page_get_selected_product_id (OcopProductsPage *self);

G_END_DECLS
