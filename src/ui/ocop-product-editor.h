/* ocop-product-editor.h: the form to add or edit a product or a producer
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-criteria.h"
#include "ocop-db.h"
#include "ocop-registry.h"

G_BEGIN_DECLS

#define OCOP_TYPE_PRODUCT_EDITOR (ocop_product_editor_get_type())

G_DECLARE_FINAL_TYPE (OcopProductEditor, ocop_product_editor, OCOP, PRODUCT_EDITOR, AdwWindow)

/* A product form: @product NULL adds one; @producer_id (0: none) is chosen first;
 * "New producer" in the producer row adds the producer with the product, in one
 * transaction. @set (nullable) names the product sets. */
GtkWidget *ocop_product_editor_new_for_product  (OcopDb             *db,
                                                 OcopCriteriaSet    *set,
                                                 const OcopProduct  *product,
                                                 gint64              producer_id);
/* A producer form: @producer NULL adds one. */
GtkWidget *ocop_product_editor_new_for_producer (OcopDb             *db,
                                                 const OcopProducer *producer);
/* Checks and writes the form (what the Save button does). On a refused value the
 * row of the field gets the "error" style and the message shows in a toast; nothing
 * is written. Emits "saved" and closes the window on success. */
gboolean   ocop_product_editor_save             (OcopProductEditor  *self,
                                                 GError            **error);
/* After a save: the ids written (0 when none). */
gint64     ocop_product_editor_get_product_id   (OcopProductEditor  *self);
gint64     ocop_product_editor_get_producer_id  (OcopProductEditor  *self);

G_END_DECLS
