/* ocop-products-page.c: the register of products and producers
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-products-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ocop-criteria-store.h"
#include "ocop-import-dialog.h"
#include "ocop-product-editor.h"
#include "ocop-products-page.h"
#include "ocop-products-page-private.h"
#include "ocop-record-objects.h"
#include "ocop-registry.h"
#include "ocop-ui-util.h"
#include "ocop-window.h"

/* The whole register is read in one query (ocop_db_list_product_listings) into a
 * GListStore; search and filters run in memory over the stored folded keys through a
 * GtkFilterListModel, so that typing never waits for the database. With 15 000
 * products a change of the search text filters in a few milliseconds (one strstr ()
 * per word and product), so the filter is not incremental: the count and the list
 * stay in step.
 *
 * Threads: reading the whole register takes some 40–50 ms at 15 000 products, more
 * than a frame, so (re)loads run in a GTask thread on the page's OWN connection to the
 * database file (opened lazily in the thread and kept; SQLite's WAL lets it read
 * beside the window's connection), the way the Statistics page computes its figures.
 * The old list stays shown until the new one arrives; the result of a load that a
 * newer reload has overtaken is dropped. An in-memory database has no second
 * connection: it is read on the main thread. */

typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  char            *path;     /* NULL: an in-memory database, read on the main thread */
  OcopDb          *db;       /* the reader's connection, opened in the thread */
} Reader;

typedef struct
{
  Reader *reader;
  guint   generation;
} LoadJob;

typedef struct
{
  GPtrArray *products;       /* OcopProductObject */
  GPtrArray *producers;      /* OcopProducerObject */
} Listings;

struct _OcopProductsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *main_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkToggleButton    *products_toggle;
  GtkToggleButton    *producers_toggle;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *products_view;
  GtkListView        *producers_view;
  GtkStack           *detail_stack;
  GtkLabel           *product_set_badge;
  GtkLabel           *product_name_label;
  GtkLabel           *product_code_label;
  GtkLabel           *product_set_label;
  AdwActionRow       *evaluation_row;
  AdwActionRow       *stars_row;
  AdwActionRow       *year_row;
  AdwActionRow       *producer_name_row;
  AdwActionRow       *subject_type_row;
  AdwActionRow       *address_row;
  AdwPreferencesGroup *producer_group;
  AdwActionRow       *p_subject_type_row;
  AdwActionRow       *p_address_row;
  AdwActionRow       *p_representative_row;
  AdwActionRow       *p_phone_row;
  AdwActionRow       *p_tax_code_row;
  GtkListBox         *producer_products_list;
  GtkDropDown        *set_dropdown;
  GtkDropDown        *province_dropdown;
  GtkDropDown        *district_dropdown;
  GtkDropDown        *subject_dropdown;

  /* Owned */
  OcopDb             *db;
  OcopCriteriaSet    *criteria;        /* the newest stored set, for sheet names */
  GListStore         *products;        /* OcopProductObject */
  GListStore         *producers;       /* OcopProducerObject */
  GtkFilterListModel *products_filtered;
  GtkFilterListModel *producers_filtered;
  GtkSingleSelection *products_selection;
  GtkSingleSelection *producers_selection;
  GtkCustomFilter    *products_filter;
  GtkCustomFilter    *producers_filter;
  OcopProductFilter  *filter;
  GPtrArray          *set_codes;       /* char*, [0] = NULL for "all" */
  GPtrArray          *provinces;       /* char*, [0] = NULL */
  GPtrArray          *districts;       /* char*, [0] = NULL */
  gboolean            updating_filters;
  Reader             *reader;
  guint               generation;      /* of the newest load */
  guint               n_loading;       /* loads not yet finished */
  gboolean            loaded;          /* a load has been shown */
  gint64              reveal_product_id;   /* to select after the next load */
  gint64              reveal_producer_id;
};

G_DEFINE_FINAL_TYPE (OcopProductsPage, ocop_products_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ocop_products_page_update_detail  (OcopProductsPage *self);
static void ocop_products_page_update_actions (OcopProductsPage *self);

/* Helpers */

static void
show_error_toast (OcopProductsPage *self,
                  const GError     *error)
{
  ocop_ui_show_toast (GTK_WIDGET (self), error->message);
}

static const OcopSheet *
find_sheet (OcopProductsPage *self,
            const char       *code)
{
  if (self->criteria == NULL || code == NULL)
    return NULL;

  return ocop_criteria_set_find_sheet (self->criteria, code);
}

static GtkExpression *
string_object_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

/* Sets a drop-down's strings; @first is the "all" entry. */
static void
set_dropdown_strings (GtkDropDown *dropdown,
                      const char  *first,
                      GPtrArray   *values,
                      guint        from)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = from; values != NULL && i < values->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (values, i));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

static GPtrArray *
with_all_entry (GPtrArray *values)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (out, NULL);
  for (guint i = 0; values != NULL && i < values->len; i++)
    g_ptr_array_add (out, g_strdup (g_ptr_array_index (values, i)));

  return out;
}

