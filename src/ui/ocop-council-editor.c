/* ocop-council-editor.c: the form to create or edit a council
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-council-editor"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ocop-council-editor.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"

/* The council's identity: name, level, regime, locality and the establishing
 * decision. Who scores and the quorum rule are set on the councils page, where their
 * effect is explained; a new council starts with the defaults (two thirds, chair
 * required, neither secretary nor advisory team scoring). */

struct _OcopCouncilEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *name_row;
  AdwComboRow     *level_row;
  AdwComboRow     *regime_row;
  AdwEntryRow     *locality_row;
  AdwEntryRow     *decision_row;
  AdwEntryRow     *decision_date_row;

  /* Owned */
  OcopDb          *db;
  OcopCouncil     *council;     /* the stored one, or a new one with the defaults */
};

G_DEFINE_FINAL_TYPE (OcopCouncilEditor, ocop_council_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_for_message (OcopCouncilEditor *self,
                 const char        *message)
{
  const struct {
    const char *label;
    GtkWidget  *row;
  } fields[] = {
    { _("Council name"), GTK_WIDGET (self->name_row) },
    { _("Level"), GTK_WIDGET (self->level_row) },
    { _("Regime"), GTK_WIDGET (self->regime_row) },
    { _("Locality"), GTK_WIDGET (self->locality_row) },
    { _("Decision date"), GTK_WIDGET (self->decision_date_row) },
    { _("Decision"), GTK_WIDGET (self->decision_row) },
  };
  GtkWidget *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len = strlen (fields[i].label);

      if (len > best_len && strncmp (message, fields[i].label, len) == 0 && message[len] == ':')
        {
          best = fields[i].row;
          best_len = len;
        }
    }

  return best;
}

static void
clear_errors (OcopCouncilEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->level_row), GTK_WIDGET (self->regime_row),
    GTK_WIDGET (self->locality_row), GTK_WIDGET (self->decision_row),
    GTK_WIDGET (self->decision_date_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
}

static void
show_error (OcopCouncilEditor *self,
            const GError      *error)
{
  GtkWidget *row = row_for_message (self, error->message);
  AdwToast *toast = adw_toast_new (error->message);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
ocop_council_editor_save (OcopCouncilEditor  *self,
                          GError            **error)
{
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  guint level = adw_combo_row_get_selected (self->level_row);
  guint regime = adw_combo_row_get_selected (self->regime_row);

  g_return_val_if_fail (OCOP_IS_COUNCIL_EDITOR (self), FALSE);

  clear_errors (self);

  /* Keep what the form does not show (the scoring and quorum settings). */
  *council = *self->council;
  council->name = ocop_ui_entry_text (self->name_row);
  council->locality = ocop_ui_entry_text (self->locality_row);
  council->decision = ocop_ui_entry_text (self->decision_row);
  council->decision_date = NULL;
  council->level = level < OCOP_LEVEL_N ? (OcopLevel) level : OCOP_LEVEL_N;
  council->regime = regime < OCOP_REGIME_N ? (OcopRegime) regime : OCOP_REGIME_N;

  date = ocop_ui_entry_text (self->decision_date_row);
  if (date != NULL)
    {
      council->decision_date = ocop_text_date_to_iso (date);
      if (council->decision_date == NULL)
        {
          g_set_error (&local_error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: %s is what was typed; keep “Decision date:” as the
                        * field's name */
                       _("Decision date: “%s” is not a date such as 12/03/2024"), date);
          goto failed;
        }
    }

  if (!ocop_db_save_council (self->db, council, &local_error))
    goto failed;

  self->council->id = council->id;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;

failed:
  show_error (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ocop_council_editor_save (OCOP_COUNCIL_EDITOR (widget), NULL);
}

static void
on_entry_activated_cb (OcopCouncilEditor *self)
{
  ocop_council_editor_save (self, NULL);
}

static void
on_row_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
ocop_council_editor_dispose (GObject *object)
{
  OcopCouncilEditor *self = (OcopCouncilEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_COUNCIL_EDITOR);

  G_OBJECT_CLASS (ocop_council_editor_parent_class)->dispose (object);
}

static void
ocop_council_editor_finalize (GObject *object)
{
  OcopCouncilEditor *self = (OcopCouncilEditor *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->council, ocop_council_free);

  G_OBJECT_CLASS (ocop_council_editor_parent_class)->finalize (object);
}

static void
ocop_council_editor_class_init (OcopCouncilEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_council_editor_dispose;
  object_class->finalize = ocop_council_editor_finalize;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-council-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, regime_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, locality_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, OcopCouncilEditor, decision_date_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_council_editor_init (OcopCouncilEditor *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) regimes = gtk_string_list_new (NULL);
  AdwEntryRow *entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < OCOP_LEVEL_N; i++)
    gtk_string_list_append (levels, ocop_level_get_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  for (guint i = 0; i < OCOP_REGIME_N; i++)
    gtk_string_list_append (regimes, ocop_regime_get_label (i));
  adw_combo_row_set_model (self->regime_row, G_LIST_MODEL (regimes));

  entries[0] = self->name_row;
  entries[1] = self->locality_row;
  entries[2] = self->decision_row;
  entries[3] = self->decision_date_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_row_changed_cb), NULL);
      g_signal_connect_object (entries[i], "entry-activated", G_CALLBACK (on_entry_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

GtkWidget *
ocop_council_editor_new (OcopDb            *db,
                         const OcopCouncil *council)
{
  OcopCouncilEditor *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_COUNCIL_EDITOR, NULL);
  self->db = g_object_ref (db);
  self->council = ocop_council_new ();

  if (council != NULL)
    {
      int y, m, d;

      *self->council = *council;
      self->council->name = NULL;
      self->council->locality = NULL;
      self->council->decision = NULL;
      self->council->decision_date = NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), council->name != NULL ? council->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->locality_row), council->locality != NULL ? council->locality : "");
      gtk_editable_set_text (GTK_EDITABLE (self->decision_row), council->decision != NULL ? council->decision : "");
      if (council->decision_date != NULL &&
          sscanf (council->decision_date, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autofree char *date = ocop_text_format_date_short (y, m, d);

          gtk_editable_set_text (GTK_EDITABLE (self->decision_date_row), date != NULL ? date : "");
        }
      adw_combo_row_set_selected (self->level_row, council->level);
      adw_combo_row_set_selected (self->regime_row, council->regime);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Council"));
    }
  else
    {
      g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);

      /* The defaults of a new council: the province, under the current regime; who
       * scores and the quorum rule as set in Preferences. */
      self->council->quorum_share = g_settings_get_double (settings, "council-quorum-share");
      self->council->chair_required = g_settings_get_boolean (settings, "council-chair-required");
      self->council->secretary_scores = g_settings_get_boolean (settings, "council-secretary-scores");
      self->council->advisory_scores = g_settings_get_boolean (settings, "council-advisory-scores");
      self->council->level = OCOP_LEVEL_PROVINCE;
      self->council->regime = OCOP_REGIME_148_1489;
      adw_combo_row_set_selected (self->level_row, OCOP_LEVEL_PROVINCE);
      adw_combo_row_set_selected (self->regime_row, OCOP_REGIME_148_1489);
      gtk_window_set_title (GTK_WINDOW (self), _("New Council"));
    }

  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

gint64
ocop_council_editor_get_council_id (OcopCouncilEditor *self)
{
  g_return_val_if_fail (OCOP_IS_COUNCIL_EDITOR (self), 0);

  return self->council->id;
}
