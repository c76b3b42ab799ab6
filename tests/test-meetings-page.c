/* test-meetings-page.c: the meeting page's quorum, conflicts, reopening and rescoring
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
#include "ocop-csv.h"
#include "ocop-import.h"
#include "ocop-meetings-page.h"
#include "ocop-registry.h"
#include "ocop-result-item.h"
#include "ocop-results-view.h"
#include "ocop-score-sheet.h"
#include "ocop-scoring.h"
#include "ocop-test-ui.h"

static gboolean have_display;

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

typedef struct
{
  char       *dir;
  OcopDb     *db;
  gint64      council_id;
  gint64      meeting_id;
  GPtrArray  *members;      /* OcopMember* */
  GPtrArray  *agenda;       /* OcopAgendaItem* */
  GtkWindow  *window;
  OcopMeetingsPage *page;
} Fixture;

static gint64
member_id (Fixture    *f,
           const char *name)
{
  for (guint i = 0; i < f->members->len; i++)
    {
      const OcopMember *m = g_ptr_array_index (f->members, i);

      if (g_strcmp0 (m->name, name) == 0)
        return m->id;
    }
  g_assert_not_reached ();
  return 0;
}

static gint64
product_id (Fixture *f,
            guint    index)
{
  return ((const OcopAgendaItem *) g_ptr_array_index (f->agenda, index))->product_id;
}

