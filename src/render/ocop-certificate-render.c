/* ocop-certificate-render.c: the OCOP product certificate
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is laid out in millimetres on A4 landscape (297 × 210 mm). Its texts are
 * Vietnamese on purpose and not translated: a certificate is an official document of a
 * Vietnamese authority, whatever language the program speaks.
 */

#define G_LOG_DOMAIN "ocop-certificate-render"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "ocop-certificate-render.h"
#include "ocop-stars-render.h"
#include "ocop-text.h"

#define PAGE_W_MM 297.0
#define PAGE_H_MM 210.0
#define PT_PER_MM (72.0 / 25.4)

/* ---- the document's texts ---- */

/* "Ủy ban nhân dân tỉnh Thái Nguyên" → "Thái Nguyên": the place written before the date. */
static char *
place_of (const char *authority)
{
  g_auto(GStrv) words = NULL;

  if (authority == NULL)
    return NULL;

  words = g_strsplit (authority, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *w = ocop_text_fold (words[i]);
      g_autofree char *next = words[i + 1] ? ocop_text_fold (words[i + 1]) : NULL;
      guint start = 0;

      if (g_strcmp0 (w, "tinh") == 0 || g_strcmp0 (w, "huyen") == 0 || g_strcmp0 (w, "quan") == 0)
        start = i + 1;
      else if ((g_strcmp0 (w, "thanh") == 0 && g_strcmp0 (next, "pho") == 0) ||
               (g_strcmp0 (w, "thi") == 0 && g_strcmp0 (next, "xa") == 0))
        start = i + 2;

      if (start > 0 && words[start] != NULL)
        {
          g_autofree char *rest = g_strjoinv (" ", words + start);
          char *comma = strchr (rest, ',');

          if (comma != NULL)
            *comma = '\0';
          return g_strdup (g_strstrip (rest));
        }
    }

  return NULL;
}

static char *
date_long (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup ("");

  return ocop_text_format_date_long_in (OCOP_TEXT_LANGUAGE_VIETNAMESE, y, m, d);
}

OcopCertificateDoc *
ocop_certificate_doc_new (const OcopCertificate *c)
{
  OcopCertificateDoc *doc;
  g_autofree char *decision_date = NULL;
  g_autofree char *until = NULL;
  g_autofree char *place = NULL;
  g_autofree char *address = NULL;
  GString *addr;
  int year = 0;

  g_return_val_if_fail (c != NULL, NULL);

  doc = g_new0 (OcopCertificateDoc, 1);
  decision_date = date_long (c->decision_date ? c->decision_date : c->issued_on);
  until = date_long (c->valid_until);
  place = place_of (c->authority);
  if (c->issued_on != NULL)
    year = atoi (c->issued_on);

  /* The street address, then the commune, district and province it does not name itself. */
  addr = g_string_new (c->producer_address);
  {
    const char *parts[] = { c->commune, c->district, c->province };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *have = ocop_text_fold (c->producer_address ? c->producer_address : "");
        g_autofree char *part = ocop_text_fold (parts[i]);

        if (part == NULL || *part == '\0' || strstr (have, part) != NULL)
          continue;
        if (addr->len > 0)
          g_string_append (addr, ", ");
        g_string_append (addr, parts[i]);
      }
  }
  address = g_string_free (addr, FALSE);

  doc->authority = c->authority ? g_utf8_strup (c->authority, -1) : g_strdup ("");
  doc->programme = year > 0
                   ? g_strdup_printf ("Chương trình Mỗi xã một sản phẩm (OCOP) năm %d", year)
                   : g_strdup ("Chương trình Mỗi xã một sản phẩm (OCOP)");
  doc->product_name = g_strdup (c->product_name);
  doc->producer_name = g_strdup (c->producer_name);
  doc->producer_address = *address ? g_steal_pointer (&address) : NULL;
  doc->stars = c->stars;
  doc->decision_line = g_strdup_printf ("Quyết định công nhận số %s %s của %s",
                                        c->decision_number ? c->decision_number : "",
                                        decision_date, c->authority ? c->authority : "");
  doc->validity_line = g_strdup_printf ("Giấy chứng nhận có giá trị đến hết %s", until);
  doc->place_date_line = place != NULL
                         ? g_strdup_printf ("%s, %s", place, decision_date)
                         : g_strdup (decision_date);
  if (c->signer_title != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (c->signer_title, "|", -1);
      g_autofree char *joined = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        g_strstrip (lines[i]);
      joined = g_strjoinv ("\n", lines);
      doc->signer_title = g_utf8_strup (joined, -1);
    }
  doc->signer_name = g_strdup (c->signer_name);
  doc->number = g_strdup (c->number);
  doc->payload = g_strdup (c->payload);

  return doc;
}

