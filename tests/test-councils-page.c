/* test-councils-page.c: creating a council, its members and its rules
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-council-editor.h"
#include "ocop-council.h"
#include "ocop-councils-page.h"
#include "ocop-criteria-store.h"
#include "ocop-record-objects.h"
#include "ocop-test-ui.h"
#include "ocop-window-private.h"

/* Helpers */

static gboolean have_display;

typedef struct
{
  char             *dir;
  OcopDb           *db;
  OcopWindow       *window;
  OcopCouncilsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (!have_display)
    return;

  ocop_test_reset_settings ("last-section", NULL);
  f->db = ocop_test_open_db ("ocop-test-councils-XXXXXX", &f->dir);

  f->window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  ocop_window_set_section (f->window, "councils");
  ocop_test_spin (50);

  f->page = OCOP_COUNCILS_PAGE (ocop_test_find_widget (GTK_WIDGET (f->window), OCOP_TYPE_COUNCILS_PAGE, NULL));
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  ocop_test_destroy_window (GTK_WINDOW (f->window));
  ocop_test_close_db (f->db, f->dir);
}

static void
add_member (Fixture    *f,
            const char *name,
            const char *role,
            const char *title)
{
  GtkWindow *dialog = ocop_councils_page_add_member (f->page);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  ocop_test_spin (20);
  ocop_test_set_row_text (GTK_WIDGET (dialog), "Member name", name);
  ocop_test_choose_in_row (GTK_WIDGET (dialog), "Role", role);
  ocop_test_set_row_text (GTK_WIDGET (dialog), "Position and organisation", title);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  ocop_test_spin (50);
}

static GtkSwitch *
switch_of_row (Fixture    *f,
               const char *title)
{
  GtkWidget *row = ocop_test_find_row (GTK_WIDGET (f->page), title);
  GtkWidget *sw = ocop_test_find_widget (row, GTK_TYPE_SWITCH, NULL);

  g_assert_nonnull (sw);
  return GTK_SWITCH (sw);
}

static OcopCouncil *
stored_council (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  OcopCouncil *council = ocop_db_get_council (f->db, ocop_councils_page_get_selected_council_id (f->page), &error);

  g_assert_no_error (error);
  g_assert_nonnull (council);
  return council;
}

