/* ocop-verify-dialog.h: checks a certificate's QR code against the register
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-certificate.h"
#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_VERIFY_DIALOG (ocop_verify_dialog_get_type())

G_DECLARE_FINAL_TYPE (OcopVerifyDialog, ocop_verify_dialog, OCOP, VERIFY_DIALOG, AdwWindow)

GtkWidget        *ocop_verify_dialog_new         (OcopDb           *db);
void              ocop_verify_dialog_set_payload (OcopVerifyDialog *self,
                                                  const char       *payload);
/* The day the states are computed for (ISO; NULL: today). */
void              ocop_verify_dialog_set_today   (OcopVerifyDialog *self,
                                                  const char       *today);
/* Verifies the pasted text and shows the result; FALSE (with @error) only when the
 * database cannot be read. */
gboolean          ocop_verify_dialog_verify      (OcopVerifyDialog *self,
                                                  GError          **error);
OcopVerifyStatus  ocop_verify_dialog_get_status  (OcopVerifyDialog *self);
/* The shown verdict: "Valid", "Valid — expiring soon", "Forged", … */
const char       *ocop_verify_dialog_get_verdict (OcopVerifyDialog *self);

G_END_DECLS