void
ocop_certificate_doc_free (OcopCertificateDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->authority);
  g_free (doc->programme);
  g_free (doc->product_name);
  g_free (doc->producer_name);
  g_free (doc->producer_address);
  g_free (doc->decision_line);
  g_free (doc->validity_line);
  g_free (doc->place_date_line);
  g_free (doc->signer_title);
  g_free (doc->signer_name);
  g_free (doc->number);
  g_free (doc->payload);
  g_free (doc);
}

void
ocop_certificate_render_style_init (OcopRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  ocop_render_style_init_print (style);
  ocop_render_color_init (&style->accent, 0xa5 / 255.0, 0x1d / 255.0, 0x1d / 255.0, 1.0);       /* seal red */
  ocop_render_color_init (&style->star_fill, 0xe8 / 255.0, 0xb0 / 255.0, 0x0c / 255.0, 1.0);    /* gold */
  ocop_render_color_init (&style->star_outline, 0x9c / 255.0, 0x6b / 255.0, 0x00 / 255.0, 1.0);
  ocop_render_color_init (&style->muted, 0xc8 / 255.0, 0x9b / 255.0, 0x3c / 255.0, 1.0);        /* border gold */
  ocop_render_style_set_font_family (style, "DejaVu Serif");
  style->font_size = 12.0;
}

/* ---- drawing ---- */

typedef struct
{
  cairo_t               *cr;
  const OcopRenderStyle *style;
  double                 mm;      /* units per millimetre */
  double                 pt;      /* units per point */
} Page;

static PangoLayout *
make_layout (Page       *page,
             const char *text,
             double      size_pt,
             gboolean    bold,
             gboolean    italic,
             double      width_mm)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, page->style->font_family[0] ? page->style->font_family : "DejaVu Serif");
  pango_font_description_set_absolute_size (desc, size_pt * page->pt * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (width_mm * page->mm * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* Draws @layout centred on @cx with its top at @y; returns its height. */
static double
draw_centered (Page        *page,
               PangoLayout *layout,
               double       cx,
               double       y,
               const OcopRenderColor *color)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  ocop_render_color_set_source (page->cr, color);
  /* The layout is as wide as its wrap width and centres its lines in it. */
  cairo_move_to (page->cr, cx - pango_layout_get_width (layout) / 2.0 / PANGO_SCALE, y);
  pango_cairo_show_layout (page->cr, layout);

  return (double) h / PANGO_SCALE;
}

static double
text_centered (Page                  *page,
               const char            *text,
               double                 size_pt,
               gboolean               bold,
               gboolean               italic,
               double                 cx_mm,
               double                 y_mm,
               double                 width_mm,
               const OcopRenderColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return 0.0;

  layout = make_layout (page, text, size_pt, bold, italic, width_mm);

  return draw_centered (page, layout, cx_mm * page->mm, y_mm * page->mm, color) / page->mm;
}

/* Like text_centered (), but shrinks the text from @size_pt down to @min_pt to keep it on
 * one line; only then does it wrap. */
static double
text_fit (Page                  *page,
          const char            *text,
          double                 size_pt,
          double                 min_pt,
          gboolean               bold,
          gboolean               italic,
          double                 cx_mm,
          double                 y_mm,
          double                 width_mm,
          const OcopRenderColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return 0.0;

  layout = make_layout (page, text, size_pt, bold, italic, width_mm);
  while (pango_layout_get_line_count (layout) > 1 && size_pt - 0.5 >= min_pt)
    {
      size_pt -= 0.5;
      g_clear_object (&layout);
      layout = make_layout (page, text, size_pt, bold, italic, width_mm);
    }

  return draw_centered (page, layout, cx_mm * page->mm, y_mm * page->mm, color) / page->mm;
}

/* The ink width of a single-line text, in mm. */
static double
text_width (Page       *page,
            const char *text,
            double      size_pt,
            gboolean    bold,
            gboolean    italic)
{
  g_autoptr(PangoLayout) layout = make_layout (page, text, size_pt, bold, italic, 400);
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  return logical.width / page->mm;
}

static void
line_mm (Page   *page,
         double  x1,
         double  y1,
         double  x2,
         double  y2,
         double  width_mm)
{
  cairo_set_line_width (page->cr, width_mm * page->mm);
  cairo_move_to (page->cr, x1 * page->mm, y1 * page->mm);
  cairo_line_to (page->cr, x2 * page->mm, y2 * page->mm);
  cairo_stroke (page->cr);
}

static void
rect_mm (Page   *page,
         double  x,
         double  y,
         double  w,
         double  h,
         double  width_mm)
{
  cairo_set_line_width (page->cr, width_mm * page->mm);
  cairo_rectangle (page->cr, x * page->mm, y * page->mm, w * page->mm, h * page->mm);
  cairo_stroke (page->cr);
}

/* A small diamond (lozenge), the ornament of the frame's corners and the title rule. */
static void
diamond_mm (Page   *page,
            double  cx,
            double  cy,
            double  r,
            gboolean filled)
{
  cairo_t *cr = page->cr;

  cairo_move_to (cr, cx * page->mm, (cy - r) * page->mm);
  cairo_line_to (cr, (cx + r) * page->mm, cy * page->mm);
  cairo_line_to (cr, cx * page->mm, (cy + r) * page->mm);
  cairo_line_to (cr, (cx - r) * page->mm, cy * page->mm);
  cairo_close_path (cr);
  if (filled)
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, 0.3 * page->mm);
      cairo_stroke (cr);
    }
}

