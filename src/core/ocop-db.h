/* ocop-db.h: the database
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OCOP_DB_ERROR (ocop_db_error_quark ())

typedef enum
{
  OCOP_DB_ERROR_FAILED,       /* SQLite failed; the message says what was being done */
  OCOP_DB_ERROR_OPEN,         /* the file cannot be opened */
  OCOP_DB_ERROR_NOT_OURS,     /* a database of another program, or not a database */
  OCOP_DB_ERROR_CORRUPT,      /* the integrity check failed */
  OCOP_DB_ERROR_TOO_NEW,      /* written by a newer OCOP Council */
  OCOP_DB_ERROR_MIGRATION,    /* a migration step failed; nothing was changed */
  OCOP_DB_ERROR_CONSTRAINT,   /* a CHECK, UNIQUE or FOREIGN KEY refused the change */
  OCOP_DB_ERROR_NOT_FOUND,    /* no row with that id or code */
  OCOP_DB_ERROR_LOCKED,       /* finalised meeting, submitted sheet or issued certificate */
  OCOP_DB_ERROR_INVALID,      /* a value the model refuses (with the field named) */
} OcopDbError;

#define OCOP_TYPE_DB (ocop_db_get_type ())

G_DECLARE_FINAL_TYPE (OcopDb, ocop_db, OCOP, DB, GObject)

/* The schema version this build writes. */
#define OCOP_DB_SCHEMA_VERSION 3
/* The application_id stored in the file header: "OCOP" in ASCII. */
#define OCOP_DB_APPLICATION_ID 0x4f434f50

GQuark      ocop_db_error_quark          (void);

/* "~/.local/share/org.example.Ocop/ocop.db" */
char       *ocop_db_get_default_path     (void);

/* Opens (creating the file and its folder if needed) and migrates to the current
 * schema. A file of another program, a corrupt file or one written by a newer
 * version is refused with a GError and left exactly as it was. ":memory:" works. */
OcopDb     *ocop_db_open                 (const char  *path,
                                          GError     **error);
const char *ocop_db_get_path             (OcopDb      *self);
int         ocop_db_get_schema_version   (OcopDb      *self);

/* One user action = one transaction. Nested calls join the outer transaction. */
gboolean    ocop_db_begin                (OcopDb      *self,
                                          GError     **error);
gboolean    ocop_db_commit               (OcopDb      *self,
                                          GError     **error);
void        ocop_db_rollback             (OcopDb      *self);

/* Who is acting, for the audit log ("Nguyễn Văn A", "ocop-cli"). */
void        ocop_db_set_actor            (OcopDb      *self,
                                          const char  *actor);
const char *ocop_db_get_actor            (OcopDb      *self);

G_END_DECLS
