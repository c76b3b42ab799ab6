/* ocop-certificate-render.h: the OCOP product certificate, on any cairo context
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <glib.h>

#include "ocop-certificate.h"
#include "ocop-render-style.h"

G_BEGIN_DECLS

/* Everything the page says, as plain texts: the renderer never reads the database.
 * Build it from a certificate with ocop_certificate_doc_new (); a certificate is an
 * official Vietnamese document, so its texts are Vietnamese whatever the UI language. */
typedef struct _OcopCertificateDoc
{
  char     *authority;          /* "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" (printed upper-case) */
  char     *programme;          /* "Chương trình Mỗi xã một sản phẩm (OCOP)" */
  char     *product_name;
  char     *producer_name;
  char     *producer_address;   /* may be NULL */
  int       stars;              /* 3 … 5 */
  char     *decision_line;      /* "Quyết định số 4894/QĐ-UBND ngày 12 tháng 11 năm 2024 của …" */
  char     *validity_line;      /* "Có giá trị đến hết ngày 12 tháng 11 năm 2027" */
  char     *place_date_line;    /* "Thái Nguyên, ngày 12 tháng 11 năm 2024" */
  char     *signer_title;       /* lines separated by '\n': "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  char     *signer_name;
  char     *number;             /* certificate number, may be NULL (imported history) */
  char     *payload;            /* the signed QR text; no QR code when NULL */
  /* Printing onto pre-printed certificate stock: move everything by this much (mm) and,
   * when @data_only, leave out what the stock already has (border, motto, title). */
  double    offset_x_mm;
  double    offset_y_mm;
  gboolean  data_only;
} OcopCertificateDoc;

/* A4 landscape, in points (the unit of a PDF surface). */
#define OCOP_CERTIFICATE_PAGE_WIDTH  841.8897637795276
#define OCOP_CERTIFICATE_PAGE_HEIGHT 595.2755905511812

OcopCertificateDoc *ocop_certificate_doc_new   (const OcopCertificate    *certificate);
void                ocop_certificate_doc_free  (OcopCertificateDoc       *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCertificateDoc, ocop_certificate_doc_free)

/* The certificate's palette: the print palette with a red title and border and gold
 * stars, and DejaVu Serif, which has every Vietnamese glyph. */
void                ocop_certificate_render_style_init (OcopRenderStyle  *style);

/* Draws one certificate filling @width × @height (an A4 landscape page: 1 mm is
 * @width / 297 units). */
void                ocop_certificate_render    (cairo_t                  *cr,
                                                double                    width,
                                                double                    height,
                                                const OcopRenderStyle    *style,
                                                const OcopCertificateDoc *doc);

/* Called after each page; FALSE cancels (the file is then not written). */
typedef gboolean  (*OcopCertificateProgress)   (guint                     done,
                                                guint                     total,
                                                gpointer                  user_data);

/* Writes one A4 landscape page per certificate, with the fonts embedded. The file is
 * replaced only when every page was drawn. Safe to call from a GTask thread. */
gboolean            ocop_certificate_render_pdf (const char              *path,
                                                 OcopCertificateDoc * const *docs,
                                                 guint                    n_docs,
                                                 OcopCertificateProgress  progress,
                                                 gpointer                 user_data,
                                                 GError                 **error);

G_END_DECLS
