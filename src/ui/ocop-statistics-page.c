/* ocop-statistics-page.c: the dashboard of the Statistics section
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-statistics-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ocop-chart-dialog.h"
#include "ocop-chart-scale.h"
#include "ocop-chart-view.h"
#include "ocop-registry.h"
#include "ocop-sample.h"
#include "ocop-statistics-page.h"
#include "ocop-stats.h"
#include "ocop-targets-dialog.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"
#include "ocop-window.h"

/* The questions of a provincial report (OCOP.md §8) as a flow box of cards, each a
 * title, a large figure, a few lines and its chart; a card opens its chart full size.
 *
 * Threads: ocop_db_compute_stats () takes some 60 ms at national scale and the
 * dashboard asks it once for the period and once per year of the "over the years"
 * card, so the figures are computed in a GTask thread on the worker's OWN connection
 * to the database file (opened once, in the thread, and kept; SQLite's WAL lets it
 * read beside the window's connection). One mutex serialises the worker's jobs;
 * results of a filter that has since changed are dropped. Loading and removing the
 * sample province run on the same connection (they write in one transaction). */

typedef enum
{
  JOB_STATS,
  JOB_LOAD_SAMPLE,
  JOB_REMOVE_SAMPLE,
} JobKind;

typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  char            *path;     /* NULL: an in-memory database, read on the main thread */
  OcopDb          *db;       /* the worker's connection, opened in the thread */
} Worker;

typedef struct
{
  JobKind   kind;
  guint     generation;
  char     *from;
  char     *to;
  char     *as_of;
  char     *province;
  char     *district;
  Worker   *worker;
  OcopDb   *main_db;         /* for an in-memory database */
} Job;

typedef struct
{
  OcopStats  *stats;
  GPtrArray  *years;         /* OcopStats*, oldest first */
  GPtrArray  *targets;       /* OcopTargetProgress* */
  gint64      n_products;
  gboolean    sample_loaded;
} Figures;

struct _OcopStatisticsPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *main_stack;
  GtkSpinner    *loading_spinner;
  GtkLabel      *loading_label;
  GtkRevealer   *sample_revealer;
  GtkEntry      *from_entry;
  GtkEntry      *to_entry;
  GtkEntry      *as_of_entry;
  GtkDropDown   *province_dropdown;
  GtkDropDown   *district_dropdown;
  GtkSpinner    *busy_spinner;
  GtkLabel      *error_label;
  GtkFlowBox    *flow_box;

  /* Owned */
  OcopDb        *db;
  Worker        *worker;
  char          *from;
  char          *to;
  char          *as_of;
  char          *province;
  char          *district;
  GStrv          provinces;
  GStrv          districts;
  GHashTable    *cards;        /* id → GtkFlowBoxChild */
  guint          generation;
  guint          n_running;
  guint          entry_timeout_id;
  gboolean       updating;
  gboolean       sample_loaded;
  gboolean       have_figures;
};

G_DEFINE_FINAL_TYPE (OcopStatisticsPage, ocop_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_BUSY,
  N_PROPS
};

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the worker ---------------------------------------------------------------------- */

static Worker *
worker_new (const char *path)
{
  Worker *worker = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->mutex);
  if (path != NULL && path[0] != '\0' && strcmp (path, ":memory:") != 0 &&
      !g_str_has_prefix (path, "file:"))
    worker->path = g_strdup (path);

  return worker;
}

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (g_atomic_ref_count_dec (&worker->ref_count))
    {
      g_clear_object (&worker->db);
      g_mutex_clear (&worker->mutex);
      g_free (worker->path);
      g_free (worker);
    }
}

static void
job_free (Job *job)
{
  g_free (job->from);
  g_free (job->to);
  g_free (job->as_of);
  g_free (job->province);
  g_free (job->district);
  g_clear_pointer (&job->worker, worker_unref);
  g_clear_object (&job->main_db);
  g_free (job);
}

static void
figures_free (Figures *figures)
{
  g_clear_pointer (&figures->stats, ocop_stats_free);
  g_clear_pointer (&figures->years, g_ptr_array_unref);
  g_clear_pointer (&figures->targets, g_ptr_array_unref);
  g_free (figures);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The figures of one year of the period, for the "over the years" card. Years go
 * back from the period's last until the one before anything was registered or
 * certified, at most twelve. */
static GPtrArray *
compute_years (OcopDb      *db,
               const Job   *job,
               const char  *to,
               const char  *as_of,
               GError     **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_stats_free);
  int last_year = atoi (to);
  int first_year = last_year - 11;

  if (job->from != NULL && atoi (job->from) > first_year)
    first_year = atoi (job->from);

  for (int year = last_year; year >= first_year; year--)
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *year_to = g_strdup_printf ("%04d-12-31", year);
      OcopStatsQuery query = { 0 };
      OcopStats *stats;

      if (year == last_year)
        {
          g_free (year_to);
          year_to = g_strdup (to);
        }
      if (job->from != NULL && year == first_year && strcmp (job->from, from) > 0)
        {
          g_free (from);
          from = g_strdup (job->from);
        }

      query.from = from;
      query.to = year_to;
      /* States at the end of each year; the last year's on the page's day. */
      query.as_of = year == last_year ? as_of : year_to;
      query.province = job->province;
      query.district = job->district;

      stats = ocop_db_compute_stats (db, &query, error);
      if (stats == NULL)
        return NULL;

      if (stats->registered == 0 && stats->ever_certified.n[0] == 0 && stats->evaluations == 0 &&
          year != last_year)
        {
          ocop_stats_free (stats);
          break;
        }
      g_ptr_array_insert (years, 0, stats);
    }

  return g_steal_pointer (&years);
}

