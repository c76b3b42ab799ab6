/* test-scoring.c: score sheets, ticks, results, rounds, finalising and the locks
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture set (tests/data/council-set.json) has two sheets, 01 and 02, with four
 * leaves each:
 *   leaf 0: 1.1 (part A) options 0, 5, 10, 15
 *   leaf 1: 1.2 (part A) options 0, 10, 20   (sheet 02: a stop_if rule)
 *   leaf 2: 2.1 (part B) options 0, 5, 15, 25
 *   leaf 3: 3.1 (part C) options 0, 10, 20, 30, 40
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"

enum { CHAIR, VICE, MEMBER, SECRETARY, ADVISORY, N_MEMBERS };

typedef struct
{
  char            *dir;
  char            *path;
  OcopDb          *db;
  OcopCriteriaSet *set;
  gint64           council_id;
  gint64           members[N_MEMBERS];
  gint64           products[2];   /* sheet 01, sheet 02 */
  gint64           meeting_id;
} Fixture;

/* Option indices giving these totals (A, B, C):
 * 80 = 15+20 | 15 | 30;  75 = 10+20 | 15 | 30;  70 = 5+20 | 15 | 30. */
static const int T80[] = { 3, 2, 2, 3 };
static const int T75[] = { 2, 2, 2, 3 };
static const int T70[] = { 1, 2, 2, 3 };
static const int T65[] = { 0, 2, 2, 3 };
/* 50 = 15+10 | 5 | 20;  60 = 15+10 | 15 | 20;  55 = 15+20 | 0 | 20. */
static const int T50[] = { 3, 1, 1, 2 };
static const int T60[] = { 3, 1, 2, 2 };
static const int T55[] = { 3, 2, 0, 2 };

static gint64
add_member (OcopDb     *db,
            gint64      council_id,
            const char *name,
            OcopRole    role)
{
  g_autoptr(OcopMember) member = ocop_member_new ();
  g_autoptr(GError) error = NULL;

  member->council_id = council_id;
  member->name = g_strdup (name);
  member->role = role;
  g_assert_true (ocop_db_add_member (db, member, &error));
  g_assert_no_error (error);

  return member->id;
}

static gint64
add_product (OcopDb     *db,
             gint64      producer_id,
             const char *name,
             const char *product_set)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(GError) error = NULL;

  product->name = g_strdup (name);
  product->product_set = g_strdup (product_set);
  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  return product->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autofree char *set_path = g_test_build_filename (G_TEST_DIST, "data", "council-set.json", NULL);

  /* A real file: ticks must survive closing it. */
  f->dir = g_dir_make_tmp ("ocop-test-scoring-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ocop.db", NULL);
  f->db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);

  f->set = ocop_db_import_criteria_file (f->db, set_path, &error);
  g_assert_no_error (error);

  producer->name = g_strdup ("Hợp tác xã Chè Tân Cương");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  g_assert_no_error (error);
  f->products[0] = add_product (f->db, producer->id, "Chè xanh Tân Cương", "01");
  f->products[1] = add_product (f->db, producer->id, "Trứng gà ri", "02");

  council->name = g_strdup ("Hội đồng OCOP tỉnh Thái Nguyên");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_148_1489;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  f->council_id = council->id;

  f->members[CHAIR] = add_member (f->db, f->council_id, "Nguyễn Văn An", OCOP_ROLE_CHAIR);
  f->members[VICE] = add_member (f->db, f->council_id, "Trần Thị Bình", OCOP_ROLE_VICE_CHAIR);
  f->members[MEMBER] = add_member (f->db, f->council_id, "Lê Văn Cường", OCOP_ROLE_MEMBER);
  f->members[SECRETARY] = add_member (f->db, f->council_id, "Phạm Thị Dung", OCOP_ROLE_SECRETARY);
  f->members[ADVISORY] = add_member (f->db, f->council_id, "Hoàng Văn Em", OCOP_ROLE_ADVISORY);

  meeting->council_id = f->council_id;
  meeting->set_id = f->set->id;
  meeting->date = g_strdup ("2025-09-12");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  f->meeting_id = meeting->id;

  for (guint i = 0; i < G_N_ELEMENTS (f->products); i++)
    g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[i], &error));
  for (guint i = 0; i < N_MEMBERS; i++)
    g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[i], TRUE, &error));
  g_assert_true (ocop_db_set_meeting_state (f->db, f->meeting_id, OCOP_MEETING_SCORING, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_pointer (&f->set, ocop_criteria_set_unref);
  if (f->db != NULL)
    g_assert_finalize_object (f->db);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_secretary_scores (Fixture  *f,
                      gboolean  scores)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_db_get_council (f->db, f->council_id, &error);

  g_assert_no_error (error);
  council->secretary_scores = scores;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
}

static gint64
open_sheet (Fixture *f,
            int      member,
            int      product)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[member],
                                                              f->products[product], 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  return sheet->id;
}