/* The list rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "row-title");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *title_text = NULL;
  const char *subtitle_text = NULL;

  if (OCOP_IS_PRODUCT_OBJECT (object))
    {
      title_text = ocop_product_object_get_title (OCOP_PRODUCT_OBJECT (object));
      subtitle_text = ocop_product_object_get_subtitle (OCOP_PRODUCT_OBJECT (object));
    }
  else if (OCOP_IS_PRODUCER_OBJECT (object))
    {
      title_text = ocop_producer_object_get_title (OCOP_PRODUCER_OBJECT (object));
      subtitle_text = ocop_producer_object_get_subtitle (OCOP_PRODUCER_OBJECT (object));
    }

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text);
}

static GtkListItemFactory *
make_row_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);

  return factory;
}

/* Filtering */

static gboolean
product_filter_func (gpointer item,
                     gpointer user_data)
{
  OcopProductsPage *self = user_data;

  return ocop_product_filter_matches (self->filter,
                                      ocop_product_object_get_listing (OCOP_PRODUCT_OBJECT (item)));
}

static gboolean
producer_filter_func (gpointer item,
                      gpointer user_data)
{
  OcopProductsPage *self = user_data;

  return ocop_product_filter_matches_producer (self->filter,
                                               ocop_producer_object_get_listing (OCOP_PRODUCER_OBJECT (item)));
}

static gboolean
showing_producers (OcopProductsPage *self)
{
  return gtk_toggle_button_get_active (self->producers_toggle);
}

