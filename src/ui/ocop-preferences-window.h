/* ocop-preferences-window.h: the application's preferences
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_PREFERENCES_WINDOW (ocop_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (OcopPreferencesWindow, ocop_preferences_window, OCOP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Most preferences are GSettings keys of org.example.Ocop, written as they change; the
 * certificate number pattern and the signing key belong to @db (may be NULL: those
 * rows are then insensitive). */
GtkWidget *ocop_preferences_window_new             (OcopDb                *db);
/* "" (follow the desktop), "vi" or "en": what the Language row chooses. */
void       ocop_preferences_window_select_language (OcopPreferencesWindow *self,
                                                    const char            *language);
/* Validates @pattern (it must contain {seq}) and stores it in the database and in
 * GSettings; what the pattern row's Apply button does. */
gboolean   ocop_preferences_window_apply_pattern   (OcopPreferencesWindow *self,
                                                    const char            *pattern,
                                                    GError               **error);

G_END_DECLS
