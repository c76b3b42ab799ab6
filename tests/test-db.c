/* test-db.c: opening, refusing and migrating database files
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <signal.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ocop-test-db-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "ocop.db", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static gint64
query_int (OcopDb     *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = NULL;

  db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ocop_db_get_schema_version (db), ==, OCOP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, OCOP_DB_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'score_sheet'"), ==, 1);
  g_assert_cmpstr (ocop_db_get_path (db), ==, f->path);

  g_assert_true (_ocop_db_exec (db, "INSERT INTO council (name, level, regime, created_at)"
                                    " VALUES ('Hội đồng huyện', 'district', '148', '2026-01-01')",
                                "insert", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  /* Reopening finds the data and runs no migration again. */
  db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM council"), ==, 1);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
assert_refused_unchanged (Fixture     *f,
                          int          code,
                          const char  *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  OcopDb *db;

  db = ocop_db_open (f->path, &error);
  g_assert_null (db);
  g_assert_error (error, OCOP_DB_ERROR, code);
  /* The message names the file, so that the user knows which one. */
  g_assert_nonnull (strstr (error->message, f->path));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));

  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture       *f,
                       gconstpointer  data)
{
  write_file (f->path, "Tên sản phẩm,Chủ thể\nBánh chưng,HTX An Phú\n", -1);
  assert_refused_unchanged (f, OCOP_DB_ERROR_NOT_OURS, "SQLite");
}

static void
test_refuse_foreign_database (Fixture       *f,
                              gconstpointer  data)
{
  exec_raw (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a');");
  assert_refused_unchanged (f, OCOP_DB_ERROR_NOT_OURS, "another program");
}

static void
test_refuse_newer_schema (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          " CREATE TABLE future (x);",
                                          OCOP_DB_APPLICATION_ID, OCOP_DB_SCHEMA_VERSION + 1);

  exec_raw (f->path, sql);
  assert_refused_unchanged (f, OCOP_DB_ERROR_TOO_NEW, "newer version");
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* A real database of ours, then damage every page after the first one
   * (the header stays, so the file still looks like SQLite). */
  db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (_ocop_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE",
                                "checkpoint", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i += 7)
    contents[i] = (char) (i * 31);
  write_file (f->path, contents, len);

  assert_refused_unchanged (f, OCOP_DB_ERROR_CORRUPT, NULL);
}

static void
test_refuse_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  OcopDb *db;

  db = ocop_db_open (f->dir, &error);
  g_assert_null (db);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_OPEN);
}