static void
update_count (OcopProductsPage *self)
{
  gboolean producers = showing_producers (self);
  guint shown = g_list_model_get_n_items (producers ? G_LIST_MODEL (self->producers_filtered)
                                                    : G_LIST_MODEL (self->products_filtered));
  guint total = g_list_model_get_n_items (producers ? G_LIST_MODEL (self->producers)
                                                    : G_LIST_MODEL (self->products));
  g_autofree char *text = NULL;

  if (shown == total)
    text = producers
      /* Translators: the number of producers in the register */
      ? g_strdup_printf (ngettext ("%u producer", "%u producers", total), total)
      /* Translators: the number of products in the register */
      : g_strdup_printf (ngettext ("%u product", "%u products", total), total);
  else
    text = producers
      /* Translators: producers shown by a search or filter, “3 of 120 producers” */
      ? g_strdup_printf (ngettext ("%u of %u producer", "%u of %u producers", total), shown, total)
      /* Translators: products shown by a search or filter, “3 of 120 products” */
      : g_strdup_printf (ngettext ("%u of %u product", "%u of %u products", total), shown, total);

  gtk_label_set_text (self->count_label, text);

  if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, producers ? "producers" : "products");

  if (ocop_product_filter_has_criteria (self->filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filter-active");
}

static void
refilter (OcopProductsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->products_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->producers_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  ocop_products_page_update_detail (self);
}

static void
on_search_changed_cb (OcopProductsPage *self,
                      GtkSearchEntry   *entry)
{
  ocop_product_filter_set_query (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  refilter (self);
}

static void
on_kind_toggled_cb (OcopProductsPage *self,
                    GtkToggleButton  *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  /* gtk_search_entry_set_placeholder_text () is GTK 4.10; the property is older. */
  g_object_set (self->search_entry, "placeholder-text",
                showing_producers (self) ? _("Search name, address, tax code")
                                         : _("Search name, code, producer, place"),
                NULL);
  update_count (self);
  ocop_products_page_update_detail (self);
}

static const char *
selected_string (GPtrArray   *values,
                 GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (values == NULL || i == GTK_INVALID_LIST_POSITION || i >= values->len)
    return NULL;

  return g_ptr_array_index (values, i);
}

static void
rebuild_districts (OcopProductsPage *self)
{
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GError) error = NULL;

  districts = ocop_db_list_districts (self->db, self->filter->province, &error);
  if (districts == NULL)
    g_warning ("%s", error->message);

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  self->districts = with_all_entry (districts);
  set_dropdown_strings (self->district_dropdown, _("All districts"), self->districts, 1);
}

static void
on_filter_dropdown_cb (OcopProductsPage *self,
                       GParamSpec       *pspec,
                       GtkDropDown      *dropdown)
{
  guint subject;

  if (self->updating_filters)
    return;

  self->updating_filters = TRUE;

  if (dropdown == self->set_dropdown)
    {
      g_free (self->filter->product_set);
      self->filter->product_set = g_strdup (selected_string (self->set_codes, dropdown));
    }
  else if (dropdown == self->province_dropdown)
    {
      g_free (self->filter->province);
      self->filter->province = g_strdup (selected_string (self->provinces, dropdown));
      g_clear_pointer (&self->filter->district, g_free);
      rebuild_districts (self);
    }
  else if (dropdown == self->district_dropdown)
    {
      g_free (self->filter->district);
      self->filter->district = g_strdup (selected_string (self->districts, dropdown));
    }
  else if (dropdown == self->subject_dropdown)
    {
      subject = gtk_drop_down_get_selected (dropdown);
      self->filter->subject_type = (subject == 0 || subject == GTK_INVALID_LIST_POSITION)
                                   ? -1 : (int) subject - 1;
    }

  self->updating_filters = FALSE;

  refilter (self);
}

static void
reset_filters (OcopProductsPage *self)
{
  self->updating_filters = TRUE;
  g_clear_pointer (&self->filter->product_set, g_free);
  g_clear_pointer (&self->filter->province, g_free);
  g_clear_pointer (&self->filter->district, g_free);
  self->filter->subject_type = -1;
  gtk_drop_down_set_selected (self->set_dropdown, 0);
  gtk_drop_down_set_selected (self->province_dropdown, 0);
  gtk_drop_down_set_selected (self->subject_dropdown, 0);
  if (self->db != NULL)
    rebuild_districts (self);
  self->updating_filters = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  ocop_product_filter_set_query (self->filter, NULL);
  refilter (self);
}

static void
rebuild_filter_choices (OcopProductsPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *product_set = g_strdup (self->filter->product_set);
  g_autofree char *province = g_strdup (self->filter->province);
  g_autofree char *district = g_strdup (self->filter->district);

  self->updating_filters = TRUE;

  /* Product sets: the sheets of the newest criteria set. */
  g_clear_pointer (&self->set_codes, g_ptr_array_unref);
  self->set_codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->set_codes, NULL);
  g_ptr_array_add (labels, NULL);
  for (guint i = 0; self->criteria != NULL && i < self->criteria->sheets->len; i++)
    {
      const OcopSheet *sheet = g_ptr_array_index (self->criteria->sheets, i);

      g_ptr_array_add (self->set_codes, g_strdup (sheet->code));
      /* Translators: a product set in the filter, “06 — Bánh kẹo…”: the sheet number
       * and its name */
      g_ptr_array_add (labels, g_strdup_printf (_("%s — %s"), sheet->code, sheet->name));
    }
  set_dropdown_strings (self->set_dropdown, _("All product sets"), labels, 1);

  provinces = ocop_db_list_provinces (self->db, &error);
  if (provinces == NULL)
    g_warning ("%s", error->message);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  self->provinces = with_all_entry (provinces);
  set_dropdown_strings (self->province_dropdown, _("All provinces"), self->provinces, 1);

  for (guint i = 0; i < OCOP_SUBJECT_N; i++)
    g_ptr_array_add (subjects, (gpointer) ocop_subject_type_get_label (i));
  set_dropdown_strings (self->subject_dropdown, _("All subject types"), subjects, 0);

  /* Keep what was chosen, when it still exists. */
  g_clear_pointer (&self->filter->product_set, g_free);
  g_clear_pointer (&self->filter->province, g_free);
  g_clear_pointer (&self->filter->district, g_free);
  for (guint i = 1; product_set != NULL && i < self->set_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->set_codes, i), product_set) == 0)
      {
        gtk_drop_down_set_selected (self->set_dropdown, i);
        self->filter->product_set = g_strdup (product_set);
      }
  for (guint i = 1; province != NULL && i < self->provinces->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->provinces, i), province) == 0)
      {
        gtk_drop_down_set_selected (self->province_dropdown, i);
        self->filter->province = g_strdup (province);
      }
  rebuild_districts (self);
  for (guint i = 1; district != NULL && i < self->districts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->districts, i), district) == 0)
      {
        gtk_drop_down_set_selected (self->district_dropdown, i);
        self->filter->district = g_strdup (district);
      }
  if (self->filter->subject_type >= 0)
    gtk_drop_down_set_selected (self->subject_dropdown, (guint) self->filter->subject_type + 1);

  self->updating_filters = FALSE;
}

/* The detail pane */

static OcopProductObject *
get_selected_product (OcopProductsPage *self)
{
  return gtk_single_selection_get_selected_item (self->products_selection);
}

static OcopProducerObject *
get_selected_producer (OcopProductsPage *self)
{
  return gtk_single_selection_get_selected_item (self->producers_selection);
}

static char *
format_sheet (OcopProductsPage *self,
              const char       *code)
{
  const OcopSheet *sheet = find_sheet (self, code);

  if (sheet != NULL)
    /* Translators: the product set of a product: the sheet number and the name of the
     * product set in the current criteria set, “Sheet 06 — Bánh kẹo…” */
    return g_strdup_printf (_("Sheet %s — %s"), sheet->code, sheet->name);

  /* Translators: a product set that the current criteria set has no sheet for; %s is
   * its number */
  return g_strdup_printf (_("Product set %s"), code);
}

