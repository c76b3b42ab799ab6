/* ocop-cli-stats.c: the commands stats, targets and sample
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-cli"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ocop-cli-private.h"
#include "ocop-sample.h"
#include "ocop-stats.h"
#include "ocop-text.h"

/* "31/12/2022" or "2022-12-31" → ISO; NULL stays NULL. FALSE when not a date. */
static gboolean
to_iso (char       **date,
        const char  *option,
        int         *status)
{
  char *iso;

  if (*date == NULL)
    return TRUE;
  iso = ocop_text_date_to_iso (*date);
  if (iso == NULL)
    {
      /* Translators: %1$s is an option ("--from"), %2$s what was typed */
      g_autofree char *msg = g_strdup_printf (_("%1$s: “%2$s” is not a date"), option, *date);

      *status = fail_usage (NULL, msg);
      return FALSE;
    }
  g_free (*date);
  *date = iso;

  return TRUE;
}

static char *
count_text (guint n)
{
  return ocop_text_format_number (n, 0);
}

static char *
percent_text (double value)
{
  g_autofree char *n = ocop_text_format_number (value, 1);

  /* Translators: a percentage; %s is a number */
  return g_strdup_printf (_("%s %%"), n);
}

static void
add_stars_row (GPtrArray            *table,
               const char           *label,
               const OcopStarCounts *counts)
{
  g_autofree char *all = count_text (counts->n[0]);
  g_autofree char *s3 = count_text (counts->n[3]);
  g_autofree char *s4 = count_text (counts->n[4]);
  g_autofree char *s5 = count_text (counts->n[5]);

  table_add (table, label, all, s3, s4, s5, END);
}

static void
add_count_row (GPtrArray  *table,
               const char *label,
               guint       n,
               const char *share)
{
  g_autofree char *text = count_text (n);

  table_add (table, label, text, share, END);
}

static void
print_stats_table (const OcopStats *s,
                   GPtrArray       *targets)
{
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *star3 = stars_text (3);
  g_autofree char *star4 = stars_text (4);
  g_autofree char *star5 = stars_text (5);

  /* Translators: %1$s and %2$s are dates, %3$s a date */
  g_print (_("Period %1$s – %2$s, states as of %3$s\n"), *s->from ? s->from : "…", s->to, s->as_of);
  if (s->province != NULL || s->district != NULL)
    {
      g_autofree char *place = g_strjoin (", ", s->district ? s->district : s->province,
                                          s->district && s->province ? s->province : NULL, NULL);

      /* Translators: %s is a place ("Huyện X, Tỉnh Y") */
      g_print (_("Locality: %s\n"), place);
    }
  g_print ("\n");

  table = table_new ();
  table_add (table, _("Products"), _("Number"), "", END);
  add_count_row (table, _("Registered"), s->registered, NULL);
  add_count_row (table, _("Evaluated"), s->evaluated, NULL);
  add_count_row (table, _("  recognised"), s->by_outcome[OCOP_OUTCOME_RECOGNISED], NULL);
  add_count_row (table, _("  not passed"), s->by_outcome[OCOP_OUTCOME_NOT_PASSED], NULL);
  add_count_row (table, _("  proposed to a higher level"), s->by_outcome[OCOP_OUTCOME_PROPOSED], NULL);
  add_count_row (table, _("Certificates expiring within 30 days"), s->expiring_30, NULL);
  add_count_row (table, _("Certificates expiring within 90 days"), s->expiring_90, NULL);
  add_count_row (table, _("Upgrades (certificates with more stars)"), s->upgraded, NULL);
  add_count_row (table, _("Upgrade evaluations recognised"), s->upgrades_recognised, NULL);
  print_table (table, 3, 1 << 1);
  g_print ("\n");
  g_clear_pointer (&table, g_ptr_array_unref);

  table = table_new ();
  table_add (table, _("Certificates"), _("Total"), star3, star4, star5, END);
  add_stars_row (table, _("Certified in the period"), &s->certified);
  add_stars_row (table, _("Ever certified"), &s->ever_certified);
  add_stars_row (table, _("Expired"), &s->expired);
  add_stars_row (table, _("Revoked"), &s->revoked);
  add_stars_row (table, _("Superseded"), &s->superseded);
  add_stars_row (table, _("Currently valid"), &s->in_force);
  add_stars_row (table, _("  of which expiring"), &s->expiring);
  print_table (table, 5, 0x1e);
  g_print ("\n");
  g_clear_pointer (&table, g_ptr_array_unref);

  table = table_new ();
  table_add (table, _("Producers by type"), _("All"), _("Share"), _("OCOP subjects"), _("Share"), END);
  for (int t = 0; t < OCOP_SUBJECT_N; t++)
    {
      g_autofree char *n = count_text (s->producers_by_type[t]);
      g_autofree char *share = percent_text (ocop_stats_percent (s->producers_by_type[t], s->producers));
      g_autofree char *ns = count_text (s->subjects_by_type[t]);
      g_autofree char *share_s = percent_text (ocop_stats_percent (s->subjects_by_type[t], s->subjects));

      table_add (table, ocop_subject_type_get_label (t), n, share, ns, share_s, END);
    }
  {
    g_autofree char *n = count_text (s->producers);
    g_autofree char *ns = count_text (s->subjects);

    table_add (table, _("Total"), n, "", ns, "", END);
  }
  print_table (table, 5, 0x1e);
  g_print ("\n");
  g_clear_pointer (&table, g_ptr_array_unref);

  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *groups = pass == 0 ? s->by_product_set : s->by_district;

      if (groups->len == 0)
        continue;
      table = table_new ();
      table_add (table, pass == 0 ? _("Product set") : _("District"), _("Registered"), _("Evaluated"),
                 _("Certified"), _("Valid"), END);
      for (guint i = 0; i < groups->len; i++)
        {
          const OcopStatsGroup *g = g_ptr_array_index (groups, i);
          g_autofree char *label = pass == 0 ? g_strdup_printf ("%s %s", g->key, g->label) : g_strdup (g->label);
          g_autofree char *r = count_text (g->registered);
          g_autofree char *e = count_text (g->evaluated);
          g_autofree char *c = count_text (g->certified);
          g_autofree char *v = count_text (g->in_force);

          table_add (table, label, r, e, c, v, END);
        }
      print_table (table, 5, 0x1e);
      g_print ("\n");
      g_clear_pointer (&table, g_ptr_array_unref);
    }

  if (targets != NULL && targets->len > 0)
    {
      table = table_new ();
      table_add (table, _("Target"), _("Deadline"), _("Target value"), _("Achieved"), _("Met"), END);
      for (guint i = 0; i < targets->len; i++)
        {
          const OcopTargetProgress *p = g_ptr_array_index (targets, i);
          gboolean percent = p->target->unit == OCOP_TARGET_UNIT_PERCENT;
          g_autofree char *value = percent ? percent_text (p->target->value) : ocop_text_format_number (p->target->value, 0);
          g_autofree char *achieved = !p->known ? g_strdup ("—")
                                    : percent ? percent_text (p->achieved) : ocop_text_format_number (p->achieved, 0);

          table_add (table, p->target->title, p->target->deadline, value, achieved,
                     p->met ? _("yes") : _("no"), END);
        }
      print_table (table, 5, 0xc);
    }
}

