/* ocop-cli-certificates.c: decisions, certificates, the register, keys and verification
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-cli"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n.h>
#include <zbar.h>

#include "ocop-certificate-render.h"
#include "ocop-certificate.h"
#include "ocop-cli-private.h"
#include "ocop-csv.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"
#include "ocop-text.h"

/* ---- helpers ---- */

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup ("");

  return ocop_text_format_date_short (y, m, d);
}

static void
print_certificates (GPtrArray *list,
                    gboolean   with_state)
{
  g_autoptr(GPtrArray) table = table_new ();

  table_add (table, _("Number"), _("Product"), _("Producer"), _("Stars"), _("Issued"), _("Valid until"),
             _("Decision"), with_state ? _("State") : _("Days left"), END);
  for (guint i = 0; i < list->len; i++)
    {
      const OcopCertificate *c = g_ptr_array_index (list, i);
      g_autofree char *stars = stars_text (c->stars);
      g_autofree char *issued = format_date (c->issued_on);
      g_autofree char *until = format_date (c->valid_until);
      g_autofree char *days = g_strdup_printf ("%d", c->days_left);

      table_add (table, c->number ? c->number : "—", c->product_name, c->producer_name, stars, issued, until,
                 c->decision_number, with_state ? ocop_certificate_state_get_label (c->state) : days, END);
    }
  print_table (table, 8, with_state ? 0 : (1u << 7));
}

/* Writes @list to @path as CSV or XLSX (by the extension), or prints CSV when @path is
 * NULL. */
static gboolean
write_list (GPtrArray   *list,
            const char  *path,
            GError     **error)
{
  if (path == NULL)
    {
      g_autofree char *csv = ocop_certificates_to_csv (list);

      /* No BOM on a terminal or pipe. */
      g_print ("%s", g_str_has_prefix (csv, OCOP_CSV_UTF8_BOM) ? csv + strlen (OCOP_CSV_UTF8_BOM) : csv);
      return TRUE;
    }

  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    return ocop_certificates_export_xlsx (list, path, error);

  return ocop_certificates_export_csv (list, path, error);
}

static OcopDecision *
find_one_decision (OcopDb      *db,
                   const char  *number,
                   GError     **error)
{
  g_autoptr(GPtrArray) found = ocop_db_find_decisions (db, number, error);

  if (found == NULL)
    return NULL;
  if (found->len == 1)
    return g_ptr_array_steal_index (found, 0);

  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
               found->len == 0
               /* Translators: %s is a decision number */
               ? _("No decision has the number “%s”")
               /* Translators: %s is a decision number */
               : _("Several decisions have the number “%s” (of different authorities or years)"),
               number);
  return NULL;
}

/* ---- issue ---- */

int
cmd_issue (OcopDb  *db,
           int      argc,
           char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDecision) decision = ocop_decision_new ();
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) products = NULL;
  gint64 meeting_id = 0;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The finalised meeting's number"), N_("ID") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision->number, N_("The recognition decision's number, e.g. 4894/QĐ-UBND"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &decision->date, N_("The decision's date (the date of issue)"), N_("DATE") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &decision->authority, N_("The issuing authority, e.g. Ủy ban nhân dân tỉnh Thái Nguyên"), N_("NAME") },
    { "signer-title", 0, 0, G_OPTION_ARG_STRING, &decision->signer_title, N_("The signer's title; “|” separates printed lines: “KT. CHỦ TỊCH|PHÓ CHỦ TỊCH”"), N_("TITLE") },
    { "signer-name", 0, 0, G_OPTION_ARG_STRING, &decision->signer_name, N_("The signer's name"), N_("NAME") },
    { "product", 0, 0, G_OPTION_ARG_STRING_ARRAY, &products, N_("Only this product (code or name; repeatable); default: every recognised product"), N_("PRODUCT") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Issue the certificates of a finalised meeting's recognised products under the "
                                           "people's committee's recognition decision, in one step: numbered, valid for "
                                           "36 months and signed with the authority's key."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (meeting_id <= 0 || decision->number == NULL || decision->date == NULL || decision->authority == NULL)
    return fail_usage (context, _("Give --meeting, --decision, --date and --authority"));

  for (guint i = 0; products != NULL && products[i] != NULL; i++)
    {
      g_autoptr(OcopProduct) product = find_product (db, products[i], &error);

      if (product == NULL)
        return fail (g_steal_pointer (&error));
      g_array_append_val (ids, product->id);
    }

  issued = ocop_db_issue_certificates (db, meeting_id, decision,
                                       products != NULL ? (const gint64 *) ids->data : NULL, ids->len, &error);
  if (issued == NULL)
    return fail (g_steal_pointer (&error));

  print_certificates (issued, TRUE);
  /* Translators: %u is a number of certificates, %s a decision number */
  g_print (ngettext ("%u certificate issued under decision %s\n", "%u certificates issued under decision %s\n",
                     issued->len), issued->len, decision->number);

  return EXIT_SUCCESS;
}