static void
show_product (OcopProductsPage         *self,
              const OcopProductListing *listing)
{
  const OcopProduct *p = listing->product;
  g_autofree char *sheet = format_sheet (self, p->product_set);
  g_autofree char *address = ocop_format_locality (listing->address, listing->commune,
                                                   listing->district, listing->province);
  g_autofree char *stars = NULL;
  g_autofree char *year = NULL;

  gtk_label_set_text (self->product_set_badge, p->product_set);
  gtk_label_set_text (self->product_name_label, p->name);
  gtk_label_set_text (self->product_code_label, p->code != NULL ? p->code : _("No product code yet"));
  gtk_label_set_text (self->product_set_label, sheet);

  adw_action_row_set_subtitle (self->evaluation_row, ocop_evaluation_type_get_label (p->evaluation_type));
  if (p->proposed_stars > 0)
    /* Translators: the stars a producer proposes for its product, “4 stars” */
    stars = g_strdup_printf (ngettext ("%d star", "%d stars", p->proposed_stars), p->proposed_stars);
  adw_action_row_set_subtitle (self->stars_row, ocop_ui_or_dash (stars));
  if (p->year > 0)
    year = g_strdup_printf ("%d", p->year);
  adw_action_row_set_subtitle (self->year_row, ocop_ui_or_dash (year));

  adw_action_row_set_subtitle (self->producer_name_row, listing->producer_name);
  adw_action_row_set_subtitle (self->subject_type_row, ocop_subject_type_get_label (listing->subject_type));
  adw_action_row_set_subtitle (self->address_row, ocop_ui_or_dash (address));

  gtk_stack_set_visible_child_name (self->detail_stack, "product");
}

static void
show_producer (OcopProductsPage          *self,
               const OcopProducerListing *listing)
{
  const OcopProducer *p = listing->producer;
  g_autofree char *address = ocop_format_locality (p->address, p->commune, p->district, p->province);
  GtkWidget *child;

  adw_preferences_group_set_title (self->producer_group, p->name);
  adw_action_row_set_subtitle (self->p_subject_type_row, ocop_subject_type_get_label (p->subject_type));
  adw_action_row_set_subtitle (self->p_address_row, ocop_ui_or_dash (address));
  adw_action_row_set_subtitle (self->p_representative_row, ocop_ui_or_dash (p->representative));
  adw_action_row_set_subtitle (self->p_phone_row, ocop_ui_or_dash (p->phone));
  adw_action_row_set_subtitle (self->p_tax_code_row, ocop_ui_or_dash (p->tax_code));

  /* The producer's products, from the loaded register. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->producer_products_list))) != NULL)
    gtk_list_box_remove (self->producer_products_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->products)); i++)
    {
      g_autoptr(OcopProductObject) object = g_list_model_get_item (G_LIST_MODEL (self->products), i);
      const OcopProductListing *l = ocop_product_object_get_listing (object);
      GtkWidget *row;
      g_autofree char *sheet = NULL;

      if (l->product->producer_id != p->id)
        continue;

      sheet = format_sheet (self, l->product->product_set);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l->product->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sheet);
      gtk_list_box_append (self->producer_products_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->producer_products_list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No products yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->producer_products_list, row);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "producer");
}

static void
ocop_products_page_update_detail (OcopProductsPage *self)
{
  if (showing_producers (self))
    {
      OcopProducerObject *producer = get_selected_producer (self);

      if (producer != NULL)
        show_producer (self, ocop_producer_object_get_listing (producer));
      else
        gtk_stack_set_visible_child_name (self->detail_stack, "none");
    }
  else
    {
      OcopProductObject *product = get_selected_product (self);

      if (product != NULL)
        show_product (self, ocop_product_object_get_listing (product));
      else
        gtk_stack_set_visible_child_name (self->detail_stack, "none");
    }

  ocop_products_page_update_actions (self);
}

static void
ocop_products_page_update_actions (OcopProductsPage *self)
{
  gboolean have_db = self->db != NULL;
  gboolean product = get_selected_product (self) != NULL && !showing_producers (self);
  gboolean producer = (product || get_selected_producer (self) != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.add", have_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.import", have_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.edit", product);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.delete", product);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.edit-producer", producer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.delete-producer",
                                 showing_producers (self) && get_selected_producer (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.add-for-producer",
                                 showing_producers (self) && get_selected_producer (self) != NULL);
}

static void
on_selection_changed_cb (OcopProductsPage *self)
{
  ocop_products_page_update_detail (self);
}

static void
on_list_activate_cb (OcopProductsPage *self,
                     guint             position,
                     GtkListView      *view)
{
  GtkSingleSelection *selection = view == self->products_view ? self->products_selection
                                                              : self->producers_selection;

  gtk_single_selection_set_selected (selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Loading */

static gint64
selected_id (OcopProductsPage *self,
             gboolean          producers)
{
  if (producers)
    {
      OcopProducerObject *object = get_selected_producer (self);

      return object != NULL ? ocop_producer_object_get_listing (object)->producer->id : 0;
    }
  else
    {
      OcopProductObject *object = get_selected_product (self);

      return object != NULL ? ocop_product_object_get_listing (object)->product->id : 0;
    }
}

static gboolean
select_producer (OcopProductsPage *self,
                 gint64            producer_id)
{
  GListModel *model = G_LIST_MODEL (self->producers_filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OcopProducerObject) object = g_list_model_get_item (model, i);

      if (ocop_producer_object_get_listing (object)->producer->id == producer_id)
        {
          gtk_single_selection_set_selected (self->producers_selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
load_criteria (OcopProductsPage *self)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->criteria, ocop_criteria_set_unref);

  sets = ocop_db_list_criteria_sets (self->db, &error);
  if (sets == NULL || sets->len == 0)
    return;

  /* The newest set: the one councils score on today. */
  self->criteria = ocop_db_load_criteria_set (self->db,
                                              ((OcopCriteriaSetInfo *) g_ptr_array_index (sets, 0))->id,
                                              &error);
  if (self->criteria == NULL)
    g_warning ("%s", error->message);
}

/* The reader */

static Reader *
reader_new (const char *path)
{
  Reader *reader = g_new0 (Reader, 1);

  g_atomic_ref_count_init (&reader->ref_count);
  g_mutex_init (&reader->mutex);
  if (path != NULL && path[0] != '\0' && strcmp (path, ":memory:") != 0 &&
      !g_str_has_prefix (path, "file:"))
    reader->path = g_strdup (path);

  return reader;
}

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref_count);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (g_atomic_ref_count_dec (&reader->ref_count))
    {
      g_clear_object (&reader->db);
      g_mutex_clear (&reader->mutex);
      g_free (reader->path);
      g_free (reader);
    }
}

