/* test-window.c: the main window, its sections and the criteria browser
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-application.h"
#include "ocop-criteria-page.h"
#include "ocop-criteria-store.h"
#include "ocop-test-ui.h"
#include "ocop-window-private.h"

static gboolean have_display;

/* Helpers */

typedef struct
{
  char   *dir;
  OcopDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Every test starts from the schema's defaults (the memory backend is per process). */
  ocop_test_reset_settings ("last-section", "window-width", "window-height", "window-maximized",
                            NULL);

  f->db = ocop_test_open_db ("ocop-test-window-XXXXXX", &f->dir);
  g_assert_nonnull (f->db);
  ocop_test_import_criteria (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ocop_test_close_db (f->db, f->dir);
}

/* The rows of the sheets list (the list box that holds sheet rows) that the filter
 * lets through. */
static guint
count_visible_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      n++;

  return n;
}

static GtkWidget *
ancestor_row (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
}

/* Tests */

/* The first status page in @widget's tree (the section's empty state). */
static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_sections (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *title;
  } sections[] = {
    { "products", "Products" },
    { "councils", "Councils" },
    { "meetings", "Meetings" },
    { "certificates", "Certificates" },
    { "statistics", "Statistics" },
  };
  OcopWindow *window;
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (50);

  stack = _ocop_window_get_view_stack (window);
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (sections));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, sections[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, sections[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      AdwStatusPage *empty = find_status_page (child);

      /* On an empty database every section says what will be there. */
      g_assert_nonnull (empty);
      g_assert_nonnull (adw_status_page_get_description (empty));
      g_assert_cmpuint (strlen (adw_status_page_get_description (empty)), >, 20);
    }

  /* The first run opens on Products, and the user sees it. */
  g_assert_cmpstr (ocop_window_get_section (window), ==, "products");
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (window), "Products", FALSE));

  ocop_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_remembers_section (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);
  g_autofree char *saved = NULL;
  OcopWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (20);

  /* Alt+3, as the user presses it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "meetings"));
  g_assert_cmpstr (ocop_window_get_section (window), ==, "meetings");
  saved = g_settings_get_string (settings, "last-section");
  g_assert_cmpstr (saved, ==, "meetings");

  /* A section that does not exist changes nothing. */
  ocop_window_set_section (window, "no-such-section");
  g_assert_cmpstr (ocop_window_get_section (window), ==, "meetings");

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  ocop_test_spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* The next window opens where the last one was left. */
  window = ocop_window_new (NULL, f->db);
  g_assert_cmpstr (ocop_window_get_section (window), ==, "meetings");
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (20);
  ocop_test_destroy_window (GTK_WINDOW (window));
}