static Figures *
compute_figures (OcopDb     *db,
                 const Job  *job,
                 GError    **error)
{
  g_autoptr(Figures) figures = g_new0 (Figures, 1);
  OcopStatsQuery query = { 0 };
  g_autofree char *target_day = NULL;

  query.from = job->from;
  query.to = job->to;
  query.as_of = job->as_of;
  query.province = job->province;
  query.district = job->district;

  figures->stats = ocop_db_compute_stats (db, &query, error);
  if (figures->stats == NULL)
    return NULL;

  figures->years = compute_years (db, job, figures->stats->to, figures->stats->as_of, error);
  if (figures->years == NULL)
    return NULL;

  figures->targets = ocop_db_list_target_progress (db, figures->stats->as_of, error);
  if (figures->targets == NULL)
    return NULL;

  figures->n_products = ocop_db_count_products (db, error);
  if (figures->n_products < 0)
    return NULL;

  if (!ocop_sample_is_loaded (db, &figures->sample_loaded, error))
    return NULL;

  return g_steal_pointer (&figures);
}

static gpointer
run_job (Job     *job,
         OcopDb  *db,
         GError **error)
{
  switch (job->kind)
    {
    case JOB_STATS:
      return compute_figures (db, job, error);

    case JOB_LOAD_SAMPLE:
      return ocop_sample_load (db, error) ? GINT_TO_POINTER (TRUE) : NULL;

    case JOB_REMOVE_SAMPLE:
      return ocop_sample_remove (db, error) ? GINT_TO_POINTER (TRUE) : NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  Worker *worker = job->worker;
  GError *error = NULL;
  gpointer result = NULL;

  g_mutex_lock (&worker->mutex);

  if (worker->db == NULL)
    worker->db = ocop_db_open (worker->path, &error);
  if (worker->db != NULL)
    result = run_job (job, worker->db, &error);

  g_mutex_unlock (&worker->mutex);

  if (result == NULL)
    g_task_return_error (task, error);
  else if (job->kind == JOB_STATS)
    g_task_return_pointer (task, result, (GDestroyNotify) figures_free);
  else
    g_task_return_boolean (task, TRUE);
}

static void job_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
start_job (OcopStatisticsPage *self,
           Job                *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, job_done_cb, NULL);

  job->worker = worker_ref (self->worker);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_source_tag (task, start_job);

  self->n_running++;
  gtk_spinner_set_spinning (self->busy_spinner, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (self->worker->path != NULL)
    g_task_run_in_thread (task, job_thread);
  else
    {
      /* No second connection to an in-memory database: read it here. */
      GError *error = NULL;
      gpointer result;

      job->main_db = g_object_ref (self->db);
      result = run_job (job, job->main_db, &error);
      if (result == NULL)
        g_task_return_error (task, error);
      else if (job->kind == JOB_STATS)
        g_task_return_pointer (task, result, (GDestroyNotify) figures_free);
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* ---- text ---------------------------------------------------------------------------- */

/* g_strv_builder_take () is GLib 2.80. */
static void
strv_take (GStrvBuilder *builder,
           char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static char *
count_text (double n)
{
  return ocop_text_format_number (n, 0);
}

static char *
stars_text (int stars)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < stars; i++)
    g_string_append (s, "★");
  return g_string_free (s, FALSE);
}

static char *
short_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || iso[0] == '\0' || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup (iso != NULL ? iso : "");
  return ocop_text_format_date_short (y, m, d);
}

/* "73 ★★★ · 21 ★★★★": the stars that any certificate of the population has. */
static char *
star_parts (const OcopStarCounts *counts,
            const OcopStarCounts *population)
{
  GString *s = g_string_new (NULL);

  for (int stars = 1; stars <= 5; stars++)
    {
      g_autofree char *n = NULL;
      g_autofree char *drawn = NULL;

      if (population->n[stars] == 0)
        continue;
      n = count_text (counts->n[stars]);
      drawn = stars_text (stars);
      g_string_append_printf (s, " · %s %s", n, drawn);
    }

  return g_string_free (s, FALSE);
}

/* "01/01/2019 – 31/12/2022 · Tỉnh Mẫu" */
static char *
describe_filter (const OcopStats *stats)
{
  g_autofree char *from = short_date (stats->from);
  g_autofree char *to = short_date (stats->to);
  g_autofree char *period = NULL;
  const char *place;

  if (stats->from[0] == '\0')
    /* Translators: a period that is open at its start; %s is its last day */
    period = g_strdup_printf (_("until %s"), to);
  else
    /* Translators: a period; %1$s is its first day, %2$s its last */
    period = g_strdup_printf (_("%1$s – %2$s"), from, to);

  place = stats->district != NULL ? stats->district : stats->province;
  if (place == NULL)
    /* Translators: the locality of the figures when no province was chosen */
    place = _("all provinces");

  return g_strdup_printf ("%s · %s", period, place);
}

/* ---- cards --------------------------------------------------------------------------- */

static void
clear_cards (OcopStatisticsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  g_hash_table_remove_all (self->cards);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A card: @lines (NULL-terminated, may be NULL) under the large @figure, then the
 * chart; @extra (a button) at the bottom. Takes @chart. */
static GtkWidget *
add_card (OcopStatisticsPage *self,
          const char         *id,
          const char         *title,
          const char         *figure,
          char              **lines,
          OcopChart          *chart,
          GtkWidget          *extra)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *view;
  g_autofree char *file_name = g_strconcat ("ocop-", id, NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ocop-stat-card");
  gtk_box_append (GTK_BOX (box), make_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), make_label (figure, "ocop-stat-figure"));
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), make_label (lines[i], NULL));

  view = ocop_chart_view_new ();
  ocop_chart_view_set_chart (OCOP_CHART_VIEW (view), chart);
  ocop_chart_view_set_file_name (OCOP_CHART_VIEW (view), file_name);
  gtk_widget_set_size_request (view, 280, 200);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_widget_set_margin_top (view, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_box_append (GTK_BOX (box), view);

  if (extra != NULL)
    {
      gtk_widget_set_halign (extra, GTK_ALIGN_START);
      gtk_widget_set_margin_top (extra, 6);
      gtk_box_append (GTK_BOX (box), extra);
    }

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  /* Translators: the tooltip of a dashboard card */
  gtk_widget_set_tooltip_text (child, _("Open the chart full size"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (child), "ocop-card-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (child), "ocop-card-title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (child), "ocop-card-chart", chart, (GDestroyNotify) ocop_chart_unref);
  g_object_set_data_full (G_OBJECT (child), "ocop-card-file", g_steal_pointer (&file_name), g_free);

  gtk_flow_box_append (self->flow_box, child);
  g_hash_table_replace (self->cards, g_strdup (id), child);

  return child;
}

static GtkWidget *
make_button (const char *label,
             const char *action_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_item (OcopChart     *chart,
          OcopChartItem *items,
          gsize         *n,
          const char    *label,
          double         value)
{
  items[*n].label = ocop_chart_strdup (chart, label);
  items[*n].value = value;
  (*n)++;
}

static void
add_products_card (OcopStatisticsPage *self,
                   const OcopStats    *s)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_CATEGORY_BARS);
  OcopCategoryBarsChart *model = ocop_chart_get_model (chart);
  OcopChartItem *items = ocop_chart_alloc (chart, 4 * sizeof *items);
  g_autofree char *registered = count_text (s->registered);
  g_autofree char *evaluated = count_text (s->evaluated);
  g_autofree char *certified = count_text (s->certified.n[0]);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  add_item (chart, items, &model->n_items, C_("chart", "Registered"), s->registered);
  add_item (chart, items, &model->n_items, C_("chart", "Evaluated"), s->evaluated);
  add_item (chart, items, &model->n_items, C_("chart", "Certified"), s->certified.n[0]);
  add_item (chart, items, &model->n_items, C_("chart", "Valid"), s->products_in_force);
  model->items = items;

  /* Translators: the large figure of the products card; %s is a number */
  figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s product registered", "%s products registered",
                                         s->registered), registered);
  /* Translators: %1$s products evaluated, %2$s certificates issued in the period */
  strv_take (lines, g_strdup_printf (_("%1$s evaluated · %2$s certified"), evaluated, certified));
  strv = g_strv_builder_end (lines);

  add_card (self, "products", _("Registered, Evaluated, Certified"), figure, strv, chart, NULL);
}

