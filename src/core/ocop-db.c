/* ocop-db.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-db"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ocop-criteria.h"
#include "ocop-db-private.h"

struct _OcopDb
{
  GObject      parent_instance;

  sqlite3     *handle;
  char        *path;
  char        *actor;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt*, owned */
  GHashTable  *criteria;     /* gint64 id → OcopCriteriaSet*, owned */
  guint        depth;        /* nested ocop_db_begin () calls */
  guint        rollback_only : 1;
};

G_DEFINE_FINAL_TYPE (OcopDb, ocop_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (ocop-db-error-quark, ocop_db_error)

/* Files larger than this skip the full quick_check on open: reading every page of a
 * national register would block start-up; SQLite still reports corruption when it
 * meets a bad page. */
#define QUICK_CHECK_MAX_SIZE (16 * 1024 * 1024)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ocop_db_finalize (GObject *object)
{
  OcopDb *self = (OcopDb *)object;

  g_clear_pointer (&self->criteria, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (ocop_db_parent_class)->finalize (object);
}

static void
ocop_db_class_init (OcopDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ocop_db_finalize;
}

static void
ocop_db_init (OcopDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->criteria = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) ocop_criteria_set_unref);
}

GHashTable *
_ocop_db_get_criteria_cache (OcopDb *self)
{
  g_assert (OCOP_IS_DB (self));

  return self->criteria;
}

char *
_ocop_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
ocop_db_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), OCOP_ID, "ocop.db", NULL);
}

const char *
ocop_db_get_path (OcopDb *self)
{
  g_return_val_if_fail (OCOP_IS_DB (self), NULL);

  return self->path;
}

sqlite3 *
_ocop_db_get_handle (OcopDb *self)
{
  g_assert (OCOP_IS_DB (self));

  return self->handle;
}

void
_ocop_db_set_error (OcopDb      *self,
                    GError     **error,
                    const char  *what)
{
  const char *msg = sqlite3_errmsg (self->handle);
  int code = sqlite3_extended_errcode (self->handle);
  OcopDbError kind = OCOP_DB_ERROR_FAILED;

  if (g_str_has_prefix (msg, "locked: "))
    {
      kind = OCOP_DB_ERROR_LOCKED;
      msg += strlen ("locked: ");
    }
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    kind = OCOP_DB_ERROR_CONSTRAINT;
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    kind = OCOP_DB_ERROR_CORRUPT;

  /* Translators: the first %s says what was being done ("Failed to insert product"),
   * the second is the database's own message */
  g_set_error (error, OCOP_DB_ERROR, kind, _("%s: %s"), what, msg);
}

