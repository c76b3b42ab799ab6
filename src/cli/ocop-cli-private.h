/* ocop-cli-private.h: what the commands of ocop-cli share
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ocop-council.h"
#include "ocop-db.h"
#include "ocop-registry.h"

G_BEGIN_DECLS

/* A command: run () gets argv with the command's name first; @db is NULL when only
 * --help was asked for. Commands print their results on stdout and errors through
 * fail (). */
typedef struct
{
  const char *name;
  const char *parameters;   /* for the usage line, untranslated placeholders */
  const char *summary;      /* N_() */
  int       (*run) (OcopDb *db, int argc, char **argv);
} Command;

/* Prints "ocop-cli: MESSAGE" on stderr, frees @error, returns EXIT_FAILURE. */
int          fail         (GError          *error);
/* A usage error: exit status 2. */
int          fail_usage   (GOptionContext  *context,
                           const char      *message);
/* Parses a command's options (translated); FALSE with *status set on error. */
gboolean     parse        (GOptionContext  *context,
                           GOptionEntry    *entries,
                           int             *argc,
                           char          ***argv,
                           int             *status);

/* Aligned text tables: rows of cells, the first row is the header. */
GPtrArray   *table_new    (void);
/* The cells, then END. */
void         table_add    (GPtrArray       *table,
                           const char      *first,
                           ...);
#define END ((const char *) 1)
void         print_table  (GPtrArray       *rows,
                           guint            n_columns,
                           guint            right_aligned);
char        *stars_text   (int              stars);

/* By code, else by a search that finds exactly one. */
OcopProduct *find_product (OcopDb          *db,
                           const char      *code_or_name,
                           GError         **error);
/* By name, ignoring case and diacritics. */
OcopMember  *find_member  (OcopDb          *db,
                           gint64           council_id,
                           const char      *name,
                           GError         **error);

/* ocop-cli-certificates.c */
int          cmd_issue            (OcopDb *db, int argc, char **argv);
int          cmd_certificates     (OcopDb *db, int argc, char **argv);
int          cmd_notices          (OcopDb *db, int argc, char **argv);
int          cmd_revoke           (OcopDb *db, int argc, char **argv);
int          cmd_import_register  (OcopDb *db, int argc, char **argv);
int          cmd_certificates_pdf (OcopDb *db, int argc, char **argv);
int          cmd_create_key       (OcopDb *db, int argc, char **argv);
int          cmd_export_key       (OcopDb *db, int argc, char **argv);
int          cmd_verify           (OcopDb *db, int argc, char **argv);

/* ocop-cli-stats.c */
int          cmd_stats    (OcopDb          *db,
                           int              argc,
                           char           **argv);
int          cmd_targets  (OcopDb          *db,
                           int              argc,
                           char           **argv);
int          cmd_sample   (OcopDb          *db,
                           int              argc,
                           char           **argv);

G_END_DECLS
