/* ocop-verify-dialog.c: checks a certificate's QR code against the register
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-verify-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-score-stars.h"
#include "ocop-text.h"
#include "ocop-verify-dialog.h"

/* The core does the whole check (ocop_db_verify_payload (): the signature against every
 * key of the database, then the register's copy byte for byte, then the state on the
 * day). The dialog only shows it. Reading the QR code from an image is left to the
 * phone or scanner that reads it (ocop-cli verify --png does it with zbar): the core
 * has no image decoder, and a pasted text is what a scanner gives. */

struct _OcopVerifyDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkTextView      *payload_view;
  GtkWidget        *result_box;
  GtkImage         *result_icon;
  GtkLabel         *result_title;
  GtkLabel         *result_message;
  GtkWidget        *details_group;
  AdwActionRow     *number_row;
  AdwActionRow     *product_row;
  AdwActionRow     *producer_row;
  AdwActionRow     *stars_row;
  OcopScoreStars   *stars;
  AdwActionRow     *decision_row;
  AdwActionRow     *valid_until_row;
  AdwActionRow     *authority_row;
  AdwActionRow     *register_row;

  /* Owned */
  OcopDb           *db;
  char             *today;
  char             *verdict;
  OcopVerifyStatus  status;
};

G_DEFINE_FINAL_TYPE (OcopVerifyDialog, ocop_verify_dialog, ADW_TYPE_WINDOW)

static const char * const status_classes[] = {
  "valid", "expired", "revoked", "superseded", "unknown", "forged",
};

