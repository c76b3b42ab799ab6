/* ocop-preferences-window.c: the application's preferences
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ocop-certificate.h"
#include "ocop-preferences-window.h"
#include "ocop-print-operation.h"
#include "ocop-signing.h"

/* The language is applied by main.c before anything is translated, hence the restart;
 * "en" is a real choice (not the same as following the desktop) because a Vietnamese
 * desktop would otherwise translate. The number pattern is the database's (the CLI
 * numbers from it too); GSettings keeps a copy for new databases. */

static const char * const languages[] = { "", "vi", "en" };

struct _OcopPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;
  AdwActionRow         *database_row;
  GtkWidget            *database_default_button;
  GtkAdjustment        *quorum_adjustment;
  GtkSwitch            *chair_switch;
  GtkSwitch            *secretary_switch;
  GtkSwitch            *advisory_switch;
  AdwEntryRow          *authority_row;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_name_row;
  AdwEntryRow          *pattern_row;
  AdwActionRow         *pattern_example_row;
  AdwActionRow         *key_row;
  GtkWidget            *create_key_button;
  GtkWidget            *export_key_button;
  GtkListBox           *offsets_list;

  /* Owned */
  OcopDb               *db;
  GSettings            *settings;
  gboolean              writing_offsets;
};

G_DEFINE_FINAL_TYPE (OcopPreferencesWindow, ocop_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
add_toast (OcopPreferencesWindow *self,
           const char            *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* ---- language ---- */

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);
  guint selected = 0;

  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (g_str_has_prefix (code, languages[i]))
      selected = i;
  g_value_set_uint (value, selected);

  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (selected < G_N_ELEMENTS (languages) ? languages[selected] : "");
}

void
ocop_preferences_window_select_language (OcopPreferencesWindow *self,
                                         const char            *language)
{
  g_return_if_fail (OCOP_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
}

/* ---- database ---- */

static void
update_database_row (OcopPreferencesWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "database-path");
  g_autofree char *fallback = ocop_db_get_default_path ();
  const char *open = self->db != NULL ? ocop_db_get_path (self->db) : NULL;
  g_autofree char *subtitle = NULL;

  if (setting[0] != '\0' && g_strcmp0 (setting, open) != 0)
    /* Translators: %1$s is the chosen database file, %2$s the one open now */
    subtitle = g_strdup_printf (_("%1$s (after restarting; now %2$s)"), setting, open != NULL ? open : fallback);
  else
    subtitle = g_strdup (open != NULL ? open : fallback);

  adw_action_row_set_subtitle (self->database_row, subtitle);
  gtk_widget_set_visible (self->database_default_button, setting[0] != '\0');
}

static void
on_database_chooser_response_cb (GtkNativeDialog       *native,
                                 int                    response,
                                 OcopPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "database-path", path);
          update_database_row (self);
          add_toast (self, _("The database will be opened after restarting OCOP Council"));
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
on_database_change_clicked_cb (OcopPreferencesWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* SAVE lets the user name a new file as well as pick an existing one. */
  native = gtk_file_chooser_native_new (_("Choose the Database File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "ocop.db");
  gtk_file_filter_set_name (filter, _("OCOP Council databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_database_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_database_default_clicked_cb (OcopPreferencesWindow *self)
{
  g_settings_reset (self->settings, "database-path");
  update_database_row (self);
}

/* ---- councils ---- */

static gboolean
percent_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100));

  return TRUE;
}

static GVariant *
percent_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  double percent = g_value_get_double (value);

  /* 67 % is the two thirds of the rules, not 0.67. */
  if (fabs (percent - 67) < 0.01)
    return g_variant_new_double (2.0 / 3.0);

  return g_variant_new_double (CLAMP (percent, 50, 100) / 100);
}

/* ---- number pattern ---- */

static void
on_pattern_changed_cb (OcopPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *example = NULL;
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (self->pattern_row));

  example = ocop_certificate_format_number (pattern, 12, g_date_time_get_year (now), &error);
  if (example != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");
      adw_action_row_set_subtitle (self->pattern_example_row, example);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->pattern_row), "error");
      adw_action_row_set_subtitle (self->pattern_example_row, error->message);
    }
}

