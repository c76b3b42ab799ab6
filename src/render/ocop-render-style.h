/* ocop-render-style.h: resolved colours and fonts for the renderers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A colour with components in [0, 1], the same layout as GdkRGBA but
 * without GTK, so the UI can copy a theme colour field by field. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} OcopRenderColor;

/* Longest font family name the style keeps, including the final NUL. */
#define OCOP_RENDER_STYLE_FONT_FAMILY_MAX 128

/* What a renderer draws with. A plain struct with no pointers, so it can be
 * copied with `=` and kept on the stack. The UI fills it from the theme
 * (ocop_render_style_init_default () is the fallback), printing and PDF export
 * use ocop_render_style_init_print (). */
typedef struct
{
  OcopRenderColor foreground;     /* text and lines */
  OcopRenderColor background;     /* what the page or widget is filled with */
  OcopRenderColor accent;         /* highlights, selected series */
  OcopRenderColor star_fill;      /* inside of an earned star (gold; black in print) */
  OcopRenderColor star_outline;   /* edge of an earned star */
  OcopRenderColor muted;          /* secondary text, grid lines, stars not earned */
  OcopRenderColor success;
  OcopRenderColor warning;
  OcopRenderColor error;
  char            font_family[OCOP_RENDER_STYLE_FONT_FAMILY_MAX];
  double          font_size;      /* body text size in user-space units */
  gboolean        print;          /* TRUE for the black-on-white print palette */
} OcopRenderStyle;

void                  ocop_render_style_init_default            (OcopRenderStyle       *style,
                                                                 gboolean               dark);
void                  ocop_render_style_init_print              (OcopRenderStyle       *style);
gboolean              ocop_render_style_set_font_family         (OcopRenderStyle       *style,
                                                                 const char            *family);
PangoFontDescription *ocop_render_style_create_font_description (const OcopRenderStyle *style,
                                                                 double                 size);

void                  ocop_render_color_init                    (OcopRenderColor       *color,
                                                                 double                 red,
                                                                 double                 green,
                                                                 double                 blue,
                                                                 double                 alpha);
void                  ocop_render_color_set_source              (cairo_t               *cr,
                                                                 const OcopRenderColor *color);
gboolean              ocop_render_color_equal                   (const OcopRenderColor *a,
                                                                 const OcopRenderColor *b);

G_END_DECLS
