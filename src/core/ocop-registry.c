/* ocop-registry.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-registry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-text.h"

OcopProducer *
ocop_producer_new (void)
{
  return g_new0 (OcopProducer, 1);
}

void
ocop_producer_free (OcopProducer *producer)
{
  if (producer == NULL)
    return;

  g_free (producer->name);
  g_free (producer->address);
  g_free (producer->commune);
  g_free (producer->district);
  g_free (producer->province);
  g_free (producer->representative);
  g_free (producer->phone);
  g_free (producer->tax_code);
  g_free (producer);
}

OcopProduct *
ocop_product_new (void)
{
  return g_new0 (OcopProduct, 1);
}

void
ocop_product_free (OcopProduct *product)
{
  if (product == NULL)
    return;

  g_free (product->code);
  g_free (product->name);
  g_free (product->product_set);
  g_free (product->description);
  g_free (product);
}

/* Normalises one text field in place: NFC, trimmed, single spaces; "" becomes NULL
 * for optional fields. Fails on text that is not UTF-8. */
static gboolean
normalize_field (char       **field,
                 gboolean     required,
                 const char  *label,
                 GError     **error)
{
  g_autofree char *normal = NULL;

  if (*field != NULL)
    {
      normal = ocop_text_normalize (*field);
      if (normal == NULL)
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: %s is the name of a field, e.g. "Product name" */
                       _("%s: the text is not valid UTF-8"), label);
          return FALSE;
        }
    }

  if (normal != NULL && *normal == '\0')
    g_clear_pointer (&normal, g_free);

  if (required && normal == NULL)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is the name of a field, e.g. "Product name" */
                   _("%s: must not be empty"), label);
      return FALSE;
    }

  g_free (*field);
  *field = g_steal_pointer (&normal);

  return TRUE;
}

gboolean
ocop_product_code_is_valid (const char *code)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (code == NULL)
    return FALSE;

  parts = g_strsplit (code, "-", -1);
  n = g_strv_length (parts);
  if (n != 4)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        {
          if (i < 2 ? !g_ascii_isalnum (*p) : !g_ascii_isdigit (*p))
            return FALSE;
        }
    }

  if (strlen (parts[3]) != 4)
    return FALSE;

  n = (guint) g_ascii_strtoull (parts[3], NULL, 10);

  return n >= 2018 && n <= 2100;
}

gboolean
ocop_producer_validate (OcopProducer  *producer,
                        GError       **error)
{
  g_return_val_if_fail (producer != NULL, FALSE);

  if (!normalize_field (&producer->name, TRUE, _("Producer name"), error) ||
      !normalize_field (&producer->address, FALSE, _("Address"), error) ||
      !normalize_field (&producer->commune, FALSE, _("Commune"), error) ||
      !normalize_field (&producer->district, FALSE, _("District"), error) ||
      !normalize_field (&producer->province, FALSE, _("Province"), error) ||
      !normalize_field (&producer->representative, FALSE, _("Representative"), error) ||
      !normalize_field (&producer->phone, FALSE, _("Phone"), error) ||
      !normalize_field (&producer->tax_code, FALSE, _("Tax code"), error))
    return FALSE;

  if ((guint) producer->subject_type >= OCOP_SUBJECT_N)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   _("Subject type: must be cooperative, enterprise, cooperative group or household business"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_product_validate (OcopProduct  *product,
                       GError      **error)
{
  g_return_val_if_fail (product != NULL, FALSE);

  if (!normalize_field (&product->name, TRUE, _("Product name"), error) ||
      !normalize_field (&product->code, FALSE, _("Product code"), error) ||
      !normalize_field (&product->product_set, TRUE, _("Product set"), error) ||
      !normalize_field (&product->description, FALSE, _("Description"), error))
    return FALSE;

  if (product->code != NULL && !ocop_product_code_is_valid (product->code))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %s is the code that was typed; keep T-H-STT-year as is
                    * or use the Vietnamese (T)-(H)-(STT)-Năm */
                   _("Product code: “%s” is not of the form T-H-STT-year (for example 20-180-12-2024)"),
                   product->code);
      return FALSE;
    }

  if (product->producer_id <= 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   _("Producer: every product needs its producer"));
      return FALSE;
    }

  if ((guint) product->evaluation_type >= OCOP_EVALUATION_N)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   _("Evaluation type: must be new evaluation, upgrade or re-evaluation"));
      return FALSE;
    }

  if (product->proposed_stars < 0 || product->proposed_stars > 5)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %d is the number that was given */
                   _("Proposed stars: %d is not between 1 and 5"), product->proposed_stars);
      return FALSE;
    }

  if (product->year != 0 && (product->year < 2018 || product->year > 2100))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                   /* Translators: %d is the year that was given */
                   _("Year: %d is not a year of the OCOP programme"), product->year);
      return FALSE;
    }

  return TRUE;
}

