/* ocop-result-item.c: one product's row in the results matrix
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-result-item"

#include "config.h"

#include "ocop-result-item.h"

struct _OcopResultItem
{
  GObject            parent_instance;

  OcopProductResult *result;
  OcopResultFlags    flags;
};

G_DEFINE_FINAL_TYPE (OcopResultItem, ocop_result_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT_NAME,
  PROP_STARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ocop_result_item_finalize (GObject *object)
{
  OcopResultItem *self = (OcopResultItem *)object;

  g_clear_pointer (&self->result, ocop_product_result_free);

  G_OBJECT_CLASS (ocop_result_item_parent_class)->finalize (object);
}

static void
ocop_result_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OcopResultItem *self = OCOP_RESULT_ITEM (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->result->product_name);
      break;

    case PROP_STARS:
      g_value_set_int (value, self->result->stars);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_result_item_class_init (OcopResultItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_result_item_finalize;
  object_class->get_property = ocop_result_item_get_property;

  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STARS] =
    g_param_spec_int ("stars", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ocop_result_item_init (OcopResultItem *self)
{
}

OcopResultItem *
ocop_result_item_new (OcopProductResult     *result,
                      const OcopResultFlags *flags)
{
  OcopResultItem *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (flags != NULL, NULL);

  self = g_object_new (OCOP_TYPE_RESULT_ITEM, NULL);
  self->result = result;
  self->flags = *flags;

  return self;
}

const OcopProductResult *
ocop_result_item_get_result (OcopResultItem *self)
{
  g_return_val_if_fail (OCOP_IS_RESULT_ITEM (self), NULL);

  return self->result;
}

const OcopResultFlags *
ocop_result_item_get_flags (OcopResultItem *self)
{
  g_return_val_if_fail (OCOP_IS_RESULT_ITEM (self), NULL);

  return &self->flags;
}

const char *
ocop_result_item_get_product_name (OcopResultItem *self)
{
  g_return_val_if_fail (OCOP_IS_RESULT_ITEM (self), NULL);

  return self->result->product_name;
}

const OcopMemberTotal *
ocop_result_item_find_member_total (OcopResultItem *self,
                                    gint64          member_id)
{
  g_return_val_if_fail (OCOP_IS_RESULT_ITEM (self), NULL);

  for (guint i = 0; self->result->member_totals != NULL && i < self->result->member_totals->len; i++)
    {
      const OcopMemberTotal *total = g_ptr_array_index (self->result->member_totals, i);

      if (total->member_id == member_id)
        return total;
    }

  return NULL;
}