static void
load_job_free (LoadJob *job)
{
  g_clear_pointer (&job->reader, reader_unref);
  g_free (job);
}

static void
listings_free (Listings *listings)
{
  g_clear_pointer (&listings->products, g_ptr_array_unref);
  g_clear_pointer (&listings->producers, g_ptr_array_unref);
  g_free (listings);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listings, listings_free)

/* Reads the register into list objects; safe in any thread. */
static Listings *
read_listings (OcopDb  *db,
               GError **error)
{
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) producers = NULL;
  Listings *listings;

  products = ocop_db_list_product_listings (db, NULL, error);
  if (products == NULL)
    return NULL;
  producers = ocop_db_list_producer_listings (db, error);
  if (producers == NULL)
    return NULL;

  listings = g_new0 (Listings, 1);
  listings->products = g_ptr_array_new_full (products->len, g_object_unref);
  for (guint i = 0; i < products->len; i++)
    g_ptr_array_add (listings->products, ocop_product_object_new (g_ptr_array_index (products, i)));
  g_ptr_array_set_free_func (products, NULL);   /* the objects own the listings now */

  listings->producers = g_ptr_array_new_full (producers->len, g_object_unref);
  for (guint i = 0; i < producers->len; i++)
    g_ptr_array_add (listings->producers, ocop_producer_object_new (g_ptr_array_index (producers, i)));
  g_ptr_array_set_free_func (producers, NULL);

  return listings;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  Reader *reader = job->reader;
  GError *error = NULL;
  Listings *listings = NULL;

  g_mutex_lock (&reader->mutex);

  if (reader->db == NULL)
    reader->db = ocop_db_open (reader->path, &error);
  if (reader->db != NULL)
    listings = read_listings (reader->db, &error);

  g_mutex_unlock (&reader->mutex);

  if (listings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, listings, (GDestroyNotify) listings_free);
}

/* Shows what was read, keeping the selection (and the search and filters). */
static void
show_listings (OcopProductsPage *self,
               Listings         *listings)
{
  gint64 product_id = selected_id (self, FALSE);
  gint64 producer_id = selected_id (self, TRUE);
  gint64 reveal_product_id = self->reveal_product_id;
  gint64 reveal_producer_id = self->reveal_producer_id;

  self->reveal_product_id = 0;
  self->reveal_producer_id = 0;

  if (self->criteria == NULL)
    load_criteria (self);

  /* One splice each, so that the views see one change. */
  g_list_store_splice (self->products, 0, g_list_model_get_n_items (G_LIST_MODEL (self->products)),
                       listings->products->pdata, listings->products->len);
  g_list_store_splice (self->producers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->producers)),
                       listings->producers->pdata, listings->producers->len);

  rebuild_filter_choices (self);
  refilter (self);

  self->loaded = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->main_stack), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->products)) == 0 &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->producers)) == 0
                                    ? "empty" : "register");

  if (product_id != 0)
    ocop_products_page_select_product (self, product_id);
  if (producer_id != 0)
    select_producer (self, producer_id);

  /* A product or producer just saved: show it, even when the search would hide it. */
  if (reveal_product_id != 0)
    {
      if (!ocop_products_page_select_product (self, reveal_product_id))
        {
          reset_filters (self);
          ocop_products_page_select_product (self, reveal_product_id);
        }
      gtk_toggle_button_set_active (self->products_toggle, TRUE);
    }
  else if (reveal_producer_id != 0)
    {
      if (!select_producer (self, reveal_producer_id))
        {
          reset_filters (self);
          select_producer (self, reveal_producer_id);
        }
    }

  ocop_products_page_update_detail (self);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (object);
  GTask *task = G_TASK (result);
  LoadJob *job = g_task_get_task_data (task);
  g_autoptr(Listings) listings = NULL;
  g_autoptr(GError) error = NULL;

  self->n_loading--;
  listings = g_task_propagate_pointer (task, &error);

  /* Disposed, or overtaken by a newer reload. */
  if (self->reader == NULL || job->generation != self->generation)
    return;

  if (listings == NULL)
    {
      self->reveal_product_id = 0;
      self->reveal_producer_id = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->main_stack), TRUE);
      show_error_toast (self, error);
      return;
    }

  show_listings (self, listings);
}

