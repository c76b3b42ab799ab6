/* ocop-stars-render.h: a row of drawn OCOP stars
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ocop-render-style.h"

G_BEGIN_DECLS

/* Gap between two stars, as a fraction of the row height. */
#define OCOP_STARS_RENDER_GAP_RATIO 0.15

double ocop_stars_render_get_width   (double                 height,
                                      int                    max_stars);
void   ocop_stars_render_get_center  (double                 x,
                                      double                 y,
                                      double                 height,
                                      int                    index,
                                      double                *center_x,
                                      double                *center_y);
double ocop_stars_render             (cairo_t               *cr,
                                      double                 x,
                                      double                 y,
                                      double                 height,
                                      int                    stars,
                                      int                    max_stars,
                                      const OcopRenderStyle *style);

G_END_DECLS
