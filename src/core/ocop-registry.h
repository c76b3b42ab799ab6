/* ocop-registry.h: producers (chủ thể) and products
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* Plain records: the repository maps rows to them; list models for the UI wrap them.
 * Strings are owned. */

typedef struct _OcopProducer
{
  gint64           id;
  char            *name;
  OcopSubjectType  subject_type;
  char            *address;     /* street / village */
  char            *commune;
  char            *district;
  char            *province;
  char            *representative;
  char            *phone;
  char            *tax_code;
  gboolean         is_sample;
} OcopProducer;

typedef struct _OcopProduct
{
  gint64              id;
  char               *code;          /* "T-H-STT-year", e.g. "20-180-12-2024"; may be NULL */
  char               *name;
  char               *product_set;   /* sheet code of the criteria set, "01" … "26" */
  gint64              producer_id;
  OcopEvaluationType  evaluation_type;
  int                 proposed_stars;  /* 0 when none */
  int                 year;            /* 0 when none */
  char               *description;
  gboolean            is_sample;
} OcopProduct;

OcopProducer *ocop_producer_new           (void);
void          ocop_producer_free          (OcopProducer *producer);
OcopProduct  *ocop_product_new            (void);
void          ocop_product_free           (OcopProduct  *product);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProducer, ocop_producer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProduct, ocop_product_free)

/* Checks a record before it is written; the error names the field
 * (OCOP_DB_ERROR_INVALID, "Product name: must not be empty"). Text is NFC-normalised
 * and trimmed in place. */
gboolean      ocop_producer_validate      (OcopProducer *producer,
                                           GError      **error);
gboolean      ocop_product_validate       (OcopProduct  *product,
                                           GError      **error);

/* Insert when id == 0 (and set it), else update. */
gboolean      ocop_db_save_producer       (OcopDb       *db,
                                           OcopProducer *producer,
                                           GError      **error);
gboolean      ocop_db_save_product        (OcopDb       *db,
                                           OcopProduct  *product,
                                           GError      **error);
OcopProducer *ocop_db_get_producer        (OcopDb       *db,
                                           gint64        id,
                                           GError      **error);
OcopProduct  *ocop_db_get_product         (OcopDb       *db,
                                           gint64        id,
                                           GError      **error);
OcopProduct  *ocop_db_find_product_by_code (OcopDb      *db,
                                           const char   *code,
                                           GError      **error);
/* Producers with this exact (normalised) name, first match; NULL without error if none. */
OcopProducer *ocop_db_find_producer_by_name (OcopDb     *db,
                                           const char   *name,
                                           GError      **error);
gboolean      ocop_db_delete_product      (OcopDb       *db,
                                           gint64        id,
                                           GError      **error);

/* Search: @query is matched ignoring case and diacritics (đ too) against name, code,
 * producer name and locality; NULL or "" lists all. Sorted in Vietnamese order by
 * name. Returns OcopProduct* (or OcopProducer*). */
GPtrArray    *ocop_db_search_products     (OcopDb       *db,
                                           const char   *query,
                                           GError      **error);
GPtrArray    *ocop_db_search_producers    (OcopDb       *db,
                                           const char   *query,
                                           GError      **error);
gint64        ocop_db_count_products      (OcopDb       *db,
                                           GError      **error);

/* "20-180-12-2024": province code - district code - sequence - year. */
gboolean      ocop_product_code_is_valid  (const char   *code);

/* ---- listings for the UI: one query, filtered in memory ---- */

/* A product with what its list row and filters need. */
typedef struct _OcopProductListing
{
  OcopProduct     *product;
  char            *producer_name;
  OcopSubjectType  subject_type;   /* the producer's */
  char            *address;
  char            *commune;
  char            *district;
  char            *province;
  char            *search_key;     /* folded: the product's and the producer's words */
} OcopProductListing;

/* A producer with the number of its products. */
typedef struct _OcopProducerListing
{
  OcopProducer    *producer;
  guint            n_products;
  char            *search_key;     /* folded */
} OcopProducerListing;

/* What a list shows: every field NULL (or subject_type -1) lets everything through. */
typedef struct _OcopProductFilter
{
  char            *product_set;    /* sheet code, "06" */
  char            *province;
  char            *district;
  int              subject_type;   /* an OcopSubjectType, or -1 for any */
  /*< private >*/
  char           **words;          /* the folded words of the query */
} OcopProductFilter;

void                ocop_product_listing_free      (OcopProductListing  *listing);
void                ocop_producer_listing_free     (OcopProducerListing *listing);
OcopProductFilter  *ocop_product_filter_new        (void);
void                ocop_product_filter_free       (OcopProductFilter   *filter);
/* Folds @query once (case, diacritics and đ ignored; words in any order). */
void                ocop_product_filter_set_query  (OcopProductFilter   *filter,
                                                    const char          *query);
/* TRUE when the filter lets everything through. */
gboolean            ocop_product_filter_is_empty   (const OcopProductFilter *filter);
/* TRUE when the filter narrows by something other than the query. */
gboolean            ocop_product_filter_has_criteria (const OcopProductFilter *filter);
/* @filter may be NULL (matches everything). */
gboolean            ocop_product_filter_matches    (const OcopProductFilter  *filter,
                                                    const OcopProductListing *listing);
/* The search words only, for producers (name, address, locality, tax code). */
gboolean            ocop_product_filter_matches_producer (const OcopProductFilter   *filter,
                                                    const OcopProducerListing *listing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProductListing, ocop_product_listing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProducerListing, ocop_producer_listing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopProductFilter, ocop_product_filter_free)

/* Every product with its producer, in Vietnamese order by name, read in one query;
 * @filter (nullable) narrows it. Returns OcopProductListing*. */
GPtrArray          *ocop_db_list_product_listings  (OcopDb              *db,
                                                    const OcopProductFilter *filter,
                                                    GError             **error);
/* Every producer with its number of products, in Vietnamese order (OcopProducerListing*). */
GPtrArray          *ocop_db_list_producer_listings (OcopDb              *db,
                                                    GError             **error);
/* The provinces named by producers, in Vietnamese order (char*). */
GPtrArray          *ocop_db_list_provinces         (OcopDb              *db,
                                                    GError             **error);
/* The districts of @province (NULL: of every province), in Vietnamese order (char*). */
GPtrArray          *ocop_db_list_districts         (OcopDb              *db,
                                                    const char          *province,
                                                    GError             **error);
/* Refused (OCOP_DB_ERROR_CONSTRAINT) while the producer has products. */
gboolean            ocop_db_delete_producer        (OcopDb              *db,
                                                    gint64               id,
                                                    GError             **error);

G_END_DECLS
