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
#include "ocop-window-private.h"

/* Helpers */

static gboolean have_display;

static gboolean
on_spin_timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, then until it is idle. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* Whether the user sees a label under @widget that is @text (or starts with it when
 * @prefix). */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text,
             gboolean    prefix)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);

      if (prefix ? g_str_has_prefix (t, text) : g_strcmp0 (t, text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The first mapped widget of @type under @widget whose title (a preferences row),
 * label (a label or button) is @text; any of that type when @text is NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
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
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  GtkWidget *row = find_widget (widget, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
set_row_text (GtkWidget  *widget,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (widget, title)), text);
}

/* Chooses the item of a combo row or drop-down whose string starts with @prefix. */
static void
choose (GListModel *model,
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

static void
choose_in_row (GtkWidget  *widget,
               const char *title,
               const char *prefix)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (widget, title));
  guint position = 0;

  choose (adw_combo_row_get_model (row), prefix, &position);
  adw_combo_row_set_selected (row, position);
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  spin (20);
  g_assert_finalize_object (window);
}

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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!have_display)
    return;

  settings = g_settings_new (OCOP_ID);
  g_settings_reset (settings, "last-section");

  f->dir = g_dir_make_tmp ("ocop-test-councils-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "ocop.db", NULL);
  f->db = ocop_db_open (path, &error);
  g_assert_no_error (error);

  f->window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  ocop_window_set_section (f->window, "councils");
  spin (50);

  f->page = OCOP_COUNCILS_PAGE (find_widget (GTK_WIDGET (f->window), OCOP_TYPE_COUNCILS_PAGE, NULL));
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  destroy_window (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
add_member (Fixture    *f,
            const char *name,
            const char *role,
            const char *title)
{
  GtkWindow *dialog = ocop_councils_page_add_member (f->page);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  spin (20);
  set_row_text (GTK_WIDGET (dialog), "Member name", name);
  choose_in_row (GTK_WIDGET (dialog), "Role", role);
  set_row_text (GTK_WIDGET (dialog), "Position and organisation", title);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  spin (50);
}

static GtkSwitch *
switch_of_row (Fixture    *f,
               const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->page), title);
  GtkWidget *sw = find_widget (row, GTK_TYPE_SWITCH, NULL);

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
  g_assert_true (shows_label (GTK_WIDGET (f->page), "No Councils Yet", FALSE));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Create Council"));

  /* "New Council" in the header. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-council", NULL));
  spin (50);
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
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (editor), "Council name"), "error"));
  councils = ocop_db_list_councils (f->db, &error);
  g_assert_cmpuint (councils->len, ==, 0);
  g_clear_pointer (&councils, g_ptr_array_unref);

  /* A date that is not one names its field. */
  set_row_text (GTK_WIDGET (editor), "Council name", "Hội đồng OCOP tỉnh Thái Nguyên");
  set_row_text (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)", "32/13/2024");
  g_assert_false (ocop_council_editor_save (OCOP_COUNCIL_EDITOR (editor), &error));
  g_assert_true (g_str_has_prefix (error->message, "Decision date: "));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)"), "error"));

  choose_in_row (GTK_WIDGET (editor), "Level", "Province");
  set_row_text (GTK_WIDGET (editor), "Locality", "Thái Nguyên");
  set_row_text (GTK_WIDGET (editor), "Decision number", "1234/QĐ-UBND");
  set_row_text (GTK_WIDGET (editor), "Decision date (dd/mm/yyyy)", "12/03/2024");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (50);
  g_assert_null (editor);

  g_assert_cmpuint (g_list_model_get_n_items (ocop_councils_page_get_councils (f->page)), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (f->page), "Hội đồng OCOP tỉnh Thái Nguyên", FALSE));
  g_assert_true (shows_label (GTK_WIDGET (f->page), "1234/QĐ-UBND of 12/03/2024", FALSE));
  g_assert_true (shows_label (GTK_WIDGET (f->page), "No members yet", TRUE));

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
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_ROW, "Đỗ Thị Giang"));
  g_assert_true (shows_label (GTK_WIDGET (f->page), "Province level · ", TRUE));
  g_assert_true (shows_label (GTK_WIDGET (f->page), "5 members — quorum: at least 4 present, with the chair", FALSE));

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
  spin (20);
  council = stored_council (f);
  g_assert_true (council->secretary_scores);
  g_assert_false (council->advisory_scores);
  g_clear_pointer (&council, ocop_council_free);

  /* The quorum: three quarters; then a custom share; the chair no longer required. */
  choose_in_row (GTK_WIDGET (f->page), "Quorum", "Three quarters");
  spin (20);
  council = stored_council (f);
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 0.75, 1e-9);
  g_clear_pointer (&council, ocop_council_free);

  g_assert_null (find_widget (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_ROW, "Custom share"));
  choose_in_row (GTK_WIDGET (f->page), "Quorum", "Custom");
  spin (20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (find_row (GTK_WIDGET (f->page), "Custom share"),
                                                           GTK_TYPE_SPIN_BUTTON, NULL)), 60);
  gtk_switch_set_active (switch_of_row (f, "Chair must be present"), FALSE);
  spin (20);
  council = stored_council (f);
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 0.60, 1e-9);
  g_assert_false (council->chair_required);
  g_assert_true (council->secretary_scores);
  g_assert_true (shows_label (GTK_WIDGET (f->page), "5 members — quorum: at least 3 present", FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add ("/ocop/councils-page/create-council", Fixture, NULL,
              fixture_set_up, test_create_council, fixture_tear_down);

  return g_test_run ();
}