static void
fill (OcopDb    *db,
      gint64     sheet_id,
      const int  options[4])
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 4; i++)
    {
      g_assert_true (ocop_db_tick (db, sheet_id, i, options[i], &error));
      g_assert_no_error (error);
    }
}

/* Opens, fills and submits a sheet; returns its id. */
static gint64
score (Fixture   *f,
       int        member,
       int        product,
       const int  options[4])
{
  g_autoptr(GError) error = NULL;
  gint64 id = open_sheet (f, member, product);

  fill (f->db, id, options);
  g_assert_true (ocop_db_submit_sheet (f->db, id, &error));
  g_assert_no_error (error);

  return id;
}

static guint
count_rows (OcopDb     *db,
            const char *sql,
            gint64      a,
            gint64      b)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, &error);
  guint n;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  g_assert_cmpint (_ocop_db_step (db, stmt, "count", &error), ==, OCOP_DB_STEP_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

#define ASSERT_FAILS(call, code) G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, OCOP_DB_ERROR, code); \
    g_clear_error (&error); \
  } G_STMT_END

/* ---- opening sheets ---- */

static void
test_open_sheet (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  g_autoptr(OcopScoreSheet) again = NULL;
  g_autoptr(OcopProducer) producer = NULL;
  gint64 off_agenda;

  sheet = ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[VICE], f->products[0], 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_DRAFT);
  g_assert_cmpint (sheet->round, ==, 1);
  g_assert_cmpstr (sheet->sheet_code, ==, "01");
  g_assert_cmpuint (sheet->n_options, ==, 4);
  for (guint i = 0; i < sheet->n_options; i++)
    g_assert_cmpint (sheet->options[i], ==, -1);
  g_assert_nonnull (sheet->stop_conditions);
  g_assert_null (sheet->stop_conditions[0]);
  g_assert_cmpfloat (sheet->total, ==, 0);

  /* Opening again gives the same sheet. */
  again = ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[VICE], f->products[0], 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, sheet->id);

  /* Absent. */
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[MEMBER], FALSE, &error));
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[MEMBER], f->products[0], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not recorded as present"));
  g_clear_error (&error);

  /* Recused. */
  g_assert_true (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[CHAIR], f->products[1],
                                           "Con gái là giám đốc hợp tác xã", &error));
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[CHAIR], f->products[1], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "conflict of interest"));
  g_clear_error (&error);

  /* Secretary and advisory team do not score by default. */
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[SECRETARY], f->products[0], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not score"));
  g_clear_error (&error);
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[ADVISORY], f->products[0], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Not the current round. */
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[CHAIR], f->products[0], 2, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Round:"));
  g_clear_error (&error);

  /* Not on the agenda. */
  producer = ocop_db_get_producer (f->db, 1, &error);
  g_assert_no_error (error);
  off_agenda = add_product (f->db, producer->id, "Mật ong", "01");
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[CHAIR], off_agenda, 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agenda"));
  g_clear_error (&error);

  /* No sheet was created by the refusals. */
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM score_sheet WHERE meeting_id = ?1",
                                f->meeting_id, 0), ==, 1);
}

/* ---- ticks ---- */

