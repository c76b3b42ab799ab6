/* ocop-score-stars.c: a row of drawn stars in a widget
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-score-stars"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ocop-render-style.h"
#include "ocop-score-stars.h"
#include "ocop-stars-render.h"

/* The stars are drawn by the same renderer as the certificates and the charts
 * (src/render), never typed as "★" text. The accessible label and the tooltip say
 * the number in words. */

#define MAX_STARS 5

struct _OcopScoreStars
{
  GtkWidget  parent_instance;

  int        stars;
  int        size;
};

G_DEFINE_FINAL_TYPE (OcopScoreStars, ocop_score_stars, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ocop_score_stars_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  OcopScoreStars *self = OCOP_SCORE_STARS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceil (ocop_stars_render_get_width (self->size, MAX_STARS));
  else
    *minimum = *natural = self->size;
}

static void
ocop_score_stars_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OcopScoreStars *self = OCOP_SCORE_STARS (widget);
  OcopRenderStyle style;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double y;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ocop_render_style_init_default (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  y = MAX (0, (height - self->size) / 2.0);
  ocop_stars_render (cr, 0, y, self->size, self->stars, MAX_STARS, &style);
  cairo_destroy (cr);
}

static void
ocop_score_stars_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OcopScoreStars *self = OCOP_SCORE_STARS (object);

  switch (prop_id)
    {
    case PROP_STARS:
      g_value_set_int (value, self->stars);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_score_stars_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OcopScoreStars *self = OCOP_SCORE_STARS (object);

  switch (prop_id)
    {
    case PROP_STARS:
      ocop_score_stars_set_stars (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_score_stars_class_init (OcopScoreStarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ocop_score_stars_get_property;
  object_class->set_property = ocop_score_stars_set_property;

  widget_class->measure = ocop_score_stars_measure;
  widget_class->snapshot = ocop_score_stars_snapshot;

  properties[PROP_STARS] =
    g_param_spec_int ("stars", NULL, NULL,
                      0, MAX_STARS, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ocop-stars");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ocop_score_stars_init (OcopScoreStars *self)
{
  self->size = 18;
  ocop_score_stars_set_stars (self, 0);
}

GtkWidget *
ocop_score_stars_new (void)
{
  return g_object_new (OCOP_TYPE_SCORE_STARS, NULL);
}

void
ocop_score_stars_set_stars (OcopScoreStars *self,
                            int             stars)
{
  g_autofree char *text = NULL;

  g_return_if_fail (OCOP_IS_SCORE_STARS (self));

  stars = CLAMP (stars, 0, MAX_STARS);
  if (stars == self->stars && gtk_widget_get_tooltip_text (GTK_WIDGET (self)) != NULL)
    return;

  self->stars = stars;
  if (stars == 0)
    text = g_strdup (_("No stars"));
  else
    /* Translators: the accessible name and tooltip of a row of drawn stars */
    text = g_strdup_printf (ngettext ("%d star", "%d stars", stars), stars);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARS]);
}

int
ocop_score_stars_get_stars (OcopScoreStars *self)
{
  g_return_val_if_fail (OCOP_IS_SCORE_STARS (self), 0);

  return self->stars;
}

void
ocop_score_stars_set_size (OcopScoreStars *self,
                           int             size)
{
  g_return_if_fail (OCOP_IS_SCORE_STARS (self));

  self->size = MAX (size, 6);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
