/* ocop-issue-dialog.c: issuing a finalised meeting's certificates under a decision
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-issue-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-issue-dialog.h"
#include "ocop-score-stars.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"
#include "ocop-text.h"

/* The numbers shown before issuing are not guessed: the dialog runs the real issue
 * (ocop_db_issue_certificates ()) inside an outer transaction that it rolls back, as
 * the import preview does, so the numbers, the refusals and the validation are the
 * core's own. When the authority has no signing key yet, the dry run makes one inside
 * the same rolled-back transaction, only to number the certificates; the real key is
 * made when the user agrees to it. */

#define PREVIEW_DELAY_MS 200

typedef struct
{
  gint64          product_id;
  GtkCheckButton *check;
  GtkLabel       *number;
} ProductRow;

struct _OcopIssueDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwComboRow   *meeting_row;
  GtkWidget     *products_group;
  GtkListBox    *products_list;
  AdwEntryRow   *number_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *authority_row;
  AdwEntryRow   *signer_title_row;
  AdwEntryRow   *signer_name_row;
  GtkLabel      *plan_label;
  AdwStatusPage *done_page;
  GtkListBox    *issued_list;
  GtkWidget     *close_button;
  GtkWidget     *issue_button;
  GtkWidget     *cancel_button;

  /* Owned */
  OcopDb        *db;
  GArray        *meeting_ids;    /* gint64, as listed in meeting_row */
  GPtrArray     *rows;           /* ProductRow* */
  GPtrArray     *issued;         /* OcopCertificate* */
  guint          preview_id;
  gboolean       can_issue;
};

G_DEFINE_FINAL_TYPE (OcopIssueDialog, ocop_issue_dialog, ADW_TYPE_WINDOW)

enum {
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (OcopIssueDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue.issue", self->can_issue && self->issued == NULL);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static OcopDecision *
build_decision (OcopIssueDialog *self)
{
  OcopDecision *decision = ocop_decision_new ();

  decision->number = entry_text (self->number_row);
  decision->date = entry_text (self->date_row);
  decision->authority = entry_text (self->authority_row);
  decision->signer_title = entry_text (self->signer_title_row);
  decision->signer_name = entry_text (self->signer_name_row);

  return decision;
}

static GArray *
chosen_products (OcopIssueDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->rows->len; i++)
    {
      ProductRow *row = g_ptr_array_index (self->rows, i);

      if (gtk_check_button_get_active (row->check))
        g_array_append_val (ids, row->product_id);
    }

  return ids;
}

/* ---- the plan ---- */

static void
set_plan (OcopIssueDialog *self,
          const char      *text,
          gboolean         problem)
{
  gtk_label_set_text (self->plan_label, text);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_label), "error");
}