static void
test_tick (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  OcopSheetScore result = { 0 };
  gint64 id = open_sheet (f, CHAIR, 0);

  g_assert_true (ocop_db_tick (f->db, id, 0, 2, &error));   /* 10 */
  g_assert_true (ocop_db_tick (f->db, id, 3, 4, &error));   /* 40 */
  g_assert_no_error (error);

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->options[0], ==, 2);
  g_assert_cmpint (sheet->options[1], ==, -1);
  g_assert_cmpint (sheet->options[3], ==, 4);
  g_assert_cmpfloat_with_epsilon (sheet->total, 50.0, 1e-9);
  g_clear_pointer (&sheet, ocop_score_sheet_free);

  /* Another option for the same criterion replaces the first. */
  g_assert_true (ocop_db_tick (f->db, id, 0, 3, &error));   /* 15 */
  g_assert_true (ocop_db_clear_answer (f->db, id, 3, &error));
  g_assert_no_error (error);
  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_cmpint (sheet->options[0], ==, 3);
  g_assert_cmpint (sheet->options[3], ==, -1);
  g_assert_cmpfloat_with_epsilon (sheet->total, 15.0, 1e-9);

  g_assert_true (ocop_db_score_score_sheet (f->db, id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (result.total, 15.0, 1e-9);
  g_assert_cmpuint (result.answered, ==, 1);
  g_assert_cmpuint (result.required, ==, 4);
  g_assert_false (result.complete);
  ocop_sheet_score_clear (&result);

  /* Out of range. */
  ASSERT_FAILS (ocop_db_tick (f->db, id, 4, 0, &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_tick (f->db, id, -1, 0, &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_tick (f->db, id, 1, 3, &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_clear_answer (f->db, id, 9, &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_tick (f->db, 9999, 0, 0, &error), OCOP_DB_ERROR_NOT_FOUND);

  /* Every change is in the audit log. */
  {
    g_autoptr(GPtrArray) log = ocop_db_list_sheet_audit (f->db, id, &error);
    guint inserts = 0, updates = 0, deletes = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      {
        const OcopAuditEntry *e = g_ptr_array_index (log, i);

        if (g_str_equal (e->entity, "answer"))
          {
            inserts += g_str_equal (e->action, "insert");
            updates += g_str_equal (e->action, "update");
            deletes += g_str_equal (e->action, "delete");
          }
      }
    g_assert_cmpuint (inserts, ==, 2);
    g_assert_cmpuint (updates, ==, 1);
    g_assert_cmpuint (deletes, ==, 1);
  }
}

static void
test_tick_persisted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  gint64 id = open_sheet (f, VICE, 1);

  g_assert_true (ocop_db_tick (f->db, id, 0, 1, &error));
  g_assert_true (ocop_db_tick (f->db, id, 2, 3, &error));
  g_assert_no_error (error);

  /* Close and reopen the file. */
  g_clear_pointer (&f->set, ocop_criteria_set_unref);
  g_assert_finalize_object (f->db);
  f->db = ocop_db_open (f->path, &error);
  g_assert_no_error (error);

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->options[0], ==, 1);
  g_assert_cmpint (sheet->options[1], ==, -1);
  g_assert_cmpint (sheet->options[2], ==, 3);
  g_assert_cmpint (sheet->options[3], ==, -1);
  g_assert_cmpfloat_with_epsilon (sheet->total, 30.0, 1e-9);
}

/* ---- knock-out, stop conditions, comments, paper sheets ---- */

static void
test_sheet_flags (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  OcopSheetAnswers answers;
  OcopSheetScore result = { 0 };
  gint64 id = open_sheet (f, MEMBER, 1);

  fill (f->db, id, T60);
  g_assert_true (ocop_db_set_knocked_out (f->db, id, TRUE, "Không có giấy chứng nhận ATTP", &error));
  g_assert_true (ocop_db_set_stop_condition (f->db, id, "1.2", TRUE, &error));
  g_assert_true (ocop_db_set_sheet_comment (f->db, id, "  Cần kiểm tra lại hồ sơ ", &error));
  g_assert_no_error (error);

  ASSERT_FAILS (ocop_db_set_stop_condition (f->db, id, "9.9", TRUE, &error), OCOP_DB_ERROR_INVALID);

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (sheet->knocked_out);
  g_assert_cmpstr (sheet->knockout_note, ==, "Không có giấy chứng nhận ATTP");
  g_assert_cmpstr (sheet->comment, ==, "Cần kiểm tra lại hồ sơ");
  g_assert_cmpuint (g_strv_length (sheet->stop_conditions), ==, 1);
  g_assert_cmpstr (sheet->stop_conditions[0], ==, "1.2");

  ocop_score_sheet_get_answers (sheet, &answers);
  g_assert_true (answers.knocked_out);
  g_assert_true (answers.options == sheet->options);
  g_assert_cmpstr (answers.stop_conditions[0], ==, "1.2");

  g_assert_true (ocop_db_score_score_sheet (f->db, id, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.knocked_out);
  g_assert_true (result.stopped);
  ocop_sheet_score_clear (&result);

  /* And back. */
  g_assert_true (ocop_db_set_knocked_out (f->db, id, FALSE, NULL, &error));
  g_assert_true (ocop_db_set_stop_condition (f->db, id, "1.2", FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sheet, ocop_score_sheet_free);
  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_false (sheet->knocked_out);
  g_assert_null (sheet->knockout_note);
  g_assert_null (sheet->stop_conditions[0]);
  g_assert_cmpfloat_with_epsilon (sheet->total, 60.0, 1e-9);
}

static void
test_paper_sheet (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  gint64 id = open_sheet (f, VICE, 0);

  g_assert_true (ocop_db_set_entered_by (f->db, id, "Phạm Thị Dung", &error));
  g_assert_no_error (error);
  fill (f->db, id, T75);
  g_assert_true (ocop_db_submit_sheet (f->db, id, &error));
  g_assert_no_error (error);

  /* The typist cannot check their own typing; somebody must. */
  ASSERT_FAILS (ocop_db_mark_checked (f->db, id, "Phạm Thị Dung", &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_mark_checked (f->db, id, " ", &error), OCOP_DB_ERROR_INVALID);
  /* Entered-by belongs to the draft. */
  ASSERT_FAILS (ocop_db_set_entered_by (f->db, id, "Ai đó", &error), OCOP_DB_ERROR_LOCKED);

  /* Checking a submitted sheet is allowed. */
  g_assert_true (ocop_db_mark_checked (f->db, id, "Trần Thị Bình", &error));
  g_assert_no_error (error);

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_cmpstr (sheet->entered_by, ==, "Phạm Thị Dung");
  g_assert_cmpstr (sheet->checked_by, ==, "Trần Thị Bình");
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_SUBMITTED);
}

/* ---- submit and reopen ---- */

static void
test_submit_reopen (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 id = open_sheet (f, CHAIR, 0);
  gboolean saw_submit = FALSE, saw_reason = FALSE, saw_state = FALSE;

  g_assert_true (ocop_db_tick (f->db, id, 0, 3, &error));
  g_assert_no_error (error);

  /* Incomplete. */
  g_assert_false (ocop_db_submit_sheet (f->db, id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3 of 4 criteria"));
  g_clear_error (&error);

  fill (f->db, id, T80);
  g_assert_true (ocop_db_submit_sheet (f->db, id, &error));
  g_assert_no_error (error);

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_SUBMITTED);
  g_assert_nonnull (sheet->submitted_at);
  g_assert_cmpfloat_with_epsilon (sheet->total, 80.0, 1e-9);
  g_clear_pointer (&sheet, ocop_score_sheet_free);

  /* Read-only now. */
  ASSERT_FAILS (ocop_db_tick (f->db, id, 0, 0, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_clear_answer (f->db, id, 0, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_knocked_out (f->db, id, TRUE, NULL, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_stop_condition (f->db, id, "A", TRUE, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_sheet_comment (f->db, id, "x", &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_submit_sheet (f->db, id, &error), OCOP_DB_ERROR_LOCKED);

  /* The trigger holds too. */
  {
    sqlite3_stmt *stmt = _ocop_db_prepare (f->db, "DELETE FROM answer WHERE score_sheet_id = ?1", &error);
    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, id);
    ASSERT_FAILS (_ocop_db_exec_stmt (f->db, stmt, "delete", &error), OCOP_DB_ERROR_LOCKED);
  }

  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_cmpint (sheet->options[0], ==, 3);
  g_assert_false (sheet->knocked_out);
  g_assert_null (sheet->comment);
  g_clear_pointer (&sheet, ocop_score_sheet_free);

  /* Reopen needs a reason. */
  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, id, NULL, &error), OCOP_DB_ERROR_INVALID);
  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, id, "   ", &error), OCOP_DB_ERROR_INVALID);

  ocop_db_set_actor (f->db, "Thư ký Phạm Thị Dung");
  g_assert_true (ocop_db_reopen_sheet (f->db, id, "Chấm nhầm tiêu chí 1.1", &error));
  g_assert_no_error (error);
  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, id, "Lần nữa", &error), OCOP_DB_ERROR_INVALID);

  g_assert_true (ocop_db_tick (f->db, id, 0, 2, &error));
  g_assert_no_error (error);
  sheet = ocop_db_get_score_sheet (f->db, id, &error);
  g_assert_cmpint (sheet->state, ==, OCOP_SHEET_DRAFT);
  g_assert_null (sheet->submitted_at);
  g_assert_cmpfloat_with_epsilon (sheet->total, 75.0, 1e-9);

  log = ocop_db_list_sheet_audit (f->db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      const OcopAuditEntry *e = g_ptr_array_index (log, i);

      if (!g_str_equal (e->entity, "score_sheet"))
        continue;
      if (g_str_equal (e->action, "submit"))
        saw_submit = TRUE;
      if (g_str_equal (e->action, "reopen") && e->detail != NULL &&
          strstr (e->detail, "Chấm nhầm tiêu chí 1.1") != NULL)
        {
          saw_reason = TRUE;
          g_assert_cmpstr (e->actor, ==, "Thư ký Phạm Thị Dung");
        }
      if (g_str_equal (e->action, "reopen") && e->detail != NULL && strstr (e->detail, "draft") != NULL)
        saw_state = TRUE;
    }
  g_assert_true (saw_submit);
  g_assert_true (saw_reason);
  g_assert_true (saw_state);

  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, 4242, "x", &error), OCOP_DB_ERROR_NOT_FOUND);
}

/* ---- a whole meeting ---- */

static const OcopProductResult *
find_result (GPtrArray *results,
             gint64     product_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *r = g_ptr_array_index (results, i);

      if (r->product_id == product_id)
        return r;
    }

  g_assert_not_reached ();
}

static void
test_whole_meeting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  OcopCouncilResult result = { 0 };
  const OcopProductResult *r;

  score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);

  /* Two of three sheets: incomplete. */
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpuint (result.n_counted, ==, 2);
  g_assert_cmpuint (result.n_expected, ==, 3);
  ocop_council_result_clear (&result);

  score (f, MEMBER, 0, T70);
  score (f, CHAIR, 1, T50);
  score (f, VICE, 1, T60);
  score (f, MEMBER, 1, T55);

  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  g_assert_cmpfloat_with_epsilon (result.score, 75.0, 1e-9);
  g_assert_cmpint (result.stars, ==, 4);
  g_assert_cmpfloat_with_epsilon (result.spread, 10.0, 1e-9);
  ocop_council_result_clear (&result);

  g_assert_true (ocop_db_compute_meeting_results (f->db, f->meeting_id, &error));
  g_assert_no_error (error);

  results = ocop_db_list_results (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);

  r = find_result (results, f->products[0]);
  g_assert_true (r->computed);
  g_assert_cmpstr (r->product_name, ==, "Chè xanh Tân Cương");
  g_assert_cmpint (r->round, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->score, 75.0, 1e-9);
  g_assert_cmpint (r->stars, ==, 4);
  g_assert_cmpint (r->outcome, ==, OCOP_OUTCOME_RECOGNISED);
  g_assert_cmpuint (r->n_counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (r->spread, 10.0, 1e-9);
  g_assert_cmpstr (r->part_means, ==, "{\"A\":30,\"B\":15,\"C\":30}");
  g_assert_nonnull (r->reasons);
  g_assert_cmpuint (r->member_totals->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (((OcopMemberTotal *) g_ptr_array_index (r->member_totals, 0))->total, 80.0, 1e-9);
  g_assert_cmpstr (((OcopMemberTotal *) g_ptr_array_index (r->member_totals, 0))->member_name, ==, "Nguyễn Văn An");
  g_assert_cmpfloat_with_epsilon (((OcopMemberTotal *) g_ptr_array_index (r->member_totals, 2))->total, 70.0, 1e-9);

  r = find_result (results, f->products[1]);
  g_assert_cmpfloat_with_epsilon (r->score, 55.0, 1e-9);
  g_assert_cmpint (r->stars, ==, 3);
  g_assert_cmpint (r->outcome, ==, OCOP_OUTCOME_RECOGNISED);

  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);
  meeting = ocop_db_get_meeting (f->db, f->meeting_id, &error);
  g_assert_cmpint (meeting->state, ==, OCOP_MEETING_FINALISED);
  g_assert_nonnull (meeting->finalised_at);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'meeting'"
                                " AND action = 'finalise' AND entity_id = ?1", f->meeting_id, 0), ==, 1);
}

