/* test-certificate-render.c: the certificate page, read back from the PDF with
 * poppler-glib and its QR code decoded with zbar
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>
#include <sodium.h>
#include <zbar.h>

#include "ocop-certificate-render.h"
#include "ocop-signing.h"

typedef struct
{
  guint8           pk[OCOP_SIGNING_PUBLIC_KEY_BYTES];
  guint8           sk[OCOP_SIGNING_SECRET_KEY_BYTES];
  OcopCertificate *certs[2];
  char            *dir;
  char            *pdf;
} Fixture;

static OcopCertificate *
make_certificate (Fixture    *f,
                  const char *number,
                  const char *product,
                  const char *producer,
                  int         stars)
{
  OcopCertificate *c = g_new0 (OcopCertificate, 1);
  OcopPayload fields = { 0 };

  c->number = g_strdup (number);
  c->product_name = g_strdup (product);
  c->producer_name = g_strdup (producer);
  c->producer_address = g_strdup ("Xóm Nguộn Ngoài");
  c->commune = g_strdup ("Tân Cương");
  c->district = g_strdup ("TP Thái Nguyên");
  c->province = g_strdup ("Thái Nguyên");
  c->stars = stars;
  c->issued_on = g_strdup ("2024-11-12");
  c->valid_until = g_strdup ("2027-11-12");
  c->decision_number = g_strdup ("4894/QĐ-UBND");
  c->decision_date = g_strdup ("2024-11-12");
  c->authority = g_strdup ("Ủy ban nhân dân tỉnh Thái Nguyên");
  c->signer_title = g_strdup ("KT. Chủ tịch|Phó Chủ tịch");
  c->signer_name = g_strdup ("Đặng Xuân Trường");

  fields.certificate_number = c->number;
  fields.product_name = c->product_name;
  fields.producer_name = c->producer_name;
  fields.stars = c->stars;
  fields.decision_number = c->decision_number;
  fields.valid_until = c->valid_until;
  c->payload = ocop_signing_sign_payload (&fields, f->sk);

  return c;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_signing_init (&error));
  crypto_sign_keypair (f->pk, f->sk);
  f->certs[0] = make_certificate (f, "1/GCN-OCOP-2024", "Chè đinh Tân Cương", "Hợp tác xã Chè Tân Cương", 4);
  f->certs[1] = make_certificate (f, "2/GCN-OCOP-2024", "Nước mắm Cửa Khe", "Hộ kinh doanh Đặng Thị Đào", 3);
  f->dir = g_dir_make_tmp ("ocop-test-certificate-render-XXXXXX", &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->dir, "certificates.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->pdf);
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (f->certs); i++)
    ocop_certificate_free (f->certs[i]);
}

/* The text of a QR code in an image; NULL when there is none. */
static char *
decode_qr (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint8 *gray = g_malloc ((gsize) w * h);
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
  zbar_image_t *image = zbar_image_create ();
  const zbar_symbol_t *symbol;
  char *text = NULL;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        gray[(gsize) y * w + x] = (guint8) ((((row[x] >> 16) & 0xff) * 299 + ((row[x] >> 8) & 0xff) * 587 +
                                             (row[x] & 0xff) * 114) / 1000);
    }

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, w, h);
  zbar_image_set_data (image, gray, (unsigned long) w * h, zbar_image_free_data);
  if (zbar_scan_image (scanner, image) > 0 && (symbol = zbar_image_first_symbol (image)) != NULL)
    text = g_strndup (zbar_symbol_get_data (symbol), zbar_symbol_get_data_length (symbol));
  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);

  return text;
}

/* White space collapsed, NFC: what a reader of the page sees. */
static char *
page_text (PopplerPage *page)
{
  g_autofree char *raw = poppler_page_get_text (page);
  g_autofree char *nfc = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = nfc; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  g_autofree char *nfc = g_utf8_normalize (needle, -1, G_NORMALIZE_NFC);

  if (strstr (haystack, nfc) == NULL)
    g_error ("“%s” is not on the page:\n%s", nfc, haystack);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_doc_free);
  PopplerDocument *pdf = NULL;
  g_autofree char *uri = NULL;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (f->certs); i++)
    g_ptr_array_add (docs, ocop_certificate_doc_new (f->certs[i]));

  g_assert_true (ocop_certificate_render_pdf (f->pdf, (OcopCertificateDoc * const *) docs->pdata, docs->len,
                                              NULL, NULL, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (f->pdf, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  /* One A4 landscape page per certificate. */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);

  for (int i = 0; i < 2; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      const OcopCertificate *c = f->certs[i];
      const OcopCertificateDoc *doc = g_ptr_array_index (docs, i);
      g_autofree char *text = page_text (page);
      g_autofree char *producer = g_strconcat ("Chủ thể: ", c->producer_name, NULL);
      g_autofree char *number = g_strconcat ("Số: ", c->number, NULL);
      g_autofree char *rank = g_strdup_printf ("Đạt hạng %d sao", c->stars);
      cairo_surface_t *surface;
      cairo_t *cr;
      double w, h;
      const double scale = 300.0 / 72.0;
      g_autofree char *decoded = NULL;
      OcopPayload fields = { 0 };

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
      g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);

      /* Every field's exact Vietnamese text. */
      assert_has (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      assert_has (text, "Độc lập - Tự do - Hạnh phúc");
      assert_has (text, "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN");
      assert_has (text, "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP");
      assert_has (text, c->product_name);
      assert_has (text, producer);
      assert_has (text, "Địa chỉ: Xóm Nguộn Ngoài, Tân Cương, TP Thái Nguyên, Thái Nguyên");
      assert_has (text, rank);
      assert_has (text, "Quyết định công nhận số 4894/QĐ-UBND ngày 12 tháng 11 năm 2024 của Ủy ban nhân dân tỉnh Thái Nguyên");
      assert_has (text, "Giấy chứng nhận có giá trị đến hết ngày 12 tháng 11 năm 2027");
      assert_has (text, "Thái Nguyên, ngày 12 tháng 11 năm 2024");
      assert_has (text, "KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
      assert_has (text, "Đặng Xuân Trường");
      assert_has (text, number);
      g_assert_cmpstr (doc->validity_line, ==, "Giấy chứng nhận có giá trị đến hết ngày 12 tháng 11 năm 2027");

      /* The QR code on the page, at 300 dpi, is the signed payload. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      decoded = decode_qr (surface);
      cairo_surface_destroy (surface);

      g_assert_cmpstr (decoded, ==, c->payload);
      g_assert_true (ocop_signing_verify_payload (decoded, f->pk, 1, &fields, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (fields.product_name, ==, c->product_name);
      ocop_payload_clear (&fields);
      g_object_unref (page);
    }

  /* Every font embedded, none of them a monospace one. */
  info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (info, 10, &iter))
    {
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_nonnull (strstr (name, "DejaVuSerif"));
          g_assert_null (strstr (name, "Mono"));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_finalize_object (pdf);
}

/* Dark pixels' leftmost column and topmost row; -1 when the image is blank. */
static void
ink_origin (cairo_surface_t *surface,
            int             *left,
            int             *top)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  *left = -1;
  *top = -1;
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        {
          if ((row[x] & 0xff) < 128)
            {
              if (*top < 0)
                *top = y;
              if (*left < 0 || x < *left)
                *left = x;
            }
        }
    }
}

static cairo_surface_t *
render_image (OcopCertificateDoc *doc,
              double              px_per_mm)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (297 * px_per_mm),
                                                         (int) (210 * px_per_mm));
  cairo_t *cr = cairo_create (surface);
  OcopRenderStyle style;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ocop_certificate_render_style_init (&style);
  ocop_certificate_render (cr, 297 * px_per_mm, 210 * px_per_mm, &style, doc);
  cairo_destroy (cr);

  return surface;
}

