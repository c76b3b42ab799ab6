/* test-certificates-page.c: the register page, issuing from a decision, printing and
 * the PDF, verification and the preferences
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting is built with the core API as tests/test-certificate.c builds it, on the
 * small criteria set of tests/data/council-set.json: three products, of which the tea
 * (4 stars) and the eggs (3 stars) are recognised and the melon is not passed.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "ocop-certificate.h"
#include "ocop-certificates-page.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-issue-dialog.h"
#include "ocop-preferences-window.h"
#include "ocop-print-operation.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"
#include "ocop-test-ui.h"
#include "ocop-verify-dialog.h"

#define AUTHORITY "Ủy ban nhân dân tỉnh Thái Nguyên"

static const int T80[] = { 3, 2, 2, 3 };
static const int T75[] = { 2, 2, 2, 3 };
static const int T70[] = { 1, 2, 2, 3 };
static const int T60[] = { 3, 1, 2, 2 };
static const int T55[] = { 3, 2, 0, 2 };
static const int T50[] = { 3, 1, 1, 2 };
static const int T0[] = { 0, 0, 0, 0 };

enum { CHAIR, VICE, MEMBER, N_MEMBERS };
enum { TEA, EGGS, MELON, N_PRODUCTS };

typedef struct
{
  char            *dir;
  OcopDb          *db;
  OcopCriteriaSet *set;
  gint64           members[N_MEMBERS];
  gint64           products[N_PRODUCTS];
  gint64           meeting_id;
  GtkWindow       *window;
  OcopCertificatesPage *page;
} Fixture;

static gboolean have_display;

/* ---- helpers ---- */

/* The mapped state badges of the register: "Valid:valid", … in the list's order. */
static void
collect_badges (GtkWidget *widget,
                GPtrArray *badges)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "certificate-state") &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL)
    {
      const char *classes[] = { "valid", "expiring", "expired", "revoked", "superseded" };
      const char *css = "none";

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        if (gtk_widget_has_css_class (widget, classes[i]))
          css = classes[i];
      g_ptr_array_add (badges, g_strdup_printf ("%s:%s", gtk_label_get_text (GTK_LABEL (widget)), css));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_badges (child, badges);
}

static gint64
add_product (OcopDb     *db,
             gint64      producer_id,
             const char *name,
             const char *code,
             const char *product_set)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(GError) error = NULL;

  product->name = g_strdup (name);
  product->code = g_strdup (code);
  product->product_set = g_strdup (product_set);
  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  return product->id;
}

