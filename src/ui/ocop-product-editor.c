/* ocop-product-editor.c: the form to add or edit a product or a producer
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-product-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ocop-product-editor.h"

/* The form checks with the core's own validation (ocop_product_validate,
 * ocop_producer_validate), whose messages begin with the field's name ("Product code:
 * …"); that name finds the row to mark. Nothing is written until both records pass;
 * then the producer and the product are written in one transaction. */

struct _OcopProductEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *product_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *set_row;
  AdwComboRow         *evaluation_row;
  AdwComboRow         *stars_row;
  AdwEntryRow         *year_row;
  AdwEntryRow         *description_row;
  AdwPreferencesGroup *producer_choice_group;
  AdwComboRow         *producer_row;
  AdwPreferencesGroup *producer_group;
  AdwEntryRow         *producer_name_row;
  AdwComboRow         *subject_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *commune_row;
  AdwEntryRow         *district_row;
  AdwEntryRow         *province_row;
  AdwEntryRow         *representative_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *tax_code_row;

  /* Owned */
  OcopDb              *db;
  OcopProduct         *product;       /* being edited, or NULL */
  OcopProducer        *producer;      /* being edited (producer form), or NULL */
  GPtrArray           *set_codes;     /* char* */
  GArray              *producer_ids;  /* gint64; [0] = 0 for "New producer" */
  gboolean             for_producer;
  gint64               saved_product_id;
  gint64               saved_producer_id;
};

G_DEFINE_FINAL_TYPE (OcopProductEditor, ocop_product_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static GListModel *
string_model (GPtrArray *strings)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (strings, i));

  return G_LIST_MODEL (list);
}

static void
clear_errors (OcopProductEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->code_row), GTK_WIDGET (self->set_row),
    GTK_WIDGET (self->evaluation_row), GTK_WIDGET (self->stars_row), GTK_WIDGET (self->year_row),
    GTK_WIDGET (self->description_row), GTK_WIDGET (self->producer_row),
    GTK_WIDGET (self->producer_name_row), GTK_WIDGET (self->subject_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->commune_row),
    GTK_WIDGET (self->district_row), GTK_WIDGET (self->province_row),
    GTK_WIDGET (self->representative_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->tax_code_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
}

/* The row of the field an error message names ("Product code: …"), or NULL. */
static GtkWidget *
row_for_message (OcopProductEditor *self,
                 const char        *message)
{
  /* The core's field names, translated by the same catalogue as its messages. */
  const struct {
    const char *label;
    GtkWidget  *row;
  } fields[] = {
    { _("Product name"), GTK_WIDGET (self->name_row) },
    { _("Product code"), GTK_WIDGET (self->code_row) },
    { _("Product set"), GTK_WIDGET (self->set_row) },
    { _("Evaluation type"), GTK_WIDGET (self->evaluation_row) },
    { _("Proposed stars"), GTK_WIDGET (self->stars_row) },
    { _("Year"), GTK_WIDGET (self->year_row) },
    { _("Description"), GTK_WIDGET (self->description_row) },
    { _("Producer name"), GTK_WIDGET (self->producer_name_row) },
    { _("Subject type"), GTK_WIDGET (self->subject_row) },
    { _("Address"), GTK_WIDGET (self->address_row) },
    { _("Commune"), GTK_WIDGET (self->commune_row) },
    { _("District"), GTK_WIDGET (self->district_row) },
    { _("Province"), GTK_WIDGET (self->province_row) },
    { _("Representative"), GTK_WIDGET (self->representative_row) },
    { _("Phone"), GTK_WIDGET (self->phone_row) },
    { _("Tax code"), GTK_WIDGET (self->tax_code_row) },
    { _("Producer"), GTK_WIDGET (self->producer_row) },
  };
  GtkWidget *best = NULL;
  gsize best_len = 0;

  if (message == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len = strlen (fields[i].label);

      if (len > best_len && strncmp (message, fields[i].label, len) == 0 && message[len] == ':')
        {
          best = fields[i].row;
          best_len = len;
        }
    }

  /* "Producer: …" in the producer form is about the producer's name. */
  if (best == GTK_WIDGET (self->producer_row) && self->for_producer)
    best = GTK_WIDGET (self->producer_name_row);

  return best;
}

static void
show_error (OcopProductEditor *self,
            const GError      *error)
{
  GtkWidget *row = row_for_message (self, error->message);
  AdwToast *toast = adw_toast_new (error->message);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
new_producer_chosen (OcopProductEditor *self)
{
  return self->for_producer || adw_combo_row_get_selected (self->producer_row) == 0;
}

static void
update_visibility (OcopProductEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->product_group), !self->for_producer);
  gtk_widget_set_visible (GTK_WIDGET (self->producer_choice_group), !self->for_producer);
  gtk_widget_set_visible (GTK_WIDGET (self->producer_group), new_producer_chosen (self));
  adw_preferences_group_set_title (self->producer_group,
                                   self->for_producer ? _("Producer") : _("New Producer"));
}

