/* ocop-db-private.h: what the repositories in src/core share
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ocop-db.h"

G_BEGIN_DECLS

typedef struct _OcopDbMigration
{
  int         version;
  const char *sql;
} OcopDbMigration;

/* ocop-migrations.c */
const OcopDbMigration *_ocop_db_get_migrations (guint *n_migrations);

sqlite3      *_ocop_db_get_handle   (OcopDb        *self);

/* A prepared statement, cached per SQL text for the lifetime of the database
 * (SQLITE_PREPARE_PERSISTENT). Reset and unbound on return. Never free it. */
sqlite3_stmt *_ocop_db_prepare      (OcopDb        *self,
                                     const char    *sql,
                                     GError       **error);

typedef enum
{
  OCOP_DB_STEP_ROW,
  OCOP_DB_STEP_DONE,
  OCOP_DB_STEP_ERROR,
} OcopDbStep;

/* Steps and, on error, sets @error with @what ("Failed to insert product: …") and the
 * SQLite message, mapping constraint failures to OCOP_DB_ERROR_CONSTRAINT and the
 * triggers' "locked:" messages to OCOP_DB_ERROR_LOCKED. */
OcopDbStep    _ocop_db_step         (OcopDb        *self,
                                     sqlite3_stmt  *stmt,
                                     const char    *what,
                                     GError       **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean      _ocop_db_exec_stmt    (OcopDb        *self,
                                     sqlite3_stmt  *stmt,
                                     const char    *what,
                                     GError       **error);
/* For SQL without parameters (schema, PRAGMA). */
gboolean      _ocop_db_exec         (OcopDb        *self,
                                     const char    *sql,
                                     const char    *what,
                                     GError       **error);
void          _ocop_db_set_error    (OcopDb        *self,
                                     GError       **error,
                                     const char    *what);

/* Binding helpers: NULL strings bind as NULL. */
void          _ocop_db_bind_text    (sqlite3_stmt  *stmt,
                                     int            index,
                                     const char    *value);
/* Column text as a newly allocated string, NULL for NULL. */
char         *_ocop_db_column_dup   (sqlite3_stmt  *stmt,
                                     int            column);

gint64        _ocop_db_last_insert_id (OcopDb      *self);

/* Maps one row of a stepping statement to a new record. */
typedef gpointer (*OcopDbRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt (prepared and bound) to the end and maps every row with @from_row into
 * a new array that frees its items with @free_func; NULL on error. Resets @stmt. */
GPtrArray    *_ocop_db_collect        (OcopDb         *self,
                                       sqlite3_stmt   *stmt,
                                       OcopDbRowFunc   from_row,
                                       GDestroyNotify  free_func,
                                       const char     *what,
                                       GError        **error);
/* The first row only; NULL with OCOP_DB_ERROR_NOT_FOUND and @not_found as the message
 * when there is none. Resets @stmt. */
gpointer      _ocop_db_collect_one    (OcopDb         *self,
                                       sqlite3_stmt   *stmt,
                                       OcopDbRowFunc   from_row,
                                       const char     *what,
                                       const char     *not_found,
                                       GError        **error);

/* Criteria sets loaded from this database, by id (gint64* → OcopCriteriaSet*). */
GHashTable   *_ocop_db_get_criteria_cache (OcopDb  *self);

/* "2026-11-29T21:10:00Z" */
char         *_ocop_db_now            (void);

G_END_DECLS