static void
score (Fixture   *f,
       int        member,
       gint64     product_id,
       const int  options[4])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[member], product_id, 0, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    g_assert_true (ocop_db_tick (f->db, sheet->id, i, options[i], &error));
  g_assert_true (ocop_db_submit_sheet (f->db, sheet->id, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean with_key = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autofree char *set_path = g_test_build_filename (G_TEST_DIST, "data", "council-set.json", NULL);
  const char *names[N_MEMBERS] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" };
  const OcopRole roles[N_MEMBERS] = { OCOP_ROLE_CHAIR, OCOP_ROLE_VICE_CHAIR, OCOP_ROLE_MEMBER };

  if (!have_display)
    return;

  /* Every test starts from the schema's defaults. */
  ocop_test_reset_settings ("language", "issuing-authority", "signer-title", "signer-name",
                            "print-offsets", "certificate-number-pattern", NULL);

  f->db = ocop_test_open_db ("ocop-test-certificates-page-XXXXXX", &f->dir);
  f->set = ocop_db_import_criteria_file (f->db, set_path, &error);
  g_assert_no_error (error);

  producer->name = g_strdup ("Hợp tác xã Chè Tân Cương");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  producer->address = g_strdup ("Xóm Hồng Thái 2");
  producer->commune = g_strdup ("Tân Cương");
  producer->district = g_strdup ("TP Thái Nguyên");
  producer->province = g_strdup ("Thái Nguyên");
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  f->products[TEA] = add_product (f->db, producer->id, "Chè xanh Tân Cương", "20-180-1-2025", "01");
  f->products[EGGS] = add_product (f->db, producer->id, "Trứng gà ri Đồng Hỷ", "20-180-2-2025", "02");
  f->products[MELON] = add_product (f->db, producer->id, "Dưa lưới Ánh Dương", "20-180-3-2025", "01");

  council->name = g_strdup ("Hội đồng OCOP tỉnh Thái Nguyên");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_148_1489;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(OcopMember) member = ocop_member_new ();

      member->council_id = council->id;
      member->name = g_strdup (names[i]);
      member->role = roles[i];
      g_assert_true (ocop_db_add_member (f->db, member, &error));
      f->members[i] = member->id;
    }

  meeting->council_id = council->id;
  meeting->set_id = f->set->id;
  meeting->date = g_strdup ("2025-09-12");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  f->meeting_id = meeting->id;
  for (guint i = 0; i < N_PRODUCTS; i++)
    g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[i], &error));
  for (guint i = 0; i < N_MEMBERS; i++)
    g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[i], TRUE, &error));
  g_assert_true (ocop_db_set_meeting_state (f->db, f->meeting_id, OCOP_MEETING_SCORING, &error));
  g_assert_no_error (error);

  score (f, CHAIR, f->products[TEA], T80);
  score (f, VICE, f->products[TEA], T75);
  score (f, MEMBER, f->products[TEA], T70);
  score (f, CHAIR, f->products[EGGS], T50);
  score (f, VICE, f->products[EGGS], T60);
  score (f, MEMBER, f->products[EGGS], T55);
  for (int m = 0; m < N_MEMBERS; m++)
    score (f, m, f->products[MELON], T0);
  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);

  if (with_key)
    {
      g_autoptr(OcopSigningKey) key = ocop_signing_create_key (f->db, AUTHORITY, FALSE, &error);

      g_assert_no_error (error);
    }

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  f->page = OCOP_CERTIFICATES_PAGE (ocop_certificates_page_new (f->db));
  ocop_certificates_page_set_today (f->page, "2025-10-01");
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  ocop_test_spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  gtk_window_destroy (f->window);
  ocop_test_spin (20);
  g_clear_pointer (&f->set, ocop_criteria_set_unref);
  ocop_test_close_db (f->db, f->dir);
}

static guint
count_certificates (OcopDb *db)
{
  g_autoptr(GError) error = NULL;
  OcopCertificateFilter filter = { .as_of = "9999-12-31" };
  g_autoptr(GPtrArray) list = ocop_db_list_certificates (db, &filter, &error);

  g_assert_no_error (error);

  return list->len;
}

static void
on_issued_cb (OcopIssueDialog *dialog,
              guint            n,
              guint           *n_issued)
{
  *n_issued = n;
}

/* Issues the meeting's two recognised products under 4894/QĐ-UBND of 15/09/2025
 * through the dialog. */
static void
issue_through_dialog (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = NULL;
  GtkWindow *dialog = ocop_certificates_page_issue (f->page);
  GPtrArray *issued;
  guint n_issued = 0;

  g_assert_true (OCOP_IS_ISSUE_DIALOG (dialog));
  g_signal_connect (dialog, "issued", G_CALLBACK (on_issued_cb), &n_issued);
  g_assert_cmpint (ocop_issue_dialog_get_meeting_id (OCOP_ISSUE_DIALOG (dialog)), ==, f->meeting_id);
  g_assert_cmpuint (ocop_issue_dialog_get_n_products (OCOP_ISSUE_DIALOG (dialog)), ==, 2);
  ocop_issue_dialog_set_decision (OCOP_ISSUE_DIALOG (dialog), "4894/QĐ-UBND", "15/09/2025", AUTHORITY,
                                  "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH", "Nguyễn Huy Dũng");

  /* The numbers it will give, before anything is written. */
  numbers = ocop_issue_dialog_dup_planned_numbers (OCOP_ISSUE_DIALOG (dialog), NULL);
  g_assert_nonnull (numbers);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "1/GCN-OCOP-2025");
  g_assert_cmpstr (numbers[1], ==, "2/GCN-OCOP-2025");
  g_assert_cmpuint (count_certificates (f->db), ==, 0);

  issued = ocop_issue_dialog_issue (OCOP_ISSUE_DIALOG (dialog), &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);
  g_assert_cmpuint (issued->len, ==, 2);
  g_assert_cmpuint (n_issued, ==, 2);
  g_assert_cmpuint (count_certificates (f->db), ==, 2);
  ocop_test_spin (50);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "2 Certificates Issued", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "1/GCN-OCOP-2025", FALSE));
  gtk_window_destroy (dialog);
  ocop_test_spin (20);
}

