/* ocop-stars-render.c: a row of drawn OCOP stars
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-stars-render"

#include "config.h"

#include "ocop-stars-render.h"

#include <math.h>

/* Geometry of a regular five-pointed star with outer radius R, point up:
 * the points reach R*sin(72°) left and right of the centre, R above it and
 * R*cos(36°) below it. The inner vertices lie on a circle of R * sin(18°)/sin(54°). */
#define STAR_HALF_WIDTH   0.95105651629515357   /* sin (72°) */
#define STAR_BOTTOM       0.80901699437494742   /* cos (36°) */
#define STAR_INNER_RATIO  0.38196601125010515   /* sin (18°) / sin (54°) */

static double
line_width_for (double height)
{
  return MAX (height / 18.0, 0.75);
}

static double
gap_for (double height)
{
  return height * OCOP_STARS_RENDER_GAP_RATIO;
}

/* The outer radius that keeps the star and its stroke inside a
 * height × height cell: the star is wider (1.902 R) than tall (1.809 R). */
static double
outer_radius_for (double height)
{
  double lw = line_width_for (height);

  return MAX ((height - lw) / (2.0 * STAR_HALF_WIDTH), 0.0);
}

/**
 * ocop_stars_render_get_width:
 * @height: the row height (each star sits in a @height × @height cell)
 * @max_stars: how many stars the row has
 *
 * Returns: the width ocop_stars_render () uses for the same arguments; 0 when
 *   there is nothing to draw.
 */
double
ocop_stars_render_get_width (double height,
                             int    max_stars)
{
  if (max_stars <= 0 || height <= 0)
    return 0.0;

  return max_stars * height + (max_stars - 1) * gap_for (height);
}

/**
 * ocop_stars_render_get_center:
 * @x: left edge of the row
 * @y: top edge of the row
 * @height: the row height
 * @index: the star, from 0
 * @center_x: (out): the x of the star's centre
 * @center_y: (out): the y of the star's centre
 *
 * Where the centre of star @index is, for tooltips and tests. The centre is
 * inside the star's inner pentagon, so it always has the star's fill.
 */
void
ocop_stars_render_get_center (double  x,
                              double  y,
                              double  height,
                              int     index,
                              double *center_x,
                              double *center_y)
{
  double radius = outer_radius_for (height);
  double star_height = radius * (1.0 + STAR_BOTTOM);

  if (center_x != NULL)
    *center_x = x + index * (height + gap_for (height)) + height / 2.0;
  /* Centre the star's own extent vertically, not its circle. */
  if (center_y != NULL)
    *center_y = y + (height - star_height) / 2.0 + radius;
}

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   radius)
{
  double inner = radius * STAR_INNER_RATIO;

  cairo_new_sub_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double r = (i % 2 == 0) ? radius : inner;
      double angle = -G_PI / 2.0 + i * G_PI / 5.0;
      double px = cx + r * cos (angle);
      double py = cy + r * sin (angle);

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_close_path (cr);
}

/**
 * ocop_stars_render:
 * @cr: where to draw
 * @x: left edge of the row
 * @y: top edge of the row
 * @height: the row height; each star fits a @height × @height cell
 * @stars: how many stars were earned (clamped to 0 … @max_stars)
 * @max_stars: how many stars the row shows (5 for OCOP)
 * @style: the colours
 *
 * Draws @max_stars five-pointed stars left to right. The first @stars are
 * filled with the style's star fill and edged with its star outline (gold on
 * screen, black in print); the rest are a thin outline in the muted colour,
 * with a faint muted fill on screen and none in print. Nothing is drawn
 * outside x … x + width, y … y + @height. The cairo state is left as it was.
 *
 * Returns: the width used, as ocop_stars_render_get_width () computes it.
 */
double
ocop_stars_render (cairo_t               *cr,
                   double                 x,
                   double                 y,
                   double                 height,
                   int                    stars,
                   int                    max_stars,
                   const OcopRenderStyle *style)
{
  double radius;
  double lw;

  g_return_val_if_fail (cr != NULL, 0.0);
  g_return_val_if_fail (style != NULL, 0.0);

  if (max_stars <= 0 || height <= 0)
    return 0.0;

  stars = CLAMP (stars, 0, max_stars);
  radius = outer_radius_for (height);
  lw = line_width_for (height);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, lw);

  for (int i = 0; i < max_stars; i++)
    {
      double cx, cy;

      ocop_stars_render_get_center (x, y, height, i, &cx, &cy);
      cairo_new_path (cr);
      star_path (cr, cx, cy, radius);

      if (i < stars)
        {
          ocop_render_color_set_source (cr, &style->star_fill);
          cairo_fill_preserve (cr);
          ocop_render_color_set_source (cr, &style->star_outline);
          cairo_stroke (cr);
        }
      else
        {
          if (!style->print)
            {
              cairo_set_source_rgba (cr,
                                     style->muted.red,
                                     style->muted.green,
                                     style->muted.blue,
                                     style->muted.alpha * 0.2);
              cairo_fill_preserve (cr);
            }
          ocop_render_color_set_source (cr, &style->muted);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);

  return ocop_stars_render_get_width (height, max_stars);
}
