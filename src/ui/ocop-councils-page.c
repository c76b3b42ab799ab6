/* ocop-councils-page.c: the evaluation councils, their members and settings
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-councils-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ocop-council-editor.h"
#include "ocop-councils-page.h"
#include "ocop-record-objects.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"
#include "ocop-window.h"

/* The list of councils beside the chosen council: what it is, its members, and its
 * rules (who scores, the quorum). The rules are written as soon as they change, as in
 * GNOME's preferences; the member form is a message dialog with the three fields. */

struct _OcopCouncilsPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *main_stack;
  AdwLeaflet    *leaflet;
  GtkWidget     *sidebar;
  GtkWidget     *content;
  GtkListBox    *councils_list;
  GtkLabel      *name_label;
  GtkLabel      *quorum_label;
  AdwActionRow  *level_row;
  AdwActionRow  *regime_row;
  AdwActionRow  *decision_row;
  AdwActionRow  *locality_row;
  GtkListBox    *members_list;
  GtkSwitch     *secretary_switch;
  GtkSwitch     *advisory_switch;
  AdwComboRow   *quorum_row;
  AdwActionRow  *custom_row;
  GtkSpinButton *custom_spin;
  GtkSwitch     *chair_switch;

  /* Owned */
  OcopDb        *db;
  GListStore    *councils;     /* OcopCouncilObject */
  GListStore    *members;      /* OcopMemberObject of the shown council */
  OcopCouncil   *council;      /* the shown council, as stored */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (OcopCouncilsPage, ocop_councils_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The quorum choices; the last is "Custom". */
static const double quorum_shares[] = { 1.0 / 2.0, 2.0 / 3.0, 3.0 / 4.0 };
#define QUORUM_CUSTOM G_N_ELEMENTS (quorum_shares)

static void show_council (OcopCouncilsPage *self);

/* Helpers */

static guint
count_members (GPtrArray *members)
{
  guint n = 0;

  /* The advisory team is not part of the council (see ocop_quorum_check ()). */
  for (guint i = 0; members != NULL && i < members->len; i++)
    if (((OcopMember *) g_ptr_array_index (members, i))->role != OCOP_ROLE_ADVISORY)
      n++;

  return n;
}

/* Rows */

static GtkWidget *
create_council_row (gpointer item,
                    gpointer user_data)
{
  OcopCouncilObject *object = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (ocop_council_object_get_title (object));
  GtkWidget *subtitle = gtk_label_new (ocop_council_object_get_subtitle (object));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "ocop-council", g_object_ref (object), g_object_unref);

  return row;
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  OcopMemberObject *object = item;
  const OcopMember *member = ocop_member_object_get_member (object);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit = NULL;
  g_autofree char *remove = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ocop_member_object_get_subtitle (object));
  if (member->role == OCOP_ROLE_CHAIR)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));

  /* Translators: the tooltip of a button in a member's row; %s is the member's name */
  edit = g_strdup_printf (_("Edit %s"), member->name);
  /* Translators: the tooltip of a button in a member's row; %s is the member's name */
  remove = g_strdup_printf (_("Remove %s"), member->name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ocop_ui_make_icon_button ("document-edit-symbolic", edit,
                                                       "councils.edit-member", member->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ocop_ui_make_icon_button ("user-trash-symbolic", remove,
                                                       "councils.remove-member", member->id));

  return row;
}

/* Loading */

static void
load_members (OcopCouncilsPage *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (self->council != NULL)
    {
      members = ocop_db_list_members (self->db, self->council->id, &error);
      if (members == NULL)
        ocop_ui_show_toast (GTK_WIDGET (self), error->message);
    }

  for (guint i = 0; members != NULL && i < members->len; i++)
    g_ptr_array_add (objects, ocop_member_object_new (g_ptr_array_index (members, i)));
  if (members != NULL)
    g_ptr_array_set_free_func (members, NULL);

  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       objects->pdata, objects->len);
}