static void
add_star_counts (JsonBuilder          *b,
                 const char           *name,
                 const OcopStarCounts *counts)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, counts->n[0]);
  for (int s = 3; s <= 5; s++)
    {
      char key[8];

      g_snprintf (key, sizeof key, "%d", s);
      json_builder_set_member_name (b, key);
      json_builder_add_int_value (b, counts->n[s]);
    }
  json_builder_end_object (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
stats_to_json (const OcopStats *s,
               GPtrArray       *targets)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_string (b, "from", *s->from ? s->from : NULL);
  add_string (b, "to", s->to);
  add_string (b, "as_of", s->as_of);
  add_string (b, "province", s->province);
  add_string (b, "district", s->district);
  add_int (b, "registered", s->registered);
  add_int (b, "evaluated", s->evaluated);
  add_int (b, "evaluations", s->evaluations);
  json_builder_set_member_name (b, "outcomes");
  json_builder_begin_object (b);
  for (int o = 0; o < OCOP_OUTCOME_N; o++)
    add_int (b, ocop_outcome_to_string (o), s->by_outcome[o]);
  json_builder_end_object (b);
  add_star_counts (b, "certified", &s->certified);
  add_star_counts (b, "ever_certified", &s->ever_certified);
  add_star_counts (b, "valid", &s->in_force);
  add_star_counts (b, "expiring", &s->expiring);
  add_star_counts (b, "expired", &s->expired);
  add_star_counts (b, "revoked", &s->revoked);
  add_star_counts (b, "superseded", &s->superseded);
  add_int (b, "expiring_30_days", s->expiring_30);
  add_int (b, "expiring_90_days", s->expiring_90);
  add_int (b, "products_valid", s->products_in_force);
  add_int (b, "upgraded", s->upgraded);
  add_int (b, "upgrades_recognised", s->upgrades_recognised);

  for (int pass = 0; pass < 2; pass++)
    {
      const guint *by_type = pass == 0 ? s->producers_by_type : s->subjects_by_type;
      guint total = pass == 0 ? s->producers : s->subjects;

      json_builder_set_member_name (b, pass == 0 ? "producers" : "ocop_subjects");
      json_builder_begin_object (b);
      add_int (b, "total", total);
      for (int t = 0; t < OCOP_SUBJECT_N; t++)
        {
          json_builder_set_member_name (b, ocop_subject_type_to_string (t));
          json_builder_begin_object (b);
          add_int (b, "count", by_type[t]);
          json_builder_set_member_name (b, "percent");
          json_builder_add_double_value (b, ocop_stats_percent (by_type[t], total));
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *groups = pass == 0 ? s->by_product_set : s->by_district;

      json_builder_set_member_name (b, pass == 0 ? "by_product_set" : "by_district");
      json_builder_begin_array (b);
      for (guint i = 0; i < groups->len; i++)
        {
          const OcopStatsGroup *g = g_ptr_array_index (groups, i);

          json_builder_begin_object (b);
          add_string (b, pass == 0 ? "product_set" : "district", *g->key ? g->key : NULL);
          add_string (b, "name", g->label);
          add_int (b, "registered", g->registered);
          add_int (b, "evaluated", g->evaluated);
          add_int (b, "certified", g->certified);
          add_int (b, "valid", g->in_force);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "targets");
  json_builder_begin_array (b);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const OcopTargetProgress *p = g_ptr_array_index (targets, i);

      json_builder_begin_object (b);
      add_int (b, "id", p->target->id);
      add_string (b, "title", p->target->title);
      add_string (b, "kind", ocop_target_kind_to_string (p->target->kind));
      add_string (b, "unit", ocop_target_unit_to_string (p->target->unit));
      json_builder_set_member_name (b, "value");
      json_builder_add_double_value (b, p->target->value);
      add_string (b, "period_start", p->target->period_start);
      add_string (b, "deadline", p->target->deadline);
      add_string (b, "as_of", p->as_of);
      json_builder_set_member_name (b, "achieved");
      if (p->known)
        json_builder_add_double_value (b, p->achieved);
      else
        json_builder_add_null_value (b);
      add_int (b, "numerator", p->numerator);
      add_int (b, "denominator", p->denominator);
      json_builder_set_member_name (b, "met");
      json_builder_add_boolean_value (b, p->met);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);

  return json_generator_to_data (gen, NULL);
}

int
cmd_stats (OcopDb  *db,
           int      argc,
           char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopStats) stats = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *province = NULL;
  g_autofree char *district = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the period (default: the beginning)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period (default: today)"), N_("DATE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The day certificates' states are taken on (default: the last day)"), N_("DATE") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Only this province"), N_("NAME") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("Only this district"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (default) or json"), N_("FORMAT") },
    { NULL }
  };
  OcopStatsQuery query = { 0 };
  int status = 0;

  g_option_context_set_summary (context, _("The figures of a provincial report for a period and a locality: products "
                                           "registered, evaluated and certified by stars; certificates valid, expiring, "
                                           "expired, revoked and superseded; producers by type; products by product set and "
                                           "district; upgrades; and the programme's targets against what was achieved."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return fail_usage (context, _("stats takes no arguments"));
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "json"))
    return fail_usage (context, _("--format must be table or json"));
  if (!to_iso (&from, "--from", &status) || !to_iso (&to, "--to", &status) || !to_iso (&as_of, "--as-of", &status))
    return status;

  query.from = from;
  query.to = to;
  query.as_of = as_of;
  query.province = province;
  query.district = district;

  stats = ocop_db_compute_stats (db, &query, &error);
  if (stats == NULL)
    return fail (g_steal_pointer (&error));
  targets = ocop_db_list_target_progress (db, stats->as_of, &error);
  if (targets == NULL)
    return fail (g_steal_pointer (&error));

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *json = stats_to_json (stats, targets);

      g_print ("%s\n", json);
    }
  else
    print_stats_table (stats, targets);

  return EXIT_SUCCESS;
}

