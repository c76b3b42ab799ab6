/* ocop-record-objects.c: GObjects around the core's records, for list models
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-record-objects"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-record-objects.h"

/* Four small final types with the same shape: the record, and a subtitle built once.
 * They are immutable: a changed record is a new object in the list. */

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static void
install_properties (GObjectClass *object_class,
                    GParamSpec  **properties)
{
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

char *
ocop_format_locality (const char *address,
                      const char *commune,
                      const char *district,
                      const char *province)
{
  const char *parts[] = { address, commune, district, province };
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, parts[i]);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- products ---- */

struct _OcopProductObject
{
  GObject             parent_instance;

  OcopProductListing *listing;
  char               *subtitle;
};

G_DEFINE_FINAL_TYPE (OcopProductObject, ocop_product_object, G_TYPE_OBJECT)

static GParamSpec *product_properties[N_PROPS];

static void
ocop_product_object_finalize (GObject *object)
{
  OcopProductObject *self = (OcopProductObject *)object;

  g_clear_pointer (&self->listing, ocop_product_listing_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ocop_product_object_parent_class)->finalize (object);
}

static void
ocop_product_object_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OcopProductObject *self = OCOP_PRODUCT_OBJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ocop_product_object_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, ocop_product_object_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_product_object_class_init (OcopProductObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_product_object_finalize;
  object_class->get_property = ocop_product_object_get_property;

  install_properties (object_class, product_properties);
}

static void
ocop_product_object_init (OcopProductObject *self)
{
}

OcopProductObject *
ocop_product_object_new (OcopProductListing *listing)
{
  OcopProductObject *self;
  const OcopProduct *p;

  g_return_val_if_fail (listing != NULL && listing->product != NULL, NULL);

  self = g_object_new (OCOP_TYPE_PRODUCT_OBJECT, NULL);
  self->listing = listing;
  p = listing->product;

  if (p->code != NULL)
    /* Translators: the second line of a product in the list: its code and its producer,
     * “20-180-2-2022 · HTX Bánh chưng Tranh Khúc” */
    self->subtitle = g_strdup_printf (_("%s · %s"), p->code, listing->producer_name);
  else
    self->subtitle = g_strdup (listing->producer_name);

  return self;
}

const OcopProductListing *
ocop_product_object_get_listing (OcopProductObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCT_OBJECT (self), NULL);

  return self->listing;
}

const char *
ocop_product_object_get_title (OcopProductObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCT_OBJECT (self), NULL);

  return self->listing->product->name;
}

const char *
ocop_product_object_get_subtitle (OcopProductObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCT_OBJECT (self), NULL);

  return self->subtitle;
}

/* ---- producers ---- */

struct _OcopProducerObject
{
  GObject              parent_instance;

  OcopProducerListing *listing;
  char                *subtitle;
};

G_DEFINE_FINAL_TYPE (OcopProducerObject, ocop_producer_object, G_TYPE_OBJECT)

static GParamSpec *producer_properties[N_PROPS];

static void
ocop_producer_object_finalize (GObject *object)
{
  OcopProducerObject *self = (OcopProducerObject *)object;

  g_clear_pointer (&self->listing, ocop_producer_listing_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ocop_producer_object_parent_class)->finalize (object);
}

static void
ocop_producer_object_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OcopProducerObject *self = OCOP_PRODUCER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ocop_producer_object_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, ocop_producer_object_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_producer_object_class_init (OcopProducerObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_producer_object_finalize;
  object_class->get_property = ocop_producer_object_get_property;

  install_properties (object_class, producer_properties);
}

static void
ocop_producer_object_init (OcopProducerObject *self)
{
}

OcopProducerObject *
ocop_producer_object_new (OcopProducerListing *listing)
{
  OcopProducerObject *self;
  g_autofree char *products = NULL;

  g_return_val_if_fail (listing != NULL && listing->producer != NULL, NULL);

  self = g_object_new (OCOP_TYPE_PRODUCER_OBJECT, NULL);
  self->listing = listing;

  /* Translators: how many products a producer has, in the list of producers */
  products = g_strdup_printf (ngettext ("%u product", "%u products", listing->n_products),
                              listing->n_products);
  /* Translators: the second line of a producer in the list: its subject type and the
   * number of its products, “Cooperative · 2 products” */
  self->subtitle = g_strdup_printf (_("%s · %s"),
                                    ocop_subject_type_get_label (listing->producer->subject_type),
                                    products);

  return self;
}

const OcopProducerListing *
ocop_producer_object_get_listing (OcopProducerObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCER_OBJECT (self), NULL);

  return self->listing;
}

const char *
ocop_producer_object_get_title (OcopProducerObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCER_OBJECT (self), NULL);

  return self->listing->producer->name;
}

