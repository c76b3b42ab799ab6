/* ocop-chart-view.c: a widget that draws one chart through the renderers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-chart-view.h"
#include "ocop-window.h"

/* The view draws in snapshot () with gtk_snapshot_append_cairo (), as STYLE.md §6.4
 * asks: the renderer paints the whole rectangle, background included, so the view
 * hands it the colour of what it sits on (a card) and the theme's named colours. */

/* ---- OcopChart ---------------------------------------------------------------------- */

struct _OcopChart
{
  gatomicrefcount  ref_count;
  OcopChartKind    kind;
  gpointer         model;
  GPtrArray       *memory;   /* owned allocations */
};

G_DEFINE_BOXED_TYPE (OcopChart, ocop_chart, ocop_chart_ref, ocop_chart_unref)

static gsize
model_size (OcopChartKind kind)
{
  switch (kind)
    {
    case OCOP_CHART_KIND_STAR_DISTRIBUTION: return sizeof (OcopStarDistributionChart);
    case OCOP_CHART_KIND_HISTOGRAM:         return sizeof (OcopHistogramChart);
    case OCOP_CHART_KIND_PART_BREAKDOWN:    return sizeof (OcopPartBreakdownChart);
    case OCOP_CHART_KIND_PROFILE:           return sizeof (OcopProfileChart);
    case OCOP_CHART_KIND_SPREAD:            return sizeof (OcopSpreadChart);
    case OCOP_CHART_KIND_CATEGORY_BARS:     return sizeof (OcopCategoryBarsChart);
    case OCOP_CHART_KIND_SHARES:            return sizeof (OcopSharesChart);
    case OCOP_CHART_KIND_LINES:             return sizeof (OcopLinesChart);
    case OCOP_CHART_KIND_TARGETS:           return sizeof (OcopTargetsChart);
    default:                                return 0;
    }
}

OcopChart *
ocop_chart_new (OcopChartKind kind)
{
  OcopChart *chart;
  gsize size = model_size (kind);

  g_return_val_if_fail (size > 0, NULL);

  chart = g_new0 (OcopChart, 1);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->model = g_malloc0 (size);
  chart->memory = g_ptr_array_new_with_free_func (g_free);

  return chart;
}

