/* test-council.c: councils, members, meetings, agenda, attendance, quorum, conflicts
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"

typedef struct
{
  OcopDb          *db;
  OcopCriteriaSet *set;
  gint64           council_id;
  gint64           members[5];  /* chair, vice-chair, member, secretary, advisory */
  gint64           products[3]; /* sheet 01, sheet 02, sheet 99 (not in the set) */
  gint64           meeting_id;
} Fixture;

static gint64
add_member (OcopDb     *db,
            gint64      council_id,
            const char *name,
            OcopRole    role,
            guint       ordinal)
{
  g_autoptr(OcopMember) member = ocop_member_new ();
  g_autoptr(GError) error = NULL;

  member->council_id = council_id;
  member->name = g_strdup (name);
  member->role = role;
  member->ordinal = ordinal;
  g_assert_true (ocop_db_add_member (db, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (member->id, >, 0);

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

static gint64
add_council (OcopDb     *db,
             const char *name)
{
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(GError) error = NULL;

  council->name = g_strdup (name);
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_148_1489;
  g_assert_true (ocop_db_save_council (db, council, &error));
  g_assert_no_error (error);

  return council->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "council-set.json", NULL);

  f->db = ocop_db_open (":memory:", &error);
  g_assert_no_error (error);

  f->set = ocop_db_import_criteria_file (f->db, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->set);

  producer->name = g_strdup ("Hợp tác xã Chè Tân Cương");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  g_assert_no_error (error);

  f->products[0] = add_product (f->db, producer->id, "Chè xanh Tân Cương", "01");
  f->products[1] = add_product (f->db, producer->id, "Trứng gà ri", "02");
  f->products[2] = add_product (f->db, producer->id, "Sản phẩm khác", "99");

  f->council_id = add_council (f->db, "Hội đồng đánh giá sản phẩm OCOP tỉnh Thái Nguyên");
  /* Added out of order: the list sorts by role. */
  f->members[3] = add_member (f->db, f->council_id, "Phạm Thị Dung", OCOP_ROLE_SECRETARY, 0);
  f->members[4] = add_member (f->db, f->council_id, "Hoàng Văn Em", OCOP_ROLE_ADVISORY, 0);
  f->members[2] = add_member (f->db, f->council_id, "Lê Văn Cường", OCOP_ROLE_MEMBER, 0);
  f->members[1] = add_member (f->db, f->council_id, "Trần Thị Bình", OCOP_ROLE_VICE_CHAIR, 0);
  f->members[0] = add_member (f->db, f->council_id, "Nguyễn Văn An", OCOP_ROLE_CHAIR, 0);

  meeting->council_id = f->council_id;
  meeting->set_id = f->set->id;
  meeting->date = g_strdup ("2025-09-12");
  meeting->place = g_strdup ("Sở Nông nghiệp và Môi trường");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  f->meeting_id = meeting->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->set, ocop_criteria_set_unref);
  g_assert_finalize_object (f->db);
}

/* Marks the meeting finalised behind the repositories' back, to test the locks alone. */
static void
force_finalise (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _ocop_db_prepare (f->db,
                                         "UPDATE meeting SET state = 'finalised',"
                                         " finalised_at = '2025-09-12T10:00:00Z' WHERE id = ?1",
                                         &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->meeting_id);
  g_assert_true (_ocop_db_exec_stmt (f->db, stmt, "finalise", &error));
  g_assert_no_error (error);
}

/* ---- councils ---- */

static void
test_council_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopCouncil) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* Defaults: two thirds and the chair. */
  g_assert_cmpfloat_with_epsilon (council->quorum_share, 2.0 / 3.0, 1e-12);
  g_assert_true (council->chair_required);

  council->name = g_strdup ("  Hội đồng cấp huyện Đại Từ ");
  council->level = OCOP_LEVEL_DISTRICT;
  council->regime = OCOP_REGIME_148;
  council->decision = g_strdup ("QĐ 123/QĐ-UBND");
  council->decision_date = g_strdup ("2024-03-01");
  council->secretary_scores = TRUE;
  council->quorum_share = 0.75;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);

  read = ocop_db_get_council (f->db, council->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Hội đồng cấp huyện Đại Từ");
  g_assert_cmpint (read->level, ==, OCOP_LEVEL_DISTRICT);
  g_assert_cmpint (read->regime, ==, OCOP_REGIME_148);
  g_assert_cmpstr (read->decision, ==, "QĐ 123/QĐ-UBND");
  g_assert_cmpstr (read->decision_date, ==, "2024-03-01");
  g_assert_true (read->secretary_scores);
  g_assert_false (read->advisory_scores);
  g_assert_cmpfloat_with_epsilon (read->quorum_share, 0.75, 1e-12);
  g_assert_true (read->chair_required);

  /* Update. */
  read->chair_required = FALSE;
  read->locality = g_strdup ("Đại Từ");
  g_assert_true (ocop_db_save_council (f->db, read, &error));
  g_assert_no_error (error);
  g_clear_pointer (&council, ocop_council_free);
  council = ocop_db_get_council (f->db, read->id, &error);
  g_assert_no_error (error);
  g_assert_false (council->chair_required);
  g_assert_cmpstr (council->locality, ==, "Đại Từ");

  /* Listed by name. */
  list = ocop_db_list_councils (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((OcopCouncil *) g_ptr_array_index (list, 0))->name, ==, "Hội đồng cấp huyện Đại Từ");

  /* Not found. */
  g_assert_null (ocop_db_get_council (f->db, 9999, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
}

static void
test_council_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(GPtrArray) list = NULL;

  council->name = g_strdup ("   ");
  g_assert_false (ocop_db_save_council (f->db, council, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Council name: must not be empty");
  g_clear_error (&error);

  council->name = g_strdup ("Hội đồng");
  council->decision_date = g_strdup ("2024-02-30");
  g_assert_false (ocop_db_save_council (f->db, council, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Decision date:"));
  g_clear_error (&error);

  g_clear_pointer (&council->decision_date, g_free);
  council->quorum_share = 0;
  g_assert_false (ocop_db_save_council (f->db, council, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Quorum:"));
  g_clear_error (&error);

  council->quorum_share = 1.5;
  g_assert_false (ocop_db_save_council (f->db, council, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Updating a council that does not exist. */
  council->quorum_share = 0.5;
  council->id = 4242;
  g_assert_false (ocop_db_save_council (f->db, council, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was written. */
  list = ocop_db_list_councils (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* ---- members ---- */

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(OcopMember) dup = ocop_member_new ();
  g_autoptr(OcopMember) chair2 = ocop_member_new ();
  g_autoptr(OcopMember) read = NULL;
  const OcopRole expected[] = { OCOP_ROLE_CHAIR, OCOP_ROLE_VICE_CHAIR, OCOP_ROLE_MEMBER,
                                OCOP_ROLE_MEMBER, OCOP_ROLE_SECRETARY, OCOP_ROLE_ADVISORY };
  gint64 extra;

  /* A second ordinary member, ordered before Cường by its ordinal. */
  g_autoptr(OcopMember) first = ocop_member_new ();
  first->council_id = f->council_id;
  first->name = g_strdup ("Đỗ Thị Giang");
  first->role = OCOP_ROLE_MEMBER;
  g_assert_true (ocop_db_add_member (f->db, first, &error));
  g_assert_no_error (error);
  extra = first->id;

  read = ocop_db_get_member (f->db, f->members[2], &error);
  g_assert_no_error (error);
  read->ordinal = 5;
  read->title = g_strdup ("Phó Giám đốc Sở Công Thương");
  g_assert_true (ocop_db_update_member (f->db, read, &error));
  g_assert_no_error (error);

  members = ocop_db_list_members (f->db, f->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < members->len; i++)
    g_assert_cmpint (((OcopMember *) g_ptr_array_index (members, i))->role, ==, expected[i]);
  g_assert_cmpstr (((OcopMember *) g_ptr_array_index (members, 0))->name, ==, "Nguyễn Văn An");
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (members, 2))->id, ==, extra);
  g_assert_cmpint (((OcopMember *) g_ptr_array_index (members, 3))->id, ==, f->members[2]);
  g_assert_cmpstr (((OcopMember *) g_ptr_array_index (members, 3))->title, ==, "Phó Giám đốc Sở Công Thương");

  /* The same name twice in one council. */
  dup->council_id = f->council_id;
  dup->name = g_strdup ("Lê Văn Cường");
  g_assert_false (ocop_db_add_member (f->db, dup, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Member name:"));
  g_clear_error (&error);

  /* A second chair. */
  chair2->council_id = f->council_id;
  chair2->name = g_strdup ("Vũ Văn Hùng");
  chair2->role = OCOP_ROLE_CHAIR;
  g_assert_false (ocop_db_add_member (f->db, chair2, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nguyễn Văn An"));
  g_clear_error (&error);

  /* An empty name. */
  g_free (chair2->name);
  chair2->name = g_strdup (" ");
  chair2->role = OCOP_ROLE_MEMBER;
  g_assert_false (ocop_db_add_member (f->db, chair2, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Member name: must not be empty");
  g_clear_error (&error);

  /* A council that does not exist. */
  g_free (chair2->name);
  chair2->name = g_strdup ("Vũ Văn Hùng");
  chair2->council_id = 777;
  g_assert_false (ocop_db_add_member (f->db, chair2, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove. */
  g_assert_true (ocop_db_remove_member (f->db, extra, &error));
  g_assert_no_error (error);
  g_assert_false (ocop_db_remove_member (f->db, extra, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&members, g_ptr_array_unref);
  members = ocop_db_list_members (f->db, f->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 5);
}

/* ---- quorum ---- */

static void
test_quorum_pure (void)
{
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autofree char *reason = NULL;

  /* 2/3 of 9 is exactly 6. */
  g_assert_true (ocop_quorum_check (council, 9, 6, TRUE, &reason));
  g_assert_cmpstr (reason, ==, "6 of 9 members present — quorum met");
  g_clear_pointer (&reason, g_free);

  g_assert_false (ocop_quorum_check (council, 9, 5, TRUE, &reason));
  g_assert_cmpstr (reason, ==, "5 of 9 members present, 6 needed — no quorum");
  g_clear_pointer (&reason, g_free);

  /* The chair is required: 9 of 10 without the chair is no quorum. */
  g_assert_false (ocop_quorum_check (council, 10, 9, FALSE, &reason));
  g_assert_cmpstr (reason, ==, "9 of 10 members present, but the chair is absent — no quorum");
  g_clear_pointer (&reason, g_free);

  g_assert_false (ocop_quorum_check (council, 9, 5, FALSE, &reason));
  g_assert_cmpstr (reason, ==, "5 of 9 members present, 6 needed, and the chair is absent — no quorum");
  g_clear_pointer (&reason, g_free);

  /* 2/3 of 7 is 4.67: 5 needed. */
  g_assert_true (ocop_quorum_check (council, 7, 5, TRUE, NULL));
  g_assert_false (ocop_quorum_check (council, 7, 4, TRUE, NULL));

  /* 3/4 (Tây Ninh): 6.75 of 9 means 7. */
  council->quorum_share = 0.75;
  g_assert_true (ocop_quorum_check (council, 9, 7, TRUE, NULL));
  g_assert_false (ocop_quorum_check (council, 9, 6, TRUE, &reason));
  g_assert_cmpstr (reason, ==, "6 of 9 members present, 7 needed — no quorum");
  g_clear_pointer (&reason, g_free);
  g_assert_true (ocop_quorum_check (council, 8, 6, TRUE, NULL));
  g_assert_false (ocop_quorum_check (council, 8, 5, TRUE, NULL));

  /* Chair not required. */
  council->chair_required = FALSE;
  g_assert_true (ocop_quorum_check (council, 8, 6, FALSE, NULL));

  /* Everybody: share 1. */
  council->quorum_share = 1.0;
  g_assert_true (ocop_quorum_check (council, 5, 5, TRUE, NULL));
  g_assert_false (ocop_quorum_check (council, 5, 4, TRUE, NULL));

  /* One member: singular. */
  g_assert_true (ocop_quorum_check (council, 1, 1, TRUE, &reason));
  g_assert_cmpstr (reason, ==, "1 of 1 member present — quorum met");
  g_clear_pointer (&reason, g_free);

  /* No members at all. */
  g_assert_false (ocop_quorum_check (council, 0, 0, FALSE, &reason));
  g_assert_nonnull (reason);
}

static void
test_quorum_meeting (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean met = TRUE;

  /* Nobody recorded: no quorum. 4 council members; the advisory team does not count. */
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, &error));
  g_assert_no_error (error);
  g_assert_false (met);
  g_assert_cmpstr (reason, ==, "0 of 4 members present, 3 needed, and the chair is absent — no quorum");
  g_clear_pointer (&reason, g_free);

  /* Chair, vice-chair, and the advisory member: 2 of 4, not enough. */
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[0], TRUE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[1], TRUE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[4], TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, &error));
  g_assert_false (met);
  g_assert_cmpstr (reason, ==, "2 of 4 members present, 3 needed — no quorum");
  g_clear_pointer (&reason, g_free);

  /* The secretary makes 3 of 4. */
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[3], TRUE, &error));
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, &error));
  g_assert_no_error (error);
  g_assert_true (met);
  g_assert_cmpstr (reason, ==, "3 of 4 members present — quorum met");
  g_clear_pointer (&reason, g_free);

  /* The chair leaves. */
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[0], FALSE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[2], TRUE, &error));
  g_assert_true (ocop_db_check_quorum (f->db, f->meeting_id, &met, &reason, &error));
  g_assert_false (met);
  g_assert_cmpstr (reason, ==, "3 of 4 members present, but the chair is absent — no quorum");

  g_assert_false (ocop_db_check_quorum (f->db, 999, &met, NULL, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
}

/* ---- attendance ---- */

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const OcopAttendance *a;
  gint64 other_council = add_council (f->db, "Hội đồng khác");
  gint64 stranger = add_member (f->db, other_council, "Người Ngoài", OCOP_ROLE_MEMBER, 0);

  list = ocop_db_list_attendance (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->member_id, ==, f->members[0]);
  g_assert_false (a->recorded);
  g_assert_false (a->present);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[0], TRUE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[1], FALSE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[1], TRUE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[2], FALSE, &error));
  g_assert_no_error (error);

  list = ocop_db_list_attendance (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (list, 0);
  g_assert_true (a->recorded && a->present);
  a = g_ptr_array_index (list, 1);
  g_assert_true (a->recorded && a->present);
  a = g_ptr_array_index (list, 2);
  g_assert_true (a->recorded);
  g_assert_false (a->present);
  a = g_ptr_array_index (list, 3);
  g_assert_false (a->recorded);

  /* A member of another council. */
  g_assert_false (ocop_db_set_attendance (f->db, f->meeting_id, stranger, TRUE, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* A meeting that does not exist. */
  g_assert_false (ocop_db_set_attendance (f->db, 999, f->members[0], TRUE, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
}

/* ---- meetings ---- */

static void
test_meetings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) later = ocop_meeting_new ();
  g_autoptr(OcopMeeting) bad = ocop_meeting_new ();
  g_autoptr(OcopMeeting) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  later->council_id = f->council_id;
  later->set_id = f->set->id;
  later->date = g_strdup ("2025-11-20");
  later->title = g_strdup ("Đợt 2 năm 2025");
  g_assert_true (ocop_db_save_meeting (f->db, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (later->state, ==, OCOP_MEETING_PREPARING);

  list = ocop_db_list_meetings (f->db, f->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((OcopMeeting *) g_ptr_array_index (list, 0))->id, ==, later->id);
  g_assert_cmpint (((OcopMeeting *) g_ptr_array_index (list, 1))->id, ==, f->meeting_id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ocop_db_list_meetings (f->db, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);

  /* Update, then the state. */
  later->place = g_strdup ("UBND tỉnh");
  g_assert_true (ocop_db_save_meeting (f->db, later, &error));
  g_assert_true (ocop_db_set_meeting_state (f->db, later->id, OCOP_MEETING_SCORING, &error));
  g_assert_no_error (error);
  read = ocop_db_get_meeting (f->db, later->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->place, ==, "UBND tỉnh");
  g_assert_cmpstr (read->title, ==, "Đợt 2 năm 2025");
  g_assert_cmpint (read->state, ==, OCOP_MEETING_SCORING);
  g_assert_null (read->finalised_at);

  /* Finalising is not a plain state change. */
  g_assert_false (ocop_db_set_meeting_state (f->db, later->id, OCOP_MEETING_FINALISED, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid date, missing council, missing set. */
  bad->council_id = f->council_id;
  bad->set_id = f->set->id;
  bad->date = g_strdup ("12/09/2025");
  g_assert_false (ocop_db_save_meeting (f->db, bad, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Meeting date:"));
  g_clear_error (&error);

  g_free (bad->date);
  bad->date = g_strdup ("2025-09-12");
  bad->council_id = 555;
  g_assert_false (ocop_db_save_meeting (f->db, bad, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bad->council_id = f->council_id;
  bad->set_id = 555;
  g_assert_false (ocop_db_save_meeting (f->db, bad, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
}

/* ---- agenda ---- */

static gint64
agenda_product (GPtrArray *agenda,
                guint      i)
{
  return ((OcopAgendaItem *) g_ptr_array_index (agenda, i))->product_id;
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  gint64 third;
  const OcopAgendaItem *item;

  producer->name = g_strdup ("Hộ kinh doanh Mật ong");
  producer->subject_type = OCOP_SUBJECT_HOUSEHOLD;
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  third = add_product (f->db, producer->id, "Mật ong rừng", "01");

  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[1], &error));
  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, third, &error));
  g_assert_no_error (error);

  agenda = ocop_db_list_agenda (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 3);
  item = g_ptr_array_index (agenda, 1);
  g_assert_cmpint (item->product_id, ==, f->products[1]);
  g_assert_cmpuint (item->ordinal, ==, 1);
  g_assert_cmpint (item->round, ==, 1);
  g_assert_cmpstr (item->product_name, ==, "Trứng gà ri");
  g_assert_cmpstr (item->product_set, ==, "02");
  g_assert_cmpint (ocop_db_get_agenda_round (f->db, f->meeting_id, third, &error), ==, 1);
  g_clear_pointer (&agenda, g_ptr_array_unref);

  /* Twice. */
  g_assert_false (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* A product set the criteria set has no sheet for. */
  g_assert_false (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[2], &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Product set:"));
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  /* A product that does not exist. */
  g_assert_false (ocop_db_add_agenda_item (f->db, f->meeting_id, 4711, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Reorder: third, first, second. */
  {
    const gint64 order[] = { third, f->products[0], f->products[1] };
    const gint64 incomplete[] = { third, f->products[0] };
    const gint64 twice[] = { third, third, f->products[0] };

    g_assert_true (ocop_db_reorder_agenda (f->db, f->meeting_id, order, 3, &error));
    g_assert_no_error (error);

    g_assert_false (ocop_db_reorder_agenda (f->db, f->meeting_id, incomplete, 2, &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ocop_db_reorder_agenda (f->db, f->meeting_id, twice, 3, &error));
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
    g_clear_error (&error);
  }
  agenda = ocop_db_list_agenda (f->db, f->meeting_id, &error);
  g_assert_cmpint (agenda_product (agenda, 0), ==, third);
  g_assert_cmpint (agenda_product (agenda, 1), ==, f->products[0]);
  g_assert_cmpint (agenda_product (agenda, 2), ==, f->products[1]);
  g_clear_pointer (&agenda, g_ptr_array_unref);

  /* Remove the middle one: the rest close up. */
  g_assert_true (ocop_db_remove_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_no_error (error);
  agenda = ocop_db_list_agenda (f->db, f->meeting_id, &error);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_assert_cmpint (agenda_product (agenda, 1), ==, f->products[1]);
  g_assert_cmpuint (((OcopAgendaItem *) g_ptr_array_index (agenda, 1))->ordinal, ==, 1);

  g_assert_false (ocop_db_remove_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (ocop_db_get_agenda_round (f->db, f->meeting_id, f->products[0], &error), ==, 0);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
}

/* ---- conflicts ---- */

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const OcopConflict *c;
  gboolean recused = TRUE;

  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_no_error (error);

  g_assert_true (ocop_db_is_recused (f->db, f->meeting_id, f->members[2], f->products[0], &recused, &error));
  g_assert_false (recused);

  /* A reason is required. */
  g_assert_false (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[2], f->products[0], "  ", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Reason: must not be empty");
  g_clear_error (&error);

  /* Not on the agenda. */
  g_assert_false (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[2], f->products[1],
                                            "Người nhà", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[2], f->products[0],
                                           "Vợ là xã viên của hợp tác xã", &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_is_recused (f->db, f->meeting_id, f->members[2], f->products[0], &recused, &error));
  g_assert_true (recused);

  /* Twice. */
  g_assert_false (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[2], f->products[0],
                                            "Lần nữa", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  list = ocop_db_list_conflicts (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpint (c->member_id, ==, f->members[2]);
  g_assert_cmpint (c->product_id, ==, f->products[0]);
  g_assert_cmpstr (c->member_name, ==, "Lê Văn Cường");
  g_assert_cmpstr (c->product_name, ==, "Chè xanh Tân Cương");
  g_assert_cmpstr (c->reason, ==, "Vợ là xã viên của hợp tác xã");
  g_assert_nonnull (c->declared_at);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ocop_db_remove_conflict (f->db, f->meeting_id, f->members[2], f->products[0], &error));
  g_assert_no_error (error);
  g_assert_false (ocop_db_remove_conflict (f->db, f->meeting_id, f->members[2], f->products[0], &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = ocop_db_list_conflicts (f->db, f->meeting_id, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* ---- locks ---- */

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  const gint64 order[] = { f->products[1], f->products[0] };
  sqlite3_stmt *stmt;

  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[0], &error));
  g_assert_true (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[1], &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[0], TRUE, &error));
  g_assert_true (ocop_db_set_attendance (f->db, f->meeting_id, f->members[2], TRUE, &error));
  g_assert_true (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[2], f->products[0],
                                           "Người nhà", &error));
  g_assert_no_error (error);

  force_finalise (f);

#define ASSERT_LOCKED(call) G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_LOCKED (ocop_db_set_attendance (f->db, f->meeting_id, f->members[0], FALSE, &error));
  ASSERT_LOCKED (ocop_db_set_attendance (f->db, f->meeting_id, f->members[1], TRUE, &error));
  ASSERT_LOCKED (ocop_db_add_agenda_item (f->db, f->meeting_id, f->products[2], &error));
  ASSERT_LOCKED (ocop_db_remove_agenda_item (f->db, f->meeting_id, f->products[1], &error));
  ASSERT_LOCKED (ocop_db_reorder_agenda (f->db, f->meeting_id, order, 2, &error));
  ASSERT_LOCKED (ocop_db_declare_conflict (f->db, f->meeting_id, f->members[0], f->products[1], "X", &error));
  ASSERT_LOCKED (ocop_db_remove_conflict (f->db, f->meeting_id, f->members[2], f->products[0], &error));
  ASSERT_LOCKED (ocop_db_set_meeting_state (f->db, f->meeting_id, OCOP_MEETING_SCORING, &error));
  /* A member who attended a finalised meeting stays. */
  ASSERT_LOCKED (ocop_db_remove_member (f->db, f->members[2], &error));

  meeting = ocop_db_get_meeting (f->db, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting->state, ==, OCOP_MEETING_FINALISED);
  g_free (meeting->place);
  meeting->place = g_strdup ("Nơi khác");
  ASSERT_LOCKED (ocop_db_save_meeting (f->db, meeting, &error));

  /* The triggers hold even without the repository's checks. */
  stmt = _ocop_db_prepare (f->db, "UPDATE attendance SET present = 0 WHERE meeting_id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->meeting_id);
  ASSERT_LOCKED (_ocop_db_exec_stmt (f->db, stmt, "update", &error));
  stmt = _ocop_db_prepare (f->db, "DELETE FROM agenda_item WHERE meeting_id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->meeting_id);
  ASSERT_LOCKED (_ocop_db_exec_stmt (f->db, stmt, "delete", &error));

#undef ASSERT_LOCKED

  /* Nothing changed. */
  attendance = ocop_db_list_attendance (f->db, f->meeting_id, &error);
  g_assert_true (((OcopAttendance *) g_ptr_array_index (attendance, 0))->present);
  g_assert_false (((OcopAttendance *) g_ptr_array_index (attendance, 1))->recorded);
  agenda = ocop_db_list_agenda (f->db, f->meeting_id, &error);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_assert_cmpint (agenda_product (agenda, 0), ==, f->products[0]);
  conflicts = ocop_db_list_conflicts (f->db, f->meeting_id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&meeting, ocop_meeting_free);
  meeting = ocop_db_get_meeting (f->db, f->meeting_id, &error);
  g_assert_cmpstr (meeting->place, ==, "Sở Nông nghiệp và Môi trường");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/ocop/council/save", test_council_save);
  ADD ("/ocop/council/invalid", test_council_invalid);
  ADD ("/ocop/council/members", test_members);
  g_test_add_func ("/ocop/council/quorum/boundaries", test_quorum_pure);
  ADD ("/ocop/council/quorum/meeting", test_quorum_meeting);
  ADD ("/ocop/council/attendance", test_attendance);
  ADD ("/ocop/council/meetings", test_meetings);
  ADD ("/ocop/council/agenda", test_agenda);
  ADD ("/ocop/council/conflicts", test_conflicts);
  ADD ("/ocop/council/locked", test_locked);

  return g_test_run ();
}
