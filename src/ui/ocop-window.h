/* ocop-window.h
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_WINDOW (ocop_window_get_type())

G_DECLARE_FINAL_TYPE (OcopWindow, ocop_window, OCOP, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests build a window without running the application). */
OcopWindow *ocop_window_new           (GtkApplication *application,
                                       OcopDb         *db);
OcopDb     *ocop_window_get_db        (OcopWindow     *self);
/* "products", "councils", "meetings", "certificates" or "statistics". */
const char *ocop_window_get_section   (OcopWindow     *self);
void        ocop_window_set_section   (OcopWindow     *self,
                                       const char     *section);
/* Opens (or raises) the criteria browser; returns its window. */
GtkWindow  *ocop_window_show_criteria (OcopWindow     *self);
void        ocop_window_add_toast     (OcopWindow     *self,
                                       AdwToast       *toast);

G_END_DECLS