char **
ocop_issue_dialog_dup_planned_numbers (OcopIssueDialog  *self,
                                       char            **problem)
{
  g_autoptr(OcopDecision) decision = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  gboolean key_missing = FALSE;
  gint64 meeting_id;

  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), NULL);

  g_clear_handle_id (&self->preview_id, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_label_set_text (((ProductRow *) g_ptr_array_index (self->rows, i))->number, "");

  self->can_issue = FALSE;
  meeting_id = ocop_issue_dialog_get_meeting_id (self);
  ids = chosen_products (self);
  decision = build_decision (self);

  if (meeting_id == 0)
    g_set_error_literal (&error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                         _("There is no finalised meeting with products to certify."));
  else if (ids->len == 0)
    g_set_error_literal (&error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                         _("Tick the products to certify."));
  else if (decision->number == NULL || decision->date == NULL || decision->authority == NULL)
    g_set_error_literal (&error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                         _("Enter the decision’s number, date and issuing authority."));
  else if (ocop_db_begin (self->db, &error))
    {
      g_autoptr(OcopSigningKey) key = ocop_db_get_signing_key (self->db, decision->authority, NULL);
      g_autoptr(OcopSigningKey) made = NULL;

      /* Only to number them: rolled back below. */
      if (key == NULL)
        {
          key_missing = TRUE;
          made = ocop_signing_create_key (self->db, decision->authority, FALSE, NULL);
        }
      planned = ocop_db_issue_certificates (self->db, meeting_id, decision,
                                            (const gint64 *) (gpointer) ids->data, ids->len, &error);
      ocop_db_rollback (self->db);
    }

  if (planned == NULL)
    {
      if (problem != NULL)
        *problem = g_strdup (error->message);
      set_plan (self, error->message, TRUE);
      update_actions (self);
      return NULL;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: %u is a number of certificates */
                          ngettext ("%u certificate will be issued: ", "%u certificates will be issued: ", planned->len),
                          planned->len);
  for (guint i = 0; i < planned->len; i++)
    {
      OcopCertificate *c = g_ptr_array_index (planned, i);

      g_strv_builder_add (numbers, c->number);
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, c->number);

      for (guint j = 0; j < self->rows->len; j++)
        {
          ProductRow *row = g_ptr_array_index (self->rows, j);

          if (row->product_id == c->product_id)
            gtk_label_set_text (row->number, c->number);
        }
    }
  if (planned->len > 0)
    {
      const OcopCertificate *c = g_ptr_array_index (planned, 0);
      int y, m, d;

      if (ocop_text_parse_date (c->valid_until, &y, &m, &d))
        {
          g_autofree char *until = ocop_text_format_date_short (y, m, d);

          g_string_append (text, ". ");
          /* Translators: %s is a date */
          g_string_append_printf (text, _("Valid through %s."), until);
        }
    }
  if (key_missing)
    {
      g_string_append (text, "\n");
      g_string_append (text, _("The authority has no signing key yet: issuing will offer to create it."));
    }

  set_plan (self, text->str, FALSE);
  self->can_issue = TRUE;
  update_actions (self);

  return g_strv_builder_end (numbers);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  OcopIssueDialog *self = user_data;
  g_auto(GStrv) numbers = NULL;

  self->preview_id = 0;
  numbers = ocop_issue_dialog_dup_planned_numbers (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
queue_preview (OcopIssueDialog *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->can_issue = FALSE;
  update_actions (self);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
on_form_changed_cb (OcopIssueDialog *self)
{
  if (self->db != NULL)
    queue_preview (self);
}

/* ---- the products ---- */

static void
clear_products (OcopIssueDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->products_list))) != NULL)
    gtk_list_box_remove (self->products_list, child);
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
make_info_row (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
load_products (OcopIssueDialog *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) issued = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  OcopCertificateFilter filter = { .as_of = "9999-12-31" };
  gint64 meeting_id = ocop_issue_dialog_get_meeting_id (self);
  guint n_shown = 0;

  clear_products (self);
  if (meeting_id == 0)
    {
      gtk_list_box_append (self->products_list,
                           make_info_row (_("No finalised meeting"),
                                          _("Finalise a meeting on the Meetings page first.")));
      queue_preview (self);
      return;
    }

  filter.meeting_id = meeting_id;
  existing = ocop_db_list_certificates (self->db, &filter, &error);
  results = existing != NULL ? ocop_db_list_results (self->db, meeting_id, &error) : NULL;
  if (results == NULL)
    {
      gtk_list_box_append (self->products_list, make_info_row (_("Could not read the meeting’s results"), error->message));
      queue_preview (self);
      return;
    }

  for (guint i = 0; i < existing->len; i++)
    {
      const OcopCertificate *c = g_ptr_array_index (existing, i);

      g_hash_table_insert (issued, g_memdup2 (&c->product_id, sizeof (gint64)),
                           g_strdup (c->number != NULL ? c->number : ""));
    }

  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *r = g_ptr_array_index (results, i);
      const char *number = g_hash_table_lookup (issued, &r->product_id);
      g_autofree char *score = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *stars;

      if (r->outcome != OCOP_OUTCOME_RECOGNISED)
        continue;

      score = ocop_text_format_number (r->score, 2);
      if (number != NULL)
        /* Translators: %1$s is a product code, %2$s a score, %3$s a certificate number */
        subtitle = g_strdup_printf (_("%1$s · %2$s points · already issued: %3$s"),
                                    r->product_code != NULL ? r->product_code : "—", score, number);
      else
        /* Translators: %1$s is a product code, %2$s a score such as 77,40 */
        subtitle = g_strdup_printf (_("%1$s · %2$s points"), r->product_code != NULL ? r->product_code : "—", score);

      row = make_info_row (r->product_name, subtitle);
      stars = ocop_score_stars_new ();
      ocop_score_stars_set_stars (OCOP_SCORE_STARS (stars), r->stars);
      gtk_widget_set_valign (stars, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), stars);
      n_shown++;

      if (number == NULL)
        {
          ProductRow *pr = g_new0 (ProductRow, 1);
          GtkWidget *check = gtk_check_button_new ();
          GtkWidget *label = gtk_label_new (NULL);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, r->product_name,
                                          -1);
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "accent");
          gtk_widget_set_tooltip_text (label, _("The number this certificate will get"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

          pr->product_id = r->product_id;
          pr->check = GTK_CHECK_BUTTON (check);
          pr->number = GTK_LABEL (label);
          g_ptr_array_add (self->rows, pr);
        }
      else
        gtk_widget_add_css_class (row, "dim-label");

      gtk_list_box_append (self->products_list, row);
    }

  if (n_shown == 0)
    gtk_list_box_append (self->products_list,
                         make_info_row (_("No product was recognised at this meeting"),
                                        _("Products proposed upward, not passed or returned get no certificate here.")));

  queue_preview (self);
}

