/* ocop-print-operation.c: printing certificates with GtkPrintOperation
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-print-operation"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ocop-print-operation.h"

/* draw_page hands the page's cairo context to ocop_certificate_render (), the function
 * that also draws the preview and the PDF export, so what is printed is what was seen.
 * The operation uses the full page (no printer margins): the offsets of pre-printed
 * stock are measured from the paper's edge. The documents are built on the main thread
 * before the operation starts; the renderer never reads the database. */

struct _OcopPrintOperation
{
  GtkPrintOperation  parent_instance;

  GPtrArray         *docs;          /* OcopCertificateDoc* */
  GSettings         *settings;
  char              *printer;       /* the printer chosen in the dialog, or NULL */
  double             offset_x;
  double             offset_y;
  gboolean           data_only;
  gboolean           offsets_set;   /* by the caller or the dialog's tab */

  /* The "Certificate Stock" tab, while the dialog is open */
  GtkSpinButton     *x_spin;
  GtkSpinButton     *y_spin;
  GtkCheckButton    *stock_check;
  GtkLabel          *printer_label;
};

G_DEFINE_FINAL_TYPE (OcopPrintOperation, ocop_print_operation, GTK_TYPE_PRINT_OPERATION)

/* ---- the offsets in GSettings ---- */

gboolean
ocop_print_offsets_lookup (GSettings  *settings,
                           const char *printer,
                           double     *x_mm,
                           double     *y_mm)
{
  g_autoptr(GVariant) dict = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  *x_mm = 0;
  *y_mm = 0;
  if (printer == NULL || printer[0] == '\0')
    return FALSE;

  dict = g_settings_get_value (settings, "print-offsets");

  return g_variant_lookup (dict, printer, "(dd)", x_mm, y_mm);
}

void
ocop_print_offsets_store (GSettings  *settings,
                          const char *printer,
                          double      x_mm,
                          double      y_mm)
{
  g_autoptr(GVariant) dict = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  double x, y;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (printer != NULL && printer[0] != '\0');

  x_mm = CLAMP (x_mm, -OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM);
  y_mm = CLAMP (y_mm, -OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM);

  dict = g_settings_get_value (settings, "print-offsets");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(dd)}"));
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s(dd)}", &name, &x, &y))
    if (g_strcmp0 (name, printer) != 0)
      g_variant_builder_add (&builder, "{s(dd)}", name, x, y);
  if (x_mm != 0 || y_mm != 0)
    g_variant_builder_add (&builder, "{s(dd)}", printer, x_mm, y_mm);

  g_settings_set_value (settings, "print-offsets", g_variant_builder_end (&builder));
}

/* ---- printing ---- */

static void
ocop_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  OcopPrintOperation *self = OCOP_PRINT_OPERATION (operation);

  if (!self->offsets_set)
    {
      GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
      const char *printer = print_settings != NULL ? gtk_print_settings_get_printer (print_settings) : NULL;

      ocop_print_offsets_lookup (self->settings, printer, &self->offset_x, &self->offset_y);
      self->data_only = FALSE;
    }

  for (guint i = 0; i < self->docs->len; i++)
    {
      OcopCertificateDoc *doc = g_ptr_array_index (self->docs, i);

      doc->offset_x_mm = self->offset_x;
      doc->offset_y_mm = self->offset_y;
      doc->data_only = self->data_only;
    }

  gtk_print_operation_set_n_pages (operation, MAX (1, (int) self->docs->len));
}

static void
ocop_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  OcopPrintOperation *self = OCOP_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  const double ratio = OCOP_CERTIFICATE_PAGE_HEIGHT / OCOP_CERTIFICATE_PAGE_WIDTH;
  OcopRenderStyle style;
  double w, h;

  if (page_nr < 0 || (guint) page_nr >= self->docs->len)
    return;

  /* A4 landscape fills the page; any other paper gets the largest sheet of the same
   * proportions that fits, at its top left corner (where stock is fed). */
  w = width;
  h = width * ratio;
  if (h > height)
    {
      h = height;
      w = height / ratio;
    }

  ocop_certificate_render_style_init (&style);
  cairo_save (cr);
  ocop_certificate_render (cr, w, h, &style, g_ptr_array_index (self->docs, page_nr));
  cairo_restore (cr);
}

/* ---- the "Certificate Stock" tab ---- */

static void
load_printer_offsets (OcopPrintOperation *self)
{
  double x = 0, y = 0;

  if (self->x_spin == NULL)
    return;

  ocop_print_offsets_lookup (self->settings, self->printer, &x, &y);
  gtk_spin_button_set_value (self->x_spin, x);
  gtk_spin_button_set_value (self->y_spin, y);

  if (self->printer != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: in the print dialog's "Certificate Stock" tab; %s is a printer's name */
      text = g_strdup_printf (_("Remembered for the printer “%s”."), self->printer);
      gtk_label_set_text (self->printer_label, text);
    }
  else
    gtk_label_set_text (self->printer_label, _("Offsets are remembered per printer."));
}

static GtkSpinButton *
attach_spin (GtkGrid    *grid,
             int         row,
             const char *label_text,
             const char *tooltip)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *spin = gtk_spin_button_new_with_range (-OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM, 0.5);
  GtkWidget *unit = gtk_label_new (C_("unit", "mm"));

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  gtk_grid_attach (grid, unit, 2, row, 1, 1);

  return GTK_SPIN_BUTTON (spin);
}