static const OcopCertificate *
shown_certificate (Fixture *f,
                   guint    position)
{
  g_autoptr(OcopCertificateItem) item = g_list_model_get_item (ocop_certificates_page_get_certificates (f->page), position);

  g_assert_nonnull (item);

  /* The store keeps the item, hence the certificate. */
  return ocop_certificate_item_get_certificate (item);
}

/* ---- tests ---- */

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) badges = g_ptr_array_new_with_free_func (g_free);
  const OcopCertificateDoc *doc;
  const OcopCertificate *c;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Empty at first, with the two ways to fill it. */
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 0);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No Certificates Yet", FALSE));

  issue_through_dialog (f);

  /* The register shows them, newest number first, with their badges. */
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 2);
  c = shown_certificate (f, 0);
  g_assert_cmpstr (c->number, ==, "2/GCN-OCOP-2025");
  g_assert_cmpstr (c->valid_until, ==, "2028-09-15");
  ocop_test_spin (100);
  collect_badges (GTK_WIDGET (f->page), badges);
  g_assert_cmpuint (badges->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (badges, 0), ==, "Valid:valid");
  g_assert_cmpstr (g_ptr_array_index (badges, 1), ==, "Valid:valid");
  g_assert_false (ocop_test_shows_label (GTK_WIDGET (f->page), "No Certificates Yet", FALSE));

  /* The preview draws the selected certificate. */
  g_assert_true (ocop_certificates_page_select (f->page, shown_certificate (f, 1)->id));
  doc = ocop_certificate_preview_get_doc (ocop_certificates_page_get_preview (f->page));
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->number, ==, "1/GCN-OCOP-2025");
  g_assert_cmpstr (doc->product_name, ==, shown_certificate (f, 1)->product_name);
  g_assert_nonnull (doc->payload);
  g_assert_false (ocop_certificates_page_select (f->page, 999999));

  /* Search ignores case and diacritics. */
  ocop_certificates_page_set_search (f->page, "CHE XANH tan cuong");
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 1);
  g_assert_cmpstr (shown_certificate (f, 0)->product_name, ==, "Chè xanh Tân Cương");
  ocop_certificates_page_set_search (f->page, "dưa lưới");
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 0);
  ocop_certificates_page_set_search (f->page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 2);
}