static char *
join_fold (const char *first,
           ...)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *s = first;
  va_list args;

  va_start (args, first);
  for (guint i = 0; i < 8; i++)
    {
      if (s != NULL && *s != '\0')
        {
          if (str->len > 0)
            g_string_append_c (str, ' ');
          g_string_append (str, s);
        }
      s = va_arg (args, const char *);
      if (s == (const char *) -1)
        break;
    }
  va_end (args);

  folded = ocop_text_fold (str->str);

  return g_steal_pointer (&folded);
}

#define END_ARGS ((const char *) -1)

static void
bind_sort_key (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  g_autoptr(GBytes) key = ocop_text_sort_key (text);
  gsize size = 0;
  const void *data = key ? g_bytes_get_data (key, &size) : NULL;

  if (data == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
}

gboolean
ocop_db_save_producer (OcopDb        *db,
                       OcopProducer  *producer,
                       GError       **error)
{
  g_autofree char *now = _ocop_db_now ();
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (producer != NULL, FALSE);

  if (!ocop_producer_validate (producer, error))
    return FALSE;

  search_key = join_fold (producer->name, producer->address, producer->commune,
                          producer->district, producer->province, producer->tax_code, END_ARGS);

  if (producer->id == 0)
    stmt = _ocop_db_prepare (db,
                             "INSERT INTO producer (name, subject_type, address, commune, district,"
                             " province, representative, phone, tax_code, search_key, sort_key,"
                             " is_sample, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                             error);
  else
    stmt = _ocop_db_prepare (db,
                             "UPDATE producer SET name = ?1, subject_type = ?2, address = ?3,"
                             " commune = ?4, district = ?5, province = ?6, representative = ?7,"
                             " phone = ?8, tax_code = ?9, search_key = ?10, sort_key = ?11,"
                             " is_sample = ?12, updated_at = ?13 WHERE id = ?14",
                             error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, producer->name);
  _ocop_db_bind_text (stmt, 2, ocop_subject_type_to_string (producer->subject_type));
  _ocop_db_bind_text (stmt, 3, producer->address);
  _ocop_db_bind_text (stmt, 4, producer->commune);
  _ocop_db_bind_text (stmt, 5, producer->district);
  _ocop_db_bind_text (stmt, 6, producer->province);
  _ocop_db_bind_text (stmt, 7, producer->representative);
  _ocop_db_bind_text (stmt, 8, producer->phone);
  _ocop_db_bind_text (stmt, 9, producer->tax_code);
  _ocop_db_bind_text (stmt, 10, search_key);
  bind_sort_key (stmt, 11, producer->name);
  sqlite3_bind_int (stmt, 12, producer->is_sample ? 1 : 0);
  _ocop_db_bind_text (stmt, 13, now);
  if (producer->id != 0)
    sqlite3_bind_int64 (stmt, 14, producer->id);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to save the producer"), error))
    return FALSE;

  if (producer->id == 0)
    producer->id = _ocop_db_last_insert_id (db);
  else if (sqlite3_changes (_ocop_db_get_handle (db)) == 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                   /* Translators: %d is a number */
                   _("There is no producer number %d"), (int) producer->id);
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_db_save_product (OcopDb       *db,
                      OcopProduct  *product,
                      GError      **error)
{
  g_autofree char *now = _ocop_db_now ();
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);

  if (!ocop_product_validate (product, error))
    return FALSE;

  search_key = join_fold (product->name, product->code, END_ARGS);

  if (product->id == 0)
    stmt = _ocop_db_prepare (db,
                             "INSERT INTO product (code, name, product_set, producer_id, evaluation_type,"
                             " proposed_stars, year, description, search_key, sort_key, is_sample,"
                             " created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                             error);
  else
    stmt = _ocop_db_prepare (db,
                             "UPDATE product SET code = ?1, name = ?2, product_set = ?3, producer_id = ?4,"
                             " evaluation_type = ?5, proposed_stars = ?6, year = ?7, description = ?8,"
                             " search_key = ?9, sort_key = ?10, is_sample = ?11, updated_at = ?12"
                             " WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, product->code);
  _ocop_db_bind_text (stmt, 2, product->name);
  _ocop_db_bind_text (stmt, 3, product->product_set);
  sqlite3_bind_int64 (stmt, 4, product->producer_id);
  _ocop_db_bind_text (stmt, 5, ocop_evaluation_type_to_string (product->evaluation_type));
  if (product->proposed_stars > 0)
    sqlite3_bind_int (stmt, 6, product->proposed_stars);
  if (product->year > 0)
    sqlite3_bind_int (stmt, 7, product->year);
  _ocop_db_bind_text (stmt, 8, product->description);
  _ocop_db_bind_text (stmt, 9, search_key);
  bind_sort_key (stmt, 10, product->name);
  sqlite3_bind_int (stmt, 11, product->is_sample ? 1 : 0);
  _ocop_db_bind_text (stmt, 12, now);
  if (product->id != 0)
    sqlite3_bind_int64 (stmt, 13, product->id);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to save the product"), error))
    {
      if (error != NULL && *error != NULL && (*error)->code == OCOP_DB_ERROR_CONSTRAINT &&
          strstr ((*error)->message, "product.code") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT,
                       /* Translators: %s is a product code */
                       _("Product code: another product already has the code “%s”"), product->code);
        }
      else if (error != NULL && *error != NULL && (*error)->code == OCOP_DB_ERROR_CONSTRAINT &&
               strstr ((*error)->message, "FOREIGN KEY") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT,
                       /* Translators: %d is a number */
                       _("Producer: there is no producer number %d"), (int) product->producer_id);
        }
      return FALSE;
    }

  if (product->id == 0)
    product->id = _ocop_db_last_insert_id (db);
  else if (sqlite3_changes (_ocop_db_get_handle (db)) == 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                   /* Translators: %d is a number */
                   _("There is no product number %d"), (int) product->id);
      return FALSE;
    }

  return TRUE;
}

#define PRODUCER_COLUMNS \
  "pr.id, pr.name, pr.subject_type, pr.address, pr.commune, pr.district, pr.province," \
  " pr.representative, pr.phone, pr.tax_code, pr.is_sample"

static OcopProducer *
producer_from_row (sqlite3_stmt *stmt)
{
  OcopProducer *producer = ocop_producer_new ();

  producer->id = sqlite3_column_int64 (stmt, 0);
  producer->name = _ocop_db_column_dup (stmt, 1);
  ocop_subject_type_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                 &producer->subject_type);
  producer->address = _ocop_db_column_dup (stmt, 3);
  producer->commune = _ocop_db_column_dup (stmt, 4);
  producer->district = _ocop_db_column_dup (stmt, 5);
  producer->province = _ocop_db_column_dup (stmt, 6);
  producer->representative = _ocop_db_column_dup (stmt, 7);
  producer->phone = _ocop_db_column_dup (stmt, 8);
  producer->tax_code = _ocop_db_column_dup (stmt, 9);
  producer->is_sample = sqlite3_column_int (stmt, 10) != 0;

  return producer;
}

