/* test-certificate.c: decisions, certificates, the 36-month lifecycle, the register,
 * importing a register, signing and verification
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting is built as tests/test-scoring.c builds it, on the small criteria set of
 * tests/data/council-set.json (sheets 01 and 02, four leaves each).
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-csv.h"
#include "ocop-db-private.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"

#define AUTHORITY "Ủy ban nhân dân tỉnh Thái Nguyên"

/* Option indices giving these totals: 75, 55, 0 (see test-scoring.c). */
static const int T75[] = { 2, 2, 2, 3 };
static const int T80[] = { 3, 2, 2, 3 };
static const int T70[] = { 1, 2, 2, 3 };
static const int T55[] = { 3, 2, 0, 2 };
static const int T50[] = { 3, 1, 1, 2 };
static const int T60[] = { 3, 1, 2, 2 };
static const int T0[] = { 0, 0, 0, 0 };

enum { CHAIR, VICE, MEMBER, N_MEMBERS };
enum { TEA, EGGS, MELON, N_PRODUCTS };   /* 4 stars, 3 stars, not passed */

typedef struct
{
  OcopDb          *db;
  OcopCriteriaSet *set;
  gint64           council_id;
  gint64           members[N_MEMBERS];
  gint64           products[N_PRODUCTS];
  gint64           meeting_id;
} Fixture;

static gint64
add_product (OcopDb     *db,
             gint64      producer_id,
             const char *name,
             const char *code,
             const char *product_set)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autoptr(GError) error = NULL;

  product->name = g_strdup (name);
  product->code = g_strdup (code);
  product->product_set = g_strdup (product_set);
  product->producer_id = producer_id;
  g_assert_true (ocop_db_save_product (db, product, &error));
  g_assert_no_error (error);

  return product->id;
}

static void
score (Fixture   *f,
       gint64     meeting_id,
       int        member,
       gint64     product_id,
       const int  options[4])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) sheet = ocop_db_open_score_sheet (f->db, meeting_id, f->members[member], product_id, 0, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    g_assert_true (ocop_db_tick (f->db, sheet->id, i, options[i], &error));
  g_assert_true (ocop_db_submit_sheet (f->db, sheet->id, &error));
  g_assert_no_error (error);
}

/* A meeting on @date with @products on its agenda, everyone present, in scoring. */
static gint64
new_meeting (Fixture      *f,
             const char   *date,
             const gint64 *products,
             guint         n_products)
{
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(GError) error = NULL;

  meeting->council_id = f->council_id;
  meeting->set_id = f->set->id;
  meeting->date = g_strdup (date);
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_products; i++)
    g_assert_true (ocop_db_add_agenda_item (f->db, meeting->id, products[i], &error));
  for (guint i = 0; i < N_MEMBERS; i++)
    g_assert_true (ocop_db_set_attendance (f->db, meeting->id, f->members[i], TRUE, &error));
  g_assert_true (ocop_db_set_meeting_state (f->db, meeting->id, OCOP_MEETING_SCORING, &error));
  g_assert_no_error (error);

  return meeting->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProducer) producer = ocop_producer_new ();
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autofree char *set_path = g_test_build_filename (G_TEST_DIST, "data", "council-set.json", NULL);
  const char *names[N_MEMBERS] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" };
  const OcopRole roles[N_MEMBERS] = { OCOP_ROLE_CHAIR, OCOP_ROLE_VICE_CHAIR, OCOP_ROLE_MEMBER };

  f->db = ocop_db_open (":memory:", &error);
  g_assert_no_error (error);
  ocop_db_set_actor (f->db, "Thư ký");
  f->set = ocop_db_import_criteria_file (f->db, set_path, &error);
  g_assert_no_error (error);

  producer->name = g_strdup ("Hợp tác xã Chè Tân Cương");
  producer->subject_type = OCOP_SUBJECT_COOPERATIVE;
  producer->address = g_strdup ("Xóm Hồng Thái 2");
  producer->commune = g_strdup ("Tân Cương");
  producer->district = g_strdup ("TP Thái Nguyên");
  producer->province = g_strdup ("Thái Nguyên");
  g_assert_true (ocop_db_save_producer (f->db, producer, &error));
  g_assert_no_error (error);
  f->products[TEA] = add_product (f->db, producer->id, "Chè xanh Tân Cương", "20-180-1-2025", "01");
  f->products[EGGS] = add_product (f->db, producer->id, "Trứng gà ri Đồng Hỷ", "20-180-2-2025", "02");
  f->products[MELON] = add_product (f->db, producer->id, "Dưa lưới Ánh Dương", "20-180-3-2025", "01");

  council->name = g_strdup ("Hội đồng OCOP tỉnh Thái Nguyên");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_148_1489;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  f->council_id = council->id;

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(OcopMember) member = ocop_member_new ();

      member->council_id = f->council_id;
      member->name = g_strdup (names[i]);
      member->role = roles[i];
      g_assert_true (ocop_db_add_member (f->db, member, &error));
      g_assert_no_error (error);
      f->members[i] = member->id;
    }

  f->meeting_id = new_meeting (f, "2025-09-12", f->products, N_PRODUCTS);
  score (f, f->meeting_id, CHAIR, f->products[TEA], T80);
  score (f, f->meeting_id, VICE, f->products[TEA], T75);
  score (f, f->meeting_id, MEMBER, f->products[TEA], T70);
  score (f, f->meeting_id, CHAIR, f->products[EGGS], T50);
  score (f, f->meeting_id, VICE, f->products[EGGS], T60);
  score (f, f->meeting_id, MEMBER, f->products[EGGS], T55);
  for (int m = 0; m < N_MEMBERS; m++)
    score (f, f->meeting_id, m, f->products[MELON], T0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->set, ocop_criteria_set_unref);
  g_assert_finalize_object (f->db);
}

