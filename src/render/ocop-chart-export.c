/* ocop-chart-export.c: charts to PNG, SVG and PDF files through cairo surfaces
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-export"

#include "config.h"

#include "ocop-chart-render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

/* Larger than any screen or page; keeps a PNG's pixel buffer under 1 GiB. */
#define EXPORT_MAX_SIZE 16384.0

G_DEFINE_QUARK (ocop-chart-error-quark, ocop_chart_error)

/**
 * ocop_chart_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf (in any case).
 */
gboolean
ocop_chart_format_from_path (const char      *path,
                             OcopChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = OCOP_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = OCOP_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = OCOP_CHART_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FAILED,
               /* Translators: %1$s is a file name, %2$s cairo's (English) reason,
                * e.g. “error while writing to output stream”. */
               _("Could not write the chart to “%1$s”: %2$s"),
               display, cairo_status_to_string (status));
  return FALSE;
}

/**
 * ocop_chart_export_func:
 * @func: (scope call): draws the chart
 * @user_data: passed to @func
 * @style: colours and font (ocop_render_style_init_print () for paper)
 * @width: the chart's width: pixels for PNG, points (1/72 inch) for SVG and PDF
 * @height: the chart's height, in the same unit
 * @format: the file format
 * @path: (type filename): the file to write; replaced if it exists
 * @error: return location for an error
 *
 * Draws @func on a cairo surface of @format and writes it to @path: an image surface
 * saved as PNG, an SVG surface, or a one-page PDF of exactly the chart's size. This is
 * the gnome-power-manager export recipe; the UI's "Export PNG / SVG / PDF" calls it.
 *
 * Returns: %TRUE on success; %FALSE with OCOP_CHART_ERROR_INVALID_SIZE,
 *   OCOP_CHART_ERROR_FORMAT or OCOP_CHART_ERROR_FAILED (the file could not be written,
 *   e.g. its folder does not exist).
 */
gboolean
ocop_chart_export_func (OcopChartRenderFunc     func,
                        gpointer                user_data,
                        const OcopRenderStyle  *style,
                        double                  width,
                        double                  height,
                        OcopChartFormat         format,
                        const char             *path,
                        GError                **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width >= 1.0 && width <= EXPORT_MAX_SIZE && height >= 1.0 && height <= EXPORT_MAX_SIZE))
    {
      g_set_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_INVALID_SIZE,
                   /* Translators: %1$g × %2$g is the size that was asked for, %3$g the
                    * largest allowed width or height. */
                   _("A chart of %1$g × %2$g cannot be exported: width and height must be between 1 and %3$g."),
                   width, height, EXPORT_MAX_SIZE);
      return FALSE;
    }

  switch (format)
    {
    case OCOP_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width), (int) ceil (height));
      break;
    case OCOP_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case OCOP_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    default:
      g_set_error (error, OCOP_CHART_ERROR, OCOP_CHART_ERROR_FORMAT,
                   _("Charts can be exported as PNG, SVG or PDF only."));
      return FALSE;
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_status (status, path, error);
    }

  cr = cairo_create (surface);
  func (cr, width, height, style, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == OCOP_CHART_FORMAT_PNG)
        status = cairo_surface_write_to_png (surface, path);
      else
        {
          /* Finishing writes the SVG or PDF; errors show in the surface status. */
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }

  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}

typedef struct
{
  OcopChartKind kind;
  gconstpointer model;
} KindData;

static void
render_kind (cairo_t               *cr,
             double                 width,
             double                 height,
             const OcopRenderStyle *style,
             gpointer               user_data)
{
  KindData *data = user_data;

  ocop_chart_render (cr, width, height, style, data->kind, data->model);
}

/**
 * ocop_chart_export:
 * @kind: which chart
 * @model: (type gpointer): the kind's model struct
 * @style: colours and font
 * @width: the width (pixels for PNG, points otherwise)
 * @height: the height
 * @format: the file format
 * @path: (type filename): the file to write
 * @error: return location for an error
 *
 * ocop_chart_export_func () with ocop_chart_render () for @kind.
 *
 * Returns: %TRUE on success.
 */
gboolean
ocop_chart_export (OcopChartKind           kind,
                   gconstpointer           model,
                   const OcopRenderStyle  *style,
                   double                  width,
                   double                  height,
                   OcopChartFormat         format,
                   const char             *path,
                   GError                **error)
{
  KindData data = { kind, model };

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail ((int) kind >= OCOP_CHART_KIND_STAR_DISTRIBUTION &&
                        kind <= OCOP_CHART_KIND_TARGETS, FALSE);

  return ocop_chart_export_func (render_kind, &data, style, width, height, format, path, error);
}