const char *
ocop_producer_object_get_subtitle (OcopProducerObject *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCER_OBJECT (self), NULL);

  return self->subtitle;
}

/* ---- councils ---- */

struct _OcopCouncilObject
{
  GObject      parent_instance;

  OcopCouncil *council;
  guint        n_members;
  char        *subtitle;
};

G_DEFINE_FINAL_TYPE (OcopCouncilObject, ocop_council_object, G_TYPE_OBJECT)

static GParamSpec *council_properties[N_PROPS];

static void
ocop_council_object_finalize (GObject *object)
{
  OcopCouncilObject *self = (OcopCouncilObject *)object;

  g_clear_pointer (&self->council, ocop_council_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ocop_council_object_parent_class)->finalize (object);
}

static void
ocop_council_object_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OcopCouncilObject *self = OCOP_COUNCIL_OBJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ocop_council_object_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, ocop_council_object_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_council_object_class_init (OcopCouncilObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_council_object_finalize;
  object_class->get_property = ocop_council_object_get_property;

  install_properties (object_class, council_properties);
}

static void
ocop_council_object_init (OcopCouncilObject *self)
{
}

OcopCouncilObject *
ocop_council_object_new (OcopCouncil *council,
                         guint        n_members)
{
  OcopCouncilObject *self;
  g_autofree char *members = NULL;

  g_return_val_if_fail (council != NULL, NULL);

  self = g_object_new (OCOP_TYPE_COUNCIL_OBJECT, NULL);
  self->council = council;
  self->n_members = n_members;

  /* Translators: the number of members of a council, in the list of councils */
  members = g_strdup_printf (ngettext ("%u member", "%u members", n_members), n_members);
  /* Translators: the second line of a council in the list: level, criteria regime and
   * number of members, “Province level · QĐ 148/QĐ-TTg · 6 members” */
  self->subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                                    ocop_level_get_label (council->level),
                                    ocop_regime_get_label (council->regime),
                                    members);

  return self;
}

const OcopCouncil *
ocop_council_object_get_council (OcopCouncilObject *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCIL_OBJECT (self), NULL);

  return self->council;
}

guint
ocop_council_object_get_n_members (OcopCouncilObject *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCIL_OBJECT (self), 0);

  return self->n_members;
}

const char *
ocop_council_object_get_title (OcopCouncilObject *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCIL_OBJECT (self), NULL);

  return self->council->name;
}

const char *
ocop_council_object_get_subtitle (OcopCouncilObject *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCIL_OBJECT (self), NULL);

  return self->subtitle;
}

/* ---- members ---- */

struct _OcopMemberObject
{
  GObject     parent_instance;

  OcopMember *member;
  char       *subtitle;
};

G_DEFINE_FINAL_TYPE (OcopMemberObject, ocop_member_object, G_TYPE_OBJECT)

static GParamSpec *member_properties[N_PROPS];

static void
ocop_member_object_finalize (GObject *object)
{
  OcopMemberObject *self = (OcopMemberObject *)object;

  g_clear_pointer (&self->member, ocop_member_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ocop_member_object_parent_class)->finalize (object);
}

static void
ocop_member_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OcopMemberObject *self = OCOP_MEMBER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ocop_member_object_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, ocop_member_object_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_member_object_class_init (OcopMemberObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_member_object_finalize;
  object_class->get_property = ocop_member_object_get_property;

  install_properties (object_class, member_properties);
}

static void
ocop_member_object_init (OcopMemberObject *self)
{
}

OcopMemberObject *
ocop_member_object_new (OcopMember *member)
{
  OcopMemberObject *self;

  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (OCOP_TYPE_MEMBER_OBJECT, NULL);
  self->member = member;

  if (member->title != NULL)
    /* Translators: the second line of a council member: role and position,
     * “Chair of the council · Vice-chair of the provincial People's Committee” */
    self->subtitle = g_strdup_printf (_("%s · %s"), ocop_role_get_label (member->role), member->title);
  else
    self->subtitle = g_strdup (ocop_role_get_label (member->role));

  return self;
}

const OcopMember *
ocop_member_object_get_member (OcopMemberObject *self)
{
  g_return_val_if_fail (OCOP_IS_MEMBER_OBJECT (self), NULL);

  return self->member;
}

const char *
ocop_member_object_get_title (OcopMemberObject *self)
{
  g_return_val_if_fail (OCOP_IS_MEMBER_OBJECT (self), NULL);

  return self->member->name;
}

const char *
ocop_member_object_get_subtitle (OcopMemberObject *self)
{
  g_return_val_if_fail (OCOP_IS_MEMBER_OBJECT (self), NULL);

  return self->subtitle;
}