gboolean
ocop_preferences_window_apply_pattern (OcopPreferencesWindow  *self,
                                       const char             *pattern,
                                       GError                **error)
{
  g_autofree char *example = NULL;

  g_return_val_if_fail (OCOP_IS_PREFERENCES_WINDOW (self), FALSE);

  example = ocop_certificate_format_number (pattern, 1, 2025, error);
  if (example == NULL)
    return FALSE;
  if (self->db != NULL && !ocop_db_set_certificate_pattern (self->db, pattern, error))
    return FALSE;

  g_settings_set_string (self->settings, "certificate-number-pattern", pattern);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row)), pattern) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), pattern);

  return TRUE;
}

static void
on_pattern_apply_cb (OcopPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (self->pattern_row));

  if (ocop_preferences_window_apply_pattern (self, pattern, &error))
    add_toast (self, _("New certificates will be numbered with this pattern"));
  else
    add_toast (self, error->message);
}

/* ---- signing key ---- */

static void
update_key_row (OcopPreferencesWindow *self)
{
  g_autofree char *authority = g_settings_get_string (self->settings, "issuing-authority");
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (authority);
  if (self->db == NULL || authority[0] == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("Signing key"));
      adw_action_row_set_subtitle (self->key_row, self->db == NULL ? _("No database is open")
                                                                   : _("Enter the issuing authority first"));
      gtk_widget_set_visible (self->create_key_button, FALSE);
      gtk_widget_set_visible (self->export_key_button, FALSE);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), authority);
  key = ocop_db_get_signing_key (self->db, authority, &error);
  if (key != NULL)
    {
      g_autofree char *fingerprint = ocop_signing_fingerprint (key->public_key);
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a key fingerprint such as 3F2A-91C0-77B4-0E1D */
      subtitle = g_strdup_printf (_("Fingerprint %s"), fingerprint);
      adw_action_row_set_subtitle (self->key_row, subtitle);
    }
  else if (g_error_matches (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY))
    adw_action_row_set_subtitle (self->key_row, _("No signing key yet: certificates cannot be issued without one"));
  else
    adw_action_row_set_subtitle (self->key_row, error->message);

  gtk_widget_set_visible (self->create_key_button, key == NULL);
  gtk_widget_set_visible (self->export_key_button, key != NULL);
}

static void
on_create_key_clicked_cb (OcopPreferencesWindow *self)
{
  g_autofree char *authority = g_settings_get_string (self->settings, "issuing-authority");
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (authority);
  key = ocop_signing_create_key (self->db, authority, FALSE, &error);
  if (key == NULL)
    add_toast (self, error->message);
  else
    add_toast (self, _("Signing key created"));
  update_key_row (self);
}