static void
test_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);

  g_assert_no_error (error);

  /* Nested: the inner commit joins the outer one. */
  g_assert_true (ocop_db_begin (db, &error));
  g_assert_true (ocop_db_begin (db, &error));
  g_assert_true (_ocop_db_exec (db, "INSERT INTO council (name, level, regime, created_at)"
                                    " VALUES ('A', 'province', '1048', 'x')", "insert", &error));
  g_assert_true (ocop_db_commit (db, &error));
  g_assert_true (ocop_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM council"), ==, 1);

  /* An inner rollback undoes the whole action: the outer commit fails. */
  g_assert_true (ocop_db_begin (db, &error));
  g_assert_true (_ocop_db_exec (db, "INSERT INTO council (name, level, regime, created_at)"
                                    " VALUES ('B', 'province', '1048', 'x')", "insert", &error));
  g_assert_true (ocop_db_begin (db, &error));
  ocop_db_rollback (db);
  g_assert_false (ocop_db_commit (db, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM council"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
assert_refused (OcopDb     *db,
                const char *sql,
                int         code)
{
  g_autoptr(GError) error = NULL;

  if (_ocop_db_exec (db, sql, "change", &error))
    g_error ("not refused: %s", sql);
  g_assert_error (error, OCOP_DB_ERROR, code);
}

static void
test_constraints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);

  g_assert_no_error (error);

  g_assert_true (_ocop_db_exec (db,
    "INSERT INTO producer (id, name, subject_type, created_at, updated_at)"
    " VALUES (1, 'HTX Chè Tân Cương', 'cooperative', 'x', 'x');"
    "INSERT INTO council (id, name, level, regime, created_at) VALUES (1, 'HĐ', 'province', '148', 'x');"
    "INSERT INTO criteria_set (id, code, legal_basis, title, version, effective_from, total_max,"
    " spread_limit, recognised_min_stars, source_json, imported_at)"
    " VALUES (1, 't', 'QĐ', 'T', '1', '2023-02-24', 100, 10, 3, '{}', 'x');"
    "INSERT INTO criteria_sheet (id, set_id, code, name, ordinal) VALUES (1, 1, '01', 'S', 0);"
    "INSERT INTO criterion (id, sheet_id, part, code, name, max_points, leaf_index, ordinal)"
    " VALUES (1, 1, 'A', '1.1', 'Nguồn nguyên liệu', 3, 0, 0);",
    "setup", &error));
  g_assert_no_error (error);

  /* Ranges the model promises. */
  assert_refused (db, "INSERT INTO producer (name, subject_type, created_at, updated_at)"
                      " VALUES ('X', 'company', 'x', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO producer (name, subject_type, created_at, updated_at)"
                      " VALUES ('  ', 'household', 'x', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO product (name, product_set, producer_id, proposed_stars, created_at, updated_at)"
                      " VALUES ('Chè', '12', 1, 6, 'x', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO product (name, product_set, producer_id, created_at, updated_at)"
                      " VALUES ('Chè', '12', 99, 'x', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO product (code, name, product_set, producer_id, created_at, updated_at)"
                      " VALUES ('abc', 'Chè', '12', 1, 'x', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO meeting (council_id, set_id, date, created_at)"
                      " VALUES (1, 1, '2024-02-30', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO meeting (council_id, set_id, date, created_at)"
                      " VALUES (1, 1, '12/11/2024', 'x')", OCOP_DB_ERROR_CONSTRAINT);
  assert_refused (db, "INSERT INTO star_band (set_id, stars, min_score) VALUES (1, 6, 95)",
                  OCOP_DB_ERROR_CONSTRAINT);
  /* An option may not score above its criterion. */
  assert_refused (db, "INSERT INTO criterion_option (criterion_id, ordinal, label, points)"
                      " VALUES (1, 0, 'Trên 100%', 4)", OCOP_DB_ERROR_CONSTRAINT);
  g_assert_true (_ocop_db_exec (db, "INSERT INTO criterion_option (criterion_id, ordinal, label, points)"
                                    " VALUES (1, 0, 'Từ 75% đến 100%', 3)", "insert", &error));
  g_assert_no_error (error);
  g_assert_true (_ocop_db_exec (db, "INSERT INTO meeting (council_id, set_id, date, created_at)"
                                    " VALUES (1, 1, '2024-02-29', 'x')", "insert", &error));
  g_assert_no_error (error);

  /* The audit log is append-only. */
  g_assert_true (_ocop_db_exec (db, "INSERT INTO audit_log (entity, entity_id, action) VALUES ('x', '1', 'insert')",
                                "insert", &error));
  g_assert_no_error (error);
  assert_refused (db, "UPDATE audit_log SET actor = 'someone else'", OCOP_DB_ERROR_LOCKED);
  assert_refused (db, "DELETE FROM audit_log", OCOP_DB_ERROR_LOCKED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_actor_in_audit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  ocop_db_set_actor (db, "Nguyễn Thị Thư Ký");
  g_assert_cmpstr (ocop_db_get_actor (db), ==, "Nguyễn Thị Thư Ký");

  g_assert_true (_ocop_db_exec (db,
    "INSERT INTO producer (id, name, subject_type, created_at, updated_at) VALUES (1, 'P', 'household', 'x', 'x');"
    "INSERT INTO product (id, name, product_set, producer_id, created_at, updated_at) VALUES (1, 'Chè', '12', 1, 'x', 'x');"
    "INSERT INTO council (id, name, level, regime, created_at) VALUES (1, 'HĐ', 'province', '148', 'x');"
    "INSERT INTO member (id, council_id, name, role) VALUES (1, 1, 'Trần Văn B', 'member');"
    "INSERT INTO criteria_set (id, code, legal_basis, title, version, effective_from, total_max,"
    " spread_limit, recognised_min_stars, source_json, imported_at)"
    " VALUES (1, 't', 'QĐ', 'T', '1', '2023-02-24', 100, 10, 3, '{}', 'x');"
    "INSERT INTO criteria_sheet (id, set_id, code, name, ordinal) VALUES (1, 1, '12', 'S', 0);"
    "INSERT INTO meeting (id, council_id, set_id, date, created_at) VALUES (1, 1, 1, '2024-11-12', 'x');"
    "INSERT INTO score_sheet (meeting_id, member_id, product_id, sheet_id, updated_at) VALUES (1, 1, 1, 1, 'x');",
    "setup", &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (_ocop_db_get_handle (db),
                                       "SELECT actor, entity, action FROM audit_log", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Nguyễn Thị Thư Ký");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "score_sheet");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "insert");
  sqlite3_finalize (stmt);

  g_assert_finalize_object (g_steal_pointer (&db));
}

static char *
dump_query (sqlite3    *handle,
            const char *sql)
{
  g_autoptr(GString) str = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (str, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (str, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* tests/data/schema-v1.db: a whole finalised meeting (10 products, 7 members, 54 sheets,
 * a second round), written by the first released schema. Opening it migrates it to the
 * current schema and keeps every sheet, answer and result. */
static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *results_before = NULL;
  g_autofree char *results_after = NULL;
  g_autofree char *answers_before = NULL;
  g_autofree char *answers_after = NULL;
  static const char results_sql[] =
    "SELECT meeting_id, product_id, round, score, stars, outcome, spread, n_counted FROM result"
    " ORDER BY meeting_id, product_id, round";
  static const char answers_sql[] =
    "SELECT count(*), sum(o.points) FROM answer a JOIN criterion_option o ON o.id = a.option_id";
  gsize len = 0;
  sqlite3 *raw = NULL;

  g_file_get_contents (fixture, &contents, &len, &error);
  g_assert_no_error (error);
  write_file (f->path, contents, len);

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  results_before = dump_query (raw, results_sql);
  answers_before = dump_query (raw, answers_sql);
  sqlite3_close (raw);
  g_assert_cmpuint (strlen (results_before), >, 0);

  db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ocop_db_get_schema_version (db), ==, OCOP_DB_SCHEMA_VERSION);

  results_after = dump_query (_ocop_db_get_handle (db), results_sql);
  answers_after = dump_query (_ocop_db_get_handle (db), answers_sql);
  g_assert_cmpstr (results_after, ==, results_before);
  g_assert_cmpstr (answers_after, ==, answers_before);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM score_sheet"), ==, 54);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product"), ==, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM meeting WHERE state = 'finalised'"), ==, 1);

  /* Still locked after the migration. */
  g_assert_false (_ocop_db_exec (db, "DELETE FROM result", "delete", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);

  g_assert_finalize_object (g_steal_pointer (&db));
}

/* A member ticks, and the program is killed (SIGKILL: no exit handlers, no close):
 * every tick that returned is in the file when it is opened again. */
static void
test_kill_keeps_ticks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const int n_ticks = 12;

  if (g_test_subprocess ())
    {
      g_autoptr(OcopDb) db = NULL;
      g_autoptr(OcopCriteriaSet) set = NULL;
      g_autoptr(OcopProducer) producer = ocop_producer_new ();
      g_autoptr(OcopProduct) product = ocop_product_new ();
      g_autoptr(OcopCouncil) council = ocop_council_new ();
      g_autoptr(OcopMember) member = ocop_member_new ();
      g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
      g_autoptr(OcopScoreSheet) sheet = NULL;
      g_autofree char *criteria = g_build_filename (g_getenv ("OCOP_CRITERIA_DIR"), "qd-1048-2019.json", NULL);

      db = ocop_db_open (g_getenv ("OCOP_TEST_DB"), &error);
      g_assert_no_error (error);
      set = ocop_db_import_criteria_file (db, criteria, &error);
      g_assert_no_error (error);

      producer->name = g_strdup ("HTX Chè Tân Cương");
      producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
      g_assert_true (ocop_db_save_producer (db, producer, &error));
      product->name = g_strdup ("Chè đinh");
      product->product_set = g_strdup ("07");
      product->producer_id = producer->id;
      g_assert_true (ocop_db_save_product (db, product, &error));
      council->name = g_strdup ("Hội đồng");
      council->level = OCOP_LEVEL_PROVINCE;
      council->regime = OCOP_REGIME_1048;
      g_assert_true (ocop_db_save_council (db, council, &error));
      member->council_id = council->id;
      member->name = g_strdup ("Nguyễn Văn An");
      member->role = OCOP_ROLE_CHAIR;
      g_assert_true (ocop_db_add_member (db, member, &error));
      meeting->council_id = council->id;
      meeting->set_id = set->id;
      meeting->date = g_strdup ("2022-11-12");
      g_assert_true (ocop_db_save_meeting (db, meeting, &error));
      g_assert_true (ocop_db_add_agenda_item (db, meeting->id, product->id, &error));
      g_assert_true (ocop_db_set_attendance (db, meeting->id, member->id, TRUE, &error));
      g_assert_no_error (error);

      sheet = ocop_db_open_score_sheet (db, meeting->id, member->id, product->id, 0, &error);
      g_assert_no_error (error);
      for (int i = 0; i < n_ticks; i++)
        {
          g_assert_true (ocop_db_tick (db, sheet->id, i, 0, &error));
          g_assert_no_error (error);
        }

      raise (SIGKILL);
      return;
    }

  dir = g_dir_make_tmp ("ocop-test-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "ocop.db", NULL);
  g_setenv ("OCOP_TEST_DB", path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  {
    g_autoptr(OcopDb) db = ocop_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM answer"), ==, n_ticks);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM score_sheet WHERE total > 0"), ==, 1);
    g_assert_finalize_object (g_steal_pointer (&db));
  }

  remove_tree (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = ocop_db_get_default_path ();

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/org.example.Ocop/ocop.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ocop/db/open/new-file", Fixture, NULL, fixture_set_up, test_open_new, fixture_tear_down);
  g_test_add ("/ocop/db/open/refuse-text-file", Fixture, NULL, fixture_set_up, test_refuse_text_file, fixture_tear_down);
  g_test_add ("/ocop/db/open/refuse-foreign", Fixture, NULL, fixture_set_up, test_refuse_foreign_database, fixture_tear_down);
  g_test_add ("/ocop/db/open/refuse-newer", Fixture, NULL, fixture_set_up, test_refuse_newer_schema, fixture_tear_down);
  g_test_add ("/ocop/db/open/refuse-corrupt", Fixture, NULL, fixture_set_up, test_refuse_corrupt, fixture_tear_down);
  g_test_add ("/ocop/db/open/refuse-folder", Fixture, NULL, fixture_set_up, test_refuse_folder, fixture_tear_down);
  g_test_add ("/ocop/db/migrations/v1-to-current", Fixture, NULL, fixture_set_up, test_migrate_v1, fixture_tear_down);
  g_test_add_func ("/ocop/db/transactions", test_transactions);
  g_test_add_func ("/ocop/db/constraints", test_constraints);
  g_test_add_func ("/ocop/db/audit-actor", test_actor_in_audit);
  g_test_add_func ("/ocop/db/default-path", test_default_path);
  g_test_add_func ("/ocop/db/kill-keeps-ticks", test_kill_keeps_ticks);

  return g_test_run ();
}