static void
on_meeting_selected_cb (OcopIssueDialog *self)
{
  load_products (self);
}

static void
load_meetings (OcopIssueDialog *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) councils = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->meeting_ids, 0);
  meetings = ocop_db_list_meetings (self->db, 0, &error);
  if (meetings == NULL)
    {
      g_warning ("Could not list the meetings: %s", error->message);
      meetings = g_ptr_array_new ();
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      const OcopMeeting *m = g_ptr_array_index (meetings, i);
      const char *council_name;
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;
      int y, mo, d;

      if (m->state != OCOP_MEETING_FINALISED)
        continue;

      council_name = g_hash_table_lookup (councils, &m->council_id);
      if (council_name == NULL)
        {
          g_autoptr(OcopCouncil) council = ocop_db_get_council (self->db, m->council_id, NULL);

          council_name = council != NULL ? council->name : "";
          g_hash_table_insert (councils, g_memdup2 (&m->council_id, sizeof (gint64)), g_strdup (council_name));
          council_name = g_hash_table_lookup (councils, &m->council_id);
        }

      date = ocop_text_parse_date (m->date, &y, &mo, &d) ? ocop_text_format_date_short (y, mo, d) : g_strdup (m->date);
      /* Translators: a meeting in a list; %1$s is its date, %2$s its title or council */
      label = g_strdup_printf (_("%1$s — %2$s"), date,
                               m->title != NULL && m->title[0] != '\0' ? m->title : council_name);
      gtk_string_list_append (names, label);
      g_array_append_val (self->meeting_ids, m->id);
    }

  g_signal_handlers_block_by_func (self->meeting_row, on_meeting_selected_cb, self);
  adw_combo_row_set_model (self->meeting_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->meeting_row, 0);
  g_signal_handlers_unblock_by_func (self->meeting_row, on_meeting_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_row), self->meeting_ids->len > 0);

  load_products (self);
}

/* ---- issuing ---- */

static void
show_issued (OcopIssueDialog *self)
{
  g_autofree char *title = NULL;

  /* Translators: the title after issuing; %u is a number of certificates */
  title = g_strdup_printf (ngettext ("%u Certificate Issued", "%u Certificates Issued", self->issued->len),
                           self->issued->len);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page,
                                   _("They are in the register, signed and numbered. Print them or export a PDF "
                                     "from the Certificates page."));

  for (guint i = 0; i < self->issued->len; i++)
    {
      const OcopCertificate *c = g_ptr_array_index (self->issued, i);
      GtkWidget *row = make_info_row (c->number, c->product_name);
      GtkWidget *stars = ocop_score_stars_new ();

      ocop_score_stars_set_stars (OCOP_SCORE_STARS (stars), c->stars);
      gtk_widget_set_valign (stars, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), stars);
      gtk_list_box_append (self->issued_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->issue_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_grab_focus (self->close_button);
}

GPtrArray *
ocop_issue_dialog_issue (OcopIssueDialog  *self,
                         GError          **error)
{
  g_autoptr(OcopDecision) decision = NULL;
  g_autoptr(GArray) ids = NULL;
  GPtrArray *issued;

  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), NULL);

  if (self->issued != NULL)
    return self->issued;

  ids = chosen_products (self);
  decision = build_decision (self);
  if (ids->len == 0)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID, _("Tick the products to certify."));
      return NULL;
    }

  issued = ocop_db_issue_certificates (self->db, ocop_issue_dialog_get_meeting_id (self), decision,
                                       (const gint64 *) (gpointer) ids->data, ids->len, error);
  if (issued == NULL)
    return NULL;

  self->issued = issued;
  g_clear_handle_id (&self->preview_id, g_source_remove);
  update_actions (self);
  show_issued (self);
  g_signal_emit (self, signals[ISSUED], 0, issued->len);

  return issued;
}

