/* ocop-sample.c: a sample province, to see a full dashboard at once
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-sample"

#include "config.h"

#include "ocop-sample.h"

#include "ocop-certificate.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-db-private.h"
#include "ocop-rating.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-signing.h"
#include "ocop-stats.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (ocop-sample-error-quark, ocop_sample_error)

#define SAMPLE_SET_CODE  "qd-1048-2019"
#define SAMPLE_AUTHORITY "Ủy ban nhân dân Tỉnh Mẫu"
#define SAMPLE_SEED      20230602

/* ---- the data: fixed tables, so that every load is the same ---- */

static const char * const districts[] = {
  "Thành phố Mẫu Sơn", "Huyện Núi Xanh", "Huyện Sông Bạc",
  "Huyện Đồng Vàng", "Huyện Hữu Nghị", "Huyện Bình Minh",
};
static const char * const district_short[] = {
  "Mẫu Sơn", "Núi Xanh", "Sông Bạc", "Đồng Vàng", "Hữu Nghị", "Bình Minh",
};
static const char * const communes[] = {
  "Phường Tam Thanh", "Xã Tân Lập", "Xã Hòa Bình", "Xã Đồng Tâm", "Xã Phú Xuân", "Xã Quảng Hòa",
};

/* Producers: 48, of every subject type (20 cooperatives, 6 enterprises, 8 cooperative
 * groups, 14 household businesses), spread over the districts. */
static const struct
{
  OcopSubjectType type;
  const char     *prefix;
  guint           count;
} producer_kinds[] = {
  { OCOP_SUBJECT_COOPERATIVE, "Hợp tác xã", 20 },
  { OCOP_SUBJECT_ENTERPRISE, "Công ty TNHH", 6 },
  { OCOP_SUBJECT_COOPERATIVE_GROUP, "Tổ hợp tác", 8 },
  { OCOP_SUBJECT_HOUSEHOLD, "Hộ kinh doanh", 14 },
};
static const char * const producer_trades[] = {
  "Nông sản", "Chè", "Hồi quế", "Mật ong", "Thực phẩm", "Dược liệu",
  "Rượu", "Thủ công", "Gạo sạch", "Thảo mộc", "Nông lâm sản", "Đặc sản",
};

/* Products: ten product sets of QĐ 1048 with names that fit them. */
static const struct
{
  const char *set;
  const char *names[4];
} product_kinds[] = {
  { "01", { "Na dai", "Hồng vành khuyên", "Quýt vàng", "Rau bò khai" } },
  { "03", { "Gạo nếp cái hoa vàng", "Gạo Bao thai", "Gạo nếp Tài", "Ngô nếp" } },
  { "04", { "Mật ong hoa rừng", "Mật ong bạc hà", "Mật ong hoa nhãn", "Sáp ong" } },
  { "07", { "Thạch đen", "Mứt gừng", "Miến dong", "Măng khô" } },
  { "08", { "Lạp sườn hun khói", "Thịt lợn gác bếp", "Vịt quay", "Khâu nhục" } },
  { "11", { "Hoa hồi khô", "Quế thanh", "Tinh dầu hồi", "Ớt bột" } },
  { "12", { "Chè Shan tuyết", "Chè xanh", "Chè Hoa vàng", "Chè đen" } },
  { "15", { "Rượu Mẫu Sơn", "Rượu men lá", "Rượu ngô", "Rượu nếp cẩm" } },
  { "19", { "Cao cà gai leo", "Trà giảo cổ lam", "Cao xương khớp", "Trà hoa vàng túi lọc" } },
  { "23", { "Khăn thổ cẩm", "Túi thổ cẩm", "Giỏ mây tre", "Tranh gỗ" } },
};

#define N_PRODUCTS  105
#define N_PRODUCERS 48

