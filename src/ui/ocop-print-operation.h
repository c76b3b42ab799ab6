/* ocop-print-operation.h: printing certificates with GtkPrintOperation
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ocop-certificate-render.h"

G_BEGIN_DECLS

#define OCOP_TYPE_PRINT_OPERATION (ocop_print_operation_get_type())

G_DECLARE_FINAL_TYPE (OcopPrintOperation, ocop_print_operation, OCOP, PRINT_OPERATION, GtkPrintOperation)

/* One page per document of @docs (OcopCertificateDoc*, kept with a reference), A4
 * landscape by default. The print dialog has a "Certificate Stock" tab for printing
 * onto pre-printed stock: offsets in millimetres, remembered per printer in GSettings
 * ("print-offsets"), and whether to leave out what the stock already has. */
OcopPrintOperation *ocop_print_operation_new           (GPtrArray          *docs);
guint               ocop_print_operation_get_n_docs    (OcopPrintOperation *self);
/* Overrides the offsets remembered for the printer (exports use none by default). */
void                ocop_print_operation_set_offsets   (OcopPrintOperation *self,
                                                        double              x_mm,
                                                        double              y_mm,
                                                        gboolean            data_only);
/* Runs the print dialog for @parent; a failure, now or when the job ends, is shown in
 * an AdwMessageDialog. */
void                ocop_print_operation_run_dialog    (OcopPrintOperation *self,
                                                        GtkWindow          *parent);

/* The offsets remembered for @printer (FALSE and zero when none). */
gboolean            ocop_print_offsets_lookup          (GSettings          *settings,
                                                        const char         *printer,
                                                        double             *x_mm,
                                                        double             *y_mm);
/* Stores them; both zero forgets the printer. */
void                ocop_print_offsets_store           (GSettings          *settings,
                                                        const char         *printer,
                                                        double              x_mm,
                                                        double              y_mm);

#define OCOP_PRINT_OFFSET_MAX_MM 50.0

G_END_DECLS