static void
show_error (OcopIssueDialog *self,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Certificate Was Issued"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_create_key_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OcopIssueDialog  *self)
{
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authority = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  authority = entry_text (self->authority_row);
  key = ocop_signing_create_key (self->db, authority, FALSE, &error);
  if (key == NULL || ocop_issue_dialog_issue (self, &error) == NULL)
    show_error (self, error);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  OcopIssueDialog *self = OCOP_ISSUE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (ocop_issue_dialog_issue (self, &error) != NULL)
    return;

  if (g_error_matches (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY))
    {
      g_autofree char *authority = entry_text (self->authority_row);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      body = g_strdup_printf (/* Translators: %s is an issuing authority */
                              _("Every certificate’s QR code is signed with the key of %s, so that anyone can check "
                                "it offline. The key is made once and kept in this database: protect the database "
                                "file like the seal. Its public key can be exported in Preferences."),
                              authority);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Create the Authority’s Signing Key?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "create", _("Create Key and _Issue"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_create_key_response_cb), self, G_CONNECT_DEFAULT);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  show_error (self, error);
}

/* ---- the object ---- */

static void
ocop_issue_dialog_dispose (GObject *object)
{
  OcopIssueDialog *self = (OcopIssueDialog *)object;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_ISSUE_DIALOG);

  G_OBJECT_CLASS (ocop_issue_dialog_parent_class)->dispose (object);
}

static void
ocop_issue_dialog_finalize (GObject *object)
{
  OcopIssueDialog *self = (OcopIssueDialog *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->meeting_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->issued, g_ptr_array_unref);

  G_OBJECT_CLASS (ocop_issue_dialog_parent_class)->finalize (object);
}

static void
ocop_issue_dialog_class_init (OcopIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_issue_dialog_dispose;
  object_class->finalize = ocop_issue_dialog_finalize;

  /**
   * OcopIssueDialog::issued:
   * @n_issued: the number of certificates issued
   */
  signals[ISSUED] =
    g_signal_new ("issued",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (OCOP_TYPE_SCORE_STARS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, products_group);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, products_list);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, plan_label);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, issued_list);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, OcopIssueDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "issue.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_issue_dialog_init (OcopIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new_with_free_func (g_free);
  update_actions (self);
}

GtkWidget *
ocop_issue_dialog_new (OcopDb *db)
{
  OcopIssueDialog *self;
  g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);
  g_autofree char *authority = g_settings_get_string (settings, "issuing-authority");
  g_autofree char *signer_title = g_settings_get_string (settings, "signer-title");
  g_autofree char *signer_name = g_settings_get_string (settings, "signer-name");
  g_autofree char *today = ocop_date_today ();
  g_autofree char *date = NULL;
  int y, m, d;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_ISSUE_DIALOG, NULL);
  self->db = g_object_ref (db);

  date = ocop_text_parse_date (today, &y, &m, &d) ? ocop_text_format_date_short (y, m, d) : g_strdup (today);
  ocop_issue_dialog_set_decision (self, NULL, date, authority, signer_title, signer_name);

  load_meetings (self);
  g_signal_connect_object (self->meeting_row, "notify::selected",
                           G_CALLBACK (on_meeting_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));

  return GTK_WIDGET (self);
}

gboolean
ocop_issue_dialog_select_meeting (OcopIssueDialog *self,
                                  gint64           meeting_id)
{
  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->meeting_ids->len; i++)
    if (g_array_index (self->meeting_ids, gint64, i) == meeting_id)
      {
        if (adw_combo_row_get_selected (self->meeting_row) != i)
          adw_combo_row_set_selected (self->meeting_row, i);
        return TRUE;
      }

  return FALSE;
}

gint64
ocop_issue_dialog_get_meeting_id (OcopIssueDialog *self)
{
  guint selected;

  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->meeting_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->meeting_ids->len)
    return 0;

  return g_array_index (self->meeting_ids, gint64, selected);
}

void
ocop_issue_dialog_set_decision (OcopIssueDialog *self,
                                const char      *number,
                                const char      *date,
                                const char      *authority,
                                const char      *signer_title,
                                const char      *signer_name)
{
  g_return_if_fail (OCOP_IS_ISSUE_DIALOG (self));

  if (number != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (authority != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->authority_row), authority);
  if (signer_title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->signer_title_row), signer_title);
  if (signer_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->signer_name_row), signer_name);
}

guint
ocop_issue_dialog_get_n_products (OcopIssueDialog *self)
{
  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), 0);

  return self->rows->len;
}

gboolean
ocop_issue_dialog_set_product_active (OcopIssueDialog *self,
                                      gint64           product_id,
                                      gboolean         active)
{
  g_return_val_if_fail (OCOP_IS_ISSUE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ProductRow *row = g_ptr_array_index (self->rows, i);

      if (row->product_id == product_id)
        {
          gtk_check_button_set_active (row->check, active);
          return TRUE;
        }
    }

  return FALSE;
}
