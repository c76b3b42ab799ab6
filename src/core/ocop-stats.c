/* ocop-stats.c: the figures a province reports, and its programme targets
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-stats"

#include "config.h"

#include "ocop-stats.h"

#include "ocop-certificate.h"
#include "ocop-db-private.h"
#include "ocop-text.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (ocop-stats-error-quark, ocop_stats_error)

/* ---- records ---- */

void
ocop_stats_group_free (OcopStatsGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_free (group->label);
  g_free (group);
}

void
ocop_stats_free (OcopStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->from);
  g_free (stats->to);
  g_free (stats->as_of);
  g_free (stats->province);
  g_free (stats->district);
  g_clear_pointer (&stats->by_product_set, g_ptr_array_unref);
  g_clear_pointer (&stats->by_district, g_ptr_array_unref);
  g_free (stats);
}

double
ocop_stats_percent (guint part,
                    guint whole)
{
  return whole == 0 ? 0.0 : 100.0 * (double) part / (double) whole;
}

/* ---- helpers ---- */

static gboolean
is_iso_date (const char *date)
{
  return date != NULL && strlen (date) == 10 && ocop_date_days_between (date, date) == 0;
}

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (is_iso_date (date))
    return TRUE;

  g_set_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID,
               /* Translators: %1$s names the date ("Period end"), %2$s is what was given */
               _("%1$s: “%2$s” is not a date (YYYY-MM-DD)"), what, date ? date : "");
  return FALSE;
}

/* @date + @days, ISO. */
static char *
add_days (const char *date,
          int         days)
{
  GDate d;
  int y, m, dd;
  char buf[16];

  sscanf (date, "%d-%d-%d", &y, &m, &dd);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  g_date_add_days (&d, days);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d",
              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));

  return g_strdup (buf);
}

static void
bind_locality (sqlite3_stmt *stmt,
               int           first,
               const char   *province,
               const char   *district)
{
  _ocop_db_bind_text (stmt, first, province);
  _ocop_db_bind_text (stmt, first + 1, district);
}

static OcopOutcome
outcome_from_string (const char *str)
{
  for (int i = 0; i < OCOP_OUTCOME_N; i++)
    {
      if (g_strcmp0 (ocop_outcome_to_string (i), str) == 0)
        return i;
    }
  return OCOP_OUTCOME_INCOMPLETE;
}

static int
get_notice_days (OcopDb  *db,
                 GError **error)
{
  sqlite3_stmt *stmt = _ocop_db_prepare (db, "SELECT notice_days FROM certificate_settings WHERE id = 1", error);
  OcopDbStep step;
  int days = OCOP_CERTIFICATE_NOTICE_DAYS;

  if (stmt == NULL)
    return -1;
  step = _ocop_db_step (db, stmt, _("Failed to read the certificate settings"), error);
  if (step == OCOP_DB_STEP_ROW)
    days = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return step == OCOP_DB_STEP_ERROR ? -1 : days;
}

/* ---- breakdowns ---- */

typedef struct
{
  GHashTable *table;   /* key → OcopStatsGroup* (owned by the array) */
  GPtrArray  *array;
} Groups;

static void
groups_init (Groups *g)
{
  g->table = g_hash_table_new (g_str_hash, g_str_equal);
  g->array = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_stats_group_free);
}

static OcopStatsGroup *
groups_get (Groups     *g,
            const char *key)
{
  OcopStatsGroup *group = g_hash_table_lookup (g->table, key ? key : "");

  if (group == NULL)
    {
      group = g_new0 (OcopStatsGroup, 1);
      group->key = g_strdup (key ? key : "");
      g_ptr_array_add (g->array, group);
      g_hash_table_insert (g->table, group->key, group);
    }

  return group;
}

static int
compare_set_groups (gconstpointer a,
                    gconstpointer b)
{
  const OcopStatsGroup *ga = *(OcopStatsGroup **) a;
  const OcopStatsGroup *gb = *(OcopStatsGroup **) b;

  return strcmp (ga->key, gb->key);
}

static int
compare_district_groups (gconstpointer a,
                         gconstpointer b)
{
  const OcopStatsGroup *ga = *(OcopStatsGroup **) a;
  const OcopStatsGroup *gb = *(OcopStatsGroup **) b;

  /* The unknown district last. */
  if (*ga->key == '\0' || *gb->key == '\0')
    return (*ga->key == '\0') - (*gb->key == '\0');

  return ocop_text_collate (ga->key, gb->key);
}