static void
test_issue_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_auto(GStrv) numbers = NULL;
  GtkWindow *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dialog = ocop_certificates_page_issue (f->page);

  /* A decision dated before the meeting: nothing is planned nor written. */
  ocop_issue_dialog_set_decision (OCOP_ISSUE_DIALOG (dialog), "4894/QĐ-UBND", "01/09/2025", AUTHORITY, NULL, NULL);
  numbers = ocop_issue_dialog_dup_planned_numbers (OCOP_ISSUE_DIALOG (dialog), &problem);
  g_assert_null (numbers);
  g_assert_nonnull (strstr (problem, "Decision date"));
  g_assert_null (ocop_issue_dialog_issue (OCOP_ISSUE_DIALOG (dialog), &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&problem, g_free);

  /* No product ticked. */
  ocop_issue_dialog_set_decision (OCOP_ISSUE_DIALOG (dialog), NULL, "15/09/2025", NULL, NULL, NULL);
  g_assert_true (ocop_issue_dialog_set_product_active (OCOP_ISSUE_DIALOG (dialog), f->products[TEA], FALSE));
  g_assert_true (ocop_issue_dialog_set_product_active (OCOP_ISSUE_DIALOG (dialog), f->products[EGGS], FALSE));
  g_assert_false (ocop_issue_dialog_set_product_active (OCOP_ISSUE_DIALOG (dialog), f->products[MELON], TRUE));
  g_assert_null (ocop_issue_dialog_issue (OCOP_ISSUE_DIALOG (dialog), &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Only the eggs: one number. */
  g_assert_true (ocop_issue_dialog_set_product_active (OCOP_ISSUE_DIALOG (dialog), f->products[EGGS], TRUE));
  numbers = ocop_issue_dialog_dup_planned_numbers (OCOP_ISSUE_DIALOG (dialog), NULL);
  g_assert_cmpuint (g_strv_length (numbers), ==, 1);
  g_assert_cmpuint (count_certificates (f->db), ==, 0);

  gtk_window_destroy (dialog);
}

static void
test_issue_needs_key (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopSigningKey) key = NULL;
  g_auto(GStrv) numbers = NULL;
  GtkWindow *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dialog = ocop_certificates_page_issue (f->page);
  ocop_issue_dialog_set_decision (OCOP_ISSUE_DIALOG (dialog), "4894/QĐ-UBND", "15/09/2025", AUTHORITY, NULL, NULL);

  /* The plan numbers them all the same, and makes no key. */
  numbers = ocop_issue_dialog_dup_planned_numbers (OCOP_ISSUE_DIALOG (dialog), NULL);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  key = ocop_db_get_signing_key (f->db, AUTHORITY, &error);
  g_assert_null (key);
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY);
  g_clear_error (&error);

  g_assert_null (ocop_issue_dialog_issue (OCOP_ISSUE_DIALOG (dialog), &error));
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY);
  g_assert_cmpuint (count_certificates (f->db), ==, 0);

  gtk_window_destroy (dialog);
}

static void
test_expiring (Fixture       *f,
               gconstpointer  data)
{
  GListModel *shown;
  g_autoptr(GPtrArray) badges = g_ptr_array_new_with_free_func (g_free);

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  issue_through_dialog (f);
  shown = ocop_certificates_page_get_certificates (f->page);

  /* Valid through 15/09/2028: the notice window opens on 16/08/2028. */
  ocop_certificates_page_set_expiring_only (f->page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  ocop_test_spin (400);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No certificate ends within the next 30 days.", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No Matching Certificates", FALSE));

  ocop_certificates_page_set_today (f->page, "2028-08-15");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  ocop_certificates_page_set_today (f->page, "2028-08-20");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_cmpint (shown_certificate (f, 0)->state, ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (shown_certificate (f, 0)->days_left, ==, 26);
  ocop_test_spin (100);
  collect_badges (GTK_WIDGET (f->page), badges);
  g_assert_cmpuint (badges->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (badges, 0), ==, "Expiring:expiring");

  /* After the last day: expired, and off the notice list. */
  ocop_certificates_page_set_today (f->page, "2028-09-16");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  ocop_certificates_page_set_expiring_only (f->page, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_cmpint (shown_certificate (f, 0)->state, ==, OCOP_CERTIFICATE_EXPIRED);
  g_ptr_array_set_size (badges, 0);
  ocop_test_spin (100);
  collect_badges (GTK_WIDGET (f->page), badges);
  g_assert_cmpstr (g_ptr_array_index (badges, 0), ==, "Expired:expired");
}

static int
pdf_pages (const char  *path,
           double      *width,
           double      *height,
           char       **first_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  int n;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, width, height);
  *first_text = poppler_page_get_text (page);
  n = poppler_document_get_n_pages (document);
  g_object_unref (page);
  g_object_unref (document);

  return n;
}

