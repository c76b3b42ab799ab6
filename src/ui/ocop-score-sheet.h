/* ocop-score-sheet.h: one member's score sheet for one product, as a form
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ocop-db.h"
#include "ocop-rating.h"

G_BEGIN_DECLS

#define OCOP_TYPE_SCORE_FORM (ocop_score_form_get_type())

G_DECLARE_FINAL_TYPE (OcopScoreForm, ocop_score_form, OCOP, SCORE_FORM, AdwBin)

/* The form is OcopScoreForm: the core already names its sheet record OcopScoreSheet
 * (ocop-scoring.h). */

/* Widget actions, bound to keys while a criterion has the focus (paper entry):
 *   sheet.pick (i)            1–9: tick the n-th option (1-based) and move on
 *   sheet.next-criterion      Enter, Tab
 *   sheet.previous-criterion  Shift+Tab, Backspace
 *   sheet.submit              Ctrl+Enter
 *   sheet.next-product        Ctrl+Page Down
 *   sheet.previous-product    Ctrl+Page Up
 *   sheet.reopen, sheet.mark-checked   (ask in a dialog)
 * Signals: "changed" after a submit, reopen or check (progress and results change). */

GtkWidget            *ocop_score_form_new              (void);
/* Loads the meeting's scoring members and agenda; @db NULL clears. */
gboolean              ocop_score_form_set_meeting      (OcopScoreForm  *self,
                                                        OcopDb         *db,
                                                        gint64          meeting_id,
                                                        GError        **error);
/* Re-reads members, agenda and the open sheet (after attendance or rounds change). */
void                  ocop_score_form_reload           (OcopScoreForm  *self);
/* Opens @member_id's sheet for @product_id (0 keeps the current choice). FALSE when
 * either is not in the pickers. */
gboolean              ocop_score_form_select           (OcopScoreForm  *self,
                                                        gint64          member_id,
                                                        gint64          product_id);
/* Paper entry: the secretary types a member's paper sheet; @typist goes to entered_by. */
void                  ocop_score_form_set_paper_mode   (OcopScoreForm  *self,
                                                        gboolean        paper,
                                                        const char     *typist);
gint64                ocop_score_form_get_member_id    (OcopScoreForm  *self);
gint64                ocop_score_form_get_product_id   (OcopScoreForm  *self);
/* 0 when no sheet is open. */
gint64                ocop_score_form_get_sheet_id     (OcopScoreForm  *self);
/* The engine's view of the open sheet, or NULL. */
const OcopSheetScore *ocop_score_form_get_score        (OcopScoreForm  *self);
/* The criterion (leaf index) with the keyboard focus, -1 when none. */
int                   ocop_score_form_get_current_leaf (OcopScoreForm  *self);
gboolean              ocop_score_form_focus_leaf       (OcopScoreForm  *self,
                                                        int             leaf_index);

G_END_DECLS