static void
on_producer_row_selected_cb (OcopProductEditor *self)
{
  update_visibility (self);
}

static void
on_row_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Building the records from the form */

static OcopProducer *
producer_from_form (OcopProductEditor *self)
{
  OcopProducer *producer = ocop_producer_new ();
  guint subject = adw_combo_row_get_selected (self->subject_row);

  producer->id = self->producer != NULL ? self->producer->id : 0;
  producer->is_sample = self->producer != NULL ? self->producer->is_sample : FALSE;
  producer->name = entry_text (self->producer_name_row);
  producer->subject_type = subject < OCOP_SUBJECT_N ? (OcopSubjectType) subject : OCOP_SUBJECT_N;
  producer->address = entry_text (self->address_row);
  producer->commune = entry_text (self->commune_row);
  producer->district = entry_text (self->district_row);
  producer->province = entry_text (self->province_row);
  producer->representative = entry_text (self->representative_row);
  producer->phone = entry_text (self->phone_row);
  producer->tax_code = entry_text (self->tax_code_row);

  return producer;
}

static OcopProduct *
product_from_form (OcopProductEditor  *self,
                   GError            **error)
{
  g_autoptr(OcopProduct) product = ocop_product_new ();
  g_autofree char *year = entry_text (self->year_row);
  guint set = adw_combo_row_get_selected (self->set_row);
  guint evaluation = adw_combo_row_get_selected (self->evaluation_row);
  guint stars = adw_combo_row_get_selected (self->stars_row);
  guint producer = adw_combo_row_get_selected (self->producer_row);

  if (self->product != NULL)
    {
      product->id = self->product->id;
      product->is_sample = self->product->is_sample;
    }
  product->name = entry_text (self->name_row);
  product->code = entry_text (self->code_row);
  product->description = entry_text (self->description_row);
  if (set < self->set_codes->len)
    product->product_set = g_strdup (g_ptr_array_index (self->set_codes, set));
  product->evaluation_type = evaluation < OCOP_EVALUATION_N ? (OcopEvaluationType) evaluation
                                                            : OCOP_EVALUATION_NEW;
  product->proposed_stars = stars != GTK_INVALID_LIST_POSITION ? (int) stars : 0;
  if (producer != GTK_INVALID_LIST_POSITION && producer < self->producer_ids->len)
    product->producer_id = g_array_index (self->producer_ids, gint64, producer);

  if (year != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (year, 10, 0, 9999, &value, NULL))
        {
          g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                       /* Translators: %s is what was typed in the Year field; keep
                        * “Year:” as the field's name, as elsewhere */
                       _("Year: “%s” is not a year"), year);
          return NULL;
        }
      product->year = (int) value;
    }

  return g_steal_pointer (&product);
}