/* The evaluation rounds: meeting and decision; recognised at 3★ and 4★ and not passed.
 * 73 × 3★ and 21 × 4★ in all; the first two decisions (before 2 June 2020) lapse by
 * 2 June 2023: 8 × 3★ and 2 × 4★; the third is within 30 days of lapsing then. */
static const struct
{
  const char *meeting;
  const char *decision;
  const char *number;
  guint       n3;
  guint       n4;
  guint       n_failed;
} batches[] = {
  { "2019-11-20", "2019-12-10", "2415/QĐ-UBND", 5, 1, 1 },
  { "2020-05-12", "2020-05-25", "912/QĐ-UBND", 3, 1, 0 },
  { "2020-06-15", "2020-06-26", "1180/QĐ-UBND", 3, 0, 0 },
  { "2020-11-18", "2020-12-01", "2236/QĐ-UBND", 11, 4, 1 },
  { "2021-06-16", "2021-06-30", "1305/QĐ-UBND", 16, 4, 0 },
  { "2021-11-24", "2021-12-08", "2410/QĐ-UBND", 15, 5, 1 },
  { "2022-06-15", "2022-06-29", "1264/QĐ-UBND", 10, 4, 0 },
  { "2022-11-16", "2022-11-30", "2398/QĐ-UBND", 10, 2, 1 },
};

static const struct
{
  const char *name;
  OcopRole    role;
  const char *title;
} members[] = {
  { "Hoàng Văn Minh", OCOP_ROLE_CHAIR, "Phó Chủ tịch UBND tỉnh" },
  { "Nông Thị Hạnh", OCOP_ROLE_VICE_CHAIR, "Giám đốc Sở Nông nghiệp và PTNT" },
  { "Lương Văn Tuấn", OCOP_ROLE_VICE_CHAIR, "Phó Giám đốc Sở Công Thương" },
  { "Vi Thị Lan", OCOP_ROLE_MEMBER, "Sở Khoa học và Công nghệ" },
  { "Lộc Văn Hùng", OCOP_ROLE_MEMBER, "Sở Văn hóa, Thể thao và Du lịch" },
  { "Chu Thị Mai", OCOP_ROLE_MEMBER, "Chi cục Quản lý chất lượng nông lâm sản và thủy sản" },
  { "Mã Văn Đức", OCOP_ROLE_MEMBER, "Liên minh Hợp tác xã tỉnh" },
  { "Đinh Thị Thu", OCOP_ROLE_SECRETARY, "Văn phòng Điều phối nông thôn mới tỉnh" },
};

/* ---- helpers ---- */

static gboolean
exec_sql (OcopDb      *db,
          const char  *sql,
          GError     **error)
{
  return _ocop_db_exec (db, sql, _("Failed to change the sample data"), error);
}