/* ---- the register ---- */

int
cmd_certificates (OcopDb  *db,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[SEARCH]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *state = NULL;
  g_autofree char *province = NULL;
  g_autofree char *district = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  OcopCertificateFilter filter = { 0 };
  int stars = 0, year = 0;
  gint64 meeting_id = 0;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("valid, expiring, expired, revoked or superseded (comma-separated)"), N_("STATE") },
    { "stars", 0, 0, G_OPTION_ARG_INT, &stars, N_("Only this rank (3, 4 or 5)"), N_("N") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Only this province"), N_("NAME") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("Only this district"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only certificates issued in this year"), N_("YEAR") },
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("Only certificates from this meeting"), N_("ID") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("Only certificates under this decision"), N_("NUMBER") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The states on this day (default: today)"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (default) or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the list to a .csv or .xlsx file"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("List, filter and export the certificate register. The search ignores case "
                                           "and diacritics."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv"))
    return fail_usage (context, _("--format must be table or csv"));

  if (state != NULL)
    {
      g_auto(GStrv) names = g_strsplit (state, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          OcopCertificateState s;

          if (!ocop_certificate_state_from_string (g_strstrip (names[i]), &s))
            return fail_usage (context, _("--state must be valid, expiring, expired, revoked or superseded"));
          filter.states |= 1u << s;
        }
    }
  if (decision != NULL)
    {
      g_autoptr(OcopDecision) d = find_one_decision (db, decision, &error);

      if (d == NULL)
        return fail (g_steal_pointer (&error));
      filter.decision_id = d->id;
    }

  filter.stars = stars;
  filter.province = province;
  filter.district = district;
  filter.year = year;
  filter.meeting_id = meeting_id;
  filter.as_of = as_of;
  filter.search = argc > 1 ? argv[1] : NULL;

  list = ocop_db_list_certificates (db, &filter, &error);
  if (list == NULL)
    return fail (g_steal_pointer (&error));

  if (output != NULL || g_strcmp0 (format, "csv") == 0)
    {
      if (!write_list (list, output, &error))
        return fail (g_steal_pointer (&error));
      if (output != NULL)
        /* Translators: %u is a number of certificates, %s a file name */
        g_print (ngettext ("%u certificate written to %s\n", "%u certificates written to %s\n", list->len),
                 list->len, output);
      return EXIT_SUCCESS;
    }

  print_certificates (list, TRUE);

  return EXIT_SUCCESS;
}

int
cmd_notices (OcopDb  *db,
             int      argc,
             char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int days = OCOP_CERTIFICATE_NOTICE_DAYS;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("The notice window in days (default 30)"), N_("N") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Count from this day (default: today)"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (default) or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the list to a .csv or .xlsx file"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("The products to notify: certificates in force whose 36 months end within "
                                           "the notice window, soonest first."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (days < 1 || days > 3650)
    return fail_usage (context, _("--days must be from 1 to 3650"));

  list = ocop_db_list_certificate_notices (db, as_of, days, &error);
  if (list == NULL)
    return fail (g_steal_pointer (&error));

  if (output != NULL || g_strcmp0 (format, "csv") == 0)
    {
      if (!write_list (list, output, &error))
        return fail (g_steal_pointer (&error));
      return EXIT_SUCCESS;
    }

  print_certificates (list, FALSE);

  return EXIT_SUCCESS;
}

int
cmd_revoke (OcopDb  *db,
            int      argc,
            char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCertificate) c = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the certificate is revoked (required)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of revocation (default: today)"), N_("DATE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Revoke a certificate. The certificate itself is kept unchanged; the "
                                           "revocation is recorded beside it and cannot be undone."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || reason == NULL)
    return fail_usage (context, _("Give the certificate number and --reason"));

  c = ocop_db_find_certificate (db, argv[1], NULL, &error);
  if (c == NULL || !ocop_db_revoke_certificate (db, c->id, date, reason, &error))
    return fail (g_steal_pointer (&error));

  /* Translators: %s is a certificate number */
  g_print (_("Certificate %s revoked\n"), c->number);

  return EXIT_SUCCESS;
}

