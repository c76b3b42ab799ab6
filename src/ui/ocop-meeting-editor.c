/* ocop-meeting-editor.c: a new council meeting
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-meeting-editor.h"
#include "ocop-registry.h"
#include "ocop-text.h"

/* Everything is written in one transaction when "Create" is pressed: the meeting,
 * its agenda in the order the products were ticked, and (by default) everyone
 * present. Errors from the core name the field and are shown above the form. */

struct _OcopMeetingEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *create_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwComboRow          *council_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *title_row;
  AdwComboRow          *criteria_row;
  GtkSwitch            *everyone_switch;
  AdwPreferencesGroup  *agenda_group;
  GtkLabel             *agenda_count;

  /* Owned */
  OcopDb               *db;
  GPtrArray            *councils;     /* OcopCouncil* */
  GPtrArray            *sets;         /* OcopCriteriaSetInfo* */
  GPtrArray            *products;     /* OcopProduct* */
  GPtrArray            *rows;         /* AdwActionRow*, one per product, borrowed */
  GArray               *agenda;       /* gint64 product ids, in ticking order */
  OcopCriteriaSet      *set;          /* the chosen set */
  gboolean              set_chosen;   /* the user picked a set: keep it when the date changes */
  guint                 updating;
  gint64                meeting_id;
};

G_DEFINE_FINAL_TYPE (OcopMeetingEditor, ocop_meeting_editor, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (OcopMeetingEditor *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "ocop-check");
}

static void
update_agenda_labels (OcopMeetingEditor *self)
{
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkLabel *position = g_object_get_data (G_OBJECT (row), "ocop-position");
      gint64 id = ((const OcopProduct *) g_ptr_array_index (self->products, i))->id;
      g_autofree char *text = NULL;

      for (guint j = 0; j < self->agenda->len; j++)
        if (g_array_index (self->agenda, gint64, j) == id)
          /* Translators: a product's place on the agenda being built, “#3” */
          text = g_strdup_printf (_("#%u"), j + 1);
      gtk_label_set_text (position, text != NULL ? text : "");
    }

  /* Translators: how many products are on the agenda being built */
  count = g_strdup_printf (ngettext ("%u product", "%u products", self->agenda->len), self->agenda->len);
  gtk_label_set_text (self->agenda_count, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.create",
                                 self->agenda->len > 0 && self->councils->len > 0 && self->set != NULL);
}

static void
on_product_check_toggled_cb (GtkCheckButton    *check,
                             OcopMeetingEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "ocop-product");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating > 0)
    return;

  for (guint j = 0; j < self->agenda->len; j++)
    if (g_array_index (self->agenda, gint64, j) == id)
      {
        g_array_remove_index (self->agenda, j);
        break;
      }
  if (active)
    g_array_append_val (self->agenda, id);

  update_agenda_labels (self);
}

/* Products whose product set has no sheet in the chosen criteria set cannot be
 * scored on it. */
static void
update_product_rows (OcopMeetingEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const OcopProduct *product = g_ptr_array_index (self->products, i);
      const OcopSheet *sheet = self->set != NULL ? ocop_criteria_set_find_sheet (self->set, product->product_set) : NULL;
      g_autofree char *subtitle = NULL;

      if (sheet != NULL)
        /* Translators: a product in the agenda list: its code, then its product set's
         * sheet, “20-180-1-2022 · Sheet 12 — Chè và các sản phẩm từ chè” */
        subtitle = g_strdup_printf (_("%s · Sheet %s — %s"),
                                    product->code != NULL ? product->code : "—", sheet->code, sheet->name);
      else
        /* Translators: %s is a product set code such as “27” */
        subtitle = g_strdup_printf (_("No sheet for product set %s in this criteria set"),
                                    product->product_set != NULL ? product->product_set : "—");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_sensitive (row, sheet != NULL);
      if (sheet == NULL && gtk_check_button_get_active (row_check (row)))
        gtk_check_button_set_active (row_check (row), FALSE);
    }
}

