/* ocop-result-item.h: one product's row in the results matrix
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ocop-result-flags.h"
#include "ocop-scoring.h"

G_BEGIN_DECLS

#define OCOP_TYPE_RESULT_ITEM (ocop_result_item_get_type())

G_DECLARE_FINAL_TYPE (OcopResultItem, ocop_result_item, OCOP, RESULT_ITEM, GObject)

/* Takes @result; @flags is copied. */
OcopResultItem          *ocop_result_item_new               (OcopProductResult     *result,
                                                             const OcopResultFlags *flags);
const OcopProductResult *ocop_result_item_get_result        (OcopResultItem        *self);
const OcopResultFlags   *ocop_result_item_get_flags         (OcopResultItem        *self);
const char              *ocop_result_item_get_product_name  (OcopResultItem        *self);
/* The member's sheet of the current round, or NULL. */
const OcopMemberTotal   *ocop_result_item_find_member_total (OcopResultItem        *self,
                                                             gint64                 member_id);

G_END_DECLS