gboolean
ocop_sample_is_loaded (OcopDb    *db,
                       gboolean  *loaded,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  stmt = _ocop_db_prepare (db,
                           "SELECT EXISTS (SELECT 1 FROM producer WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM product WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM council WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM meeting WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM decision WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM certificate WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM signing_key WHERE is_sample = 1)"
                           " OR EXISTS (SELECT 1 FROM programme_target WHERE is_sample = 1)", error);
  if (stmt == NULL)
    return FALSE;

  step = _ocop_db_step (db, stmt, _("Failed to look for sample data"), error);
  *loaded = step == OCOP_DB_STEP_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

static const OcopSheet *
find_sheet (const OcopCriteriaSet *set,
            const char            *code)
{
  for (guint i = 0; i < set->sheets->len; i++)
    {
      const OcopSheet *sheet = g_ptr_array_index (set->sheets, i);

      if (g_str_equal (sheet->code, code))
        return sheet;
    }
  return NULL;
}

static double
score_answers (const OcopCriteriaSet *set,
               const OcopSheet       *sheet,
               const int             *options,
               OcopLeafState         *states)
{
  OcopSheetAnswers answers = { options, FALSE, NULL };
  OcopSheetScore score = { 0 };
  double total;

  ocop_rating_score_sheet (set, sheet, &answers, &score);
  total = score.total;
  if (states != NULL)
    memcpy (states, score.leaf_states, sizeof (OcopLeafState) * sheet->leaves->len);
  ocop_sheet_score_clear (&score);

  return total;
}

/* Answers whose total is just above @target: every criterion starts at its best option,
 * then, in a random order, each goes down to its lowest option that keeps the total at
 * or above @target. Options worth nothing are never chosen, so no "stop if zero" rule
 * ends the sheet and every product has a story. Returns the total. */
static double
plan_answers (const OcopCriteriaSet *set,
              const OcopSheet       *sheet,
              double                 target,
              GRand                 *rand,
              int                   *options)
{
  guint n = sheet->leaves->len;
  g_autofree guint *order = g_new (guint, n);
  double total;

  for (guint i = 0; i < n; i++)
    {
      const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, i);
      double best = -1;

      options[i] = 0;
      for (guint o = 0; o < leaf->options->len; o++)
        {
          const OcopOption *option = g_ptr_array_index (leaf->options, o);

          if (option->points > best)
            {
              best = option->points;
              options[i] = o;
            }
        }
      order[i] = i;
    }

  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = order[i - 1];

      order[i - 1] = order[j];
      order[j] = t;
    }

  total = score_answers (set, sheet, options, NULL);
  for (guint k = 0; k < n && total > target; k++)
    {
      guint i = order[k];
      const OcopCriterion *leaf = g_ptr_array_index (sheet->leaves, i);
      int kept = options[i];
      double kept_points = ((OcopOption *) g_ptr_array_index (leaf->options, kept))->points;
      int choice = kept;
      double choice_total = total;

      for (guint o = 0; o < leaf->options->len; o++)
        {
          const OcopOption *option = g_ptr_array_index (leaf->options, o);
          double t;

          if (option->points <= 0 || option->points >= kept_points)
            continue;
          options[i] = o;
          t = score_answers (set, sheet, options, NULL);
          if (t >= target && t < choice_total)
            {
              choice = o;
              choice_total = t;
            }
        }
      options[i] = choice;
      total = choice_total;
    }

  return total;
}

static int
band_of (const OcopCriteriaSet *set,
         double                 score)
{
  int stars = 0;

  for (guint i = 0; i < set->bands->len; i++)
    {
      const OcopStarBand *band = &g_array_index (set->bands, OcopStarBand, i);

      if (score >= band->min_score)
        stars = band->stars;
    }
  return stars;
}

/* One member's sheet, ticked and submitted through the scoring API. */
static gboolean
score_sheet (OcopDb                *db,
             const OcopCriteriaSet *set,
             const OcopSheet       *sheet,
             gint64                 meeting_id,
             gint64                 member_id,
             gint64                 product_id,
             const int             *options,
             GError               **error)
{
  g_autoptr(OcopScoreSheet) row = NULL;
  g_autofree OcopLeafState *states = g_new0 (OcopLeafState, sheet->leaves->len);

  score_answers (set, sheet, options, states);

  row = ocop_db_open_score_sheet (db, meeting_id, member_id, product_id, 0, error);
  if (row == NULL)
    return FALSE;

  for (guint i = 0; i < sheet->leaves->len; i++)
    {
      if (states[i] == OCOP_LEAF_REQUIRED &&
          !ocop_db_tick (db, row->id, i, options[i], error))
        return FALSE;
    }

  return ocop_db_submit_sheet (db, row->id, error);
}