static void
add_stars_card (OcopStatisticsPage *self,
                const OcopStats    *s)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_STAR_DISTRIBUTION);
  OcopStarDistributionChart *model = ocop_chart_get_model (chart);
  g_autofree char *certified = count_text (s->certified.n[0]);
  g_autofree char *in_force = count_text (s->in_force.n[0]);
  g_autofree char *expired = count_text (s->expired.n[0]);
  g_autofree char *certified_parts = star_parts (&s->certified, &s->ever_certified);
  g_autofree char *in_force_parts = star_parts (&s->in_force, &s->ever_certified);
  g_autofree char *expired_parts = star_parts (&s->expired, &s->ever_certified);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  int first = 5;
  int last = 3;

  for (int stars = 1; stars <= 5; stars++)
    if (s->ever_certified.n[stars] > 0)
      {
        first = MIN (first, stars);
        last = MAX (last, stars);
      }
  first = MIN (first, 3);
  model->first_star = first;
  model->last_star = last;
  model->n_series = 3;
  model->series_labels[0] = ocop_chart_strdup (chart, C_("chart", "Certified"));
  model->series_labels[1] = ocop_chart_strdup (chart, C_("chart", "Valid"));
  model->series_labels[2] = ocop_chart_strdup (chart, C_("chart", "Expired"));
  for (int stars = 1; stars <= 5; stars++)
    {
      model->counts[0][stars - 1] = s->certified.n[stars];
      model->counts[1][stars - 1] = s->in_force.n[stars];
      model->counts[2][stars - 1] = s->expired.n[stars];
    }

  /* Translators: the large figure of the stars card: certificates valid on the day
   * the states are taken on; %s is a number */
  figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s valid", "%s valid", s->in_force.n[0]), in_force);
  /* Translators: %1$s is a number, %2$s the same count by stars (" · 73 ★★★ · 21 ★★★★") */
  strv_take (lines, g_strdup_printf (_("%1$s certified%2$s"), certified, certified_parts));
  /* Translators: %1$s is a number, %2$s the same count by stars (" · 65 ★★★ · 19 ★★★★") */
  strv_take (lines, g_strdup_printf (_("%1$s valid%2$s"), in_force, in_force_parts));
  /* Translators: %1$s is a number, %2$s the same count by stars (" · 8 ★★★ · 2 ★★★★") */
  strv_take (lines, g_strdup_printf (_("%1$s expired%2$s"), expired, expired_parts));
  if (s->revoked.n[0] > 0 || s->superseded.n[0] > 0)
    {
      g_autofree char *revoked = count_text (s->revoked.n[0]);
      g_autofree char *superseded = count_text (s->superseded.n[0]);

      /* Translators: two numbers of certificates */
      strv_take (lines, g_strdup_printf (_("%1$s revoked · %2$s superseded"), revoked, superseded));
    }
  strv = g_strv_builder_end (lines);

  add_card (self, "stars", _("Certificates by Stars"), figure, strv, chart, NULL);
}