static void
choose_set (OcopMeetingEditor *self,
            guint              index)
{
  g_autoptr(GError) error = NULL;
  const OcopCriteriaSetInfo *info;

  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  if (index < self->sets->len)
    {
      info = g_ptr_array_index (self->sets, index);
      self->set = ocop_db_load_criteria_set (self->db, info->id, &error);
      if (self->set == NULL)
        show_error (self, error->message);
    }
  update_product_rows (self);
  update_agenda_labels (self);
}

static void
on_criteria_row_selected_cb (OcopMeetingEditor *self,
                             GParamSpec        *pspec,
                             AdwComboRow       *row)
{
  if (self->updating > 0)
    return;

  self->set_chosen = TRUE;
  choose_set (self, adw_combo_row_get_selected (row));
}

/* The set in force on the date, as the CLI chooses it. */
static void
on_date_row_changed_cb (OcopMeetingEditor *self,
                        GtkEditable       *editable)
{
  g_autofree char *iso = ocop_text_date_to_iso (gtk_editable_get_text (editable));

  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (iso == NULL || self->set_chosen || self->sets == NULL)
    return;

  for (guint i = 0; i < self->sets->len; i++)
    {
      const OcopCriteriaSetInfo *info = g_ptr_array_index (self->sets, i);

      if (g_strcmp0 (info->effective_from, iso) <= 0 &&
          (info->effective_to == NULL || g_strcmp0 (iso, info->effective_to) < 0))
        {
          if (adw_combo_row_get_selected (self->criteria_row) != i)
            {
              self->updating++;
              adw_combo_row_set_selected (self->criteria_row, i);
              self->updating--;
              choose_set (self, i);
            }
          return;
        }
    }
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopMeetingEditor *self = OCOP_MEETING_EDITOR (widget);
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  const OcopCouncil *council;
  guint index;

  index = adw_combo_row_get_selected (self->council_row);
  if (index >= self->councils->len)
    {
      show_error (self, _("Council: choose the council that meets"));
      return;
    }
  council = g_ptr_array_index (self->councils, index);

  meeting->date = ocop_text_date_to_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (meeting->date == NULL)
    {
      show_error (self, _("Date: enter a date such as 12/11/2024"));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (self->set == NULL)
    {
      show_error (self, _("Criteria set: choose the set the council scores on"));
      return;
    }
  if (self->agenda->len == 0)
    {
      show_error (self, _("Agenda: tick at least one product"));
      return;
    }

  meeting->council_id = council->id;
  meeting->set_id = self->set->id;
  meeting->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  meeting->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  if (meeting->title[0] == '\0')
    g_clear_pointer (&meeting->title, g_free);

  if (!ocop_meeting_validate (meeting, &error) || !ocop_db_begin (self->db, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (!ocop_db_save_meeting (self->db, meeting, &error))
    goto failed;

  for (guint i = 0; i < self->agenda->len; i++)
    if (!ocop_db_add_agenda_item (self->db, meeting->id, g_array_index (self->agenda, gint64, i), &error))
      goto failed;

  if (gtk_switch_get_active (self->everyone_switch))
    {
      if ((members = ocop_db_list_members (self->db, council->id, &error)) == NULL)
        goto failed;
      for (guint i = 0; i < members->len; i++)
        if (!ocop_db_set_attendance (self->db, meeting->id,
                                     ((const OcopMember *) g_ptr_array_index (members, i))->id,
                                     TRUE, &error))
          goto failed;
    }

  if (!ocop_db_commit (self->db, &error))
    goto failed;

  self->meeting_id = meeting->id;
  show_error (self, NULL);
  g_signal_emit (self, signals[CREATED], 0, meeting->id);
  gtk_window_close (GTK_WINDOW (self));
  return;

failed:
  ocop_db_rollback (self->db);
  show_error (self, error->message);
}

static void
ocop_meeting_editor_finalize (GObject *object)
{
  OcopMeetingEditor *self = (OcopMeetingEditor *)object;

  g_clear_pointer (&self->councils, g_ptr_array_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_array_unref);
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ocop_meeting_editor_parent_class)->finalize (object);
}

static void
ocop_meeting_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OCOP_TYPE_MEETING_EDITOR);

  G_OBJECT_CLASS (ocop_meeting_editor_parent_class)->dispose (object);
}

