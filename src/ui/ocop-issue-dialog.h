/* ocop-issue-dialog.h: issuing a finalised meeting's certificates under a decision
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_ISSUE_DIALOG (ocop_issue_dialog_get_type())

G_DECLARE_FINAL_TYPE (OcopIssueDialog, ocop_issue_dialog, OCOP, ISSUE_DIALOG, AdwWindow)

/* Lists the finalised meetings (the newest chosen) and fills the decision's authority
 * and signer from GSettings. */
GtkWidget  *ocop_issue_dialog_new                 (OcopDb          *db);
/* FALSE when @meeting_id is not a finalised meeting. */
gboolean    ocop_issue_dialog_select_meeting      (OcopIssueDialog *self,
                                                   gint64           meeting_id);
gint64      ocop_issue_dialog_get_meeting_id      (OcopIssueDialog *self);
/* Fills the form; NULL leaves a field as it is. */
void        ocop_issue_dialog_set_decision        (OcopIssueDialog *self,
                                                   const char      *number,
                                                   const char      *date,
                                                   const char      *authority,
                                                   const char      *signer_title,
                                                   const char      *signer_name);
/* The recognised products of the meeting that can still get a certificate. */
guint       ocop_issue_dialog_get_n_products      (OcopIssueDialog *self);
/* Ticks or unticks a product; FALSE when it is not one of them. */
gboolean    ocop_issue_dialog_set_product_active  (OcopIssueDialog *self,
                                                   gint64           product_id,
                                                   gboolean         active);
/* Checks the form by issuing in a transaction that is rolled back, and shows the
 * numbers the certificates will get. Returns them (NULL-terminated; NULL when the form
 * cannot be issued yet, with the reason shown and in @problem if given). */
char      **ocop_issue_dialog_dup_planned_numbers (OcopIssueDialog *self,
                                                   char           **problem);
/* Issues, in one transaction. On success emits "issued" and shows the certificates
 * issued; returns them (OcopCertificate*, owned by the dialog). Fails with
 * OCOP_SIGNING_ERROR_NO_KEY when the authority has no key yet (the Issue button then
 * offers to create it). */
GPtrArray  *ocop_issue_dialog_issue               (OcopIssueDialog *self,
                                                   GError         **error);

G_END_DECLS
