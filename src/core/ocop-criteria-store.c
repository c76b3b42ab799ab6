/* ocop-criteria-store.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A criteria set is stored twice on purpose: the JSON it came from (the snapshot
 * that councils scored on, read back through the same loader and validator), and its
 * sheets, criteria and options as rows, so that answers reference real rows with
 * foreign keys and statistics can join on them.
 */

#define G_LOG_DOMAIN "ocop-criteria-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-criteria-store.h"
#include "ocop-db-private.h"

void
ocop_criteria_set_info_free (OcopCriteriaSetInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->code);
  g_free (info->legal_basis);
  g_free (info->title);
  g_free (info->version);
  g_free (info->effective_from);
  g_free (info->effective_to);
  g_free (info);
}

static gboolean
insert_criterion (OcopDb              *db,
                  gint64               sheet_id,
                  gint64               parent_id,
                  const OcopCriterion *criterion,
                  guint               *ordinal,
                  GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _ocop_db_prepare (db,
                           "INSERT INTO criterion (sheet_id, parent_id, part, code, name, max_points,"
                           " leaf_index, ordinal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sheet_id);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  _ocop_db_bind_text (stmt, 3, criterion->part->code);
  _ocop_db_bind_text (stmt, 4, criterion->code);
  _ocop_db_bind_text (stmt, 5, criterion->name);
  sqlite3_bind_double (stmt, 6, criterion->max);
  if (criterion->leaf_index >= 0)
    sqlite3_bind_int (stmt, 7, criterion->leaf_index);
  sqlite3_bind_int (stmt, 8, (*ordinal)++);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store a criterion"), error))
    return FALSE;

  id = _ocop_db_last_insert_id (db);

  for (guint i = 0; i < criterion->options->len; i++)
    {
      const OcopOption *option = g_ptr_array_index (criterion->options, i);

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO criterion_option (criterion_id, ordinal, label, points)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      _ocop_db_bind_text (stmt, 3, option->label);
      sqlite3_bind_double (stmt, 4, option->points);

      if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store an option"), error))
        return FALSE;
    }

  for (guint i = 0; i < criterion->children->len; i++)
    {
      if (!insert_criterion (db, sheet_id, id, g_ptr_array_index (criterion->children, i),
                             ordinal, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_set (OcopDb          *db,
            OcopCriteriaSet *set,
            const char      *json,
            GError         **error)
{
  g_autofree char *now = _ocop_db_now ();
  sqlite3_stmt *stmt;
  gint64 set_id;

  stmt = _ocop_db_prepare (db, "SELECT 1 FROM criteria_set WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _ocop_db_bind_text (stmt, 1, set->code);
  switch (_ocop_db_step (db, stmt, _("Failed to read criteria sets"), error))
    {
    case OCOP_DB_STEP_ROW:
      sqlite3_reset (stmt);
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT,
                   /* Translators: %s is the code of a criteria set, e.g. qd-1048-2019 */
                   _("A criteria set with the code “%s” is already in the database; "
                     "stored sets are never changed. Give the new set another code."),
                   set->code);
      return FALSE;
    case OCOP_DB_STEP_ERROR:
      return FALSE;
    case OCOP_DB_STEP_DONE:
    default:
      sqlite3_reset (stmt);
      break;
    }

  stmt = _ocop_db_prepare (db,
                           "INSERT INTO criteria_set (code, legal_basis, title, version, effective_from,"
                           " effective_to, total_max, spread_limit, recognised_min_stars, source_json,"
                           " imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, set->code);
  _ocop_db_bind_text (stmt, 2, set->legal_basis);
  _ocop_db_bind_text (stmt, 3, set->title);
  _ocop_db_bind_text (stmt, 4, set->version);
  _ocop_db_bind_text (stmt, 5, set->effective_from);
  _ocop_db_bind_text (stmt, 6, set->effective_to);
  sqlite3_bind_double (stmt, 7, set->total_max);
  sqlite3_bind_double (stmt, 8, set->spread_limit);
  sqlite3_bind_int (stmt, 9, set->recognised_min_stars);
  _ocop_db_bind_text (stmt, 10, json);
  _ocop_db_bind_text (stmt, 11, now);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store the criteria set"), error))
    return FALSE;

  set_id = _ocop_db_last_insert_id (db);

  for (guint i = 0; i < set->bands->len; i++)
    {
      const OcopStarBand *band = &g_array_index (set->bands, OcopStarBand, i);

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO star_band (set_id, stars, min_score, description)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, set_id);
      sqlite3_bind_int (stmt, 2, band->stars);
      sqlite3_bind_double (stmt, 3, band->min_score);
      _ocop_db_bind_text (stmt, 4, band->description);
      if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store a star band"), error))
        return FALSE;
    }

  for (guint i = 0; i < set->sheets->len; i++)
    {
      const OcopSheet *sheet = g_ptr_array_index (set->sheets, i);
      guint ordinal = 0;
      gint64 sheet_id;

      stmt = _ocop_db_prepare (db,
                               "INSERT INTO criteria_sheet (set_id, code, name, ordinal)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, set_id);
      _ocop_db_bind_text (stmt, 2, sheet->code);
      _ocop_db_bind_text (stmt, 3, sheet->name);
      sqlite3_bind_int (stmt, 4, i);
      if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store a criteria sheet"), error))
        return FALSE;

      sheet_id = _ocop_db_last_insert_id (db);

      for (guint p = 0; p < sheet->parts->len; p++)
        {
          const OcopPart *part = g_ptr_array_index (sheet->parts, p);

          for (guint s = 0; s < part->sections->len; s++)
            {
              const OcopSection *section = g_ptr_array_index (part->sections, s);

              for (guint c = 0; c < section->criteria->len; c++)
                {
                  if (!insert_criterion (db, sheet_id, 0, g_ptr_array_index (section->criteria, c),
                                         &ordinal, error))
                    return FALSE;
                }
            }
        }
    }

  set->id = set_id;

  return TRUE;
}

gboolean
ocop_db_import_criteria_set (OcopDb           *db,
                             OcopCriteriaSet  *set,
                             GError          **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (set != NULL, FALSE);

  if (!ocop_criteria_set_validate (set, set->code, error))
    return FALSE;

  json = ocop_criteria_set_to_json (set);

  if (!ocop_db_begin (db, error))
    return FALSE;

  if (!insert_set (db, set, json, &local_error))
    {
      ocop_db_rollback (db);
      set->id = 0;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!ocop_db_commit (db, error))
    {
      set->id = 0;
      return FALSE;
    }

  g_hash_table_insert (_ocop_db_get_criteria_cache (db), g_memdup2 (&set->id, sizeof set->id),
                       ocop_criteria_set_ref (set));

  return TRUE;
}

OcopCriteriaSet *
ocop_db_import_criteria_file (OcopDb      *db,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(OcopCriteriaSet) set = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  set = ocop_criteria_set_load_file (path, error);
  if (set == NULL)
    return NULL;

  if (!ocop_db_import_criteria_set (db, set, error))
    return NULL;

  return g_steal_pointer (&set);
}

GPtrArray *
ocop_db_list_criteria_sets (OcopDb  *db,
                            GError **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db,
                           "SELECT s.id, s.code, s.legal_basis, s.title, s.version, s.effective_from,"
                           " s.effective_to, (SELECT count(*) FROM criteria_sheet WHERE set_id = s.id)"
                           " FROM criteria_set s ORDER BY s.effective_from DESC, s.code",
                           error);
  if (stmt == NULL)
    return NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_criteria_set_info_free);

  while ((step = _ocop_db_step (db, stmt, _("Failed to list criteria sets"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopCriteriaSetInfo *info = g_new0 (OcopCriteriaSetInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = _ocop_db_column_dup (stmt, 1);
      info->legal_basis = _ocop_db_column_dup (stmt, 2);
      info->title = _ocop_db_column_dup (stmt, 3);
      info->version = _ocop_db_column_dup (stmt, 4);
      info->effective_from = _ocop_db_column_dup (stmt, 5);
      info->effective_to = _ocop_db_column_dup (stmt, 6);
      info->n_sheets = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (infos, info);
    }

  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&infos);
}

static OcopCriteriaSet *
load_set (OcopDb      *db,
          const char  *sql,
          gint64       id,
          const char  *code,
          GError     **error)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  OcopCriteriaSet *cached;
  gint64 set_id;

  if (code == NULL && (cached = g_hash_table_lookup (_ocop_db_get_criteria_cache (db), &id)))
    return ocop_criteria_set_ref (cached);

  stmt = _ocop_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (code != NULL)
    _ocop_db_bind_text (stmt, 1, code);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  switch (_ocop_db_step (db, stmt, _("Failed to read a criteria set"), error))
    {
    case OCOP_DB_STEP_ROW:
      break;
    case OCOP_DB_STEP_DONE:
      sqlite3_reset (stmt);
      if (code != NULL)
        g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                     /* Translators: %s is the code of a criteria set */
                     _("There is no criteria set “%s” in the database"), code);
      else
        g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                     /* Translators: %d is a number */
                     _("There is no criteria set number %d in the database"), (int) id);
      return NULL;
    case OCOP_DB_STEP_ERROR:
    default:
      return NULL;
    }

  set_id = sqlite3_column_int64 (stmt, 0);
  json = _ocop_db_column_dup (stmt, 1);
  name = _ocop_db_column_dup (stmt, 2);
  sqlite3_reset (stmt);

  if ((cached = g_hash_table_lookup (_ocop_db_get_criteria_cache (db), &set_id)))
    return ocop_criteria_set_ref (cached);

  set = ocop_criteria_set_load_data (json, -1, name, error);
  if (set == NULL)
    return NULL;

  set->id = set_id;
  g_hash_table_insert (_ocop_db_get_criteria_cache (db), g_memdup2 (&set_id, sizeof set_id),
                       ocop_criteria_set_ref (set));

  return g_steal_pointer (&set);
}

OcopCriteriaSet *
ocop_db_load_criteria_set (OcopDb  *db,
                           gint64   id,
                           GError **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return load_set (db, "SELECT id, source_json, code FROM criteria_set WHERE id = ?1", id, NULL, error);
}

OcopCriteriaSet *
ocop_db_load_criteria_set_by_code (OcopDb      *db,
                                   const char  *code,
                                   GError     **error)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return load_set (db, "SELECT id, source_json, code FROM criteria_set WHERE code = ?1", 0, code, error);
}

gboolean
ocop_db_lookup_option (OcopDb      *db,
                       gint64       set_id,
                       const char  *sheet_code,
                       int          leaf_index,
                       int          option,
                       gint64      *criterion_id,
                       gint64      *option_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  stmt = _ocop_db_prepare (db,
                           "SELECT c.id, o.id FROM criteria_sheet s"
                           " JOIN criterion c ON c.sheet_id = s.id AND c.leaf_index = ?3"
                           " LEFT JOIN criterion_option o ON o.criterion_id = c.id AND o.ordinal = ?4"
                           " WHERE s.set_id = ?1 AND s.code = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, set_id);
  _ocop_db_bind_text (stmt, 2, sheet_code);
  sqlite3_bind_int (stmt, 3, leaf_index);
  sqlite3_bind_int (stmt, 4, option);

  step = _ocop_db_step (db, stmt, _("Failed to look up an option"), error);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  if (step == OCOP_DB_STEP_DONE || sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      sqlite3_reset (stmt);
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                   /* Translators: sheet code, then criterion and option numbers */
                   _("Sheet %s has no criterion %d with an option %d"),
                   sheet_code, leaf_index + 1, option + 1);
      return FALSE;
    }

  if (criterion_id != NULL)
    *criterion_id = sqlite3_column_int64 (stmt, 0);
  if (option_id != NULL)
    *option_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
set_code_stored (OcopDb      *db,
                 const char  *code,
                 gboolean    *stored,
                 GError     **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT 1 FROM criteria_set WHERE code = ?1", error);
  OcopDbStep step;

  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, code);
  step = _ocop_db_step (db, stmt, _("Failed to read criteria sets"), error);
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  *stored = (step == OCOP_DB_STEP_ROW);

  return TRUE;
}

int
ocop_db_import_bundled_criteria (OcopDb      *db,
                                 const char  *dir,
                                 GError     **error)
{
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  int n_imported = 0;

  g_return_val_if_fail (OCOP_IS_DB (db), -1);
  g_return_val_if_fail (dir != NULL, -1);

  gdir = g_dir_open (dir, 0, error);
  if (gdir == NULL)
    return -1;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(OcopCriteriaSet) set = ocop_criteria_set_load_file (path, error);
      gboolean stored = FALSE;

      if (set == NULL)
        return -1;

      if (!set_code_stored (db, set->code, &stored, error))
        return -1;

      if (stored)
        continue;

      if (!ocop_db_import_criteria_set (db, set, error))
        return -1;

      n_imported++;
    }

  return n_imported;
}

char *
ocop_criteria_get_bundled_dir (void)
{
  const char *env = g_getenv ("OCOP_CRITERIA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* Installed copy first; the source tree when run uninstalled from a build folder. */
  if (g_file_test (PKGDATADIR "/criteria", G_FILE_TEST_IS_DIR))
    return g_strdup (PKGDATADIR "/criteria");

  return g_strdup (OCOP_SOURCE_CRITERIA_DIR);
}
