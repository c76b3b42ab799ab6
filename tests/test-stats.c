/* test-stats.c: the report's figures on a hand-built register, and programme targets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-rating.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-stats.h"

/* The register (OCOP.md §9 counts the 36 months):
 *
 *   product  producer (type, place)        year  certificates
 *   A1       P1 coop, Tỉnh A / Huyện X     2020  c2 3★ 2020-08-31 (→ 2023-08-31), superseded by
 *                                                c4 4★ 2022-02-28 (→ 2025-02-28): an upgrade
 *   A2       P1                            2021  c3 3★ 2021-01-31 (→ 2024-01-31)
 *   A3       P2 enterprise, Tỉnh A / Y     2020  c5 4★ 2020-07-31 (→ 2023-07-31)
 *   A4       P2                            2019  c1 3★ 2019-06-30 (→ 2022-06-30, lapsed), then
 *                                                c7 3★ 2022-12-31 (→ 2025-12-31)
 *   B1       P3 household, Tỉnh B / Z      2021  c6 3★ 2020-02-29 (→ 2023-02-28), revoked 2021-05-15
 *   A5       P4 coop group, Tỉnh A / X     2023  c8 3★ 2023-01-15 (after the period)
 *
 * A meeting of 2021-05-20 (finalised) recognised A2 (evaluated as an upgrade) at 5★ and
 * did not pass B1; a meeting of 2021-06-01 is not finalised. */

typedef struct
{
  OcopDb *db;
  char   *csv;
  gint64  products[6];
} Fixture;

static const struct
{
  const char     *name;
  OcopSubjectType type;
  const char     *province;
  const char     *district;
} producers[] = {
  { "P1", OCOP_SUBJECT_COOPERATIVE, "Tỉnh A", "Huyện X" },
  { "P2", OCOP_SUBJECT_ENTERPRISE, "Tỉnh A", "Huyện Y" },
  { "P3", OCOP_SUBJECT_HOUSEHOLD, "Tỉnh B", "Huyện Z" },
  { "P4", OCOP_SUBJECT_COOPERATIVE_GROUP, "Tỉnh A", "Huyện X" },
};

static const struct
{
  const char *name;
  const char *code;
  const char *set;
  guint       producer;
  int         year;
} products[] = {
  { "A1", "TA-X-1-2020", "12", 0, 2020 },
  { "A2", "TA-X-2-2021", "07", 0, 2021 },
  { "A3", "TA-Y-3-2020", "12", 1, 2020 },
  { "A4", "TA-Y-4-2019", "07", 1, 2019 },
  { "B1", "TB-Z-5-2021", "04", 2, 2021 },
  { "A5", "TA-X-6-2023", "12", 3, 2023 },
};

static const char register_csv[] =
  "product code,product,producer,subject type,district,province,stars,recognition date,decision number,issuing authority,certificate number\n"
  "TA-Y-4-2019,A4,P2,enterprise,Huyện Y,Tỉnh A,3,30/06/2019,101/QĐ-UBND,UBND tỉnh A,GCN-1\n"
  "TA-X-1-2020,A1,P1,cooperative,Huyện X,Tỉnh A,3,31/08/2020,102/QĐ-UBND,UBND tỉnh A,GCN-2\n"
  "TA-X-2-2021,A2,P1,cooperative,Huyện X,Tỉnh A,3,31/01/2021,103/QĐ-UBND,UBND tỉnh A,GCN-3\n"
  "TA-X-1-2020,A1,P1,cooperative,Huyện X,Tỉnh A,4,28/02/2022,104/QĐ-UBND,UBND tỉnh A,GCN-4\n"
  "TA-Y-3-2020,A3,P2,enterprise,Huyện Y,Tỉnh A,4,31/07/2020,105/QĐ-UBND,UBND tỉnh A,GCN-5\n"
  "TB-Z-5-2021,B1,P3,household,Huyện Z,Tỉnh B,3,29/02/2020,106/QĐ-UBND,UBND tỉnh B,GCN-6\n"
  "TA-Y-4-2019,A4,P2,enterprise,Huyện Y,Tỉnh A,3,31/12/2022,107/QĐ-UBND,UBND tỉnh A,GCN-7\n"
  "TA-X-6-2023,A5,P4,cooperative group,Huyện X,Tỉnh A,3,15/01/2023,108/QĐ-UBND,UBND tỉnh A,GCN-8\n";