static void
ocop_meeting_editor_class_init (OcopMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_meeting_editor_dispose;
  object_class->finalize = ocop_meeting_editor_finalize;

  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, council_row);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, everyone_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingEditor, agenda_count);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_meeting_editor_init (OcopMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->agenda = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static gboolean
ocop_meeting_editor_load (OcopMeetingEditor  *self,
                          GError            **error)
{
  g_autoptr(GtkStringList) councils = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sets = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;

  if ((self->councils = ocop_db_list_councils (self->db, error)) == NULL ||
      (self->sets = ocop_db_list_criteria_sets (self->db, error)) == NULL ||
      (self->products = ocop_db_search_products (self->db, NULL, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < self->councils->len; i++)
    gtk_string_list_append (councils, ((const OcopCouncil *) g_ptr_array_index (self->councils, i))->name);
  for (guint i = 0; i < self->sets->len; i++)
    {
      const OcopCriteriaSetInfo *info = g_ptr_array_index (self->sets, i);
      /* Translators: a criteria set in the meeting editor: its legal basis and version */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), info->legal_basis, info->version);

      gtk_string_list_append (sets, text);
    }

  self->updating++;
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (councils));
  adw_combo_row_set_model (self->criteria_row, G_LIST_MODEL (sets));
  self->updating--;

  for (guint i = 0; i < self->products->len; i++)
    {
      const OcopProduct *product = g_ptr_array_index (self->products, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *position = gtk_label_new (NULL);
      gint64 *id = g_new (gint64, 1);

      *id = product->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), product->name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (position, "numeric");
      gtk_widget_add_css_class (position, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), position);
      g_object_set_data_full (G_OBJECT (check), "ocop-product", id, g_free);
      g_object_set_data (G_OBJECT (row), "ocop-check", check);
      g_object_set_data (G_OBJECT (row), "ocop-position", position);
      g_signal_connect (check, "toggled", G_CALLBACK (on_product_check_toggled_cb), self);
      adw_preferences_group_add (self->agenda_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->products->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The register has no products yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add or import products on the Products page first."));
      adw_preferences_group_add (self->agenda_group, row);
    }

  /* Today, and the set in force today. */
  today = ocop_text_format_date_short (g_date_time_get_year (now), g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now));
  if (self->sets->len > 0)
    choose_set (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  update_agenda_labels (self);

  if (self->councils->len == 0)
    show_error (self, _("There is no council yet: create one on the Councils page first."));

  return TRUE;
}

OcopMeetingEditor *
ocop_meeting_editor_new (OcopDb     *db,
                         GtkWindow  *parent,
                         GError    **error)
{
  OcopMeetingEditor *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* Like any window, owned by GTK until it is destroyed. */
  self = g_object_new (OCOP_TYPE_MEETING_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);

  if (!ocop_meeting_editor_load (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  return self;
}

gboolean
ocop_meeting_editor_set_product (OcopMeetingEditor *self,
                                 gint64             product_id,
                                 gboolean           on_agenda)
{
  g_return_val_if_fail (OCOP_IS_MEETING_EDITOR (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (((const OcopProduct *) g_ptr_array_index (self->products, i))->id != product_id)
        continue;
      if (!gtk_widget_get_sensitive (row))
        return FALSE;
      gtk_check_button_set_active (row_check (row), on_agenda);
      return TRUE;
    }

  return FALSE;
}

gint64
ocop_meeting_editor_get_meeting_id (OcopMeetingEditor *self)
{
  g_return_val_if_fail (OCOP_IS_MEETING_EDITOR (self), 0);

  return self->meeting_id;
}