#define PRODUCT_COLUMNS \
  "p.id, p.code, p.name, p.product_set, p.producer_id, p.evaluation_type, p.proposed_stars," \
  " p.year, p.description, p.is_sample"

static OcopProduct *
product_from_row (sqlite3_stmt *stmt)
{
  OcopProduct *product = ocop_product_new ();

  product->id = sqlite3_column_int64 (stmt, 0);
  product->code = _ocop_db_column_dup (stmt, 1);
  product->name = _ocop_db_column_dup (stmt, 2);
  product->product_set = _ocop_db_column_dup (stmt, 3);
  product->producer_id = sqlite3_column_int64 (stmt, 4);
  ocop_evaluation_type_from_string ((const char *) sqlite3_column_text (stmt, 5),
                                    &product->evaluation_type);
  product->proposed_stars = sqlite3_column_int (stmt, 6);
  product->year = sqlite3_column_int (stmt, 7);
  product->description = _ocop_db_column_dup (stmt, 8);
  product->is_sample = sqlite3_column_int (stmt, 9) != 0;

  return product;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static gpointer
get_one (OcopDb      *db,
         const char  *sql,
         gint64       id,
         const char  *text,
         RowFunc      from_row,
         const char  *what,
         GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, error);
  gpointer ret = NULL;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    _ocop_db_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  switch (_ocop_db_step (db, stmt, what, error))
    {
    case OCOP_DB_STEP_ROW:
      ret = from_row (stmt);
      break;
    case OCOP_DB_STEP_DONE:
      if (text == NULL)
        g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                     /* Translators: %d is a number */
                     _("Record number %d does not exist"), (int) id);
      break;
    case OCOP_DB_STEP_ERROR:
    default:
      break;
    }

  sqlite3_reset (stmt);

  return ret;
}