static void
test_print_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = g_build_filename (f->dir, "one.pdf", NULL);
  g_autofree char *all = g_build_filename (f->dir, "all.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(OcopPrintOperation) op = NULL;
  GtkPrintOperationResult result;
  double w, h;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  issue_through_dialog (f);

  /* The selected certificate: one page, A4 landscape, its number on it. */
  g_assert_true (ocop_certificates_page_select (f->page, shown_certificate (f, 1)->id));
  op = ocop_certificates_page_create_print_operation (f->page);
  g_assert_cmpuint (ocop_print_operation_get_n_docs (op), ==, 1);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), one);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (pdf_pages (one, &w, &h, &text), ==, 1);
  g_assert_cmpfloat_with_epsilon (w, OCOP_CERTIFICATE_PAGE_WIDTH, 1.0);
  g_assert_cmpfloat_with_epsilon (h, OCOP_CERTIFICATE_PAGE_HEIGHT, 1.0);
  g_assert_nonnull (strstr (text, "1/GCN-OCOP-2025"));
  g_assert_nonnull (strstr (text, "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP"));
  g_clear_pointer (&text, g_free);
  g_clear_object (&op);

  /* Both, in one job, in the order they were numbered. */
  ocop_certificates_page_select_all (f->page);
  op = ocop_certificates_page_create_print_operation (f->page);
  g_assert_cmpuint (ocop_print_operation_get_n_docs (op), ==, 2);
  ocop_print_operation_set_offsets (op, 5, -3, FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), all);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (pdf_pages (all, &w, &h, &text), ==, 2);
  g_assert_nonnull (strstr (text, "1/GCN-OCOP-2025"));
}

