/* test-products-page.c: the register: search, filters, the editor and the import
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-criteria-store.h"
#include "ocop-import-dialog.h"
#include "ocop-import.h"
#include "ocop-product-editor.h"
#include "ocop-products-page-private.h"
#include "ocop-record-objects.h"
#include "ocop-registry.h"
#include "ocop-test-ui.h"
#include "ocop-window-private.h"

/* Helpers */

static gboolean have_display;

typedef struct
{
  char             *dir;
  OcopDb           *db;
  OcopWindow       *window;
  OcopProductsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_products = GPOINTER_TO_INT (data);

  if (!have_display)
    return;

  ocop_test_reset_settings ("last-section", NULL);
  f->db = ocop_test_open_db ("ocop-test-products-XXXXXX", &f->dir);
  ocop_test_import_criteria (f->db);

  if (with_products)
    {
      g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "meeting", "products.csv", NULL);
      g_autoptr(OcopImportReport) report = ocop_import_products_csv (f->db, csv, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (report->n_imported, ==, 10);
    }

  f->window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  ocop_test_spin (50);

  f->page = OCOP_PRODUCTS_PAGE (ocop_test_find_widget (GTK_WIDGET (f->window), OCOP_TYPE_PRODUCTS_PAGE, NULL));
  g_assert_nonnull (f->page);
  _ocop_products_page_wait_idle (f->page);   /* the register is read in a thread */
  ocop_test_spin (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  ocop_test_destroy_window (GTK_WINDOW (f->window));
  ocop_test_close_db (f->db, f->dir);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (ocop_products_page_get_products (f->page));
}

static const char *
shown_name (Fixture *f,
            guint    i)
{
  g_autoptr(OcopProductObject) object = g_list_model_get_item (ocop_products_page_get_products (f->page), i);

  return ocop_product_object_get_title (object);
}

static gboolean
shows_product (Fixture    *f,
               const char *name)
{
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (shown_name (f, i), name) == 0)
      return TRUE;

  return FALSE;
}

static void
search (Fixture    *f,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_ocop_products_page_get_search_entry (f->page)), text);
  ocop_test_spin (300);   /* search-changed is delayed */
}

static void
choose_filter (Fixture    *f,
               guint       index,
               const char *prefix)
{
  GtkDropDown *dropdown = _ocop_products_page_get_filter_dropdown (f->page, index);
  guint position = 0;

  ocop_test_choose (gtk_drop_down_get_model (dropdown), prefix, &position);
  gtk_drop_down_set_selected (dropdown, position);
  ocop_test_spin (20);
}

static gint64
product_count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = ocop_db_count_products (f->db, &error);

  g_assert_no_error (error);
  return n;
}

static guint
producer_count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) producers = ocop_db_list_producer_listings (f->db, &error);

  g_assert_no_error (error);
  return producers->len;
}

/* Tests */

static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* The register in Vietnamese order. */
  g_assert_cmpuint (n_shown (f), ==, 10);
  g_assert_cmpstr (shown_name (f, 0), ==, "Bánh chưng Tranh Khúc");
  g_assert_cmpstr (shown_name (f, 9), ==, "Rượu làng Vân");
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "10 products", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Bánh chưng Tranh Khúc", FALSE));

  /* Case and diacritics are ignored, đ too. */
  search (f, "banh chung");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Bánh chưng Tranh Khúc");
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "1 of 10 products", FALSE));

  search (f, "DUC THO");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Mứt gừng Đức Thọ");

  search (f, "duong");   /* Dương in a name and in a producer's commune */
  g_assert_true (shows_product (f, "Dưa lưới Ánh Dương"));
  g_assert_true (shows_product (f, "Nước mắm Cửa Khe"));
  g_assert_cmpuint (n_shown (f), ==, 2);

  search (f, "không có sản phẩm này");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No Results Found", FALSE));

  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 10);

  /* Filters: product set, province, subject type; then all together with a search. */
  choose_filter (f, 0, "06 ");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Bánh chưng Tranh Khúc");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reset-filters", NULL));
  g_assert_cmpuint (n_shown (f), ==, 10);

  choose_filter (f, 1, "Hà Nội");
  g_assert_cmpuint (n_shown (f), ==, 3);
  g_assert_true (shows_product (f, "Gốm Bát Tràng men lam"));
  choose_filter (f, 2, "Gia Lâm");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Gốm Bát Tràng men lam");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reset-filters", NULL));
  choose_filter (f, 3, "Household");
  g_assert_cmpuint (n_shown (f), ==, 2);
  search (f, "nuoc");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Nước mắm Cửa Khe");

  /* The card: product set with the sheet's name, producer with type and address. */
  {
    g_autoptr(OcopProductObject) object = g_list_model_get_item (ocop_products_page_get_products (f->page), 0);
    gint64 id = ocop_product_object_get_listing (object)->product->id;

    g_assert_true (ocop_products_page_select_product (f->page, id));
    ocop_test_spin (50);
    g_assert_cmpint (ocop_products_page_get_selected_product_id (f->page), ==, id);
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Sheet 10 — ", TRUE));
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "20-180-4-2022", FALSE));
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Hộ kinh doanh Đặng Thị Đào", FALSE));
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Household business", TRUE));
    g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Bình Dương, Thăng Bình, Quảng Nam", FALSE));
  }
}