/* Ticks every required leaf: the best option (100 points) or the worst non-zero one. */
static void
score_product (OcopDb                *db,
               const OcopCriteriaSet *set,
               gint64                 meeting_id,
               gint64                 member_id,
               gint64                 product_id,
               const char            *sheet_code,
               gboolean               best)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) row = NULL;
  const OcopSheet *sheet = NULL;
  g_autofree int *options = NULL;
  OcopSheetAnswers answers = { NULL, FALSE, NULL };
  OcopSheetScore score = { 0 };

  for (guint i = 0; i < set->sheets->len; i++)
    if (g_str_equal (((OcopSheet *) g_ptr_array_index (set->sheets, i))->code, sheet_code))
      sheet = g_ptr_array_index (set->sheets, i);
  g_assert_nonnull (sheet);

  options = g_new (int, sheet->leaves->len);
  for (guint l = 0; l < sheet->leaves->len; l++)
    {
      const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, l);
      double chosen = best ? -1 : G_MAXDOUBLE;

      options[l] = 0;
      for (guint o = 0; o < leaf->options->len; o++)
        {
          double points = ((OcopOption *) g_ptr_array_index (leaf->options, o))->points;

          if ((best && points > chosen) || (!best && points > 0 && points < chosen))
            {
              chosen = points;
              options[l] = o;
            }
        }
    }
  answers.options = options;
  ocop_rating_score_sheet (set, sheet, &answers, &score);

  row = ocop_db_open_score_sheet (db, meeting_id, member_id, product_id, 0, &error);
  g_assert_no_error (error);
  for (guint l = 0; l < sheet->leaves->len; l++)
    if (score.leaf_states[l] == OCOP_LEAF_REQUIRED)
      {
        g_assert_true (ocop_db_tick (db, row->id, l, options[l], &error));
        g_assert_no_error (error);
      }
  ocop_sheet_score_clear (&score);
  g_assert_true (ocop_db_submit_sheet (db, row->id, &error));
  g_assert_no_error (error);
}

static void
add_meetings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(OcopMeeting) open = ocop_meeting_new ();
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(OcopMember) member = ocop_member_new ();
  g_autoptr(OcopProduct) a2 = NULL;

  set = ocop_db_load_criteria_set_by_code (f->db, "qd-1048-2019", &error);
  g_assert_no_error (error);

  /* A2 comes as an upgrade. */
  a2 = ocop_db_get_product (f->db, f->products[1], &error);
  g_assert_no_error (error);
  a2->evaluation_type = OCOP_EVALUATION_UPGRADE;
  g_assert_true (ocop_db_save_product (f->db, a2, &error));
  g_assert_no_error (error);

  council->name = g_strdup ("Central council");
  council->level = OCOP_LEVEL_CENTRAL;
  council->regime = OCOP_REGIME_1048;
  g_assert_true (ocop_db_save_council (f->db, council, &error));
  g_assert_no_error (error);
  member->council_id = council->id;
  member->name = g_strdup ("Chair");
  member->role = OCOP_ROLE_CHAIR;
  g_assert_true (ocop_db_add_member (f->db, member, &error));
  g_assert_no_error (error);

  meeting->council_id = council->id;
  meeting->set_id = set->id;
  meeting->date = g_strdup ("2021-05-20");
  g_assert_true (ocop_db_save_meeting (f->db, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_add_agenda_item (f->db, meeting->id, f->products[1], &error));
  g_assert_true (ocop_db_add_agenda_item (f->db, meeting->id, f->products[4], &error));
  g_assert_true (ocop_db_set_attendance (f->db, meeting->id, member->id, TRUE, &error));
  g_assert_no_error (error);
  score_product (f->db, set, meeting->id, member->id, f->products[1], "07", TRUE);
  score_product (f->db, set, meeting->id, member->id, f->products[4], "04", FALSE);
  g_assert_true (ocop_db_finalise_meeting (f->db, meeting->id, &error));
  g_assert_no_error (error);

  /* Not finalised: not counted. */
  open->council_id = council->id;
  open->set_id = set->id;
  open->date = g_strdup ("2021-06-01");
  g_assert_true (ocop_db_save_meeting (f->db, open, &error));
  g_assert_no_error (error);
  g_assert_true (ocop_db_add_agenda_item (f->db, open->id, f->products[2], &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopCertificate) c6 = NULL;
  g_autofree char *dir = ocop_criteria_get_bundled_dir ();
  gint64 producer_ids[G_N_ELEMENTS (producers)];
  int fd;

  f->db = ocop_db_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ocop_db_import_bundled_criteria (f->db, dir, &error), >=, 1);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (producers); i++)
    {
      g_autoptr(OcopProducer) p = ocop_producer_new ();

      p->name = g_strdup (producers[i].name);
      p->subject_type = producers[i].type;
      p->province = g_strdup (producers[i].province);
      p->district = g_strdup (producers[i].district);
      g_assert_true (ocop_db_save_producer (f->db, p, &error));
      g_assert_no_error (error);
      producer_ids[i] = p->id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_autoptr(OcopProduct) p = ocop_product_new ();

      p->name = g_strdup (products[i].name);
      p->code = g_strdup (products[i].code);
      p->product_set = g_strdup (products[i].set);
      p->producer_id = producer_ids[products[i].producer];
      p->year = products[i].year;
      g_assert_true (ocop_db_save_product (f->db, p, &error));
      g_assert_no_error (error);
      f->products[i] = p->id;
    }

  fd = g_file_open_tmp ("test-stats-XXXXXX.csv", &f->csv, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (f->csv, register_csv, -1, &error));
  g_assert_no_error (error);
  report = ocop_import_register_csv (f->db, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  c6 = ocop_db_find_certificate (f->db, "GCN-6", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c6->valid_until, ==, "2023-02-28");
  g_assert_true (ocop_db_revoke_certificate (f->db, c6->id, "2021-05-15", "Labelling fault", &error));
  g_assert_no_error (error);

  add_meetings (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->csv);
  g_free (f->csv);
  g_assert_finalize_object (f->db);
}

