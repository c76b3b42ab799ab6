/* ocop-targets-dialog.c: entering and editing the programme targets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-targets-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ocop-stats.h"
#include "ocop-targets-dialog.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"

/* A list of the targets and a form, in one window: the form is a page of the stack
 * with a back button, as GNOME Settings' subpages. Saving writes at once. */

struct _OcopTargetsDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListBox     *list_box;
  GtkWidget      *back_button;
  GtkWidget      *add_button;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  AdwComboRow    *kind_row;
  GtkWidget      *value_row;
  GtkSpinButton  *value_spin;
  GtkWidget      *percent_row;
  GtkSwitch      *percent_switch;
  GtkWidget      *stars_row;
  GtkSpinButton  *stars_spin;
  GtkWidget      *achieved_row;
  GtkSpinButton  *achieved_spin;
  AdwEntryRow    *start_row;
  AdwEntryRow    *deadline_row;
  AdwEntryRow    *province_row;
  AdwEntryRow    *district_row;
  AdwEntryRow    *note_row;

  /* Owned */
  OcopDb         *db;
  OcopTarget     *editing;    /* the target on the form */
  guint           n_targets;
};

G_DEFINE_FINAL_TYPE (OcopTargetsDialog, ocop_targets_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
date_for_entry (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup ("");

  return ocop_text_format_date_short (y, m, d);
}

static void
show_page (OcopTargetsDialog *self,
           const char        *name)
{
  gboolean form = g_strcmp0 (name, "form") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->back_button, form);
  gtk_widget_set_visible (self->add_button, !form);
}

static void
update_form (OcopTargetsDialog *self)
{
  OcopTargetKind kind = adw_combo_row_get_selected (self->kind_row);

  gtk_widget_set_visible (self->stars_row, kind == OCOP_TARGET_NEW_PRODUCTS);
  gtk_widget_set_visible (self->percent_row, kind == OCOP_TARGET_CUSTOM);
  gtk_widget_set_visible (self->achieved_row, kind == OCOP_TARGET_CUSTOM);
  gtk_spin_button_set_digits (self->value_spin, kind == OCOP_TARGET_NEW_PRODUCTS ? 0 : 1);
}

/* ---- the list ---- */

static char *
format_value (double         value,
              OcopTargetUnit unit)
{
  g_autofree char *number = ocop_text_format_number (value, value == floor (value) ? 0 : 1);

  if (unit == OCOP_TARGET_UNIT_PERCENT)
    /* Translators: a target's value in percent; %s is the number ("40") */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}