gboolean
ocop_councils_page_reload (OcopCouncilsPage  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 selected;

  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), FALSE);

  if (self->db == NULL)
    return TRUE;

  selected = self->council != NULL ? self->council->id : 0;

  councils = ocop_db_list_councils (self->db, error);
  if (councils == NULL)
    return FALSE;

  for (guint i = 0; i < councils->len; i++)
    {
      OcopCouncil *council = g_ptr_array_index (councils, i);
      g_autoptr(GPtrArray) members = ocop_db_list_members (self->db, council->id, NULL);

      g_ptr_array_add (objects, ocop_council_object_new (council, count_members (members)));
    }
  g_ptr_array_set_free_func (councils, NULL);

  self->updating = TRUE;
  g_list_store_splice (self->councils, 0, g_list_model_get_n_items (G_LIST_MODEL (self->councils)),
                       objects->pdata, objects->len);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, councils->len > 0 ? "councils" : "empty");

  if (councils->len > 0)
    {
      if (selected == 0 || !ocop_councils_page_select_council (self, selected))
        ocop_councils_page_select_council (self,
                                           ocop_council_object_get_council (g_ptr_array_index (objects, 0))->id);
    }
  else
    {
      g_clear_pointer (&self->council, ocop_council_free);
      load_members (self);
    }

  return TRUE;
}

static void
reload_or_toast (OcopCouncilsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!ocop_councils_page_reload (self, &error))
    ocop_ui_show_toast (GTK_WIDGET (self), error->message);
}

/* The shown council */

static guint
quorum_choice (double share)
{
  for (guint i = 0; i < G_N_ELEMENTS (quorum_shares); i++)
    if (fabs (share - quorum_shares[i]) < 1e-6)
      return i;

  return QUORUM_CUSTOM;
}

static char *
format_quorum (const OcopCouncil *council,
               guint              n_members)
{
  guint needed = (guint) ceil (council->quorum_share * n_members - 1e-9);
  g_autofree char *members = NULL;

  if (n_members == 0)
    return g_strdup (_("No members yet"));

  /* Translators: the council's size, used in the quorum sentences below */
  members = g_strdup_printf (ngettext ("%u member", "%u members", n_members), n_members);

  if (council->chair_required)
    /* Translators: the quorum of a council: the first %u is how many must be present,
     * %s is the council's size (“6 members”) */
    return g_strdup_printf (ngettext ("%s — quorum: at least %u present, with the chair",
                                      "%s — quorum: at least %u present, with the chair",
                                      needed),
                            members, needed);

  /* Translators: the quorum of a council: the first %u is how many must be present,
   * %s is the council's size (“6 members”) */
  return g_strdup_printf (ngettext ("%s — quorum: at least %u present",
                                    "%s — quorum: at least %u present",
                                    needed),
                          members, needed);
}

static void
update_quorum_label (OcopCouncilsPage *self)
{
  g_autofree char *text = NULL;
  guint n = 0;

  if (self->council == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(OcopMemberObject) object = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (ocop_member_object_get_member (object)->role != OCOP_ROLE_ADVISORY)
        n++;
    }

  text = format_quorum (self->council, n);
  gtk_label_set_text (self->quorum_label, text);
}

static void
show_council (OcopCouncilsPage *self)
{
  const OcopCouncil *c = self->council;
  g_autofree char *decision = NULL;
  guint choice;

  if (c == NULL)
    return;

  self->updating = TRUE;

  gtk_label_set_text (self->name_label, c->name);
  adw_action_row_set_subtitle (self->level_row, ocop_level_get_label (c->level));
  adw_action_row_set_subtitle (self->regime_row, ocop_regime_get_label (c->regime));
  adw_action_row_set_subtitle (self->locality_row, ocop_ui_or_dash (c->locality));

  if (c->decision != NULL && c->decision_date != NULL)
    {
      int y, m, d;
      g_autofree char *date = NULL;

      if (sscanf (c->decision_date, "%d-%d-%d", &y, &m, &d) == 3)
        date = ocop_text_format_date_short (y, m, d);
      /* Translators: the decision that established a council and its date,
       * “QĐ 123/QĐ-UBND of 12/03/2024” */
      decision = g_strdup_printf (_("%s of %s"), c->decision, date != NULL ? date : c->decision_date);
    }
  else
    decision = g_strdup (ocop_ui_or_dash (c->decision));
  adw_action_row_set_subtitle (self->decision_row, decision);

  gtk_switch_set_active (self->secretary_switch, c->secretary_scores);
  gtk_switch_set_active (self->advisory_switch, c->advisory_scores);
  gtk_switch_set_active (self->chair_switch, c->chair_required);
  choice = quorum_choice (c->quorum_share);
  adw_combo_row_set_selected (self->quorum_row, choice);
  gtk_spin_button_set_value (self->custom_spin, round (c->quorum_share * 100.0));
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), choice == QUORUM_CUSTOM);

  self->updating = FALSE;

  load_members (self);
  update_quorum_label (self);
}