static void
add_expiring_card (OcopStatisticsPage *self,
                   const OcopStats    *s)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_CATEGORY_BARS);
  OcopCategoryBarsChart *model = ocop_chart_get_model (chart);
  OcopChartItem *items = ocop_chart_alloc (chart, 2 * sizeof *items);
  g_autofree char *n30 = count_text (s->expiring_30);
  g_autofree char *n90 = count_text (s->expiring_90);
  g_autofree char *day = short_date (s->as_of);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  add_item (chart, items, &model->n_items, _("Within 30 days"), s->expiring_30);
  add_item (chart, items, &model->n_items, _("Within 90 days"), s->expiring_90);
  model->items = items;

  /* Translators: the large figure of the expiring card; %s is a number of certificates */
  figure = g_strdup_printf (_("%s within 30 days"), n30);
  /* Translators: %1$s is a number of certificates, %2$s a date */
  strv_take (lines, g_strdup_printf (_("%1$s within 90 days of %2$s"), n90, day));
  strv = g_strv_builder_end (lines);

  add_card (self, "expiring", _("Certificates Expiring"), figure, strv, chart,
            make_button (_("Show the _Register"), "statistics.show-certificates",
                         _("Open the Certificates section")));
}

static void
add_producers_card (OcopStatisticsPage *self,
                    const OcopStats    *s)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_SHARES);
  OcopSharesChart *model = ocop_chart_get_model (chart);
  OcopChartItem *items = ocop_chart_alloc (chart, OCOP_SUBJECT_N * sizeof *items);
  g_autofree char *producers = count_text (s->producers);
  g_autofree char *subjects = count_text (s->subjects);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (int t = 0; t < OCOP_SUBJECT_N; t++)
    {
      g_autofree char *n = count_text (s->producers_by_type[t]);
      g_autofree char *share = ocop_chart_format_percent (ocop_stats_percent (s->producers_by_type[t], s->producers), 1);

      add_item (chart, items, &model->n_items, ocop_subject_type_get_label (t), s->producers_by_type[t]);
      /* Translators: a type of producer, how many, and their share ("Hợp tác xã: 12 (38,7 %)") */
      strv_take (lines, g_strdup_printf (_("%1$s: %2$s (%3$s)"),
                                                   ocop_subject_type_get_label (t), n, share));
    }
  model->items = items;
  model->decimals = 1;

  /* Translators: the large figure of the producers card; %s is a number */
  figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s producer", "%s producers", s->producers), producers);
  /* Translators: %s is a number of producers with a valid certificate */
  strv_take (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s OCOP subject (with a valid certificate)",
                                                            "%s OCOP subjects (with a valid certificate)",
                                                            s->subjects), subjects));
  strv = g_strv_builder_end (lines);

  add_card (self, "producers", _("Producers by Type"), figure, strv, chart, NULL);
}

static void
add_groups_card (OcopStatisticsPage *self,
                 const char         *id,
                 const char         *title,
                 GPtrArray          *groups,
                 gboolean            product_sets)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_CATEGORY_BARS);
  OcopCategoryBarsChart *model = ocop_chart_get_model (chart);
  OcopChartItem *items = ocop_chart_alloc (chart, MAX (groups->len, 1) * sizeof *items);
  g_autofree char *n = count_text (groups->len);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const OcopStatsGroup *largest = NULL;

  for (guint i = 0; i < groups->len; i++)
    {
      const OcopStatsGroup *g = g_ptr_array_index (groups, i);
      const char *label = g->label != NULL && g->label[0] != '\0' ? g->label : _("Unknown");

      add_item (chart, items, &model->n_items, label, g->registered);
      if (largest == NULL || g->registered > largest->registered)
        largest = g;
    }
  model->items = items;

  if (product_sets)
    /* Translators: the large figure of the product-set card; %s is a number */
    figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s product set", "%s product sets", groups->len), n);
  else
    /* Translators: the large figure of the district card; %s is a number */
    figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s district", "%s districts", groups->len), n);

  if (largest != NULL)
    {
      g_autofree char *count = count_text (largest->registered);

      /* Translators: the group with the most products registered, and how many */
      strv_take (lines, g_strdup_printf (_("Most registered: %1$s (%2$s)"), largest->label, count));
    }
  strv = g_strv_builder_end (lines);

  add_card (self, id, title, figure, strv, chart, NULL);
}