static gboolean
create_producers (OcopDb     *db,
                  gint64     *ids,
                  GError    **error)
{
  guint k = 0;

  for (guint kind = 0; kind < G_N_ELEMENTS (producer_kinds); kind++)
    {
      for (guint i = 0; i < producer_kinds[kind].count; i++, k++)
        {
          g_autoptr(OcopProducer) p = ocop_producer_new ();
          guint d = k % G_N_ELEMENTS (districts);

          p->name = g_strdup_printf ("%s %s %s %u (mẫu)", producer_kinds[kind].prefix,
                                     producer_trades[k % G_N_ELEMENTS (producer_trades)],
                                     district_short[d], (guint) (k / G_N_ELEMENTS (districts) + 1));
          p->subject_type = producer_kinds[kind].type;
          p->address = g_strdup_printf ("Thôn %u", k % 9 + 1);
          p->commune = g_strdup (communes[(k / G_N_ELEMENTS (districts)) % G_N_ELEMENTS (communes)]);
          p->district = g_strdup (districts[d]);
          p->province = g_strdup (OCOP_SAMPLE_PROVINCE);
          p->representative = g_strdup (members[k % G_N_ELEMENTS (members)].name);
          p->phone = g_strdup_printf ("0205 3%06u", 100000 + k * 137);
          p->is_sample = TRUE;

          if (!ocop_db_save_producer (db, p, error))
            return FALSE;
          ids[k] = p->id;
        }
    }

  g_assert (k == N_PRODUCERS);
  return TRUE;
}

/* The year a product is registered in: that of its batch; the last seven wait in 2022. */
static int
product_year (guint index)
{
  guint first = 0;

  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      guint n = batches[b].n3 + batches[b].n4 + batches[b].n_failed;

      if (index < first + n)
        return atoi (batches[b].meeting);
      first += n;
    }
  return 2022;
}

static gboolean
create_products (OcopDb        *db,
                 const gint64  *producer_ids,
                 gint64        *ids,
                 GError       **error)
{
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autoptr(OcopProduct) p = ocop_product_new ();
      guint kind = (i * 7) % G_N_ELEMENTS (product_kinds);
      guint producer = i % N_PRODUCERS;
      /* The producer's district: see create_producers (). */
      guint d = producer % G_N_ELEMENTS (districts);

      p->year = product_year (i);
      p->code = g_strdup_printf ("MAU-%u-%u-%d", d + 1, i + 1, p->year);
      p->name = g_strdup_printf ("%s %s", product_kinds[kind].names[(i / G_N_ELEMENTS (product_kinds)) % 4],
                                 district_short[d]);
      p->product_set = g_strdup (product_kinds[kind].set);
      p->producer_id = producer_ids[producer];
      p->evaluation_type = OCOP_EVALUATION_NEW;
      p->is_sample = TRUE;

      if (!ocop_db_save_product (db, p, error))
        return FALSE;
      ids[i] = p->id;
    }

  return TRUE;
}

static gboolean
create_council (OcopDb   *db,
                gint64   *council_id,
                gint64   *member_ids,
                GError  **error)
{
  g_autoptr(OcopCouncil) council = ocop_council_new ();

  council->name = g_strdup ("Hội đồng đánh giá, phân hạng sản phẩm OCOP Tỉnh Mẫu (mẫu)");
  council->level = OCOP_LEVEL_PROVINCE;
  council->regime = OCOP_REGIME_1048;
  council->locality = g_strdup (OCOP_SAMPLE_PROVINCE);
  council->decision = g_strdup ("1520/QĐ-UBND");
  council->decision_date = g_strdup ("2019-09-16");
  council->is_sample = TRUE;
  if (!ocop_db_save_council (db, council, error))
    return FALSE;
  *council_id = council->id;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(OcopMember) m = ocop_member_new ();

      m->council_id = council->id;
      m->name = g_strdup (members[i].name);
      m->role = members[i].role;
      m->title = g_strdup (members[i].title);
      if (!ocop_db_add_member (db, m, error))
        return FALSE;
      member_ids[i] = m->id;
    }

  return TRUE;
}

/* Member totals around @mean, within the spread limit, whose mean falls in @stars's band
 * (0: not passed). */
