/* ocop-chart-dialog.h: a dashboard chart at full size, with export
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-chart-view.h"

G_BEGIN_DECLS

#define OCOP_TYPE_CHART_DIALOG (ocop_chart_dialog_get_type())

G_DECLARE_FINAL_TYPE (OcopChartDialog, ocop_chart_dialog, OCOP, CHART_DIALOG, AdwWindow)

/* @file_name: what the export offers, without extension. */
GtkWidget     *ocop_chart_dialog_new       (GtkWindow       *parent,
                                            const char      *title,
                                            const char      *subtitle,
                                            OcopChart       *chart,
                                            const char      *file_name);
OcopChartView *ocop_chart_dialog_get_view  (OcopChartDialog *self);

G_END_DECLS