gboolean
ocop_targets_dialog_reload (OcopTargetsDialog  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  GtkWidget *child;

  g_return_val_if_fail (OCOP_IS_TARGETS_DIALOG (self), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  targets = ocop_db_list_targets (self->db, error);
  if (targets == NULL)
    return FALSE;

  self->n_targets = targets->len;
  for (guint i = 0; i < targets->len; i++)
    {
      const OcopTarget *target = g_ptr_array_index (targets, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = format_value (target->value, target->unit);
      g_autofree char *deadline = date_for_entry (target->deadline);
      g_autofree char *subtitle = NULL;
      g_autofree char *edit = NULL;
      g_autofree char *remove = NULL;

      /* Translators: under a target's title: what is counted, the value and the
       * deadline, e.g. "Share of … · 40 % · by 31/12/2025" */
      subtitle = g_strdup_printf (_("%s · %s · by %s"), ocop_target_kind_get_label (target->kind),
                                  value, deadline);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* Translators: the tooltip of a button in a target's row; %s is the target */
      edit = g_strdup_printf (_("Edit %s"), target->title);
      /* Translators: the tooltip of a button in a target's row; %s is the target */
      remove = g_strdup_printf (_("Delete %s"), target->title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 ocop_ui_make_icon_button ("document-edit-symbolic", edit, "targets.edit", target->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 ocop_ui_make_icon_button ("user-trash-symbolic", remove, "targets.delete", target->id));
      gtk_list_box_append (self->list_box, row);
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    show_page (self, targets->len > 0 ? "list" : "empty");

  return TRUE;
}

guint
ocop_targets_dialog_get_n_targets (OcopTargetsDialog *self)
{
  g_return_val_if_fail (OCOP_IS_TARGETS_DIALOG (self), 0);

  return self->n_targets;
}

/* ---- the form ---- */

gboolean
ocop_targets_dialog_edit (OcopTargetsDialog *self,
                          gint64             id)
{
  g_autoptr(OcopTarget) target = NULL;
  g_autofree char *start = NULL;
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (OCOP_IS_TARGETS_DIALOG (self), FALSE);

  if (id != 0)
    {
      g_autoptr(GPtrArray) targets = ocop_db_list_targets (self->db, NULL);

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        if (((OcopTarget *) g_ptr_array_index (targets, i))->id == id)
          target = g_ptr_array_steal_index (targets, i);
      if (target == NULL)
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      target = ocop_target_new ();
      target->period_start = g_date_time_format (now, "%Y-01-01");
      target->deadline = g_strdup_printf ("%d-12-31", g_date_time_get_year (now) + 2);
    }

  set_entry (self->title_row, target->title);
  adw_combo_row_set_selected (self->kind_row, target->kind);
  gtk_spin_button_set_value (self->value_spin, target->value);
  gtk_switch_set_active (self->percent_switch, target->unit == OCOP_TARGET_UNIT_PERCENT);
  gtk_spin_button_set_value (self->stars_spin, target->min_stars > 0 ? target->min_stars : 3);
  gtk_spin_button_set_value (self->achieved_spin, isnan (target->achieved_value) ? 0 : target->achieved_value);
  start = date_for_entry (target->period_start);
  deadline = date_for_entry (target->deadline);
  set_entry (self->start_row, start);
  set_entry (self->deadline_row, deadline);
  set_entry (self->province_row, target->province);
  set_entry (self->district_row, target->district);
  set_entry (self->note_row, target->note);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  g_clear_pointer (&self->editing, ocop_target_free);
  self->editing = g_steal_pointer (&target);

  update_form (self);
  gtk_window_set_title (GTK_WINDOW (self), id != 0 ? _("Edit Target") : _("New Target"));
  show_page (self, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return TRUE;
}

gboolean
ocop_targets_dialog_save (OcopTargetsDialog *self)
{
  OcopTarget *target;
  g_autoptr(GError) error = NULL;
  OcopTargetKind kind;

  g_return_val_if_fail (OCOP_IS_TARGETS_DIALOG (self), FALSE);

  if (self->editing == NULL)
    return FALSE;

  target = self->editing;
  kind = adw_combo_row_get_selected (self->kind_row);

  g_free (target->title);
  target->title = ocop_ui_entry_text (self->title_row);
  target->kind = kind;
  target->value = gtk_spin_button_get_value (self->value_spin);
  switch (kind)
    {
    case OCOP_TARGET_NEW_PRODUCTS:
      target->unit = OCOP_TARGET_UNIT_COUNT;
      break;
    case OCOP_TARGET_CUSTOM:
      target->unit = gtk_switch_get_active (self->percent_switch) ? OCOP_TARGET_UNIT_PERCENT
                                                                  : OCOP_TARGET_UNIT_COUNT;
      break;
    default:
      target->unit = OCOP_TARGET_UNIT_PERCENT;
    }
  target->min_stars = gtk_spin_button_get_value_as_int (self->stars_spin);
  target->achieved_value = kind == OCOP_TARGET_CUSTOM ? gtk_spin_button_get_value (self->achieved_spin) : NAN;
  g_free (target->period_start);
  target->period_start = ocop_ui_entry_text (self->start_row);
  g_free (target->deadline);
  target->deadline = ocop_ui_entry_text (self->deadline_row);
  g_free (target->province);
  target->province = ocop_ui_entry_text (self->province_row);
  g_free (target->district);
  target->district = ocop_ui_entry_text (self->district_row);
  g_free (target->note);
  target->note = ocop_ui_entry_text (self->note_row);
  if (target->title == NULL)
    target->title = g_strdup ("");
  if (target->period_start == NULL)
    target->period_start = g_strdup ("");
  if (target->deadline == NULL)
    target->deadline = g_strdup ("");

  if (!ocop_target_validate (target, &error) ||
      !ocop_db_save_target (self->db, target, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  g_clear_pointer (&self->editing, ocop_target_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Programme Targets"));
  show_page (self, "list");
  ocop_targets_dialog_reload (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* ---- actions ---- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ocop_targets_dialog_edit (OCOP_TARGETS_DIALOG (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ocop_targets_dialog_edit (OCOP_TARGETS_DIALOG (widget), g_variant_get_int64 (param));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ocop_targets_dialog_save (OCOP_TARGETS_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopTargetsDialog *self = OCOP_TARGETS_DIALOG (widget);

  g_clear_pointer (&self->editing, ocop_target_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Programme Targets"));
  show_page (self, self->n_targets > 0 ? "list" : "empty");
}

static void
on_delete_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       OcopTargetsDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "ocop-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!ocop_db_delete_target (self->db, id, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Delete the Target"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  ocop_targets_dialog_reload (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopTargetsDialog *self = OCOP_TARGETS_DIALOG (widget);
  GtkWidget *dialog;
  gint64 *id = g_new (gint64, 1);

  *id = g_variant_get_int64 (param);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Target?"),
                                   _("The target is removed from the dashboard. Figures in the "
                                     "database are not changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ocop-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the object ---- */

static void
ocop_targets_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OCOP_TYPE_TARGETS_DIALOG);

  G_OBJECT_CLASS (ocop_targets_dialog_parent_class)->dispose (object);
}

static void
ocop_targets_dialog_finalize (GObject *object)
{
  OcopTargetsDialog *self = (OcopTargetsDialog *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->editing, ocop_target_free);

  G_OBJECT_CLASS (ocop_targets_dialog_parent_class)->finalize (object);
}

static void
ocop_targets_dialog_class_init (OcopTargetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_targets_dialog_dispose;
  object_class->finalize = ocop_targets_dialog_finalize;

  /**
   * OcopTargetsDialog::changed:
   *
   * A target was saved or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-targets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, value_spin);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, percent_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, stars_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, stars_spin);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, achieved_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, achieved_spin);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, province_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, OcopTargetsDialog, note_row);

  gtk_widget_class_install_action (widget_class, "targets.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "targets.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "targets.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "targets.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "targets.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "targets.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "targets.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_targets_dialog_init (OcopTargetsDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int k = 0; k < OCOP_TARGET_KIND_N; k++)
    gtk_string_list_append (kinds, ocop_target_kind_get_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (update_form), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ocop_targets_dialog_new (GtkWindow *parent,
                         OcopDb    *db)
{
  OcopTargetsDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_TARGETS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (!ocop_targets_dialog_reload (self, &error))
    g_warning ("Could not list the targets: %s", error->message);

  return GTK_WIDGET (self);
}