OcopProducer *
ocop_db_get_producer (OcopDb  *db,
                      gint64   id,
                      GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return get_one (db, "SELECT " PRODUCER_COLUMNS " FROM producer pr WHERE pr.id = ?1", id, NULL,
                  (RowFunc) producer_from_row, _("Failed to read the producer"), error);
}

OcopProduct *
ocop_db_get_product (OcopDb  *db,
                     gint64   id,
                     GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return get_one (db, "SELECT " PRODUCT_COLUMNS " FROM product p WHERE p.id = ?1", id, NULL,
                  (RowFunc) product_from_row, _("Failed to read the product"), error);
}

OcopProduct *
ocop_db_find_product_by_code (OcopDb      *db,
                              const char  *code,
                              GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return get_one (db, "SELECT " PRODUCT_COLUMNS " FROM product p WHERE p.code = ?1", 0, code,
                  (RowFunc) product_from_row, _("Failed to read the product"), error);
}

OcopProducer *
ocop_db_find_producer_by_name (OcopDb      *db,
                               const char  *name,
                               GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  normal = ocop_text_normalize (name);
  if (normal == NULL)
    return NULL;

  return get_one (db, "SELECT " PRODUCER_COLUMNS " FROM producer pr WHERE pr.name = ?1 ORDER BY pr.id LIMIT 1",
                  0, normal, (RowFunc) producer_from_row, _("Failed to read the producer"), error);
}

/* Deletes one row by id; a foreign key that refuses it gives @refused as the message,
 * and no such row @not_found (a format with one %d, the id). */
static gboolean
delete_row (OcopDb      *db,
            const char  *sql,
            gint64       id,
            const char  *what,
            const char  *refused,
            const char  *not_found,
            GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_ocop_db_exec_stmt (db, stmt, what, error))
    {
      if (error != NULL && *error != NULL && (*error)->code == OCOP_DB_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT, refused);
        }
      return FALSE;
    }

  if (sqlite3_changes (_ocop_db_get_handle (db)) == 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND, not_found, (int) id);
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_db_delete_product (OcopDb  *db,
                        gint64   id,
                        GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  return delete_row (db, "DELETE FROM product WHERE id = ?1", id, _("Failed to delete the product"),
                     _("The product was evaluated at a meeting and cannot be deleted"),
                     /* Translators: %d is a number */
                     _("There is no product number %d"), error);
}

/* The longest word of the folded query goes to SQL (an instr () over the stored keys);
 * the other words are checked here with ocop_text_matches (). */
static char *
longest_word (const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  const char *best = "";

  for (guint i = 0; words[i]; i++)
    {
      if (strlen (words[i]) > strlen (best))
        best = words[i];
    }

  return g_strdup (best);
}

static GPtrArray *
search (OcopDb      *db,
        const char  *sql,
        const char  *query,
        RowFunc      from_row,
        int          key_column,
        GDestroyNotify free_func,
        const char  *what,
        GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  g_autofree char *folded = ocop_text_fold (query != NULL ? query : "");
  g_autofree char *word = longest_word (folded != NULL ? folded : "");
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _ocop_db_bind_text (stmt, 1, word);

  while ((step = _ocop_db_step (db, stmt, what, error)) == OCOP_DB_STEP_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, key_column);

      if (folded != NULL && *folded != '\0' && !ocop_text_matches (key, folded))
        continue;

      g_ptr_array_add (items, from_row (stmt));
    }

  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

