/* ocop-cli.c: OCOP Council for scripts, batch work and tests
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ocop-cli-private.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-csv.h"
#include "ocop-db.h"
#include "ocop-import.h"
#include "ocop-rating.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-text.h"

static char *opt_database;

/* ---- commands ---- */

static int
cmd_init (OcopDb  *db,
          int      argc,
          char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;
  int n;

  g_option_context_set_summary (context, _("Create the database (if needed) and import the criteria sets that come with OCOP Council."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  dir = ocop_criteria_get_bundled_dir ();
  n = ocop_db_import_bundled_criteria (db, dir, &error);
  if (n < 0)
    return fail (g_steal_pointer (&error));

  /* Translators: %s is a file name */
  g_print (_("Database: %s\n"), ocop_db_get_path (db));
  g_print (ngettext ("%d criteria set imported\n", "%d criteria sets imported\n", n), n);

  return EXIT_SUCCESS;
}

static int
cmd_import_criteria (OcopDb  *db,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("Import a criteria set from a file in the format of data/criteria/README.md. "
                                           "The file is checked first: a set that does not add up is refused and nothing is written."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("Give one criteria file"));

  set = ocop_db_import_criteria_file (db, argv[1], &error);
  if (set == NULL)
    return fail (g_steal_pointer (&error));

  /* Translators: %1$s is the legal basis, %2$s a code, %3$u a number of sheets */
  g_print (ngettext ("Imported %1$s (%2$s): %3$u sheet\n", "Imported %1$s (%2$s): %3$u sheets\n", set->sheets->len),
           set->legal_basis, set->code, set->sheets->len);

  return EXIT_SUCCESS;
}

static void
print_sheet (const OcopSheet *sheet)
{
  g_print ("%s. %s\n", sheet->code, sheet->name);
  if (sheet->exclusion != NULL)
    g_print ("%s\n", sheet->exclusion);

  for (guint p = 0; p < sheet->parts->len; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);

      g_print ("\n");
      /* Translators: %1$s is a part's letter, %2$s its title, %3$s its maximum points */
      g_print (_("Part %1$s: %2$s (%3$s points)\n"), part->code, part->title,
               ocop_text_format_number (part->max, 0));

      for (guint s = 0; s < part->sections->len; s++)
        {
          const OcopSection *section = g_ptr_array_index (part->sections, s);

          g_print ("  %s. %s\n", section->code, section->title);
          for (guint l = 0; l < sheet->leaves->len; l++)
            {
              const OcopCriterion *c = g_ptr_array_index (sheet->leaves, l);

              if (c->section != section)
                continue;
              g_print ("    %-7s %s", c->code, c->name);
              for (guint o = 0; o < c->options->len; o++)
                {
                  const OcopOption *option = g_ptr_array_index (c->options, o);
                  g_autofree char *points = ocop_text_format_number (option->points, option->points == (int) option->points ? 0 : 2);

                  g_print ("%s%u=%s", o == 0 ? "  [" : " ", o + 1, points);
                }
              g_print ("]\n");
            }
        }
    }
}

static int
cmd_criteria (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[SET [SHEET]]"));
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("List the criteria sets, the sheets of a set, or one sheet with its criteria and options."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (argc == 1)
    {
      g_autoptr(GPtrArray) sets = ocop_db_list_criteria_sets (db, &error);
      g_autoptr(GPtrArray) table = table_new ();

      if (sets == NULL)
        return fail (g_steal_pointer (&error));

      table_add (table, _("Code"), _("Legal basis"), _("Effective from"), _("Sheets"), END);
      for (guint i = 0; i < sets->len; i++)
        {
          const OcopCriteriaSetInfo *info = g_ptr_array_index (sets, i);
          g_autofree char *n = g_strdup_printf ("%u", info->n_sheets);
          g_autofree char *date = ocop_text_date_to_iso (info->effective_from);
          int y, m, d;
          g_autofree char *shown = ocop_text_parse_date (info->effective_from, &y, &m, &d)
                                   ? ocop_text_format_date_short (y, m, d) : g_strdup (info->effective_from);

          table_add (table, info->code, info->legal_basis, shown, n, END);
        }
      print_table (table, 4, 1u << 3);
      return EXIT_SUCCESS;
    }
  else
    {
      g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set_by_code (db, argv[1], &error);

      if (set == NULL)
        return fail (g_steal_pointer (&error));

      if (argc == 2)
        {
          g_autoptr(GPtrArray) table = table_new ();

          table_add (table, _("Sheet"), _("Product set"), _("Industry"), _("Criteria"), END);
          for (guint i = 0; i < set->sheets->len; i++)
            {
              const OcopSheet *sheet = g_ptr_array_index (set->sheets, i);
              g_autofree char *n = g_strdup_printf ("%u", sheet->leaves->len);

              table_add (table, sheet->code, sheet->name, sheet->industry, n, END);
            }
          print_table (table, 4, 1u << 3);
        }
      else
        {
          g_autofree char *code = NULL;
          const OcopSheet *sheet;
          int n;

          code = (strlen (argv[2]) <= 2 && (n = atoi (argv[2])) > 0) ? g_strdup_printf ("%02d", n) : g_strdup (argv[2]);
          sheet = ocop_criteria_set_find_sheet (set, code);
          if (sheet == NULL)
            {
              g_set_error (&error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
                           /* Translators: %1$s is a criteria set, %2$s a sheet code */
                           _("The criteria set %1$s has no sheet %2$s"), set->code, argv[2]);
              return fail (g_steal_pointer (&error));
            }
          print_sheet (sheet);
        }
    }

  return EXIT_SUCCESS;
}

static void
print_report (const OcopImportReport *report,
              gboolean                products)
{
  if (products)
    g_print (/* Translators: %1$s is a file name, %2$u a number of products */
             ngettext ("%1$s: %2$u product imported\n", "%1$s: %2$u products imported\n", report->n_imported),
             report->file, report->n_imported);
  else
    g_print (/* Translators: %1$s is a file name, %2$u a number of producers */
             ngettext ("%1$s: %2$u producer imported\n", "%1$s: %2$u producers imported\n", report->n_imported),
             report->file, report->n_imported);
  if (report->n_created > 0)
    g_print (ngettext ("%u new producer added to the register\n",
                       "%u new producers added to the register\n", report->n_created),
             report->n_created);
}

/* import-producers and import-products: one CSV file, taken whole or not at all. */
static int
import_register_file (OcopDb      *db,
                      int          argc,
                      char       **argv,
                      gboolean     products)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopImportReport) report = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  if (products)
    g_option_context_set_summary (context, _("Import products from a CSV file; producers not yet in the register are added "
                                             "from the same rows. One bad row rejects the whole file."));
  else
    g_option_context_set_summary (context, _("Import producers (subjects) from a CSV file. "
                                             "One bad row rejects the whole file, with its line and column named."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("Give one CSV file"));

  if (products)
    report = ocop_import_products_csv (db, argv[1], NULL, &error);
  else
    report = ocop_import_producers_csv (db, argv[1], NULL, &error);
  if (report == NULL)
    return fail (g_steal_pointer (&error));

  print_report (report, products);

  return EXIT_SUCCESS;
}

static int
cmd_import_producers (OcopDb  *db,
                      int      argc,
                      char   **argv)
{
  return import_register_file (db, argc, argv, FALSE);
}

static int
cmd_import_products (OcopDb  *db,
                     int      argc,
                     char   **argv)
{
  return import_register_file (db, argc, argv, TRUE);
}

static int
cmd_products (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[SEARCH]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) table = table_new ();
  g_autofree char *query = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("List the products in Vietnamese order, or those that match a search "
                                           "(case and diacritics are ignored)."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (argc > 1)
    query = g_strjoinv (" ", argv + 1);

  products = ocop_db_search_products (db, query, &error);
  if (products == NULL)
    return fail (g_steal_pointer (&error));

  table_add (table, _("Code"), _("Product"), _("Set"), _("Producer"), END);
  for (guint i = 0; i < products->len; i++)
    {
      const OcopProduct *product = g_ptr_array_index (products, i);
      g_autoptr(OcopProducer) producer = ocop_db_get_producer (db, product->producer_id, NULL);

      table_add (table, product->code, product->name, product->product_set,
                 producer ? producer->name : "", END);
    }
  print_table (table, 4, 0);

  return EXIT_SUCCESS;
}

static int
cmd_create_council (OcopDb  *db,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopCouncil) council = ocop_council_new ();
  g_autofree char *name = NULL, *level = NULL, *regime = NULL, *locality = NULL, *decision = NULL;
  g_autofree char *members = NULL;
  gboolean secretary_scores = FALSE, advisory_scores = FALSE, chair_optional = FALSE;
  double quorum = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The council's name"), N_("NAME") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("commune, district, province or central"), N_("LEVEL") },
    { "regime", 0, 0, G_OPTION_ARG_STRING, &regime, N_("The rules in force: 1048, 148 or 148-1489 (default)"), N_("REGIME") },
    { "locality", 0, 0, G_OPTION_ARG_STRING, &locality, N_("The province, district or commune"), N_("PLACE") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("The decision that established the council"), N_("NUMBER") },
    { "secretary-scores", 0, 0, G_OPTION_ARG_NONE, &secretary_scores, N_("The secretary's sheets count in the mean"), NULL },
    { "advisory-scores", 0, 0, G_OPTION_ARG_NONE, &advisory_scores, N_("The advisory team's sheets count in the mean"), NULL },
    { "quorum", 0, 0, G_OPTION_ARG_DOUBLE, &quorum, N_("Share of members who must be present (default 0.6667)"), N_("SHARE") },
    { "chair-optional", 0, 0, G_OPTION_ARG_NONE, &chair_optional, N_("The quorum does not need the chair"), NULL },
    { "members", 0, 0, G_OPTION_ARG_FILENAME, &members, N_("Import the members from a CSV file (name, role, title)"), N_("FILE.csv") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Create an evaluation council; prints its number."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  council->name = g_strdup (name);
  council->locality = g_strdup (locality);
  council->decision = g_strdup (decision);
  council->secretary_scores = secretary_scores;
  council->advisory_scores = advisory_scores;
  council->chair_required = !chair_optional;
  if (quorum > 0)
    council->quorum_share = quorum;

  if (level == NULL || !ocop_level_from_string (level, &council->level))
    return fail_usage (context, _("--level must be commune, district, province or central"));
  if (regime == NULL)
    council->regime = OCOP_REGIME_148_1489;
  else if (!ocop_regime_from_string (regime, &council->regime))
    return fail_usage (context, _("--regime must be 1048, 148 or 148-1489"));

  if (!ocop_db_begin (db, &error))
    return fail (g_steal_pointer (&error));

  if (!ocop_db_save_council (db, council, &error))
    {
      ocop_db_rollback (db);
      return fail (g_steal_pointer (&error));
    }

  if (members != NULL)
    {
      g_autoptr(OcopImportReport) report = ocop_import_members_csv (db, council->id, members, NULL, &error);

      if (report == NULL)
        {
          ocop_db_rollback (db);
          return fail (g_steal_pointer (&error));
        }
    }

  if (!ocop_db_commit (db, &error))
    return fail (g_steal_pointer (&error));

  g_print ("%" G_GINT64_FORMAT "\n", council->id);

  return EXIT_SUCCESS;
}

static int
cmd_add_member (OcopDb  *db,
                int      argc,
                char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMember) member = ocop_member_new ();
  g_autofree char *name = NULL, *role = NULL, *title = NULL;
  gint64 council = 0;
  GOptionEntry entries[] = {
    { "council", 0, 0, G_OPTION_ARG_INT64, &council, N_("The council's number"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("chair, vice-chair, member, secretary or advisory"), N_("ROLE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Position and organisation"), N_("POSITION") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Add a member to a council."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  member->council_id = council;
  member->name = g_strdup (name);
  member->title = g_strdup (title);
  if (role == NULL || !ocop_role_from_string (role, &member->role))
    return fail_usage (context, _("--role must be chair, vice-chair, member, secretary or advisory"));

  if (!ocop_db_add_member (db, member, &error))
    return fail (g_steal_pointer (&error));

  g_print ("%" G_GINT64_FORMAT "\n", member->id);

  return EXIT_SUCCESS;
}

static int
cmd_councils (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GPtrArray) table = table_new ();
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("List the councils and their members."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  councils = ocop_db_list_councils (db, &error);
  if (councils == NULL)
    return fail (g_steal_pointer (&error));

  table_add (table, _("No."), _("Council"), _("Level"), C_("column heading", "Member"), _("Role"), END);
  for (guint i = 0; i < councils->len; i++)
    {
      const OcopCouncil *council = g_ptr_array_index (councils, i);
      g_autoptr(GPtrArray) members = ocop_db_list_members (db, council->id, NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, council->id);

      table_add (table, id, council->name, ocop_level_get_label (council->level), "", "", END);
      for (guint j = 0; members != NULL && j < members->len; j++)
        {
          const OcopMember *member = g_ptr_array_index (members, j);

          table_add (table, "", "", "", member->name, ocop_role_get_label (member->role), END);
        }
    }
  print_table (table, 5, 1);

  return EXIT_SUCCESS;
}

/* The newest criteria set in effect on @date. */
static gint64
criteria_set_for_date (OcopDb      *db,
                       const char  *date,
                       GError     **error)
{
  g_autoptr(GPtrArray) sets = ocop_db_list_criteria_sets (db, error);

  if (sets == NULL)
    return 0;

  for (guint i = 0; i < sets->len; i++)
    {
      const OcopCriteriaSetInfo *info = g_ptr_array_index (sets, i);

      if (g_strcmp0 (info->effective_from, date) <= 0 &&
          (info->effective_to == NULL || g_strcmp0 (date, info->effective_to) < 0))
        return info->id;
    }

  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
               /* Translators: %s is a date */
               _("No criteria set in the database is in effect on %s: import one, or name one with --criteria"),
               date);

  return 0;
}

static int
cmd_create_meeting (OcopDb  *db,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = ocop_meeting_new ();
  g_autofree char *criteria = NULL, *date = NULL, *place = NULL, *title = NULL;
  g_auto(GStrv) products = NULL;
  g_auto(GStrv) absent = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 council = 0;
  GOptionEntry entries[] = {
    { "council", 0, 0, G_OPTION_ARG_INT64, &council, N_("The council's number"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The meeting's date (12/11/2024 or 2024-11-12)"), N_("DATE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where the council meets"), N_("PLACE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("A title, such as “Đợt 2 năm 2024”"), N_("TITLE") },
    { "criteria", 0, 0, G_OPTION_ARG_STRING, &criteria, N_("The criteria set's code (default: the one in effect on the date)"), N_("CODE") },
    { "product", 0, 0, G_OPTION_ARG_STRING_ARRAY, &products, N_("A product on the agenda, by code or name (repeat)"), N_("PRODUCT") },
    { "absent", 0, 0, G_OPTION_ARG_STRING_ARRAY, &absent, N_("A member who is absent (repeat); the others are present"), N_("NAME") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Create a council meeting with its agenda and attendance; prints its number."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (date == NULL || (meeting->date = ocop_text_date_to_iso (date)) == NULL)
    return fail_usage (context, _("--date must be a date such as 12/11/2024"));

  meeting->council_id = council;
  meeting->place = g_strdup (place);
  meeting->title = g_strdup (title);

  if (criteria != NULL)
    {
      g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set_by_code (db, criteria, &error);

      if (set == NULL)
        return fail (g_steal_pointer (&error));
      meeting->set_id = set->id;
    }
  else if ((meeting->set_id = criteria_set_for_date (db, meeting->date, &error)) == 0)
    return fail (g_steal_pointer (&error));

  if (!ocop_db_begin (db, &error))
    return fail (g_steal_pointer (&error));

  if (!ocop_db_save_meeting (db, meeting, &error))
    goto failed;

  for (guint i = 0; products != NULL && products[i] != NULL; i++)
    {
      g_autoptr(OcopProduct) product = find_product (db, products[i], &error);

      if (product == NULL || !ocop_db_add_agenda_item (db, meeting->id, product->id, &error))
        goto failed;
    }

  members = ocop_db_list_members (db, council, &error);
  if (members == NULL)
    goto failed;

  for (guint i = 0; i < members->len; i++)
    {
      const OcopMember *member = g_ptr_array_index (members, i);
      gboolean present = TRUE;

      for (guint j = 0; absent != NULL && absent[j] != NULL; j++)
        {
          g_autofree char *a = ocop_text_fold (absent[j]);
          g_autofree char *b = ocop_text_fold (member->name);

          if (g_strcmp0 (a, b) == 0)
            present = FALSE;
        }

      if (!ocop_db_set_attendance (db, meeting->id, member->id, present, &error))
        goto failed;
    }

  for (guint j = 0; absent != NULL && absent[j] != NULL; j++)
    {
      g_autoptr(OcopMember) member = find_member (db, council, absent[j], &error);

      if (member == NULL)
        goto failed;
    }

  if (!ocop_db_set_meeting_state (db, meeting->id, OCOP_MEETING_SCORING, &error))
    goto failed;

  if (!ocop_db_commit (db, &error))
    return fail (g_steal_pointer (&error));

  g_print ("%" G_GINT64_FORMAT "\n", meeting->id);

  return EXIT_SUCCESS;

failed:
  ocop_db_rollback (db);
  return fail (g_steal_pointer (&error));
}

static int
cmd_meetings (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) table = table_new ();
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  g_option_context_set_summary (context, _("List the council meetings, newest first."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  meetings = ocop_db_list_meetings (db, 0, &error);
  if (meetings == NULL)
    return fail (g_steal_pointer (&error));

  table_add (table, _("No."), _("Date"), _("Council"), _("Place"), _("State"), END);
  for (guint i = 0; i < meetings->len; i++)
    {
      const OcopMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autoptr(OcopCouncil) council = ocop_db_get_council (db, meeting->council_id, NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting->id);
      int y = 0, m = 0, d = 0;
      g_autofree char *date = ocop_text_parse_date (meeting->date, &y, &m, &d)
                              ? ocop_text_format_date_short (y, m, d) : g_strdup (meeting->date);

      table_add (table, id, date, council ? council->name : "", meeting->place,
                 ocop_meeting_state_get_label (meeting->state), END);
    }
  print_table (table, 5, 1);

  return EXIT_SUCCESS;
}

static gboolean
get_meeting (OcopDb       *db,
             gint64        id,
             OcopMeeting **meeting,
             GError      **error)
{
  if (id <= 0)
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID, _("Give the meeting's number with --meeting"));
      return FALSE;
    }

  *meeting = ocop_db_get_meeting (db, id, error);

  return *meeting != NULL;
}

static int
cmd_attendance (OcopDb  *db,
                int      argc,
                char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_auto(GStrv) present = NULL;
  g_auto(GStrv) absent = NULL;
  g_autofree char *reason = NULL;
  gint64 meeting_id = 0;
  gboolean met = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { "present", 0, 0, G_OPTION_ARG_STRING_ARRAY, &present, N_("A member who is present (repeat)"), N_("NAME") },
    { "absent", 0, 0, G_OPTION_ARG_STRING_ARRAY, &absent, N_("A member who is absent (repeat)"), N_("NAME") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Record who is present and show the quorum."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (!get_meeting (db, meeting_id, &meeting, &error))
    return fail (g_steal_pointer (&error));

  for (int pass = 0; pass < 2; pass++)
    {
      char **names = pass == 0 ? present : absent;

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autoptr(OcopMember) member = find_member (db, meeting->council_id, names[i], &error);

          if (member == NULL ||
              !ocop_db_set_attendance (db, meeting->id, member->id, pass == 0, &error))
            return fail (g_steal_pointer (&error));
        }
    }

  if (!ocop_db_check_quorum (db, meeting->id, &met, &reason, &error))
    return fail (g_steal_pointer (&error));

  g_print ("%s\n", reason);

  return EXIT_SUCCESS;
}

static int
cmd_conflict (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopMember) member = NULL;
  g_autoptr(OcopProduct) product = NULL;
  g_autofree char *member_name = NULL, *product_name = NULL, *reason = NULL;
  gint64 meeting_id = 0;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member_name, N_("The member who declares it"), N_("NAME") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_name, N_("The product, by code or name"), N_("PRODUCT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (kept in the record and the minutes)"), N_("TEXT") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Declare a member's conflict of interest: the member does not score that product."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (!get_meeting (db, meeting_id, &meeting, &error) ||
      (member = find_member (db, meeting->council_id, member_name ? member_name : "", &error)) == NULL ||
      (product = find_product (db, product_name ? product_name : "", &error)) == NULL ||
      !ocop_db_declare_conflict (db, meeting->id, member->id, product->id, reason, &error))
    return fail (g_steal_pointer (&error));

  return EXIT_SUCCESS;
}

static int
cmd_import_sheets (OcopDb  *db,
                   int      argc,
                   char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopImportReport) report = NULL;
  gint64 meeting_id = 0;
  gboolean draft = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, N_("Keep the sheets as drafts instead of submitting the complete ones"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Import members' score sheets from a CSV file (member, product, criterion, option) "
                                           "or a JSON file. Every sheet is checked first; one bad row rejects the file."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("Give one file of score sheets"));

  report = ocop_import_sheets (db, meeting_id, argv[1], !draft, NULL, &error);
  if (report == NULL)
    return fail (g_steal_pointer (&error));

  /* Translators: %1$s is a file name, %2$u and %3$u numbers of sheets */
  g_print (_("%1$s: %2$u score sheets imported, %3$u submitted\n"),
           report->file, report->n_imported, report->n_submitted);

  return EXIT_SUCCESS;
}

static JsonNode *
results_to_json (GPtrArray *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *r = g_ptr_array_index (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "product");
      json_builder_add_string_value (builder, r->product_name);
      json_builder_set_member_name (builder, "code");
      if (r->product_code)
        json_builder_add_string_value (builder, r->product_code);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "round");
      json_builder_add_int_value (builder, r->round);
      json_builder_set_member_name (builder, "score");
      if (r->n_counted > 0)
        json_builder_add_double_value (builder, r->score);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "stars");
      json_builder_add_int_value (builder, r->stars);
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, ocop_outcome_to_string (r->outcome));
      json_builder_set_member_name (builder, "spread");
      json_builder_add_double_value (builder, r->spread);
      json_builder_set_member_name (builder, "sheets_counted");
      json_builder_add_int_value (builder, r->n_counted);
      json_builder_set_member_name (builder, "members");
      json_builder_begin_array (builder);
      for (guint j = 0; r->member_totals != NULL && j < r->member_totals->len; j++)
        {
          const OcopMemberTotal *t = g_ptr_array_index (r->member_totals, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, t->member_name);
          json_builder_set_member_name (builder, "total");
          json_builder_add_double_value (builder, t->total);
          json_builder_set_member_name (builder, "submitted");
          json_builder_add_boolean_value (builder, t->state == OCOP_SHEET_SUBMITTED);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      if (r->reasons != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (r->reasons, "\n", -1);

          for (guint j = 0; lines[j]; j++)
            if (*lines[j])
              json_builder_add_string_value (builder, lines[j]);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static int
cmd_results (OcopDb  *db,
             int      argc,
             char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *format = NULL;
  gint64 meeting_id = 0;
  gboolean explain = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), N_("FORMAT") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_("With the table, the reasons for each product's result"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Compute and print the meeting's results: each product's council score, stars and outcome."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return fail_usage (context, _("--format must be table, csv or json"));

  if (!get_meeting (db, meeting_id, &meeting, &error))
    return fail (g_steal_pointer (&error));

  if (meeting->state != OCOP_MEETING_FINALISED &&
      !ocop_db_compute_meeting_results (db, meeting->id, &error))
    return fail (g_steal_pointer (&error));

  results = ocop_db_list_results (db, meeting->id, &error);
  if (results == NULL)
    return fail (g_steal_pointer (&error));

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = results_to_json (results);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  else if (g_strcmp0 (format, "csv") == 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      const char *header[] = { "code", "product", "round", "score", "stars", "outcome", "spread", "sheets", NULL };

      ocop_csv_append_row (out, header);
      for (guint i = 0; i < results->len; i++)
        {
          const OcopProductResult *r = g_ptr_array_index (results, i);
          char score[G_ASCII_DTOSTR_BUF_SIZE] = "", spread[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *round = g_strdup_printf ("%d", r->round);
          g_autofree char *stars = g_strdup_printf ("%d", r->stars);
          g_autofree char *n = g_strdup_printf ("%u", r->n_counted);
          const char *row[9];

          if (r->n_counted > 0)
            g_ascii_formatd (score, sizeof score, "%.2f", floor (r->score * 100 + 1e-9) / 100);
          g_ascii_formatd (spread, sizeof spread, "%.2f", r->spread);
          row[0] = r->product_code ? r->product_code : "";
          row[1] = r->product_name;
          row[2] = round;
          row[3] = score;
          row[4] = stars;
          row[5] = ocop_outcome_to_string (r->outcome);
          row[6] = spread;
          row[7] = n;
          row[8] = NULL;
          ocop_csv_append_row (out, row);
        }
      g_print ("%s", out->str);
    }
  else
    {
      g_autoptr(GPtrArray) table = table_new ();

      table_add (table, _("Code"), _("Product"), _("Round"), _("Sheets"), _("Score"), _("Spread"),
                 _("Stars"), _("Result"), END);
      for (guint i = 0; i < results->len; i++)
        {
          const OcopProductResult *r = g_ptr_array_index (results, i);
          g_autofree char *round = g_strdup_printf ("%d", r->round);
          g_autofree char *n = g_strdup_printf ("%u", r->n_counted);
          g_autofree char *score = r->n_counted > 0 ? ocop_rating_format_score (r->score) : g_strdup ("—");
          g_autofree char *spread = ocop_rating_format_score (r->spread);
          g_autofree char *stars = stars_text (r->stars);

          table_add (table, r->product_code, r->product_name, round, n, score, spread, stars,
                     ocop_outcome_get_label (r->outcome), END);
        }
      print_table (table, 8, (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5));

      if (explain)
        {
          for (guint i = 0; i < results->len; i++)
            {
              const OcopProductResult *r = g_ptr_array_index (results, i);

              g_print ("\n%s\n", r->product_name);
              if (r->reasons != NULL)
                {
                  g_auto(GStrv) lines = g_strsplit (r->reasons, "\n", -1);

                  for (guint j = 0; lines[j]; j++)
                    if (*lines[j])
                      g_print ("  • %s\n", lines[j]);
                }
            }
        }
    }

  return EXIT_SUCCESS;
}

static int
cmd_rescore (OcopDb  *db,
             int      argc,
             char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProduct) product = NULL;
  g_autofree char *product_name = NULL;
  gint64 meeting_id = 0;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_name, N_("The product, by code or name"), N_("PRODUCT") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Open the next scoring round for a product; the earlier round is kept."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if ((product = find_product (db, product_name ? product_name : "", &error)) == NULL ||
      !ocop_db_open_round (db, meeting_id, product->id, &error))
    return fail (g_steal_pointer (&error));

  /* Translators: %1$s is a product name, %2$d a round number */
  g_print (_("%1$s: scoring round %2$d is open\n"), product->name,
           ocop_db_get_agenda_round (db, meeting_id, product->id, NULL));

  return EXIT_SUCCESS;
}

static int
cmd_finalise (OcopDb  *db,
              int      argc,
              char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting's number"), N_("ID") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Finalise a meeting: its results are locked for good."));
  if (!parse (context, entries, &argc, &argv, &status))
    return status;

  if (!ocop_db_finalise_meeting (db, meeting_id, &error))
    return fail (g_steal_pointer (&error));

  g_print (_("The meeting is finalised; its results can no longer change.\n"));

  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "init", "", N_("Create the database and import the bundled criteria sets"), cmd_init },
  { "import-criteria", "FILE", N_("Import a criteria set (JSON)"), cmd_import_criteria },
  { "criteria", "[SET [SHEET]]", N_("List criteria sets, sheets, or one sheet"), cmd_criteria },
  { "import-producers", "FILE.csv", N_("Import producers from CSV"), cmd_import_producers },
  { "import-products", "FILE.csv", N_("Import products (and new producers) from CSV"), cmd_import_products },
  { "products", "[SEARCH]", N_("List or search products"), cmd_products },
  { "create-council", "", N_("Create a council"), cmd_create_council },
  { "add-member", "", N_("Add a member to a council"), cmd_add_member },
  { "councils", "", N_("List councils and members"), cmd_councils },
  { "create-meeting", "", N_("Create a meeting with its agenda and attendance"), cmd_create_meeting },
  { "meetings", "", N_("List meetings"), cmd_meetings },
  { "attendance", "", N_("Record attendance and show the quorum"), cmd_attendance },
  { "conflict", "", N_("Declare a conflict of interest"), cmd_conflict },
  { "import-sheets", "FILE", N_("Import members' score sheets (CSV or JSON)"), cmd_import_sheets },
  { "results", "", N_("Print a meeting's results (table, CSV or JSON)"), cmd_results },
  { "rescore", "", N_("Open the next scoring round for a product"), cmd_rescore },
  { "finalise", "", N_("Finalise a meeting"), cmd_finalise },
  { "stats", "", N_("Print the statistics of a period and locality (table or JSON)"), cmd_stats },
  { "targets", "", N_("List, add or remove the programme's targets"), cmd_targets },
  { "sample", "", N_("Load (or --remove) the sample province"), cmd_sample },
  { "create-key", "", N_("Create the issuing authority's signing key"), cmd_create_key },
  { "export-key", "", N_("Export the authority's public key for verifying certificates"), cmd_export_key },
  { "issue", "", N_("Issue certificates for a finalised meeting's recognised products"), cmd_issue },
  { "certificates", "[SEARCH]", N_("List, filter and export the certificate register"), cmd_certificates },
  { "notices", "", N_("List certificates expiring soon (the 30-day notice)"), cmd_notices },
  { "revoke", "NUMBER", N_("Revoke a certificate"), cmd_revoke },
  { "import-register", "FILE.csv", N_("Import a province's existing certificate register"), cmd_import_register },
  { "certificates-pdf", "", N_("Write certificates to a PDF file"), cmd_certificates_pdf },
  { "verify", "[PAYLOAD]", N_("Verify a certificate's QR code"), cmd_verify },
};

