/* test-statistics-page.c: the dashboard on the sample province, its filter, the
 * targets dialog, chart export and the sample data's load and removal
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-chart-view.h"
#include "ocop-criteria-store.h"
#include "ocop-sample.h"
#include "ocop-statistics-page.h"
#include "ocop-stats.h"
#include "ocop-targets-dialog.h"
#include "ocop-test-ui.h"
#include "ocop-window.h"

static gboolean have_display;

/* Helpers */

/* Until the worker thread is done (at most 30 s). */
static void
wait_idle (OcopStatisticsPage *page)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  ocop_test_spin (10);
  while (ocop_statistics_page_get_busy (page) && g_get_monotonic_time () < end)
    ocop_test_spin (20);
  g_assert_false (ocop_statistics_page_get_busy (page));
  ocop_test_spin (20);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* Every line the user reads on a card, one a line. */
static char *
card_text (OcopStatisticsPage *page,
           const char         *id)
{
  GtkWidget *card = ocop_statistics_page_get_card (page, id);
  GString *text = g_string_new ("\n");

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (card));
  collect_labels (card, text);

  return g_string_free (text, FALSE);
}

static void
assert_card_line (OcopStatisticsPage *page,
                  const char         *id,
                  const char         *line)
{
  g_autofree char *text = card_text (page, id);
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);

  if (strstr (text, needle) == NULL)
    g_error ("card “%s” does not read “%s”; it reads:%s", id, line, text);
}

typedef struct
{
  char               *dir;
  OcopDb             *db;
  OcopWindow         *window;
  OcopStatisticsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_sample = GPOINTER_TO_INT (data);

  if (!have_display)
    return;

  f->db = ocop_test_open_db ("ocop-test-statistics-XXXXXX", &f->dir);
  ocop_test_import_criteria (f->db);

  if (with_sample)
    {
      ocop_sample_load (f->db, &error);
      g_assert_no_error (error);
    }

  f->window = ocop_window_new (NULL, f->db);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1300, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  ocop_window_set_section (f->window, "statistics");

  f->page = OCOP_STATISTICS_PAGE (ocop_test_find_child (GTK_WIDGET (f->window), OCOP_TYPE_STATISTICS_PAGE));
  g_assert_nonnull (f->page);
  wait_idle (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  wait_idle (f->page);
  ocop_test_destroy_window (GTK_WINDOW (f->window));
  ocop_test_close_db (f->db, f->dir);
}

static void
show_report_period (Fixture *f)
{
  ocop_statistics_page_set_period (f->page, OCOP_SAMPLE_REPORT_FROM, OCOP_SAMPLE_REPORT_TO);
  ocop_statistics_page_set_as_of (f->page, OCOP_SAMPLE_REPORT_AS_OF);
  wait_idle (f->page);
}

/* Tests */

static void
test_report_figures (Fixture       *f,
                     gconstpointer  data)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_report_period (f);

  /* The provincial report: 105 registered; 94 certified (73 × 3★, 21 × 4★); 84
   * currently valid (65 × 3★, 19 × 4★); 10 lapsed (8 × 3★, 2 × 4★). */
  assert_card_line (f->page, "products", "105 products registered");
  assert_card_line (f->page, "stars", "84 valid");
  assert_card_line (f->page, "stars", "94 certified · 73 ★★★ · 21 ★★★★");
  assert_card_line (f->page, "stars", "84 valid · 65 ★★★ · 19 ★★★★");
  assert_card_line (f->page, "stars", "10 expired · 8 ★★★ · 2 ★★★★");
  assert_card_line (f->page, "years", "94 certified");
  /* The four programme targets of the sample, 2023–2025. */
  assert_card_line (f->page, "targets", "2 of 4 targets met");

  /* The sample is marked as such. */
  g_assert_true (ocop_statistics_page_get_sample_loaded (f->page));
  g_assert_true (gtk_widget_get_mapped (ocop_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_REVEALER)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (ocop_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_REVEALER))));

  /* Nine cards, each with its chart. */
  for (guint i = 0; i < 9; i++)
    {
      static const char * const ids[] = {
        "products", "stars", "expiring", "producers", "product-sets", "districts", "years",
        "upgrades", "targets",
      };
      GtkWidget *card = ocop_statistics_page_get_card (f->page, ids[i]);
      GtkWidget *view;

      g_assert_nonnull (card);
      view = ocop_test_find_child (card, OCOP_TYPE_CHART_VIEW);
      g_assert_nonnull (view);
      g_assert_nonnull (ocop_chart_view_get_chart (OCOP_CHART_VIEW (view)));
      g_assert_cmpint (gtk_widget_get_height (view), >=, 120);
    }
  g_assert_null (ocop_statistics_page_get_card (f->page, "no-such-card"));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  OcopStatsQuery query = {
    OCOP_SAMPLE_REPORT_FROM, OCOP_SAMPLE_REPORT_TO, OCOP_SAMPLE_REPORT_AS_OF,
    OCOP_SAMPLE_PROVINCE, "Huyện Núi Xanh",
  };
  g_autoptr(OcopStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *valid = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_report_period (f);
  assert_card_line (f->page, "products", "105 products registered");

  /* One district: the cards show exactly what the core counts for it. */
  stats = ocop_db_compute_stats (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->registered, >, 0);
  g_assert_cmpuint (stats->registered, <, 105);

  ocop_statistics_page_set_locality (f->page, OCOP_SAMPLE_PROVINCE, "Huyện Núi Xanh");
  wait_idle (f->page);
  line = g_strdup_printf ("%u products registered", stats->registered);
  assert_card_line (f->page, "products", line);
  valid = g_strdup_printf ("%u valid", stats->in_force.n[0]);
  assert_card_line (f->page, "stars", valid);
  assert_card_line (f->page, "districts", "1 district");

  /* A period before anything happened: nothing registered, but the dashboard stays. */
  ocop_statistics_page_set_locality (f->page, NULL, NULL);
  ocop_statistics_page_set_as_of (f->page, NULL);
  ocop_statistics_page_set_period (f->page, "2010-01-01", "2010-12-31");
  wait_idle (f->page);
  assert_card_line (f->page, "products", "0 products registered");
  assert_card_line (f->page, "stars", "0 valid");
}