gboolean
ocop_product_editor_save (OcopProductEditor  *self,
                          GError            **error)
{
  g_autoptr(OcopProducer) producer = NULL;
  g_autoptr(OcopProduct) product = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean new_producer;

  g_return_val_if_fail (OCOP_IS_PRODUCT_EDITOR (self), FALSE);

  clear_errors (self);
  new_producer = new_producer_chosen (self);

  /* Check everything, in the order of the form, before writing anything. */
  if (!self->for_producer)
    {
      product = product_from_form (self, &local_error);
      if (product == NULL)
        goto failed;
      if (new_producer)
        product->producer_id = G_MAXINT64;   /* stands for the producer written below */
      if (!ocop_product_validate (product, &local_error))
        goto failed;
    }

  if (new_producer)
    {
      producer = producer_from_form (self);
      if (!ocop_producer_validate (producer, &local_error))
        goto failed;
    }

  if (!ocop_db_begin (self->db, &local_error))
    goto failed;

  if (producer != NULL && !ocop_db_save_producer (self->db, producer, &local_error))
    {
      ocop_db_rollback (self->db);
      goto failed;
    }

  if (product != NULL)
    {
      if (producer != NULL)
        product->producer_id = producer->id;
      if (!ocop_db_save_product (self->db, product, &local_error))
        {
          ocop_db_rollback (self->db);
          goto failed;
        }
    }

  if (!ocop_db_commit (self->db, &local_error))
    goto failed;

  self->saved_producer_id = producer != NULL ? producer->id
                                             : (product != NULL ? product->producer_id : 0);
  self->saved_product_id = product != NULL ? product->id : 0;

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;

failed:
  show_error (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ocop_product_editor_save (OCOP_PRODUCT_EDITOR (widget), NULL);
}

/* Filling the form */

static void
fill_choices (OcopProductEditor *self,
              OcopCriteriaSet   *set)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) producers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  /* Product sets: the sheets of the current criteria set, else plain numbers. */
  self->set_codes = g_ptr_array_new_with_free_func (g_free);
  if (set != NULL)
    {
      for (guint i = 0; i < set->sheets->len; i++)
        {
          const OcopSheet *sheet = g_ptr_array_index (set->sheets, i);

          g_ptr_array_add (self->set_codes, g_strdup (sheet->code));
          /* Translators: a product set in the form, “06 — Bánh kẹo…”: the sheet number
           * and its name */
          g_ptr_array_add (labels, g_strdup_printf (_("%s — %s"), sheet->code, sheet->name));
        }
    }
  else
    {
      for (guint i = 1; i <= 26; i++)
        {
          g_ptr_array_add (self->set_codes, g_strdup_printf ("%02u", i));
          g_ptr_array_add (labels, g_strdup_printf ("%02u", i));
        }
    }
  model = string_model (labels);
  adw_combo_row_set_model (self->set_row, model);
  g_clear_object (&model);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < OCOP_EVALUATION_N; i++)
    g_ptr_array_add (labels, g_strdup (ocop_evaluation_type_get_label (i)));
  model = string_model (labels);
  adw_combo_row_set_model (self->evaluation_row, model);
  g_clear_object (&model);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (_("None proposed")));
  for (int i = 1; i <= 5; i++)
    /* Translators: the stars a producer proposes, in a list: “3 stars” */
    g_ptr_array_add (labels, g_strdup_printf (ngettext ("%d star", "%d stars", i), i));
  model = string_model (labels);
  adw_combo_row_set_model (self->stars_row, model);
  g_clear_object (&model);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < OCOP_SUBJECT_N; i++)
    g_ptr_array_add (labels, g_strdup (ocop_subject_type_get_label (i)));
  model = string_model (labels);
  adw_combo_row_set_model (self->subject_row, model);
  g_clear_object (&model);

  /* Producers in Vietnamese order, after "New producer". */
  self->producer_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_ptr_array_set_size (labels, 0);
  g_array_append_val (self->producer_ids, (gint64) {0});
  g_ptr_array_add (labels, g_strdup (_("New producer…")));
  producers = ocop_db_list_producer_listings (self->db, &error);
  if (producers == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; producers != NULL && i < producers->len; i++)
    {
      const OcopProducerListing *l = g_ptr_array_index (producers, i);

      g_array_append_val (self->producer_ids, l->producer->id);
      g_ptr_array_add (labels, g_strdup (l->producer->name));
    }
  model = string_model (labels);
  adw_combo_row_set_model (self->producer_row, model);
}

static void
select_producer (OcopProductEditor *self,
                 gint64             producer_id)
{
  for (guint i = 1; i < self->producer_ids->len; i++)
    if (g_array_index (self->producer_ids, gint64, i) == producer_id)
      {
        adw_combo_row_set_selected (self->producer_row, i);
        return;
      }
}

static void
fill_product (OcopProductEditor *self,
              const OcopProduct *product)
{
  set_entry_text (self->name_row, product->name);
  set_entry_text (self->code_row, product->code);
  set_entry_text (self->description_row, product->description);
  for (guint i = 0; i < self->set_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->set_codes, i), product->product_set) == 0)
      adw_combo_row_set_selected (self->set_row, i);
  adw_combo_row_set_selected (self->evaluation_row, product->evaluation_type);
  adw_combo_row_set_selected (self->stars_row, (guint) CLAMP (product->proposed_stars, 0, 5));
  if (product->year > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", product->year);

      set_entry_text (self->year_row, year);
    }
  select_producer (self, product->producer_id);
}

static void
fill_producer (OcopProductEditor  *self,
               const OcopProducer *producer)
{
  set_entry_text (self->producer_name_row, producer->name);
  adw_combo_row_set_selected (self->subject_row, producer->subject_type);
  set_entry_text (self->address_row, producer->address);
  set_entry_text (self->commune_row, producer->commune);
  set_entry_text (self->district_row, producer->district);
  set_entry_text (self->province_row, producer->province);
  set_entry_text (self->representative_row, producer->representative);
  set_entry_text (self->phone_row, producer->phone);
  set_entry_text (self->tax_code_row, producer->tax_code);
}

static OcopProduct *
product_copy (const OcopProduct *product)
{
  OcopProduct *copy = ocop_product_new ();

  *copy = *product;
  copy->code = g_strdup (product->code);
  copy->name = g_strdup (product->name);
  copy->product_set = g_strdup (product->product_set);
  copy->description = g_strdup (product->description);

  return copy;
}