static OcopStats *
stats_for (Fixture    *f,
           const char *from,
           const char *to,
           const char *as_of,
           const char *province,
           const char *district)
{
  g_autoptr(GError) error = NULL;
  OcopStatsQuery query = { from, to, as_of, province, district };
  OcopStats *stats = ocop_db_compute_stats (f->db, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);

  /* The identity, per star, whatever the query. */
  for (int s = 0; s <= 5; s++)
    {
      g_assert_cmpuint (stats->ever_certified.n[s] - stats->expired.n[s] - stats->revoked.n[s] -
                        stats->superseded.n[s], ==, stats->in_force.n[s]);
      g_assert_cmpuint (stats->valid.n[s] + stats->expiring.n[s], ==, stats->in_force.n[s]);
    }

  return stats;
}

static const OcopStatsGroup *
group (GPtrArray  *groups,
       const char *key)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (((OcopStatsGroup *) g_ptr_array_index (groups, i))->key, key))
      return g_ptr_array_index (groups, i);
  g_assert_not_reached ();
  return NULL;
}

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(OcopStats) s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", NULL, NULL);
  const OcopStatsGroup *g;

  g_assert_cmpstr (s->as_of, ==, "2023-06-30");
  g_assert_cmpint (s->notice_days, ==, 30);
  /* A1, A2, A3, B1 were registered 2020–2022; A4 (2019) and A5 (2023) were not. */
  g_assert_cmpuint (s->registered, ==, 4);
  g_assert_cmpuint (s->evaluated, ==, 2);
  g_assert_cmpuint (s->evaluations, ==, 2);
  g_assert_cmpuint (s->by_outcome[OCOP_OUTCOME_RECOGNISED], ==, 1);
  g_assert_cmpuint (s->by_outcome[OCOP_OUTCOME_NOT_PASSED], ==, 1);
  g_assert_cmpuint (s->upgrades_recognised, ==, 1);

  /* Issued within the period: c2 c3 c4 c5 c6 c7; by its end also c1. */
  g_assert_cmpuint (s->certified.n[0], ==, 6);
  g_assert_cmpuint (s->certified.n[3], ==, 4);
  g_assert_cmpuint (s->certified.n[4], ==, 2);
  g_assert_cmpuint (s->ever_certified.n[0], ==, 7);
  g_assert_cmpuint (s->ever_certified.n[3], ==, 5);
  g_assert_cmpuint (s->ever_certified.n[4], ==, 2);
  /* On 30/06/2023: c1 lapsed, c2 superseded, c6 revoked; c3 c4 c5 c7 in force. */
  g_assert_cmpuint (s->expired.n[3], ==, 1);
  g_assert_cmpuint (s->superseded.n[3], ==, 1);
  g_assert_cmpuint (s->revoked.n[3], ==, 1);
  g_assert_cmpuint (s->expired.n[4] + s->superseded.n[4] + s->revoked.n[4], ==, 0);
  g_assert_cmpuint (s->in_force.n[0], ==, 4);
  g_assert_cmpuint (s->in_force.n[3], ==, 2);
  g_assert_cmpuint (s->in_force.n[4], ==, 2);
  g_assert_cmpuint (s->in_force.n[5], ==, 0);
  g_assert_cmpuint (s->products_in_force, ==, 4);
  /* c5 ends on 31/07/2023: 31 days away, outside the 30-day notice, within 90 days. */
  g_assert_cmpuint (s->expiring.n[0], ==, 0);
  g_assert_cmpuint (s->expiring_30, ==, 0);
  g_assert_cmpuint (s->expiring_90, ==, 1);
  g_assert_cmpuint (s->upgraded, ==, 1);

  g_assert_cmpuint (s->producers, ==, 4);
  for (int t = 0; t < OCOP_SUBJECT_N; t++)
    g_assert_cmpuint (s->producers_by_type[t], ==, 1);
  g_assert_cmpuint (s->subjects, ==, 2);
  g_assert_cmpuint (s->subjects_by_type[OCOP_SUBJECT_COOPERATIVE], ==, 1);
  g_assert_cmpuint (s->subjects_by_type[OCOP_SUBJECT_ENTERPRISE], ==, 1);
  g_assert_cmpfloat_with_epsilon (ocop_stats_percent (s->subjects_by_type[OCOP_SUBJECT_COOPERATIVE], s->subjects), 50.0, 1e-9);

  /* By product set: sorted by code, named from the criteria set. */
  g_assert_cmpuint (s->by_product_set->len, ==, 3);
  g_assert_cmpstr (((OcopStatsGroup *) g_ptr_array_index (s->by_product_set, 0))->key, ==, "04");
  g = group (s->by_product_set, "12");
  g_assert_cmpstr (g->label, ==, "Chè tươi, chè chế biến");
  g_assert_cmpuint (g->registered, ==, 2);
  g_assert_cmpuint (g->certified, ==, 3);
  g_assert_cmpuint (g->in_force, ==, 2);
  g = group (s->by_product_set, "07");
  g_assert_cmpuint (g->registered, ==, 1);
  g_assert_cmpuint (g->evaluated, ==, 1);
  g_assert_cmpuint (g->certified, ==, 2);
  g_assert_cmpuint (g->in_force, ==, 2);
  g = group (s->by_product_set, "04");
  g_assert_cmpuint (g->registered, ==, 1);
  g_assert_cmpuint (g->certified, ==, 1);
  g_assert_cmpuint (g->in_force, ==, 0);

  /* By district, in Vietnamese order. */
  g_assert_cmpuint (s->by_district->len, ==, 3);
  g_assert_cmpstr (((OcopStatsGroup *) g_ptr_array_index (s->by_district, 0))->key, ==, "Huyện X");
  g = group (s->by_district, "Huyện X");
  g_assert_cmpuint (g->registered, ==, 2);
  g_assert_cmpuint (g->certified, ==, 3);
  g_assert_cmpuint (g->in_force, ==, 2);
  g = group (s->by_district, "Huyện Y");
  g_assert_cmpuint (g->registered, ==, 1);
  g_assert_cmpuint (g->certified, ==, 2);
  g_assert_cmpuint (g->in_force, ==, 2);
}