int
cmd_import_register (OcopDb  *db,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopImportReport) report = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("Import a province's existing certificate register (one row per "
                                           "recognition: product, producer, subject type, locality, stars, recognition "
                                           "date, decision number, issuing authority, expiry). One bad row rejects the "
                                           "whole file."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("Give one CSV file"));

  report = ocop_import_register_csv (db, argv[1], NULL, &error);
  if (report == NULL)
    return fail (g_steal_pointer (&error));

  /* Translators: %1$u is a number of certificates, %2$u of producers and products created */
  g_print (ngettext ("%1$u certificate imported (%2$u producers and products added)\n",
                     "%1$u certificates imported (%2$u producers and products added)\n", report->n_imported),
           report->n_imported, report->n_created);

  return EXIT_SUCCESS;
}

/* ---- PDF ---- */

static gboolean
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  if (total >= 20 && (done % 10 == 0 || done == total))
    /* Translators: %1$u pages of %2$u written */
    g_printerr (_("%1$u of %2$u\n"), done, total);

  return TRUE;
}

int
cmd_certificates_pdf (OcopDb  *db,
                      int      argc,
                      char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_doc_free);
  g_autofree char *decision = NULL;
  g_autofree char *number = NULL;
  g_autofree char *output = NULL;
  OcopCertificateFilter filter = { .as_of = "9999-12-31" };
  gint64 meeting_id = 0;
  double offset_x = 0, offset_y = 0;
  gboolean data_only = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The certificates of this meeting"), N_("ID") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("The certificates of this decision"), N_("NUMBER") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("One certificate"), N_("NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "offset-x", 0, 0, G_OPTION_ARG_DOUBLE, &offset_x, N_("Move everything right by this many millimetres"), N_("MM") },
    { "offset-y", 0, 0, G_OPTION_ARG_DOUBLE, &offset_y, N_("Move everything down by this many millimetres"), N_("MM") },
    { "data-only", 0, 0, G_OPTION_ARG_NONE, &data_only, N_("Leave out the border, motto and title (pre-printed stock)"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Write certificates to a PDF file, one A4 landscape page each, with their "
                                           "signed QR codes."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (output == NULL || (meeting_id <= 0) + (decision == NULL) + (number == NULL) != 2)
    return fail_usage (context, _("Give one of --meeting, --decision or --number, and -o FILE.pdf"));
  if (fabs (offset_x) > 50 || fabs (offset_y) > 50)
    return fail_usage (context, _("The offsets must be within 50 mm"));

  if (number != NULL)
    {
      OcopCertificate *c = ocop_db_find_certificate (db, number, NULL, &error);

      if (c == NULL)
        return fail (g_steal_pointer (&error));
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_free);
      g_ptr_array_add (list, c);
    }
  else
    {
      if (decision != NULL)
        {
          g_autoptr(OcopDecision) d = find_one_decision (db, decision, &error);

          if (d == NULL)
            return fail (g_steal_pointer (&error));
          filter.decision_id = d->id;
        }
      filter.meeting_id = meeting_id;
      list = ocop_db_list_certificates (db, &filter, &error);
      if (list == NULL)
        return fail (g_steal_pointer (&error));
      /* Printed in the order they were numbered. */
      for (guint i = 0; i < list->len / 2; i++)
        {
          gpointer tmp = list->pdata[i];

          list->pdata[i] = list->pdata[list->len - 1 - i];
          list->pdata[list->len - 1 - i] = tmp;
        }
    }

  if (list->len == 0)
    return fail (g_error_new_literal (OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND, _("There are no certificates to print")));

  for (guint i = 0; i < list->len; i++)
    {
      OcopCertificateDoc *doc = ocop_certificate_doc_new (g_ptr_array_index (list, i));

      doc->offset_x_mm = offset_x;
      doc->offset_y_mm = offset_y;
      doc->data_only = data_only;
      g_ptr_array_add (docs, doc);
    }

  if (!ocop_certificate_render_pdf (output, (OcopCertificateDoc * const *) docs->pdata, docs->len,
                                    print_progress, NULL, &error))
    return fail (g_steal_pointer (&error));

  /* Translators: %1$u is a number of pages, %2$s a file name */
  g_print (ngettext ("%1$u page written to %2$s\n", "%1$u pages written to %2$s\n", docs->len), docs->len, output);

  return EXIT_SUCCESS;
}

/* ---- keys ---- */

int
cmd_create_key (OcopDb  *db,
                int      argc,
                char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopSigningKey) key = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("The issuing authority, as on its decisions"), N_("NAME") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Retire the authority's current key and make a new one"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Generate the issuing authority's signing key (Ed25519), once. The secret "
                                           "key is kept in the database file: protect that file like the seal."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (authority == NULL)
    return fail_usage (context, _("Give --authority"));

  key = ocop_signing_create_key (db, authority, replace, &error);
  if (key == NULL)
    return fail (g_steal_pointer (&error));

  fingerprint = ocop_signing_fingerprint (key->public_key);
  /* Translators: %1$s is an authority, %2$s a key fingerprint */
  g_print (_("Signing key of %1$s created; fingerprint %2$s\n"), key->authority, fingerprint);

  return EXIT_SUCCESS;
}