static void
on_council_row_selected_cb (OcopCouncilsPage *self,
                            GtkListBoxRow    *row,
                            GtkListBox       *list)
{
  OcopCouncilObject *object;

  if (row == NULL || self->updating)
    return;

  object = g_object_get_data (G_OBJECT (row), "ocop-council");
  g_clear_pointer (&self->council, ocop_council_free);
  self->council = ocop_db_get_council (self->db, ocop_council_object_get_council (object)->id, NULL);
  show_council (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "councils.edit", self->council != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "councils.add-member", self->council != NULL);
}

static void
on_council_row_activated_cb (OcopCouncilsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Settings: written at once */

static void
save_settings (OcopCouncilsPage *self)
{
  g_autoptr(GError) error = NULL;
  guint choice;

  if (self->updating || self->council == NULL)
    return;

  self->council->secretary_scores = gtk_switch_get_active (self->secretary_switch);
  self->council->advisory_scores = gtk_switch_get_active (self->advisory_switch);
  self->council->chair_required = gtk_switch_get_active (self->chair_switch);
  choice = adw_combo_row_get_selected (self->quorum_row);
  if (choice < QUORUM_CUSTOM)
    self->council->quorum_share = quorum_shares[choice];
  else
    self->council->quorum_share = gtk_spin_button_get_value (self->custom_spin) / 100.0;
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), choice == QUORUM_CUSTOM);

  if (!ocop_db_save_council (self->db, self->council, &error))
    {
      gint64 id = self->council->id;

      ocop_ui_show_toast (GTK_WIDGET (self), error->message);
      /* Show what is stored. */
      g_clear_pointer (&self->council, ocop_council_free);
      self->council = ocop_db_get_council (self->db, id, NULL);
      show_council (self);
      return;
    }

  update_quorum_label (self);
}

static void
on_setting_changed_cb (OcopCouncilsPage *self)
{
  save_settings (self);
}

static void
on_quorum_selected_cb (OcopCouncilsPage *self)
{
  if (self->updating || self->council == NULL)
    return;

  /* Choosing "Custom" starts from the current share. */
  if (adw_combo_row_get_selected (self->quorum_row) == QUORUM_CUSTOM)
    {
      self->updating = TRUE;
      gtk_spin_button_set_value (self->custom_spin, round (self->council->quorum_share * 100.0));
      self->updating = FALSE;
    }

  save_settings (self);
}

/* Councils */

static void
on_council_saved_cb (OcopCouncilsPage  *self,
                     OcopCouncilEditor *editor)
{
  gint64 id = ocop_council_editor_get_council_id (editor);

  reload_or_toast (self);
  ocop_councils_page_select_council (self, id);
  ocop_ui_show_toast (GTK_WIDGET (self), _("Council saved"));
}