static void
test_criteria_browser (Fixture       *f,
                       gconstpointer  data)
{
  OcopWindow *window;
  GtkWindow *criteria_window;
  OcopCriteriaPage *page;
  GtkWidget *set_row;
  GtkWidget *name;
  GtkWidget *row;
  GtkWidget *sheet_row = NULL;
  GtkListBox *sheets_list;
  const OcopSheet *sheet;
  g_autoptr(GPtrArray) points = g_ptr_array_new ();
  g_autoptr(GPtrArray) maxima = g_ptr_array_new ();

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (20);

  /* The menu item "Criteria Sets". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-criteria", NULL));
  ocop_test_spin (50);
  criteria_window = ocop_window_show_criteria (window);   /* raises the same window */
  g_assert_true (ADW_IS_WINDOW (criteria_window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (criteria_window)));
  page = OCOP_CRITERIA_PAGE (adw_window_get_content (ADW_WINDOW (criteria_window)));

  /* It opens on the newest set's sheets; back to the list of sets. */
  g_assert_nonnull (ocop_criteria_page_get_set (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "criteria.show-sets", NULL));
  ocop_test_spin (400);   /* the sidebar slides */

  set_row = ocop_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_ROW, "QĐ 1048/QĐ-TTg");
  g_assert_nonnull (set_row);
  g_assert_true (ocop_test_shows_label (set_row, "26 sheets", FALSE));

  /* Click the set: its 26 sheets are listed. */
  g_assert_true (gtk_widget_activate (set_row));
  ocop_test_spin (400);
  g_assert_cmpstr (ocop_criteria_page_get_set (page)->legal_basis, ==, "QĐ 1048/QĐ-TTg");
  name = ocop_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Chế biến từ rau, củ, quả, hạt");
  g_assert_nonnull (name);
  sheet_row = ancestor_row (name);
  g_assert_nonnull (sheet_row);
  sheets_list = GTK_LIST_BOX (gtk_widget_get_parent (sheet_row));
  g_assert_cmpuint (count_visible_rows (sheets_list), ==, 26);

  /* The search ignores case and diacritics, and finds sheets by number. */
  {
    GtkWidget *entry = ocop_test_find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    const char *searches[] = { "CHẾ BIẾN TỪ RAU", "che bien tu rau", "7" };

    g_assert_nonnull (entry);
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), searches[i]);
        ocop_test_spin (300);   /* search-changed is delayed */
        g_assert_true (gtk_widget_get_child_visible (sheet_row));
        g_assert_cmpuint (count_visible_rows (sheets_list), <, 26);
        g_assert_cmpuint (count_visible_rows (sheets_list), >=, 1);
      }

    gtk_editable_set_text (GTK_EDITABLE (entry), "không có phiếu nào như thế");
    ocop_test_spin (300);
    g_assert_cmpuint (count_visible_rows (sheets_list), ==, 0);
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (sheets_list), "No sheet matches the search", FALSE));

    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    ocop_test_spin (300);
    g_assert_cmpuint (count_visible_rows (sheets_list), ==, 26);
  }

  /* Click sheet 07: the sheet is shown as printed. */
  gtk_list_box_select_row (sheets_list, GTK_LIST_BOX_ROW (sheet_row));
  ocop_test_spin (300);
  sheet = ocop_criteria_page_get_sheet (page);
  g_assert_nonnull (sheet);
  g_assert_cmpstr (sheet->code, ==, "07");
  g_assert_true (ocop_test_shows_label_of_class (GTK_WIDGET (page), "title-1", "Chế biến từ rau, củ, quả, hạt"));
  g_assert_true (ocop_test_shows_label_of_class (GTK_WIDGET (page), "sheet-number", "Sheet 07"));
  g_assert_true (ocop_test_shows_label_of_class (GTK_WIDGET (page), "sheet-total", "100 points"));

  name = ocop_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Nguồn nguyên liệu");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_has_css_class (name, "criterion-name"));
  row = ancestor_row (name);
  g_assert_nonnull (row);
  ocop_test_collect_labels (row, "option-points", points);
  ocop_test_collect_labels (row, "criterion-max", maxima);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (points, 0), ==, "1 point");
  g_assert_cmpstr (g_ptr_array_index (points, 2), ==, "3 points");
  g_assert_cmpuint (maxima->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (maxima, 0), ==, "3 points");
  g_assert_true (ocop_test_shows_label (row,
                                        "Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75% đến 100%",
                                        FALSE));

  /* A sheet that does not exist leaves the shown one. */
  g_assert_false (ocop_criteria_page_select_sheet (page, "99"));
  g_assert_cmpstr (ocop_criteria_page_get_sheet (page)->code, ==, "07");
  g_assert_true (ocop_criteria_page_select_sheet (page, "01"));
  ocop_test_spin (100);
  g_assert_cmpstr (ocop_criteria_page_get_sheet (page)->code, ==, "01");
  g_assert_false (ocop_test_shows_label_of_class (GTK_WIDGET (page), "title-1", "Chế biến từ rau, củ, quả, hạt"));

  /* Closing the main window closes the browser too. */
  g_object_add_weak_pointer (G_OBJECT (criteria_window), (gpointer *) &criteria_window);
  ocop_test_destroy_window (GTK_WINDOW (window));
  ocop_test_spin (20);
  g_assert_null (criteria_window);
}

static void
test_application_database (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(OcopApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autofree char *good = g_build_filename (f->dir, "fresh.db", NULL);

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  app = ocop_application_new ();
  g_assert_null (ocop_application_get_db (app));

  /* A fresh file gets the bundled criteria sets. */
  g_assert_true (ocop_application_open_database (app, good, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ocop_application_get_db (app));
  sets = ocop_db_list_criteria_sets (ocop_application_get_db (app), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, >=, 1);

  g_assert_finalize_object (g_steal_pointer (&app));
}

static void
test_application_database_error (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(OcopApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "not-a-database.db", NULL);
  GtkWindow *dialog;
  const char *body;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_assert_true (g_file_set_contents (bad, "This is a letter, not a database.\n"
                                      "It is long enough to have a header of its own.\n"
                                      "0123456789012345678901234567890123456789\n", -1, NULL));

  app = ocop_application_new ();
  g_assert_false (ocop_application_open_database (app, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == OCOP_DB_ERROR);
  g_assert_null (ocop_application_get_db (app));

  /* The dialog says which file. */
  dialog = ocop_application_create_error_dialog (app, bad, error);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "not-a-database.db"));
  g_assert_nonnull (strstr (body, error->message));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "quit"));

  gtk_window_present (dialog);
  ocop_test_spin (20);
  ocop_test_destroy_window (dialog);
  g_assert_finalize_object (g_steal_pointer (&app));
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/window/sections", Fixture, NULL,
              fixture_set_up, test_window_sections, fixture_tear_down);
  g_test_add ("/ocop/window/remembers-section", Fixture, NULL,
              fixture_set_up, test_window_remembers_section, fixture_tear_down);
  g_test_add ("/ocop/window/criteria-browser", Fixture, NULL,
              fixture_set_up, test_criteria_browser, fixture_tear_down);
  g_test_add ("/ocop/application/database", Fixture, NULL,
              fixture_set_up, test_application_database, fixture_tear_down);
  g_test_add ("/ocop/application/database-error", Fixture, NULL,
              fixture_set_up, test_application_database_error, fixture_tear_down);

  return g_test_run ();
}