OcopChart *
ocop_chart_ref (OcopChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
ocop_chart_unref (OcopChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (g_atomic_ref_count_dec (&chart->ref_count))
    {
      g_free (chart->model);
      g_ptr_array_unref (chart->memory);
      g_free (chart);
    }
}

OcopChartKind
ocop_chart_get_kind (OcopChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->kind;
}

gpointer
ocop_chart_get_model (OcopChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->model;
}

gpointer
ocop_chart_alloc (OcopChart *chart,
                  gsize      size)
{
  gpointer mem;

  g_return_val_if_fail (chart != NULL, NULL);

  mem = g_malloc0 (MAX (size, 1));
  g_ptr_array_add (chart->memory, mem);
  return mem;
}

const char *
ocop_chart_strdup (OcopChart  *chart,
                   const char *text)
{
  char *copy;

  g_return_val_if_fail (chart != NULL, NULL);

  if (text == NULL)
    return NULL;

  copy = g_strdup (text);
  g_ptr_array_add (chart->memory, copy);
  return copy;
}

/* ---- OcopChartView ------------------------------------------------------------------ */

struct _OcopChartView
{
  GtkWidget             parent_instance;

  OcopChart            *chart;
  OcopChartViewPalette  palette;
  char                 *file_name;
};

G_DEFINE_FINAL_TYPE (OcopChartView, ocop_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_rgba (OcopRenderColor *color,
           const GdkRGBA   *rgba)
{
  ocop_render_color_init (color, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

/* @top over @bottom, opaque: the renderers mix tints into the background, which
 * only works with an opaque one. */
static void
composite (GdkRGBA       *result,
           const GdkRGBA *top,
           const GdkRGBA *bottom)
{
  double a = top->alpha;

  result->red = top->red * a + bottom->red * (1 - a);
  result->green = top->green * a + bottom->green * (1 - a);
  result->blue = top->blue * a + bottom->blue * (1 - a);
  result->alpha = 1.0;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static gboolean
lookup (GtkWidget  *widget,
        const char *name,
        GdkRGBA    *rgba)
{
  /* gtk_style_context_lookup_color is the 4.8 way to read libadwaita's named
   * colours (deprecated from 4.10, which the baseline does not have). */
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, rgba);
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
ocop_chart_view_resolve_style (GtkWidget       *widget,
                               OcopRenderStyle *style)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA window_bg;
  GdkRGBA card_bg;
  GdkRGBA rgba;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (style != NULL);

  ocop_render_style_init_default (style, dark);

  if (lookup (widget, "window_fg_color", &rgba))
    copy_rgba (&style->foreground, &rgba);
  if (lookup (widget, "window_bg_color", &window_bg))
    {
      if (lookup (widget, "card_bg_color", &card_bg))
        composite (&rgba, &card_bg, &window_bg);
      else
        rgba = window_bg;
      copy_rgba (&style->background, &rgba);
    }
  if (lookup (widget, "accent_color", &rgba))
    copy_rgba (&style->accent, &rgba);
  if (lookup (widget, "success_color", &rgba))
    copy_rgba (&style->success, &rgba);
  if (lookup (widget, "warning_color", &rgba))
    copy_rgba (&style->warning, &rgba);
  if (lookup (widget, "error_color", &rgba))
    copy_rgba (&style->error, &rgba);
  if (lookup (widget, dark ? "dark_1" : "light_5", &rgba))
    copy_rgba (&style->muted, &rgba);
}

static void
presentation_style (OcopRenderStyle *style,
                    double           height)
{
  ocop_render_style_init_default (style, TRUE);
  /* High contrast on a projector: black, white, a strong blue and gold. */
  ocop_render_color_init (&style->background, 0, 0, 0, 1);
  ocop_render_color_init (&style->foreground, 1, 1, 1, 1);
  ocop_render_color_init (&style->accent, 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1);
  ocop_render_color_init (&style->muted, 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0, 1);
  style->font_size = CLAMP (height / 9.0, 16.0, 40.0);
}

void
ocop_chart_view_get_style (OcopChartView   *self,
                           OcopRenderStyle *style)
{
  g_return_if_fail (OCOP_IS_CHART_VIEW (self));
  g_return_if_fail (style != NULL);

  if (self->palette == OCOP_CHART_VIEW_PRESENTATION)
    presentation_style (style, gtk_widget_get_height (GTK_WIDGET (self)));
  else
    ocop_chart_view_resolve_style (GTK_WIDGET (self), style);
}

static void
ocop_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  OcopChartView *self = OCOP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  OcopRenderStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  ocop_chart_view_get_style (self, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ocop_chart_render (cr, width, height, &style, self->chart->kind, self->chart->model);
  cairo_destroy (cr);
}

static void
on_style_changed_cb (OcopChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ocop_chart_view_finalize (GObject *object)
{
  OcopChartView *self = (OcopChartView *)object;

  g_clear_pointer (&self->chart, ocop_chart_unref);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (ocop_chart_view_parent_class)->finalize (object);
}

static void
ocop_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OcopChartView *self = OCOP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OcopChartView *self = OCOP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ocop_chart_view_set_chart (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_chart_view_class_init (OcopChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ocop_chart_view_finalize;
  object_class->get_property = ocop_chart_view_get_property;
  object_class->set_property = ocop_chart_view_set_property;

  widget_class->snapshot = ocop_chart_view_snapshot;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL,
                        OCOP_TYPE_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ocopchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ocop_chart_view_init (OcopChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->file_name = g_strdup ("chart");
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 120);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ocop_chart_view_new (void)
{
  return g_object_new (OCOP_TYPE_CHART_VIEW, NULL);
}

void
ocop_chart_view_set_chart (OcopChartView *self,
                           OcopChart     *chart)
{
  g_return_if_fail (OCOP_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  if (chart != NULL)
    ocop_chart_ref (chart);
  g_clear_pointer (&self->chart, ocop_chart_unref);
  self->chart = chart;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

OcopChart *
ocop_chart_view_get_chart (OcopChartView *self)
{
  g_return_val_if_fail (OCOP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
ocop_chart_view_set_palette (OcopChartView        *self,
                             OcopChartViewPalette  palette)
{
  g_return_if_fail (OCOP_IS_CHART_VIEW (self));

  self->palette = palette;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ocop_chart_view_set_file_name (OcopChartView *self,
                               const char    *name)
{
  g_return_if_fail (OCOP_IS_CHART_VIEW (self));

  g_free (self->file_name);
  self->file_name = g_strdup (name != NULL && name[0] != '\0' ? name : "chart");
}

gboolean
ocop_chart_view_export (OcopChartView    *self,
                        OcopChartFormat   format,
                        const char       *path,
                        double            width,
                        double            height,
                        GError          **error)
{
  OcopRenderStyle style;

  g_return_val_if_fail (OCOP_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FAILED,
                           _("There is no chart to export"));
      return FALSE;
    }

  ocop_render_style_init_default (&style, FALSE);
  return ocop_chart_export (self->chart->kind, self->chart->model, &style,
                            width, height, format, path, error);
}

/* ---- export through a file chooser -------------------------------------------------- */

static const char * const format_suffixes[] = { "png", "svg", "pdf" };

static void
report (OcopChartView *self,
        const char    *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), OCOP_TYPE_WINDOW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (window == NULL && GTK_IS_WINDOW (root))
    window = (GtkWidget *) gtk_window_get_transient_for (GTK_WINDOW (root));

  if (window != NULL && OCOP_IS_WINDOW (window))
    ocop_window_add_toast (OCOP_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       OcopChartView   *self)
{
  OcopChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "ocop-format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  double width;
  double height;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  /* What is on the screen, but at least a legible size for a report. */
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 500);

  if (ocop_chart_view_export (self, format, path, width, height, &error))
    {
      g_autofree char *basename = g_path_get_basename (path);

      /* Translators: shown after a chart was exported; %s is the file name */
      message = g_strdup_printf (_("Chart saved as %s"), basename);
    }
  else
    /* Translators: shown when a chart could not be exported; %s is the reason */
    message = g_strdup_printf (_("Could not export the chart: %s"), error->message);

  report (self, message);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

void
ocop_chart_view_export_with_chooser (OcopChartView   *self,
                                     OcopChartFormat  format)
{
  static const char * const titles[] = {
    N_("Export Chart as PNG"), N_("Export Chart as SVG"), N_("Export Chart as PDF"),
  };
  static const char * const filter_names[] = {
    N_("PNG images"), N_("SVG images"), N_("PDF documents"),
  };
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root;

  g_return_if_fail (OCOP_IS_CHART_VIEW (self));
  g_return_if_fail (format <= OCOP_CHART_FORMAT_PDF);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  native = gtk_file_chooser_native_new (_(titles[format]),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = g_strconcat (self->file_name, ".", format_suffixes[format], NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_suffix (filter, format_suffixes[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "ocop-format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
