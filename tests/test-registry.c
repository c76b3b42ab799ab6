/* test-registry.c: producers and products
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ocop-registry.h"

static gint64
add_producer (OcopDb          *db,
              const char      *name,
              OcopSubjectType  type,
              const char      *province)
{
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(GError) error = NULL;

  producer->name = g_strdup (name);
  producer->subject_type = type;
  producer->province = g_strdup (province);
  g_assert_true (ocop_db_save_producer (db, producer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (producer->id, >, 0);

  return producer->id;
}

static gint64
add_product (OcopDb     *db,
             const char *name,
             const char *code,
             gint64      producer_id)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(GError) error = NULL;

  product->name = g_strdup (name);
  product->code = g_strdup (code);
  product->product_set = g_strdup ("06");
  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  return product->id;
}

static void
test_save_and_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopProducer) read = NULL;
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(OcopProduct) read_product = NULL;
  /* "Hợp tác xã" typed in NFD, with stray spaces, as some keyboards produce. */
  const char *nfd_name = "  Ho\xcc\x9b\xcc\xa3p ta\xcc\x81\x63   xa\xcc\x83 Tân Cương ";

  g_assert_no_error (error);

  producer->name = g_strdup (nfd_name);
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  producer->commune = g_strdup ("Tân Cương");
  producer->district = g_strdup ("TP Thái Nguyên");
  producer->province = g_strdup ("Thái Nguyên");
  producer->phone = g_strdup ("");
  g_assert_true (ocop_db_save_producer (db, producer, &error));
  g_assert_no_error (error);

  read = ocop_db_get_producer (db, producer->id, &error);
  g_assert_no_error (error);
  /* Stored NFC, trimmed, single spaces; an empty optional field is no value. */
  g_assert_cmpstr (read->name, ==, "Hợp tác xã Tân Cương");
  g_assert_cmpint (read->subject_type, ==, OCOP_SUBJECT_COOPERATIVE);
  g_assert_cmpstr (read->province, ==, "Thái Nguyên");
  g_assert_null (read->phone);

  product->name = g_strdup ("Chè búp Tân Cương");
  product->code = g_strdup ("19-164-3-2024");
  product->product_set = g_strdup ("12");
  product->producer_id = producer->id;
  product->evaluation_type = OCOP_EVALUATION_UPGRADE;
  product->proposed_stars = 4;
  product->year = 2024;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  read_product = ocop_db_find_product_by_code (db, "19-164-3-2024", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_product);
  g_assert_cmpint (read_product->id, ==, product->id);
  g_assert_cmpstr (read_product->name, ==, "Chè búp Tân Cương");
  g_assert_cmpint (read_product->evaluation_type, ==, OCOP_EVALUATION_UPGRADE);
  g_assert_cmpint (read_product->proposed_stars, ==, 4);
  g_assert_cmpint (ocop_db_count_products (db, &error), ==, 1);

  /* Update in place. */
  g_free (product->name);
  product->name = g_strdup ("Chè đinh Tân Cương");
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read_product, ocop_product_free);
  read_product = ocop_db_get_product (db, product->id, &error);
  g_assert_cmpstr (read_product->name, ==, "Chè đinh Tân Cương");
  g_assert_cmpint (ocop_db_count_products (db, &error), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  gint64 producer_id = add_producer (db, "HTX Bánh chưng Tranh Khúc", OCOP_SUBJECT_COOPERATIVE, "Hà Nội");

  /* A missing name names the field. */
  producer->name = g_strdup ("   ");
  g_assert_false (ocop_db_save_producer (db, producer, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Producer name"));
  g_clear_error (&error);
  g_assert_cmpint (producer->id, ==, 0);

  product->name = g_strdup ("Bánh chưng");
  product->product_set = g_strdup ("06");
  product->producer_id = producer_id;
  product->code = g_strdup ("01-001-x-2024");
  g_assert_false (ocop_db_save_product (db, product, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Product code"));
  g_assert_nonnull (strstr (error->message, "01-001-x-2024"));
  g_clear_error (&error);

  g_free (product->code);
  product->code = g_strdup ("01-001-7-2024");
  product->proposed_stars = 6;
  g_assert_false (ocop_db_save_product (db, product, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Proposed stars"));
  g_clear_error (&error);

  product->proposed_stars = 3;
  product->producer_id = 999;
  g_assert_false (ocop_db_save_product (db, product, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Producer"));
  g_clear_error (&error);

  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  /* Product codes are unique. */
  {
    g_autoptr(OcopProduct) twin = ocop_product_new ();

    twin->name = g_strdup ("Bánh giầy");
    twin->code = g_strdup ("01-001-7-2024");
    twin->product_set = g_strdup ("06");
    twin->producer_id = producer_id;
    g_assert_false (ocop_db_save_product (db, twin, &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "01-001-7-2024"));
    g_clear_error (&error);
  }

  g_assert_cmpint (ocop_db_count_products (db, &error), ==, 1);
  g_assert_true (ocop_product_code_is_valid ("83-829-28780-2022"));
  g_assert_false (ocop_product_code_is_valid ("83-829-28780-22"));
  g_assert_false (ocop_product_code_is_valid ("83-829-2022"));
  g_assert_false (ocop_product_code_is_valid (NULL));

  g_assert_finalize_object (g_steal_pointer (&db));
}

static char *
names_of (GPtrArray *products)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < products->len; i++)
    {
      const OcopProduct *p = g_ptr_array_index (products, i);

      if (i > 0)
        g_string_append (str, " | ");
      g_string_append (str, p->name);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
test_search_and_sort (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  gint64 a = add_producer (db, "Hộ kinh doanh Đặng Thị Đào", OCOP_SUBJECT_HOUSEHOLD, "Hưng Yên");
  gint64 b = add_producer (db, "HTX Nông nghiệp Dũng Tiến", OCOP_SUBJECT_COOPERATIVE, "Nam Định");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *order = NULL;

  add_product (db, "Đường phèn", "33-323-1-2023", a);
  add_product (db, "Bánh chưng", "33-323-2-2023", a);
  add_product (db, "Bánh cuốn", NULL, b);
  add_product (db, "Ăn liền cháo sen", NULL, b);
  add_product (db, "An toàn rau muống", NULL, b);
  add_product (db, "Dưa lưới", NULL, b);
  add_product (db, "Ớt chưng", NULL, b);

  /* Vietnamese order: a < ă < â … d < đ … o < ơ, whatever the system locale. */
  all = ocop_db_search_products (db, NULL, &error);
  g_assert_no_error (error);
  order = names_of (all);
  g_assert_cmpstr (order, ==, "An toàn rau muống | Ăn liền cháo sen | Bánh chưng | Bánh cuốn | "
                              "Dưa lưới | Đường phèn | Ớt chưng");

  /* Diacritics and case are ignored, đ included. */
  found = ocop_db_search_products (db, "banh chung", &error);
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = names_of (found);
  g_assert_cmpstr (order, ==, "Bánh chưng");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = ocop_db_search_products (db, "DUONG", &error);
  g_clear_pointer (&order, g_free);
  order = names_of (found);
  g_assert_cmpstr (order, ==, "Đường phèn");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Words in any order, and the producer's name and locality count too. */
  found = ocop_db_search_products (db, "chung dao", &error);
  g_clear_pointer (&order, g_free);
  order = names_of (found);
  g_assert_cmpstr (order, ==, "Bánh chưng");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = ocop_db_search_products (db, "nam dinh chung", &error);
  g_clear_pointer (&order, g_free);
  order = names_of (found);
  g_assert_cmpstr (order, ==, "Ớt chưng");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* By code. */
  found = ocop_db_search_products (db, "33-323-2", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = ocop_db_search_products (db, "không có", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = ocop_db_search_producers (db, "dang thi dao", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((OcopProducer *) g_ptr_array_index (found, 0))->name, ==, "Hộ kinh doanh Đặng Thị Đào");

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  gint64 producer = add_producer (db, "Công ty TNHH Mật ong Bảo Ngọc", OCOP_SUBJECT_ENTERPRISE, "Lạng Sơn");
  gint64 product = add_product (db, "Mật ong rừng", NULL, producer);
  g_autoptr(OcopProduct) gone = NULL;

  g_assert_true (ocop_db_delete_product (db, product, &error));
  g_assert_no_error (error);
  gone = ocop_db_get_product (db, product, &error);
  g_assert_null (gone);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting it again says so. */
  g_assert_false (ocop_db_delete_product (db, product, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static gint64
add_producer_at (OcopDb          *db,
                 const char      *name,
                 OcopSubjectType  type,
                 const char      *district,
                 const char      *province)
{
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(GError) error = NULL;

  producer->name = g_strdup (name);
  producer->subject_type = type;
  producer->district = g_strdup (district);
  producer->province = g_strdup (province);
  g_assert_true (ocop_db_save_producer (db, producer, &error));
  g_assert_no_error (error);

  return producer->id;
}

static gint64
add_product_in_set (OcopDb     *db,
                    const char *name,
                    const char *set,
                    gint64      producer_id)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(GError) error = NULL;

  product->name = g_strdup (name);
  product->product_set = g_strdup (set);
  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  return product->id;
}

static char *
listing_names (GPtrArray *listings)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < listings->len; i++)
    {
      const OcopProductListing *l = g_ptr_array_index (listings, i);

      if (i > 0)
        g_string_append (str, " | ");
      g_string_append (str, l->product->name);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
test_listings_and_filters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(OcopProductFilter) filter = ocop_product_filter_new ();
  g_autofree char *names = NULL;
  gint64 htx, hkd, dn;

  g_assert_no_error (error);
  htx = add_producer_at (db, "HTX Bánh chưng Tranh Khúc", OCOP_SUBJECT_COOPERATIVE, "Thanh Trì", "Hà Nội");
  hkd = add_producer_at (db, "Hộ kinh doanh Đặng Thị Đào", OCOP_SUBJECT_HOUSEHOLD, "Thăng Bình", "Quảng Nam");
  dn = add_producer_at (db, "Công ty Đức Thọ Xanh", OCOP_SUBJECT_ENTERPRISE, "Đức Thọ", "Hà Tĩnh");
  add_product_in_set (db, "Đường phèn", "07", hkd);
  add_product_in_set (db, "Bánh chưng Tranh Khúc", "06", htx);
  add_product_in_set (db, "Bánh giầy", "06", htx);
  add_product_in_set (db, "Nước mắm Cửa Khe", "10", hkd);
  add_product_in_set (db, "Mứt gừng", "07", dn);

  /* One query: every product with its producer, in Vietnamese order. */
  all = ocop_db_list_product_listings (db, NULL, &error);
  g_assert_no_error (error);
  names = listing_names (all);
  g_assert_cmpstr (names, ==, "Bánh chưng Tranh Khúc | Bánh giầy | Đường phèn | Mứt gừng | Nước mắm Cửa Khe");
  {
    const OcopProductListing *first = g_ptr_array_index (all, 0);

    g_assert_cmpstr (first->producer_name, ==, "HTX Bánh chưng Tranh Khúc");
    g_assert_cmpint (first->subject_type, ==, OCOP_SUBJECT_COOPERATIVE);
    g_assert_cmpstr (first->province, ==, "Hà Nội");
    g_assert_cmpstr (first->district, ==, "Thanh Trì");
  }

  /* An empty filter lets everything through. */
  g_assert_true (ocop_product_filter_is_empty (filter));
  ocop_product_filter_set_query (filter, "   ");
  g_assert_true (ocop_product_filter_is_empty (filter));
  for (guint i = 0; i < all->len; i++)
    g_assert_true (ocop_product_filter_matches (filter, g_ptr_array_index (all, i)));

  /* The query ignores case and diacritics, đ too, and searches the producer. */
  ocop_product_filter_set_query (filter, "banh chung");
  g_assert_false (ocop_product_filter_is_empty (filter));
  some = ocop_db_list_product_listings (db, filter, &error);
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = listing_names (some);
  g_assert_cmpstr (names, ==, "Bánh chưng Tranh Khúc | Bánh giầy");   /* Bánh giầy: producer's name */
  g_clear_pointer (&some, g_ptr_array_unref);

  ocop_product_filter_set_query (filter, "DUONG");
  some = ocop_db_list_product_listings (db, filter, &error);
  g_clear_pointer (&names, g_free);
  names = listing_names (some);
  g_assert_cmpstr (names, ==, "Đường phèn");
  g_clear_pointer (&some, g_ptr_array_unref);

  /* Product set, province, district and subject type, alone and together. */
  ocop_product_filter_set_query (filter, NULL);
  filter->product_set = g_strdup ("07");
  g_assert_true (ocop_product_filter_has_criteria (filter));
  some = ocop_db_list_product_listings (db, filter, &error);
  g_clear_pointer (&names, g_free);
  names = listing_names (some);
  g_assert_cmpstr (names, ==, "Đường phèn | Mứt gừng");
  g_clear_pointer (&some, g_ptr_array_unref);

  filter->subject_type = OCOP_SUBJECT_ENTERPRISE;
  some = ocop_db_list_product_listings (db, filter, &error);
  g_clear_pointer (&names, g_free);
  names = listing_names (some);
  g_assert_cmpstr (names, ==, "Mứt gừng");
  g_clear_pointer (&some, g_ptr_array_unref);

  g_clear_pointer (&filter->product_set, g_free);
  filter->subject_type = -1;
  filter->province = g_strdup ("Quảng Nam");
  some = ocop_db_list_product_listings (db, filter, &error);
  g_clear_pointer (&names, g_free);
  names = listing_names (some);
  g_assert_cmpstr (names, ==, "Đường phèn | Nước mắm Cửa Khe");
  g_clear_pointer (&some, g_ptr_array_unref);

  filter->district = g_strdup ("Thanh Trì");   /* not in Quảng Nam */
  some = ocop_db_list_product_listings (db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 0);
  g_clear_pointer (&some, g_ptr_array_unref);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_producer_listings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  g_autoptr(GPtrArray) producers = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(OcopProductFilter) filter = ocop_product_filter_new ();
  const OcopProducerListing *l;
  gint64 htx, hkd, empty;

  htx = add_producer_at (db, "HTX Gốm Bát Tràng", OCOP_SUBJECT_COOPERATIVE, "Gia Lâm", "Hà Nội");
  hkd = add_producer_at (db, "Hộ kinh doanh Đặng Thị Đào", OCOP_SUBJECT_HOUSEHOLD, "Thăng Bình", "Quảng Nam");
  empty = add_producer_at (db, "Đặng Văn Ất", OCOP_SUBJECT_HOUSEHOLD, "Thanh Trì", "Hà Nội");
  add_product_in_set (db, "Gốm men lam", "23", htx);
  add_product_in_set (db, "Gốm men rạn", "23", htx);
  add_product_in_set (db, "Nước mắm", "10", hkd);

  /* Vietnamese order (Đ < H, "Hộ" < "HTX"), each with its number of products. */
  producers = ocop_db_list_producer_listings (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (producers->len, ==, 3);
  l = g_ptr_array_index (producers, 0);
  g_assert_cmpstr (l->producer->name, ==, "Đặng Văn Ất");
  g_assert_cmpuint (l->n_products, ==, 0);
  l = g_ptr_array_index (producers, 1);
  g_assert_cmpstr (l->producer->name, ==, "Hộ kinh doanh Đặng Thị Đào");
  g_assert_cmpuint (l->n_products, ==, 1);
  l = g_ptr_array_index (producers, 2);
  g_assert_cmpstr (l->producer->name, ==, "HTX Gốm Bát Tràng");
  g_assert_cmpuint (l->n_products, ==, 2);

  ocop_product_filter_set_query (filter, "dang thi dao");
  g_assert_false (ocop_product_filter_matches_producer (filter, g_ptr_array_index (producers, 0)));
  g_assert_true (ocop_product_filter_matches_producer (filter, g_ptr_array_index (producers, 1)));
  ocop_product_filter_set_query (filter, NULL);
  filter->province = g_strdup ("Hà Nội");
  g_assert_true (ocop_product_filter_matches_producer (filter, g_ptr_array_index (producers, 0)));
  g_assert_false (ocop_product_filter_matches_producer (filter, g_ptr_array_index (producers, 1)));

  /* Localities for the filters, in Vietnamese order, without repeats. */
  provinces = ocop_db_list_provinces (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provinces->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (provinces, 0), ==, "Hà Nội");
  g_assert_cmpstr (g_ptr_array_index (provinces, 1), ==, "Quảng Nam");
  districts = ocop_db_list_districts (db, "Hà Nội", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (districts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (districts, 0), ==, "Gia Lâm");
  g_assert_cmpstr (g_ptr_array_index (districts, 1), ==, "Thanh Trì");
  g_clear_pointer (&districts, g_ptr_array_unref);
  districts = ocop_db_list_districts (db, NULL, &error);
  g_assert_cmpuint (districts->len, ==, 3);

  /* A producer with products cannot be deleted; one without can, once. */
  g_assert_false (ocop_db_delete_producer (db, htx, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (ocop_db_delete_producer (db, empty, &error));
  g_assert_no_error (error);
  g_assert_false (ocop_db_delete_producer (db, empty, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&producers, g_ptr_array_unref);
  producers = ocop_db_list_producer_listings (db, &error);
  g_assert_cmpuint (producers->len, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/registry/save-and-read", test_save_and_read);
  g_test_add_func ("/ocop/registry/validation", test_validation);
  g_test_add_func ("/ocop/registry/search-and-sort", test_search_and_sort);
  g_test_add_func ("/ocop/registry/delete", test_delete);
  g_test_add_func ("/ocop/registry/listings-and-filters", test_listings_and_filters);
  g_test_add_func ("/ocop/registry/producer-listings", test_producer_listings);

  return g_test_run ();
}
