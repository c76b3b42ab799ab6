/* ocop-ui-util.c: small widget helpers the pages and dialogs share
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ocop-ui-util.h"
#include "ocop-window.h"

void
ocop_ui_show_toast (GtkWidget  *widget,
                    const char *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, OCOP_TYPE_WINDOW);

  if (window != NULL)
    ocop_window_add_toast (OCOP_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

void
ocop_ui_show_overlay_toast (GtkWidget  *widget,
                            const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

GtkWindow *
ocop_ui_get_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

const char *
ocop_ui_or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

GtkWidget *
ocop_ui_make_icon_button (const char *icon_name,
                          const char *tooltip,
                          const char *action_name,
                          gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_add_css_class (button, "flat");

  return button;
}

GtkWidget *
ocop_ui_make_label (const char *text,
                    const char *css_class,
                    gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

char *
ocop_ui_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}