gboolean
ocop_products_page_reload (OcopProductsPage  *self,
                           GError           **error)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), FALSE);

  if (self->db == NULL)
    return TRUE;

  /* A load still running is now stale. */
  self->generation++;

  if (self->reader == NULL)
    self->reader = reader_new (ocop_db_get_path (self->db));

  if (self->reader->path == NULL)
    {
      /* No second connection to an in-memory database: read it here. */
      g_autoptr(Listings) listings = read_listings (self->db, error);

      if (listings == NULL)
        {
          self->reveal_product_id = 0;
          self->reveal_producer_id = 0;
          return FALSE;
        }
      show_listings (self, listings);
      return TRUE;
    }

  /* Until the first load arrives, show neither the register nor "No Products Yet". */
  if (!self->loaded)
    gtk_widget_set_visible (GTK_WIDGET (self->main_stack), FALSE);

  job = g_new0 (LoadJob, 1);
  job->reader = reader_ref (self->reader);
  job->generation = self->generation;

  task = g_task_new (self, NULL, load_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_set_source_tag (task, ocop_products_page_reload);
  self->n_loading++;
  g_task_run_in_thread (task, load_thread);

  return TRUE;
}

static void
reload_or_toast (OcopProductsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!ocop_products_page_reload (self, &error))
    show_error_toast (self, error);
}

/* Editors */

static void
on_editor_saved_cb (OcopProductsPage  *self,
                    OcopProductEditor *editor)
{
  gint64 product_id = ocop_product_editor_get_product_id (editor);
  gint64 producer_id = ocop_product_editor_get_producer_id (editor);

  /* Selected (and shown) when the reloaded list arrives. */
  self->reveal_product_id = product_id;
  self->reveal_producer_id = product_id != 0 ? 0 : producer_id;

  reload_or_toast (self);

  if (product_id != 0)
    ocop_ui_show_toast (GTK_WIDGET (self), _("Product saved"));
  else if (producer_id != 0)
    ocop_ui_show_toast (GTK_WIDGET (self), _("Producer saved"));
}

static GtkWindow *
present_editor (OcopProductsPage *self,
                GtkWidget        *editor)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), ocop_ui_get_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

GtkWindow *
ocop_products_page_add_product (OcopProductsPage *self)
{
  gint64 producer_id = 0;

  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  if (showing_producers (self))
    producer_id = selected_id (self, TRUE);

  return present_editor (self, ocop_product_editor_new_for_product (self->db, self->criteria,
                                                                    NULL, producer_id));
}

GtkWindow *
ocop_products_page_add_producer (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return present_editor (self, ocop_product_editor_new_for_producer (self->db, NULL));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);

  if (showing_producers (self) && g_strcmp0 (action_name, "products.add") == 0 &&
      get_selected_producer (self) == NULL)
    ocop_products_page_add_producer (self);
  else
    ocop_products_page_add_product (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);
  OcopProductObject *object = get_selected_product (self);

  if (object == NULL)
    return;

  present_editor (self,
                  ocop_product_editor_new_for_product (self->db, self->criteria,
                                                       ocop_product_object_get_listing (object)->product, 0));
}

static void
edit_producer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);
  g_autoptr(OcopProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (showing_producers (self))
    id = selected_id (self, TRUE);
  else if (get_selected_product (self) != NULL)
    id = ocop_product_object_get_listing (get_selected_product (self))->product->producer_id;
  else
    return;

  producer = ocop_db_get_producer (self->db, id, &error);
  if (producer == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  present_editor (self, ocop_product_editor_new_for_producer (self->db, producer));
}

static void
add_for_producer_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  ocop_products_page_add_product (OCOP_PRODUCTS_PAGE (widget));
}

/* Deleting */

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OcopProductsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ocop-id"));
  gboolean producer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ocop-producer"));
  gboolean ok;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (producer)
    ok = ocop_db_delete_producer (self->db, id, &error);
  else
    ok = ocop_db_delete_product (self->db, id, &error);

  if (!ok)
    {
      show_error_toast (self, error);
      return;
    }

  if (producer)
    gtk_single_selection_set_selected (self->producers_selection, GTK_INVALID_LIST_POSITION);
  else
    gtk_single_selection_set_selected (self->products_selection, GTK_INVALID_LIST_POSITION);

  reload_or_toast (self);
  ocop_ui_show_toast (GTK_WIDGET (self), producer ? _("Producer deleted") : _("Product deleted"));
}