static void
test_add_product (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *editor;
  g_autoptr(OcopProduct) stored = NULL;
  g_autoptr(OcopProducer) producer = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* The header's "Add Product" button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-product", NULL));
  ocop_test_spin (50);
  g_assert_cmpint (product_count (f), ==, 10);
  editor = ocop_products_page_add_product (f->page);   /* a second form, to hold on to */
  ocop_test_spin (50);
  g_assert_true (OCOP_IS_PRODUCT_EDITOR (editor));

  ocop_test_set_row_text (GTK_WIDGET (editor), "Product name", "Bánh giầy Quán Gánh");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Product code (T-H-STT-year, optional)", "20-180-11-2024");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Year", "2024");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Product set", "06 ");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Proposed stars", "4");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Producer", "HTX Bánh chưng Tranh Khúc");
  /* An existing producer: the new-producer fields are not shown. */
  g_assert_null (ocop_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_ROW, "Producer name"));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ocop_test_spin (50);
  g_assert_null (editor);   /* saved and closed */
  _ocop_products_page_wait_idle (f->page);
  ocop_test_spin (20);

  /* In the database… */
  stored = ocop_db_find_product_by_code (f->db, "20-180-11-2024", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "Bánh giầy Quán Gánh");
  g_assert_cmpstr (stored->product_set, ==, "06");
  g_assert_cmpint (stored->proposed_stars, ==, 4);
  g_assert_cmpint (stored->year, ==, 2024);
  producer = ocop_db_get_producer (f->db, stored->producer_id, &error);
  g_assert_cmpstr (producer->name, ==, "HTX Bánh chưng Tranh Khúc");
  g_assert_cmpint (product_count (f), ==, 11);
  g_assert_cmpuint (producer_count (f), ==, 10);

  /* …and in the list, in its place, shown. */
  g_assert_cmpuint (n_shown (f), ==, 11);
  g_assert_cmpstr (shown_name (f, 0), ==, "Bánh chưng Tranh Khúc");
  g_assert_cmpstr (shown_name (f, 1), ==, "Bánh giầy Quán Gánh");
  g_assert_cmpint (ocop_products_page_get_selected_product_id (f->page), ==, stored->id);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "Bánh giầy Quán Gánh", FALSE));

  /* The first form, left open, is cancelled: nothing more is written. */
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (OCOP_IS_PRODUCT_EDITOR (l->data))
        gtk_window_close (l->data);
    g_list_free (toplevels);
    ocop_test_spin (20);
  }
  g_assert_cmpint (product_count (f), ==, 11);
}