GPtrArray *
ocop_db_search_products (OcopDb      *db,
                         const char  *query,
                         GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return search (db,
                 "SELECT " PRODUCT_COLUMNS ", p.search_key || ' ' || pr.search_key"
                 " FROM product p JOIN producer pr ON pr.id = p.producer_id"
                 " WHERE ?1 = '' OR instr (p.search_key || ' ' || pr.search_key, ?1) > 0"
                 " ORDER BY p.sort_key, p.id",
                 query, (RowFunc) product_from_row, 10, (GDestroyNotify) ocop_product_free,
                 _("Failed to search products"), error);
}

GPtrArray *
ocop_db_search_producers (OcopDb      *db,
                          const char  *query,
                          GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return search (db,
                 "SELECT " PRODUCER_COLUMNS ", pr.search_key FROM producer pr"
                 " WHERE ?1 = '' OR instr (pr.search_key, ?1) > 0"
                 " ORDER BY pr.sort_key, pr.id",
                 query, (RowFunc) producer_from_row, 11, (GDestroyNotify) ocop_producer_free,
                 _("Failed to search producers"), error);
}

gint64
ocop_db_count_products (OcopDb  *db,
                        GError **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (OCOP_IS_DB (db), -1);

  stmt = _ocop_db_prepare (db, "SELECT count(*) FROM product", error);
  if (stmt == NULL)
    return -1;

  if (_ocop_db_step (db, stmt, _("Failed to count products"), error) == OCOP_DB_STEP_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* ---- listings for the UI ---- */

void
ocop_product_listing_free (OcopProductListing *listing)
{
  if (listing == NULL)
    return;

  ocop_product_free (listing->product);
  g_free (listing->producer_name);
  g_free (listing->address);
  g_free (listing->commune);
  g_free (listing->district);
  g_free (listing->province);
  g_free (listing->search_key);
  g_free (listing);
}

void
ocop_producer_listing_free (OcopProducerListing *listing)
{
  if (listing == NULL)
    return;

  ocop_producer_free (listing->producer);
  g_free (listing->search_key);
  g_free (listing);
}

OcopProductFilter *
ocop_product_filter_new (void)
{
  OcopProductFilter *filter = g_new0 (OcopProductFilter, 1);

  filter->subject_type = -1;

  return filter;
}

void
ocop_product_filter_free (OcopProductFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->product_set);
  g_free (filter->province);
  g_free (filter->district);
  g_strfreev (filter->words);
  g_free (filter);
}

void
ocop_product_filter_set_query (OcopProductFilter *filter,
                               const char        *query)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->words, g_strfreev);

  folded = ocop_text_fold (query != NULL ? query : "");
  if (folded == NULL)
    return;

  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);

  filter->words = g_strv_builder_end (builder);
  if (filter->words[0] == NULL)
    g_clear_pointer (&filter->words, g_strfreev);
}

gboolean
ocop_product_filter_has_criteria (const OcopProductFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->product_set != NULL || filter->province != NULL ||
         filter->district != NULL || filter->subject_type >= 0;
}

gboolean
ocop_product_filter_is_empty (const OcopProductFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->words == NULL && !ocop_product_filter_has_criteria (filter);
}

