/* ocop-window.c: the main window
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-criteria-page.h"
#include "ocop-window.h"
#include "ocop-window-private.h"

struct _OcopWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;

  /* Borrowed */
  GtkWindow            *criteria_window;   /* weak */

  /* Owned */
  OcopDb               *db;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (OcopWindow, ocop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const section_names[] = {
  "products", "councils", "meetings", "certificates", "statistics",
};

static void
ocop_window_save_state (OcopWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized;

  g_assert (OCOP_IS_WINDOW (self));

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The unmaximized size, so that unmaximizing next time gives it back. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
ocop_window_restore_state (OcopWindow *self)
{
  int width;
  int height;

  g_assert (OCOP_IS_WINDOW (self));

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ocop_window_close_request (GtkWindow *window)
{
  OcopWindow *self = OCOP_WINDOW (window);

  ocop_window_save_state (self);

  /* The criteria browser belongs to this window. */
  if (self->criteria_window != NULL)
    gtk_window_destroy (self->criteria_window);

  return GTK_WINDOW_CLASS (ocop_window_parent_class)->close_request (window);
}

static void
on_view_stack_visible_child_cb (OcopWindow *self,
                                GParamSpec *pspec,
                                AdwViewStack *stack)
{
  g_assert (OCOP_IS_WINDOW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
show_criteria_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ocop_window_show_criteria (OCOP_WINDOW (widget));
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ocop_window_set_section (OCOP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
ocop_window_dispose (GObject *object)
{
  OcopWindow *self = (OcopWindow *)object;

  g_clear_weak_pointer (&self->criteria_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_WINDOW);

  G_OBJECT_CLASS (ocop_window_parent_class)->dispose (object);
}

static void
ocop_window_finalize (GObject *object)
{
  OcopWindow *self = (OcopWindow *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ocop_window_parent_class)->finalize (object);
}

static void
ocop_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OcopWindow *self = OCOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_SECTION:
      g_value_set_string (value, ocop_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OcopWindow *self = OCOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      ocop_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_window_class_init (OcopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ocop_window_dispose;
  object_class->finalize = ocop_window_finalize;
  object_class->get_property = ocop_window_get_property;
  object_class->set_property = ocop_window_set_property;

  window_class->close_request = ocop_window_close_request;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.show-criteria", NULL, show_criteria_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);

  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.section", "s", section_names[i]);
}

static void
ocop_window_init (OcopWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (OCOP_ID);

  ocop_window_restore_state (self);
  ocop_window_set_section (self, g_settings_get_string (self->settings, "last-section"));
  g_settings_bind (self->settings, "last-section",
                   self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_SET);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);

#if defined(DEVELOPMENT_BUILD)
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

OcopWindow *
ocop_window_new (GtkApplication *application,
                 OcopDb         *db)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return g_object_new (OCOP_TYPE_WINDOW,
                       "application", application,
                       "db", db,
                       NULL);
}

OcopDb *
ocop_window_get_db (OcopWindow *self)
{
  g_return_val_if_fail (OCOP_IS_WINDOW (self), NULL);

  return self->db;
}

const char *
ocop_window_get_section (OcopWindow *self)
{
  g_return_val_if_fail (OCOP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
ocop_window_set_section (OcopWindow *self,
                         const char *section)
{
  g_return_if_fail (OCOP_IS_WINDOW (self));

  if (section == NULL || adw_view_stack_get_child_by_name (self->view_stack, section) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, section);
}

GtkWindow *
ocop_window_show_criteria (OcopWindow *self)
{
  GtkWidget *window;
  GtkWidget *page;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OCOP_IS_WINDOW (self), NULL);

  if (self->criteria_window != NULL)
    {
      gtk_window_present (self->criteria_window);
      return self->criteria_window;
    }

  page = ocop_criteria_page_new (self->db);
  if (!ocop_criteria_page_reload (OCOP_CRITERIA_PAGE (page), &error))
    {
      /* Translators: shown when the list of criteria sets cannot be read; %s is the reason */
      AdwToast *toast = adw_toast_new_format (_("Could not read the criteria sets: %s"),
                                              error->message);
      ocop_window_add_toast (self, toast);
    }

  /* Open on the newest set: the one a council scores on today. The back button
   * leads to the others. */
  else if (!ocop_criteria_page_select_first_set (OCOP_CRITERIA_PAGE (page), &error))
    {
      /* Translators: shown when a criteria set cannot be read; %s is the reason */
      AdwToast *toast = adw_toast_new_format (_("Could not open the criteria set: %s"),
                                              error->message);
      ocop_window_add_toast (self, toast);
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Criteria Sets"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 800);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_window_set_content (ADW_WINDOW (window), page);

  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (self)));

  g_set_weak_pointer (&self->criteria_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

void
ocop_window_add_toast (OcopWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (OCOP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AdwViewStack *
_ocop_window_get_view_stack (OcopWindow *self)
{
  g_return_val_if_fail (OCOP_IS_WINDOW (self), NULL);

  return self->view_stack;
}
