/* ocop-render-style.c: resolved colours and fonts for the renderers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-render-style"

#include "config.h"

#include "ocop-render-style.h"

#include <math.h>
#include <string.h>

/* Colours follow libadwaita 1.2's named colours and the GNOME palette, so the
 * fallback looks like the theme the UI will usually pass in. */
static void
set_hex (OcopRenderColor *color,
         guint32          rgb,
         double           alpha)
{
  ocop_render_color_init (color,
                          ((rgb >> 16) & 0xff) / 255.0,
                          ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0,
                          alpha);
}

/**
 * ocop_render_style_init_default:
 * @style: the style to fill
 * @dark: whether to use the dark palette
 *
 * Fills @style with the screen palette used when the UI has no theme colours
 * to give: libadwaita's light or dark colours, gold stars.
 */
void
ocop_render_style_init_default (OcopRenderStyle *style,
                                gboolean         dark)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);

  if (dark)
    {
      set_hex (&style->foreground, 0xffffff, 1.0);
      set_hex (&style->background, 0x242424, 1.0);
      set_hex (&style->accent, 0x78aeed, 1.0);
      set_hex (&style->star_fill, 0xf6d32d, 1.0);     /* Yellow 2 */
      set_hex (&style->star_outline, 0xe5a50a, 1.0);  /* Yellow 5 */
      set_hex (&style->muted, 0x77767b, 1.0);         /* Dark 1 */
      set_hex (&style->success, 0x8ff0a4, 1.0);
      set_hex (&style->warning, 0xf8e45c, 1.0);
      set_hex (&style->error, 0xff7b63, 1.0);
    }
  else
    {
      set_hex (&style->foreground, 0x1e1e1e, 1.0);
      set_hex (&style->background, 0xfafafa, 1.0);
      set_hex (&style->accent, 0x1c71d8, 1.0);
      set_hex (&style->star_fill, 0xf5c211, 1.0);     /* Yellow 4 */
      set_hex (&style->star_outline, 0xc88800, 1.0);  /* Orange-ish gold, visible on white */
      set_hex (&style->muted, 0x9a9996, 1.0);         /* Light 5 */
      set_hex (&style->success, 0x26a269, 1.0);
      set_hex (&style->warning, 0x9c6e03, 1.0);
      set_hex (&style->error, 0xc01c28, 1.0);
    }

  g_strlcpy (style->font_family, "Sans", sizeof style->font_family);
  style->font_size = 14.0;
  style->print = FALSE;
}

/**
 * ocop_render_style_init_print:
 * @style: the style to fill
 *
 * Fills @style with the print palette: black on white, no colour that a
 * monochrome printer would turn into an unreadable grey. Earned stars are
 * solid black, the others a thin grey outline. The font is pinned to
 * DejaVu Sans, which covers Vietnamese and is embedded in PDFs.
 */
void
ocop_render_style_init_print (OcopRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);

  set_hex (&style->foreground, 0x000000, 1.0);
  set_hex (&style->background, 0xffffff, 1.0);
  set_hex (&style->accent, 0x000000, 1.0);
  set_hex (&style->star_fill, 0x000000, 1.0);
  set_hex (&style->star_outline, 0x000000, 1.0);
  set_hex (&style->muted, 0x808080, 1.0);
  set_hex (&style->success, 0x000000, 1.0);
  set_hex (&style->warning, 0x000000, 1.0);
  set_hex (&style->error, 0x000000, 1.0);

  g_strlcpy (style->font_family, "DejaVu Sans", sizeof style->font_family);
  style->font_size = 10.0;   /* points: a PDF surface's unit is the point */
  style->print = TRUE;
}

/**
 * ocop_render_style_set_font_family:
 * @style: a style
 * @family: a Pango family name or a comma-separated list of them
 *
 * Returns: %TRUE if @family was stored; %FALSE (and @style unchanged) when it
 *   is empty or does not fit in %OCOP_RENDER_STYLE_FONT_FAMILY_MAX bytes.
 */
gboolean
ocop_render_style_set_font_family (OcopRenderStyle *style,
                                   const char      *family)
{
  g_return_val_if_fail (style != NULL, FALSE);

  if (family == NULL || family[0] == '\0')
    return FALSE;

  if (strlen (family) >= sizeof style->font_family)
    return FALSE;

  g_strlcpy (style->font_family, family, sizeof style->font_family);
  return TRUE;
}

/**
 * ocop_render_style_create_font_description:
 * @style: a style
 * @size: the font size in user-space units (pixels on an image surface,
 *   points on a PDF surface); 0 or less means @style's font_size
 *
 * Returns: (transfer full): a font description with @style's family and an
 *   absolute size, so text has the same size on screen, PNG and PDF.
 */
PangoFontDescription *
ocop_render_style_create_font_description (const OcopRenderStyle *style,
                                           double                 size)
{
  PangoFontDescription *desc;

  g_return_val_if_fail (style != NULL, NULL);

  if (size <= 0)
    size = style->font_size > 0 ? style->font_size : 10.0;

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, style->font_family[0] ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);

  return desc;
}

void
ocop_render_color_init (OcopRenderColor *color,
                        double           red,
                        double           green,
                        double           blue,
                        double           alpha)
{
  g_return_if_fail (color != NULL);

  color->red = CLAMP (red, 0.0, 1.0);
  color->green = CLAMP (green, 0.0, 1.0);
  color->blue = CLAMP (blue, 0.0, 1.0);
  color->alpha = CLAMP (alpha, 0.0, 1.0);
}

void
ocop_render_color_set_source (cairo_t               *cr,
                              const OcopRenderColor *color)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Equal to within 1/512, i.e. the same 8-bit colour after rounding. */
gboolean
ocop_render_color_equal (const OcopRenderColor *a,
                         const OcopRenderColor *b)
{
  const double eps = 1.0 / 512.0;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return fabs (a->red - b->red) < eps &&
         fabs (a->green - b->green) < eps &&
         fabs (a->blue - b->blue) < eps &&
         fabs (a->alpha - b->alpha) < eps;
}
