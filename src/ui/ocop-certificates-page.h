/* ocop-certificates-page.h: the certificate register
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-certificate.h"
#include "ocop-certificate-preview.h"
#include "ocop-db.h"
#include "ocop-print-operation.h"

G_BEGIN_DECLS

/* One certificate of the register, for the list model. */
#define OCOP_TYPE_CERTIFICATE_ITEM (ocop_certificate_item_get_type())
G_DECLARE_FINAL_TYPE (OcopCertificateItem, ocop_certificate_item, OCOP, CERTIFICATE_ITEM, GObject)

/* Takes ownership of @certificate. */
OcopCertificateItem   *ocop_certificate_item_new             (OcopCertificate      *certificate);
const OcopCertificate *ocop_certificate_item_get_certificate (OcopCertificateItem  *self);
/* The badge's style class: "valid", "expiring", "expired", "revoked", "superseded". */
const char            *ocop_certificate_state_get_css_class  (OcopCertificateState  state);

#define OCOP_TYPE_CERTIFICATES_PAGE (ocop_certificates_page_get_type())

G_DECLARE_FINAL_TYPE (OcopCertificatesPage, ocop_certificates_page, OCOP, CERTIFICATES_PAGE, AdwBin)

/* The page's actions, group "certificates": issue, import, print, export-pdf, verify,
 * export ("csv" or "xlsx"), cancel-export. The window inserts the same group so that
 * its header buttons reach them. */
GtkWidget          *ocop_certificates_page_new                (OcopDb               *db);
OcopDb             *ocop_certificates_page_get_db             (OcopCertificatesPage *self);
void                ocop_certificates_page_set_db             (OcopCertificatesPage *self,
                                                               OcopDb               *db);
GActionGroup       *ocop_certificates_page_get_action_group   (OcopCertificatesPage *self);
gboolean            ocop_certificates_page_reload             (OcopCertificatesPage *self,
                                                               GError              **error);
/* The day the states are computed for (ISO; NULL: today). Reloads. */
void                ocop_certificates_page_set_today          (OcopCertificatesPage *self,
                                                               const char           *today);
/* Filters, as the filter bar sets them; each reloads. */
void                ocop_certificates_page_set_search         (OcopCertificatesPage *self,
                                                               const char           *text);
void                ocop_certificates_page_set_expiring_only  (OcopCertificatesPage *self,
                                                               gboolean              expiring_only);
/* The list as shown (OcopCertificateItem). */
GListModel         *ocop_certificates_page_get_certificates   (OcopCertificatesPage *self);
/* Selects one certificate only and previews it; FALSE when it is not shown. */
gboolean            ocop_certificates_page_select             (OcopCertificatesPage *self,
                                                               gint64                certificate_id);
/* Selects every shown certificate (Ctrl+A in the list does the same). */
void                ocop_certificates_page_select_all         (OcopCertificatesPage *self);
OcopCertificatePreview *ocop_certificates_page_get_preview    (OcopCertificatesPage *self);
/* The selected certificates' pages, or all shown when none is selected; NULL when the
 * list is empty. The documents are built here, on the main thread. */
OcopPrintOperation *ocop_certificates_page_create_print_operation (OcopCertificatesPage *self);
/* Writes the selected (or all shown) certificates to @file in a thread, with a
 * progress bar and Cancel; FALSE when there is nothing to write or an export runs. */
gboolean            ocop_certificates_page_export_pdf         (OcopCertificatesPage *self,
                                                               GFile                *file);
gboolean            ocop_certificates_page_get_busy           (OcopCertificatesPage *self);
/* The last export's outcome: TRUE when written; @message gets what the user was told. */
gboolean            ocop_certificates_page_get_export_result  (OcopCertificatesPage *self,
                                                               const char          **message);
void                ocop_certificates_page_cancel_export      (OcopCertificatesPage *self);
/* Dialogs (returned, already presented). */
GtkWindow          *ocop_certificates_page_issue              (OcopCertificatesPage *self);
GtkWindow          *ocop_certificates_page_verify             (OcopCertificatesPage *self);
/* Checks @file without writing and shows the report; its "import" response imports. */
GtkWindow          *ocop_certificates_page_import_file        (OcopCertificatesPage *self,
                                                               GFile                *file);

G_END_DECLS