static gboolean
plan_product (const OcopCriteriaSet *set,
              const OcopSheet       *sheet,
              int                    stars,
              GRand                 *rand,
              int                  **options,
              guint                  n_scoring)
{
  for (int attempt = 0; attempt < 50; attempt++)
    {
      double base, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, sum = 0;
      int got;

      if (stars == 4)
        base = g_rand_double_range (rand, 73, 85);
      else if (stars == 3)
        base = g_rand_double_range (rand, 53, 66);
      else
        base = g_rand_double_range (rand, 36, 45);

      for (guint m = 0; m < n_scoring; m++)
        {
          double total = plan_answers (set, sheet, base + g_rand_double_range (rand, -3, 3), rand, options[m]);

          lo = MIN (lo, total);
          hi = MAX (hi, total);
          sum += total;
        }

      got = band_of (set, sum / n_scoring);
      if (hi - lo <= set->spread_limit - 1 &&
          (stars == 0 ? got < set->recognised_min_stars : got == stars))
        return TRUE;
    }

  return FALSE;
}

static gboolean
run_batch (OcopDb                *db,
           const OcopCriteriaSet *set,
           guint                  b,
           gint64                 council_id,
           const gint64          *member_ids,
           const gint64          *product_ids,
           guint                  first,
           GRand                 *rand,
           GError               **error)
{
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autoptr(OcopDecision) decision = ocop_decision_new ();
  g_autoptr(GPtrArray) issued = NULL;
  guint n = batches[b].n3 + batches[b].n4 + batches[b].n_failed;
  int *options[G_N_ELEMENTS (members)];
  guint n_scoring = 0;
  gint64 scoring[G_N_ELEMENTS (members)];

  meeting->council_id = council_id;
  meeting->set_id = set->id;
  meeting->date = g_strdup (batches[b].meeting);
  meeting->place = g_strdup ("Hội trường UBND Tỉnh Mẫu");
  meeting->title = g_strdup_printf ("Đánh giá, phân hạng sản phẩm OCOP năm %.4s, đợt %u (mẫu)",
                                    batches[b].meeting, b % 2 + 1);
  meeting->is_sample = TRUE;
  if (!ocop_db_save_meeting (db, meeting, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!ocop_db_add_agenda_item (db, meeting->id, product_ids[first + i], error))
        return FALSE;
    }
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      if (!ocop_db_set_attendance (db, meeting->id, member_ids[m], TRUE, error))
        return FALSE;
      if (members[m].role != OCOP_ROLE_SECRETARY)
        scoring[n_scoring++] = member_ids[m];
    }
  if (!ocop_db_set_meeting_state (db, meeting->id, OCOP_MEETING_SCORING, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OcopProduct) product = ocop_db_get_product (db, product_ids[first + i], error);
      const OcopSheet *sheet;
      gboolean ok = TRUE;
      int stars;

      if (product == NULL)
        return FALSE;
      sheet = find_sheet (set, product->product_set);
      g_assert (sheet != NULL);

      /* The batch's 4★ products every fifth place or so, the not passed last. */
      if (i >= batches[b].n3 + batches[b].n4)
        stars = 0;
      else if (batches[b].n4 > 0 && i % (n / batches[b].n4) == 1 &&
               i / (n / batches[b].n4) < batches[b].n4)
        stars = 4;
      else
        stars = 3;

      for (guint m = 0; m < n_scoring; m++)
        options[m] = g_new (int, sheet->leaves->len);

      if (!plan_product (set, sheet, stars, rand, options, n_scoring))
        {
          g_set_error (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_NO_CRITERIA,
                       /* Translators: %s is a product set's code */
                       _("The criteria sheet %s cannot give the sample's scores"), sheet->code);
          ok = FALSE;
        }

      for (guint m = 0; m < n_scoring && ok; m++)
        ok = score_sheet (db, set, sheet, meeting->id, scoring[m], product->id, options[m], error);

      for (guint m = 0; m < n_scoring; m++)
        g_free (options[m]);
      if (!ok)
        return FALSE;
    }

  if (!ocop_db_finalise_meeting (db, meeting->id, error))
    return FALSE;

  decision->number = g_strdup (batches[b].number);
  decision->date = g_strdup (batches[b].decision);
  decision->authority = g_strdup (SAMPLE_AUTHORITY);
  decision->signer_title = g_strdup ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  decision->signer_name = g_strdup (members[0].name);
  issued = ocop_db_issue_certificates (db, meeting->id, decision, NULL, 0, error);

  return issued != NULL;
}

