/* ocop-certificate-preview.h: a certificate drawn live, by the renderer that prints it
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ocop-certificate-render.h"

G_BEGIN_DECLS

#define OCOP_TYPE_CERTIFICATE_PREVIEW (ocop_certificate_preview_get_type())

G_DECLARE_FINAL_TYPE (OcopCertificatePreview, ocop_certificate_preview, OCOP, CERTIFICATE_PREVIEW, GtkWidget)

GtkWidget                *ocop_certificate_preview_new     (void);
/* Takes @doc (may be NULL: nothing is drawn). */
void                      ocop_certificate_preview_set_doc (OcopCertificatePreview *self,
                                                            OcopCertificateDoc     *doc);
const OcopCertificateDoc *ocop_certificate_preview_get_doc (OcopCertificatePreview *self);

G_END_DECLS