/* ---- recusal ---- */

static void
test_recusal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  OcopCouncilResult result = { 0 };
  gint64 drafted;

  /* Cường started a sheet for product 2, then declared his conflict. */
  drafted = open_sheet (f, MEMBER, 1);
  g_assert_true (ocop_db_tick (f->db, drafted, 0, 0, &error));
  g_assert_true (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[MEMBER], f->products[1],
                                           "Anh trai là chủ nhiệm hợp tác xã", &error));
  g_assert_no_error (error);

  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[MEMBER], f->products[1], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  score (f, CHAIR, 1, T50);
  score (f, VICE, 1, T60);

  /* The mean of the two who score: Cường is not expected and not counted. */
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[1], &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_expected, ==, 2);
  g_assert_cmpuint (result.n_counted, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.score, 55.0, 1e-9);
  g_assert_cmpint (result.stars, ==, 3);
  ocop_council_result_clear (&result);

  conflicts = ocop_db_list_conflicts (f->db, f->meeting_id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((OcopConflict *) g_ptr_array_index (conflicts, 0))->reason, ==,
                   "Anh trai là chủ nhiệm hợp tác xã");

  /* Cường still scores product 1. */
  score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T70);
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_cmpuint (result.n_counted, ==, 3);
  ocop_council_result_clear (&result);

  /* The recused member's draft does not keep the meeting from being finalised. */
  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);
}