/* The names of the product sets, from the newest criteria set that has each. */
static gboolean
label_product_sets (OcopDb     *db,
                    GPtrArray  *groups,
                    GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db, "SELECT sh.code, sh.name FROM criteria_sheet sh JOIN criteria_set s ON s.id = sh.set_id"
                               " ORDER BY s.effective_from DESC, s.id DESC", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the product sets"), error)) == OCOP_DB_STEP_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (names, code))
        g_hash_table_insert (names, g_strdup (code), _ocop_db_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      OcopStatsGroup *group = g_ptr_array_index (groups, i);
      const char *name = g_hash_table_lookup (names, group->key);

      group->label = g_strdup (name != NULL ? name : group->key);
    }

  return TRUE;
}

/* ---- the figures ---- */

static gboolean
count_registered (OcopDb     *db,
                  OcopStats  *stats,
                  Groups     *sets,
                  Groups     *districts,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;
  int from_year = *stats->from != '\0' ? atoi (stats->from) : 0;
  int to_year = atoi (stats->to);

  stmt = _ocop_db_prepare (db,
                           "SELECT p.product_set, COALESCE (pr.district, ''), COUNT (*)"
                           " FROM product p JOIN producer pr ON pr.id = p.producer_id"
                           " WHERE COALESCE (p.year, CAST (substr (p.created_at, 1, 4) AS INTEGER)) BETWEEN ?1 AND ?2"
                           "   AND (?3 IS NULL OR pr.province = ?3) AND (?4 IS NULL OR pr.district = ?4)"
                           " GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, from_year);
  sqlite3_bind_int (stmt, 2, to_year);
  bind_locality (stmt, 3, stats->province, stats->district);

  while ((step = _ocop_db_step (db, stmt, _("Failed to count the products"), error)) == OCOP_DB_STEP_ROW)
    {
      guint n = sqlite3_column_int (stmt, 2);

      stats->registered += n;
      groups_get (sets, (const char *) sqlite3_column_text (stmt, 0))->registered += n;
      groups_get (districts, (const char *) sqlite3_column_text (stmt, 1))->registered += n;
    }
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

typedef struct
{
  gint64   product_id;
  int      round;
  int      outcome;
  gboolean upgrade;
  char    *product_set;
  char    *district;
} Evaluation;

static void
evaluation_free (Evaluation *e)
{
  g_free (e->product_set);
  g_free (e->district);
  g_free (e);
}

static gboolean
count_evaluated (OcopDb     *db,
                 OcopStats  *stats,
                 Groups     *sets,
                 Groups     *districts,
                 GError    **error)
{
  /* meeting × product → its last round's Evaluation */
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) evaluation_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) upgrades = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  OcopDbStep step;

  /* Every round's result of the finalised meetings of the period; the last round of
   * each meeting × product is kept below (earlier rounds are rare: no subquery). */
  stmt = _ocop_db_prepare (db,
                           "SELECT r.meeting_id, r.product_id, r.round, r.outcome, p.evaluation_type = 'upgrade',"
                           " p.product_set, COALESCE (pr.district, '')"
                           " FROM meeting m JOIN result r ON r.meeting_id = m.id"
                           " JOIN product p ON p.id = r.product_id JOIN producer pr ON pr.id = p.producer_id"
                           " WHERE m.state = 'finalised' AND m.date >= ?1 AND m.date <= ?2"
                           "   AND (?3 IS NULL OR pr.province = ?3) AND (?4 IS NULL OR pr.district = ?4)", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, stats->from);
  _ocop_db_bind_text (stmt, 2, stats->to);
  bind_locality (stmt, 3, stats->province, stats->district);

  while ((step = _ocop_db_step (db, stmt, _("Failed to count the evaluations"), error)) == OCOP_DB_STEP_ROW)
    {
      char key[48];
      Evaluation *e;
      int round = sqlite3_column_int (stmt, 2);

      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                  (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
      e = g_hash_table_lookup (last, key);
      if (e != NULL && e->round >= round)
        continue;
      if (e == NULL)
        {
          e = g_new0 (Evaluation, 1);
          g_hash_table_insert (last, g_strdup (key), e);
        }
      e->product_id = sqlite3_column_int64 (stmt, 1);
      e->round = round;
      e->outcome = outcome_from_string ((const char *) sqlite3_column_text (stmt, 3));
      e->upgrade = sqlite3_column_int (stmt, 4) != 0;
      g_free (e->product_set);
      e->product_set = _ocop_db_column_dup (stmt, 5);
      g_free (e->district);
      e->district = _ocop_db_column_dup (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  g_hash_table_iter_init (&iter, last);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Evaluation *e = value;

      stats->evaluations++;
      stats->by_outcome[e->outcome]++;

      if (!g_hash_table_contains (seen, &e->product_id))
        {
          g_hash_table_add (seen, g_memdup2 (&e->product_id, sizeof e->product_id));
          stats->evaluated++;
          groups_get (sets, e->product_set)->evaluated++;
          groups_get (districts, e->district)->evaluated++;
        }

      if (e->outcome == OCOP_OUTCOME_RECOGNISED && e->upgrade &&
          !g_hash_table_contains (upgrades, &e->product_id))
        {
          g_hash_table_add (upgrades, g_memdup2 (&e->product_id, sizeof e->product_id));
          stats->upgrades_recognised++;
        }
    }

  return TRUE;
}

static void
star_add (OcopStarCounts *counts,
          int             stars)
{
  if (stars >= 1 && stars <= 5)
    counts->n[stars]++;
  counts->n[0]++;
}

typedef struct
{
  gint64   product_id;
  int      stars;
  gboolean in_period;
  char     issued_on[11];
} Issue;

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const Issue *ia = a;
  const Issue *ib = b;

  if (ia->product_id != ib->product_id)
    return ia->product_id < ib->product_id ? -1 : 1;
  return strcmp (ia->issued_on, ib->issued_on);
}

static gboolean
count_certificates (OcopDb     *db,
                    OcopStats  *stats,
                    Groups     *sets,
                    Groups     *districts,
                    GError    **error)
{
  g_autoptr(GHashTable) products = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *until_30 = add_days (stats->as_of, 30);
  g_autofree char *until_90 = add_days (stats->as_of, 90);
  g_autofree char *notice_end = add_days (stats->as_of, stats->notice_days);
  g_autoptr(GArray) issues = g_array_new (FALSE, FALSE, sizeof (Issue));
  sqlite3_stmt *stmt;
  OcopDbStep step;

  /* The population: every certificate issued by the period's end, by the locality
   * printed on it. A product's earlier certificates are in it too (for upgrades). */
  stmt = _ocop_db_prepare (db,
                           "SELECT c.product_id, c.stars, c.issued_on, c.valid_until, rv.revoked_on, ss.superseded_on,"
                           " COALESCE (c.district, ''), p.product_set, pr.id, pr.subject_type"
                           " FROM certificate c JOIN product p ON p.id = c.product_id"
                           " JOIN producer pr ON pr.id = p.producer_id"
                           " LEFT JOIN certificate_revocation rv ON rv.certificate_id = c.id"
                           " LEFT JOIN certificate_supersession ss ON ss.certificate_id = c.id"
                           " WHERE c.issued_on <= ?1"
                           "   AND (?2 IS NULL OR c.province = ?2) AND (?3 IS NULL OR c.district = ?3)", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, stats->to);
  bind_locality (stmt, 2, stats->province, stats->district);

  while ((step = _ocop_db_step (db, stmt, _("Failed to count the certificates"), error)) == OCOP_DB_STEP_ROW)
    {
      gint64 product_id = sqlite3_column_int64 (stmt, 0);
      int stars = sqlite3_column_int (stmt, 1);
      const char *issued_on = (const char *) sqlite3_column_text (stmt, 2);
      const char *valid_until = (const char *) sqlite3_column_text (stmt, 3);
      const char *revoked_on = (const char *) sqlite3_column_text (stmt, 4);
      const char *superseded_on = (const char *) sqlite3_column_text (stmt, 5);
      const char *district = (const char *) sqlite3_column_text (stmt, 6);
      const char *product_set = (const char *) sqlite3_column_text (stmt, 7);
      gint64 producer_id = sqlite3_column_int64 (stmt, 8);
      const char *subject = (const char *) sqlite3_column_text (stmt, 9);
      gboolean in_period = strcmp (issued_on, stats->from) >= 0;
      OcopCertificateState state;

      /* ocop_certificate_state_at () on ISO dates compared as text, which is the same
       * rule without parsing 15,000 dates: expired when valid_until < as_of, expiring
       * when valid_until ≤ as_of + notice days. */
      if (revoked_on != NULL && strcmp (revoked_on, stats->as_of) <= 0)
        state = OCOP_CERTIFICATE_REVOKED;
      else if (superseded_on != NULL && strcmp (superseded_on, stats->as_of) <= 0)
        state = OCOP_CERTIFICATE_SUPERSEDED;
      else if (strcmp (valid_until, stats->as_of) < 0)
        state = OCOP_CERTIFICATE_EXPIRED;
      else if (strcmp (valid_until, notice_end) <= 0)
        state = OCOP_CERTIFICATE_EXPIRING;
      else
        state = OCOP_CERTIFICATE_VALID;

      {
        Issue issue = { product_id, stars, in_period, { 0 } };

        g_strlcpy (issue.issued_on, issued_on, sizeof issue.issued_on);
        g_array_append_val (issues, issue);
      }

      star_add (&stats->ever_certified, stars);
      if (in_period)
        {
          star_add (&stats->certified, stars);
          groups_get (sets, product_set)->certified++;
          groups_get (districts, district)->certified++;
        }

      switch (state)
        {
        case OCOP_CERTIFICATE_VALID:
        case OCOP_CERTIFICATE_EXPIRING:
          {
            OcopSubjectType type;

            star_add (state == OCOP_CERTIFICATE_VALID ? &stats->valid : &stats->expiring, stars);
            star_add (&stats->in_force, stars);
            groups_get (sets, product_set)->in_force++;
            groups_get (districts, district)->in_force++;
            if (strcmp (valid_until, until_30) <= 0)
              stats->expiring_30++;
            if (strcmp (valid_until, until_90) <= 0)
              stats->expiring_90++;
            if (!g_hash_table_contains (products, &product_id))
              {
                g_hash_table_add (products, g_memdup2 (&product_id, sizeof product_id));
                stats->products_in_force++;
              }
            if (!g_hash_table_contains (subjects, &producer_id))
              {
                g_hash_table_add (subjects, g_memdup2 (&producer_id, sizeof producer_id));
                stats->subjects++;
                if (ocop_subject_type_from_string (subject, &type))
                  stats->subjects_by_type[type]++;
              }
          }
          break;
        case OCOP_CERTIFICATE_EXPIRED:
          star_add (&stats->expired, stars);
          break;
        case OCOP_CERTIFICATE_REVOKED:
          star_add (&stats->revoked, stars);
          break;
        case OCOP_CERTIFICATE_SUPERSEDED:
          star_add (&stats->superseded, stars);
          break;
        case OCOP_CERTIFICATE_STATE_N:
        default:
          g_assert_not_reached ();
        }
    }
  sqlite3_reset (stmt);
  if (step == OCOP_DB_STEP_ERROR)
    return FALSE;

  /* Upgrades: a certificate of the period with more stars than the product's best
   * certificate issued before it. */
  g_array_sort (issues, compare_issues);
  for (guint i = 0; i < issues->len; )
    {
      const Issue *first = &g_array_index (issues, Issue, i);
      int best_before = 0;
      guint j = i;

      while (j < issues->len && g_array_index (issues, Issue, j).product_id == first->product_id)
        {
          /* Certificates of the same day do not count as each other's predecessor. */
          guint k = j;
          int best_today = best_before;

          while (k < issues->len && g_array_index (issues, Issue, k).product_id == first->product_id &&
                 strcmp (g_array_index (issues, Issue, k).issued_on, g_array_index (issues, Issue, j).issued_on) == 0)
            {
              const Issue *c = &g_array_index (issues, Issue, k);

              if (c->in_period && best_before > 0 && c->stars > best_before)
                stats->upgraded++;
              best_today = MAX (best_today, c->stars);
              k++;
            }
          best_before = best_today;
          j = k;
        }
      i = j;
    }

  return TRUE;
}

static gboolean
count_producers (OcopDb     *db,
                 OcopStats  *stats,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT subject_type, COUNT (*) FROM producer"
                           " WHERE (?1 IS NULL OR province = ?1) AND (?2 IS NULL OR district = ?2)"
                           " GROUP BY 1", error);
  if (stmt == NULL)
    return FALSE;

  bind_locality (stmt, 1, stats->province, stats->district);
  while ((step = _ocop_db_step (db, stmt, _("Failed to count the producers"), error)) == OCOP_DB_STEP_ROW)
    {
      OcopSubjectType type;
      guint n = sqlite3_column_int (stmt, 1);

      stats->producers += n;
      if (ocop_subject_type_from_string ((const char *) sqlite3_column_text (stmt, 0), &type))
        stats->producers_by_type[type] += n;
    }
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

static char *
nonempty_dup (const char *s)
{
  return (s != NULL && *s != '\0') ? g_strdup (s) : NULL;
}

OcopStats *
ocop_db_compute_stats (OcopDb               *db,
                       const OcopStatsQuery *query,
                       GError              **error)
{
  g_autoptr(OcopStats) stats = g_new0 (OcopStats, 1);
  Groups sets, districts;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stats->from = g_strdup (query && query->from ? query->from : "");
  stats->to = query && query->to ? g_strdup (query->to) : ocop_date_today ();
  stats->as_of = g_strdup (query && query->as_of ? query->as_of : stats->to);
  stats->province = nonempty_dup (query ? query->province : NULL);
  stats->district = nonempty_dup (query ? query->district : NULL);

  if ((*stats->from != '\0' && !check_date (stats->from, _("Period start"), error)) ||
      !check_date (stats->to, _("Period end"), error) ||
      !check_date (stats->as_of, _("As of"), error))
    return NULL;
  if (strcmp (stats->from, stats->to) > 0)
    {
      g_set_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are dates */
                   _("The period starts on %1$s, after its end on %2$s"), stats->from, stats->to);
      return NULL;
    }
  if (strcmp (stats->as_of, stats->to) < 0)
    {
      g_set_error (error, OCOP_STATS_ERROR, OCOP_STATS_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are dates */
                   _("The states are taken on %1$s, before the period ends on %2$s"), stats->as_of, stats->to);
      return NULL;
    }

  stats->notice_days = get_notice_days (db, error);
  if (stats->notice_days < 0)
    return NULL;

  groups_init (&sets);
  groups_init (&districts);

  ok = count_registered (db, stats, &sets, &districts, error) &&
       count_evaluated (db, stats, &sets, &districts, error) &&
       count_certificates (db, stats, &sets, &districts, error) &&
       count_producers (db, stats, error) &&
       label_product_sets (db, sets.array, error);

  g_hash_table_unref (sets.table);
  g_hash_table_unref (districts.table);
  g_ptr_array_sort (sets.array, compare_set_groups);
  g_ptr_array_sort (districts.array, compare_district_groups);
  for (guint i = 0; i < districts.array->len; i++)
    {
      OcopStatsGroup *group = g_ptr_array_index (districts.array, i);

      group->label = g_strdup (*group->key != '\0' ? group->key : _("Unknown district"));
    }
  stats->by_product_set = sets.array;
  stats->by_district = districts.array;

  if (!ok)
    return NULL;

  return g_steal_pointer (&stats);
}

