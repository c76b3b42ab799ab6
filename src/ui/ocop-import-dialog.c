/* ocop-import-dialog.c: the preview and report of a register import
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ocop-csv.h"
#include "ocop-import-dialog.h"
#include "ocop-import.h"

/* The check is the real import run inside an outer transaction that is then rolled
 * back (ocop_db_begin → ocop_import_products_csv → ocop_db_rollback; the import's own
 * transaction joins the outer one), so the preview applies exactly the rules the
 * import will, and nothing is written on a bad file or on Cancel.
 *
 * Both the check and the import run on the main thread: the database connection must
 * not be used from two threads, and a register of a few thousand rows is read and
 * checked in well under a second. The dialog shows a spinner page while it works.
 *
 * The core returns the problems of a rejected file only inside the GError message
 * (one "line N, column “X”: what" per line after the first), so the dialog splits
 * that message into rows. */

#define PREVIEW_ROWS 50

struct _OcopImportDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *import_button;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkImage       *summary_icon;
  GtkLabel       *summary_title;
  GtkLabel       *summary_detail;
  GtkWidget      *problems_group;
  GtkListBox     *problems_list;
  GtkWidget      *preview_group;
  GtkGrid        *preview_grid;

  /* Owned */
  OcopDb         *db;
  GFile          *file;
  GHashTable     *bad_lines;     /* line numbers (GUINT_TO_POINTER) */
  guint           n_rows;
  guint           n_problems;
  gboolean        can_import;
};

G_DEFINE_FINAL_TYPE (OcopImportDialog, ocop_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ocop_import_dialog_update_actions (OcopImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", self->can_import);
}

static void
add_problem (OcopImportDialog *self,
             const char       *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  g_autofree char *where = NULL;
  const char *what = NULL;
  const char *sep;

  sep = strstr (text, ": ");
  if (sep != NULL)
    {
      where = g_strndup (text, sep - text);
      what = sep + 2;
    }

  if (where != NULL)
    {
      guint line = 0;

      /* The first number of "line 4, column “…”" is the line. */
      for (const char *p = where; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          {
            line = (guint) g_ascii_strtoull (p, NULL, 10);
            break;
          }
      if (line > 0)
        g_hash_table_add (self->bad_lines, GUINT_TO_POINTER (line));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "import-problem");
  gtk_list_box_append (self->problems_list, row);
  self->n_problems++;
}

/* Every problem of a rejected file, by line and column. */
static void
add_report_problems (OcopImportDialog       *self,
                     const OcopImportReport *rejected)
{
  for (guint i = 0; i < rejected->problems->len; i++)
    {
      const OcopImportProblem *problem = g_ptr_array_index (rejected->problems, i);
      g_autofree char *text = NULL;

      if (problem->field != NULL)
        /* Translators: %1$u is a line number, %2$s a column name, %3$s what is wrong there */
        text = g_strdup_printf (_("line %1$u, column “%2$s”: %3$s"), problem->line, problem->field, problem->message);
      else
        /* Translators: %1$u is a line number, %2$s what is wrong */
        text = g_strdup_printf (_("line %1$u: %2$s"), problem->line, problem->message);

      add_problem (self, text);
    }
}

static GtkWidget *
make_cell (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Reads the header and the first rows into the grid, and counts the rows. */
static void
fill_preview (OcopImportDialog *self,
              const char       *path)
{
  g_autoptr(OcopCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *header;
  char **fields = NULL;
  guint n_columns;
  int row = 1;

  reader = ocop_csv_reader_new_from_file (path, &error);
  if (reader == NULL || !ocop_csv_reader_read_header (reader, &error))
    {
      gtk_widget_set_visible (self->preview_group, FALSE);
      return;
    }

  header = ocop_csv_reader_get_header (reader);
  n_columns = ocop_csv_reader_get_n_columns (reader);

  gtk_grid_attach (self->preview_grid, make_cell (_("Line"), "heading"), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid, make_cell (header[c], "heading"), (int) c + 1, 0, 1, 1);

  self->n_rows = 0;
  while (ocop_csv_reader_next (reader, &fields, &error))
    {
      guint line = ocop_csv_reader_get_line (reader);
      gboolean bad = g_hash_table_contains (self->bad_lines, GUINT_TO_POINTER (line));
      g_autofree char *number = g_strdup_printf ("%u", line);

      self->n_rows++;
      if (row <= PREVIEW_ROWS || bad)
        {
          GtkWidget *cell = make_cell (number, "numeric");

          gtk_widget_add_css_class (cell, bad ? "error" : "dim-label");
          gtk_grid_attach (self->preview_grid, cell, 0, row, 1, 1);
          for (guint c = 0; fields[c] != NULL && c < n_columns; c++)
            {
              cell = make_cell (fields[c], bad ? "error" : NULL);
              gtk_widget_set_tooltip_text (cell, fields[c]);
              gtk_grid_attach (self->preview_grid, cell, (int) c + 1, row, 1, 1);
            }
          row++;
        }
      g_clear_pointer (&fields, g_strfreev);
    }

  if (self->n_rows > PREVIEW_ROWS)
    {
      g_autofree char *title = NULL;

      /* Translators: the title of the preview of an imported file; %u is a number */
      title = g_strdup_printf (_("Preview (first %u rows)"), PREVIEW_ROWS);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->preview_group), title);
    }
}

gboolean
ocop_import_dialog_check (OcopImportDialog *self)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopImportReport) rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *child;

  g_return_val_if_fail (OCOP_IS_IMPORT_DIALOG (self), FALSE);

  gtk_stack_set_visible_child_name (self->stack, "checking");
  gtk_spinner_start (self->spinner);

  /* Let the spinner be drawn before the main thread is busy. */
  for (guint i = 0; i < 3 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_hash_table_remove_all (self->bad_lines);
  self->n_problems = 0;
  self->can_import = FALSE;

  path = g_file_get_path (self->file);
  name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, name);

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be imported"));
    }
  else if (ocop_db_begin (self->db, &error))
    {
      report = ocop_import_products_csv (self->db, path, &rejected, &error);
      /* A dry run: whatever the import did goes. */
      ocop_db_rollback (self->db);
    }

  if (report != NULL)
    {
      self->can_import = report->n_rows > 0;
    }
  else if (rejected != NULL)
    add_report_problems (self, rejected);
  else
    add_problem (self, error->message);

  fill_preview (self, path);

  if (self->can_import)
    {
      /* Translators: the file can be imported; %u is its number of rows */
      title = g_strdup_printf (ngettext ("%u product ready to import",
                                         "%u products ready to import",
                                         report->n_rows),
                               report->n_rows);
      if (report->n_created > 0)
        /* Translators: %u is the number of producers the import will add */
        detail = g_strdup_printf (ngettext ("Every row is correct. %u producer that is not in the register yet will be added.",
                                            "Every row is correct. %u producers that are not in the register yet will be added.",
                                            report->n_created),
                                  report->n_created);
      else
        detail = g_strdup (_("Every row is correct, and every producer is already in the register."));
      gtk_image_set_from_icon_name (self->summary_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "success");
    }
  else
    {
      if (report != NULL)
        {
          title = g_strdup (_("The file has no rows to import"));
          detail = g_strdup (_("Nothing will be imported."));
        }
      else
        {
          title = g_strdup (_("The file cannot be imported"));
          if (self->n_rows > 0)
            /* Translators: %u is the number of rows in the file */
            detail = g_strdup_printf (ngettext ("Its %u row was checked and nothing was written: an import takes the whole file or nothing.",
                                                "Its %u rows were checked and nothing was written: an import takes the whole file or nothing.",
                                                self->n_rows),
                                      self->n_rows);
          else
            detail = g_strdup (_("Nothing was written."));
        }
      gtk_image_set_from_icon_name (self->summary_icon, "dialog-error-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "error");
    }

  gtk_label_set_text (self->summary_title, title);
  gtk_label_set_text (self->summary_detail, detail);
  gtk_widget_set_visible (self->problems_group, self->n_problems > 0);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "report");
  ocop_import_dialog_update_actions (self);

  if (self->can_import)
    gtk_widget_grab_focus (self->import_button);

  return self->can_import;
}