static void
confirm_delete (OcopProductsPage *self,
                gboolean          producer,
                gint64            id,
                const char       *name)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  /* Translators: the question before deleting a product or a producer; %s is its name */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), heading,
                                   producer
                                   ? _("The producer is removed from the register. A producer with products cannot be deleted.")
                                   : _("The product is removed from the register. A product evaluated at a meeting cannot be deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ocop-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (dialog), "ocop-producer", GINT_TO_POINTER (producer));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);
  OcopProductObject *object = get_selected_product (self);

  if (object != NULL)
    confirm_delete (self, FALSE, ocop_product_object_get_listing (object)->product->id,
                    ocop_product_object_get_title (object));
}

static void
delete_producer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);
  OcopProducerObject *object = get_selected_producer (self);

  if (object != NULL)
    confirm_delete (self, TRUE, ocop_producer_object_get_listing (object)->producer->id,
                    ocop_producer_object_get_title (object));
}

/* Importing */

static void
on_imported_cb (OcopProductsPage *self,
                guint             n_imported,
                guint             n_created,
                OcopImportDialog *dialog)
{
  g_autofree char *message = NULL;

  reload_or_toast (self);

  if (n_created > 0)
    /* Translators: after an import; the first %u is the number of products, the second
     * the number of producers that were added with them */
    message = g_strdup_printf (ngettext ("%u product imported, with %u new producers",
                                         "%u products imported, with %u new producers",
                                         n_imported),
                               n_imported, n_created);
  else
    /* Translators: after an import; %u is the number of products */
    message = g_strdup_printf (ngettext ("%u product imported", "%u products imported", n_imported),
                               n_imported);
  ocop_ui_show_toast (GTK_WIDGET (self), message);
}

GtkWindow *
ocop_products_page_import_file (OcopProductsPage *self,
                                GFile            *file)
{
  GtkWidget *dialog;

  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  dialog = ocop_import_dialog_new (self->db, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), ocop_ui_get_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  ocop_import_dialog_check (OCOP_IMPORT_DIALOG (dialog));

  return GTK_WINDOW (dialog);
}

