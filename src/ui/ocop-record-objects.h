/* ocop-record-objects.h: GObjects around the core's records, for list models
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ocop-council.h"
#include "ocop-registry.h"

G_BEGIN_DECLS

/* Each object owns its record and shows it through read-only properties ("title",
 * "subtitle") that rows bind to. The records are the core's plain structs; the
 * objects never write to the database. */

#define OCOP_TYPE_PRODUCT_OBJECT (ocop_product_object_get_type())
G_DECLARE_FINAL_TYPE (OcopProductObject, ocop_product_object, OCOP, PRODUCT_OBJECT, GObject)

#define OCOP_TYPE_PRODUCER_OBJECT (ocop_producer_object_get_type())
G_DECLARE_FINAL_TYPE (OcopProducerObject, ocop_producer_object, OCOP, PRODUCER_OBJECT, GObject)

#define OCOP_TYPE_COUNCIL_OBJECT (ocop_council_object_get_type())
G_DECLARE_FINAL_TYPE (OcopCouncilObject, ocop_council_object, OCOP, COUNCIL_OBJECT, GObject)

#define OCOP_TYPE_MEMBER_OBJECT (ocop_member_object_get_type())
G_DECLARE_FINAL_TYPE (OcopMemberObject, ocop_member_object, OCOP, MEMBER_OBJECT, GObject)

/* Take ownership of the record. */
OcopProductObject        *ocop_product_object_new          (OcopProductListing  *listing);
const OcopProductListing *ocop_product_object_get_listing  (OcopProductObject   *self);
const char               *ocop_product_object_get_title    (OcopProductObject   *self);
const char               *ocop_product_object_get_subtitle (OcopProductObject   *self);

OcopProducerObject        *ocop_producer_object_new          (OcopProducerListing *listing);
const OcopProducerListing *ocop_producer_object_get_listing  (OcopProducerObject  *self);
const char                *ocop_producer_object_get_title    (OcopProducerObject  *self);
const char                *ocop_producer_object_get_subtitle (OcopProducerObject  *self);

/* @n_members: the council's members without the advisory team. */
OcopCouncilObject        *ocop_council_object_new          (OcopCouncil         *council,
                                                            guint                n_members);
const OcopCouncil        *ocop_council_object_get_council  (OcopCouncilObject   *self);
guint                     ocop_council_object_get_n_members (OcopCouncilObject  *self);
const char               *ocop_council_object_get_title    (OcopCouncilObject   *self);
const char               *ocop_council_object_get_subtitle (OcopCouncilObject   *self);

OcopMemberObject         *ocop_member_object_new           (OcopMember          *member);
const OcopMember         *ocop_member_object_get_member    (OcopMemberObject    *self);
const char               *ocop_member_object_get_title     (OcopMemberObject    *self);
const char               *ocop_member_object_get_subtitle  (OcopMemberObject    *self);

/* "Thanh Trì, Hà Nội": the parts that are set, joined. */
char                     *ocop_format_locality             (const char          *address,
                                                            const char          *commune,
                                                            const char          *district,
                                                            const char          *province);

G_END_DECLS