static OcopProducer *
producer_copy (const OcopProducer *producer)
{
  OcopProducer *copy = ocop_producer_new ();

  *copy = *producer;
  copy->name = g_strdup (producer->name);
  copy->address = g_strdup (producer->address);
  copy->commune = g_strdup (producer->commune);
  copy->district = g_strdup (producer->district);
  copy->province = g_strdup (producer->province);
  copy->representative = g_strdup (producer->representative);
  copy->phone = g_strdup (producer->phone);
  copy->tax_code = g_strdup (producer->tax_code);

  return copy;
}

/* GObject */

static void
ocop_product_editor_dispose (GObject *object)
{
  OcopProductEditor *self = (OcopProductEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_PRODUCT_EDITOR);

  G_OBJECT_CLASS (ocop_product_editor_parent_class)->dispose (object);
}

static void
ocop_product_editor_finalize (GObject *object)
{
  OcopProductEditor *self = (OcopProductEditor *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->product, ocop_product_free);
  g_clear_pointer (&self->producer, ocop_producer_free);
  g_clear_pointer (&self->set_codes, g_ptr_array_unref);
  g_clear_pointer (&self->producer_ids, g_array_unref);

  G_OBJECT_CLASS (ocop_product_editor_parent_class)->finalize (object);
}

static void
ocop_product_editor_class_init (OcopProductEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_product_editor_dispose;
  object_class->finalize = ocop_product_editor_finalize;

  /**
   * OcopProductEditor::saved:
   *
   * The form was written; the ids are in get_product_id () and get_producer_id ().
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-product-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, product_group);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, set_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, evaluation_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, stars_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, producer_choice_group);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, producer_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, producer_group);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, producer_name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, commune_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, province_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, representative_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductEditor, tax_code_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ocop_product_editor_init (OcopProductEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_entry_activated_cb (OcopProductEditor *self)
{
  ocop_product_editor_save (self, NULL);
}

static void
connect_rows (OcopProductEditor *self)
{
  AdwEntryRow *entries[] = {
    self->name_row, self->code_row, self->year_row, self->description_row,
    self->producer_name_row, self->address_row, self->commune_row, self->district_row,
    self->province_row, self->representative_row, self->phone_row, self->tax_code_row,
  };
  AdwComboRow *combos[] = {
    self->set_row, self->evaluation_row, self->stars_row, self->subject_row, self->producer_row,
  };

  /* A changed field loses its error mark; Enter in a field saves. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_row_changed_cb), NULL);
      g_signal_connect_object (entries[i], "entry-activated", G_CALLBACK (on_entry_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect (combos[i], "notify::selected", G_CALLBACK (on_row_changed_cb), NULL);

  g_signal_connect_object (self->producer_row, "notify::selected",
                           G_CALLBACK (on_producer_row_selected_cb), self, G_CONNECT_SWAPPED);
}

static OcopProductEditor *
editor_new (OcopDb          *db,
            OcopCriteriaSet *set,
            gboolean         for_producer)
{
  OcopProductEditor *self = g_object_new (OCOP_TYPE_PRODUCT_EDITOR, NULL);

  self->db = g_object_ref (db);
  self->for_producer = for_producer;
  fill_choices (self, set);

  return self;
}

GtkWidget *
ocop_product_editor_new_for_product (OcopDb            *db,
                                     OcopCriteriaSet   *set,
                                     const OcopProduct *product,
                                     gint64             producer_id)
{
  OcopProductEditor *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = editor_new (db, set, FALSE);

  if (product != NULL)
    {
      self->product = product_copy (product);
      fill_product (self, product);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Product"));
    }
  else
    {
      if (producer_id > 0)
        select_producer (self, producer_id);
      gtk_window_set_title (GTK_WINDOW (self), _("New Product"));
    }

  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  connect_rows (self);
  update_visibility (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

GtkWidget *
ocop_product_editor_new_for_producer (OcopDb             *db,
                                      const OcopProducer *producer)
{
  OcopProductEditor *self;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = editor_new (db, NULL, TRUE);

  if (producer != NULL)
    {
      self->producer = producer_copy (producer);
      fill_producer (self, producer);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Producer"));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Producer"));

  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  connect_rows (self);
  update_visibility (self);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
  gtk_widget_grab_focus (GTK_WIDGET (self->producer_name_row));

  return GTK_WIDGET (self);
}

gint64
ocop_product_editor_get_product_id (OcopProductEditor *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCT_EDITOR (self), 0);

  return self->saved_product_id;
}

gint64
ocop_product_editor_get_producer_id (OcopProductEditor *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCT_EDITOR (self), 0);

  return self->saved_producer_id;
}
