/* ocop-certificate-preview.c: a certificate drawn live, by the renderer that prints it
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-certificate-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ocop-certificate-preview.h"

/* The page is paper whatever the theme: it is drawn with the certificate's own palette
 * (ocop_certificate_render_style_init ()), exactly as printing and the PDF draw it, on
 * an A4 landscape sheet fitted into the widget with a thin shadow around it. */

#define PAGE_RATIO (OCOP_CERTIFICATE_PAGE_HEIGHT / OCOP_CERTIFICATE_PAGE_WIDTH)
#define MARGIN     8.0

struct _OcopCertificatePreview
{
  GtkWidget           parent_instance;

  OcopCertificateDoc *doc;
};

G_DEFINE_FINAL_TYPE (OcopCertificatePreview, ocop_certificate_preview, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
ocop_certificate_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ocop_certificate_preview_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      int width = for_size > 0 ? for_size : 480;

      *minimum = 80;
      *natural = (int) ceil ((width - 2 * MARGIN) * PAGE_RATIO + 2 * MARGIN);
    }
}

static void
ocop_certificate_preview_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  OcopCertificatePreview *self = OCOP_CERTIFICATE_PREVIEW (widget);
  OcopRenderStyle style;
  double width = gtk_widget_get_width (widget) - 2 * MARGIN;
  double height = gtk_widget_get_height (widget) - 2 * MARGIN;
  double page_w, page_h, x, y;
  cairo_t *cr;

  if (self->doc == NULL || width <= 0 || height <= 0)
    return;

  /* The largest A4 landscape sheet that fits, centred. */
  page_w = width;
  page_h = width * PAGE_RATIO;
  if (page_h > height)
    {
      page_h = height;
      page_w = height / PAGE_RATIO;
    }
  x = floor (MARGIN + (width - page_w) / 2);
  y = floor (MARGIN + (height - page_h) / 2);

  gtk_snapshot_append_outset_shadow (snapshot,
                                     &GSK_ROUNDED_RECT_INIT (x, y, page_w, page_h),
                                     &(GdkRGBA) { 0, 0, 0, 0.25 }, 0, 1, 0, 4);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, page_w, page_h));
  cairo_translate (cr, x, y);
  ocop_certificate_render_style_init (&style);
  ocop_certificate_render (cr, page_w, page_h, &style, self->doc);
  cairo_destroy (cr);
}

static void
ocop_certificate_preview_finalize (GObject *object)
{
  OcopCertificatePreview *self = (OcopCertificatePreview *)object;

  g_clear_pointer (&self->doc, ocop_certificate_doc_free);

  G_OBJECT_CLASS (ocop_certificate_preview_parent_class)->finalize (object);
}

static void
ocop_certificate_preview_class_init (OcopCertificatePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ocop_certificate_preview_finalize;

  widget_class->get_request_mode = ocop_certificate_preview_get_request_mode;
  widget_class->measure = ocop_certificate_preview_measure;
  widget_class->snapshot = ocop_certificate_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "ocop-certificate-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ocop_certificate_preview_init (OcopCertificatePreview *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Certificate preview"),
                                  -1);
}

GtkWidget *
ocop_certificate_preview_new (void)
{
  return g_object_new (OCOP_TYPE_CERTIFICATE_PREVIEW, NULL);
}

void
ocop_certificate_preview_set_doc (OcopCertificatePreview *self,
                                  OcopCertificateDoc     *doc)
{
  g_return_if_fail (OCOP_IS_CERTIFICATE_PREVIEW (self));

  g_clear_pointer (&self->doc, ocop_certificate_doc_free);
  self->doc = doc;

  if (doc != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: the accessible description of the certificate preview; %1$s is the
       * certificate number, %2$s the product */
      label = g_strdup_printf (_("Certificate %1$s for %2$s"),
                               doc->number != NULL ? doc->number : "—", doc->product_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                      -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const OcopCertificateDoc *
ocop_certificate_preview_get_doc (OcopCertificatePreview *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATE_PREVIEW (self), NULL);

  return self->doc;
}