/* ---- secretary ---- */

static void
test_secretary (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  OcopCouncilResult result = { 0 };

  score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T70);

  /* Off: the secretary cannot open a sheet; three count. */
  g_assert_null (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[SECRETARY], f->products[0], 0, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_cmpuint (result.n_counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (result.score, 75.0, 1e-9);
  ocop_council_result_clear (&result);

  /* On: the secretary's sheet is expected, then counted. */
  set_secretary_scores (f, TRUE);
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_INCOMPLETE);
  g_assert_cmpuint (result.n_expected, ==, 4);
  ocop_council_result_clear (&result);

  score (f, SECRETARY, 0, T80);
  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_counted, ==, 4);
  g_assert_cmpfloat_with_epsilon (result.score, 76.25, 1e-9);
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RECOGNISED);
  ocop_council_result_clear (&result);
}

/* ---- rounds ---- */

static void
test_rounds (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) round1 = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OcopScoreSheet) fresh = NULL;
  OcopCouncilResult result = { 0 };
  gint64 chair1;

  chair1 = score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T65);          /* 80 − 65 = 15 > 10 */
  score (f, CHAIR, 1, T50);
  score (f, VICE, 1, T60);
  score (f, MEMBER, 1, T55);

  g_assert_true (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error));
  g_assert_cmpint (result.outcome, ==, OCOP_OUTCOME_RESCORE);
  g_assert_cmpfloat_with_epsilon (result.spread, 15.0, 1e-9);
  ocop_council_result_clear (&result);

  /* Finalising is refused, naming the product. */
  g_assert_false (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Chè xanh Tân Cương"));
  g_assert_null (strstr (error->message, "Trứng gà ri"));
  g_clear_error (&error);

  /* Round 2. */
  g_assert_true (ocop_db_open_round (f->db, f->meeting_id, f->products[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (ocop_db_get_agenda_round (f->db, f->meeting_id, f->products[0], &error), ==, 2);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM audit_log WHERE action = 'rescore'"
                                " AND entity_id = ?1 || ':' || ?2", f->meeting_id, f->products[0]), ==, 1);

  /* Round 1's sheets and result are kept, and closed. */
  round1 = ocop_db_list_score_sheets (f->db, f->meeting_id, f->products[0], 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round1->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (((OcopScoreSheet *) g_ptr_array_index (round1, 0))->total, 80.0, 1e-9);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM result WHERE meeting_id = ?1 AND product_id = ?2"
                                " AND round = 1 AND outcome = 'rescore'", f->meeting_id, f->products[0]), ==, 1);
  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, chair1, "Sửa", &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[CHAIR], f->products[0], 1, &error) != NULL,
                OCOP_DB_ERROR_INVALID);

  /* Round 2 starts empty. */
  fresh = ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[CHAIR], f->products[0], 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fresh->round, ==, 2);
  g_assert_cmpint (fresh->id, !=, chair1);
  for (guint i = 0; i < fresh->n_options; i++)
    g_assert_cmpint (fresh->options[i], ==, -1);

  results = ocop_db_list_results (f->db, f->meeting_id, &error);
  g_assert_cmpint (find_result (results, f->products[0])->round, ==, 2);
  g_assert_false (find_result (results, f->products[0])->computed);
  g_assert_cmpuint (find_result (results, f->products[0])->member_totals->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Incomplete now: still refused. */
  g_assert_false (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "incomplete"));
  g_clear_error (&error);

  fill (f->db, fresh->id, T75);
  g_assert_true (ocop_db_submit_sheet (f->db, fresh->id, &error));
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T70);
  g_assert_no_error (error);

  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);

  results = ocop_db_list_results (f->db, f->meeting_id, &error);
  g_assert_cmpfloat_with_epsilon (find_result (results, f->products[0])->score, 220.0 / 3.0, 1e-9);
  g_assert_cmpint (find_result (results, f->products[0])->stars, ==, 4);
  /* Both rounds' results are stored. */
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM result WHERE meeting_id = ?1 AND product_id = ?2",
                                f->meeting_id, f->products[0]), ==, 2);
}