static GtkWindow *
present_council_editor (OcopCouncilsPage  *self,
                        const OcopCouncil *council)
{
  GtkWidget *editor = ocop_council_editor_new (self->db, council);

  gtk_window_set_transient_for (GTK_WINDOW (editor), ocop_ui_get_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_council_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

GtkWindow *
ocop_councils_page_new_council (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return present_council_editor (self, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ocop_councils_page_new_council (OCOP_COUNCILS_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (widget);

  if (self->council != NULL)
    present_council_editor (self, self->council);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* Members */

#define MEMBER_NAME_ROW  "ocop-name-row"
#define MEMBER_ROLE_ROW  "ocop-role-row"
#define MEMBER_TITLE_ROW "ocop-title-row"
#define MEMBER_ID        "ocop-member-id"

static void
on_member_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OcopCouncilsPage *self)
{
  g_autoptr(OcopMember) member = ocop_member_new ();
  g_autoptr(GError) error = NULL;
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (dialog), MEMBER_NAME_ROW);
  AdwComboRow *role_row = g_object_get_data (G_OBJECT (dialog), MEMBER_ROLE_ROW);
  AdwEntryRow *title_row = g_object_get_data (G_OBJECT (dialog), MEMBER_TITLE_ROW);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), MEMBER_ID);
  const char *title;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || self->council == NULL)
    return;

  if (id != 0)
    {
      g_autoptr(OcopMember) stored = ocop_db_get_member (self->db, id, NULL);

      if (stored != NULL)
        member->ordinal = stored->ordinal;
    }

  member->id = id;
  member->council_id = self->council->id;
  member->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row)));
  member->role = (OcopRole) MIN (adw_combo_row_get_selected (role_row), OCOP_ROLE_N);
  title = gtk_editable_get_text (GTK_EDITABLE (title_row));
  member->title = title[0] != '\0' ? g_strdup (title) : NULL;

  if (id == 0)
    {
      /* After the others of the same role. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
        {
          g_autoptr(OcopMemberObject) object = g_list_model_get_item (G_LIST_MODEL (self->members), i);
          const OcopMember *other = ocop_member_object_get_member (object);

          if (other->role == member->role && other->ordinal >= member->ordinal)
            member->ordinal = other->ordinal + 1;
        }
      ok = ocop_db_add_member (self->db, member, &error);
    }
  else
    ok = ocop_db_update_member (self->db, member, &error);

  if (!ok)
    {
      ocop_ui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  reload_or_toast (self);
}

static GtkWindow *
present_member_dialog (OcopCouncilsPage *self,
                       const OcopMember *member)
{
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *role_row;
  GtkWidget *title_row;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  gint64 *id = g_new0 (gint64, 1);

  for (guint i = 0; i < OCOP_ROLE_N; i++)
    gtk_string_list_append (roles, ocop_role_get_label (i));

  dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)),
                                   member != NULL ? _("Edit Member") : _("Add Member"),
                                   NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", member != NULL ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 380, -1);

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Member name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name_row), TRUE);
  role_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role_row), G_LIST_MODEL (roles));
  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Position and organisation"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (title_row), TRUE);

  if (member != NULL)
    {
      *id = member->id;
      gtk_editable_set_text (GTK_EDITABLE (name_row), member->name);
      adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), member->role);
      gtk_editable_set_text (GTK_EDITABLE (title_row), member->title != NULL ? member->title : "");
    }
  else
    {
      /* The first member is the chair; then members. */
      adw_combo_row_set_selected (ADW_COMBO_ROW (role_row),
                                  g_list_model_get_n_items (G_LIST_MODEL (self->members)) == 0
                                  ? OCOP_ROLE_CHAIR : OCOP_ROLE_MEMBER);
    }

  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), role_row);
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), MEMBER_NAME_ROW, name_row);
  g_object_set_data (G_OBJECT (dialog), MEMBER_ROLE_ROW, role_row);
  g_object_set_data (G_OBJECT (dialog), MEMBER_TITLE_ROW, title_row);
  g_object_set_data_full (G_OBJECT (dialog), MEMBER_ID, id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_member_response_cb), self, G_CONNECT_DEFAULT);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);

  return GTK_WINDOW (dialog);
}

GtkWindow *
ocop_councils_page_add_member (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), NULL);

  if (self->council == NULL)
    return NULL;

  return present_member_dialog (self, NULL);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ocop_councils_page_add_member (OCOP_COUNCILS_PAGE (widget));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (widget);
  g_autoptr(OcopMember) member = NULL;
  g_autoptr(GError) error = NULL;

  member = ocop_db_get_member (self->db, g_variant_get_int64 (param), &error);
  if (member == NULL)
    {
      ocop_ui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  present_member_dialog (self, member);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OcopCouncilsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), MEMBER_ID);

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!ocop_db_remove_member (self->db, id, &error))
    {
      ocop_ui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  reload_or_toast (self);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (widget);
  g_autoptr(OcopMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  gint64 *id = g_new0 (gint64, 1);

  *id = g_variant_get_int64 (param);
  member = ocop_db_get_member (self->db, *id, &error);
  if (member == NULL)
    {
      ocop_ui_show_toast (GTK_WIDGET (self), error->message);
      g_free (id);
      return;
    }

  /* Translators: the question before removing a council member; %s is the name */
  heading = g_strdup_printf (_("Remove %s from the Council?"), member->name);
  dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), heading,
                                   _("A member who has scored, or took part in a finalised meeting, stays in the record and cannot be removed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), MEMBER_ID, id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
ocop_councils_page_dispose (GObject *object)
{
  OcopCouncilsPage *self = (OcopCouncilsPage *)object;

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_COUNCILS_PAGE);

  g_clear_object (&self->councils);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (ocop_councils_page_parent_class)->dispose (object);
}

static void
ocop_councils_page_finalize (GObject *object)
{
  OcopCouncilsPage *self = (OcopCouncilsPage *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->council, ocop_council_free);

  G_OBJECT_CLASS (ocop_councils_page_parent_class)->finalize (object);
}

static void
ocop_councils_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_councils_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OcopCouncilsPage *self = OCOP_COUNCILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      ocop_councils_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_councils_page_class_init (OcopCouncilsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_councils_page_dispose;
  object_class->finalize = ocop_councils_page_finalize;
  object_class->get_property = ocop_councils_page_get_property;
  object_class->set_property = ocop_councils_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-councils-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, content);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, councils_list);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, regime_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, locality_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, secretary_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, advisory_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, custom_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, custom_spin);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilsPage, chair_switch);

  gtk_widget_class_install_action (widget_class, "councils.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "councils.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "councils.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "councils.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "councils.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "councils.remove-member", "x", remove_member_action);
}

