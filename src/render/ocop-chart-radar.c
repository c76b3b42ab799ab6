/* ocop-chart-radar.c: a product's profile: its sections as shares of their maxima
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-chart-render"

#include "config.h"

#include "ocop-chart-private.h"

#include <math.h>

#define MIN_RADIUS 10.0

typedef struct
{
  double cx;
  double cy;
  double radius;
  double label_w;    /* the widest a label may be */
  double gap;        /* between the 100 % ring and the labels */
  double label_size;
} ProfileLayout;

static gboolean
profile_valid (const OcopProfileChart *model)
{
  return model->axes != NULL &&
         model->n_axes >= OCOP_PROFILE_CHART_MIN_AXES &&
         model->n_axes <= OCOP_PROFILE_CHART_MAX_AXES;
}

static char *
axis_text (const OcopProfileAxis *axis)
{
  g_autofree char *value = _ocop_chart_format_score (axis->value);
  g_autofree char *maximum = _ocop_chart_format_score (axis->maximum);

  return g_strdup_printf ("%s\n%s / %s", axis->label != NULL ? axis->label : "", value, maximum);
}

static double
axis_angle (gsize i,
            gsize n)
{
  /* Clockwise from the top: y grows downwards. */
  return -G_PI / 2.0 + i * 2.0 * G_PI / n;
}

static double
axis_share (const OcopProfileAxis *axis)
{
  if (!(axis->maximum > 0) || !isfinite (axis->value))
    return 0.0;
  return CLAMP (axis->value / axis->maximum, 0.0, 1.0);
}

static gboolean
profile_layout (OcopChartCtx           *ctx,
                const OcopProfileChart *model,
                ProfileLayout          *out)
{
  double top = ctx->pad;
  double left = ctx->pad, right = ctx->width - ctx->pad, bottom = ctx->height - ctx->pad;
  double label_h = 0, side_w = 0;

  if (model->title != NULL && model->title[0] != '\0')
    {
      double w, h;

      _ocop_chart_text_size (ctx, model->title, ctx->font_size * 1.15, TRUE,
                             ctx->width - 2 * ctx->pad, 1, &w, &h);
      top = ctx->pad + h + ctx->pad * 0.75;
    }

  out->label_size = model->n_axes > 8 ? ctx->small_size * 0.92 : ctx->small_size;
  out->label_w = (right - left) * 0.24;
  out->gap = ctx->pad * 0.6;

  for (gsize i = 0; i < model->n_axes; i++)
    {
      g_autofree char *text = axis_text (&model->axes[i]);
      double a = axis_angle (i, model->n_axes);
      double w, h;

      _ocop_chart_text_size (ctx, text, out->label_size, FALSE, out->label_w, 3, &w, &h);
      /* Labels above and below need height, those on the sides width. */
      if (fabs (sin (a)) > 0.5)
        label_h = MAX (label_h, h);
      if (fabs (cos (a)) > 0.2)
        side_w = MAX (side_w, w);
      label_h = MAX (label_h, h * 0.5);
    }

  out->cx = (left + right) / 2.0;
  out->cy = (top + bottom) / 2.0;
  out->radius = MIN ((right - left) / 2.0 - side_w - out->gap,
                     (bottom - top) / 2.0 - label_h - out->gap);

  return out->radius >= MIN_RADIUS;
}

/**
 * ocop_chart_profile_get_geometry:
 * @cr: the context the chart is (or will be) drawn on, for measuring text
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the profile
 * @center_x: (out) (optional): the radar's centre
 * @center_y: (out) (optional): the radar's centre
 * @radius: (out) (optional): the radius of the 100 % ring
 *
 * Axis i points at the angle -90° + i × 360° / n_axes (clockwise from the top), and its
 * vertex is at share × @radius from the centre.
 *
 * Returns: %TRUE if the radar fits; %FALSE if there is no room or the model has fewer
 *   than 3 or more than 12 axes.
 */
gboolean
ocop_chart_profile_get_geometry (cairo_t                *cr,
                                 double                  width,
                                 double                  height,
                                 const OcopRenderStyle  *style,
                                 const OcopProfileChart *model,
                                 double                 *center_x,
                                 double                 *center_y,
                                 double                 *radius)
{
  OcopChartCtx ctx;
  ProfileLayout layout = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (profile_valid (model))
    {
      OcopRenderStyle clear = *style;

      /* Measure only: paint nothing. */
      clear.background.alpha = 0;
      _ocop_chart_begin (&ctx, cr, width, height, &clear);
      ok = profile_layout (&ctx, model, &layout);
      _ocop_chart_end (&ctx);
    }

  if (center_x != NULL)
    *center_x = layout.cx;
  if (center_y != NULL)
    *center_y = layout.cy;
  if (radius != NULL)
    *radius = ok ? layout.radius : 0.0;

  return ok;
}

