/* ocop-score-stars.h: a row of drawn stars in a widget
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OCOP_TYPE_SCORE_STARS (ocop_score_stars_get_type())

G_DECLARE_FINAL_TYPE (OcopScoreStars, ocop_score_stars, OCOP, SCORE_STARS, GtkWidget)

GtkWidget *ocop_score_stars_new       (void);
/* 0 … 5; 0 draws five empty outlines. */
void       ocop_score_stars_set_stars (OcopScoreStars *self,
                                       int             stars);
int        ocop_score_stars_get_stars (OcopScoreStars *self);
/* The height of the row in pixels (default 18). */
void       ocop_score_stars_set_size  (OcopScoreStars *self,
                                       int             size);

G_END_DECLS