static void
add_years_cards (OcopStatisticsPage *self,
                 const OcopStats    *s,
                 GPtrArray          *years)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_LINES);
  OcopLinesChart *model = ocop_chart_get_model (chart);
  OcopChart *upgrades_chart = ocop_chart_new (OCOP_CHART_KIND_LINES);
  OcopLinesChart *upgrades = ocop_chart_get_model (upgrades_chart);
  guint n = years->len;
  const char **labels = ocop_chart_alloc (chart, MAX (n, 1) * sizeof (char *));
  const char **upgrade_labels = ocop_chart_alloc (upgrades_chart, MAX (n, 1) * sizeof (char *));
  double *certified = ocop_chart_alloc (chart, MAX (n, 1) * sizeof (double));
  double *valid = ocop_chart_alloc (chart, MAX (n, 1) * sizeof (double));
  double *upgraded = ocop_chart_alloc (upgrades_chart, MAX (n, 1) * sizeof (double));
  OcopLineSeries *series = ocop_chart_alloc (chart, 2 * sizeof *series);
  OcopLineSeries *upgrade_series = ocop_chart_alloc (upgrades_chart, sizeof *upgrade_series);
  g_autofree char *total = count_text (s->certified.n[0]);
  g_autofree char *figure = NULL;
  g_autofree char *upgrade_figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) upgrade_lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_auto(GStrv) upgrade_strv = NULL;
  int best = -1;

  for (guint i = 0; i < n; i++)
    {
      const OcopStats *year = g_ptr_array_index (years, i);
      g_autofree char *label = g_strndup (year->to, 4);

      labels[i] = ocop_chart_strdup (chart, label);
      upgrade_labels[i] = ocop_chart_strdup (upgrades_chart, label);
      certified[i] = year->certified.n[0];
      valid[i] = year->in_force.n[0];
      upgraded[i] = year->upgraded;
      if (best < 0 || certified[i] > certified[best])
        best = i;
    }

  series[0].label = ocop_chart_strdup (chart, C_("chart", "Certified in the year"));
  series[0].values = certified;
  series[1].label = ocop_chart_strdup (chart, C_("chart", "Valid at the year’s end"));
  series[1].values = valid;
  model->x_labels = labels;
  model->n_x = n;
  model->series = series;
  model->n_series = 2;

  upgrade_series[0].label = ocop_chart_strdup (upgrades_chart, C_("chart", "Upgraded"));
  upgrade_series[0].values = upgraded;
  upgrades->x_labels = upgrade_labels;
  upgrades->n_x = n;
  upgrades->series = upgrade_series;
  upgrades->n_series = 1;

  /* Translators: the large figure of the years card; %s is a number of certificates */
  figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s certified", "%s certified", s->certified.n[0]), total);
  if (best >= 0 && certified[best] > 0)
    {
      g_autofree char *count = count_text (certified[best]);

      /* Translators: %1$s is a year, %2$s a number of certificates issued in it */
      strv_take (lines, g_strdup_printf (_("Most in %1$s: %2$s"), labels[best], count));
    }
  strv = g_strv_builder_end (lines);
  add_card (self, "years", _("Certified over the Years"), figure, strv, chart, NULL);

  {
    g_autofree char *count = count_text (s->upgraded);
    g_autofree char *recognised = count_text (s->upgrades_recognised);

    /* Translators: the large figure of the upgrades card; %s is a number of certificates */
    upgrade_figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s upgraded", "%s upgraded", s->upgraded), count);
    /* Translators: %s is a number of evaluations */
    strv_take (upgrade_lines, g_strdup_printf (_("%s upgrade evaluations recognised"), recognised));
    strv_take (upgrade_lines, g_strdup (_("Certificates with more stars than the product had before")));
    upgrade_strv = g_strv_builder_end (upgrade_lines);
    add_card (self, "upgrades", _("Upgrades"), upgrade_figure, upgrade_strv, upgrades_chart, NULL);
  }
}

static void
add_targets_card (OcopStatisticsPage *self,
                  GPtrArray          *targets)
{
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_TARGETS);
  OcopTargetsChart *model = ocop_chart_get_model (chart);
  OcopTargetRow *rows = ocop_chart_alloc (chart, MAX (targets->len, 1) * sizeof *rows);
  g_autofree char *figure = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint met = 0;

  for (guint i = 0; i < targets->len; i++)
    {
      const OcopTargetProgress *p = g_ptr_array_index (targets, i);
      g_autofree char *deadline = short_date (p->target->deadline);
      g_autofree char *deadline_text = NULL;

      /* Translators: under a target in the chart; %s is its deadline */
      deadline_text = g_strdup_printf (_("Deadline: %s"), deadline);
      rows[model->n_rows].label = ocop_chart_strdup (chart, p->target->title);
      rows[model->n_rows].deadline = ocop_chart_strdup (chart, deadline_text);
      rows[model->n_rows].target = MAX (p->target->value, 0.001);
      rows[model->n_rows].achieved = p->known ? p->achieved : 0;
      rows[model->n_rows].percent = p->target->unit == OCOP_TARGET_UNIT_PERCENT;
      rows[model->n_rows].decimals = rows[model->n_rows].percent ? 1 : 0;
      model->n_rows++;
      if (p->met)
        met++;
    }
  model->rows = rows;
  model->target_label = ocop_chart_strdup (chart, C_("chart", "Target"));
  model->achieved_label = ocop_chart_strdup (chart, C_("chart", "Achieved"));

  if (targets->len == 0)
    figure = g_strdup (_("No targets yet"));
  else
    {
      g_autofree char *n = count_text (met);
      g_autofree char *total = count_text (targets->len);

      /* Translators: the large figure of the targets card; %1$s and %2$s are numbers */
      figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s target met",
                                             "%1$s of %2$s targets met", targets->len), n, total);
    }
  g_strv_builder_add (lines, _("Achieved by the day the states are taken on, or by the deadline"));
  strv = g_strv_builder_end (lines);

  add_card (self, "targets", _("Targets and Achievements"), figure, strv, chart,
            make_button (_("_Edit Targets…"), "statistics.edit-targets",
                         _("Enter or change the programme targets")));
}

