/* ocop-cli-common.c: helpers of ocop-cli's commands
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-cli"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "ocop-cli-private.h"
#include "ocop-text.h"



int
fail (GError *error)
{
  /* Translators: %s is an error message */
  g_printerr (_("ocop-cli: %s\n"), error->message);
  g_error_free (error);

  return EXIT_FAILURE;
}

int
fail_usage (GOptionContext *context,
            const char     *message)
{
  g_printerr (_("ocop-cli: %s\n"), message);
  g_printerr (_("Run “ocop-cli COMMAND --help” to see its options.\n"));
  (void) context;

  return 2;
}

/* Parses a command's options; argv[0] is the command. */
gboolean
parse (GOptionContext  *context,
       GOptionEntry    *entries,
       int             *argc,
       char          ***argv,
       int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = fail_usage (context, error->message);
      return FALSE;
    }

  return TRUE;
}

void
print_table (GPtrArray *rows,
             guint      n_columns,
             guint      right_aligned)   /* bit mask of columns to right-align */
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c] ? row[c] : "", -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = row[c] ? row[c] : "";
          guint pad = widths[c] - g_utf8_strlen (cell, -1);

          if (c > 0)
            g_string_append (line, "  ");
          if (right_aligned & (1u << c))
            {
              for (guint i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
              g_string_append (line, cell);
            }
          else
            {
              g_string_append (line, cell);
              if (c + 1 < n_columns)
                for (guint i = 0; i < pad; i++)
                  g_string_append_c (line, ' ');
            }
        }
      g_print ("%s\n", line->str);

      if (r == 0)
        {
          g_autoptr(GString) rule = g_string_new (NULL);
          guint total = 0;

          for (guint c = 0; c < n_columns; c++)
            total += widths[c] + (c > 0 ? 2 : 0);
          for (guint i = 0; i < total; i++)
            g_string_append (rule, "─");
          g_print ("%s\n", rule->str);
        }
    }
}

GPtrArray *
table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

void
table_add (GPtrArray  *table,
           const char *first,
           ...)
{
  GPtrArray *row = g_ptr_array_new ();
  const char *cell = first;
  va_list args;

  va_start (args, first);
  while (cell != (const char *) 1)
    {
      g_ptr_array_add (row, g_strdup (cell ? cell : ""));
      cell = va_arg (args, const char *);
    }
  va_end (args);
  g_ptr_array_add (row, NULL);

  g_ptr_array_add (table, g_ptr_array_free (row, FALSE));
}


char *
stars_text (int stars)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (int i = 0; i < stars; i++)
    g_string_append (str, "★");

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- lookups by what people type ---- */

OcopProduct *
find_product (OcopDb      *db,
              const char  *code_or_name,
              GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  OcopProduct *product;

  product = ocop_db_find_product_by_code (db, code_or_name, NULL);
  if (product != NULL)
    return product;

  found = ocop_db_search_products (db, code_or_name, error);
  if (found == NULL)
    return NULL;

  if (found->len == 1)
    return g_ptr_array_steal_index (found, 0);

  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
               found->len == 0
               /* Translators: %s is what the user typed */
               ? _("No product has the code or name “%s”")
               /* Translators: %s is what the user typed */
               : _("Several products match “%s”: give the product code"),
               code_or_name);

  return NULL;
}

OcopMember *
find_member (OcopDb      *db,
             gint64       council_id,
             const char  *name,
             GError     **error)
{
  g_autoptr(GPtrArray) members = ocop_db_list_members (db, council_id, error);
  g_autofree char *folded = ocop_text_fold (name);

  if (members == NULL)
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      OcopMember *member = g_ptr_array_index (members, i);
      g_autofree char *other = ocop_text_fold (member->name);

      if (g_strcmp0 (folded, other) == 0)
        return g_ptr_array_steal_index (members, i);
    }

  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
               /* Translators: %s is a name the user typed */
               _("“%s” is not a member of the council"), name);

  return NULL;
}

