/* ocop-application.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ocop-application.h"
#include "ocop-criteria-store.h"
#include "ocop-preferences-window.h"
#include "ocop-window.h"

struct _OcopApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;   /* from --database, or NULL */
  OcopDb         *db;
  GError         *import_error;    /* shown as a toast in the first window */
};

G_DEFINE_FINAL_TYPE (OcopApplication, ocop_application, ADW_TYPE_APPLICATION)

static void
ocop_application_finalize (GObject *object)
{
  OcopApplication *self = (OcopApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->db);
  g_clear_error (&self->import_error);

  G_OBJECT_CLASS (ocop_application_parent_class)->finalize (object);
}

static int
ocop_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  OcopApplication *self = OCOP_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (path, NULL);
      /* Another database is another session: do not hand it to a running instance
       * that has its own database open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             OcopApplication  *self)
{
  g_application_quit (G_APPLICATION (self));
}

GtkWindow *
ocop_application_create_error_dialog (OcopApplication *self,
                                      const char      *path,
                                      const GError    *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (OCOP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  /* The core's messages name the file; say which one if this one does not. */
  if (path != NULL && strstr (error->message, path) == NULL)
    /* Translators: the body of the dialog shown when the database cannot be opened;
     * the first %s is the reason, the second the file */
    body = g_strdup_printf (_("%s\n\nFile: %s"), error->message, path);
  else
    body = g_strdup (error->message);

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_error_dialog_response_cb), self, G_CONNECT_DEFAULT);

  return GTK_WINDOW (dialog);
}

static void
ocop_application_activate (GApplication *app)
{
  OcopApplication *self = OCOP_APPLICATION (app);
  GtkWindow *window;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = ocop_application_dup_database_path (self);

  if (self->db == NULL && !ocop_application_open_database (self, path, &error))
    {
      GtkWindow *dialog = ocop_application_create_error_dialog (self, path, error);

      g_message ("%s", error->message);
      gtk_window_set_application (dialog, GTK_APPLICATION (self));
      gtk_window_present (dialog);
      return;
    }

  window = GTK_WINDOW (ocop_window_new (GTK_APPLICATION (self), self->db));

  if (self->import_error != NULL)
    {
      /* Translators: a notice shown when the criteria sets shipped with the application
       * cannot be stored; %s is the reason */
      AdwToast *toast = adw_toast_new_format (_("Could not import the bundled criteria sets: %s"),
                                              self->import_error->message);
      adw_toast_set_timeout (toast, 0);
      ocop_window_add_toast (OCOP_WINDOW (window), toast);
      g_clear_error (&self->import_error);
    }

  gtk_window_present (window);
}

static void
ocop_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  OcopApplication *self = user_data;
  GList *windows;

  g_assert (OCOP_IS_APPLICATION (self));

  /* Close the windows first so that they save their size and section. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      if (OCOP_IS_WINDOW (window))
        gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
ocop_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  OcopApplication *self = user_data;
  static const char *developers[] = {
    "The OCOP Council authors",
    NULL
  };
  GtkWidget *about;
  GtkWindow *parent;

  g_assert (OCOP_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = adw_about_window_new ();
  g_object_set (about,
                "transient-for", parent,
                "application-name", _("OCOP Council"),
                "application-icon", OCOP_ID,
                "developer-name", _("The OCOP Council authors"),
                "version", PACKAGE_VERSION,
                "website", "https://example.org/ocop/",
                "comments", _("Score products for the One Commune One Product programme: "
                              "councils, meetings, score sheets, stars and certificates."),
                "copyright", "© 2026 The OCOP Council authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                /* Translators: your names, one per line, shown in the About window */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Criteria Sets"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The criteria sheets are the text of Decision 1048/QĐ-TTg "
                                        "of the Prime Minister of Vietnam (21 August 2019), "
                                        "Appendix III, a public legal document."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
ocop_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  OcopApplication *self = user_data;
  GtkWindow *parent;
  GtkWidget *preferences;
  OcopDb *db = self->db;

  g_assert (OCOP_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (OCOP_IS_WINDOW (parent))
    db = ocop_window_get_db (OCOP_WINDOW (parent));

  preferences = ocop_preferences_window_new (db);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", ocop_application_quit_action },
  { "about", ocop_application_about_action },
  { "preferences", ocop_application_preferences_action },
};

static void
ocop_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ocop_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-criteria",
                                         (const char *[]) { "<Primary><Shift>c", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Primary>w", NULL });
}

static void
ocop_application_class_init (OcopApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ocop_application_finalize;

  app_class->activate = ocop_application_activate;
  app_class->startup = ocop_application_startup;
  app_class->handle_local_options = ocop_application_handle_local_options;
}

static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the council database FILE instead of the usual one"), N_("FILE") },
  { NULL }
};

static void
ocop_application_init (OcopApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("OCOP Council: score products, run council "
                                              "meetings and issue certificates."));
}

OcopApplication *
ocop_application_new (void)
{
  return g_object_new (OCOP_TYPE_APPLICATION,
                       "application-id", OCOP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/Ocop",
                       NULL);
}

OcopDb *
ocop_application_get_db (OcopApplication *self)
{
  g_return_val_if_fail (OCOP_IS_APPLICATION (self), NULL);

  return self->db;
}

char *
ocop_application_dup_database_path (OcopApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *setting = NULL;

  g_return_val_if_fail (OCOP_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  settings = g_settings_new (OCOP_ID);
  setting = g_settings_get_string (settings, "database-path");
  if (setting[0] != '\0')
    return g_steal_pointer (&setting);

  return ocop_db_get_default_path ();
}

gboolean
ocop_application_open_database (OcopApplication  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(OcopDb) db = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autofree char *criteria_dir = NULL;

  g_return_val_if_fail (OCOP_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = ocop_db_open (path, error);
  if (db == NULL)
    return FALSE;

  /* Every start, not only the first: it stores only the bundled sets that are not in
   * the database yet, so a newer version's sets arrive after an upgrade. A failure
   * here leaves the database usable, so it is a notice, not a refusal. */
  criteria_dir = ocop_criteria_get_bundled_dir ();
  if (ocop_db_import_bundled_criteria (db, criteria_dir, &import_error) < 0)
    {
      g_warning ("Could not import the criteria sets of %s: %s", criteria_dir, import_error->message);
      g_clear_error (&self->import_error);
      self->import_error = g_steal_pointer (&import_error);
    }

  g_set_object (&self->db, db);

  return TRUE;
}