static void
test_offset (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(OcopCertificateDoc) doc = ocop_certificate_doc_new (f->certs[0]);
  const double px_per_mm = 8.0;
  cairo_surface_t *plain, *moved;
  int l0, t0, l1, t1;
  g_autofree char *decoded = NULL;

  /* Onto pre-printed stock: only the data, moved by the calibration offset. */
  doc->data_only = TRUE;
  plain = render_image (doc, px_per_mm);
  doc->offset_x_mm = 4.0;
  doc->offset_y_mm = -2.5;
  moved = render_image (doc, px_per_mm);

  ink_origin (plain, &l0, &t0);
  ink_origin (moved, &l1, &t1);
  g_assert_cmpint (l0, >, 0);
  g_assert_cmpint (abs (l1 - l0 - (int) (4.0 * px_per_mm)), <=, 1);
  g_assert_cmpint (abs (t1 - t0 + (int) (2.5 * px_per_mm)), <=, 1);

  /* Drawn straight onto an image, the QR code reads back too. */
  decoded = decode_qr (moved);
  g_assert_cmpstr (decoded, ==, f->certs[0]->payload);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (moved);
}

static void
test_no_payload (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OcopCertificateDoc) doc = ocop_certificate_doc_new (f->certs[1]);
  cairo_surface_t *surface;
  g_autofree char *decoded = NULL;

  /* Imported history has no signed code: no QR code is drawn. */
  g_clear_pointer (&doc->payload, g_free);
  surface = render_image (doc, 6.0);
  decoded = decode_qr (surface);
  g_assert_null (decoded);
  cairo_surface_destroy (surface);
}

static gboolean
cancel_after_first (guint    done,
                    guint    total,
                    gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (total, ==, 2);

  return done < 1;
}

static void
test_pdf_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCertificateDoc) a = ocop_certificate_doc_new (f->certs[0]);
  g_autoptr(OcopCertificateDoc) b = ocop_certificate_doc_new (f->certs[1]);
  OcopCertificateDoc *docs[] = { a, b };
  g_autofree char *bad = g_build_filename (f->dir, "no", "such", "folder.pdf", NULL);
  guint calls = 0;

  g_assert_false (ocop_certificate_render_pdf (f->pdf, docs, 0, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (ocop_certificate_render_pdf (bad, docs, 2, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Cancelled from the progress callback: no file is left behind. */
  g_assert_false (ocop_certificate_render_pdf (f->pdf, docs, 2, cancel_after_first, &calls, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

static void
test_doc_texts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OcopCertificateDoc) doc = NULL;

  g_free (f->certs[0]->authority);
  f->certs[0]->authority = g_strdup ("Bộ Nông nghiệp và Môi trường");
  g_clear_pointer (&f->certs[0]->signer_title, g_free);
  doc = ocop_certificate_doc_new (f->certs[0]);

  /* No place in the authority's name: the date alone. */
  g_assert_cmpstr (doc->place_date_line, ==, "ngày 12 tháng 11 năm 2024");
  g_assert_cmpstr (doc->authority, ==, "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
  g_assert_null (doc->signer_title);
  g_assert_cmpstr (doc->programme, ==, "Chương trình Mỗi xã một sản phẩm (OCOP) năm 2024");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/ocop/certificate-render/pdf", test_pdf);
  ADD ("/ocop/certificate-render/offset", test_offset);
  ADD ("/ocop/certificate-render/no-payload", test_no_payload);
  ADD ("/ocop/certificate-render/pdf-errors", test_pdf_errors);
  ADD ("/ocop/certificate-render/doc-texts", test_doc_texts);

  return g_test_run ();
}