static void
on_file_chooser_response_cb (GtkNativeDialog  *native,
                             int               response,
                             OcopProductsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        ocop_products_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
ocop_products_page_import (OcopProductsPage *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (OCOP_IS_PRODUCTS_PAGE (self));

  native = gtk_file_chooser_native_new (_("Import Register"),
                                        ocop_ui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));

  /* No XLSX reader is packaged for the baseline (libxlsxwriter only writes), so the
   * filter says how to get a CSV from a workbook. */
  gtk_file_filter_set_name (csv, _("CSV files (save XLSX workbooks as “CSV UTF-8” first)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "CSV");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);

  g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ocop_products_page_import (OCOP_PRODUCTS_PAGE (widget));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  reset_filters (OCOP_PRODUCTS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
ocop_products_page_dispose (GObject *object)
{
  OcopProductsPage *self = (OcopProductsPage *)object;

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_PRODUCTS_PAGE);

  g_clear_object (&self->products_selection);
  g_clear_object (&self->producers_selection);
  g_clear_object (&self->products_filtered);
  g_clear_object (&self->producers_filtered);
  g_clear_object (&self->products);
  g_clear_object (&self->producers);

  /* Closes the second connection, or lets the running load close it. */
  g_clear_pointer (&self->reader, reader_unref);

  G_OBJECT_CLASS (ocop_products_page_parent_class)->dispose (object);
}

static void
ocop_products_page_finalize (GObject *object)
{
  OcopProductsPage *self = (OcopProductsPage *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->criteria, ocop_criteria_set_unref);
  g_clear_pointer (&self->filter, ocop_product_filter_free);
  g_clear_pointer (&self->set_codes, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (ocop_products_page_parent_class)->finalize (object);
}

static void
ocop_products_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_products_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OcopProductsPage *self = OCOP_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      ocop_products_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_products_page_class_init (OcopProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_products_page_dispose;
  object_class->finalize = ocop_products_page_finalize;
  object_class->get_property = ocop_products_page_get_property;
  object_class->set_property = ocop_products_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, content);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, products_toggle);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, producers_toggle);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, products_view);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, producers_view);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, product_set_badge);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, product_name_label);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, product_code_label);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, product_set_label);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, evaluation_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, stars_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, producer_name_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, subject_type_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, producer_group);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, p_subject_type_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, p_address_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, p_representative_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, p_phone_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, p_tax_code_row);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, producer_products_list);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopProductsPage, subject_dropdown);

  gtk_widget_class_install_action (widget_class, "products.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "products.add-for-producer", NULL, add_for_producer_action);
  gtk_widget_class_install_action (widget_class, "products.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "products.edit-producer", NULL, edit_producer_action);
  gtk_widget_class_install_action (widget_class, "products.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "products.delete-producer", NULL, delete_producer_action);
  gtk_widget_class_install_action (widget_class, "products.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "products.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "products.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "products.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "products.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "products.add", NULL);
}

static void
ocop_products_page_init (OcopProductsPage *self)
{
  g_autoptr(GtkListItemFactory) products_factory = make_row_factory ();
  g_autoptr(GtkListItemFactory) producers_factory = make_row_factory ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = ocop_product_filter_new ();

  self->products = g_list_store_new (OCOP_TYPE_PRODUCT_OBJECT);
  self->products_filter = gtk_custom_filter_new (product_filter_func, self, NULL);
  self->products_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->products)),
                                                       GTK_FILTER (self->products_filter));
  self->products_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->products_filtered)));
  gtk_single_selection_set_autoselect (self->products_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->products_selection, TRUE);
  gtk_list_view_set_model (self->products_view, GTK_SELECTION_MODEL (self->products_selection));
  gtk_list_view_set_factory (self->products_view, products_factory);

  self->producers = g_list_store_new (OCOP_TYPE_PRODUCER_OBJECT);
  self->producers_filter = gtk_custom_filter_new (producer_filter_func, self, NULL);
  self->producers_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->producers)),
                                                        GTK_FILTER (self->producers_filter));
  self->producers_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->producers_filtered)));
  gtk_single_selection_set_autoselect (self->producers_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->producers_selection, TRUE);
  gtk_list_view_set_model (self->producers_view, GTK_SELECTION_MODEL (self->producers_selection));
  gtk_list_view_set_factory (self->producers_view, producers_factory);

  gtk_drop_down_set_expression (self->set_dropdown, string_object_expression ());
  gtk_drop_down_set_expression (self->province_dropdown, string_object_expression ());
  gtk_drop_down_set_expression (self->district_dropdown, string_object_expression ());

  g_signal_connect_object (self->products_selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->producers_selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->products_view, "activate",
                           G_CALLBACK (on_list_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->producers_view, "activate",
                           G_CALLBACK (on_list_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->products_toggle, "toggled",
                           G_CALLBACK (on_kind_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->producers_toggle, "toggled",
                           G_CALLBACK (on_kind_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->set_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_dropdown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->province_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_dropdown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->district_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_dropdown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_dropdown_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->sidebar));

  update_count (self);
  ocop_products_page_update_actions (self);
}

GtkWidget *
ocop_products_page_new (OcopDb *db)
{
  g_return_val_if_fail (db == NULL || OCOP_IS_DB (db), NULL);

  return g_object_new (OCOP_TYPE_PRODUCTS_PAGE, "db", db, NULL);
}

OcopDb *
ocop_products_page_get_db (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);

  return self->db;
}

void
ocop_products_page_set_db (OcopProductsPage *self,
                           OcopDb           *db)
{
  g_return_if_fail (OCOP_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (db == NULL || OCOP_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_pointer (&self->criteria, ocop_criteria_set_unref);
  g_clear_pointer (&self->reader, reader_unref);   /* opened for the new file on demand */
  self->generation++;                              /* a load of the old one is stale */
  if (self->db != NULL)
    reload_or_toast (self);
  ocop_products_page_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

GListModel *
ocop_products_page_get_products (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->products_filtered);
}

GListModel *
ocop_products_page_get_producers (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->producers_filtered);
}

gboolean
ocop_products_page_select_product (OcopProductsPage *self,
                                   gint64            product_id)
{
  GListModel *model;

  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->products_filtered);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OcopProductObject) object = g_list_model_get_item (model, i);

      if (ocop_product_object_get_listing (object)->product->id == product_id)
        {
          gtk_single_selection_set_selected (self->products_selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
ocop_products_page_get_selected_product_id (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), 0);

  return selected_id (self, FALSE);
}

GtkDropDown *
_ocop_products_page_get_filter_dropdown (OcopProductsPage *self,
                                         guint             index)
{
  GtkDropDown *dropdowns[4];

  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);
  g_return_val_if_fail (index < 4, NULL);

  dropdowns[0] = self->set_dropdown;
  dropdowns[1] = self->province_dropdown;
  dropdowns[2] = self->district_dropdown;
  dropdowns[3] = self->subject_dropdown;

  return dropdowns[index];
}

GtkSearchEntry *
_ocop_products_page_get_search_entry (OcopProductsPage *self)
{
  g_return_val_if_fail (OCOP_IS_PRODUCTS_PAGE (self), NULL);

  return self->search_entry;
}

void
_ocop_products_page_wait_idle (OcopProductsPage *self)
{
  g_return_if_fail (OCOP_IS_PRODUCTS_PAGE (self));

  while (self->n_loading > 0)
    g_main_context_iteration (NULL, TRUE);
}