static void
test_boundaries (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OcopStats) s = NULL;

  /* 01/07/2023: c5 has 30 days left, the notice window's first day. */
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-07-01", NULL, NULL);
  g_assert_cmpuint (s->expiring.n[4], ==, 1);
  g_assert_cmpuint (s->expiring_30, ==, 1);
  g_assert_cmpuint (s->in_force.n[0], ==, 4);
  g_clear_pointer (&s, ocop_stats_free);

  /* 31/07/2023, its last day: still in force; 01/08/2023: lapsed. */
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-07-31", NULL, NULL);
  g_assert_cmpuint (s->expiring.n[4], ==, 1);
  g_assert_cmpuint (s->expired.n[4], ==, 0);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-08-01", NULL, NULL);
  g_assert_cmpuint (s->expiring.n[4], ==, 0);
  g_assert_cmpuint (s->expired.n[4], ==, 1);
  g_assert_cmpuint (s->in_force.n[4], ==, 1);
  g_clear_pointer (&s, ocop_stats_free);

  /* c2 (→ 31/08/2023) is superseded, never expiring. On 30/06/2022 c1 ends its 36
   * months: in force on its last day, lapsed the day after. */
  s = stats_for (f, "2019-01-01", "2022-06-30", NULL, NULL, NULL);
  g_assert_cmpstr (s->as_of, ==, "2022-06-30");
  g_assert_cmpuint (s->expiring.n[3], ==, 1);
  g_assert_cmpuint (s->expired.n[3], ==, 0);
  g_assert_cmpuint (s->superseded.n[3], ==, 1);
  g_assert_cmpuint (s->revoked.n[3], ==, 1);
  g_assert_cmpuint (s->expiring_30, ==, 1);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2019-01-01", "2022-06-30", "2022-07-01", NULL, NULL);
  g_assert_cmpuint (s->expired.n[3], ==, 1);
  g_clear_pointer (&s, ocop_stats_free);

  /* The period's ends are inclusive: c3 was issued on 31/01/2021, c7 on 31/12/2022. */
  s = stats_for (f, "2021-01-31", "2022-12-31", "2023-06-30", NULL, NULL);
  g_assert_cmpuint (s->certified.n[0], ==, 3);   /* c3 c4 c7 */
  g_assert_cmpuint (s->ever_certified.n[0], ==, 7);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2021-02-01", "2022-12-30", "2023-06-30", NULL, NULL);
  g_assert_cmpuint (s->certified.n[0], ==, 1);   /* c4 */
  g_assert_cmpuint (s->ever_certified.n[0], ==, 6);
  /* The meeting of 20/05/2021 is within the period; registered counts whole years. */
  g_assert_cmpuint (s->evaluated, ==, 2);
  g_assert_cmpuint (s->registered, ==, 2);       /* A2 and B1, 2021 */
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2021-05-21", "2022-12-31", "2023-06-30", NULL, NULL);
  g_assert_cmpuint (s->evaluated, ==, 0);
  g_clear_pointer (&s, ocop_stats_free);

  /* Issued after the period (c8, 2023): outside the population, even when the states
   * are taken later. */
  s = stats_for (f, NULL, "2022-12-31", "2023-06-30", NULL, NULL);
  g_assert_cmpuint (s->ever_certified.n[0], ==, 7);
  g_assert_cmpuint (s->certified.n[0], ==, 7);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, NULL, "2023-06-30", NULL, NULL, NULL);
  g_assert_cmpuint (s->ever_certified.n[0], ==, 8);
  g_assert_cmpuint (s->in_force.n[3], ==, 3);
  g_assert_cmpuint (s->subjects, ==, 3);
}