static void
test_targets_dialog (Fixture       *f,
                     gconstpointer  data)
{
  GtkWindow *dialog;
  OcopTargetsDialog *targets;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  const OcopTarget *saved = NULL;
  GtkWidget *error_label;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_report_period (f);
  assert_card_line (f->page, "targets", "2 of 4 targets met");

  dialog = ocop_statistics_page_edit_targets (f->page);
  g_assert_true (OCOP_IS_TARGETS_DIALOG (dialog));
  targets = OCOP_TARGETS_DIALOG (dialog);
  ocop_test_spin (50);
  g_assert_cmpuint (ocop_targets_dialog_get_n_targets (targets), ==, 4);

  /* A refused target: no title. Nothing is written and the form says why. */
  g_assert_true (ocop_targets_dialog_edit (targets, 0));
  ocop_test_spin (20);
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (GTK_WIDGET (dialog), "Title")), "");
  g_assert_false (ocop_targets_dialog_save (targets));
  error_label = ocop_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (error_label))), >, 0);
  stored = ocop_db_list_targets (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 4);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* A new target, as the user types it. */
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (GTK_WIDGET (dialog), "Title")), "Ít nhất 30 sản phẩm 4 sao");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ocop_test_find_row (GTK_WIDGET (dialog), "What is Counted")),
                              OCOP_TARGET_NEW_PRODUCTS);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ocop_test_find_child (ocop_test_find_row (GTK_WIDGET (dialog), "Target Value"),
                                                                    GTK_TYPE_SPIN_BUTTON)), 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ocop_test_find_child (ocop_test_find_row (GTK_WIDGET (dialog), "Minimum Stars"),
                                                                    GTK_TYPE_SPIN_BUTTON)), 4);
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (GTK_WIDGET (dialog), "Period Start")), "01/01/2023");
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (GTK_WIDGET (dialog), "Deadline")), "31/12/2025");
  gtk_editable_set_text (GTK_EDITABLE (ocop_test_find_row (GTK_WIDGET (dialog), "Province")), OCOP_SAMPLE_PROVINCE);
  g_assert_true (ocop_targets_dialog_save (targets));
  g_assert_cmpuint (ocop_targets_dialog_get_n_targets (targets), ==, 5);

  stored = ocop_db_list_targets (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 5);
  for (guint i = 0; i < stored->len; i++)
    {
      const OcopTarget *t = g_ptr_array_index (stored, i);

      if (g_strcmp0 (t->title, "Ít nhất 30 sản phẩm 4 sao") == 0)
        saved = t;
    }
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->kind, ==, OCOP_TARGET_NEW_PRODUCTS);
  g_assert_cmpint (saved->unit, ==, OCOP_TARGET_UNIT_COUNT);
  g_assert_cmpfloat_with_epsilon (saved->value, 30, 1e-9);
  g_assert_cmpint (saved->min_stars, ==, 4);
  g_assert_cmpstr (saved->period_start, ==, "2023-01-01");
  g_assert_cmpstr (saved->deadline, ==, "2025-12-31");
  g_assert_cmpstr (saved->province, ==, OCOP_SAMPLE_PROVINCE);
  g_assert_null (saved->district);

  /* The dashboard follows. */
  wait_idle (f->page);
  assert_card_line (f->page, "targets", "2 of 5 targets met");

  ocop_test_destroy_window (dialog);
}

