/* ocop-test-ui.c: helpers shared by the ui tests
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ocop-criteria-store.h"
#include "ocop-test-ui.h"

/* Starts GTest, then GTK and libadwaita; whether there is a display to test on. */
gboolean
ocop_test_ui_init (int    *argc,
                   char ***argv)
{
  gboolean have_display;

  g_test_init (argc, argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  return have_display;
}

static gboolean
on_spin_timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, then until it is idle. */
void
ocop_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until *@pointer is cleared (a weak pointer to a closing window),
 * for at most @ms: closing a window finishes on a later frame. */
void
ocop_test_wait_for_null (gpointer *pointer,
                         guint     ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (*pointer != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
ocop_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          ocop_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Resets each of the NULL-terminated keys of the app's settings to the schema's
 * default (the memory backend is per process). */
void
ocop_test_reset_settings (const char *first_key,
                          ...)
{
  g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_settings_reset (settings, key);
  va_end (args);
}

/* Opens a new database "ocop.db" in a new temporary directory made from @tmpl, which
 * is returned in @dir. */
OcopDb *
ocop_test_open_db (const char  *tmpl,
                   char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  OcopDb *db;

  *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "ocop.db", NULL);
  db = ocop_db_open (path, &error);
  g_assert_no_error (error);

  return db;
}

/* Imports the criteria sets shipped with the app into @db: at least one. */
void
ocop_test_import_criteria (OcopDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *criteria_dir = ocop_criteria_get_bundled_dir ();

  g_assert_cmpint (ocop_db_import_bundled_criteria (db, criteria_dir, &error), >=, 1);
  g_assert_no_error (error);
}

/* Drops the last reference to @db (asserting that it was the last), then removes
 * and frees @dir. */
void
ocop_test_close_db (OcopDb *db,
                    char   *dir)
{
  g_assert_finalize_object (db);
  ocop_test_remove_tree (dir);
  g_free (dir);
}

void
ocop_test_destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  ocop_test_spin (20);
  g_assert_finalize_object (window);
}

/* The texts of the labels a user can see under @widget (those with @css_class only,
 * unless it is NULL). */
void
ocop_test_collect_labels (GtkWidget  *widget,
                          const char *css_class,
                          GPtrArray  *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ocop_test_collect_labels (child, css_class, texts);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *css_class,
             const char *text,
             gboolean    prefix)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  ocop_test_collect_labels (widget, css_class, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);

      if (prefix ? g_str_has_prefix (t, text) : g_strcmp0 (t, text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether the user sees a label under @widget that is @text (or starts with it when
 * @prefix). */
gboolean
ocop_test_shows_label (GtkWidget  *widget,
                       const char *text,
                       gboolean    prefix)
{
  return shows_label (widget, NULL, text, prefix);
}

/* Whether the user sees a label with @css_class (any label when NULL) under @widget
 * that is @text. */
gboolean
ocop_test_shows_label_of_class (GtkWidget  *widget,
                                const char *css_class,
                                const char *text)
{
  return shows_label (widget, css_class, text, FALSE);
}

/* The first mapped widget of @type under @widget whose title (a preferences row),
 * label (a label or button) is @text; any of that type when @text is NULL. */
GtkWidget *
ocop_test_find_widget (GtkWidget  *widget,
                       GType       type,
                       const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *value = NULL;

      if (GTK_IS_LABEL (widget))
        value = gtk_label_get_text (GTK_LABEL (widget));
      else if (ADW_IS_PREFERENCES_ROW (widget))
        value = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      else if (GTK_IS_BUTTON (widget))
        value = gtk_button_get_label (GTK_BUTTON (widget));
      if (text == NULL || g_strcmp0 (value, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ocop_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of @type below @widget, mapped or not. */
GtkWidget *
ocop_test_find_child (GtkWidget *widget,
                      GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ocop_test_find_child (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The first widget below @widget with the CSS class, mapped or not. */
GtkWidget *
ocop_test_find_by_class (GtkWidget  *widget,
                         const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = ocop_test_find_by_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The mapped preferences row titled @title under @widget, which must be there. */
GtkWidget *
ocop_test_find_row (GtkWidget  *widget,
                    const char *title)
{
  GtkWidget *row = ocop_test_find_widget (widget, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return row;
}

/* The first row of @type (a preferences row type) below @widget titled @title,
 * mapped or not; NULL when there is none. */
GtkWidget *
ocop_test_find_any_row (GtkWidget  *widget,
                        GType       type,
                        const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = ocop_test_find_any_row (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

void
ocop_test_set_row_text (GtkWidget  *widget,
                        const char *title,
                        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (widget, title)), text);
}

/* Chooses the item of a combo row or drop-down whose string starts with @prefix. */
void
ocop_test_choose (GListModel *model,
                  const char *prefix,
                  guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        {
          *position = i;
          return;
        }
    }

  g_error ("no item starts with “%s”", prefix);
}

void
ocop_test_choose_in_row (GtkWidget  *widget,
                         const char *title,
                         const char *prefix)
{
  AdwComboRow *row = ADW_COMBO_ROW (ocop_test_find_row (widget, title));
  guint position = 0;

  ocop_test_choose (adw_combo_row_get_model (row), prefix, &position);
  adw_combo_row_set_selected (row, position);
}