static gboolean
create_targets (OcopDb   *db,
                GError  **error)
{
  static const struct
  {
    const char     *title;
    OcopTargetKind  kind;
    double          value;
    OcopTargetUnit  unit;
  } targets[] = {
    { "Ít nhất 50 sản phẩm mới đạt 3 sao trở lên (mẫu)", OCOP_TARGET_NEW_PRODUCTS, 50, OCOP_TARGET_UNIT_COUNT },
    { "Củng cố, nâng cấp ít nhất 40% sản phẩm đã được đánh giá, phân hạng (mẫu)", OCOP_TARGET_UPGRADED_SHARE, 40, OCOP_TARGET_UNIT_PERCENT },
    { "Ít nhất 40% chủ thể OCOP là hợp tác xã (mẫu)", OCOP_TARGET_COOPERATIVE_SHARE, 40, OCOP_TARGET_UNIT_PERCENT },
    { "Ít nhất 10% chủ thể OCOP là doanh nghiệp nhỏ và vừa (mẫu)", OCOP_TARGET_ENTERPRISE_SHARE, 10, OCOP_TARGET_UNIT_PERCENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(OcopTarget) t = ocop_target_new ();

      t->title = g_strdup (targets[i].title);
      t->kind = targets[i].kind;
      t->value = targets[i].value;
      t->unit = targets[i].unit;
      t->period_start = g_strdup ("2023-01-01");
      t->deadline = g_strdup ("2025-12-31");
      t->province = g_strdup (OCOP_SAMPLE_PROVINCE);
      t->is_sample = TRUE;
      if (!ocop_db_save_target (db, t, error))
        return FALSE;
    }

  return TRUE;
}

static OcopCriteriaSet *
get_criteria_set (OcopDb  *db,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;
  OcopCriteriaSet *set = ocop_db_load_criteria_set_by_code (db, SAMPLE_SET_CODE, &local_error);

  if (set == NULL)
    {
      g_autofree char *dir = ocop_criteria_get_bundled_dir ();

      g_clear_error (&local_error);
      if (ocop_db_import_bundled_criteria (db, dir, &local_error) >= 0)
        set = ocop_db_load_criteria_set_by_code (db, SAMPLE_SET_CODE, NULL);
    }

  if (set == NULL)
    g_set_error (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_NO_CRITERIA,
                 /* Translators: %1$s is a criteria set's code, %2$s the reason */
                 _("The sample data needs the criteria set %1$s, which could not be loaded: %2$s"),
                 SAMPLE_SET_CODE, local_error ? local_error->message : _("it is not in the database"));

  return set;
}

static gboolean
load (OcopDb   *db,
      GError  **error)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SAMPLE_SEED);
  gint64 producer_ids[N_PRODUCERS];
  gint64 product_ids[N_PRODUCTS];
  gint64 member_ids[G_N_ELEMENTS (members)];
  gint64 council_id;
  sqlite3_stmt *stmt;
  guint first = 0;

  set = get_criteria_set (db, error);
  if (set == NULL)
    return FALSE;

  key = ocop_signing_create_key (db, SAMPLE_AUTHORITY, FALSE, error);
  if (key == NULL)
    return FALSE;
  stmt = _ocop_db_prepare (db, "UPDATE signing_key SET is_sample = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key->id);
  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to mark the sample signing key"), error))
    return FALSE;

  if (!create_producers (db, producer_ids, error) ||
      !create_products (db, producer_ids, product_ids, error) ||
      !create_council (db, &council_id, member_ids, error))
    return FALSE;

  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      if (!run_batch (db, set, b, council_id, member_ids, product_ids, first, rand, error))
        return FALSE;
      first += batches[b].n3 + batches[b].n4 + batches[b].n_failed;
    }

  return create_targets (db, error);
}

