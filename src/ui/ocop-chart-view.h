/* ocop-chart-view.h: a widget that draws one chart through the renderers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-chart-render.h"

G_BEGIN_DECLS

/* ---- OcopChart: a chart model with the memory its pointers refer to ---------------- */

/* The renderers' models borrow their strings and arrays. An OcopChart owns a zeroed
 * model of its kind and everything allocated through it, so a card and its full-size
 * dialog can share one chart by reference. */
typedef struct _OcopChart OcopChart;

#define OCOP_TYPE_CHART (ocop_chart_get_type ())

GType          ocop_chart_get_type      (void) G_GNUC_CONST;
OcopChart     *ocop_chart_new           (OcopChartKind  kind);
OcopChart     *ocop_chart_ref           (OcopChart     *chart);
void           ocop_chart_unref         (OcopChart     *chart);
OcopChartKind  ocop_chart_get_kind      (OcopChart     *chart);
/* The kind's model struct (OcopStarDistributionChart, …), to fill in. */
gpointer       ocop_chart_get_model     (OcopChart     *chart);
/* Memory that lives as long as @chart: zeroed, and a copy of @text. */
gpointer       ocop_chart_alloc         (OcopChart     *chart,
                                         gsize          size);
const char    *ocop_chart_strdup        (OcopChart     *chart,
                                         const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopChart, ocop_chart_unref)

/* ---- OcopChartView ------------------------------------------------------------------ */

#define OCOP_TYPE_CHART_VIEW (ocop_chart_view_get_type())

G_DECLARE_FINAL_TYPE (OcopChartView, ocop_chart_view, OCOP, CHART_VIEW, GtkWidget)

typedef enum
{
  OCOP_CHART_VIEW_THEME,        /* the theme's colours (light or dark, as the app) */
  OCOP_CHART_VIEW_PRESENTATION, /* dark, high contrast, large type (projector) */
} OcopChartViewPalette;

GtkWidget   *ocop_chart_view_new            (void);
void         ocop_chart_view_set_chart      (OcopChartView        *self,
                                             OcopChart            *chart);
OcopChart   *ocop_chart_view_get_chart      (OcopChartView        *self);
void         ocop_chart_view_set_palette    (OcopChartView        *self,
                                             OcopChartViewPalette  palette);
/* The file name offered by the export dialog, without extension ("chart"). */
void         ocop_chart_view_set_file_name  (OcopChartView        *self,
                                             const char           *name);
/* The style the view draws with now, resolved from the theme. */
void         ocop_chart_view_get_style      (OcopChartView        *self,
                                             OcopRenderStyle      *style);
/* Writes the chart at @width × @height (points; PNG pixels) to @path in the light
 * screen palette (exports go into documents, whatever the app's style). */
gboolean     ocop_chart_view_export         (OcopChartView        *self,
                                             OcopChartFormat       format,
                                             const char           *path,
                                             double                width,
                                             double                height,
                                             GError              **error);
/* Asks where with a GtkFileChooserNative, then exports; the outcome is a toast in
 * the main window (or a message dialog). */
void         ocop_chart_view_export_with_chooser (OcopChartView   *self,
                                             OcopChartFormat       format);
/* Fills @style from the theme colours that libadwaita names (accent_color,
 * window_fg_color, …), as seen from @widget; @dark picks the fallbacks. */
void         ocop_chart_view_resolve_style  (GtkWidget            *widget,
                                             OcopRenderStyle      *style);

G_END_DECLS