static void
test_locality (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OcopStats) s = NULL;

  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", "Tỉnh B", NULL);
  g_assert_cmpuint (s->registered, ==, 1);
  g_assert_cmpuint (s->evaluated, ==, 1);
  g_assert_cmpuint (s->by_outcome[OCOP_OUTCOME_NOT_PASSED], ==, 1);
  g_assert_cmpuint (s->ever_certified.n[0], ==, 1);
  g_assert_cmpuint (s->revoked.n[3], ==, 1);
  g_assert_cmpuint (s->in_force.n[0], ==, 0);
  g_assert_cmpuint (s->producers, ==, 1);
  g_assert_cmpuint (s->producers_by_type[OCOP_SUBJECT_HOUSEHOLD], ==, 1);
  g_assert_cmpuint (s->subjects, ==, 0);
  g_clear_pointer (&s, ocop_stats_free);

  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", "Tỉnh A", "Huyện X");
  g_assert_cmpuint (s->registered, ==, 2);
  g_assert_cmpuint (s->ever_certified.n[0], ==, 3);   /* c2 c3 c4 */
  g_assert_cmpuint (s->superseded.n[3], ==, 1);
  g_assert_cmpuint (s->in_force.n[3], ==, 1);
  g_assert_cmpuint (s->in_force.n[4], ==, 1);
  g_assert_cmpuint (s->producers, ==, 2);
  g_assert_cmpuint (s->by_district->len, ==, 1);
  g_clear_pointer (&s, ocop_stats_free);

  /* A district alone, and an empty string, which means every place. */
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", NULL, "Huyện Y");
  g_assert_cmpuint (s->ever_certified.n[0], ==, 3);   /* c1 c5 c7 */
  g_assert_cmpuint (s->expired.n[3], ==, 1);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", "", "");
  g_assert_cmpuint (s->ever_certified.n[0], ==, 7);
  g_clear_pointer (&s, ocop_stats_free);
  s = stats_for (f, "2020-01-01", "2022-12-31", "2023-06-30", "Tỉnh C", NULL);
  g_assert_cmpuint (s->registered + s->ever_certified.n[0] + s->producers + s->evaluated, ==, 0);
  g_assert_cmpuint (s->by_district->len, ==, 0);
}

static void
test_query_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  OcopStatsQuery bad_date = { "2020-02-30", "2022-12-31", NULL, NULL, NULL };
  OcopStatsQuery reversed = { "2023-01-01", "2022-12-31", NULL, NULL, NULL };
  OcopStatsQuery early = { "2020-01-01", "2022-12-31", "2022-12-30", NULL, NULL };
  OcopStatsQuery text = { NULL, "31/12/2022", NULL, NULL, NULL };

  g_assert_null (ocop_db_compute_stats (f->db, &bad_date, &error));
  g_assert_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ocop_db_compute_stats (f->db, &reversed, &error));
  g_assert_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ocop_db_compute_stats (f->db, &early, &error));
  g_assert_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ocop_db_compute_stats (f->db, &text, &error));
  g_assert_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpfloat (ocop_stats_percent (1, 0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (ocop_stats_percent (1, 3), 100.0 / 3, 1e-9);
}

static OcopTargetProgress *
progress_of (Fixture        *f,
             OcopTargetKind  kind,
             double          value,
             const char     *start,
             const char     *deadline,
             const char     *province,
             const char     *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopTarget) t = ocop_target_new ();
  OcopTargetProgress *p;

  t->title = g_strdup ("Target");
  t->kind = kind;
  t->unit = kind == OCOP_TARGET_NEW_PRODUCTS || kind == OCOP_TARGET_CUSTOM ? OCOP_TARGET_UNIT_COUNT
                                                                           : OCOP_TARGET_UNIT_PERCENT;
  t->value = value;
  t->period_start = g_strdup (start);
  t->deadline = g_strdup (deadline);
  t->province = g_strdup (province);
  g_assert_true (ocop_target_validate (t, &error));
  g_assert_no_error (error);
  p = ocop_db_get_target_progress (f->db, t, as_of, &error);
  g_assert_no_error (error);

  return p;
}