static void
on_export_key_response_cb (GtkNativeDialog       *native,
                           int                    response,
                           OcopPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *authority = g_settings_get_string (self->settings, "issuing-authority");
      g_autoptr(OcopSigningKey) key = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      g_strstrip (authority);
      key = ocop_db_get_signing_key (self->db, authority, &error);
      if (key != NULL)
        text = ocop_signing_key_export_public (key);
      if (text != NULL &&
          g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        add_toast (self, _("Public key exported"));
      else
        add_toast (self, error->message);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
on_export_key_clicked_cb (OcopPreferencesWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Public Key"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the default file name of an exported public key; no spaces */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("ocop-public-key.txt"));
  g_signal_connect (native, "response", G_CALLBACK (on_export_key_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- print offsets ---- */

static void
on_offset_changed_cb (GtkSpinButton         *spin,
                      OcopPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW);
  const char *printer = g_object_get_data (G_OBJECT (row), "ocop-printer");
  GtkSpinButton *x = g_object_get_data (G_OBJECT (row), "ocop-x");
  GtkSpinButton *y = g_object_get_data (G_OBJECT (row), "ocop-y");

  self->writing_offsets = TRUE;
  ocop_print_offsets_store (self->settings, printer, gtk_spin_button_get_value (x), gtk_spin_button_get_value (y));
  self->writing_offsets = FALSE;
}

static void rebuild_offsets (OcopPreferencesWindow *self);

static void
on_offset_remove_clicked_cb (GtkButton             *button,
                             OcopPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  g_autofree char *printer = g_strdup (g_object_get_data (G_OBJECT (row), "ocop-printer"));

  ocop_print_offsets_store (self->settings, printer, 0, 0);
}

static GtkWidget *
make_offset_spin (OcopPreferencesWindow *self,
                  double                 value,
                  const char            *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (-OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_offset_changed_cb), self, G_CONNECT_DEFAULT);

  return spin;
}

static void
rebuild_offsets (OcopPreferencesWindow *self)
{
  g_autoptr(GVariant) dict = g_settings_get_value (self->settings, "print-offsets");
  GVariantIter iter;
  const char *name;
  double x, y;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->offsets_list))) != NULL)
    gtk_list_box_remove (self->offsets_list, child);

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s(dd)}", &name, &x, &y))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *x_spin = make_offset_spin (self, x, _("Millimetres to the right"));
      GtkWidget *y_spin = make_offset_spin (self, y, _("Millimetres down"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Right and down, in mm"));
      g_object_set_data_full (G_OBJECT (row), "ocop-printer", g_strdup (name), g_free);
      g_object_set_data (G_OBJECT (row), "ocop-x", x_spin);
      g_object_set_data (G_OBJECT (row), "ocop-y", y_spin);

      /* Translators: tooltip of the button that forgets a printer's offsets; %s is its name */
      remove_label = g_strdup_printf (_("Forget the offsets of “%s”"), name);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_offset_remove_clicked_cb), self, G_CONNECT_DEFAULT);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), x_spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), y_spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->offsets_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->offsets_list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No printer calibrated yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Everything prints where it is drawn."));
      gtk_list_box_append (self->offsets_list, row);
    }
}

static void
on_settings_changed_cb (GSettings             *settings,
                        const char            *key,
                        OcopPreferencesWindow *self)
{
  if (g_str_equal (key, "print-offsets") && !self->writing_offsets)
    rebuild_offsets (self);
  else if (g_str_equal (key, "issuing-authority"))
    update_key_row (self);
  else if (g_str_equal (key, "database-path"))
    update_database_row (self);
}

/* ---- the object ---- */

static void
ocop_preferences_window_dispose (GObject *object)
{
  OcopPreferencesWindow *self = (OcopPreferencesWindow *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ocop_preferences_window_parent_class)->dispose (object);
}

static void
ocop_preferences_window_finalize (GObject *object)
{
  OcopPreferencesWindow *self = (OcopPreferencesWindow *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ocop_preferences_window_parent_class)->finalize (object);
}

static void
ocop_preferences_window_class_init (OcopPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_preferences_window_dispose;
  object_class->finalize = ocop_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, database_default_button);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, quorum_adjustment);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, chair_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, secretary_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, advisory_switch);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, authority_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, pattern_example_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, create_key_button);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, export_key_button);
  gtk_widget_class_bind_template_child (widget_class, OcopPreferencesWindow, offsets_list);
  gtk_widget_class_bind_template_callback (widget_class, on_database_change_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_database_default_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_key_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_key_clicked_cb);
}

static void
ocop_preferences_window_init (OcopPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (OCOP_ID);

  g_settings_bind_with_mapping (self->settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_get_mapping, language_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "council-quorum-share", self->quorum_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_get_mapping, percent_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "council-chair-required", self->chair_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "council-secretary-scores", self->secretary_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "council-advisory-scores", self->advisory_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "issuing-authority", self->authority_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "signer-title", self->signer_title_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "signer-name", self->signer_name_row, "text", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);

  rebuild_offsets (self);
}

GtkWidget *
ocop_preferences_window_new (OcopDb *db)
{
  OcopPreferencesWindow *self;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (db == NULL || OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_PREFERENCES_WINDOW, NULL);
  self->db = db != NULL ? g_object_ref (db) : NULL;

  if (db != NULL)
    pattern = ocop_db_get_certificate_pattern (db, NULL);
  if (pattern == NULL)
    pattern = g_settings_get_string (self->settings, "certificate-number-pattern");
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), pattern);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pattern_row), db != NULL);
  on_pattern_changed_cb (self);

  update_database_row (self);
  update_key_row (self);

  return GTK_WIDGET (self);
}
