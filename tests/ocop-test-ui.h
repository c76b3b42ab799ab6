/* ocop-test-ui.h: helpers shared by the ui tests
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

gboolean   ocop_test_ui_init              (int          *argc,
                                           char       ***argv);
void       ocop_test_spin                 (guint         ms);
void       ocop_test_wait_for_null        (gpointer     *pointer,
                                           guint         ms);
void       ocop_test_remove_tree          (const char   *path);
void       ocop_test_reset_settings       (const char   *first_key,
                                           ...) G_GNUC_NULL_TERMINATED;
OcopDb    *ocop_test_open_db              (const char   *tmpl,
                                           char        **dir);
void       ocop_test_import_criteria      (OcopDb       *db);
void       ocop_test_close_db             (OcopDb       *db,
                                           char         *dir);
void       ocop_test_destroy_window       (GtkWindow    *window);

void       ocop_test_collect_labels       (GtkWidget    *widget,
                                           const char   *css_class,
                                           GPtrArray    *texts);
gboolean   ocop_test_shows_label          (GtkWidget    *widget,
                                           const char   *text,
                                           gboolean      prefix);
gboolean   ocop_test_shows_label_of_class (GtkWidget    *widget,
                                           const char   *css_class,
                                           const char   *text);
GtkWidget *ocop_test_find_widget          (GtkWidget    *widget,
                                           GType         type,
                                           const char   *text);
GtkWidget *ocop_test_find_child           (GtkWidget    *widget,
                                           GType         type);
GtkWidget *ocop_test_find_by_class        (GtkWidget    *widget,
                                           const char   *css_class);
GtkWidget *ocop_test_find_row             (GtkWidget    *widget,
                                           const char   *title);
GtkWidget *ocop_test_find_any_row         (GtkWidget    *widget,
                                           GType         type,
                                           const char   *title);
void       ocop_test_set_row_text         (GtkWidget    *widget,
                                           const char   *title,
                                           const char   *text);
void       ocop_test_choose               (GListModel   *model,
                                           const char   *prefix,
                                           guint        *position);
void       ocop_test_choose_in_row        (GtkWidget    *widget,
                                           const char   *title,
                                           const char   *prefix);

G_END_DECLS