/* A council of 7 (members.csv), a meeting of 3 products, attendance not recorded. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *criteria_dir = NULL;
  g_autofree char *products_csv = g_test_build_filename (G_TEST_DIST, "data", "meeting", "products.csv", NULL);
  g_autofree char *members_csv = g_test_build_filename (G_TEST_DIST, "data", "meeting", "members.csv", NULL);
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopImportReport) members_report = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) products = NULL;

  f->db = ocop_test_open_db ("ocop-test-meetings-page-XXXXXX", &f->dir);
  criteria_dir = ocop_criteria_get_bundled_dir ();
  ocop_db_import_bundled_criteria (f->db, criteria_dir, &error);
  g_assert_no_error (error);
  report = ocop_import_products_csv (f->db, products_csv, NULL, &error);
  g_assert_no_error (error);

  council->name = g_strdup ("Hội đồng OCOP tỉnh");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_1048;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  f->council_id = council->id;
  members_report = ocop_import_members_csv (f->db, council->id, members_csv, NULL, &error);
  g_assert_no_error (error);
  f->members = ocop_db_list_members (f->db, council->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->members->len, ==, 7);

  sets = ocop_db_list_criteria_sets (f->db, &error);
  g_assert_no_error (error);
  meeting->council_id = council->id;
  meeting->set_id = ((const OcopCriteriaSetInfo *) g_ptr_array_index (sets, sets->len - 1))->id;
  meeting->date = g_strdup ("2022-11-12");
  meeting->place = g_strdup ("Hội trường UBND tỉnh");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  f->meeting_id = meeting->id;

  products = ocop_db_search_products (f->db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ocop_db_add_agenda_item (f->db, meeting->id,
                                              ((const OcopProduct *) g_ptr_array_index (products, i))->id, &error));
      g_assert_no_error (error);
    }
  f->agenda = ocop_db_list_agenda (f->db, meeting->id, &error);
  g_assert_no_error (error);

  if (!have_display)
    return;

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1300, 860);
  f->page = OCOP_MEETINGS_PAGE (ocop_meetings_page_new (f->db));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  ocop_test_spin (30);
  g_assert_true (ocop_meetings_page_select_meeting (f->page, f->meeting_id));
  ocop_test_spin (30);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      g_object_ref (f->window);
      gtk_window_destroy (f->window);
      ocop_test_spin (30);
      g_assert_finalize_object (f->window);
    }
  g_clear_pointer (&f->members, g_ptr_array_unref);
  g_clear_pointer (&f->agenda, g_ptr_array_unref);
  ocop_test_close_db (f->db, f->dir);
}

static void
set_present (Fixture    *f,
             const char *name,
             gboolean    present)
{
  GtkWidget *row = ocop_test_find_any_row (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, name);
  GtkWidget *sw;

  g_assert_nonnull (row);
  sw = ocop_test_find_child (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  gtk_switch_set_active (GTK_SWITCH (sw), present);
  ocop_test_spin (10);
}

static void
everyone_present (Fixture *f)
{
  for (guint i = 0; i < f->members->len; i++)
    set_present (f, ((const OcopMember *) g_ptr_array_index (f->members, i))->name, TRUE);
}

static void
fill_sheet (Fixture *f,
            gint64   member,
            gint64   product,
            int      lower_by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = ocop_db_open_score_sheet (f->db, f->meeting_id, member, product, 0, &error);
  g_autoptr(OcopCriteriaSet) set = NULL;
  const OcopSheet *def;
  int lowered = 0;

  g_assert_no_error (error);
  set = ocop_db_load_criteria_set (f->db, sheet->set_id, &error);
  g_assert_no_error (error);
  def = ocop_criteria_set_find_sheet (set, sheet->sheet_code);

  /* The highest option, one point less on leaves until @lower_by points are gone. */
  for (guint leaf = 0; leaf < def->leaves->len; leaf++)
    {
      const OcopCriterion *c = g_ptr_array_index (def->leaves, leaf);
      int option = c->options->len - 1;

      if (lowered < lower_by && option > 1)
        {
          option--;
          lowered += ((const OcopOption *) g_ptr_array_index (c->options, option + 1))->points -
                     ((const OcopOption *) g_ptr_array_index (c->options, option))->points;
        }
      g_assert_true (ocop_db_tick (f->db, sheet->id, leaf, option, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ocop_db_submit_sheet (f->db, sheet->id, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_quorum (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *label;
  g_autofree char *reason = NULL;
  gboolean met = TRUE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Nobody recorded: not met, in red, saying why. */
  ocop_meetings_page_show_view (f->page, "attendance");
  ocop_test_spin (10);
  label = ocop_test_find_by_class (GTK_WIDGET (f->page), "quorum-label");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, NULL));
  g_assert_false (met);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, reason);

  /* Four of six without the chair: still not met. */
  set_present (f, "Trần Thị Bình", TRUE);
  set_present (f, "Lê Văn Cường", TRUE);
  set_present (f, "Phạm Thị Dung", TRUE);
  set_present (f, "Hoàng Văn Em", TRUE);
  label = ocop_test_find_by_class (GTK_WIDGET (f->page), "quorum-label");
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* The chair arrives: met, in green, live. */
  set_present (f, "Nguyễn Văn An", TRUE);
  label = ocop_test_find_by_class (GTK_WIDGET (f->page), "quorum-label");
  g_assert_true (gtk_widget_has_css_class (label, "success"));
  g_clear_pointer (&reason, g_free);
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, NULL));
  g_assert_true (met);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, reason);
  g_assert_nonnull (strstr (reason, "quorum met"));

  /* And back. */
  set_present (f, "Nguyễn Văn An", FALSE);
  label = ocop_test_find_by_class (GTK_WIDGET (f->page), "quorum-label");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
}

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *member_dropdown;
  GtkWidget *product_dropdown;
  GtkWidget *entry;
  OcopScoreForm *form;
  gboolean recused = FALSE;
  gint64 em = member_id (f, "Hoàng Văn Em");

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  everyone_present (f);
  ocop_meetings_page_show_view (f->page, "attendance");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "meetings.declare-conflict", NULL));
  ocop_test_spin (20);
  dialog = find_dialog ("Declare a Conflict");
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  member_dropdown = gtk_widget_get_first_child (extra);
  product_dropdown = gtk_widget_get_next_sibling (member_dropdown);
  entry = gtk_widget_get_next_sibling (product_dropdown);

  /* A reason is required. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "declare"));
  for (guint i = 0; i < f->members->len; i++)
    if (((const OcopMember *) g_ptr_array_index (f->members, i))->id == em)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (member_dropdown), i);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (product_dropdown), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Người thân của chủ thể");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "declare"));
  adw_message_dialog_response (dialog, "declare");
  ocop_test_spin (30);

  /* In the record … */
  g_assert_true (ocop_db_is_recused (f->db, f->meeting_id, em, product_id (f, 1), &recused, &error));
  g_assert_no_error (error);
  g_assert_true (recused);
  /* … on the page … */
  {
    g_autofree char *title = g_strdup_printf ("Hoàng Văn Em — %s",
                                              ((const OcopAgendaItem *) g_ptr_array_index (f->agenda, 1))->product_name);
    GtkWidget *row = ocop_test_find_any_row (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, title);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Người thân của chủ thể");
  }
  /* … and Em cannot open a sheet for that product, but can for the others. */
  form = ocop_meetings_page_get_score_form (f->page);
  ocop_meetings_page_show_view (f->page, "scoring");
  ocop_test_spin (20);
  g_assert_true (ocop_score_form_select (form, em, product_id (f, 1)));
  g_assert_cmpint (ocop_score_form_get_sheet_id (form), ==, 0);
  g_assert_true (ocop_score_form_select (form, em, product_id (f, 0)));
  g_assert_cmpint (ocop_score_form_get_sheet_id (form), >, 0);

  /* The agenda expects one sheet fewer for that product. */
  ocop_meetings_page_show_view (f->page, "agenda");
  ocop_test_spin (20);
  {
    GtkWidget *progress = ocop_test_find_by_class (GTK_WIDGET (f->page), "agenda-progress");
    GtkWidget *row = gtk_widget_get_ancestor (progress, GTK_TYPE_LIST_BOX_ROW);
    GtkWidget *second = gtk_widget_get_next_sibling (row);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (progress)), ==, "0 of 5 sheets submitted");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ocop_test_find_by_class (second, "agenda-progress"))), ==,
                     "0 of 4 sheets submitted");
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  OcopScoreForm *form;
  gint64 an = member_id (f, "Nguyễn Văn An");
  gint64 sheet_id;
  gboolean found = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  everyone_present (f);
  fill_sheet (f, an, product_id (f, 0), 0);

  form = ocop_meetings_page_get_score_form (f->page);
  ocop_meetings_page_show_view (f->page, "scoring");
  ocop_test_spin (20);
  g_assert_true (ocop_score_form_select (form, an, product_id (f, 0)));
  sheet_id = ocop_score_form_get_sheet_id (form);
  g_assert_cmpint (sheet_id, >, 0);

  /* Submitted: read-only; a digit is refused and nothing changes. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (ocop_test_find_by_class (GTK_WIDGET (form), "ocop-sheet-banner")))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.next-criterion", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", 1));
  sheet = ocop_db_get_score_sheet (f->db, sheet_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_SUBMITTED);
  g_assert_cmpint (sheet->options[0], !=, 0);
  g_clear_pointer (&sheet, ocop_score_sheet_free);

  /* Reopen asks for a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.reopen", NULL));
  ocop_test_spin (20);
  dialog = find_dialog ("Reopen the Sheet");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Gõ nhầm tiêu chí 1.2");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  adw_message_dialog_response (dialog, "reopen");
  ocop_test_spin (20);

  sheet = ocop_db_get_score_sheet (f->db, sheet_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_DRAFT);
  audit = ocop_db_list_sheet_audit (f->db, sheet_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      const OcopAuditEntry *e = g_ptr_array_index (audit, i);

      if (e->detail != NULL && strstr (e->detail, "Gõ nhầm tiêu chí 1.2") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* A draft again: a digit ticks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.next-criterion", NULL));
  g_assert_cmpint (ocop_score_form_get_current_leaf (form), >=, 0);
  {
    int leaf = ocop_score_form_get_current_leaf (form);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "sheet.pick", "i", 1));
    g_clear_pointer (&sheet, ocop_score_sheet_free);
    sheet = ocop_db_get_score_sheet (f->db, sheet_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sheet->options[leaf], ==, 0);
  }

  /* The read-only banner is gone. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (ocop_test_find_by_class (GTK_WIDGET (form), "ocop-sheet-banner")))));
}

static void
test_rescore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) round1 = NULL;
  g_autoptr(GPtrArray) round2 = NULL;
  g_autoptr(OcopResultItem) item = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *text = NULL;
  OcopResultsView *view;
  AdwMessageDialog *dialog;
  GListModel *model;
  gint64 product = product_id (f, 0);
  const char *names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em" };
  const int lower[] = { 0, 2, 4, 6, 14 };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  everyone_present (f);
  /* Totals up to 14 points apart: more than 10. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fill_sheet (f, member_id (f, names[i]), product, lower[i]);

  ocop_meetings_page_show_view (f->page, "results");
  ocop_test_spin (30);
  view = ocop_meetings_page_get_results_view (f->page);
  model = ocop_results_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (ocop_result_item_get_result (item)->outcome, ==, OCOP_OUTCOME_RESCORE);
  g_assert_true (ocop_result_item_get_flags (item)->spread_exceeded);
  g_assert_cmpuint (ocop_result_item_get_result (item)->n_counted, ==, 5);

  /* Hidden names go to the export as letters; shown names as names. */
  csv = g_build_filename (f->dir, "results.csv", NULL);
  ocop_results_view_set_hide_names (view, TRUE);
  g_assert_true (ocop_results_view_export (view, OCOP_RESULTS_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, OCOP_CSV_UTF8_BOM));
  g_assert_nonnull (strstr (text, ",A,B,C,D,E,"));
  g_assert_null (strstr (text, "Nguyễn Văn An"));
  g_clear_pointer (&text, g_free);
  ocop_results_view_set_hide_names (view, FALSE);
  xlsx = g_build_filename (f->dir, "results.xlsx", NULL);
  g_assert_true (ocop_results_view_export (view, OCOP_RESULTS_EXPORT_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* Finalising is blocked while it is to be rescored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "meetings.finalise", NULL));
  ocop_test_spin (20);
  dialog = find_dialog ("Finalise the Meeting");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "finalise"));
  adw_message_dialog_response (dialog, "cancel");
  ocop_test_spin (20);

  /* The side pane offers round 2; the dialog opens it. */
  g_assert_true (ocop_results_view_select_product (view, product));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "results.open-round", NULL));
  ocop_test_spin (20);
  dialog = find_dialog ("Open Scoring Round 2");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "open");
  ocop_test_spin (30);

  g_assert_cmpint (ocop_db_get_agenda_round (f->db, f->meeting_id, product, &error), ==, 2);
  g_assert_no_error (error);
  /* Round 1 kept, round 2 empty. */
  round1 = ocop_db_list_score_sheets (f->db, f->meeting_id, product, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round1->len, ==, 5);
  round2 = ocop_db_list_score_sheets (f->db, f->meeting_id, product, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round2->len, ==, 0);

  g_clear_object (&item);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (ocop_result_item_get_result (item)->round, ==, 2);
  g_assert_cmpint (ocop_result_item_get_result (item)->outcome, ==, OCOP_OUTCOME_INCOMPLETE);
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/meetings-page/quorum", Fixture, NULL, fixture_set_up, test_quorum, fixture_tear_down);
  g_test_add ("/ocop/meetings-page/conflicts", Fixture, NULL, fixture_set_up, test_conflicts, fixture_tear_down);
  g_test_add ("/ocop/meetings-page/reopen", Fixture, NULL, fixture_set_up, test_reopen, fixture_tear_down);
  g_test_add ("/ocop/meetings-page/rescore", Fixture, NULL, fixture_set_up, test_rescore, fixture_tear_down);

  return g_test_run ();
}