static char *
format_iso_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup (iso != NULL ? iso : "");

  return ocop_text_format_date_short (y, m, d);
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static void
show_result (OcopVerifyDialog       *self,
             const OcopVerification *v)
{
  const OcopCertificate *c = v->certificate;
  const char *icon;
  g_autofree char *until = NULL;
  g_autofree char *in_register = NULL;
  gboolean expiring = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (self->result_box, status_classes[i]);
  gtk_widget_remove_css_class (self->result_box, "expiring");

  g_clear_pointer (&self->verdict, g_free);
  if (v->status == OCOP_VERIFY_VALID && c != NULL && c->state == OCOP_CERTIFICATE_EXPIRING)
    {
      expiring = TRUE;
      /* Translators: the verdict on a genuine certificate in its last 30 days */
      self->verdict = g_strdup (_("Valid — expiring soon"));
      gtk_widget_add_css_class (self->result_box, "expiring");
    }
  else
    {
      self->verdict = g_strdup (ocop_verify_status_get_label (v->status));
      gtk_widget_add_css_class (self->result_box, status_classes[v->status]);
    }

  switch (v->status)
    {
    case OCOP_VERIFY_VALID:
      icon = expiring ? "dialog-warning-symbolic" : "emblem-ok-symbolic";
      break;
    case OCOP_VERIFY_FORGED:
      icon = "dialog-error-symbolic";
      break;
    case OCOP_VERIFY_UNKNOWN:
      icon = "dialog-question-symbolic";
      break;
    case OCOP_VERIFY_EXPIRED:
    case OCOP_VERIFY_REVOKED:
    case OCOP_VERIFY_SUPERSEDED:
    case OCOP_VERIFY_N:
    default:
      icon = "dialog-warning-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->result_icon, icon);
  gtk_label_set_text (self->result_title, self->verdict);
  gtk_label_set_text (self->result_message, v->message != NULL ? v->message : "");
  gtk_widget_set_visible (self->result_box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->verdict,
                                  -1);

  /* A forged code's fields are not to be believed: do not show them as facts. */
  if (v->status == OCOP_VERIFY_FORGED || v->fields.certificate_number == NULL)
    {
      gtk_widget_set_visible (self->details_group, FALSE);
      return;
    }

  until = format_iso_date (v->fields.valid_until);
  set_row (self->number_row, v->fields.certificate_number);
  set_row (self->product_row, v->fields.product_name);
  set_row (self->producer_row, v->fields.producer_name);
  ocop_score_stars_set_stars (self->stars, CLAMP (v->fields.stars, 0, 5));
  {
    /* Translators: the accessible and shown value of the stars row; %d is 3, 4 or 5 */
    g_autofree char *stars = g_strdup_printf (ngettext ("%d star", "%d stars", v->fields.stars), v->fields.stars);

    adw_action_row_set_subtitle (self->stars_row, stars);
  }
  set_row (self->decision_row, v->fields.decision_number);
  set_row (self->valid_until_row, until);
  set_row (self->authority_row, v->authority);

  if (c != NULL)
    {
      g_autofree char *issued = format_iso_date (c->issued_on);

      if (c->revoked_on != NULL)
        {
          g_autofree char *on = format_iso_date (c->revoked_on);

          /* Translators: %1$s is a date, %2$s the reason of the revocation */
          in_register = g_strdup_printf (_("Revoked on %1$s: %2$s"), on,
                                         c->revocation_reason != NULL ? c->revocation_reason : "");
        }
      else if (c->superseded_by_number != NULL)
        {
          g_autofree char *on = format_iso_date (c->superseded_on);

          /* Translators: %1$s is a date, %2$s the number of the certificate that replaced it */
          in_register = g_strdup_printf (_("Superseded on %1$s by certificate %2$s"), on, c->superseded_by_number);
        }
      else
        /* Translators: %1$s is the certificate's state ("Valid"), %2$s its date of issue, %3$s where the producer is */
        in_register = g_strdup_printf (_("%1$s · issued %2$s · %3$s"),
                                       ocop_certificate_state_get_label (c->state), issued,
                                       c->province != NULL ? c->province : "");
    }
  else
    in_register = g_strdup (_("Not in this database’s register"));
  set_row (self->register_row, in_register);

  gtk_widget_set_visible (self->details_group, TRUE);
}

gboolean
ocop_verify_dialog_verify (OcopVerifyDialog  *self,
                           GError           **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  OcopVerification result = { 0 };

  g_return_val_if_fail (OCOP_IS_VERIFY_DIALOG (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->payload_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);

  if (text[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->payload_view));
      return TRUE;
    }

  if (!ocop_db_verify_payload (self->db, text, self->today, NULL, 0, &result, error))
    return FALSE;

  self->status = result.status;
  show_result (self, &result);
  ocop_verification_clear (&result);

  return TRUE;
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopVerifyDialog *self = OCOP_VERIFY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!ocop_verify_dialog_verify (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Verify the Certificate"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
ocop_verify_dialog_dispose (GObject *object)
{
  OcopVerifyDialog *self = (OcopVerifyDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_VERIFY_DIALOG);

  G_OBJECT_CLASS (ocop_verify_dialog_parent_class)->dispose (object);
}

static void
ocop_verify_dialog_finalize (GObject *object)
{
  OcopVerifyDialog *self = (OcopVerifyDialog *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->verdict, g_free);

  G_OBJECT_CLASS (ocop_verify_dialog_parent_class)->finalize (object);
}

static void
ocop_verify_dialog_class_init (OcopVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_verify_dialog_dispose;
  object_class->finalize = ocop_verify_dialog_finalize;

  g_type_ensure (OCOP_TYPE_SCORE_STARS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, payload_view);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, result_box);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, result_title);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, result_message);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, producer_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, stars_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, stars);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, OcopVerifyDialog, register_row);

  gtk_widget_class_install_action (widget_class, "verify.verify", NULL, verify_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "verify.verify", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "verify.verify", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_verify_dialog_init (OcopVerifyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = OCOP_VERIFY_N;
}

GtkWidget *
ocop_verify_dialog_new (OcopDb *db)
{
  OcopVerifyDialog *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_VERIFY_DIALOG, NULL);
  self->db = g_object_ref (db);

  return GTK_WIDGET (self);
}

void
ocop_verify_dialog_set_payload (OcopVerifyDialog *self,
                                const char       *payload)
{
  g_return_if_fail (OCOP_IS_VERIFY_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->payload_view), payload != NULL ? payload : "", -1);
}

void
ocop_verify_dialog_set_today (OcopVerifyDialog *self,
                              const char       *today)
{
  g_return_if_fail (OCOP_IS_VERIFY_DIALOG (self));

  g_free (self->today);
  self->today = g_strdup (today);
}

OcopVerifyStatus
ocop_verify_dialog_get_status (OcopVerifyDialog *self)
{
  g_return_val_if_fail (OCOP_IS_VERIFY_DIALOG (self), OCOP_VERIFY_N);

  return self->status;
}

const char *
ocop_verify_dialog_get_verdict (OcopVerifyDialog *self)
{
  g_return_val_if_fail (OCOP_IS_VERIFY_DIALOG (self), NULL);

  return self->verdict;
}