static void
test_print_offsets (void)
{
  g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);
  double x = -1, y = -1;

  g_settings_reset (settings, "print-offsets");

  g_assert_false (ocop_print_offsets_lookup (settings, "Văn phòng HP", &x, &y));
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);
  g_assert_false (ocop_print_offsets_lookup (settings, NULL, &x, &y));

  ocop_print_offsets_store (settings, "Văn phòng HP", 2.5, -1.5);
  ocop_print_offsets_store (settings, "Canon", 80, 0);   /* clamped to 50 mm */
  g_assert_true (ocop_print_offsets_lookup (settings, "Văn phòng HP", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, -1.5, 1e-9);
  g_assert_true (ocop_print_offsets_lookup (settings, "Canon", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, OCOP_PRINT_OFFSET_MAX_MM, 1e-9);

  /* Zero forgets the printer, and only it. */
  ocop_print_offsets_store (settings, "Canon", 0, 0);
  g_assert_false (ocop_print_offsets_lookup (settings, "Canon", &x, &y));
  g_assert_true (ocop_print_offsets_lookup (settings, "Văn phòng HP", &x, &y));
}

static void
wait_export (Fixture *f)
{
  for (guint i = 0; i < 600 && ocop_certificates_page_get_busy (f->page); i++)
    ocop_test_spin (50);
  g_assert_false (ocop_certificates_page_get_busy (f->page));
}

static void
test_export_pdf_thread (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "certificates.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "certificates.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *text = NULL;
  const char *message = NULL;
  double w, h;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Nothing to write in an empty register. */
  g_assert_false (ocop_certificates_page_export_pdf (f->page, file));

  issue_through_dialog (f);
  ocop_certificates_page_select_all (f->page);
  g_assert_true (ocop_certificates_page_export_pdf (f->page, file));
  g_assert_true (ocop_certificates_page_get_busy (f->page));
  /* One export at a time. */
  g_assert_false (ocop_certificates_page_export_pdf (f->page, file));
  wait_export (f);
  g_assert_true (ocop_certificates_page_get_export_result (f->page, &message));
  g_assert_cmpstr (message, ==, "2 pages written to certificates.pdf");
  g_assert_cmpint (pdf_pages (path, &w, &h, &text), ==, 2);
  g_assert_cmpfloat (w, >, h);

  /* A folder that does not exist: the user is told, nothing is written. */
  g_assert_true (ocop_certificates_page_export_pdf (f->page, bad_file));
  wait_export (f);
  g_assert_false (ocop_certificates_page_get_export_result (f->page, &message));
  g_assert_nonnull (message);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *tampered = NULL;
  GtkWindow *dialog;
  char *p;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  issue_through_dialog (f);
  payload = g_strdup (shown_certificate (f, 0)->payload);
  g_assert_nonnull (payload);

  dialog = ocop_certificates_page_verify (f->page);
  g_assert_true (OCOP_IS_VERIFY_DIALOG (dialog));

  /* Genuine, as a scanner gives it (with a line break). */
  tampered = g_strconcat (payload, "\n", NULL);
  ocop_verify_dialog_set_payload (OCOP_VERIFY_DIALOG (dialog), tampered);
  g_assert_true (ocop_verify_dialog_verify (OCOP_VERIFY_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_verify_dialog_get_status (OCOP_VERIFY_DIALOG (dialog)), ==, OCOP_VERIFY_VALID);
  g_assert_cmpstr (ocop_verify_dialog_get_verdict (OCOP_VERIFY_DIALOG (dialog)), ==, "Valid");
  ocop_test_spin (50);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "Valid", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "2/GCN-OCOP-2025", FALSE));
  g_clear_pointer (&tampered, g_free);

  /* One changed letter: forged, and its fields are not shown as facts. */
  tampered = g_strdup (payload);
  p = strstr (tampered, "GCN");
  g_assert_nonnull (p);
  p[0] = 'X';
  ocop_verify_dialog_set_payload (OCOP_VERIFY_DIALOG (dialog), tampered);
  g_assert_true (ocop_verify_dialog_verify (OCOP_VERIFY_DIALOG (dialog), &error));
  g_assert_cmpint (ocop_verify_dialog_get_status (OCOP_VERIFY_DIALOG (dialog)), ==, OCOP_VERIFY_FORGED);
  g_assert_cmpstr (ocop_verify_dialog_get_verdict (OCOP_VERIFY_DIALOG (dialog)), ==, "Forged");
  ocop_test_spin (50);
  g_assert_false (ocop_test_shows_label (GTK_WIDGET (dialog), "2/GCN-OCOP-2025", FALSE));

  /* Not an OCOP code at all. */
  ocop_verify_dialog_set_payload (OCOP_VERIFY_DIALOG (dialog), "https://example.org/");
  g_assert_true (ocop_verify_dialog_verify (OCOP_VERIFY_DIALOG (dialog), &error));
  g_assert_cmpint (ocop_verify_dialog_get_status (OCOP_VERIFY_DIALOG (dialog)), ==, OCOP_VERIFY_FORGED);
  gtk_window_destroy (dialog);

  /* In its last 30 days. */
  ocop_certificates_page_set_today (f->page, "2028-09-01");
  dialog = ocop_certificates_page_verify (f->page);
  ocop_verify_dialog_set_payload (OCOP_VERIFY_DIALOG (dialog), payload);
  g_assert_true (ocop_verify_dialog_verify (OCOP_VERIFY_DIALOG (dialog), &error));
  g_assert_cmpint (ocop_verify_dialog_get_status (OCOP_VERIFY_DIALOG (dialog)), ==, OCOP_VERIFY_VALID);
  g_assert_cmpstr (ocop_verify_dialog_get_verdict (OCOP_VERIFY_DIALOG (dialog)), ==, "Valid — expiring soon");
  gtk_window_destroy (dialog);
}