static void
show_figures (OcopStatisticsPage *self,
              Figures            *figures)
{
  const OcopStats *s = figures->stats;

  self->sample_loaded = figures->sample_loaded;
  gtk_revealer_set_reveal_child (self->sample_revealer, figures->sample_loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.remove-sample", figures->sample_loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.load-sample", !figures->sample_loaded);

  if (figures->n_products == 0 && s->ever_certified.n[0] == 0)
    {
      clear_cards (self);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  clear_cards (self);
  g_object_set_data_full (G_OBJECT (self->flow_box), "ocop-filter-text", describe_filter (s), g_free);
  add_products_card (self, s);
  add_stars_card (self, s);
  add_expiring_card (self, s);
  add_producers_card (self, s);
  add_groups_card (self, "product-sets", _("Products by Product Set"), s->by_product_set, TRUE);
  add_groups_card (self, "districts", _("Products by District"), s->by_district, FALSE);
  add_years_cards (self, s, figures->years);
  add_targets_card (self, figures->targets);

  self->have_figures = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "dashboard");
}

/* ---- results ------------------------------------------------------------------------- */

static void
show_toast (OcopStatisticsPage *self,
            AdwToast           *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), OCOP_TYPE_WINDOW);

  if (window != NULL)
    ocop_window_add_toast (OCOP_WINDOW (window), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void reload_localities (OcopStatisticsPage *self);
static void sync_entries      (OcopStatisticsPage *self);

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OcopStatisticsPage *self = OCOP_STATISTICS_PAGE (object);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  self->n_running--;
  if (self->n_running == 0)
    {
      gtk_spinner_set_spinning (self->busy_spinner, FALSE);
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
    }

  if (job->kind == JOB_STATS)
    {
      g_autoptr(Figures) figures = g_task_propagate_pointer (task, &error);

      if (job->generation == self->generation)
        {
          if (figures == NULL)
            {
              gtk_label_set_text (self->error_label, error->message);
              gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), error->message);
              if (!self->have_figures)
                gtk_stack_set_visible_child_name (self->main_stack, "dashboard");
            }
          else
            {
              gtk_label_set_text (self->error_label, "");
              gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), NULL);
              show_figures (self, figures);
            }
        }
    }
  else
    {
      gboolean load = job->kind == JOB_LOAD_SAMPLE;

      if (!g_task_propagate_boolean (task, &error))
        {
          /* Translators: shown when the sample data cannot be loaded or removed; %s is the reason */
          AdwToast *toast = adw_toast_new_format (load ? _("Could not load the sample data: %s")
                                                       : _("Could not remove the sample data: %s"),
                                                  error->message);
          adw_toast_set_timeout (toast, 0);
          show_toast (self, toast);
        }
      else
        {
          AdwToast *toast = adw_toast_new (load ? _("Sample data loaded: the province “Tỉnh Mẫu”")
                                                : _("Sample data removed"));

          show_toast (self, toast);
          if (load)
            {
              /* The report's period, so that the dashboard shows its figures. */
              g_free (self->from);
              self->from = g_strdup (OCOP_SAMPLE_REPORT_FROM);
              g_free (self->to);
              self->to = g_strdup (OCOP_SAMPLE_REPORT_TO);
              g_free (self->as_of);
              self->as_of = g_strdup (OCOP_SAMPLE_REPORT_AS_OF);
              sync_entries (self);
            }
          g_signal_emit (self, signals[DATA_CHANGED], 0);
        }

      reload_localities (self);
      ocop_statistics_page_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
ocop_statistics_page_reload (OcopStatisticsPage *self)
{
  Job *job;
  g_autofree char *today = NULL;

  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));

  if (self->db == NULL)
    return;

  /* Counted when shown (see ocop_statistics_page_map ()): nothing runs at start-up,
   * and other sections' changes are in the figures next time. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->generation++;
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = JOB_STATS;
  job->generation = ++self->generation;
  job->from = g_strdup (self->from);
  job->to = g_strdup (self->to);
  job->as_of = g_strdup (self->as_of);
  job->province = g_strdup (self->province);
  job->district = g_strdup (self->district);

  /* The day states are taken on may not be before the period's end. */
  if (job->as_of != NULL)
    {
      const char *end = job->to;

      if (end == NULL)
        end = today = today_iso ();
      if (strcmp (job->as_of, end) < 0)
        {
          g_free (job->as_of);
          job->as_of = g_strdup (end);
        }
    }

  if (!self->have_figures)
    {
      gtk_label_set_text (self->loading_label, _("Counting…"));
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  start_job (self, job);
}

gboolean
ocop_statistics_page_get_busy (OcopStatisticsPage *self)
{
  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), FALSE);

  return self->n_running > 0;
}

/* ---- the filter ---------------------------------------------------------------------- */

static void
set_entry_date (GtkEntry   *entry,
                const char *iso)
{
  g_autofree char *text = iso != NULL ? short_date (iso) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
sync_entries (OcopStatisticsPage *self)
{
  self->updating = TRUE;
  set_entry_date (self->from_entry, self->from);
  set_entry_date (self->to_entry, self->to);
  set_entry_date (self->as_of_entry, self->as_of);
  self->updating = FALSE;
}

/* Reads a date entry: TRUE with the ISO date (or NULL when empty) in @iso. */
static gboolean
read_entry_date (GtkEntry  *entry,
                 char     **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *iso = NULL;
  if (stripped[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }

  *iso = ocop_text_date_to_iso (stripped);
  if (*iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return TRUE;
}

static gboolean
on_entry_timeout_cb (gpointer data)
{
  OcopStatisticsPage *self = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *as_of = NULL;
  gboolean ok;

  self->entry_timeout_id = 0;

  ok = read_entry_date (self->from_entry, &from);
  ok = read_entry_date (self->to_entry, &to) && ok;
  ok = read_entry_date (self->as_of_entry, &as_of) && ok;
  if (!ok)
    return G_SOURCE_REMOVE;

  if (g_strcmp0 (from, self->from) == 0 && g_strcmp0 (to, self->to) == 0 &&
      g_strcmp0 (as_of, self->as_of) == 0)
    return G_SOURCE_REMOVE;

  g_free (self->from);
  self->from = g_steal_pointer (&from);
  g_free (self->to);
  self->to = g_steal_pointer (&to);
  g_free (self->as_of);
  self->as_of = g_steal_pointer (&as_of);
  ocop_statistics_page_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (OcopStatisticsPage *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->entry_timeout_id, g_source_remove);
  self->entry_timeout_id = g_timeout_add (600, on_entry_timeout_cb, self);
}

static void
on_entry_activate_cb (OcopStatisticsPage *self)
{
  g_clear_handle_id (&self->entry_timeout_id, g_source_remove);
  on_entry_timeout_cb (self);
}

static GtkStringList *
make_choices (const char *all,
              GStrv       names)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (list, names[i][0] != '\0' ? names[i] : _("Unknown"));

  return list;
}

static GStrv
to_strv (GPtrArray *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; names != NULL && i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));

  return g_strv_builder_end (builder);
}