/* ---- targets ---- */

static const char * const target_kinds[] = {
  "new-products", "upgraded-share", "cooperative-share", "enterprise-share", "custom",
};
static const char * const target_units[] = { "count", "percent" };

G_STATIC_ASSERT (G_N_ELEMENTS (target_kinds) == OCOP_TARGET_KIND_N);
G_STATIC_ASSERT (G_N_ELEMENTS (target_units) == OCOP_TARGET_UNIT_N);

const char *
ocop_target_kind_to_string (OcopTargetKind kind)
{
  g_return_val_if_fail (kind < OCOP_TARGET_KIND_N, NULL);
  return target_kinds[kind];
}

gboolean
ocop_target_kind_from_string (const char     *str,
                              OcopTargetKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_kinds); i++)
    {
      if (g_strcmp0 (str, target_kinds[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ocop_target_kind_get_label (OcopTargetKind kind)
{
  static const char * const labels[] = {
    N_("New products at the minimum stars or above"),
    N_("Share of existing products upgraded"),
    N_("Share of OCOP subjects that are cooperatives"),
    N_("Share of OCOP subjects that are enterprises"),
    N_("Other target"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == OCOP_TARGET_KIND_N);
  g_return_val_if_fail (kind < OCOP_TARGET_KIND_N, NULL);

  return _(labels[kind]);
}

const char *
ocop_target_unit_to_string (OcopTargetUnit unit)
{
  g_return_val_if_fail (unit < OCOP_TARGET_UNIT_N, NULL);
  return target_units[unit];
}

gboolean
ocop_target_unit_from_string (const char     *str,
                              OcopTargetUnit *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_units); i++)
    {
      if (g_strcmp0 (str, target_units[i]) == 0)
        {
          *unit = i;
          return TRUE;
        }
    }
  return FALSE;
}

OcopTarget *
ocop_target_new (void)
{
  OcopTarget *target = g_new0 (OcopTarget, 1);

  target->kind = OCOP_TARGET_CUSTOM;
  target->unit = OCOP_TARGET_UNIT_COUNT;
  target->min_stars = 3;
  target->achieved_value = NAN;

  return target;
}

void
ocop_target_free (OcopTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->title);
  g_free (target->period_start);
  g_free (target->deadline);
  g_free (target->province);
  g_free (target->district);
  g_free (target->note);
  g_free (target);
}

void
ocop_target_progress_free (OcopTargetProgress *progress)
{
  if (progress == NULL)
    return;
  ocop_target_free (progress->target);
  g_free (progress->as_of);
  g_free (progress);
}

static OcopTarget *
target_copy (const OcopTarget *target)
{
  OcopTarget *copy = g_memdup2 (target, sizeof *target);

  copy->title = g_strdup (target->title);
  copy->period_start = g_strdup (target->period_start);
  copy->deadline = g_strdup (target->deadline);
  copy->province = g_strdup (target->province);
  copy->district = g_strdup (target->district);
  copy->note = g_strdup (target->note);

  return copy;
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *message)
{
  /* Translators: %1$s is a field's name, %2$s what is wrong with it */
  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID, _("%1$s: %2$s"), field, message);
  return FALSE;
}

static void
normalize (char **text)
{
  char *n = ocop_text_normalize (*text);

  g_free (*text);
  *text = (n != NULL && *n != '\0') ? n : (g_free (n), NULL);
}

static gboolean
normalize_date (char       **date,
                const char  *field,
                GError     **error)
{
  g_autofree char *iso = ocop_text_date_to_iso (*date);

  if (iso == NULL)
    {
      /* Translators: %s is what was typed */
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a date (day/month/year)"), *date ? *date : "");

      return invalid (error, field, msg);
    }
  g_free (*date);
  *date = g_steal_pointer (&iso);

  return TRUE;
}

gboolean
ocop_target_validate (OcopTarget  *target,
                      GError     **error)
{
  g_return_val_if_fail (target != NULL, FALSE);

  normalize (&target->title);
  normalize (&target->province);
  normalize (&target->district);
  normalize (&target->note);

  if (target->title == NULL)
    return invalid (error, _("Target title"), _("must not be empty"));
  if ((guint) target->kind >= OCOP_TARGET_KIND_N)
    return invalid (error, _("Target kind"), _("is not one of the known kinds"));
  if ((guint) target->unit >= OCOP_TARGET_UNIT_N)
    return invalid (error, _("Unit"), _("must be a count or a percentage"));
  if (!normalize_date (&target->period_start, _("Period start"), error) ||
      !normalize_date (&target->deadline, _("Deadline"), error))
    return FALSE;
  if (strcmp (target->deadline, target->period_start) < 0)
    return invalid (error, _("Deadline"), _("must not be before the period starts"));
  if (!isfinite (target->value) || target->value < 0)
    return invalid (error, _("Target value"), _("must be a number of at least 0"));
  if (target->unit == OCOP_TARGET_UNIT_PERCENT && target->value > 100)
    return invalid (error, _("Target value"), _("a percentage must be at most 100"));
  if (target->kind == OCOP_TARGET_NEW_PRODUCTS && target->unit != OCOP_TARGET_UNIT_COUNT)
    return invalid (error, _("Unit"), _("new products are counted"));
  if ((target->kind == OCOP_TARGET_UPGRADED_SHARE || target->kind == OCOP_TARGET_COOPERATIVE_SHARE ||
       target->kind == OCOP_TARGET_ENTERPRISE_SHARE) && target->unit != OCOP_TARGET_UNIT_PERCENT)
    return invalid (error, _("Unit"), _("a share is a percentage"));
  if (target->min_stars < 1 || target->min_stars > 5)
    return invalid (error, _("Minimum stars"), _("must be from 1 to 5"));
  if (!isnan (target->achieved_value) && (target->achieved_value < 0 || !isfinite (target->achieved_value)))
    return invalid (error, _("Achieved"), _("must be a number of at least 0"));
  if (target->kind != OCOP_TARGET_CUSTOM)
    target->achieved_value = NAN;

  return TRUE;
}

gboolean
ocop_db_save_target (OcopDb      *db,
                     OcopTarget  *target,
                     GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (!ocop_target_validate (target, error))
    return FALSE;

  now = _ocop_db_now ();
  if (target->id == 0)
    stmt = _ocop_db_prepare (db, "INSERT INTO programme_target (title, kind, target_value, unit, min_stars,"
                                 " period_start, deadline, province, district, achieved_value, note, is_sample,"
                                 " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  else
    stmt = _ocop_db_prepare (db, "UPDATE programme_target SET title = ?1, kind = ?2, target_value = ?3, unit = ?4,"
                                 " min_stars = ?5, period_start = ?6, deadline = ?7, province = ?8, district = ?9,"
                                 " achieved_value = ?10, note = ?11, is_sample = ?12 WHERE id = ?14", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, target->title);
  _ocop_db_bind_text (stmt, 2, ocop_target_kind_to_string (target->kind));
  sqlite3_bind_double (stmt, 3, target->value);
  _ocop_db_bind_text (stmt, 4, ocop_target_unit_to_string (target->unit));
  sqlite3_bind_int (stmt, 5, target->min_stars);
  _ocop_db_bind_text (stmt, 6, target->period_start);
  _ocop_db_bind_text (stmt, 7, target->deadline);
  _ocop_db_bind_text (stmt, 8, target->province);
  _ocop_db_bind_text (stmt, 9, target->district);
  if (isnan (target->achieved_value))
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_double (stmt, 10, target->achieved_value);
  _ocop_db_bind_text (stmt, 11, target->note);
  sqlite3_bind_int (stmt, 12, target->is_sample ? 1 : 0);
  if (target->id == 0)
    _ocop_db_bind_text (stmt, 13, now);
  else
    sqlite3_bind_int64 (stmt, 14, target->id);

  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to save the target"), error))
    return FALSE;

  if (target->id == 0)
    target->id = _ocop_db_last_insert_id (db);
  else if (sqlite3_changes (_ocop_db_get_handle (db)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, target->id);

      /* Translators: %s is a target's number */
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND, _("No target number %s"), id);
      return FALSE;
    }

  return TRUE;
}

gboolean
ocop_db_delete_target (OcopDb  *db,
                       gint64   id,
                       GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), FALSE);

  stmt = _ocop_db_prepare (db, "DELETE FROM programme_target WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to delete the target"), error))
    return FALSE;
  if (sqlite3_changes (_ocop_db_get_handle (db)) == 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is a target's number */
      g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND, _("No target number %s"), text);
      return FALSE;
    }

  return TRUE;
}