static void
test_invalid_code (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *code_row;
  GtkWidget *name_row;
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) created = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  editor = ocop_products_page_add_product (f->page);
  ocop_test_spin (50);

  /* A new product of a new producer, in one form. */
  ocop_test_set_row_text (GTK_WIDGET (editor), "Product name", "Bánh gai Ninh Giang");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Product code (T-H-STT-year, optional)", "20-180-x-2024");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Product set", "06 ");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Producer", "New producer");
  ocop_test_spin (20);
  ocop_test_set_row_text (GTK_WIDGET (editor), "Producer name", "HTX Bánh gai Ninh Giang");
  ocop_test_choose_in_row (GTK_WIDGET (editor), "Subject type", "Cooperative");
  ocop_test_set_row_text (GTK_WIDGET (editor), "Province", "Hải Dương");

  /* The code is refused: the error names the field, its row is marked, nothing is
   * written (not even the producer), and the form stays open. */
  g_assert_false (ocop_product_editor_save (OCOP_PRODUCT_EDITOR (editor), &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Product code: "));
  g_clear_error (&error);
  ocop_test_spin (20);
  code_row = ocop_test_find_row (GTK_WIDGET (editor), "Product code (T-H-STT-year, optional)");
  name_row = ocop_test_find_row (GTK_WIDGET (editor), "Product name");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (product_count (f), ==, 10);
  g_assert_cmpuint (producer_count (f), ==, 10);

  /* An empty producer name is named too. */
  ocop_test_set_row_text (GTK_WIDGET (editor), "Product code (T-H-STT-year, optional)", "20-180-12-2024");
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));   /* typing clears the mark */
  ocop_test_set_row_text (GTK_WIDGET (editor), "Producer name", "  ");
  g_assert_false (ocop_product_editor_save (OCOP_PRODUCT_EDITOR (editor), &error));
  g_assert_true (g_str_has_prefix (error->message, "Producer name: "));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (ocop_test_find_row (GTK_WIDGET (editor), "Producer name"), "error"));
  g_assert_cmpuint (producer_count (f), ==, 10);

  /* Corrected, the product and its producer are written together. */
  ocop_test_set_row_text (GTK_WIDGET (editor), "Producer name", "HTX Bánh gai Ninh Giang");
  g_assert_true (ocop_product_editor_save (OCOP_PRODUCT_EDITOR (editor), &error));
  g_assert_no_error (error);
  ocop_test_spin (50);
  g_assert_cmpint (product_count (f), ==, 11);
  g_assert_cmpuint (producer_count (f), ==, 11);
  created = ocop_db_find_producer_by_name (f->db, "HTX Bánh gai Ninh Giang", &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpint (created->subject_type, ==, OCOP_SUBJECT_COOPERATIVE);
  g_assert_cmpstr (created->province, ==, "Hải Dương");
}

static void
test_import_bad_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meeting", "products-bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *button;
  GtkWidget *problem;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dialog = ocop_products_page_import_file (f->page, file);
  ocop_test_spin (50);
  g_assert_true (OCOP_IS_IMPORT_DIALOG (dialog));

  /* The problem by line and column; Import cannot be pressed; nothing was written. */
  g_assert_false (ocop_import_dialog_get_can_import (OCOP_IMPORT_DIALOG (dialog)));
  g_assert_cmpuint (ocop_import_dialog_get_n_problems (OCOP_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_cmpuint (ocop_import_dialog_get_n_rows (OCOP_IMPORT_DIALOG (dialog)), ==, 3);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "The file cannot be imported", FALSE));
  problem = ocop_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "line 4, column “Bộ sản phẩm”");
  g_assert_nonnull (problem);
  g_assert_true (ocop_test_shows_label (problem, "“siêu ngon” is neither", TRUE));
  /* The preview shows the rows, the bad one marked. */
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "Vải thiều Lục Ngạn", FALSE));
  g_assert_true (gtk_widget_has_css_class (ocop_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "siêu ngon"), "error"));
  button = ocop_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_false (ocop_import_dialog_import (OCOP_IMPORT_DIALOG (dialog), &error));
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_cmpint (product_count (f), ==, 10);
  g_assert_cmpuint (producer_count (f), ==, 10);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (dialog);   /* Cancel */
  ocop_test_spin (20);
  g_assert_null (dialog);
  g_assert_cmpint (product_count (f), ==, 10);
}