static void
check_magic (const char *path,
             const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (contents, MIN (length, 200), magic));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  OcopChartView *view;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *bad = NULL;
  GtkWindow *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_report_period (f);
  view = OCOP_CHART_VIEW (ocop_test_find_child (ocop_statistics_page_get_card (f->page, "stars"), OCOP_TYPE_CHART_VIEW));

  png = g_build_filename (f->dir, "stars.png", NULL);
  svg = g_build_filename (f->dir, "stars.svg", NULL);
  pdf = g_build_filename (f->dir, "stars.pdf", NULL);
  g_assert_true (ocop_chart_view_export (view, OCOP_CHART_FORMAT_PNG, png, 800, 500, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_chart_view_export (view, OCOP_CHART_FORMAT_SVG, svg, 800, 500, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_chart_view_export (view, OCOP_CHART_FORMAT_PDF, pdf, 800, 500, &error));
  g_assert_no_error (error);
  check_magic (png, "PNG");
  check_magic (svg, "<svg");
  check_magic (pdf, "%PDF");

  /* PNG of the size asked for. */
  {
    cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
    cairo_surface_destroy (surface);
  }

  /* A folder that does not exist: an error, no file. */
  bad = g_build_filename (f->dir, "missing", "stars.png", NULL);
  g_assert_false (ocop_chart_view_export (view, OCOP_CHART_FORMAT_PNG, bad, 800, 500, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A view with no chart has nothing to export. */
  {
    GtkWidget *empty = g_object_ref_sink (ocop_chart_view_new ());

    g_assert_false (ocop_chart_view_export (OCOP_CHART_VIEW (empty), OCOP_CHART_FORMAT_PNG, png, 100, 100, &error));
    g_assert_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_finalize_object (empty);
  }

  /* The card's chart full size, with the same chart. */
  dialog = ocop_statistics_page_open_card (f->page, "stars");
  g_assert_nonnull (dialog);
  ocop_test_spin (50);
  g_assert_true (ocop_chart_view_get_chart (view) ==
                 ocop_chart_view_get_chart (OCOP_CHART_VIEW (ocop_test_find_child (GTK_WIDGET (dialog), OCOP_TYPE_CHART_VIEW))));
  g_assert_null (ocop_statistics_page_open_card (f->page, "no-such-card"));
  ocop_test_destroy_window (dialog);
}

static void
on_data_changed_cb (OcopStatisticsPage *page,
                    guint              *count)
{
  (*count)++;
}

static void
test_sample_load_and_remove (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *empty;
  GtkWindow *confirm;
  gboolean loaded = TRUE;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* An empty database: the status page with its button, no cards. */
  empty = ocop_test_find_child (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_null (ocop_statistics_page_get_card (f->page, "stars"));
  g_assert_false (ocop_statistics_page_get_sample_loaded (f->page));

  g_signal_connect (f->page, "data-changed", G_CALLBACK (on_data_changed_cb), &changed);

  /* The primary menu's item: loaded in the worker thread, then the report's figures. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL);
  g_assert_true (ocop_statistics_page_get_busy (f->page));
  wait_idle (f->page);
  wait_idle (f->page);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (ocop_sample_is_loaded (f->db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
  g_assert_true (ocop_statistics_page_get_sample_loaded (f->page));
  g_assert_false (gtk_widget_get_mapped (empty));
  assert_card_line (f->page, "stars", "94 certified · 73 ★★★ · 21 ★★★★");
  assert_card_line (f->page, "stars", "84 valid · 65 ★★★ · 19 ★★★★");

  /* Loading twice is refused, and nothing changes. */
  ocop_statistics_page_load_sample (f->page);
  wait_idle (f->page);
  wait_idle (f->page);
  g_assert_cmpuint (changed, ==, 1);
  assert_card_line (f->page, "products", "105 products registered");

  /* Removing asks first; cancelling keeps everything. */
  confirm = ocop_statistics_page_remove_sample (f->page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (confirm));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  ocop_test_spin (50);
  g_assert_false (ocop_statistics_page_get_busy (f->page));
  g_assert_true (ocop_sample_is_loaded (f->db, &loaded, &error));
  g_assert_true (loaded);

  confirm = ocop_statistics_page_remove_sample (f->page);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "remove");
  wait_idle (f->page);
  wait_idle (f->page);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (ocop_sample_is_loaded (f->db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_false (loaded);
  g_assert_false (ocop_statistics_page_get_sample_loaded (f->page));
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_null (ocop_statistics_page_get_card (f->page, "stars"));
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/statistics-page/report-figures", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_report_figures, fixture_tear_down);
  g_test_add ("/ocop/statistics-page/filter", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/ocop/statistics-page/targets-dialog", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_targets_dialog, fixture_tear_down);
  g_test_add ("/ocop/statistics-page/export", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ocop/statistics-page/sample-load-and-remove", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_sample_load_and_remove, fixture_tear_down);

  return g_test_run ();
}