int
cmd_export_key (OcopDb  *db,
                int      argc,
                char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopSigningKey) key = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("The issuing authority"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the public key to this file (default: print it)"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Export the authority's public key, with which anyone can verify its "
                                           "certificates' QR codes offline. The secret key never leaves the database."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (authority == NULL)
    return fail_usage (context, _("Give --authority"));

  key = ocop_db_get_signing_key (db, authority, &error);
  if (key == NULL)
    return fail (g_steal_pointer (&error));

  text = ocop_signing_key_export_public (key);
  if (output == NULL)
    g_print ("%s", text);
  else if (!g_file_set_contents (output, text, -1, &error))
    return fail (g_steal_pointer (&error));

  return EXIT_SUCCESS;
}

/* ---- verify ---- */

/* The text of the first QR code in a PNG image. */
static char *
decode_png (const char  *path,
            GError     **error)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  cairo_surface_t *rgb;
  cairo_t *cr;
  zbar_image_scanner_t *scanner;
  zbar_image_t *image;
  guint8 *gray;
  const zbar_symbol_t *symbol;
  char *text = NULL;
  int w, h, stride;

  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Cannot read the PNG image “%1$s”: %2$s"), path,
                   cairo_status_to_string (cairo_surface_status (png)));
      cairo_surface_destroy (png);
      return NULL;
    }

  /* Flattened on white: transparent pixels are paper. */
  w = cairo_image_surface_get_width (png);
  h = cairo_image_surface_get_height (png);
  rgb = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (rgb);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);
  cairo_surface_flush (rgb);

  stride = cairo_image_surface_get_stride (rgb);
  gray = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (rgb) + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        {
          guint32 p = row[x];

          gray[(gsize) y * w + x] = (guint8) ((((p >> 16) & 0xff) * 299 + ((p >> 8) & 0xff) * 587 + (p & 0xff) * 114) / 1000);
        }
    }
  cairo_surface_destroy (rgb);

  scanner = zbar_image_scanner_create ();
  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  image = zbar_image_create ();
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, w, h);
  zbar_image_set_data (image, gray, (unsigned long) w * h, zbar_image_free_data);

  if (zbar_scan_image (scanner, image) > 0 && (symbol = zbar_image_first_symbol (image)) != NULL)
    text = g_strndup (zbar_symbol_get_data (symbol), zbar_symbol_get_data_length (symbol));

  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);

  if (text == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is a file name */
                 _("No QR code was found in “%s”"), path);

  return text;
}

int
cmd_verify (OcopDb  *db,
            int      argc,
            char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[PAYLOAD]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *payload = NULL;
  guint8 extra[OCOP_SIGNING_PUBLIC_KEY_BYTES];
  gboolean have_extra = FALSE;
  OcopVerification result = { 0 };
  GOptionEntry entries[] = {
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Read the QR code from a PNG image"), N_("FILE") },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, N_("Also trust this exported public key"), N_("FILE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Check validity on this day (default: today)"), N_("DATE") },
    { NULL }
  };
  int status = 0;
  int exit_status;

  g_option_context_set_summary (context, _("Verify a certificate's QR code: valid, expired, revoked, superseded, "
                                           "unknown (genuine but not in this register) or forged. Exits with 0 only "
                                           "when valid."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if ((png != NULL) == (argc == 2) || argc > 2)
    return fail_usage (context, _("Give the payload text or --png FILE"));

  if (key_file != NULL)
    {
      g_autofree char *text = NULL;

      if (!g_file_get_contents (key_file, &text, NULL, &error) ||
          !ocop_signing_parse_public_key (text, extra, NULL, &error))
        return fail (g_steal_pointer (&error));
      have_extra = TRUE;
    }

  payload = png != NULL ? decode_png (png, &error) : g_strdup (argv[1]);
  if (payload == NULL)
    return fail (g_steal_pointer (&error));

  if (!ocop_db_verify_payload (db, payload, as_of, have_extra ? extra : NULL, have_extra ? 1 : 0, &result, &error))
    return fail (g_steal_pointer (&error));

  g_print ("%s: %s\n", ocop_verify_status_get_label (result.status), result.message);
  if (result.authority != NULL)
    /* Translators: %s is an issuing authority */
    g_print (_("Signed by: %s\n"), result.authority);

  exit_status = result.status == OCOP_VERIFY_VALID ? EXIT_SUCCESS : EXIT_FAILURE;
  ocop_verification_clear (&result);

  return exit_status;
}