static gpointer
target_from_row (sqlite3_stmt *stmt)
{
  OcopTarget *t = ocop_target_new ();

  t->id = sqlite3_column_int64 (stmt, 0);
  t->title = _ocop_db_column_dup (stmt, 1);
  ocop_target_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &t->kind);
  t->value = sqlite3_column_double (stmt, 3);
  ocop_target_unit_from_string ((const char *) sqlite3_column_text (stmt, 4), &t->unit);
  t->min_stars = sqlite3_column_int (stmt, 5);
  t->period_start = _ocop_db_column_dup (stmt, 6);
  t->deadline = _ocop_db_column_dup (stmt, 7);
  t->province = _ocop_db_column_dup (stmt, 8);
  t->district = _ocop_db_column_dup (stmt, 9);
  t->achieved_value = sqlite3_column_type (stmt, 10) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 10);
  t->note = _ocop_db_column_dup (stmt, 11);
  t->is_sample = sqlite3_column_int (stmt, 12) != 0;

  return t;
}

GPtrArray *
ocop_db_list_targets (OcopDb  *db,
                      GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT id, title, kind, target_value, unit, min_stars, period_start, deadline,"
                               " province, district, achieved_value, note, is_sample FROM programme_target"
                               " ORDER BY deadline, title, id", error);
  if (stmt == NULL)
    return NULL;

  return _ocop_db_collect (db, stmt, target_from_row, (GDestroyNotify) ocop_target_free,
                           _("Failed to read the targets"), error);
}