static void
polygon_path (cairo_t                *cr,
              const ProfileLayout    *l,
              const OcopProfileChart *model,
              double                  fixed_share)
{
  cairo_new_path (cr);
  for (gsize i = 0; i < model->n_axes; i++)
    {
      double a = axis_angle (i, model->n_axes);
      double share = fixed_share >= 0 ? fixed_share : axis_share (&model->axes[i]);
      double x = l->cx + l->radius * share * cos (a);
      double y = l->cy + l->radius * share * sin (a);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

/**
 * ocop_chart_render_profile:
 * @cr: where to draw
 * @width: the canvas width
 * @height: the canvas height
 * @style: colours and font
 * @model: the sections with their scores and maxima
 *
 * A radar with one axis per section (3 … 12), rings at 25, 50, 75 and 100 % of each
 * section's maximum, the product's shares as a filled polygon with a dot at each
 * vertex, and each axis labelled with the section and "score / maximum".
 */
void
ocop_chart_render_profile (cairo_t                *cr,
                           double                  width,
                           double                  height,
                           const OcopRenderStyle  *style,
                           const OcopProfileChart *model)
{
  OcopChartCtx ctx;
  ProfileLayout l;
  OcopRenderColor color, tint;
  double lw;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (model != NULL);

  _ocop_chart_begin (&ctx, cr, width, height, style);
  _ocop_chart_draw_title (&ctx, model->title);

  if (!profile_valid (model) || !profile_layout (&ctx, model, &l))
    {
      _ocop_chart_end (&ctx);
      return;
    }

  /* Rings and spokes. */
  cairo_set_line_width (cr, 1.0);
  for (int ring = 1; ring <= 4; ring++)
    {
      polygon_path (cr, &l, model, ring / 4.0);
      if (style->print)
        cairo_set_source_rgb (cr, ring == 4 ? 0.4 : 0.75, ring == 4 ? 0.4 : 0.75,
                              ring == 4 ? 0.4 : 0.75);
      else
        _ocop_chart_set_color (&ctx, &style->muted, ring == 4 ? 0.8 : 0.4);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  for (gsize i = 0; i < model->n_axes; i++)
    {
      double a = axis_angle (i, model->n_axes);

      cairo_move_to (cr, l.cx, l.cy);
      cairo_line_to (cr, l.cx + l.radius * cos (a), l.cy + l.radius * sin (a));
    }
  if (style->print)
    cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  else
    _ocop_chart_set_color (&ctx, &style->muted, 0.4);
  cairo_stroke (cr);

  /* Ring values along the first spoke's right side. */
  for (int ring = 2; ring <= 4; ring += 2)
    {
      g_autofree char *pct = ocop_chart_format_percent (ring * 25.0, 0);

      _ocop_chart_draw_text (&ctx, pct, ctx.small_size * 0.85, FALSE, &style->foreground,
                             l.cx + ctx.pad * 0.25, l.cy - l.radius * ring / 4.0, 0.0, 0.0,
                             0, 1);
    }

  /* The product. */
  lw = MAX (2.0, ctx.font_size * 0.15);
  ocop_chart_get_series_color (style, 0, &color);
  if (style->print)
    ocop_render_color_init (&tint, 0.82, 0.82, 0.82, 1);
  else
    ocop_chart_get_series_tint (style, 0, 0.3, &tint);
  polygon_path (cr, &l, model, -1);
  ocop_render_color_set_source (cr, &tint);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (style->print)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    ocop_render_color_set_source (cr, &color);
  cairo_stroke (cr);

  for (gsize i = 0; i < model->n_axes; i++)
    {
      double a = axis_angle (i, model->n_axes);
      double share = axis_share (&model->axes[i]);

      cairo_new_path (cr);
      cairo_arc (cr, l.cx + l.radius * share * cos (a), l.cy + l.radius * share * sin (a),
                 lw * 1.6, 0, 2 * G_PI);
      if (style->print)
        cairo_set_source_rgb (cr, 0, 0, 0);
      else
        ocop_render_color_set_source (cr, &color);
      cairo_fill (cr);
    }

  /* Labels just outside the 100 % ring, anchored away from the centre. */
  for (gsize i = 0; i < model->n_axes; i++)
    {
      g_autofree char *text = axis_text (&model->axes[i]);
      double a = axis_angle (i, model->n_axes);
      double c = cos (a), s = sin (a);
      double r = l.radius + l.gap;
      double xalign = c > 0.2 ? 0.0 : (c < -0.2 ? 1.0 : 0.5);
      double yalign = s > 0.5 ? 0.0 : (s < -0.5 ? 1.0 : 0.5);
      double max_w = l.label_w;

      _ocop_chart_draw_text (&ctx, text, l.label_size, FALSE, &style->foreground,
                             l.cx + r * c, l.cy + r * s, xalign, yalign, max_w, 3);
    }

  _ocop_chart_end (&ctx);
}