static void
finalise (Fixture *f,
          gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ocop_db_finalise_meeting (f->db, meeting_id, &error));
  g_assert_no_error (error);
}

static void
create_key (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopSigningKey) key = ocop_signing_create_key (f->db, AUTHORITY, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
}

static OcopDecision *
decision_new (const char *number,
              const char *date)
{
  OcopDecision *d = ocop_decision_new ();

  d->number = g_strdup (number);
  d->date = g_strdup (date);
  d->authority = g_strdup (AUTHORITY);
  d->signer_title = g_strdup ("KT. CHỦ TỊCH|PHÓ CHỦ TỊCH");
  d->signer_name = g_strdup ("Nguyễn Huy Dũng");

  return d;
}

static gint64
count (OcopDb     *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _ocop_db_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (_ocop_db_step (db, stmt, "count", &error), ==, OCOP_DB_STEP_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* Issues the first meeting's certificates under 4894/QĐ-UBND of 15/09/2025. */
static GPtrArray *
issue_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDecision) d = decision_new ("4894/QĐ-UBND", "15/09/2025");
  GPtrArray *issued;

  finalise (f, f->meeting_id);
  create_key (f);
  issued = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);

  return issued;
}

/* ---- pure functions ---- */

static void
test_valid_until (void)
{
  static const struct { int y, m, d, months, uy, um, ud; } cases[] = {
    { 2024, 11, 12, 36, 2027, 11, 12 },   /* the example of the Civil Code's rule */
    { 2024, 2, 29, 36, 2027, 2, 28 },     /* leap day → no 29 February in 2027 */
    { 2024, 8, 31, 36, 2027, 8, 31 },
    { 2023, 11, 30, 36, 2026, 11, 30 },
    { 2023, 12, 31, 36, 2026, 12, 31 },   /* across the year end */
    { 2025, 2, 28, 36, 2028, 2, 28 },     /* into a leap year: the 28th stays the 28th */
    { 2024, 1, 31, 1, 2024, 2, 29 },      /* a month with no 31st: its last day */
    { 2023, 1, 31, 1, 2023, 2, 28 },
    { 2024, 5, 31, 1, 2024, 6, 30 },
    { 2024, 12, 15, 1, 2025, 1, 15 },
  };
  int y, m, d;
  g_autofree char *iso = NULL;
  g_autofree char *bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (ocop_certificate_valid_until (cases[i].y, cases[i].m, cases[i].d, cases[i].months, &y, &m, &d));
      g_assert_cmpint (y, ==, cases[i].uy);
      g_assert_cmpint (m, ==, cases[i].um);
      g_assert_cmpint (d, ==, cases[i].ud);
    }

  g_assert_false (ocop_certificate_valid_until (2023, 2, 29, 36, &y, &m, &d));
  g_assert_false (ocop_certificate_valid_until (2024, 13, 1, 36, &y, &m, &d));
  g_assert_false (ocop_certificate_valid_until (2024, 1, 1, 0, &y, &m, &d));

  iso = ocop_certificate_compute_valid_until ("2024-02-29", 36);
  g_assert_cmpstr (iso, ==, "2027-02-28");
  bad = ocop_certificate_compute_valid_until ("29/02/2024", 36);
  g_assert_null (bad);

  g_assert_cmpint (ocop_date_days_between ("2027-10-13", "2027-11-12"), ==, 30);
  g_assert_cmpint (ocop_date_days_between ("2028-03-01", "2028-02-28"), ==, -2);
  g_assert_cmpint (ocop_date_days_between ("2028-02-30", "2028-02-28"), ==, G_MININT);
}

