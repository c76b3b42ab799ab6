/* ocop-products-page-private.h: for the page's tests
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-products-page.h"

G_BEGIN_DECLS

/* The filter popover's drop-downs: product set, province, district, subject type
 * (item 0 of each is "all"). */
GtkDropDown *_ocop_products_page_get_filter_dropdown (OcopProductsPage *self,
                                                      guint             index);
GtkSearchEntry *_ocop_products_page_get_search_entry (OcopProductsPage *self);
/* Iterates the main loop until no (re)load of the register is pending. */
void            _ocop_products_page_wait_idle        (OcopProductsPage *self);

G_END_DECLS