gboolean
_ocop_db_exec (OcopDb      *self,
               const char  *sql,
               const char  *what,
               GError     **error)
{
  g_assert (OCOP_IS_DB (self));

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _ocop_db_set_error (self, error, what);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_ocop_db_prepare (OcopDb      *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (OCOP_IS_DB (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      /* A programmer error in our own SQL, or a database that is not ours. */
      _ocop_db_set_error (self, error, _("Failed to prepare a query"));
      g_warning ("Failed to prepare “%s”: %s", sql, sqlite3_errmsg (self->handle));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

OcopDbStep
_ocop_db_step (OcopDb        *self,
               sqlite3_stmt  *stmt,
               const char    *what,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return OCOP_DB_STEP_ROW;

  if (rc == SQLITE_DONE)
    return OCOP_DB_STEP_DONE;

  _ocop_db_set_error (self, error, what);
  sqlite3_reset (stmt);

  return OCOP_DB_STEP_ERROR;
}

gboolean
_ocop_db_exec_stmt (OcopDb        *self,
                    sqlite3_stmt  *stmt,
                    const char    *what,
                    GError       **error)
{
  OcopDbStep step = _ocop_db_step (self, stmt, what, error);

  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

void
_ocop_db_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

char *
_ocop_db_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  text = sqlite3_column_text (stmt, column);

  return g_strdup ((const char *) text);
}

GPtrArray *
_ocop_db_collect (OcopDb         *self,
                  sqlite3_stmt   *stmt,
                  OcopDbRowFunc   from_row,
                  GDestroyNotify  free_func,
                  const char     *what,
                  GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  OcopDbStep step;

  while ((step = _ocop_db_step (self, stmt, what, error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (items, from_row (stmt));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

gpointer
_ocop_db_collect_one (OcopDb         *self,
                      sqlite3_stmt   *stmt,
                      OcopDbRowFunc   from_row,
                      const char     *what,
                      const char     *not_found,
                      GError        **error)
{
  gpointer item = NULL;

  switch (_ocop_db_step (self, stmt, what, error))
    {
    case OCOP_DB_STEP_ROW:
      item = from_row (stmt);
      break;
    case OCOP_DB_STEP_DONE:
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND, not_found);
      break;
    case OCOP_DB_STEP_ERROR:
    default:
      break;
    }
  sqlite3_reset (stmt);

  return item;
}

gint64
_ocop_db_last_insert_id (OcopDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

static gboolean
query_int (OcopDb      *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ret = FALSE;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    goto out;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto out;

  *value = sqlite3_column_int64 (stmt, 0);
  ret = TRUE;

out:
  if (!ret)
    _ocop_db_set_error (self, error, _("Failed to read the database"));
  sqlite3_finalize (stmt);

  return ret;
}

static gboolean
file_has_sqlite_header (const char  *path,
                        gboolean    *empty,
                        goffset     *size,
                        GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char buf[16];
  FILE *fp;
  size_t n;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_OPEN,
                   /* Translators: %s is a file name, then the system's reason */
                   _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = fread (buf, 1, sizeof buf, fp);
  fseek (fp, 0, SEEK_END);
  *size = ftell (fp);
  fclose (fp);

  *empty = (*size == 0);
  if (*empty)
    return TRUE;

  if (n < sizeof buf || memcmp (buf, magic, sizeof magic) != 0)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_OURS,
                   /* Translators: %s is a file name */
                   _("“%s” is not an OCOP Council database (it is not an SQLite file)"), path);
      return FALSE;
    }

  return TRUE;
}

/* Checks a file that already exists before anything is written to it. */
static gboolean
check_existing (OcopDb      *self,
                goffset      size,
                GError     **error)
{
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    {
      if (error != NULL && *error != NULL && (*error)->code == OCOP_DB_ERROR_CORRUPT)
        {
          g_autofree char *detail = g_strdup ((*error)->message);

          g_clear_error (error);
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CORRUPT,
                       /* Translators: %1$s is a file name, %2$s the database's own message */
                       _("“%1$s” is damaged and was not changed: %2$s"), self->path, detail);
        }
      return FALSE;
    }

  if (app_id != OCOP_DB_APPLICATION_ID && !(app_id == 0 && n_tables == 0))
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_OURS,
                   /* Translators: %s is a file name */
                   _("“%s” is a database of another program, not of OCOP Council"), self->path);
      return FALSE;
    }

  if (version > OCOP_DB_SCHEMA_VERSION)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are schema versions */
                   _("“%s” was written by a newer version of OCOP Council (schema %d; this version reads up to %d). "
                     "Update OCOP Council to open it."),
                   self->path, (int) version, OCOP_DB_SCHEMA_VERSION);
      return FALSE;
    }

  if (size <= QUICK_CHECK_MAX_SIZE)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean ok = FALSE;
      g_autofree char *detail = NULL;

      if (sqlite3_prepare_v2 (self->handle, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *res = (const char *) sqlite3_column_text (stmt, 0);

          ok = g_strcmp0 (res, "ok") == 0;
          detail = g_strdup (res);
        }
      else
        detail = g_strdup (sqlite3_errmsg (self->handle));
      sqlite3_finalize (stmt);

      if (!ok)
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CORRUPT,
                       /* Translators: %s is a file name, then the integrity check's words */
                       _("“%s” is damaged and was not changed: %s"), self->path, detail);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
migrate (OcopDb  *self,
         GError **error)
{
  const OcopDbMigration *steps;
  guint n_steps;
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  steps = _ocop_db_get_migrations (&n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *pragmas = NULL;
      g_autoptr(GError) local_error = NULL;

      if (steps[i].version <= version)
        continue;

      pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 steps[i].version, OCOP_DB_APPLICATION_ID);

      if (!_ocop_db_exec (self, "BEGIN IMMEDIATE", _("Failed to start a migration"), &local_error) ||
          !_ocop_db_exec (self, steps[i].sql, _("Failed to migrate the database"), &local_error) ||
          !_ocop_db_exec (self, pragmas, _("Failed to migrate the database"), &local_error) ||
          !_ocop_db_exec (self, "COMMIT", _("Failed to migrate the database"), &local_error))
        {
          sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_MIGRATION,
                       /* Translators: %d is a schema version, %s the reason */
                       _("Failed to bring the database to schema %d; nothing was changed: %s"),
                       steps[i].version, local_error->message);
          return FALSE;
        }

      version = steps[i].version;
    }

  return TRUE;
}

