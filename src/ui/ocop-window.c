/* ocop-window.c: the main window
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-certificates-page.h"
#include "ocop-councils-page.h"
#include "ocop-criteria-page.h"
#include "ocop-meetings-page.h"
#include "ocop-presentation-window.h"
#include "ocop-products-page.h"
#include "ocop-statistics-page.h"
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
  OcopProductsPage     *products_page;
  OcopCouncilsPage     *councils_page;
  OcopMeetingsPage     *meetings_page;
  OcopCertificatesPage *certificates_page;
  OcopStatisticsPage   *statistics_page;
  GtkWidget            *certificates_start_box;
  GtkWidget            *certificates_end_box;
  GtkWidget            *new_meeting_button;
  GtkWidget            *add_product_button;
  GtkWidget            *import_register_button;
  GtkWidget            *new_council_button;

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

/* The header's main actions follow the visible section. */
static void
update_section_buttons (OcopWindow *self)
{
  const char *section = ocop_window_get_section (self);

  gtk_widget_set_visible (self->add_product_button, g_strcmp0 (section, "products") == 0);
  gtk_widget_set_visible (self->import_register_button, g_strcmp0 (section, "products") == 0);
  gtk_widget_set_visible (self->new_council_button, g_strcmp0 (section, "councils") == 0);
  gtk_widget_set_visible (self->new_meeting_button, g_strcmp0 (section, "meetings") == 0);
  gtk_widget_set_visible (self->certificates_start_box, g_strcmp0 (section, "certificates") == 0);
  gtk_widget_set_visible (self->certificates_end_box, g_strcmp0 (section, "certificates") == 0);
}

static void
add_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ocop_products_page_add_product (OCOP_WINDOW (widget)->products_page);
}

static void
import_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ocop_products_page_import (OCOP_WINDOW (widget)->products_page);
}

static void
new_council_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ocop_councils_page_new_council (OCOP_WINDOW (widget)->councils_page);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ocop_meetings_page_new_meeting (OCOP_WINDOW (widget)->meetings_page);
}

static void
on_view_stack_visible_child_cb (OcopWindow *self,
                                GParamSpec *pspec,
                                AdwViewStack *stack)
{
  g_assert (OCOP_IS_WINDOW (self));

  update_section_buttons (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/* Sample data (primary menu): the Statistics page runs it; every section then shows
 * other data. */
static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  OcopWindow *self = OCOP_WINDOW (widget);

  ocop_window_set_section (self, "statistics");
  ocop_statistics_page_load_sample (self->statistics_page);
}

static void
remove_sample_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ocop_statistics_page_remove_sample (OCOP_WINDOW (widget)->statistics_page);
}

static void
on_sample_data_changed_cb (OcopWindow *self)
{
  ocop_products_page_reload (self->products_page, NULL);
  ocop_councils_page_reload (self->councils_page, NULL);
  ocop_meetings_page_reload (self->meetings_page, NULL);
  ocop_certificates_page_reload (self->certificates_page, NULL);
}

/* win.present-meeting (x): the meeting's results full screen on the projector. */
static void
present_meeting_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  OcopWindow *self = OCOP_WINDOW (widget);
  GtkWidget *presentation = ocop_presentation_window_new (self->db, g_variant_get_int64 (param));
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (presentation), TRUE);
  if (application != NULL)
    gtk_window_set_application (GTK_WINDOW (presentation), application);
  gtk_window_present (GTK_WINDOW (presentation));
}

/* F5: the meeting shown in the Meetings section, wherever the focus is. */
static void
present_current_meeting_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  OcopWindow *self = OCOP_WINDOW (widget);
  gint64 meeting_id = ocop_meetings_page_get_meeting_id (self->meetings_page);

  if (g_strcmp0 (ocop_window_get_section (self), "meetings") != 0 || meeting_id <= 0)
    {
      ocop_window_add_toast (self, adw_toast_new (_("Open a meeting in Meetings to present it")));
      return;
    }

  gtk_widget_activate_action (widget, "win.present-meeting", "x", meeting_id);
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

  g_type_ensure (OCOP_TYPE_PRODUCTS_PAGE);
  g_type_ensure (OCOP_TYPE_COUNCILS_PAGE);
  g_type_ensure (OCOP_TYPE_MEETINGS_PAGE);
  g_type_ensure (OCOP_TYPE_CERTIFICATES_PAGE);
  g_type_ensure (OCOP_TYPE_STATISTICS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, products_page);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, councils_page);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, meetings_page);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, certificates_page);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, statistics_page);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, certificates_start_box);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, certificates_end_box);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, new_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, add_product_button);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, import_register_button);
  gtk_widget_class_bind_template_child (widget_class, OcopWindow, new_council_button);

  gtk_widget_class_install_action (widget_class, "win.show-criteria", NULL, show_criteria_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.add-product", NULL, add_product_action);
  gtk_widget_class_install_action (widget_class, "win.import-register", NULL, import_register_action);
  gtk_widget_class_install_action (widget_class, "win.new-council", NULL, new_council_action);
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.remove-sample", NULL, remove_sample_action);
  gtk_widget_class_install_action (widget_class, "win.present-meeting", "x", present_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.present-current-meeting", NULL, present_current_meeting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-current-meeting", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.section", "s", section_names[i]);
}

static void
ocop_window_init (OcopWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The header's certificate buttons act on the page's actions. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "certificates",
                                  ocop_certificates_page_get_action_group (self->certificates_page));

  self->settings = g_settings_new (OCOP_ID);

  ocop_window_restore_state (self);
  ocop_window_set_section (self, g_settings_get_string (self->settings, "last-section"));
  g_settings_bind (self->settings, "last-section",
                   self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_SET);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->statistics_page, "data-changed",
                           G_CALLBACK (on_sample_data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_section_buttons (self);

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