/* Whether this is the executable in the build folder (not installed): then the
 * translations come from the build folder too. */
static gboolean
is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *build_dir = NULL;

  if (exe == NULL)
    return FALSE;

  dir = g_path_get_dirname (exe);
  build_dir = g_canonicalize_filename (OCOP_BUILD_CLIDIR, NULL);

  return g_strcmp0 (dir, build_dir) == 0;
}

static char *
commands_description (void)
{
  g_autoptr(GString) str = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "\n  %-18s %s", commands[i].name, _(commands[i].summary));

  g_string_append (str, "\n\n");
  g_string_append (str, _("Run “ocop-cli COMMAND --help” for a command's options."));

  return g_string_free (g_steal_pointer (&str), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopDb) db = NULL;
  g_autofree char *description = NULL;
  g_autofree char *path = NULL;
  const Command *command = NULL;
  const char *localedir = LOCALEDIR;
  const char *messages_locale;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
      N_("The database file (default: $OCOP_DATABASE, else the user's data folder)"), N_("FILE") },
    { NULL }
  };
  int cmd_index = 1;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the C locale: LANGUAGE=vi with no LANG still means
   * Vietnamese. */
  messages_locale = setlocale (LC_MESSAGES, NULL);
  if (g_getenv ("LANGUAGE") != NULL && *g_getenv ("LANGUAGE") != '\0' &&
      (messages_locale == NULL || g_str_equal (messages_locale, "C") || g_str_equal (messages_locale, "POSIX")))
    setlocale (LC_ALL, "C.UTF-8");

  if (is_uninstalled () && g_file_test (OCOP_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    localedir = OCOP_BUILD_LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; the command's own after it. */
  while (cmd_index < argc && argv[cmd_index][0] == '-')
    {
      if ((g_str_equal (argv[cmd_index], "--database") || g_str_equal (argv[cmd_index], "-d")) &&
          cmd_index + 1 < argc)
        cmd_index += 2;
      else
        cmd_index += 1;
    }

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("OCOP Council for scripts and batch work: the criteria sets, the register, "
                                           "councils, meetings, score sheets and results."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  {
    /* Only the global options are parsed here; the command parses the rest. */
    g_autofree char **global_argv = g_new0 (char *, cmd_index + 1);
    char **args = global_argv;
    int global_argc = cmd_index;

    for (int i = 0; i < cmd_index; i++)
      global_argv[i] = argv[i];

    if (!g_option_context_parse (context, &global_argc, &args, &error))
      {
        g_printerr (_("ocop-cli: %s\n"), error->message);
        return 2;
      }
  }

  if (cmd_index >= argc)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, argv[cmd_index]))
        command = &commands[i];
    }

  if (command == NULL)
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("ocop-cli: unknown command “%s”\n"), argv[cmd_index]);
      g_printerr (_("Run “ocop-cli --help” to see the commands.\n"));
      return 2;
    }

  /* Usage lines read "ocop-cli COMMAND [OPTION…]". */
  {
    g_autofree char *prgname = g_strdup_printf ("ocop-cli %s", command->name);

    g_set_prgname (prgname);
  }

  /* A command's --help needs no database. */
  for (int i = cmd_index + 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        return command->run (NULL, argc - cmd_index, argv + cmd_index);
    }

  if (opt_database != NULL)
    path = g_strdup (opt_database);
  else if (g_getenv ("OCOP_DATABASE") != NULL)
    path = g_strdup (g_getenv ("OCOP_DATABASE"));
  else
    path = ocop_db_get_default_path ();

  db = ocop_db_open (path, &error);
  if (db == NULL)
    return fail (g_steal_pointer (&error));

  ocop_db_set_actor (db, g_get_real_name ());

  /* A new database gets the bundled criteria sets, as the application does. */
  if (!g_str_equal (command->name, "init"))
    {
      g_autoptr(GPtrArray) sets = ocop_db_list_criteria_sets (db, &error);
      g_autofree char *dir = ocop_criteria_get_bundled_dir ();

      if (sets == NULL)
        return fail (g_steal_pointer (&error));
      if (sets->len == 0 && ocop_db_import_bundled_criteria (db, dir, &error) < 0)
        return fail (g_steal_pointer (&error));
    }

  return command->run (db, argc - cmd_index, argv + cmd_index);
}