static void
test_create_council (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *role;
    const char *title;
    OcopRole    expected;
  } members[] = {
    { "Nguyễn Văn An", "Chair", "Phó Chủ tịch UBND tỉnh", OCOP_ROLE_CHAIR },
    { "Trần Thị Bình", "Vice-chair", "Giám đốc Sở Nông nghiệp và Môi trường", OCOP_ROLE_VICE_CHAIR },
    { "Lê Văn Cường", "Member", "Phó Giám đốc Sở Công Thương", OCOP_ROLE_MEMBER },
    { "Phạm Thị Dung", "Member", "Phó Giám đốc Sở Khoa học và Công nghệ", OCOP_ROLE_MEMBER },
    { "Đỗ Thị Giang", "Secretary", "Chánh Văn phòng Điều phối nông thôn mới", OCOP_ROLE_SECRETARY },
  };
  GtkWindow *editor;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* The empty section offers to create one. */
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No Councils Yet", FALSE));
  g_assert_nonnull (ocop_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Create Council"));

  /* "New Council" in the header. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-council", NULL));
  ocop_test_spin (50);
  {
    GList *toplevels = gtk_window_list_toplevels ();

    editor = NULL;
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (OCOP_IS_COUNCIL_EDITOR (l->data))
        editor = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (editor);

  /* A name is required: the row says so, nothing is written. */
  g_assert_false (ocop_council_editor_save (OCOP_COUNCIL_EDITOR (editor), &error));
  g_assert_true (g_str_has_prefix (error->message, "Council name: "));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (ocop_test_find_row (GTK_WIDGET (editor), "Council name"), "error"));
  councils = ocop_db_list_councils (f->db, &error);
  g_assert_cmpuint (councils->len, ==, 0);
  g_clear_pointer (&councils, g_ptr_array_unref);

  /* A date that is not one names its field. */
  ocop_test_set_row_text (GTK_WIDGET (editor), "Council name", "Hội đồng OCOP tỉnh Thái Nguyên");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)", "32/13/2024");
  g_assert_false (ocop_council_editor_save (OCOP_COUNCIL_EDITOR (editor), &error));
  g_assert_true (g_str_has_prefix (error->message, "Decision date: "));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (ocop_test_find_row (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)"), "error"));

  ocop_test_choose_in_row (GTK_WIDGET (editor), "Level", "Province");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Locality", "Thái Nguyên");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Decision number", "1234/QĐ-UBND");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)", "12/03/2024");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ocop_test_spin (50);
  g_assert_null (editor);

  g_assert_cmpuint (g_list_model_get_n_items (ocop_councils_page_get_councils (f->page)), ==, 1);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Hội đồng OCOP tỉnh Thái Nguyên", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "1234/QĐ-UBND of 12/03/2024", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No members yet", TRUE));

  /* Five members through the member form. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    add_member (f, members[i].name, members[i].role, members[i].title);

  stored = ocop_db_list_members (f->db, ocop_councils_page_get_selected_council_id (f->page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 5);
  for (guint i = 0; i < stored->len; i++)
    {
      const OcopMember *m = g_ptr_array_index (stored, i);

      g_assert_cmpstr (m->name, ==, members[i].name);
      g_assert_cmpint (m->role, ==, members[i].expected);
      g_assert_cmpstr (m->title, ==, members[i].title);
    }
  g_assert_cmpuint (g_list_model_get_n_items (ocop_councils_page_get_members (f->page)), ==, 5);
  g_assert_nonnull (ocop_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_ROW, "Đỗ Thị Giang"));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Province level · ", TRUE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "5 members — quorum: at least 4 present, with the chair", FALSE));

  /* A second chair is refused, and nothing changes. */
  add_member (f, "Vũ Văn Hải", "Chair", "");
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ocop_db_list_members (f->db, ocop_councils_page_get_selected_council_id (f->page), &error);
  g_assert_cmpuint (stored->len, ==, 5);

  /* The defaults, then "secretary scores" switched on, as stored. */
  council = stored_council (f);
  g_assert_false (council->secretary_scores);
  g_assert_false (council->advisory_scores);
  g_assert_true (council->chair_required);
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 2.0 / 3.0, 1e-9);
  g_assert_cmpint (council->level, ==, OCOP_LEVEL_PROVINCE);
  g_assert_cmpstr (council->decision, ==, "1234/QĐ-UBND");
  g_assert_cmpstr (council->decision_date, ==, "2024-03-12");
  g_clear_pointer (&council, ocop_council_free);

  g_assert_false (gtk_switch_get_active (switch_of_row (f, "Secretary scores")));
  gtk_switch_set_active (switch_of_row (f, "Secretary scores"), TRUE);
  ocop_test_spin (20);
  council = stored_council (f);
  g_assert_true (council->secretary_scores);
  g_assert_false (council->advisory_scores);
  g_clear_pointer (&council, ocop_council_free);

  /* The quorum: three quarters; then a custom share; the chair no longer required. */
  ocop_test_choose_in_row (GTK_WIDGET (f->page), "Quorum", "Three quarters");
  ocop_test_spin (20);
  council = stored_council (f);
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 0.75, 1e-9);
  g_clear_pointer (&council, ocop_council_free);

  g_assert_null (ocop_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_ROW, "Custom share"));
  ocop_test_choose_in_row (GTK_WIDGET (f->page), "Quorum", "Custom");
  ocop_test_spin (20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ocop_test_find_widget (ocop_test_find_row (GTK_WIDGET (f->page), "Custom share"),
                                                                     GTK_TYPE_SPIN_BUTTON, NULL)), 60);
  gtk_switch_set_active (switch_of_row (f, "Chair must be present"), FALSE);
  ocop_test_spin (20);
  council = stored_council (f);
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 0.60, 1e-9);
  g_assert_false (council->chair_required);
  g_assert_true (council->secretary_scores);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "5 members — quorum: at least 3 present", FALSE));
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/councils-page/create-council", Fixture, NULL,
              fixture_set_up, test_create_council, fixture_tear_down);

  return g_test_run ();
}