gboolean
ocop_import_dialog_import (OcopImportDialog  *self,
                           GError           **error)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (OCOP_IS_IMPORT_DIALOG (self), FALSE);

  if (!self->can_import)
    {
      g_set_error_literal (error, OCOP_IMPORT_ERROR, OCOP_IMPORT_ERROR_ROWS,
                           _("The file has problems and cannot be imported"));
      return FALSE;
    }

  path = g_file_get_path (self->file);
  report = ocop_import_products_csv (self->db, path, NULL, &local_error);
  if (report == NULL)
    {
      /* The file changed since the check: show what is wrong now. */
      ocop_import_dialog_check (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[IMPORTED], 0, report->n_imported, report->n_created);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ocop_import_dialog_import (OCOP_IMPORT_DIALOG (widget), NULL);
}

static void
ocop_import_dialog_dispose (GObject *object)
{
  OcopImportDialog *self = (OcopImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ocop_import_dialog_parent_class)->dispose (object);
}

static void
ocop_import_dialog_finalize (GObject *object)
{
  OcopImportDialog *self = (OcopImportDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bad_lines, g_hash_table_unref);

  G_OBJECT_CLASS (ocop_import_dialog_parent_class)->finalize (object);
}

static void
ocop_import_dialog_class_init (OcopImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_import_dialog_dispose;
  object_class->finalize = ocop_import_dialog_finalize;

  /**
   * OcopImportDialog::imported:
   * @n_imported: the products written
   * @n_created: the producers added with them
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, summary_detail);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, OcopImportDialog, preview_grid);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_import_dialog_init (OcopImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bad_lines = g_hash_table_new (NULL, NULL);
  ocop_import_dialog_update_actions (self);
}

GtkWidget *
ocop_import_dialog_new (OcopDb *db,
                        GFile  *file)
{
  OcopImportDialog *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (OCOP_TYPE_IMPORT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->file = g_object_ref (file);

  return GTK_WIDGET (self);
}

gboolean
ocop_import_dialog_get_can_import (OcopImportDialog *self)
{
  g_return_val_if_fail (OCOP_IS_IMPORT_DIALOG (self), FALSE);

  return self->can_import;
}

guint
ocop_import_dialog_get_n_problems (OcopImportDialog *self)
{
  g_return_val_if_fail (OCOP_IS_IMPORT_DIALOG (self), 0);

  return self->n_problems;
}

guint
ocop_import_dialog_get_n_rows (OcopImportDialog *self)
{
  g_return_val_if_fail (OCOP_IS_IMPORT_DIALOG (self), 0);

  return self->n_rows;
}