static void
test_state_window (void)
{
  const char *until = "2027-11-12";

  /* The notice window: from valid_until − 30 days through valid_until, both included. */
  g_assert_cmpint (ocop_certificate_state_at ("2027-10-12", until, NULL, NULL, 30), ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpint (ocop_certificate_state_at ("2027-10-13", until, NULL, NULL, 30), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2027-11-12", until, NULL, NULL, 30), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2027-11-13", until, NULL, NULL, 30), ==, OCOP_CERTIFICATE_EXPIRED);
  /* 0 means the default 30 days; another window moves the boundary. */
  g_assert_cmpint (ocop_certificate_state_at ("2027-10-13", until, NULL, NULL, 0), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2027-09-13", until, NULL, NULL, 60), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2027-09-12", until, NULL, NULL, 60), ==, OCOP_CERTIFICATE_VALID);
  /* Across a year end and February. */
  g_assert_cmpint (ocop_certificate_state_at ("2026-12-16", "2027-01-15", NULL, NULL, 30), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2026-12-15", "2027-01-15", NULL, NULL, 30), ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpint (ocop_certificate_state_at ("2028-01-30", "2028-02-29", NULL, NULL, 30), ==, OCOP_CERTIFICATE_EXPIRING);
  g_assert_cmpint (ocop_certificate_state_at ("2028-01-29", "2028-02-29", NULL, NULL, 30), ==, OCOP_CERTIFICATE_VALID);

  /* Revocation and supersession count from their day on, and come first. */
  g_assert_cmpint (ocop_certificate_state_at ("2026-05-01", until, "2026-05-02", NULL, 30), ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpint (ocop_certificate_state_at ("2026-05-02", until, "2026-05-02", NULL, 30), ==, OCOP_CERTIFICATE_REVOKED);
  g_assert_cmpint (ocop_certificate_state_at ("2030-01-01", until, "2026-05-02", NULL, 30), ==, OCOP_CERTIFICATE_REVOKED);
  g_assert_cmpint (ocop_certificate_state_at ("2026-05-02", until, NULL, "2026-05-02", 30), ==, OCOP_CERTIFICATE_SUPERSEDED);
  g_assert_cmpint (ocop_certificate_state_at ("2026-05-01", until, NULL, "2026-05-02", 30), ==, OCOP_CERTIFICATE_VALID);

  g_assert_cmpstr (ocop_certificate_state_to_string (OCOP_CERTIFICATE_EXPIRING), ==, "expiring");
}

static void
test_number_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = ocop_certificate_format_number ("{seq}/GCN-OCOP-{year}", 7, 2024, &error);
  g_autofree char *b = ocop_certificate_format_number ("GCN-{year}-{seq:4}", 12, 2025, &error);
  char *bad;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "7/GCN-OCOP-2024");
  g_assert_cmpstr (b, ==, "GCN-2025-0012");

  bad = ocop_certificate_format_number ("GCN-{year}", 1, 2025, &error);
  g_assert_null (bad);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  bad = ocop_certificate_format_number ("{seq}/{month}", 1, 2025, &error);
  g_assert_null (bad);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  bad = ocop_certificate_format_number ("{seq", 1, 2025, &error);
  g_assert_null (bad);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
}

/* ---- issuing ---- */

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDecision) d = decision_new ("4894/QĐ-UBND", "15/09/2025");
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GPtrArray) again = NULL;
  GPtrArray *none;
  const OcopCertificate *tea, *eggs;
  gint64 chosen[] = { 0, 0 };

  /* Not before the meeting is finalised. */
  create_key (f);
  none = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_null (none);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not finalised"));
  g_clear_error (&error);

  finalise (f, f->meeting_id);

  /* Only recognised products: asking for the melon too refuses the whole batch. */
  chosen[0] = f->products[TEA];
  chosen[1] = f->products[MELON];
  none = ocop_db_issue_certificates (f->db, f->meeting_id, d, chosen, 2, &error);
  g_assert_null (none);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Dưa lưới Ánh Dương"));
  g_assert_null (strstr (error->message, "Chè xanh Tân Cương"));
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision"), ==, 0);

  /* A decision dated before the meeting. */
  g_free (d->date);
  d->date = g_strdup ("11/09/2025");
  none = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_null (none);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_free (d->date);
  d->date = g_strdup ("15/09/2025");

  /* Every recognised product, in one step. */
  issued = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 2);
  tea = g_ptr_array_index (issued, 0);
  eggs = g_ptr_array_index (issued, 1);
  g_assert_cmpstr (tea->number, ==, "1/GCN-OCOP-2025");
  g_assert_cmpstr (eggs->number, ==, "2/GCN-OCOP-2025");
  g_assert_cmpstr (tea->product_name, ==, "Chè xanh Tân Cương");
  g_assert_cmpint (tea->stars, ==, 4);
  g_assert_cmpfloat_with_epsilon (tea->score, 75.0, 1e-9);
  g_assert_cmpint (eggs->stars, ==, 3);
  g_assert_cmpstr (tea->issued_on, ==, "2025-09-15");
  g_assert_cmpstr (tea->valid_until, ==, "2028-09-15");
  g_assert_cmpstr (tea->decision_number, ==, "4894/QĐ-UBND");
  g_assert_cmpstr (tea->authority, ==, AUTHORITY);
  g_assert_cmpstr (tea->producer_name, ==, "Hợp tác xã Chè Tân Cương");
  g_assert_cmpstr (tea->commune, ==, "Tân Cương");
  g_assert_cmpint (tea->meeting_id, ==, f->meeting_id);
  g_assert_cmpint (tea->round, ==, 1);
  g_assert_false (tea->is_imported);
  g_assert_cmpint (tea->state, ==, OCOP_CERTIFICATE_VALID);
  g_assert_true (g_str_has_prefix (tea->payload, "OCOP1|1/GCN-OCOP-2025|Chè xanh Tân Cương|Hợp tác xã Chè Tân Cương|4|4894/QĐ-UBND|2028-09-15|"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision"), ==, 1);

  /* The audit log has each issue. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'certificate' AND action = 'insert'"
                                 " AND json_extract (detail, '$.event') = 'issue' AND actor = 'Thư ký'"), ==, 2);

  /* Nothing left to issue from this meeting. */
  again = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_null (again);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  chosen[0] = f->products[EGGS];
  again = ocop_db_issue_certificates (f->db, f->meeting_id, d, chosen, 1, &error);
  g_assert_null (again);
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2/GCN-OCOP-2025"));
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 2);
}