static void
test_import_register (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "register-bad.csv", NULL);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "register-good.csv", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  GtkWindow *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* A bad file: the report, no Import, nothing written. */
  dialog = ocop_certificates_page_import_file (f->page, bad);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  ocop_test_spin (50);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "Line 3, column “stars”", FALSE) ||
                 ocop_test_shows_label (GTK_WIDGET (dialog), "Line 3, column “Hạng sao”", FALSE));
  g_assert_cmpuint (count_certificates (f->db), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ocop_test_spin (50);
  g_assert_cmpuint (count_certificates (f->db), ==, 0);

  /* A good one: checked without writing, imported on "Import". */
  dialog = ocop_certificates_page_import_file (f->page, good);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_cmpuint (count_certificates (f->db), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  ocop_test_spin (50);
  g_assert_cmpuint (count_certificates (f->db), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ocop_certificates_page_get_certificates (f->page)), ==, 4);
  g_assert_false (ocop_test_shows_label (GTK_WIDGET (f->page), "No Certificates Yet", FALSE));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (OCOP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *pattern = NULL;
  GtkWidget *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_preferences_window_new (f->db);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (50);

  ocop_preferences_window_select_language (OCOP_PREFERENCES_WINDOW (window), "vi");
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "vi");
  g_clear_pointer (&language, g_free);
  ocop_preferences_window_select_language (OCOP_PREFERENCES_WINDOW (window), "en");
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");
  g_clear_pointer (&language, g_free);
  ocop_preferences_window_select_language (OCOP_PREFERENCES_WINDOW (window), "");
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "");

  /* The pattern must contain {seq}; a refused one changes nothing. */
  g_assert_false (ocop_preferences_window_apply_pattern (OCOP_PREFERENCES_WINDOW (window), "GCN-{year}", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  pattern = ocop_db_get_certificate_pattern (f->db, &error);
  g_assert_cmpstr (pattern, ==, OCOP_CERTIFICATE_DEFAULT_PATTERN);
  g_clear_pointer (&pattern, g_free);

  g_assert_true (ocop_preferences_window_apply_pattern (OCOP_PREFERENCES_WINDOW (window), "{seq:3}/GCN-{year}", &error));
  g_assert_no_error (error);
  pattern = ocop_db_get_certificate_pattern (f->db, &error);
  g_assert_cmpstr (pattern, ==, "{seq:3}/GCN-{year}");
  g_clear_pointer (&pattern, g_free);
  pattern = g_settings_get_string (settings, "certificate-number-pattern");
  g_assert_cmpstr (pattern, ==, "{seq:3}/GCN-{year}");

  /* The issuing defaults reach the issue dialog. */
  g_settings_set_string (settings, "issuing-authority", AUTHORITY);
  g_settings_set_string (settings, "signer-name", "Nguyễn Huy Dũng");
  ocop_test_spin (20);
  gtk_window_destroy (GTK_WINDOW (window));

  {
    GtkWindow *dialog = ocop_certificates_page_issue (f->page);
    g_auto(GStrv) numbers = NULL;

    ocop_issue_dialog_set_decision (OCOP_ISSUE_DIALOG (dialog), "4894/QĐ-UBND", "15/09/2025", NULL, NULL, NULL);
    numbers = ocop_issue_dialog_dup_planned_numbers (OCOP_ISSUE_DIALOG (dialog), NULL);
    g_assert_nonnull (numbers);
    g_assert_cmpstr (numbers[0], ==, "001/GCN-2025");
    gtk_window_destroy (dialog);
  }
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add_func ("/ocop/certificates-page/print-offsets", test_print_offsets);
  g_test_add ("/ocop/certificates-page/issue", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_issue, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/issue-refused", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_issue_refused, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/issue-needs-key", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_issue_needs_key, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/expiring", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_expiring, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/print-export", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_print_export, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/export-pdf-thread", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_pdf_thread, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/verify", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/import-register", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_import_register, fixture_tear_down);
  g_test_add ("/ocop/certificates-page/preferences", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_preferences, fixture_tear_down);

  return g_test_run ();
}
