/* ocop-presentation-window.h: a meeting's results on the projector
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"

G_BEGIN_DECLS

#define OCOP_TYPE_PRESENTATION_WINDOW (ocop_presentation_window_get_type())

G_DECLARE_FINAL_TYPE (OcopPresentationWindow, ocop_presentation_window, OCOP, PRESENTATION_WINDOW, AdwWindow)

/* A full-screen window of slides: the title (council, meeting, date, place), one per
 * product on the agenda (photo placeholder, product, producer, members' totals as
 * A, B, C… until the chair reveals the names, the part bars, the council's score and
 * the stars, revealed one at a time) and a closing slide with the star distribution.
 *
 * Keys: Right, Page Down, Space (after the last star) next; Left, Page Up, BackSpace
 * previous; Home, End; 1…9 the n-th product, 0 the title; Space reveals the next star;
 * N shows or hides the members' names; Esc leaves. A meeting that cannot be read
 * gives one slide saying why. */
GtkWidget  *ocop_presentation_window_new              (OcopDb                 *db,
                                                       gint64                  meeting_id);
/* 0: the title; 1 … n: the products in agenda order; n + 1: the closing slide. */
guint       ocop_presentation_window_get_slide        (OcopPresentationWindow *self);
guint       ocop_presentation_window_get_n_slides     (OcopPresentationWindow *self);
void        ocop_presentation_window_set_slide        (OcopPresentationWindow *self,
                                                       guint                   slide);
/* "title", "product-1" …, "closing" (or "error"). */
const char *ocop_presentation_window_get_slide_name   (OcopPresentationWindow *self);
/* Stars shown on the current product slide, and the product's stars. */
int         ocop_presentation_window_get_revealed_stars (OcopPresentationWindow *self);
int         ocop_presentation_window_get_stars        (OcopPresentationWindow *self);
gboolean    ocop_presentation_window_get_names_revealed (OcopPresentationWindow *self);
void        ocop_presentation_window_set_names_revealed (OcopPresentationWindow *self,
                                                         gboolean                revealed);
/* The members' labels of the current product slide, as shown ("A", or the names). */
GPtrArray  *ocop_presentation_window_dup_member_labels (OcopPresentationWindow *self);

G_END_DECLS