static gboolean
words_match (char * const *words,
             const char   *key)
{
  if (words == NULL)
    return TRUE;
  if (key == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
ocop_product_filter_matches (const OcopProductFilter  *filter,
                             const OcopProductListing *listing)
{
  g_return_val_if_fail (listing != NULL, FALSE);

  if (filter == NULL)
    return TRUE;

  if (filter->product_set != NULL &&
      g_strcmp0 (filter->product_set, listing->product->product_set) != 0)
    return FALSE;
  if (filter->province != NULL && g_strcmp0 (filter->province, listing->province) != 0)
    return FALSE;
  if (filter->district != NULL && g_strcmp0 (filter->district, listing->district) != 0)
    return FALSE;
  if (filter->subject_type >= 0 && (int) listing->subject_type != filter->subject_type)
    return FALSE;

  return words_match (filter->words, listing->search_key);
}

gboolean
ocop_product_filter_matches_producer (const OcopProductFilter   *filter,
                                      const OcopProducerListing *listing)
{
  g_return_val_if_fail (listing != NULL, FALSE);

  if (filter == NULL)
    return TRUE;

  if (filter->province != NULL && g_strcmp0 (filter->province, listing->producer->province) != 0)
    return FALSE;
  if (filter->district != NULL && g_strcmp0 (filter->district, listing->producer->district) != 0)
    return FALSE;
  if (filter->subject_type >= 0 && (int) listing->producer->subject_type != filter->subject_type)
    return FALSE;

  return words_match (filter->words, listing->search_key);
}

static OcopProductListing *
product_listing_from_row (sqlite3_stmt *stmt)
{
  OcopProductListing *listing = g_new0 (OcopProductListing, 1);

  /* PRODUCT_COLUMNS are 0 … 9. */
  listing->product = product_from_row (stmt);
  listing->producer_name = _ocop_db_column_dup (stmt, 10);
  ocop_subject_type_from_string ((const char *) sqlite3_column_text (stmt, 11),
                                 &listing->subject_type);
  listing->address = _ocop_db_column_dup (stmt, 12);
  listing->commune = _ocop_db_column_dup (stmt, 13);
  listing->district = _ocop_db_column_dup (stmt, 14);
  listing->province = _ocop_db_column_dup (stmt, 15);
  listing->search_key = _ocop_db_column_dup (stmt, 16);

  return listing;
}

GPtrArray *
ocop_db_list_product_listings (OcopDb                  *db,
                               const OcopProductFilter *filter,
                               GError                 **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT " PRODUCT_COLUMNS ", pr.name, pr.subject_type, pr.address,"
                           " pr.commune, pr.district, pr.province,"
                           " p.search_key || ' ' || pr.search_key"
                           " FROM product p JOIN producer pr ON pr.id = p.producer_id"
                           " ORDER BY p.sort_key, p.id",
                           error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_product_listing_free);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the products"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopProductListing *listing = product_listing_from_row (stmt);

      if (ocop_product_filter_matches (filter, listing))
        g_ptr_array_add (items, listing);
      else
        ocop_product_listing_free (listing);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

GPtrArray *
ocop_db_list_producer_listings (OcopDb  *db,
                                GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT " PRODUCER_COLUMNS ","
                           " (SELECT count(*) FROM product p WHERE p.producer_id = pr.id),"
                           " pr.search_key"
                           " FROM producer pr ORDER BY pr.sort_key, pr.id",
                           error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_producer_listing_free);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the producers"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopProducerListing *listing = g_new0 (OcopProducerListing, 1);

      /* PRODUCER_COLUMNS are 0 … 10. */
      listing->producer = producer_from_row (stmt);
      listing->n_products = (guint) sqlite3_column_int64 (stmt, 11);
      listing->search_key = _ocop_db_column_dup (stmt, 12);
      g_ptr_array_add (items, listing);
    }
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

static int
collate_strings (gconstpointer a,
                 gconstpointer b)
{
  return ocop_text_collate (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_texts (OcopDb      *db,
            const char  *sql,
            const char  *param,
            GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _ocop_db_bind_text (stmt, 1, param);
  while ((step = _ocop_db_step (db, stmt, _("Failed to list the localities"), error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (items, _ocop_db_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  g_ptr_array_sort (items, collate_strings);

  return g_steal_pointer (&items);
}

GPtrArray *
ocop_db_list_provinces (OcopDb  *db,
                        GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return list_texts (db,
                     "SELECT DISTINCT province FROM producer"
                     " WHERE province IS NOT NULL AND ?1 IS NULL",
                     NULL, error);
}

GPtrArray *
ocop_db_list_districts (OcopDb      *db,
                        const char  *province,
                        GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return list_texts (db,
                     "SELECT DISTINCT district FROM producer"
                     " WHERE district IS NOT NULL AND (?1 IS NULL OR province = ?1)",
                     province, error);
}

gboolean
ocop_db_delete_producer (OcopDb  *db,
                         gint64   id,
                         GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  return delete_row (db, "DELETE FROM producer WHERE id = ?1", id, _("Failed to delete the producer"),
                     _("The producer still has products and cannot be deleted"),
                     /* Translators: %d is a number */
                     _("There is no producer number %d"), error);
}