static void
draw_frame (Page *page)
{
  const OcopRenderStyle *style = page->style;
  const double outer = 7.0, inner = 11.5;
  const double corners[4][2] = {
    { inner, inner }, { PAGE_W_MM - inner, inner },
    { inner, PAGE_H_MM - inner }, { PAGE_W_MM - inner, PAGE_H_MM - inner },
  };

  /* A red band, a gold line inside it, and a thin red inner frame. */
  ocop_render_color_set_source (page->cr, &style->accent);
  rect_mm (page, outer, outer, PAGE_W_MM - 2 * outer, PAGE_H_MM - 2 * outer, 1.6);
  ocop_render_color_set_source (page->cr, &style->muted);
  rect_mm (page, outer + 1.7, outer + 1.7, PAGE_W_MM - 2 * (outer + 1.7), PAGE_H_MM - 2 * (outer + 1.7), 0.5);
  ocop_render_color_set_source (page->cr, &style->accent);
  rect_mm (page, inner, inner, PAGE_W_MM - 2 * inner, PAGE_H_MM - 2 * inner, 0.35);

  /* The gold band between the frames carries small lozenges along every side. */
  ocop_render_color_set_source (page->cr, &style->muted);
  for (double x = inner + 8; x <= PAGE_W_MM - inner - 8 + 0.01; x += 8)
    {
      diamond_mm (page, x, (outer + inner) / 2 + 0.4, 0.7, TRUE);
      diamond_mm (page, x, PAGE_H_MM - (outer + inner) / 2 - 0.4, 0.7, TRUE);
    }
  for (double y = inner + 8; y <= PAGE_H_MM - inner - 8 + 0.01; y += 8)
    {
      diamond_mm (page, (outer + inner) / 2 + 0.4, y, 0.7, TRUE);
      diamond_mm (page, PAGE_W_MM - (outer + inner) / 2 - 0.4, y, 0.7, TRUE);
    }

  /* Corner rosettes: a red lozenge inside a gold one. */
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      ocop_render_color_set_source (page->cr, &style->muted);
      diamond_mm (page, corners[i][0], corners[i][1], 3.2, TRUE);
      ocop_render_color_set_source (page->cr, &style->accent);
      diamond_mm (page, corners[i][0], corners[i][1], 1.8, TRUE);
    }
}

/* The title's rule: a line, a lozenge, a line. */
static void
draw_rule (Page   *page,
           double  cx,
           double  y,
           double  half)
{
  ocop_render_color_set_source (page->cr, &page->style->muted);
  line_mm (page, cx - half, y, cx - 3, y, 0.45);
  line_mm (page, cx + 3, y, cx + half, y, 0.45);
  ocop_render_color_set_source (page->cr, &page->style->accent);
  diamond_mm (page, cx, y, 1.6, TRUE);
}