static void
ocop_councils_page_init (OcopCouncilsPage *self)
{
  g_autoptr(GtkStringList) shares = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->councils = g_list_store_new (OCOP_TYPE_COUNCIL_OBJECT);
  self->members = g_list_store_new (OCOP_TYPE_MEMBER_OBJECT);
  gtk_list_box_bind_model (self->councils_list, G_LIST_MODEL (self->councils),
                           create_council_row, self, NULL);
  gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members),
                           create_member_row, self, NULL);

  placeholder = gtk_label_new (_("No members yet: add the chair first"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->members_list, placeholder);

  /* The quorum choices, after the row's title "Quorum". */
  gtk_string_list_append (shares, C_("quorum", "Half"));
  gtk_string_list_append (shares, C_("quorum", "Two thirds"));
  gtk_string_list_append (shares, C_("quorum", "Three quarters"));
  gtk_string_list_append (shares, C_("quorum", "Custom"));
  adw_combo_row_set_model (self->quorum_row, G_LIST_MODEL (shares));

  g_signal_connect_object (self->councils_list, "row-selected",
                           G_CALLBACK (on_council_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->councils_list, "row-activated",
                           G_CALLBACK (on_council_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->secretary_switch, "notify::active",
                           G_CALLBACK (on_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->advisory_switch, "notify::active",
                           G_CALLBACK (on_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chair_switch, "notify::active",
                           G_CALLBACK (on_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_spin, "value-changed",
                           G_CALLBACK (on_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quorum_row, "notify::selected",
                           G_CALLBACK (on_quorum_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "councils.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "councils.add-member", FALSE);
}

GtkWidget *
ocop_councils_page_new (OcopDb *db)
{
  g_return_val_if_fail (db == NULL || OCOP_IS_DB (db), NULL);

  return g_object_new (OCOP_TYPE_COUNCILS_PAGE, "db", db, NULL);
}

OcopDb *
ocop_councils_page_get_db (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), NULL);

  return self->db;
}

void
ocop_councils_page_set_db (OcopCouncilsPage *self,
                           OcopDb           *db)
{
  g_return_if_fail (OCOP_IS_COUNCILS_PAGE (self));
  g_return_if_fail (db == NULL || OCOP_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_pointer (&self->council, ocop_council_free);
  if (self->db != NULL)
    reload_or_toast (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

GListModel *
ocop_councils_page_get_councils (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), NULL);

  return G_LIST_MODEL (self->councils);
}

GListModel *
ocop_councils_page_get_members (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), NULL);

  return G_LIST_MODEL (self->members);
}

gboolean
ocop_councils_page_select_council (OcopCouncilsPage *self,
                                   gint64            council_id)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->councils)); i++)
    {
      g_autoptr(OcopCouncilObject) object = g_list_model_get_item (G_LIST_MODEL (self->councils), i);

      if (ocop_council_object_get_council (object)->id == council_id)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->councils_list, (int) i);

          /* Selecting the selected row again does not emit row-selected: show it anyway. */
          if (gtk_list_box_get_selected_row (self->councils_list) == row)
            on_council_row_selected_cb (self, row, self->councils_list);
          else
            gtk_list_box_select_row (self->councils_list, row);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
ocop_councils_page_get_selected_council_id (OcopCouncilsPage *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCILS_PAGE (self), 0);

  return self->council != NULL ? self->council->id : 0;
}