static void
test_target_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(OcopTargetProgress) p = NULL;

  /* New products: A5's first certificate in 2023; c4 and c7 are not new. */
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 50, "2023-01-01", "2025-12-31", NULL, "2023-06-30");
  g_assert_cmpuint (p->numerator, ==, 1);
  g_assert_cmpfloat (p->achieved, ==, 1);
  g_assert_false (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 0, "2022-01-01", "2022-12-31", NULL, "2023-06-30");
  g_assert_cmpuint (p->numerator, ==, 0);
  g_assert_cmpstr (p->as_of, ==, "2022-12-31");
  g_assert_true (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 2, "2021-01-01", "2021-12-31", NULL, NULL);
  g_assert_cmpuint (p->numerator, ==, 1);  /* A2 (c3, 31/01/2021); B1's c6 is of 2020 */
  g_assert_false (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 2, "2020-01-01", "2021-12-31", NULL, NULL);
  g_assert_cmpuint (p->numerator, ==, 4);  /* A1 A2 A3 B1 */
  g_assert_true (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 2, "2020-01-01", "2021-12-31", "Tỉnh B", NULL);
  g_assert_cmpuint (p->numerator, ==, 1);
  g_assert_false (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  /* Before the period has begun: nothing yet. */
  p = progress_of (f, OCOP_TARGET_NEW_PRODUCTS, 2, "2020-01-01", "2021-12-31", NULL, "2019-12-31");
  g_assert_cmpuint (p->numerator, ==, 0);
  g_clear_pointer (&p, ocop_target_progress_free);

  /* Upgraded: of A1 A2 A3 A4 B1 (certified before 2022), A1 went from 3★ to 4★; A4's
   * renewal at 3★ is not an upgrade. 1 of 5 = 20 %, met exactly. */
  p = progress_of (f, OCOP_TARGET_UPGRADED_SHARE, 20, "2022-01-01", "2025-12-31", NULL, "2023-06-30");
  g_assert_cmpuint (p->numerator, ==, 1);
  g_assert_cmpuint (p->denominator, ==, 5);
  g_assert_cmpfloat_with_epsilon (p->achieved, 20.0, 1e-9);
  g_assert_true (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  p = progress_of (f, OCOP_TARGET_UPGRADED_SHARE, 40, "2022-01-01", "2025-12-31", NULL, "2023-06-30");
  g_assert_false (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);

  /* Subjects in force on the deadline (31/12/2022): P1 and P2. */
  p = progress_of (f, OCOP_TARGET_COOPERATIVE_SHARE, 40, "2021-01-01", "2022-12-31", NULL, "2023-06-30");
  g_assert_cmpstr (p->as_of, ==, "2022-12-31");
  g_assert_cmpuint (p->numerator, ==, 1);
  g_assert_cmpuint (p->denominator, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->achieved, 50.0, 1e-9);
  g_assert_true (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);
  /* On 15/06/2021: c2 (P1), c3 (P1), c5 (P2); c6 revoked, c1 in force (P2). */
  p = progress_of (f, OCOP_TARGET_ENTERPRISE_SHARE, 60, "2021-01-01", "2021-06-15", NULL, NULL);
  g_assert_cmpuint (p->numerator, ==, 1);
  g_assert_cmpuint (p->denominator, ==, 2);
  g_assert_false (p->met);
  g_clear_pointer (&p, ocop_target_progress_free);

  /* Custom: achieved as entered. */
  p = progress_of (f, OCOP_TARGET_CUSTOM, 3, "2023-01-01", "2025-12-31", NULL, NULL);
  g_assert_false (p->known);
  g_assert_false (p->met);
}

static void
test_target_store (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopTarget) a = ocop_target_new ();
  g_autoptr(OcopTarget) b = ocop_target_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  OcopTarget *t;

  a->title = g_strdup ("  Đánh giá 3 mô hình làng văn hóa du lịch cộng đồng ");
  a->kind = OCOP_TARGET_CUSTOM;
  a->value = 3;
  a->achieved_value = 3;
  a->period_start = g_strdup ("01/01/2023");
  a->deadline = g_strdup ("31/12/2025");
  g_assert_true (ocop_db_save_target (f->db, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_cmpstr (a->title, ==, "Đánh giá 3 mô hình làng văn hóa du lịch cộng đồng");
  g_assert_cmpstr (a->period_start, ==, "2023-01-01");

  b->title = g_strdup ("40 % cooperatives");
  b->kind = OCOP_TARGET_COOPERATIVE_SHARE;
  b->unit = OCOP_TARGET_UNIT_PERCENT;
  b->value = 40;
  b->period_start = g_strdup ("2023-01-01");
  b->deadline = g_strdup ("2024-12-31");
  b->province = g_strdup ("Tỉnh A");
  g_assert_true (ocop_db_save_target (f->db, b, &error));
  g_assert_no_error (error);

  list = ocop_db_list_targets (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  t = g_ptr_array_index (list, 0);          /* the earlier deadline first */
  g_assert_cmpint (t->id, ==, b->id);
  g_assert_cmpint (t->kind, ==, OCOP_TARGET_COOPERATIVE_SHARE);
  g_assert_cmpint (t->unit, ==, OCOP_TARGET_UNIT_PERCENT);
  g_assert_cmpstr (t->province, ==, "Tỉnh A");
  g_assert_true (isnan (t->achieved_value));
  t = g_ptr_array_index (list, 1);
  g_assert_cmpfloat (t->achieved_value, ==, 3);
  g_assert_false (t->is_sample);

  progress = ocop_db_list_target_progress (f->db, "2023-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_true (((OcopTargetProgress *) g_ptr_array_index (progress, 1))->known);
  g_assert_true (((OcopTargetProgress *) g_ptr_array_index (progress, 1))->met);
  /* Tỉnh A on 30/06/2023: P1 (c3, c4), P2 (c5, c7) and P4 (c8). */
  g_assert_cmpuint (((OcopTargetProgress *) g_ptr_array_index (progress, 0))->denominator, ==, 3);
  g_assert_cmpuint (((OcopTargetProgress *) g_ptr_array_index (progress, 0))->numerator, ==, 1);

  /* Update, then delete. */
  b->value = 60;
  g_assert_true (ocop_db_save_target (f->db, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ocop_db_list_targets (f->db, &error);
  g_assert_cmpfloat (((OcopTarget *) g_ptr_array_index (list, 0))->value, ==, 60);
  g_assert_true (ocop_db_delete_target (f->db, b->id, &error));
  g_assert_no_error (error);
  g_assert_false (ocop_db_delete_target (f->db, b->id, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ocop_db_save_target (f->db, b, &error));
  g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_target_validate (void)
{
  struct
  {
    const char     *title;
    OcopTargetKind  kind;
    OcopTargetUnit  unit;
    double          value;
    const char     *start;
    const char     *deadline;
    const char     *field;
  } bad[] = {
    { " ", OCOP_TARGET_CUSTOM, OCOP_TARGET_UNIT_COUNT, 1, "2023-01-01", "2025-12-31", "title" },
    { "t", OCOP_TARGET_CUSTOM, OCOP_TARGET_UNIT_PERCENT, 120, "2023-01-01", "2025-12-31", "percentage" },
    { "t", OCOP_TARGET_CUSTOM, OCOP_TARGET_UNIT_COUNT, -1, "2023-01-01", "2025-12-31", "at least 0" },
    { "t", OCOP_TARGET_CUSTOM, OCOP_TARGET_UNIT_COUNT, 1, "2025-01-01", "2023-12-31", "Deadline" },
    { "t", OCOP_TARGET_CUSTOM, OCOP_TARGET_UNIT_COUNT, 1, "2023-02-30", "2025-12-31", "Period start" },
    { "t", OCOP_TARGET_NEW_PRODUCTS, OCOP_TARGET_UNIT_PERCENT, 50, "2023-01-01", "2025-12-31", "counted" },
    { "t", OCOP_TARGET_ENTERPRISE_SHARE, OCOP_TARGET_UNIT_COUNT, 10, "2023-01-01", "2025-12-31", "percentage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(OcopTarget) t = ocop_target_new ();
      g_autoptr(GError) error = NULL;

      t->title = g_strdup (bad[i].title);
      t->kind = bad[i].kind;
      t->unit = bad[i].unit;
      t->value = bad[i].value;
      t->period_start = g_strdup (bad[i].start);
      t->deadline = g_strdup (bad[i].deadline);
      g_assert_false (ocop_target_validate (t, &error));
      g_assert_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].field));
    }

  for (int k = 0; k < OCOP_TARGET_KIND_N; k++)
    {
      OcopTargetKind back;

      g_assert_true (ocop_target_kind_from_string (ocop_target_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (ocop_target_kind_get_label (k));
    }
  {
    OcopTargetKind kind;
    OcopTargetUnit unit;

    g_assert_false (ocop_target_kind_from_string ("share", &kind));
    g_assert_true (ocop_target_unit_from_string ("percent", &unit));
    g_assert_cmpint (unit, ==, OCOP_TARGET_UNIT_PERCENT);
    g_assert_false (ocop_target_unit_from_string ("%", &unit));
  }
}

/* A national register, written directly: 5,000 producers, 15,000 products, 15,000
 * results in 150 finalised meetings, 15,000 certificates (score sheets are not read by
 * the statistics): every figure is right at that size. How fast is measured in
 * tests/bench, not here. */
static void
test_national_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = ocop_db_open (":memory:", &error);
  g_autoptr(OcopStats) stats = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(OcopTarget) target = ocop_target_new ();
  sqlite3 *handle;
  OcopStatsQuery query = { "2019-01-01", "2022-12-31", "2023-06-02", NULL, NULL };
  OcopStatsQuery district = { "2019-01-01", "2022-12-31", "2023-06-02", "Tỉnh 7", "Huyện 3" };

  g_assert_no_error (error);
  handle = _ocop_db_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle,
    "BEGIN;"
    "INSERT INTO criteria_set (id, code, legal_basis, title, version, effective_from, total_max, spread_limit,"
    "  recognised_min_stars, source_json, imported_at) VALUES (1, 's', 'b', 't', 'v', '2019-01-01', 100, 10, 3, '{}', 'x');"
    "INSERT INTO council (id, name, level, regime, created_at) VALUES (1, 'c', 'province', '1048', 'x');"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
    " INSERT INTO producer (id, name, subject_type, district, province, created_at, updated_at)"
    " SELECT i, 'p' || i, CASE i % 4 WHEN 0 THEN 'cooperative' WHEN 1 THEN 'enterprise' WHEN 2 THEN 'household'"
    "  ELSE 'cooperative-group' END, 'Huyện ' || (i % 10), 'Tỉnh ' || (i % 63), 'x', 'x' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)"
    " INSERT INTO product (id, name, product_set, producer_id, year, created_at, updated_at)"
    " SELECT i, 'q' || i, printf ('%02d', 1 + i % 26), 1 + i % 5000, 2019 + i % 4, 'x', 'x' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)"
    " INSERT INTO meeting (id, council_id, set_id, date, state, created_at)"
    " SELECT i, 1, 1, date ('2019-09-01', '+' || (i * 8) || ' days'), 'scoring', 'x' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)"
    " INSERT INTO result (meeting_id, product_id, round, score, stars, outcome, computed_at)"
    " SELECT 1 + i % 150, i, 1, 60, 3, CASE WHEN i % 10 = 0 THEN 'not-passed' ELSE 'recognised' END, 'x' FROM n;"
    "UPDATE meeting SET state = 'finalised', finalised_at = 'x';"
    "INSERT INTO decision (id, number, date, authority, is_imported, created_at) VALUES (1, '1', '2019-01-01', 'a', 1, 'x');"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)"
    " INSERT INTO certificate (decision_id, product_id, stars, issued_on, valid_until, product_name, producer_name,"
    "  district, province, subject_type, is_imported, created_at)"
    " SELECT 1, i, 3 + i % 2, date ('2019-09-01', '+' || (i % 1200) || ' days'),"
    "  date ('2022-09-01', '+' || (i % 1200) || ' days'), 'q', 'p', 'Huyện ' || (i % 10), 'Tỉnh ' || (i % 63),"
    "  'cooperative', 1, 'x' FROM n;"
    "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);

  stats = ocop_db_compute_stats (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->registered, ==, 15000);
  g_assert_cmpuint (stats->evaluated, ==, 15000);
  g_assert_cmpuint (stats->by_outcome[OCOP_OUTCOME_NOT_PASSED], ==, 1500);
  g_assert_cmpuint (stats->ever_certified.n[0], ==, 15000);
  g_assert_cmpuint (stats->ever_certified.n[3] + stats->ever_certified.n[4], ==, 15000);

  g_clear_pointer (&stats, ocop_stats_free);
  stats = ocop_db_compute_stats (db, &district, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->producers, >, 0);

  target->title = g_strdup ("t");
  target->kind = OCOP_TARGET_UPGRADED_SHARE;
  target->unit = OCOP_TARGET_UNIT_PERCENT;
  target->value = 40;
  target->period_start = g_strdup ("2021-01-01");
  target->deadline = g_strdup ("2025-12-31");
  g_assert_true (ocop_db_save_target (db, target, &error));
  g_assert_no_error (error);
  target->id = 0;
  target->kind = OCOP_TARGET_COOPERATIVE_SHARE;
  g_assert_true (ocop_db_save_target (db, target, &error));
  target->id = 0;
  target->kind = OCOP_TARGET_NEW_PRODUCTS;
  target->unit = OCOP_TARGET_UNIT_COUNT;
  g_assert_true (ocop_db_save_target (db, target, &error));
  g_assert_no_error (error);

  progress = ocop_db_list_target_progress (db, "2023-06-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ocop/stats/period", test_period);
  ADD ("/ocop/stats/boundaries", test_boundaries);
  ADD ("/ocop/stats/locality", test_locality);
  ADD ("/ocop/stats/query-errors", test_query_errors);
  ADD ("/ocop/stats/target-progress", test_target_progress);
  ADD ("/ocop/stats/target-store", test_target_store);
  g_test_add_func ("/ocop/stats/target-validate", test_target_validate);
  g_test_add_func ("/ocop/stats/national-scale", test_national_scale);

  return g_test_run ();
}
