/* ocop-application.h
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_APPLICATION (ocop_application_get_type())

G_DECLARE_FINAL_TYPE (OcopApplication, ocop_application, OCOP, APPLICATION, AdwApplication)

OcopApplication *ocop_application_new             (void);
/* The open database, or NULL before activation or when it failed to open. */
OcopDb          *ocop_application_get_db          (OcopApplication  *self);
/* The file given with --database, the GSettings database-path, or the default. */
char            *ocop_application_dup_database_path (OcopApplication *self);
/* Opens the database (and imports the bundled criteria sets not stored yet); on
 * failure @error says why, naming the file. */
gboolean         ocop_application_open_database   (OcopApplication  *self,
                                                   const char       *path,
                                                   GError          **error);
/* The dialog shown when the database cannot be opened; quits the application when
 * answered. */
GtkWindow       *ocop_application_create_error_dialog (OcopApplication *self,
                                                   const char       *path,
                                                   const GError     *error);

G_END_DECLS