static void
test_issue_needs_key (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDecision) d = decision_new ("4894/QĐ-UBND", "15/09/2025");
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(OcopSigningKey) other = NULL;
  GPtrArray *none;

  finalise (f, f->meeting_id);
  none = ocop_db_issue_certificates (f->db, f->meeting_id, d, NULL, 0, &error);
  g_assert_null (none);
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY);
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision"), ==, 0);

  /* One active key per authority, matched ignoring case and diacritics. */
  key = ocop_signing_create_key (f->db, "UY BAN NHAN DAN TINH THAI NGUYEN", FALSE, &error);
  g_assert_no_error (error);
  other = ocop_signing_create_key (f->db, AUTHORITY, FALSE, &error);
  g_assert_null (other);
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_KEY_EXISTS);
  g_clear_error (&error);

  other = ocop_signing_create_key (f->db, AUTHORITY, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (other->public_key, key->public_key, OCOP_SIGNING_PUBLIC_KEY_BYTES) != 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM signing_key"), ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM signing_key WHERE active = 1"), ==, 1);

  /* Keys are never deleted, and cannot be changed. */
  g_assert_false (_ocop_db_exec (f->db, "DELETE FROM signing_key", "delete", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (_ocop_db_exec (f->db, "UPDATE signing_key SET public_key = zeroblob (32)", "update", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
  g_clear_error (&error);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_all (f);
  g_autoptr(OcopCertificate) after = NULL;
  const OcopCertificate *tea = g_ptr_array_index (issued, 0);
  static const char * const edits[] = {
    "UPDATE certificate SET stars = 5",
    "UPDATE certificate SET valid_until = '2030-01-01' WHERE number = '1/GCN-OCOP-2025'",
    "UPDATE certificate SET product_name = 'Chè khác'",
    "DELETE FROM certificate",
    "DELETE FROM certificate WHERE number = '1/GCN-OCOP-2025'",
    "DELETE FROM decision",
    "UPDATE decision SET number = '1/QĐ-UBND'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_assert_false (_ocop_db_exec (f->db, edits[i], "edit", &error));
      g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
      g_clear_error (&error);
    }

  after = ocop_db_get_certificate (f->db, tea->id, "2025-09-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->stars, ==, 4);
  g_assert_cmpstr (after->valid_until, ==, "2028-09-15");
  g_assert_cmpstr (after->product_name, ==, "Chè xanh Tân Cương");
  g_assert_cmpstr (after->payload, ==, tea->payload);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 2);

  /* Revocations are append-only too. */
  g_assert_true (ocop_db_revoke_certificate (f->db, tea->id, "2026-01-10", "Vi phạm an toàn thực phẩm", &error));
  g_assert_no_error (error);
  g_assert_false (_ocop_db_exec (f->db, "DELETE FROM certificate_revocation", "undo", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (_ocop_db_exec (f->db, "UPDATE certificate_revocation SET reason = 'x'", "edit", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_LOCKED);
  g_clear_error (&error);

  /* A certificate for a product the council did not recognise is refused by the
   * database itself too. */
  g_assert_false (_ocop_db_exec (f->db,
                                 "INSERT INTO certificate (number, decision_id, product_id, meeting_id, round, stars,"
                                 " issued_on, valid_until, product_name, producer_name, subject_type, payload, key_id,"
                                 " created_at) SELECT 'X', 1, p.id, 1, 1, 3, '2025-09-15', '2028-09-15', 'x', 'y',"
                                 " 'household', 'p', 1, 'now' FROM product p WHERE p.name = 'Dưa lưới Ánh Dương'",
                                 "insert", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

static void
test_number_unique (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDecision) d = decision_new ("4894/QĐ-UBND", "15/09/2025");
  g_autoptr(GPtrArray) issued = NULL;
  g_autofree char *pattern = NULL;
  gint64 one[] = { 0 };

  g_assert_false (ocop_db_set_certificate_pattern (f->db, "GCN-{year}", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  pattern = ocop_db_get_certificate_pattern (f->db, &error);
  g_assert_cmpstr (pattern, ==, OCOP_CERTIFICATE_DEFAULT_PATTERN);

  finalise (f, f->meeting_id);
  create_key (f);

  /* The first product under the default pattern, the second after a change of pattern
   * that would give a number already used: the next free one is taken. */
  one[0] = f->products[EGGS];
  issued = ocop_db_issue_certificates (f->db, f->meeting_id, d, one, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((OcopCertificate *) g_ptr_array_index (issued, 0))->number, ==, "1/GCN-OCOP-2025");
  g_clear_pointer (&issued, g_ptr_array_unref);

  g_assert_true (ocop_db_set_certificate_pattern (f->db, "{seq:3}/GCN-OCOP-{year}", &error));
  g_assert_no_error (error);
  one[0] = f->products[TEA];
  issued = ocop_db_issue_certificates (f->db, f->meeting_id, d, one, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((OcopCertificate *) g_ptr_array_index (issued, 0))->number, ==, "002/GCN-OCOP-2025");
  /* The same decision (same number, authority and date) is reused. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision"), ==, 1);

  /* The database refuses a duplicate number. */
  g_assert_false (_ocop_db_exec (f->db,
                                 "INSERT INTO certificate (number, decision_id, product_id, stars, issued_on, valid_until,"
                                 " product_name, producer_name, subject_type, is_imported, created_at)"
                                 " VALUES ('002/GCN-OCOP-2025', 1, 1, 3, '2025-01-01', '2028-01-01', 'a', 'b',"
                                 " 'household', 1, 'now')", "insert", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

static void
test_revoke (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_all (f);
  g_autoptr(OcopCertificate) before = NULL;
  g_autoptr(OcopCertificate) after = NULL;
  const OcopCertificate *tea = g_ptr_array_index (issued, 0);

  g_assert_false (ocop_db_revoke_certificate (f->db, tea->id, "2026-01-10", "  ", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ocop_db_revoke_certificate (f->db, tea->id, "2025-09-14", "Lý do", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ocop_db_revoke_certificate (f->db, tea->id, "2028-09-16", "Lý do", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ocop_db_revoke_certificate (f->db, 9999, "2026-01-10", "Lý do", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate_revocation"), ==, 0);

  g_assert_true (ocop_db_revoke_certificate (f->db, tea->id, "10/01/2026", "Vi phạm an toàn thực phẩm", &error));
  g_assert_no_error (error);

  before = ocop_db_get_certificate (f->db, tea->id, "2026-01-09", &error);
  after = ocop_db_get_certificate (f->db, tea->id, "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->state, ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpint (after->state, ==, OCOP_CERTIFICATE_REVOKED);
  g_assert_cmpstr (after->revoked_on, ==, "2026-01-10");
  g_assert_cmpstr (after->revocation_reason, ==, "Vi phạm an toàn thực phẩm");

  g_assert_false (ocop_db_revoke_certificate (f->db, tea->id, "2026-02-10", "Lần nữa", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'certificate'"
                                 " AND json_extract (detail, '$.event') = 'revoke'"), ==, 1);
}

static void
test_supersede (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_all (f);
  g_autoptr(GPtrArray) upgrade = NULL;
  g_autoptr(OcopDecision) d2 = decision_new ("120/QĐ-UBND", "20/01/2026");
  g_autoptr(OcopCertificate) old = NULL;
  g_autoptr(OcopCertificate) old_before = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  const OcopCertificate *eggs = g_ptr_array_index (issued, 1);
  const OcopCertificate *eggs4;
  gint64 meeting2;

  /* The eggs come back for an upgrade and reach 4 stars. */
  meeting2 = new_meeting (f, "2026-01-15", &f->products[EGGS], 1);
  score (f, meeting2, CHAIR, f->products[EGGS], T80);
  score (f, meeting2, VICE, f->products[EGGS], T75);
  score (f, meeting2, MEMBER, f->products[EGGS], T70);
  finalise (f, meeting2);

  upgrade = ocop_db_issue_certificates (f->db, meeting2, d2, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upgrade->len, ==, 1);
  eggs4 = g_ptr_array_index (upgrade, 0);
  g_assert_cmpint (eggs4->stars, ==, 4);
  g_assert_cmpstr (eggs4->number, ==, "1/GCN-OCOP-2026");   /* numbering restarts each year */
  g_assert_cmpstr (eggs4->valid_until, ==, "2029-01-20");

  old = ocop_db_get_certificate (f->db, eggs->id, "2026-01-20", &error);
  old_before = ocop_db_get_certificate (f->db, eggs->id, "2026-01-19", &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->state, ==, OCOP_CERTIFICATE_SUPERSEDED);
  g_assert_cmpint (old_before->state, ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpstr (old->superseded_on, ==, "2026-01-20");
  g_assert_cmpint (old->superseded_by, ==, eggs4->id);
  g_assert_cmpstr (old->superseded_by_number, ==, "1/GCN-OCOP-2026");

  /* A superseded certificate is not revoked, and not among the notices. */
  g_assert_false (ocop_db_revoke_certificate (f->db, eggs->id, "2026-02-01", "Lý do", &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
  g_clear_error (&error);
  notices = ocop_db_list_certificate_notices (f->db, "2028-09-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (((OcopCertificate *) g_ptr_array_index (notices, 0))->product_name, ==, "Chè xanh Tân Cương");

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'certificate'"
                                 " AND json_extract (detail, '$.event') = 'supersede'"), ==, 1);
  /* The upgraded certificate of the tea stays as it was. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate_supersession"), ==, 1);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_all (f);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  OcopCertificateFilter filter = { .as_of = "2026-01-01" };

  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Search folded like the registry: no diacritics, any case, several words. */
  filter.search = "TRUNG ga";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((OcopCertificate *) g_ptr_array_index (list, 0))->product_name, ==, "Trứng gà ri Đồng Hỷ");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.search = "trung lụa";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.search = NULL;

  filter.stars = 4;
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.stars = 0;

  filter.province = "Thái Nguyên";
  filter.year = 2025;
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.year = 2024;
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.year = 0;
  filter.province = "Hà Nội";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.province = NULL;

  /* States as of a day: before issue nothing, in the window "expiring", after "expired". */
  filter.as_of = "2025-09-14";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.as_of = "2028-08-16";
  filter.states = 1u << OCOP_CERTIFICATE_EXPIRING;
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.as_of = "2028-08-15";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.as_of = "2028-09-16";
  filter.states = (1u << OCOP_CERTIFICATE_EXPIRED) | (1u << OCOP_CERTIFICATE_REVOKED);
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((OcopCertificate *) g_ptr_array_index (list, 0))->state, ==, OCOP_CERTIFICATE_EXPIRED);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The notice list's window: valid_until − 30 days … valid_until. */
  notices = ocop_db_list_certificate_notices (f->db, "2028-08-15", 30, &error);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = ocop_db_list_certificate_notices (f->db, "2028-08-16", 30, &error);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpint (((OcopCertificate *) g_ptr_array_index (notices, 0))->days_left, ==, 30);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = ocop_db_list_certificate_notices (f->db, "2028-09-15", 0, &error);
  g_assert_cmpuint (notices->len, ==, 2);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = ocop_db_list_certificate_notices (f->db, "2028-09-16", 30, &error);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = ocop_db_list_certificate_notices (f->db, "2028-07-17", 60, &error);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_no_error (error);

  /* CSV with a BOM, one header and one line per certificate, values as stored. */
  csv = ocop_certificates_to_csv (notices);
  g_assert_true (g_str_has_prefix (csv, OCOP_CSV_UTF8_BOM "certificate number,product code,product,"));
  g_assert_nonnull (strstr (csv, "1/GCN-OCOP-2025,20-180-1-2025,Chè xanh Tân Cương,Hợp tác xã Chè Tân Cương,cooperative,"));
  g_assert_nonnull (strstr (csv, ",2025-09-15,2028-09-15,4894/QĐ-UBND,Ủy ban nhân dân tỉnh Thái Nguyên,expiring,60,"));

  dir = g_dir_make_tmp ("ocop-test-certificate-XXXXXX", &error);
  xlsx = g_build_filename (dir, "register.xlsx", NULL);
  g_assert_true (ocop_certificates_export_xlsx (notices, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &bytes, &len, &error));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (bytes, 2, "PK", 2);
  g_unlink (xlsx);
  g_rmdir (dir);

  g_clear_pointer (&xlsx, g_free);
  xlsx = g_build_filename (dir, "no", "such", "dir.xlsx", NULL);
  g_assert_false (ocop_certificates_export_xlsx (notices, xlsx, &error));
  g_assert_nonnull (error);
}

/* ---- importing a register ---- */

static void
test_import_register (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "register-good.csv", NULL);
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  OcopCertificateFilter filter = { .as_of = "2023-10-01", .search = "La Bang" };
  gint64 producers = count (f->db, "SELECT count(*) FROM producer");
  gint64 products = count (f->db, "SELECT count(*) FROM product");
  const OcopCertificate *c;

  report = ocop_import_register_csv (f->db, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_imported, ==, 4);
  g_assert_cmpuint (report->n_created, ==, 6);   /* 3 producers and 3 products */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM producer"), ==, producers + 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM product"), ==, products + 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision WHERE is_imported = 1 AND meeting_id IS NULL"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate WHERE is_imported = 1 AND meeting_id IS NULL"
                                 " AND payload IS NULL"), ==, 4);

  /* The tea's 3-star certificate of 2021 was superseded by the 4-star one of 2023. */
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpint (c->stars, ==, 4);
  g_assert_cmpstr (c->valid_until, ==, "2026-09-20");   /* computed: 36 months */
  g_assert_cmpint (c->state, ==, OCOP_CERTIFICATE_VALID);
  g_assert_cmpstr (c->authority, ==, "UBND tỉnh Thái Nguyên");
  g_assert_cmpstr (c->district, ==, "Đại Từ");
  g_assert_cmpint (c->subject_type, ==, OCOP_SUBJECT_COOPERATIVE);
  c = g_ptr_array_index (list, 1);
  g_assert_cmpint (c->stars, ==, 3);
  g_assert_cmpstr (c->valid_until, ==, "2024-06-15");
  g_assert_cmpint (c->state, ==, OCOP_CERTIFICATE_SUPERSEDED);
  g_assert_cmpstr (c->superseded_on, ==, "2023-09-20");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The file's expiry is kept; the imported history counts in the notices. */
  filter.search = "phu do";
  list = ocop_db_list_certificates (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->issued_on, ==, "2020-02-29");
  g_assert_cmpstr (c->valid_until, ==, "2023-02-28");
  g_assert_cmpint (c->state, ==, OCOP_CERTIFICATE_EXPIRED);
  g_assert_null (c->number);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ocop_db_list_certificate_notices (f->db, "2026-09-01", 30, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The same file again: every row is already in the register. */
  g_clear_pointer (&report, ocop_import_report_free);
  report = ocop_import_register_csv (f->db, path, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "already in the register"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 4);
}

static const OcopImportProblem *
find_problem (OcopImportReport *report,
              guint             line,
              const char       *field)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const OcopImportProblem *p = g_ptr_array_index (report->problems, i);

      if (p->line == line && g_strcmp0 (p->field, field) == 0)
        return p;
    }

  return NULL;
}

static void
test_import_register_bad (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "register-bad.csv", NULL);
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "register-missing.csv", NULL);
  g_autoptr(OcopImportReport) rejected = NULL;
  OcopImportReport *report;
  gint64 producers = count (f->db, "SELECT count(*) FROM producer");
  gint64 products = count (f->db, "SELECT count(*) FROM product");

  report = ocop_import_register_csv (f->db, path, &rejected, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "line 3, column “stars”"));
  g_assert_nonnull (strstr (error->message, "line 4, column “recognition date”"));

  g_assert_nonnull (rejected);
  g_assert_cmpuint (rejected->problems->len, ==, 4);
  g_assert_nonnull (find_problem (rejected, 3, "stars"));
  g_assert_nonnull (strstr (find_problem (rejected, 3, "stars")->message, "“2”"));
  g_assert_nonnull (find_problem (rejected, 4, "recognition date"));
  g_assert_nonnull (strstr (find_problem (rejected, 4, "recognition date")->message, "31/02/2023"));
  g_assert_nonnull (find_problem (rejected, 5, "expiry"));
  g_assert_nonnull (find_problem (rejected, 5, "subject type"));
  g_assert_null (find_problem (rejected, 2, "stars"));

  /* Nothing written, not even the good first row. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM certificate"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM producer"), ==, producers);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM product"), ==, products);
  g_clear_error (&error);

  report = ocop_import_register_csv (f->db, missing, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_FILE);
}

/* ---- signing and verification ---- */

static void
test_signing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_all (f);
  g_autoptr(OcopSigningKey) key = ocop_db_get_signing_key (f->db, AUTHORITY, &error);
  g_autofree char *exported = NULL;
  g_autofree char *authority = NULL;
  const OcopCertificate *tea = g_ptr_array_index (issued, 0);
  OcopVerification v = { 0 };
  OcopPayload fields = { 0 };
  guint8 public_key[OCOP_SIGNING_PUBLIC_KEY_BYTES];
  gsize len = strlen (tea->payload);

  g_assert_no_error (error);

  /* Round trip, with the fields as signed. */
  g_assert_true (ocop_signing_verify_payload (tea->payload, key->public_key, 1, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fields.certificate_number, ==, "1/GCN-OCOP-2025");
  g_assert_cmpstr (fields.product_name, ==, "Chè xanh Tân Cương");
  g_assert_cmpint (fields.stars, ==, 4);
  g_assert_cmpstr (fields.valid_until, ==, "2028-09-15");
  ocop_payload_clear (&fields);
  /* Small enough for a QR code at print size. */
  g_assert_cmpuint (len, <, 300);

  g_assert_true (ocop_db_verify_payload (f->db, tea->payload, "2026-01-01", NULL, 0, &v, &error));
  g_assert_cmpint (v.status, ==, OCOP_VERIFY_VALID);
  g_assert_cmpstr (v.authority, ==, AUTHORITY);
  g_assert_nonnull (v.certificate);
  ocop_verification_clear (&v);
  g_assert_true (ocop_db_verify_payload (f->db, tea->payload, "2028-09-16", NULL, 0, &v, &error));
  g_assert_cmpint (v.status, ==, OCOP_VERIFY_EXPIRED);
  ocop_verification_clear (&v);

  /* Every byte changed, one at a time: never valid. */
  for (gsize i = 0; i < len; i++)
    {
      g_autofree char *tampered = g_strdup (tea->payload);

      tampered[i] = tampered[i] == 'x' ? 'y' : 'x';
      g_assert_true (ocop_db_verify_payload (f->db, tampered, "2026-01-01", NULL, 0, &v, &error));
      g_assert_no_error (error);
      if (v.status != OCOP_VERIFY_FORGED)
        g_error ("byte %" G_GSIZE_FORMAT " changed gives %s", i, ocop_verify_status_to_string (v.status));
      ocop_verification_clear (&v);
    }
  /* Cut short, or lengthened. */
  {
    g_autofree char *shorter = g_strndup (tea->payload, len - 1);
    g_autofree char *longer = g_strconcat (tea->payload, "A", NULL);

    g_assert_true (ocop_db_verify_payload (f->db, shorter, NULL, NULL, 0, &v, &error));
    g_assert_cmpint (v.status, ==, OCOP_VERIFY_FORGED);
    ocop_verification_clear (&v);
    g_assert_true (ocop_db_verify_payload (f->db, longer, NULL, NULL, 0, &v, &error));
    g_assert_cmpint (v.status, ==, OCOP_VERIFY_FORGED);
    ocop_verification_clear (&v);
    g_assert_true (ocop_db_verify_payload (f->db, "not a certificate", NULL, NULL, 0, &v, &error));
    g_assert_cmpint (v.status, ==, OCOP_VERIFY_FORGED);
    ocop_verification_clear (&v);
  }

  /* The public key file round trip. */
  exported = ocop_signing_key_export_public (key);
  g_assert_nonnull (strstr (exported, "authority: " AUTHORITY "\n"));
  g_assert_null (strstr (exported, "secret"));
  g_assert_true (ocop_signing_parse_public_key (exported, public_key, &authority, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (public_key, sizeof public_key, key->public_key, OCOP_SIGNING_PUBLIC_KEY_BYTES);
  g_assert_cmpstr (authority, ==, AUTHORITY);
  g_assert_false (ocop_signing_parse_public_key ("ed25519: AAAA\n", public_key, NULL, &error));
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_BAD_KEY);
  g_clear_error (&error);

  /* A wrong key: another authority's. */
  {
    g_autoptr(OcopDb) other = ocop_db_open (":memory:", &error);
    g_autoptr(OcopSigningKey) wrong = ocop_signing_create_key (other, "UBND tỉnh Bắc Kạn", FALSE, &error);

    g_assert_no_error (error);
    g_assert_false (ocop_signing_verify_payload (tea->payload, wrong->public_key, 1, NULL, NULL, &error));
    g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_FORGED);
    g_clear_error (&error);
    g_assert_true (ocop_db_verify_payload (other, tea->payload, NULL, NULL, 0, &v, &error));
    g_assert_cmpint (v.status, ==, OCOP_VERIFY_FORGED);
    ocop_verification_clear (&v);

    /* With the exported key the signature is genuine, but the other register does not
     * know the certificate. */
    g_assert_true (ocop_db_verify_payload (other, tea->payload, NULL, public_key, 1, &v, &error));
    g_assert_cmpint (v.status, ==, OCOP_VERIFY_UNKNOWN);
    g_assert_cmpstr (v.fields.certificate_number, ==, "1/GCN-OCOP-2025");
    ocop_verification_clear (&v);
    g_assert_finalize_object (g_steal_pointer (&other));
  }

  /* Revoked, then. */
  g_assert_true (ocop_db_revoke_certificate (f->db, tea->id, "2026-03-01", "Thu hồi theo đề nghị của chủ thể", &error));
  g_assert_true (ocop_db_verify_payload (f->db, tea->payload, "2026-03-02", NULL, 0, &v, &error));
  g_assert_cmpint (v.status, ==, OCOP_VERIFY_REVOKED);
  g_assert_nonnull (strstr (v.message, "Thu hồi theo đề nghị của chủ thể"));
  ocop_verification_clear (&v);
}

static void
test_payload_escaping (void)
{
  g_autoptr(GError) error = NULL;
  guint8 pk[OCOP_SIGNING_PUBLIC_KEY_BYTES];
  guint8 sk[OCOP_SIGNING_SECRET_KEY_BYTES];
  g_autofree char *long_name = NULL;
  g_autofree char *payload = NULL;
  OcopPayload in = { 0 }, out = { 0 };

  g_assert_true (ocop_signing_init (&error));
  crypto_sign_keypair (pk, sk);

  long_name = g_strnfill (80, 'a');
  in.certificate_number = "1|2%3";
  in.product_name = long_name;
  in.producer_name = "Hộ kinh doanh | Bà Hoa";
  in.stars = 5;
  in.decision_number = "377/QĐ-BNN-VPĐP";
  in.valid_until = "2028-01-17";
  payload = ocop_signing_sign_payload (&in, sk);

  g_assert_true (ocop_signing_verify_payload (payload, pk, 1, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out.certificate_number, ==, "1|2%3");
  g_assert_cmpstr (out.producer_name, ==, "Hộ kinh doanh | Bà Hoa");
  g_assert_cmpint ((int) strlen (out.product_name), ==, OCOP_PAYLOAD_NAME_MAX);
  ocop_payload_clear (&out);

  g_assert_false (ocop_signing_parse_payload ("OCOP1|a|b|c|9|d|2028-01-17|sig", &out, &error));
  g_assert_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_BAD_PAYLOAD);
  g_clear_error (&error);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/certificate/valid-until", test_valid_until);
  g_test_add_func ("/ocop/certificate/state-window", test_state_window);
  g_test_add_func ("/ocop/certificate/number-pattern", test_number_pattern);
  g_test_add_func ("/ocop/certificate/payload-escaping", test_payload_escaping);
  ADD ("/ocop/certificate/issue", test_issue);
  ADD ("/ocop/certificate/issue-needs-key", test_issue_needs_key);
  ADD ("/ocop/certificate/locked", test_locked);
  ADD ("/ocop/certificate/number-unique", test_number_unique);
  ADD ("/ocop/certificate/revoke", test_revoke);
  ADD ("/ocop/certificate/supersede", test_supersede);
  ADD ("/ocop/certificate/register", test_register);
  ADD ("/ocop/certificate/import-register", test_import_register);
  ADD ("/ocop/certificate/import-register-bad", test_import_register_bad);
  ADD ("/ocop/certificate/signing", test_signing);

  return g_test_run ();
}