int
cmd_targets (OcopDb  *db,
             int      argc,
             char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *add = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *start = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *province = NULL;
  g_autofree char *district = NULL;
  g_autofree char *as_of = NULL;
  double value = NAN;
  double achieved = NAN;
  int min_stars = 3;
  gint64 remove = 0;
  GOptionEntry entries[] = {
    { "add", 0, 0, G_OPTION_ARG_STRING, &add, N_("Add a target with this title"), N_("TITLE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("new-products, upgraded-share, cooperative-share, enterprise-share or custom (default)"), N_("KIND") },
    { "value", 0, 0, G_OPTION_ARG_DOUBLE, &value, N_("The target: a count, or a percentage for the shares"), N_("NUMBER") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First day of the target's period"), N_("DATE") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("The deadline"), N_("DATE") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Only this province"), N_("NAME") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("Only this district"), N_("NAME") },
    { "min-stars", 0, 0, G_OPTION_ARG_INT, &min_stars, N_("New products: the lowest star rating that counts (default 3)"), N_("N") },
    { "achieved", 0, 0, G_OPTION_ARG_DOUBLE, &achieved, N_("Custom targets: what has been achieved"), N_("NUMBER") },
    { "remove", 0, 0, G_OPTION_ARG_INT64, &remove, N_("Remove the target with this number"), N_("ID") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Show what was achieved by this day (default: today)"), N_("DATE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("List the programme's targets with what has been achieved, add one, or remove one."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return fail_usage (context, _("targets takes no arguments"));
  if (!to_iso (&as_of, "--as-of", &status))
    return status;

  if (remove != 0)
    {
      if (!ocop_db_delete_target (db, remove, &error))
        return fail (g_steal_pointer (&error));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, remove);

      /* Translators: %s is a target's number */
      g_print (_("Target %s removed\n"), id);
      return EXIT_SUCCESS;
    }

  if (add != NULL)
    {
      g_autoptr(OcopTarget) target = ocop_target_new ();

      target->title = g_strdup (add);
      if (kind != NULL && !ocop_target_kind_from_string (kind, &target->kind))
        return fail_usage (context, _("--kind must be new-products, upgraded-share, cooperative-share, enterprise-share or custom"));
      if (isnan (value))
        return fail_usage (context, _("Give the target's --value"));
      target->value = value;
      target->unit = target->kind == OCOP_TARGET_NEW_PRODUCTS || target->kind == OCOP_TARGET_CUSTOM
                     ? OCOP_TARGET_UNIT_COUNT : OCOP_TARGET_UNIT_PERCENT;
      target->period_start = g_steal_pointer (&start);
      target->deadline = g_steal_pointer (&deadline);
      target->province = g_steal_pointer (&province);
      target->district = g_steal_pointer (&district);
      target->min_stars = min_stars;
      target->achieved_value = achieved;
      if (!ocop_db_save_target (db, target, &error))
        return fail (g_steal_pointer (&error));
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, target->id);

        /* Translators: %1$s is a target's number, %2$s its title */
        g_print (_("Target %1$s added: %2$s\n"), id, target->title);
      }
      return EXIT_SUCCESS;
    }

  list = ocop_db_list_target_progress (db, as_of, &error);
  if (list == NULL)
    return fail (g_steal_pointer (&error));
  if (list->len == 0)
    {
      g_print (_("No targets yet\n"));
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(GPtrArray) table = table_new ();

    table_add (table, _("No."), _("Target"), _("Kind"), _("Period"), _("Target value"), _("Achieved"), _("Met"), END);
    for (guint i = 0; i < list->len; i++)
      {
        const OcopTargetProgress *p = g_ptr_array_index (list, i);
        gboolean percent = p->target->unit == OCOP_TARGET_UNIT_PERCENT;
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->target->id);
        g_autofree char *period = g_strdup_printf ("%s – %s", p->target->period_start, p->target->deadline);
        g_autofree char *target_value = percent ? percent_text (p->target->value) : ocop_text_format_number (p->target->value, 0);
        g_autofree char *achieved_text = !p->known ? g_strdup ("—")
                                       : percent ? percent_text (p->achieved) : ocop_text_format_number (p->achieved, 0);

        table_add (table, id, p->target->title, ocop_target_kind_get_label (p->target->kind), period,
                   target_value, achieved_text, p->met ? _("yes") : _("no"), END);
      }
    print_table (table, 7, 0x31);
  }

  return EXIT_SUCCESS;
}

int
cmd_sample (OcopDb  *db,
            int      argc,
            char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the sample data (and nothing else)"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Load a sample province (“Tỉnh Mẫu”), modelled on a real provincial report for "
                                           "2019–2022, to try the statistics; or remove it again. Real data is never "
                                           "touched."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return fail_usage (context, _("sample takes no arguments"));

  if (remove)
    {
      if (!ocop_sample_remove (db, &error))
        return fail (g_steal_pointer (&error));
      g_print (_("Sample data removed\n"));
      return EXIT_SUCCESS;
    }

  if (!ocop_sample_load (db, &error))
    return fail (g_steal_pointer (&error));

  /* Translators: %1$s is a province, %2$s and %3$s dates, %4$s a date */
  g_print (_("Sample data loaded: province “%1$s”. Try “ocop-cli stats --from %2$s --to %3$s --as-of %4$s”.\n"),
           OCOP_SAMPLE_PROVINCE, OCOP_SAMPLE_REPORT_FROM, OCOP_SAMPLE_REPORT_TO, OCOP_SAMPLE_REPORT_AS_OF);

  return EXIT_SUCCESS;
}
