/* ocop-ui-util.h: small widget helpers the pages and dialogs share
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @message as a toast of the OcopWindow that holds @widget (a g_message () when
 * there is none). */
void        ocop_ui_show_toast         (GtkWidget   *widget,
                                        const char  *message);
/* Shows @text as a toast of the nearest AdwToastOverlay around @widget (a g_message ()
 * when there is none). */
void        ocop_ui_show_overlay_toast (GtkWidget   *widget,
                                        const char  *text);
/* The window @widget is in, for transient dialogs; NULL when it is not in one. */
GtkWindow  *ocop_ui_get_parent_window  (GtkWidget   *widget);
/* @text, or a dash when it is NULL or empty. */
const char *ocop_ui_or_dash            (const char  *text);
/* A flat icon button, labelled @tooltip for screen readers, that activates
 * @action_name with @id. */
GtkWidget  *ocop_ui_make_icon_button   (const char  *icon_name,
                                        const char  *tooltip,
                                        const char  *action_name,
                                        gint64       id);
/* A start-aligned label, wrapping words when @wrap, with @css_class unless NULL. */
GtkWidget  *ocop_ui_make_label         (const char  *text,
                                        const char  *css_class,
                                        gboolean     wrap);
/* The row's text without surrounding blanks; NULL when that is empty. */
char       *ocop_ui_entry_text         (AdwEntryRow *row);

G_END_DECLS
