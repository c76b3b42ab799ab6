/* test-meeting-flow.c: a whole council meeting through the window's widgets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-import.h"
#include "ocop-meeting-editor.h"
#include "ocop-meetings-page.h"
#include "ocop-registry.h"
#include "ocop-result-item.h"
#include "ocop-results-view.h"
#include "ocop-score-sheet.h"
#include "ocop-score-stars.h"
#include "ocop-scoring.h"
#include "ocop-test-ui.h"
#include "ocop-window-private.h"

#if __has_include ("ocop-councils-page.h")
#include "ocop-council-editor.h"
#include "ocop-councils-page.h"
#define HAVE_COUNCILS_PAGE 1
#endif

/* The keys of the score form (digits, Enter, Ctrl+Enter) are bound, through a
 * capture-phase key controller, to the widget actions sheet.pick, sheet.next-criterion
 * and sheet.submit. GTK 4 has no public way to synthesise key events, so the test
 * activates those same actions, exactly as the key handler does. */

static gboolean have_display;

static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (heading != NULL &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) != 0)
        continue;
      return window;
    }

  return NULL;
}

static const char *
label_text (GtkWidget  *widget,
            const char *css_class)
{
  GtkWidget *label = ocop_test_find_by_class (widget, css_class);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
index_in_strings (GListModel *model,
                  const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Fills and submits a member's sheet through the core: the highest option everywhere,
 * one point less on the first @lower leaves that allow it. */
static void
fill_sheet_with_core (OcopDb *db,
                      gint64  meeting_id,
                      gint64  member_id,
                      gint64  product_id,
                      guint   lower)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = ocop_db_open_score_sheet (db, meeting_id, member_id, product_id, 0, &error);
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *def;

  g_assert_no_error (error);
  set = ocop_db_load_criteria_set (db, sheet->set_id, &error);
  g_assert_no_error (error);
  def = ocop_criteria_set_find_sheet (set, sheet->sheet_code);

  for (guint leaf = 0; leaf < def->leaves->len; leaf++)
    {
      const OcopCriterion *c = g_ptr_array_index (def->leaves, leaf);
      int option = c->options->len - 1;

      if (leaf < lower && option > 1)
        option--;
      g_assert_true (ocop_db_tick (db, sheet->id, leaf, option, &error));
      g_assert_no_error (error);
    }

  g_assert_true (ocop_db_submit_sheet (db, sheet->id, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char   *dir;
  OcopDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *products = NULL;
  g_autoptr(OcopImportReport) report = NULL;

  ocop_test_reset_settings ("last-section", NULL);
  f->db = ocop_test_open_db ("ocop-test-meeting-flow-XXXXXX", &f->dir);
  ocop_test_import_criteria (f->db);

  products = g_test_build_filename (G_TEST_DIST, "data", "meeting", "products.csv", NULL);
  report = ocop_import_products_csv (f->db, products, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ocop_test_close_db (f->db, f->dir);
}

static gint64
create_council (Fixture    *f,
                OcopWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopImportReport) report = NULL;
  g_autofree char *members = g_test_build_filename (G_TEST_DIST, "data", "meeting", "members.csv", NULL);
  g_autoptr(OcopCouncil) council = NULL;
  gint64 council_id;

#ifdef HAVE_COUNCILS_PAGE
  {
    GtkWidget *page = ocop_test_find_child (GTK_WIDGET (window), OCOP_TYPE_COUNCILS_PAGE);
    GtkWindow *editor;
    GtkWidget *row;

    /* Through the Councils page's form. */
    g_assert_nonnull (page);
    ocop_window_set_section (window, "councils");
    editor = ocop_councils_page_new_council (OCOP_COUNCILS_PAGE (page));
    g_assert_true (OCOP_IS_COUNCIL_EDITOR (editor));
    ocop_test_spin (20);
    row = ocop_test_find_any_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Council name");
    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "Hội đồng OCOP tỉnh Thái Nguyên");
    /* The form closes itself once saved: keep it for its id. */
    g_object_ref (editor);
    g_assert_true (ocop_council_editor_save (OCOP_COUNCIL_EDITOR (editor), &error));
    g_assert_no_error (error);
    council_id = ocop_council_editor_get_council_id (OCOP_COUNCIL_EDITOR (editor));
    ocop_test_spin (20);
    g_object_unref (editor);
  }
#else
  council = ocop_council_new ();
  council->name = g_strdup ("Hội đồng OCOP tỉnh Thái Nguyên");
  council->level = OCOP_LEVEL_PROVINCE;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  council_id = council->id;
  g_clear_pointer (&council, ocop_council_free);
#endif

  g_assert_cmpint (council_id, >, 0);

  /* The members from the council's list, as the CLI imports them. */
  report = ocop_import_members_csv (f->db, council_id, members, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  council = ocop_db_get_council (f->db, council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council->name, ==, "Hội đồng OCOP tỉnh Thái Nguyên");

  return council_id;
}

static void
test_whole_meeting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(OcopScoreSheet) stored = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autofree char *total_before = NULL;
  OcopCouncilRules rules = { 0 };
  OcopMeetingsPage *page;
  OcopScoreForm *form;
  OcopResultsView *view;
  OcopWindow *window;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *stars;
  GListModel *model;
  const OcopSheetScore *score;
  const OcopSheet *sheet_def;
  gint64 council_id;
  gint64 meeting_id;
  gint64 chair_id = 0;
  gint64 first_product;
  int stars_before;
  guint guard;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_window_new (NULL, f->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (50);

  council_id = create_council (f, window);

  /* The meeting, through the editor the header's "New Meeting" opens. */
  ocop_window_set_section (window, "meetings");
  ocop_test_spin (20);
  page = OCOP_MEETINGS_PAGE (ocop_test_find_child (GTK_WIDGET (window), OCOP_TYPE_MEETINGS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  ocop_test_spin (20);
  editor = find_toplevel (OCOP_TYPE_MEETING_EDITOR, NULL);
  g_assert_nonnull (editor);

  row = ocop_test_find_any_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Council");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              index_in_strings (adw_combo_row_get_model (ADW_COMBO_ROW (row)),
                                                "Hội đồng OCOP tỉnh Thái Nguyên"));
  row = ocop_test_find_any_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date (dd/mm/yyyy)");
  gtk_editable_set_text (GTK_EDITABLE (row), "12/11/2022");
  row = ocop_test_find_any_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Place");
  gtk_editable_set_text (GTK_EDITABLE (row), "Hội trường UBND tỉnh");

  /* No products yet: Create is refused. */
  g_assert_false (gtk_widget_is_sensitive (ocop_test_find_by_class (GTK_WIDGET (editor), "suggested-action")));

  products = ocop_db_search_products (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 10);
  for (guint i = 0; i < products->len; i++)
    g_assert_true (ocop_meeting_editor_set_product (OCOP_MEETING_EDITOR (editor),
                                                    ((OcopProduct *) g_ptr_array_index (products, i))->id,
                                                    TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.create", NULL));
  ocop_test_spin (50);

  meeting_id = ocop_meetings_page_get_meeting_id (page);
  g_assert_cmpint (meeting_id, >, 0);
  meeting = ocop_db_get_meeting (f->db, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting->council_id, ==, council_id);
  g_assert_cmpstr (meeting->date, ==, "2022-11-12");
  g_assert_cmpstr (meeting->place, ==, "Hội trường UBND tỉnh");

  /* Everyone present by default: the quorum is met, in green. */
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (page), "quorum-label"), "quorum met"));
  g_assert_true (gtk_widget_has_css_class (ocop_test_find_by_class (GTK_WIDGET (page), "quorum-label"), "success"));

  council = ocop_db_get_council (f->db, council_id, &error);
  g_assert_no_error (error);
  rules.level = council->level;
  rules.regime = council->regime;
  rules.secretary_scores = council->secretary_scores;
  rules.advisory_scores = council->advisory_scores;
  attendance = ocop_db_list_attendance (f->db, meeting_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);

      g_assert_true (a->present);
      if (a->role == OCOP_ROLE_CHAIR)
        chair_id = a->member_id;
    }
  g_assert_cmpint (chair_id, >, 0);

  /* The chair's paper sheet for the first product, typed in with the keyboard. */
  ocop_meetings_page_show_view (page, "scoring");
  ocop_test_spin (50);
  form = ocop_meetings_page_get_score_form (page);
  first_product = ((const OcopProduct *) g_ptr_array_index (products, 0))->id;
  {
    g_autoptr(GPtrArray) agenda = ocop_db_list_agenda (f->db, meeting_id, &error);

    first_product = ((const OcopAgendaItem *) g_ptr_array_index (agenda, 0))->product_id;
  }
  g_assert_true (ocop_score_form_select (form, chair_id, first_product));
  ocop_score_form_set_paper_mode (form, TRUE, "Đỗ Thị Giang");
  ocop_test_spin (20);
  g_assert_cmpint (ocop_score_form_get_sheet_id (form), >, 0);
  g_assert_cmpstr (label_text (GTK_WIDGET (form), "sheet-total"), ==, "Total 0");
  stars = ocop_test_find_child (GTK_WIDGET (form), OCOP_TYPE_SCORE_STARS);
  g_assert_cmpint (ocop_score_stars_get_stars (OCOP_SCORE_STARS (stars)), ==, 0);

  set = ocop_db_load_criteria_set (f->db, meeting->set_id, &error);
  g_assert_no_error (error);
  stored = ocop_db_get_score_sheet (f->db, ocop_score_form_get_sheet_id (form), &error);
  g_assert_no_error (error);
  sheet_def = ocop_criteria_set_find_sheet (set, stored->sheet_code);
  g_clear_pointer (&stored, ocop_score_sheet_free);

  /* Enter: the first criterion takes the focus; "3": its third option. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.next-criterion", NULL));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), ==, 0);
  total_before = g_strdup (label_text (GTK_WIDGET (form), "sheet-total"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", 3));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), ==, 1);

  /* Stored at once: the database has the tick, nothing to save. */
  stored = ocop_db_get_score_sheet (f->db, ocop_score_form_get_sheet_id (form), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->options[0], ==, 2);
  g_assert_cmpstr (stored->entered_by, ==, "Đỗ Thị Giang");
  g_clear_pointer (&stored, ocop_score_sheet_free);

  /* The labels follow: total, part A, answered count, stars. */
  {
    const OcopCriterion *first = g_ptr_array_index (sheet_def->leaves, 0);
    g_autofree char *expected = g_strdup_printf ("Total %.0f",
                                                 ((const OcopOption *) g_ptr_array_index (first->options, 2))->points);

    g_assert_cmpstr (total_before, ==, "Total 0");
    g_assert_cmpstr (label_text (GTK_WIDGET (form), "sheet-total"), ==, expected);
    g_autofree char *part_a = g_strdup_printf ("A %.0f/35",
                                               ((const OcopOption *) g_ptr_array_index (first->options, 2))->points);

    g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (form), "sheet-parts"), part_a));
    g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (form), "sheet-answered"), "1/"));
  }
  stars_before = ocop_score_stars_get_stars (OCOP_SCORE_STARS (stars));
  g_assert_cmpint (stars_before, ==, 1);

  /* A digit beyond the options rings the bell and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", 9));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), ==, 1);

  /* Backspace goes back; Enter moves on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.previous-criterion", NULL));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.next-criterion", NULL));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), ==, 1);

  /* Not complete yet: Ctrl+Enter does not submit. */
  g_assert_false (gtk_widget_is_sensitive (ocop_test_find_by_class (GTK_WIDGET (form), "suggested-action")));

  /* The rest of the sheet: the highest option of each criterion, as typed digits. */
  for (guint i = 0; i < 200 && !(score = ocop_score_form_get_score (form))->complete; i++)
    {
      int leaf = ocop_score_form_get_current_leaf (form);
      const OcopCriterion *c;

      if (leaf < 0)
        break;
      c = g_ptr_array_index (sheet_def->leaves, leaf);
      gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", (int) c->options->len);
    }
  score = ocop_score_form_get_score (form);
  g_assert_true (score->complete);
  g_assert_cmpint (ocop_score_stars_get_stars (OCOP_SCORE_STARS (stars)), >, stars_before);
  g_assert_cmpint (ocop_score_stars_get_stars (OCOP_SCORE_STARS (stars)), ==, score->stars);
  {
    g_autofree char *expected = g_strdup_printf ("Total %.0f", score->total);

    g_assert_cmpstr (label_text (GTK_WIDGET (form), "sheet-total"), ==, expected);
  }

  /* Ctrl+Enter submits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.submit", NULL));
  ocop_test_spin (20);
  stored = ocop_db_get_score_sheet (f->db, ocop_score_form_get_sheet_id (form), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, OCOP_SHEET_SUBMITTED);
  g_assert_cmpfloat_with_epsilon (stored->total, score->total, 1e-9);
  g_clear_pointer (&stored, ocop_score_sheet_free);
  /* Read-only now: a digit changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", 1));

  /* The other members' sheets, as from their own laptops. */
  guard = 0;
  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);

      if (!ocop_rating_role_scores (&rules, a->role))
        continue;
      for (guint p = 0; p < products->len; p++)
        {
          gint64 product_id = ((const OcopProduct *) g_ptr_array_index (products, p))->id;

          if (a->member_id == chair_id && product_id == first_product)
            continue;
          fill_sheet_with_core (f->db, meeting_id, a->member_id, product_id, guard++ % 4);
        }
    }
  g_assert_cmpuint (guard, >=, 4 * 10 - 1);

  /* The matrix. */
  ocop_meetings_page_show_view (page, "results");
  ocop_test_spin (50);
  view = ocop_meetings_page_get_results_view (page);
  model = ocop_results_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(OcopResultItem) item = g_list_model_get_item (model, i);
      const OcopProductResult *r = ocop_result_item_get_result (item);

      g_assert_true (r->computed);
      g_assert_cmpint (r->stars, >=, 3);
      g_assert_true (r->outcome == OCOP_OUTCOME_RECOGNISED || r->outcome == OCOP_OUTCOME_PROPOSED);
      g_assert_false (ocop_result_item_get_flags (item)->spread_exceeded);
    }

  /* Finalise, answering the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.finalise", NULL));
  ocop_test_spin (20);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Finalise the Meeting?");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "finalise"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "the results of 10 products"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "finalise");
  ocop_test_spin (50);

  /* Locked in the database, and read-only on screen. */
  g_clear_pointer (&meeting, ocop_meeting_free);
  meeting = ocop_db_get_meeting (f->db, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting->state, ==, OCOP_MEETING_FINALISED);
  g_assert_false (gtk_widget_get_visible (ocop_test_find_by_class (GTK_WIDGET (page), "destructive-action")));
  ocop_meetings_page_show_view (page, "scoring");
  ocop_test_spin (20);
  g_assert_true (ocop_score_form_select (form, chair_id, first_product));
  g_assert_cmpint (ocop_score_form_get_sheet_id (form), >, 0);
  g_assert_false (ocop_db_tick (f->db, ocop_score_form_get_sheet_id (form), 0, 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
  g_clear_error (&error);

  /* The results, read back. */
  results = ocop_db_list_results (f->db, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 10);
  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *r = g_ptr_array_index (results, i);
      g_autoptr(OcopResultItem) item = g_list_model_get_item (model, i);

      g_assert_true (r->computed);
      g_assert_cmpint (r->n_counted, ==, ocop_result_item_get_result (item)->n_counted);
      g_assert_cmpfloat_with_epsilon (r->score, ocop_result_item_get_result (item)->score, 1e-9);
      g_assert_cmpint (r->stars, ==, ocop_result_item_get_result (item)->stars);
    }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  ocop_test_spin (50);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/meeting-flow/whole-meeting", Fixture, NULL,
              fixture_set_up, test_whole_meeting, fixture_tear_down);

  return g_test_run ();
}