/* One number from a prepared, bound statement. */
static gboolean
query_count (OcopDb        *db,
             sqlite3_stmt  *stmt,
             guint         *count,
             GError       **error)
{
  OcopDbStep step = _ocop_db_step (db, stmt, _("Failed to compute a target"), error);

  *count = step == OCOP_DB_STEP_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

/* OCOP subjects on @day in the locality: all of them and those of @type. */
static gboolean
count_subjects (OcopDb          *db,
                const char      *day,
                const char      *province,
                const char      *district,
                OcopSubjectType  type,
                guint           *of_type,
                guint           *all,
                GError         **error)
{
  sqlite3_stmt *stmt;
  OcopDbStep step;

  stmt = _ocop_db_prepare (db,
                           "SELECT COUNT (DISTINCT pr.id), COUNT (DISTINCT CASE WHEN pr.subject_type = ?4 THEN pr.id END)"
                           " FROM certificate c JOIN product p ON p.id = c.product_id"
                           " JOIN producer pr ON pr.id = p.producer_id"
                           " WHERE c.issued_on <= ?1 AND c.valid_until >= ?1"
                           "   AND NOT EXISTS (SELECT 1 FROM certificate_revocation rv"
                           "                   WHERE rv.certificate_id = c.id AND rv.revoked_on <= ?1)"
                           "   AND NOT EXISTS (SELECT 1 FROM certificate_supersession ss"
                           "                   WHERE ss.certificate_id = c.id AND ss.superseded_on <= ?1)"
                           "   AND (?2 IS NULL OR c.province = ?2) AND (?3 IS NULL OR c.district = ?3)", error);
  if (stmt == NULL)
    return FALSE;

  _ocop_db_bind_text (stmt, 1, day);
  bind_locality (stmt, 2, province, district);
  _ocop_db_bind_text (stmt, 4, ocop_subject_type_to_string (type));

  step = _ocop_db_step (db, stmt, _("Failed to compute a target"), error);
  *all = step == OCOP_DB_STEP_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  *of_type = step == OCOP_DB_STEP_ROW ? (guint) sqlite3_column_int64 (stmt, 1) : 0;
  sqlite3_reset (stmt);

  return step != OCOP_DB_STEP_ERROR;
}

OcopTargetProgress *
ocop_db_get_target_progress (OcopDb           *db,
                             const OcopTarget *target,
                             const char       *as_of,
                             GError          **error)
{
  g_autoptr(OcopTargetProgress) progress = g_new0 (OcopTargetProgress, 1);
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  if (as_of == NULL)
    as_of = today = ocop_date_today ();
  if (!check_date (as_of, _("As of"), error))
    return NULL;

  progress->target = target_copy (target);
  progress->as_of = g_strdup (strcmp (as_of, target->deadline) < 0 ? as_of : target->deadline);
  progress->known = TRUE;

  switch (target->kind)
    {
    case OCOP_TARGET_NEW_PRODUCTS:
      /* Products first certified within the period, at min_stars or above. */
      stmt = _ocop_db_prepare (db,
                               "SELECT COUNT (DISTINCT c.product_id) FROM certificate c"
                               " WHERE c.issued_on >= ?1 AND c.issued_on <= ?2 AND c.stars >= ?3"
                               "   AND (?4 IS NULL OR c.province = ?4) AND (?5 IS NULL OR c.district = ?5)"
                               "   AND NOT EXISTS (SELECT 1 FROM certificate o WHERE o.product_id = c.product_id"
                               "                   AND o.issued_on < ?1)", error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, target->period_start);
          _ocop_db_bind_text (stmt, 2, progress->as_of);
          sqlite3_bind_int (stmt, 3, target->min_stars);
          bind_locality (stmt, 4, target->province, target->district);
          ok = query_count (db, stmt, &progress->numerator, error);
        }
      progress->achieved = progress->numerator;
      break;

    case OCOP_TARGET_UPGRADED_SHARE:
      /* Of the products certified before the period, those that got a certificate with
       * more stars than their best before it within the period. */
      stmt = _ocop_db_prepare (db,
                               "SELECT COUNT (DISTINCT c.product_id) FROM certificate c"
                               " WHERE c.issued_on < ?1"
                               "   AND (?3 IS NULL OR c.province = ?3) AND (?4 IS NULL OR c.district = ?4)", error);
      ok = stmt != NULL;
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, target->period_start);
          bind_locality (stmt, 3, target->province, target->district);
          ok = query_count (db, stmt, &progress->denominator, error);
        }
      if (ok)
        {
          stmt = _ocop_db_prepare (db,
                                   "SELECT COUNT (DISTINCT c.product_id) FROM certificate c"
                                   " WHERE c.issued_on >= ?1 AND c.issued_on <= ?2"
                                   "   AND (?3 IS NULL OR c.province = ?3) AND (?4 IS NULL OR c.district = ?4)"
                                   "   AND c.stars > (SELECT MAX (o.stars) FROM certificate o"
                                   "                  WHERE o.product_id = c.product_id AND o.issued_on < ?1)", error);
          ok = stmt != NULL;
        }
      if (ok)
        {
          _ocop_db_bind_text (stmt, 1, target->period_start);
          _ocop_db_bind_text (stmt, 2, progress->as_of);
          bind_locality (stmt, 3, target->province, target->district);
          ok = query_count (db, stmt, &progress->numerator, error);
        }
      progress->achieved = ocop_stats_percent (progress->numerator, progress->denominator);
      break;

    case OCOP_TARGET_COOPERATIVE_SHARE:
    case OCOP_TARGET_ENTERPRISE_SHARE:
      ok = count_subjects (db, progress->as_of, target->province, target->district,
                           target->kind == OCOP_TARGET_COOPERATIVE_SHARE ? OCOP_SUBJECT_COOPERATIVE
                                                                          : OCOP_SUBJECT_ENTERPRISE,
                           &progress->numerator, &progress->denominator, error);
      progress->achieved = ocop_stats_percent (progress->numerator, progress->denominator);
      break;

    case OCOP_TARGET_CUSTOM:
    case OCOP_TARGET_KIND_N:
    default:
      progress->known = !isnan (target->achieved_value);
      progress->achieved = progress->known ? target->achieved_value : 0;
      break;
    }

  if (!ok)
    return NULL;

  /* Shares compare exactly as counts: 2 of 5 meets 40 %. */
  if (progress->known && progress->denominator > 0)
    progress->met = (double) progress->numerator * 100.0 >= target->value * progress->denominator;
  else
    progress->met = progress->known && progress->achieved >= target->value;

  return g_steal_pointer (&progress);
}

GPtrArray *
ocop_db_list_target_progress (OcopDb      *db,
                              const char  *as_of,
                              GError     **error)
{
  g_autoptr(GPtrArray) targets = ocop_db_list_targets (db, error);
  g_autoptr(GPtrArray) list = NULL;

  if (targets == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_target_progress_free);
  for (guint i = 0; i < targets->len; i++)
    {
      OcopTargetProgress *p = ocop_db_get_target_progress (db, g_ptr_array_index (targets, i), as_of, error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (list, p);
    }

  return g_steal_pointer (&list);
}
