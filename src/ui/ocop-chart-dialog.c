/* ocop-chart-dialog.c: a dashboard chart at full size, with export
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-chart-dialog.h"

struct _OcopChartDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  OcopChartView  *view;
};

G_DEFINE_FINAL_TYPE (OcopChartDialog, ocop_chart_dialog, ADW_TYPE_WINDOW)

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopChartDialog *self = OCOP_CHART_DIALOG (widget);
  const char *suffix = g_variant_get_string (param, NULL);
  OcopChartFormat format;
  g_autofree char *name = g_strconcat ("chart.", suffix, NULL);

  if (ocop_chart_format_from_path (name, &format))
    ocop_chart_view_export_with_chooser (self->view, format);
}

static void
ocop_chart_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OCOP_TYPE_CHART_DIALOG);

  G_OBJECT_CLASS (ocop_chart_dialog_parent_class)->dispose (object);
}

static void
ocop_chart_dialog_class_init (OcopChartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_chart_dialog_dispose;

  g_type_ensure (OCOP_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-chart-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopChartDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OcopChartDialog, view);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_chart_dialog_init (OcopChartDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ocop_chart_dialog_new (GtkWindow  *parent,
                       const char *title,
                       const char *subtitle,
                       OcopChart  *chart,
                       const char *file_name)
{
  OcopChartDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (chart != NULL, NULL);

  self = g_object_new (OCOP_TYPE_CHART_DIALOG,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  ocop_chart_view_set_chart (self->view, chart);
  ocop_chart_view_set_file_name (self->view, file_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return GTK_WIDGET (self);
}

OcopChartView *
ocop_chart_dialog_get_view (OcopChartDialog *self)
{
  g_return_val_if_fail (OCOP_IS_CHART_DIALOG (self), NULL);

  return self->view;
}