OcopDb *
ocop_db_open (const char  *path,
              GError     **error)
{
  g_autoptr(OcopDb) self = NULL;
  gboolean in_memory;
  gboolean exists = FALSE;
  gboolean empty = TRUE;
  goffset size = 0;
  int flags = SQLITE_OPEN_READWRITE;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (OCOP_TYPE_DB, NULL);
  self->path = g_strdup (path);
  in_memory = g_str_equal (path, ":memory:");

  if (!in_memory)
    {
      exists = g_file_test (path, G_FILE_TEST_EXISTS);
      if (exists)
        {
          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            {
              g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_OPEN,
                           /* Translators: %s is a folder's path */
                           _("“%s” is a folder, not a database file"), path);
              return NULL;
            }
          if (!file_has_sqlite_header (path, &empty, &size, error))
            return NULL;
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (path);

          if (g_mkdir_with_parents (dir, 0700) != 0)
            {
              int saved_errno = errno;

              g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_OPEN,
                           /* Translators: %1$s is a folder's path, %2$s the system's reason */
                           _("Cannot create the folder “%1$s”: %2$s"), dir, g_strerror (saved_errno));
              return NULL;
            }
          flags |= SQLITE_OPEN_CREATE;
        }
    }
  else
    flags |= SQLITE_OPEN_CREATE;

  if (sqlite3_open_v2 (path, &self->handle, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  if (exists && !empty && !check_existing (self, size, error))
    return NULL;

  if (!_ocop_db_exec (self, "PRAGMA foreign_keys = ON", _("Failed to configure the database"), error) ||
      (!in_memory &&
       !_ocop_db_exec (self, "PRAGMA journal_mode = WAL", _("Failed to configure the database"), error)) ||
      /* FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut,
       * and a tick that the form showed as stored must survive one. It costs one
       * fsync per commit (see tests/bench). */
      !_ocop_db_exec (self, "PRAGMA synchronous = FULL", _("Failed to configure the database"), error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

int
ocop_db_get_schema_version (OcopDb *self)
{
  gint64 version = 0;

  g_return_val_if_fail (OCOP_IS_DB (self), 0);

  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return 0;

  return (int) version;
}

gboolean
ocop_db_begin (OcopDb  *self,
               GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (self), FALSE);

  if (self->depth == 0)
    {
      if (!_ocop_db_exec (self, "BEGIN IMMEDIATE", _("Failed to start a transaction"), error))
        return FALSE;
      self->rollback_only = FALSE;
    }

  self->depth++;

  return TRUE;
}

gboolean
ocop_db_commit (OcopDb  *self,
                GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;
  if (self->depth > 0)
    return TRUE;

  if (self->rollback_only)
    {
      sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      self->rollback_only = FALSE;
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_FAILED,
                           _("The change was undone because a part of it failed"));
      return FALSE;
    }

  if (!_ocop_db_exec (self, "COMMIT", _("Failed to save the change"), error))
    {
      sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

void
ocop_db_rollback (OcopDb *self)
{
  g_return_if_fail (OCOP_IS_DB (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth > 0)
    {
      self->rollback_only = TRUE;
      return;
    }

  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->rollback_only = FALSE;
}

void
ocop_db_set_actor (OcopDb     *self,
                   const char *actor)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (OCOP_IS_DB (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);

  stmt = _ocop_db_prepare (self, "UPDATE session_actor SET actor = ?1 WHERE id = 1", NULL);
  if (stmt == NULL)
    return;
  _ocop_db_bind_text (stmt, 1, actor);
  _ocop_db_exec_stmt (self, stmt, _("Failed to record who is acting"), NULL);
}

const char *
ocop_db_get_actor (OcopDb *self)
{
  g_return_val_if_fail (OCOP_IS_DB (self), NULL);

  return self->actor;
}