static void
on_custom_widget_destroy_cb (OcopPrintOperation *self)
{
  self->x_spin = NULL;
  self->y_spin = NULL;
  self->stock_check = NULL;
  self->printer_label = NULL;
}

static GtkWidget *
ocop_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  OcopPrintOperation *self = OCOP_PRINT_OPERATION (operation);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *intro;
  GtkWidget *check;
  GtkWidget *printer_label;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);

  intro = gtk_label_new (_("When printing onto pre-printed certificate stock, move everything by the amount "
                           "the printer is off: print one certificate on plain paper, hold it over the stock "
                           "against the light and measure."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 60);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_grid_attach (GTK_GRID (grid), intro, 0, 0, 3, 1);

  self->x_spin = attach_spin (GTK_GRID (grid), 1, _("Move _right by"),
                              _("Millimetres to the right; negative moves left"));
  self->y_spin = attach_spin (GTK_GRID (grid), 2, _("Move _down by"),
                              _("Millimetres down; negative moves up"));

  check = gtk_check_button_new_with_mnemonic (_("_Pre-printed stock: leave out the border, motto and title"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_settings_get_boolean (self->settings, "print-preprinted-stock"));
  gtk_grid_attach (GTK_GRID (grid), check, 0, 3, 3, 1);
  self->stock_check = GTK_CHECK_BUTTON (check);

  printer_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (printer_label), 0);
  gtk_widget_add_css_class (printer_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), printer_label, 0, 4, 3, 1);
  self->printer_label = GTK_LABEL (printer_label);

  load_printer_offsets (self);
  g_signal_connect_object (grid, "destroy", G_CALLBACK (on_custom_widget_destroy_cb), self, G_CONNECT_SWAPPED);

  return grid;
}

static void
ocop_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                           GtkWidget         *widget,
                                           GtkPageSetup      *setup,
                                           GtkPrintSettings  *settings)
{
  OcopPrintOperation *self = OCOP_PRINT_OPERATION (operation);
  const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;

  if (g_strcmp0 (printer, self->printer) == 0)
    return;

  g_free (self->printer);
  self->printer = g_strdup (printer);
  load_printer_offsets (self);
}

static void
ocop_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                          GtkWidget         *widget)
{
  OcopPrintOperation *self = OCOP_PRINT_OPERATION (operation);

  if (self->x_spin == NULL)
    return;

  self->offset_x = gtk_spin_button_get_value (self->x_spin);
  self->offset_y = gtk_spin_button_get_value (self->y_spin);
  self->data_only = gtk_check_button_get_active (self->stock_check);
  self->offsets_set = TRUE;

  if (self->printer != NULL && self->printer[0] != '\0')
    ocop_print_offsets_store (self->settings, self->printer, self->offset_x, self->offset_y);
  g_settings_set_boolean (self->settings, "print-preprinted-stock", self->data_only);
}

/* ---- errors reach the user ---- */

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print the Certificates"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "ocop-parent");

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        {
          g_warning ("Printing failed: %s", error->message);
          show_error (parent, error);
        }
    }
}

void
ocop_print_operation_run_dialog (OcopPrintOperation *self,
                                 GtkWindow          *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (OCOP_IS_PRINT_OPERATION (self));

  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (self), "ocop-parent", g_object_ref (parent), g_object_unref);
  g_signal_connect (self, "done", G_CALLBACK (on_done_cb), NULL);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  /* An error before the job started; a later one arrives in "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_warning ("Printing failed: %s", error->message);
      show_error (parent, error);
    }
}

/* ---- the object ---- */

static void
ocop_print_operation_finalize (GObject *object)
{
  OcopPrintOperation *self = (OcopPrintOperation *)object;

  g_clear_pointer (&self->docs, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->printer, g_free);

  G_OBJECT_CLASS (ocop_print_operation_parent_class)->finalize (object);
}

static void
ocop_print_operation_class_init (OcopPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ocop_print_operation_finalize;

  print_class->begin_print = ocop_print_operation_begin_print;
  print_class->draw_page = ocop_print_operation_draw_page;
  print_class->create_custom_widget = ocop_print_operation_create_custom_widget;
  print_class->update_custom_widget = ocop_print_operation_update_custom_widget;
  print_class->custom_widget_apply = ocop_print_operation_custom_widget_apply;
}

static void
ocop_print_operation_init (OcopPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->settings = g_settings_new (OCOP_ID);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  /* Translators: the name of the tab in the print dialog */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Certificate Stock"));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("OCOP certificates"));
}

OcopPrintOperation *
ocop_print_operation_new (GPtrArray *docs)
{
  OcopPrintOperation *self;

  g_return_val_if_fail (docs != NULL, NULL);

  self = g_object_new (OCOP_TYPE_PRINT_OPERATION, NULL);
  self->docs = g_ptr_array_ref (docs);

  return self;
}

guint
ocop_print_operation_get_n_docs (OcopPrintOperation *self)
{
  g_return_val_if_fail (OCOP_IS_PRINT_OPERATION (self), 0);

  return self->docs->len;
}

void
ocop_print_operation_set_offsets (OcopPrintOperation *self,
                                  double              x_mm,
                                  double              y_mm,
                                  gboolean            data_only)
{
  g_return_if_fail (OCOP_IS_PRINT_OPERATION (self));

  self->offset_x = CLAMP (x_mm, -OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM);
  self->offset_y = CLAMP (y_mm, -OCOP_PRINT_OFFSET_MAX_MM, OCOP_PRINT_OFFSET_MAX_MM);
  self->data_only = data_only;
  self->offsets_set = TRUE;
}