static void
test_import_good_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meeting", "products.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *button;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* An empty register offers the import. */
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "No Products Yet", FALSE));
  g_assert_nonnull (ocop_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Import Register…"));
  g_assert_nonnull (ocop_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Add Product"));

  /* The check writes nothing… */
  dialog = ocop_products_page_import_file (f->page, file);
  ocop_test_spin (50);
  g_assert_true (ocop_import_dialog_get_can_import (OCOP_IMPORT_DIALOG (dialog)));
  g_assert_cmpuint (ocop_import_dialog_get_n_problems (OCOP_IMPORT_DIALOG (dialog)), ==, 0);
  g_assert_cmpuint (ocop_import_dialog_get_n_rows (OCOP_IMPORT_DIALOG (dialog)), ==, 10);
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "10 products ready to import", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (dialog), "Lụa tơ tằm Vạn Phúc", FALSE));
  g_assert_cmpint (product_count (f), ==, 0);
  g_assert_cmpuint (producer_count (f), ==, 0);

  /* …Import writes it all. */
  button = ocop_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate (button));
  ocop_test_wait_for_null ((gpointer *) &dialog, 5000);
  g_assert_null (dialog);
  _ocop_products_page_wait_idle (f->page);
  ocop_test_spin (20);
  g_assert_cmpint (product_count (f), ==, 10);
  g_assert_cmpuint (producer_count (f), ==, 10);
  g_assert_cmpuint (n_shown (f), ==, 10);
  g_assert_false (ocop_test_shows_label (GTK_WIDGET (f->page), "No Products Yet", FALSE));
  g_assert_true (ocop_test_shows_label (GTK_WIDGET (f->page), "10 products", FALSE));

  /* The same file again is refused (the codes exist), and changes nothing. */
  dialog = ocop_products_page_import_file (f->page, file);
  ocop_test_spin (50);
  g_assert_false (ocop_import_dialog_get_can_import (OCOP_IMPORT_DIALOG (dialog)));
  g_assert_cmpuint (ocop_import_dialog_get_n_problems (OCOP_IMPORT_DIALOG (dialog)), >=, 1);
  gtk_window_close (dialog);
  ocop_test_spin (20);
  g_assert_cmpint (product_count (f), ==, 10);
}

static void
test_many_products (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  gint64 start;
  gint64 elapsed;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* 15 000 products: the list loads in one query and filters in memory. */
  producer->name = g_strdup ("HTX Nông sản Đồng Tháp");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  g_assert_true (ocop_db_begin (f->db, &error));
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  for (guint i = 0; i < 15000; i++)
    {
      g_autoptr(OcopProduct) product = ocop_product_new ();

      product->name = g_strdup_printf (i % 1000 == 7 ? "Đường phèn số %u" : "Sản phẩm số %u", i);
      product->product_set = g_strdup ("07");
      product->producer_id = producer->id;
      g_assert_true (ocop_db_save_product (f->db, product, &error));
    }
  g_assert_true (ocop_db_commit (f->db, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_assert_true (ocop_products_page_reload (f->page, &error));
  g_assert_no_error (error);
  g_test_message ("reload returned (the read runs in a thread): %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  _ocop_products_page_wait_idle (f->page);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("reload of 15 010 products: %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpuint (n_shown (f), ==, 15010);

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (_ocop_products_page_get_search_entry (f->page)), "duong phen");
  g_signal_emit_by_name (_ocop_products_page_get_search_entry (f->page), "search-changed");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("search over 15 010 products: %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpuint (n_shown (f), ==, 15);
  /* A keystroke must not freeze the window. */
  g_assert_cmpint (elapsed, <, 250 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/products-page/search-and-filters", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_and_filters, fixture_tear_down);
  g_test_add ("/ocop/products-page/add-product", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_add_product, fixture_tear_down);
  g_test_add ("/ocop/products-page/invalid-code", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_invalid_code, fixture_tear_down);
  g_test_add ("/ocop/products-page/import-bad-file", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_import_bad_file, fixture_tear_down);
  g_test_add ("/ocop/products-page/import-good-file", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_good_file, fixture_tear_down);
  g_test_add ("/ocop/products-page/many-products", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_many_products, fixture_tear_down);

  return g_test_run ();
}