static guint
find_choice (GStrv       names,
             const char *name)
{
  for (guint i = 0; name != NULL && names != NULL && names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i + 1;

  return 0;
}

static void
reload_districts (OcopStatisticsPage *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GtkStringList) list = NULL;
  g_autoptr(GError) error = NULL;

  names = ocop_db_list_districts (self->db, self->province, &error);
  if (names == NULL)
    g_warning ("Could not list the districts: %s", error->message);

  g_strfreev (self->districts);
  self->districts = to_strv (names);

  self->updating = TRUE;
  list = make_choices (_("All districts"), self->districts);
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->district_dropdown, find_choice (self->districts, self->district));
  if (find_choice (self->districts, self->district) == 0)
    g_clear_pointer (&self->district, g_free);
  self->updating = FALSE;
}

static void
reload_localities (OcopStatisticsPage *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GtkStringList) list = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;

  names = ocop_db_list_provinces (self->db, &error);
  if (names == NULL)
    g_warning ("Could not list the provinces: %s", error->message);

  g_strfreev (self->provinces);
  self->provinces = to_strv (names);

  self->updating = TRUE;
  list = make_choices (_("All provinces"), self->provinces);
  gtk_drop_down_set_model (self->province_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->province_dropdown, find_choice (self->provinces, self->province));
  if (find_choice (self->provinces, self->province) == 0)
    g_clear_pointer (&self->province, g_free);
  self->updating = FALSE;

  reload_districts (self);
}

static void
on_province_selected_cb (OcopStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->province_dropdown);

  if (self->updating)
    return;

  g_clear_pointer (&self->province, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->province = g_strdup (self->provinces[selected - 1]);
  g_clear_pointer (&self->district, g_free);
  reload_districts (self);
  ocop_statistics_page_reload (self);
}

static void
on_district_selected_cb (OcopStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);

  if (self->updating)
    return;

  g_clear_pointer (&self->district, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->district = g_strdup (self->districts[selected - 1]);
  ocop_statistics_page_reload (self);
}

void
ocop_statistics_page_set_period (OcopStatisticsPage *self,
                                 const char         *from,
                                 const char         *to)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));

  g_free (self->from);
  self->from = g_strdup (from);
  g_free (self->to);
  self->to = g_strdup (to);
  g_clear_handle_id (&self->entry_timeout_id, g_source_remove);
  sync_entries (self);
  ocop_statistics_page_reload (self);
}

void
ocop_statistics_page_set_as_of (OcopStatisticsPage *self,
                                const char         *as_of)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  g_clear_handle_id (&self->entry_timeout_id, g_source_remove);
  sync_entries (self);
  ocop_statistics_page_reload (self);
}

void
ocop_statistics_page_set_locality (OcopStatisticsPage *self,
                                   const char         *province,
                                   const char         *district)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));

  g_free (self->province);
  self->province = g_strdup (province);
  g_free (self->district);
  self->district = g_strdup (district);
  reload_localities (self);
  ocop_statistics_page_reload (self);
}

/* ---- cards, dialogs and actions ------------------------------------------------------ */

GtkWidget *
ocop_statistics_page_get_card (OcopStatisticsPage *self,
                               const char         *id)
{
  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), NULL);

  return g_hash_table_lookup (self->cards, id);
}

static GtkWindow *
open_card (OcopStatisticsPage *self,
           GtkWidget          *card)
{
  OcopChart *chart = g_object_get_data (G_OBJECT (card), "ocop-card-chart");
  const char *title = g_object_get_data (G_OBJECT (card), "ocop-card-title");
  const char *file_name = g_object_get_data (G_OBJECT (card), "ocop-card-file");
  const char *subtitle = g_object_get_data (G_OBJECT (self->flow_box), "ocop-filter-text");
  GtkWidget *dialog;

  dialog = ocop_chart_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), title, subtitle, chart, file_name);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

GtkWindow *
ocop_statistics_page_open_card (OcopStatisticsPage *self,
                                const char         *id)
{
  GtkWidget *card;

  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), NULL);

  card = ocop_statistics_page_get_card (self, id);
  if (card == NULL)
    return NULL;

  return open_card (self, card);
}

static void
on_child_activated_cb (OcopStatisticsPage *self,
                       GtkFlowBoxChild    *child)
{
  open_card (self, GTK_WIDGET (child));
}

static void
on_targets_changed_cb (OcopStatisticsPage *self)
{
  ocop_statistics_page_reload (self);
}