/* ---- finalising and the locks ---- */

static void
test_finalise_refusals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;

  score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T70);
  score (f, CHAIR, 1, T50);

  /* Product 2 is incomplete. */
  g_assert_false (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Trứng gà ri"));
  g_assert_null (strstr (error->message, "Chè xanh"));
  g_clear_error (&error);

  score (f, VICE, 1, T60);
  score (f, MEMBER, 1, T55);

  /* No quorum: the chair leaves (their sheets stop counting too). */
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[CHAIR], FALSE, &error));
  g_assert_false (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no quorum"));
  g_clear_error (&error);

  meeting = ocop_db_get_meeting (f->db, f->meeting_id, &error);
  g_assert_cmpint (meeting->state, ==, OCOP_MEETING_SCORING);
  g_assert_null (meeting->finalised_at);

  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[CHAIR], TRUE, &error));
  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);

  ASSERT_FAILS (ocop_db_finalise_meeting (f->db, f->meeting_id, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_finalise_meeting (f->db, 4242, &error), OCOP_DB_ERROR_NOT_FOUND);
}

static void
test_locked_after_finalise (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) before = NULL;
  g_autoptr(OcopScoreSheet) after = NULL;
  g_autoptr(OcopScoreSheet) draft_after = NULL;
  g_autoptr(GPtrArray) results_before = NULL;
  g_autoptr(GPtrArray) results_after = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  OcopCouncilResult result = { 0 };
  gint64 chair1, draft;
  guint audit_rows;

  /* A recused member's draft stays in the meeting. */
  draft = open_sheet (f, MEMBER, 1);
  g_assert_true (ocop_db_tick (f->db, draft, 0, 1, &error));
  g_assert_true (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[MEMBER], f->products[1],
                                           "Người nhà", &error));
  g_assert_no_error (error);

  chair1 = score (f, CHAIR, 0, T80);
  score (f, VICE, 0, T75);
  score (f, MEMBER, 0, T70);
  score (f, CHAIR, 1, T50);
  score (f, VICE, 1, T60);

  g_assert_true (ocop_db_finalise_meeting (f->db, f->meeting_id, &error));
  g_assert_no_error (error);

  before = ocop_db_get_score_sheet (f->db, chair1, &error);
  results_before = ocop_db_list_results (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  audit_rows = count_rows (f->db, "SELECT count(*) FROM audit_log WHERE ?1 = ?1", 0, 0);

  /* Sheets. */
  ASSERT_FAILS (ocop_db_tick (f->db, draft, 0, 3, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_clear_answer (f->db, draft, 0, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_submit_sheet (f->db, draft, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_sheet_comment (f->db, draft, "x", &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_knocked_out (f->db, draft, TRUE, NULL, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_stop_condition (f->db, draft, "1.2", TRUE, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_reopen_sheet (f->db, chair1, "Sửa sau khi kết thúc", &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_mark_checked (f->db, chair1, "Người kiểm", &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_open_score_sheet (f->db, f->meeting_id, f->members[VICE], f->products[1], 0, &error) != NULL,
                OCOP_DB_ERROR_LOCKED);
  /* Meeting, agenda, attendance, conflicts, rounds, results. */
  ASSERT_FAILS (ocop_db_set_attendance (f->db, f->meeting_id, f->members[VICE], FALSE, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_remove_agenda_item (f->db, f->meeting_id, f->products[1], &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[CHAIR], f->products[0], "x", &error),
                OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_remove_conflict (f->db, f->meeting_id, f->members[MEMBER], f->products[1], &error),
                OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_open_round (f->db, f->meeting_id, f->products[0], &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_compute_result (f->db, f->meeting_id, f->products[0], &result, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_compute_meeting_results (f->db, f->meeting_id, &error), OCOP_DB_ERROR_LOCKED);
  ASSERT_FAILS (ocop_db_set_meeting_state (f->db, f->meeting_id, OCOP_MEETING_SCORING, &error), OCOP_DB_ERROR_LOCKED);

  /* The triggers, without the repository's checks. */
  {
    static const char * const writes[] = {
      "UPDATE result SET stars = 5 WHERE meeting_id = ?1",
      "UPDATE score_sheet SET total = 99 WHERE meeting_id = ?1",
      "UPDATE score_sheet SET state = 'draft', submitted_at = NULL WHERE meeting_id = ?1",
      "DELETE FROM score_sheet WHERE meeting_id = ?1",
      "UPDATE attendance SET present = 0 WHERE meeting_id = ?1",
      "DELETE FROM conflict WHERE meeting_id = ?1",
      "UPDATE agenda_item SET round = 2 WHERE meeting_id = ?1",
      "UPDATE meeting SET state = 'scoring', finalised_at = NULL WHERE id = ?1",
    };

    for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
      {
        sqlite3_stmt *stmt = _ocop_db_prepare (f->db, writes[i], &error);

        g_assert_no_error (error);
        sqlite3_bind_int64 (stmt, 1, f->meeting_id);
        ASSERT_FAILS (_ocop_db_exec_stmt (f->db, stmt, "write", &error), OCOP_DB_ERROR_LOCKED);
      }
  }

  /* Nothing changed, not even the audit log. */
  after = ocop_db_get_score_sheet (f->db, chair1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, ==, OCOP_SHEET_SUBMITTED);
  g_assert_cmpfloat (after->total, ==, before->total);
  for (guint i = 0; i < after->n_options; i++)
    g_assert_cmpint (after->options[i], ==, before->options[i]);
  g_assert_null (after->checked_by);

  draft_after = ocop_db_get_score_sheet (f->db, draft, &error);
  g_assert_cmpint (draft_after->options[0], ==, 1);
  g_assert_false (draft_after->knocked_out);

  results_after = ocop_db_list_results (f->db, f->meeting_id, &error);
  g_assert_cmpuint (results_after->len, ==, results_before->len);
  for (guint i = 0; i < results_after->len; i++)
    {
      const OcopProductResult *a = g_ptr_array_index (results_before, i);
      const OcopProductResult *b = g_ptr_array_index (results_after, i);

      g_assert_cmpfloat (a->score, ==, b->score);
      g_assert_cmpint (a->stars, ==, b->stars);
      g_assert_cmpint (a->outcome, ==, b->outcome);
      g_assert_cmpstr (a->computed_at, ==, b->computed_at);
    }

  attendance = ocop_db_list_attendance (f->db, f->meeting_id, &error);
  g_assert_true (((OcopAttendance *) g_ptr_array_index (attendance, 1))->present);
  conflicts = ocop_db_list_conflicts (f->db, f->meeting_id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  agenda = ocop_db_list_agenda (f->db, f->meeting_id, &error);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_assert_cmpint (((OcopAgendaItem *) g_ptr_array_index (agenda, 0))->round, ==, 1);
  g_assert_no_error (error);

  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM audit_log WHERE ?1 = ?1", 0, 0), ==, audit_rows);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/ocop/scoring/open-sheet", test_open_sheet);
  ADD ("/ocop/scoring/tick", test_tick);
  ADD ("/ocop/scoring/tick-persisted", test_tick_persisted);
  ADD ("/ocop/scoring/sheet-flags", test_sheet_flags);
  ADD ("/ocop/scoring/paper-sheet", test_paper_sheet);
  ADD ("/ocop/scoring/submit-reopen", test_submit_reopen);
  ADD ("/ocop/scoring/whole-meeting", test_whole_meeting);
  ADD ("/ocop/scoring/recusal", test_recusal);
  ADD ("/ocop/scoring/secretary", test_secretary);
  ADD ("/ocop/scoring/rounds", test_rounds);
  ADD ("/ocop/scoring/finalise-refusals", test_finalise_refusals);
  ADD ("/ocop/scoring/locked-after-finalise", test_locked_after_finalise);

  return g_test_run ();
}