static void
draw_qr (Page       *page,
         const char *payload,
         double      x_mm,
         double      y_mm,
         double      size_mm)
{
  QRinput *input = QRinput_new2 (0, QR_ECLEVEL_M);
  QRcode *code = NULL;
  double module;
  const int quiet = 4;

  if (input == NULL)
    return;

  /* ECI 26 says the bytes are UTF-8, so readers do not guess Shift JIS or Latin-1. */
  if (QRinput_appendECIheader (input, 26) == 0 &&
      QRinput_append (input, QR_MODE_8, (int) strlen (payload), (const unsigned char *) payload) == 0)
    code = QRcode_encodeInput (input);
  QRinput_free (input);

  if (code == NULL)
    {
      g_warning ("Cannot encode the certificate's QR code (%zu bytes)", strlen (payload));
      return;
    }

  module = size_mm / (code->width + 2 * quiet);

  /* The quiet zone is white even on tinted stock. */
  cairo_set_source_rgb (page->cr, 1, 1, 1);
  cairo_rectangle (page->cr, x_mm * page->mm, y_mm * page->mm, size_mm * page->mm, size_mm * page->mm);
  cairo_fill (page->cr);

  cairo_set_source_rgb (page->cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    {
      for (int col = 0; col < code->width; col++)
        {
          /* Runs of dark modules as one rectangle: no hairline gaps when printed. */
          int start = col;

          if (!(code->data[row * code->width + col] & 1))
            continue;
          while (col + 1 < code->width && (code->data[row * code->width + col + 1] & 1))
            col++;
          cairo_rectangle (page->cr,
                           (x_mm + (quiet + start) * module) * page->mm,
                           (y_mm + (quiet + row) * module) * page->mm,
                           (col - start + 1) * module * page->mm,
                           module * page->mm);
        }
    }
  cairo_fill (page->cr);

  QRcode_free (code);
}

void
ocop_certificate_render (cairo_t                  *cr,
                         double                    width,
                         double                    height,
                         const OcopRenderStyle    *style,
                         const OcopCertificateDoc *doc)
{
  Page page;
  cairo_font_options_t *options;
  const double cx = PAGE_W_MM / 2;
  const OcopRenderColor *ink;
  const OcopRenderColor *red;
  double y;
  double bottom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (doc != NULL);

  page.cr = cr;
  page.style = style;
  page.mm = width / PAGE_W_MM;
  page.pt = page.mm / PT_PER_MM;
  ink = &style->foreground;
  red = &style->accent;

  cairo_save (cr);

  /* The same line breaks on screen, on paper and in PDF. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);

  if (!doc->data_only)
    {
      ocop_render_color_set_source (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  cairo_translate (cr, doc->offset_x_mm * page.mm, doc->offset_y_mm * page.mm);

  if (!doc->data_only)
    {
      double w;

      draw_frame (&page);

      /* Quốc hiệu, tiêu ngữ: the motto heads every official document. */
      y = 19.0;
      y += text_centered (&page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, TRUE, FALSE, cx, y, 240, ink);
      y += 0.6;
      y += text_centered (&page, "Độc lập - Tự do - Hạnh phúc", 12.5, TRUE, FALSE, cx, y, 240, ink);
      w = text_width (&page, "Độc lập - Tự do - Hạnh phúc", 12.5, TRUE, FALSE);
      ocop_render_color_set_source (cr, ink);
      line_mm (&page, cx - w / 2, y + 0.8, cx + w / 2, y + 0.8, 0.3);
    }

  /* The issuing authority, under the motto. */
  y = 39.0;
  y += text_centered (&page, doc->authority, 13, TRUE, FALSE, cx, y, 230, ink);

  if (!doc->data_only)
    {
      y += 6.0;
      y += text_centered (&page, "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", 30, TRUE, FALSE, cx, y, 260, red);
      y += 1.5;
      y += text_centered (&page, doc->programme, 12.5, FALSE, TRUE, cx, y, 240, ink);
      draw_rule (&page, cx, y + 4.0, 45);
      y += 8.0;
    }
  else
    y += 30.0;

  /* The product, its producer and address. */
  y += 3.0;
  y += text_centered (&page, "Chứng nhận sản phẩm", 12, FALSE, FALSE, cx, y, 240, ink);
  y += 1.5;
  /* Long names get smaller before they wrap. */
  y += text_fit (&page, doc->product_name, 24, 17, TRUE, FALSE, cx, y, 235, red);
  y += 3.5;
  {
    g_autofree char *producer = g_strdup_printf ("Chủ thể: %s", doc->producer_name ? doc->producer_name : "");

    y += text_fit (&page, producer, 13.5, 10.5, TRUE, FALSE, cx, y, 235, ink);
  }
  if (doc->producer_address != NULL)
    {
      g_autofree char *address = g_strdup_printf ("Địa chỉ: %s", doc->producer_address);

      y += 1.2;
      y += text_fit (&page, address, 12, 9.5, FALSE, FALSE, cx, y, 235, ink);
    }

  /* The rank: words and drawn stars on one line. */
  if (doc->stars > 0)
    {
      g_autofree char *rank = g_strdup_printf ("Đạt hạng %d sao", doc->stars);
      double star_h = 9.0;
      double tw = text_width (&page, rank, 14, TRUE, FALSE);
      double sw = ocop_stars_render_get_width (star_h * page.mm, doc->stars) / page.mm;
      double total = tw + 4 + sw;
      double x0 = cx - total / 2;
      g_autoptr(PangoLayout) layout = make_layout (&page, rank, 14, TRUE, FALSE, 100);
      PangoRectangle logical;

      y += 5.0;
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      ocop_render_color_set_source (cr, ink);
      cairo_move_to (cr, x0 * page.mm, (y + star_h / 2) * page.mm - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      ocop_stars_render (cr, (x0 + tw + 4) * page.mm, y * page.mm, star_h * page.mm,
                         doc->stars, doc->stars, style);
      y += star_h;
    }

  /* The decision and the validity. */
  y += 6.0;
  y += text_fit (&page, doc->decision_line, 11.5, 9.5, FALSE, FALSE, cx, y, 250, ink);
  y += 1.2;
  y += text_centered (&page, doc->validity_line, 11.5, FALSE, TRUE, cx, y, 250, ink);
  /* The bottom blocks move down when long names pushed the body down. */
  bottom = MAX (0.0, y + 3.0 - 146.0);

  /* Bottom right: place and date, the signer's title, room for the signature and
   * seal, the signer's name. */
  {
    const double sx = 215.0;
    double sy = 150.0 + bottom;

    sy += text_centered (&page, doc->place_date_line, 11.5, FALSE, TRUE, sx, sy, 120, ink);
    sy += 1.2;
    text_centered (&page, doc->signer_title, 12, TRUE, FALSE, sx, sy, 120, ink);
    text_centered (&page, doc->signer_name, 13, TRUE, FALSE, sx, MAX (186.0, sy + 20.0), 120, ink);
  }

  /* Bottom left: the QR code anyone can verify, and the certificate number. */
  {
    const double qx = 24.0, qy = 146.0 + bottom, qs = 38.0;

    if (doc->payload != NULL && *doc->payload != '\0')
      {
        draw_qr (&page, doc->payload, qx, qy, qs);
        text_centered (&page, "Quét mã để xác minh", 8, FALSE, TRUE, qx + qs / 2, qy + qs + 0.2, 60, ink);
      }
    if (doc->number != NULL)
      {
        g_autofree char *number = g_strdup_printf ("Số: %s", doc->number);
        double nx = doc->payload != NULL ? qx + qs + 4 : qx;
        g_autoptr(PangoLayout) layout = make_layout (&page, number, 12, TRUE, FALSE, 100);

        pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
        ocop_render_color_set_source (cr, ink);
        cairo_move_to (cr, nx * page.mm, (qy + qs / 2 - 2.5) * page.mm);
        pango_cairo_show_layout (cr, layout);
      }
  }

  cairo_restore (cr);
}

/* ---- PDF ---- */

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *out = closure;

  return g_output_stream_write_all (out, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
ocop_certificate_render_pdf (const char                *path,
                             OcopCertificateDoc * const *docs,
                             guint                      n_docs,
                             OcopCertificateProgress    progress,
                             gpointer                   user_data,
                             GError                   **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  OcopRenderStyle style;
  gboolean cancelled = FALSE;
  gboolean existed;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (docs != NULL || n_docs == 0, FALSE);

  if (n_docs == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no certificate to write"));
      return FALSE;
    }

  /* Replaced atomically: a failed export leaves the old file as it was. */
  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, out,
                                                 OCOP_CERTIFICATE_PAGE_WIDTH, OCOP_CERTIFICATE_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Giấy chứng nhận sản phẩm OCOP");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "OCOP Council");
  cr = cairo_create (surface);
  ocop_certificate_render_style_init (&style);

  for (guint i = 0; i < n_docs && !cancelled; i++)
    {
      ocop_certificate_render (cr, OCOP_CERTIFICATE_PAGE_WIDTH, OCOP_CERTIFICATE_PAGE_HEIGHT, &style, docs[i]);
      cairo_show_page (cr);
      if (progress != NULL && !progress (i + 1, n_docs, user_data))
        cancelled = TRUE;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled || status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing a cancelled replace keeps the old file, when there was one. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, NULL);
      /* A new file was written in place: remove it; an old one was kept. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
      if (cancelled)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %1$s is a file name, %2$s the reason */
                     _("Cannot write “%1$s”: %2$s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
