/* ocop-window-private.h: for the window's tests
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-window.h"

G_BEGIN_DECLS

AdwViewStack *_ocop_window_get_view_stack (OcopWindow *self);

G_END_DECLS