gboolean
ocop_sample_load (OcopDb  *db,
                  GError **error)
{
  g_autofree char *actor = NULL;
  gboolean loaded;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_sample_is_loaded (db, &loaded, error))
    return FALSE;
  if (loaded)
    {
      g_set_error_literal (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_LOADED,
                           _("The sample data is already loaded"));
      return FALSE;
    }

  actor = g_strdup (ocop_db_get_actor (db));
  if (!ocop_db_begin (db, error))
    return FALSE;

  ocop_db_set_actor (db, OCOP_SAMPLE_ACTOR);
  ok = load (db, error);
  ocop_db_set_actor (db, actor);

  if (!ok)
    {
      ocop_db_rollback (db);
      return FALSE;
    }

  return ocop_db_commit (db, error);
}

/* Children first; the locks let sample rows through (migration step 3). */
static const char remove_sql[] =
  "DELETE FROM certificate_supersession WHERE certificate_id IN (SELECT id FROM certificate WHERE is_sample = 1)"
  "  OR superseded_by IN (SELECT id FROM certificate WHERE is_sample = 1);"
  "DELETE FROM certificate_revocation WHERE certificate_id IN (SELECT id FROM certificate WHERE is_sample = 1);"
  "DELETE FROM certificate WHERE is_sample = 1;"
  "DELETE FROM decision WHERE is_sample = 1;"
  "DELETE FROM answer WHERE score_sheet_id IN (SELECT s.id FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "  WHERE m.is_sample = 1);"
  "DELETE FROM stop_condition WHERE score_sheet_id IN (SELECT s.id FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "  WHERE m.is_sample = 1);"
  "DELETE FROM score_sheet WHERE meeting_id IN (SELECT id FROM meeting WHERE is_sample = 1);"
  "DELETE FROM result WHERE meeting_id IN (SELECT id FROM meeting WHERE is_sample = 1);"
  "DELETE FROM conflict WHERE meeting_id IN (SELECT id FROM meeting WHERE is_sample = 1);"
  "DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM meeting WHERE is_sample = 1);"
  "DELETE FROM agenda_item WHERE meeting_id IN (SELECT id FROM meeting WHERE is_sample = 1);"
  "DELETE FROM meeting WHERE is_sample = 1;"
  "DELETE FROM member WHERE council_id IN (SELECT id FROM council WHERE is_sample = 1);"
  "DELETE FROM council WHERE is_sample = 1;"
  "DELETE FROM product WHERE is_sample = 1;"
  "DELETE FROM producer WHERE is_sample = 1;"
  "DELETE FROM signing_key WHERE is_sample = 1;"
  "DELETE FROM programme_target WHERE is_sample = 1;";

gboolean
ocop_sample_remove (OcopDb  *db,
                    GError **error)
{
  g_autofree char *actor = NULL;
  gboolean loaded;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  if (!ocop_sample_is_loaded (db, &loaded, error))
    return FALSE;
  if (!loaded)
    {
      g_set_error_literal (error, OCOP_SAMPLE_ERROR, OCOP_SAMPLE_ERROR_NOT_LOADED,
                           _("There is no sample data to remove"));
      return FALSE;
    }

  actor = g_strdup (ocop_db_get_actor (db));
  if (!ocop_db_begin (db, error))
    return FALSE;

  ocop_db_set_actor (db, OCOP_SAMPLE_ACTOR);
  ok = exec_sql (db, remove_sql, error);
  ocop_db_set_actor (db, actor);

  if (!ok)
    {
      ocop_db_rollback (db);
      return FALSE;
    }

  return ocop_db_commit (db, error);
}