GtkWindow *
ocop_statistics_page_edit_targets (OcopStatisticsPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  dialog = ocop_targets_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), self->db);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_targets_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
start_sample_job (OcopStatisticsPage *self,
                  JobKind             kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  /* The figures being computed are about to change: drop them. */
  self->generation++;
  self->have_figures = FALSE;
  gtk_label_set_text (self->loading_label, kind == JOB_LOAD_SAMPLE ? _("Loading the sample province…")
                                                                   : _("Removing the sample data…"));
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.load-sample", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.remove-sample", FALSE);

  start_job (self, job);
}

void
ocop_statistics_page_load_sample (OcopStatisticsPage *self)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));
  g_return_if_fail (self->db != NULL);

  start_sample_job (self, JOB_LOAD_SAMPLE);
}

void
ocop_statistics_page_remove_sample_now (OcopStatisticsPage *self)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));
  g_return_if_fail (self->db != NULL);

  start_sample_job (self, JOB_REMOVE_SAMPLE);
}

static void
on_remove_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       OcopStatisticsPage *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    ocop_statistics_page_remove_sample_now (self);
}

GtkWindow *
ocop_statistics_page_remove_sample (OcopStatisticsPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), NULL);

  dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), _("Remove the Sample Data?"),
                                   _("The sample province “Tỉnh Mẫu” is deleted with its producers, "
                                     "products, council, meetings, score sheets, decisions, certificates "
                                     "and targets. Your own data is not touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

gboolean
ocop_statistics_page_get_sample_loaded (OcopStatisticsPage *self)
{
  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), FALSE);

  return self->sample_loaded;
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ocop_statistics_page_load_sample (OCOP_STATISTICS_PAGE (widget));
}

static void
remove_sample_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ocop_statistics_page_remove_sample (OCOP_STATISTICS_PAGE (widget));
}

static void
edit_targets_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ocop_statistics_page_edit_targets (OCOP_STATISTICS_PAGE (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ocop_statistics_page_reload (OCOP_STATISTICS_PAGE (widget));
}

static void
show_certificates_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, OCOP_TYPE_WINDOW);

  if (window != NULL)
    ocop_window_set_section (OCOP_WINDOW (window), "certificates");
}

/* ---- the object ---------------------------------------------------------------------- */

static void
ocop_statistics_page_map (GtkWidget *widget)
{
  OcopStatisticsPage *self = OCOP_STATISTICS_PAGE (widget);

  GTK_WIDGET_CLASS (ocop_statistics_page_parent_class)->map (widget);

  /* Sample data being loaded or removed reloads when it is done. */
  if (self->n_running == 0)
    {
      reload_localities (self);
      ocop_statistics_page_reload (self);
    }
}

static void
ocop_statistics_page_dispose (GObject *object)
{
  OcopStatisticsPage *self = (OcopStatisticsPage *)object;

  g_clear_handle_id (&self->entry_timeout_id, g_source_remove);

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_STATISTICS_PAGE);

  G_OBJECT_CLASS (ocop_statistics_page_parent_class)->dispose (object);
}

static void
ocop_statistics_page_finalize (GObject *object)
{
  OcopStatisticsPage *self = (OcopStatisticsPage *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->worker, worker_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->provinces, g_strfreev);
  g_clear_pointer (&self->districts, g_strfreev);
  g_clear_pointer (&self->cards, g_hash_table_unref);

  G_OBJECT_CLASS (ocop_statistics_page_parent_class)->finalize (object);
}

static void
ocop_statistics_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OcopStatisticsPage *self = OCOP_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, ocop_statistics_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_statistics_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OcopStatisticsPage *self = OCOP_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      ocop_statistics_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_statistics_page_class_init (OcopStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_statistics_page_dispose;
  object_class->finalize = ocop_statistics_page_finalize;
  object_class->get_property = ocop_statistics_page_get_property;
  object_class->set_property = ocop_statistics_page_set_property;

  widget_class->map = ocop_statistics_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OcopStatisticsPage::data-changed:
   *
   * The sample data was loaded or removed: every section shows other data now.
   */
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (OCOP_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, sample_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OcopStatisticsPage, flow_box);

  gtk_widget_class_install_action (widget_class, "statistics.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "statistics.remove-sample", NULL, remove_sample_action);
  gtk_widget_class_install_action (widget_class, "statistics.edit-targets", NULL, edit_targets_action);
  gtk_widget_class_install_action (widget_class, "statistics.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "statistics.show-certificates", NULL, show_certificates_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "statistics.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "statistics.refresh", NULL);
}

static void
ocop_statistics_page_init (OcopStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.remove-sample", FALSE);

  g_signal_connect_object (self->flow_box, "child-activated", G_CALLBACK (on_child_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->as_of_entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->as_of_entry, "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->province_dropdown, "notify::selected", G_CALLBACK (on_province_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->district_dropdown, "notify::selected", G_CALLBACK (on_district_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ocop_statistics_page_new (OcopDb *db)
{
  return g_object_new (OCOP_TYPE_STATISTICS_PAGE, "db", db, NULL);
}

OcopDb *
ocop_statistics_page_get_db (OcopStatisticsPage *self)
{
  g_return_val_if_fail (OCOP_IS_STATISTICS_PAGE (self), NULL);

  return self->db;
}

void
ocop_statistics_page_set_db (OcopStatisticsPage *self,
                             OcopDb             *db)
{
  g_return_if_fail (OCOP_IS_STATISTICS_PAGE (self));
  g_return_if_fail (db == NULL || OCOP_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_pointer (&self->worker, worker_unref);
  self->worker = worker_new (db != NULL ? ocop_db_get_path (db) : NULL);
  self->have_figures = FALSE;

  reload_localities (self);
  ocop_statistics_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}
