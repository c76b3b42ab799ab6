/* main.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ocop-application.h"

/* Whether this is the executable in the build directory (run without installing):
 * then the translations and the settings schema are taken from the build tree. */
static gboolean
is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *build_dir = NULL;

  if (exe == NULL)
    return FALSE;

  dir = g_path_get_dirname (exe);
  build_dir = g_canonicalize_filename (OCOP_BUILD_UIDIR, NULL);

  return g_strcmp0 (dir, build_dir) == 0;
}

static void
use_build_schemas (void)
{
  const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *value = NULL;

  if (!g_file_test (OCOP_BUILD_SCHEMADIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    return;

  if (current != NULL && current[0] != '\0')
    value = g_strconcat (OCOP_BUILD_SCHEMADIR, G_SEARCHPATH_SEPARATOR_S, current, NULL);
  else
    value = g_strdup (OCOP_BUILD_SCHEMADIR);

  g_setenv ("GSETTINGS_SCHEMA_DIR", value, TRUE);
}

/* The "language" setting overrides the desktop's language. It must be applied
 * before gettext reads LANGUAGE for the first time. */
static gboolean
apply_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL)
    return FALSE;

  schema = g_settings_schema_source_lookup (source, OCOP_ID, TRUE);
  if (schema == NULL)
    return FALSE;

  settings = g_settings_new (OCOP_ID);
  language = g_settings_get_string (settings, "language");
  if (language[0] == '\0')
    return FALSE;

  g_setenv ("LANGUAGE", language, TRUE);

  return TRUE;
}

/* Uninstalled, the application icon is in the source tree. */
static void
on_startup_add_icon_path_cb (GApplication *app,
                             gpointer      user_data)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), OCOP_SOURCE_ICONDIR);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OcopApplication) app = NULL;
  const char *localedir = LOCALEDIR;
  const char *messages_locale;
  gboolean uninstalled;
  gboolean language_set;

  uninstalled = is_uninstalled ();
  if (uninstalled)
    {
      use_build_schemas ();
      if (g_file_test (OCOP_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
        localedir = OCOP_BUILD_LOCALEDIR;
    }

  language_set = apply_language_setting ();

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the C locale; a chosen language needs a UTF-8 one. */
  messages_locale = setlocale (LC_MESSAGES, NULL);
  if (language_set &&
      (messages_locale == NULL ||
       strcmp (messages_locale, "C") == 0 ||
       strcmp (messages_locale, "POSIX") == 0))
    setlocale (LC_ALL, "C.UTF-8");

  /* The locale is set here, before GTK would set it again and undo the above. */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ocop_application_new ();
  if (uninstalled)
    g_signal_connect_after (app, "startup", G_CALLBACK (on_startup_add_icon_path_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
