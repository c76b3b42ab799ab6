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

G_END_DECLS
