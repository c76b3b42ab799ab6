/* ocop-certificates-page.c: the certificate register
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-certificates-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ocop-certificate-render.h"
#include "ocop-certificates-page.h"
#include "ocop-issue-dialog.h"
#include "ocop-score-stars.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"
#include "ocop-verify-dialog.h"

/* The filters are the core's (ocop_db_list_certificates (): folded search, state on the
 * day, stars, locality, year), so the page, ocop-cli and the exports agree on what a
 * filter means. The preview, printing and "Export PDF" all call ocop_certificate_render ()
 * on documents built here on the main thread; the PDF is written in a GTask thread that
 * never sees the database. */

/* ---- OcopCertificateItem ---- */

struct _OcopCertificateItem
{
  GObject          parent_instance;

  OcopCertificate *certificate;
};

G_DEFINE_FINAL_TYPE (OcopCertificateItem, ocop_certificate_item, G_TYPE_OBJECT)

static void
ocop_certificate_item_finalize (GObject *object)
{
  OcopCertificateItem *self = (OcopCertificateItem *)object;

  g_clear_pointer (&self->certificate, ocop_certificate_free);

  G_OBJECT_CLASS (ocop_certificate_item_parent_class)->finalize (object);
}

static void
ocop_certificate_item_class_init (OcopCertificateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ocop_certificate_item_finalize;
}

static void
ocop_certificate_item_init (OcopCertificateItem *self)
{
}

OcopCertificateItem *
ocop_certificate_item_new (OcopCertificate *certificate)
{
  OcopCertificateItem *self;

  g_return_val_if_fail (certificate != NULL, NULL);

  self = g_object_new (OCOP_TYPE_CERTIFICATE_ITEM, NULL);
  self->certificate = certificate;

  return self;
}

const OcopCertificate *
ocop_certificate_item_get_certificate (OcopCertificateItem *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATE_ITEM (self), NULL);

  return self->certificate;
}

const char *
ocop_certificate_state_get_css_class (OcopCertificateState state)
{
  static const char * const classes[] = { "valid", "expiring", "expired", "revoked", "superseded" };

  g_return_val_if_fail (state < OCOP_CERTIFICATE_STATE_N, "valid");

  return classes[state];
}

/* ---- the page ---- */

typedef struct
{
  GPtrArray *docs;        /* OcopCertificateDoc* */
  char      *path;
  guint      done;        /* atomic */
} ExportData;

struct _OcopCertificatesPage
{
  AdwBin                  parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *state_dropdown;
  GtkDropDown            *stars_dropdown;
  GtkDropDown            *province_dropdown;
  GtkDropDown            *district_dropdown;
  GtkDropDown            *year_dropdown;
  GtkWidget              *more_filters_button;
  GtkToggleButton        *expiring_button;
  GtkRevealer            *notice_revealer;
  GtkLabel               *notice_label;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  OcopCertificatePreview *preview;
  GtkLabel               *side_title;
  GtkLabel               *side_state;
  GtkLabel               *side_detail;
  GtkRevealer            *progress_revealer;
  GtkLabel               *progress_label;
  GtkProgressBar         *progress_bar;

  /* Owned */
  OcopDb                 *db;
  GListStore             *store;        /* OcopCertificateItem */
  GtkMultiSelection      *selection;
  GSimpleActionGroup     *actions;
  GtkStringList          *provinces;
  GtkStringList          *districts;
  GtkStringList          *years;
  GtkPrintSettings       *print_settings;
  char                   *today;
  guint                   n_total;      /* the whole register, as of today */
  gboolean                reloading;

  /* The running export */
  GCancellable           *export_cancellable;
  ExportData             *export_data;  /* borrowed from the task */
  guint                   progress_id;
  char                   *export_message;
  gboolean                export_ok;
};

G_DEFINE_FINAL_TYPE (OcopCertificatesPage, ocop_certificates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (OcopCertificatesPage *self,
           const char           *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error_dialog (OcopCertificatesPage *self,
                   const char           *heading,
                   const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
short_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup (iso != NULL ? iso : "");

  return ocop_text_format_date_short (y, m, d);
}

/* The certificates the actions work on: the selected ones, or all shown. */
static GPtrArray *
dup_target_certificates (OcopCertificatesPage *self)
{
  GPtrArray *list = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean all = gtk_bitset_is_empty (selected);

  /* In the order they were numbered: the register lists the newest first. */
  for (guint i = n; i > 0; i--)
    if (all || gtk_bitset_contains (selected, i - 1))
      {
        g_autoptr(OcopCertificateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);

        g_ptr_array_add (list, item->certificate);
      }

  return list;
}

static GPtrArray *
build_docs (GPtrArray *certificates)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_certificate_doc_free);

  for (guint i = 0; i < certificates->len; i++)
    g_ptr_array_add (docs, ocop_certificate_doc_new (g_ptr_array_index (certificates, i)));

  return docs;
}

static void
update_actions (OcopCertificatesPage *self)
{
  gboolean have_db = self->db != NULL;
  gboolean have_items = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gboolean busy = self->export_cancellable != NULL;
  struct { const char *name; gboolean enabled; } states[] = {
    { "issue", have_db },
    { "import", have_db },
    { "verify", have_db },
    { "print", have_items },
    { "export-pdf", have_items && !busy },
    { "export", have_items },
    { "cancel-export", busy },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), states[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), states[i].enabled);
    }
}

/* ---- the side pane ---- */

static void
update_side (OcopCertificatesPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(OcopCertificateItem) item = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  const OcopCertificate *c;
  g_autofree char *issued = NULL;
  g_autofree char *until = NULL;
  g_autofree char *decision_date = NULL;
  guint n_selected = (guint) gtk_bitset_get_size (selected);

  for (OcopCertificateState s = 0; s < OCOP_CERTIFICATE_STATE_N; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->side_state), ocop_certificate_state_get_css_class (s));

  if (n_selected == 0)
    {
      ocop_certificate_preview_set_doc (self->preview, NULL);
      gtk_label_set_text (self->side_title, _("Select a certificate to see it as it will be printed."));
      gtk_widget_set_visible (GTK_WIDGET (self->side_state), FALSE);
      gtk_label_set_text (self->side_detail, "");
      return;
    }

  item = g_list_model_get_item (G_LIST_MODEL (self->store), gtk_bitset_get_minimum (selected));
  c = item->certificate;
  ocop_certificate_preview_set_doc (self->preview, ocop_certificate_doc_new (c));

  gtk_label_set_text (self->side_title, c->product_name);
  gtk_label_set_text (self->side_state, ocop_certificate_state_get_label (c->state));
  gtk_widget_add_css_class (GTK_WIDGET (self->side_state), ocop_certificate_state_get_css_class (c->state));
  gtk_widget_set_visible (GTK_WIDGET (self->side_state), TRUE);

  issued = short_date (c->issued_on);
  until = short_date (c->valid_until);
  decision_date = short_date (c->decision_date);

  if (n_selected > 1)
    {
      /* Translators: %u is a number of selected certificates (more than one) */
      g_string_append_printf (detail, ngettext ("%u certificate selected: Print and Export PDF take them all.",
                                                "%u certificates selected: Print and Export PDF take them all.",
                                                n_selected), n_selected);
      g_string_append (detail, "\n\n");
    }
  if (c->number != NULL)
    /* Translators: %s is a certificate number */
    g_string_append_printf (detail, _("Certificate %s"), c->number);
  else
    g_string_append (detail, _("No certificate number in the imported register"));
  g_string_append_c (detail, '\n');
  g_string_append (detail, c->producer_name);
  if (c->province != NULL || c->district != NULL)
    {
      g_string_append (detail, " · ");
      if (c->district != NULL)
        g_string_append (detail, c->district);
      if (c->district != NULL && c->province != NULL)
        g_string_append (detail, ", ");
      if (c->province != NULL)
        g_string_append (detail, c->province);
    }
  g_string_append_c (detail, '\n');
  /* Translators: %1$s is a decision number, %2$s its date, %3$s the issuing authority */
  g_string_append_printf (detail, _("Decision %1$s of %2$s, %3$s"),
                          c->decision_number != NULL ? c->decision_number : "—", decision_date,
                          c->authority != NULL ? c->authority : "");
  g_string_append_c (detail, '\n');
  /* Translators: %1$s and %2$s are dates: the validity of a certificate */
  g_string_append_printf (detail, _("Valid from %1$s through %2$s"), issued, until);
  if (c->state == OCOP_CERTIFICATE_VALID || c->state == OCOP_CERTIFICATE_EXPIRING)
    {
      g_string_append (detail, " · ");
      /* Translators: %d is a number of days until a certificate expires */
      g_string_append_printf (detail, ngettext ("%d day left", "%d days left", c->days_left), c->days_left);
    }
  if (c->revoked_on != NULL)
    {
      g_autofree char *on = short_date (c->revoked_on);

      g_string_append_c (detail, '\n');
      /* Translators: %1$s is a date, %2$s the reason of the revocation */
      g_string_append_printf (detail, _("Revoked on %1$s: %2$s"), on,
                              c->revocation_reason != NULL ? c->revocation_reason : "");
    }
  if (c->superseded_by_number != NULL)
    {
      g_autofree char *on = short_date (c->superseded_on);

      g_string_append_c (detail, '\n');
      /* Translators: %1$s is a date, %2$s the number of the certificate that replaced it */
      g_string_append_printf (detail, _("Superseded on %1$s by certificate %2$s"), on, c->superseded_by_number);
    }
  if (c->is_imported)
    {
      g_string_append_c (detail, '\n');
      g_string_append (detail, _("Imported from the province’s earlier register: it has no signed QR code."));
    }

  gtk_label_set_text (self->side_detail, detail->str);
}

static void
on_selection_changed_cb (OcopCertificatesPage *self)
{
  update_side (self);
}

/* ---- filters ---- */

static const char *
dropdown_string (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));

  /* The first entry is "All …". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || list == NULL)
    return NULL;

  return gtk_string_list_get_string (list, selected);
}

/* Refills a dropdown's choices, keeping the chosen one when it is still there. */
static void
set_choices (OcopCertificatesPage *self,
             GtkDropDown          *dropdown,
             GtkStringList       **list,
             const char           *all_label,
             GPtrArray            *values)
{
  g_autofree char *chosen = g_strdup (dropdown_string (dropdown));
  GtkStringList *model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all_label);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (values, i));
      if (g_strcmp0 (chosen, g_ptr_array_index (values, i)) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
  g_set_object (list, model);
  g_object_unref (model);
}

static gboolean
refresh_choices (OcopCertificatesPage  *self,
                 GError               **error)
{
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  OcopCertificateFilter filter = { .as_of = self->today };

  provinces = ocop_db_list_certificate_localities (self->db, FALSE, error);
  districts = provinces != NULL ? ocop_db_list_certificate_localities (self->db, TRUE, error) : NULL;
  all = districts != NULL ? ocop_db_list_certificates (self->db, &filter, error) : NULL;
  if (all == NULL)
    return FALSE;

  self->n_total = all->len;
  for (guint i = 0; i < all->len; i++)
    {
      const OcopCertificate *c = g_ptr_array_index (all, i);
      g_autofree char *year = g_strndup (c->issued_on, 4);

      /* Newest first, so a year is new when it differs from the last one added. */
      if (years->len == 0 || g_strcmp0 (g_ptr_array_index (years, years->len - 1), year) != 0)
        {
          gboolean seen = FALSE;

          for (guint j = 0; j < years->len && !seen; j++)
            seen = g_str_equal (g_ptr_array_index (years, j), year);
          if (!seen)
            g_ptr_array_add (years, g_steal_pointer (&year));
        }
    }

  self->reloading = TRUE;
  set_choices (self, self->province_dropdown, &self->provinces, _("All provinces"), provinces);
  set_choices (self, self->district_dropdown, &self->districts, _("All districts"), districts);
  set_choices (self, self->year_dropdown, &self->years, _("All years"), years);
  self->reloading = FALSE;

  return TRUE;
}

static int
compare_soonest (gconstpointer a,
                 gconstpointer b)
{
  const OcopCertificate *ca = *(const OcopCertificate * const *) a;
  const OcopCertificate *cb = *(const OcopCertificate * const *) b;

  return g_strcmp0 (ca->valid_until, cb->valid_until);
}

gboolean
ocop_certificates_page_reload (OcopCertificatesPage  *self,
                               GError               **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  OcopCertificateFilter filter = { 0 };
  gboolean expiring = gtk_toggle_button_get_active (self->expiring_button);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint stars = gtk_drop_down_get_selected (self->stars_dropdown);
  const char *year = dropdown_string (self->year_dropdown);

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), FALSE);

  if (self->db == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return TRUE;
    }

  filter.as_of = self->today;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.province = dropdown_string (self->province_dropdown);
  filter.district = dropdown_string (self->district_dropdown);
  filter.year = year != NULL ? atoi (year) : 0;
  filter.stars = stars > 0 && stars != GTK_INVALID_LIST_POSITION ? (int) stars + 2 : 0;
  if (expiring)
    filter.states = 1u << OCOP_CERTIFICATE_EXPIRING;
  else if (state > 0 && state != GTK_INVALID_LIST_POSITION)
    filter.states = 1u << (state - 1);

  list = ocop_db_list_certificates (self->db, &filter, error);
  if (list == NULL)
    return FALSE;
  /* The notice list: soonest first. */
  if (expiring)
    g_ptr_array_sort (list, compare_soonest);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (items, ocop_certificate_item_new (g_steal_pointer (&list->pdata[i])));
  g_ptr_array_set_free_func (list, NULL);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (items->len > 0)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  update_side (self);

  if (filter.province != NULL || filter.district != NULL || filter.year != 0)
    gtk_widget_add_css_class (self->more_filters_button, "filter-active");
  else
    gtk_widget_remove_css_class (self->more_filters_button, "filter-active");
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_dropdown), !expiring);
  gtk_revealer_set_reveal_child (self->notice_revealer, expiring);
  if (expiring)
    {
      g_autofree char *text = NULL;

      if (items->len > 0)
        /* Translators: the notice list; %u is a number of certificates */
        text = g_strdup_printf (ngettext ("%u certificate ends within 30 days: notify its producer before it expires. "
                                          "Export the list with the export button.",
                                          "%u certificates end within 30 days: notify their producers before they "
                                          "expire. Export the list with the export button.",
                                          items->len), items->len);
      else
        text = g_strdup (_("No certificate ends within the next 30 days."));
      gtk_label_set_text (self->notice_label, text);
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_total > 0 ? "register" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "none");
  update_actions (self);

  return TRUE;
}

static void
reload_or_toast (OcopCertificatesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!ocop_certificates_page_reload (self, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason */
      text = g_strdup_printf (_("Could not read the certificate register: %s"), error->message);
      add_toast (self, text);
    }
}

static void
refresh_all (OcopCertificatesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db != NULL && !refresh_choices (self, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason */
      text = g_strdup_printf (_("Could not read the certificate register: %s"), error->message);
      add_toast (self, text);
      return;
    }
  reload_or_toast (self);
}

static void
on_filter_changed_cb (OcopCertificatesPage *self)
{
  if (self->reloading)
    return;
  reload_or_toast (self);
}

static void
on_clear_filters_clicked_cb (OcopCertificatesPage *self)
{
  self->reloading = TRUE;
  gtk_drop_down_set_selected (self->province_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->stars_dropdown, 0);
  self->reloading = FALSE;
  reload_or_toast (self);
}

/* ---- columns ---- */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_PRODUCT,
  COLUMN_PRODUCER,
  COLUMN_STARS,
  COLUMN_ISSUED,
  COLUMN_VALID_UNTIL,
  COLUMN_STATE,
} Column;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *widget;

  if (column == COLUMN_STARS)
    {
      widget = ocop_score_stars_new ();
      ocop_score_stars_set_size (OCOP_SCORE_STARS (widget), 13);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      if (column == COLUMN_STATE)
        {
          gtk_widget_set_halign (widget, GTK_ALIGN_START);
          gtk_widget_add_css_class (widget, "certificate-state");
        }
      else if (column == COLUMN_PRODUCT || column == COLUMN_PRODUCER)
        gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_NUMBER || column == COLUMN_ISSUED || column == COLUMN_VALID_UNTIL)
        gtk_widget_add_css_class (widget, "numeric");
    }

  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  OcopCertificateItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  const OcopCertificate *c = item->certificate;
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NUMBER:
      text = g_strdup (c->number != NULL ? c->number : "—");
      break;
    case COLUMN_PRODUCT:
      text = g_strdup (c->product_name);
      break;
    case COLUMN_PRODUCER:
      text = g_strdup (c->producer_name);
      break;
    case COLUMN_ISSUED:
      text = short_date (c->issued_on);
      break;
    case COLUMN_VALID_UNTIL:
      text = short_date (c->valid_until);
      break;
    case COLUMN_STATE:
      for (OcopCertificateState s = 0; s < OCOP_CERTIFICATE_STATE_N; s++)
        gtk_widget_remove_css_class (widget, ocop_certificate_state_get_css_class (s));
      gtk_widget_add_css_class (widget, ocop_certificate_state_get_css_class (c->state));
      text = g_strdup (ocop_certificate_state_get_label (c->state));
      break;
    case COLUMN_STARS:
    default:
      {
        g_autofree char *label = NULL;

        ocop_score_stars_set_stars (OCOP_SCORE_STARS (widget), c->stars);
        /* Translators: accessible label of the drawn stars; %d is 3, 4 or 5 */
        label = g_strdup_printf (ngettext ("%d star", "%d stars", c->stars), c->stars);
        gtk_widget_set_tooltip_text (widget, label);
      }
      return;
    }

  gtk_label_set_text (GTK_LABEL (widget), text);
  if (column == COLUMN_PRODUCT || column == COLUMN_PRODUCER)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
add_column (OcopCertificatesPage *self,
            const char           *title,
            Column                column,
            gboolean              expand,
            int                   width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* ---- exporting the list ---- */

static void
on_export_list_response_cb (GtkNativeDialog      *native,
                            int                   response,
                            OcopCertificatesPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (native), "ocop-format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GPtrArray) list = dup_target_certificates (self);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = g_str_equal (format, "xlsx")
           ? ocop_certificates_export_xlsx (list, path, &error)
           : ocop_certificates_export_csv (list, path, &error);
      if (ok)
        {
          g_autofree char *text = NULL;

          /* Translators: %u is a number of certificates, %s a file name */
          text = g_strdup_printf (ngettext ("%u certificate written to %s", "%u certificates written to %s", list->len),
                                  list->len, name);
          add_toast (self, text);
        }
      else
        show_error_dialog (self, _("Could Not Export the Register"), error->message);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_list_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  OcopCertificatesPage *self = user_data;
  const char *format = g_variant_get_string (param, NULL);
  gboolean xlsx = g_str_equal (format, "xlsx");
  gboolean notices = gtk_toggle_button_get_active (self->expiring_button);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (xlsx ? _("Export as Excel Workbook") : _("Export as CSV"),
                                        ocop_ui_get_parent_window (GTK_WIDGET (self)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: default file names; keep them short, without spaces */
  name = g_strconcat (notices ? _("certificate-notices") : _("certificates"), xlsx ? ".xlsx" : ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, xlsx ? _("Excel workbooks") : _("CSV files"));
  gtk_file_filter_add_suffix (filter, xlsx ? "xlsx" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data_full (G_OBJECT (native), "ocop-format", g_strdup (xlsx ? "xlsx" : "csv"), g_free);
  g_signal_connect (native, "response", G_CALLBACK (on_export_list_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- printing ---- */

OcopPrintOperation *
ocop_certificates_page_create_print_operation (OcopCertificatesPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);

  list = dup_target_certificates (self);
  if (list->len == 0)
    return NULL;

  docs = build_docs (list);

  return ocop_print_operation_new (docs);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  OcopCertificatesPage    *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

static void
print_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  OcopCertificatesPage *self = user_data;
  g_autoptr(OcopPrintOperation) operation = ocop_certificates_page_create_print_operation (self);

  if (operation == NULL)
    return;

  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), self->print_settings);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_DEFAULT);
  ocop_print_operation_run_dialog (operation, ocop_ui_get_parent_window (GTK_WIDGET (self)));
}

/* ---- Export PDF, in a thread ---- */

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->docs, g_ptr_array_unref);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static gboolean
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  GTask *task = user_data;
  ExportData *data = g_task_get_task_data (task);

  g_atomic_int_set (&data->done, done);

  return !g_task_return_error_if_cancelled (task) ? TRUE : FALSE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (ocop_certificate_render_pdf (data->path, (OcopCertificateDoc * const *) data->docs->pdata, data->docs->len,
                                   export_progress_cb, task, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_task_had_error (task))
    g_clear_error (&error);   /* cancelled: already returned */
  else
    g_task_return_error (task, error);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  OcopCertificatesPage *self = user_data;
  ExportData *data = self->export_data;
  g_autofree char *text = NULL;
  guint done;

  if (data == NULL)
    return G_SOURCE_CONTINUE;

  done = (guint) g_atomic_int_get (&data->done);
  gtk_progress_bar_set_fraction (self->progress_bar, data->docs->len > 0 ? (double) done / data->docs->len : 0);
  /* Translators: progress of a PDF export; %1$u pages of %2$u */
  text = g_strdup_printf (_("%1$u of %2$u"), done, data->docs->len);
  gtk_progress_bar_set_text (self->progress_bar, text);

  return G_SOURCE_CONTINUE;
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OcopCertificatesPage *self = OCOP_CERTIFICATES_PAGE (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (data->path);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->export_data = NULL;
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->export_message, g_free);
  self->export_ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The page went away meanwhile. */
  if (self->progress_revealer == NULL)
    {
      g_object_unref (self);
      return;
    }

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (self->export_ok)
    {
      /* Translators: %1$u is a number of pages, %2$s a file name */
      self->export_message = g_strdup_printf (ngettext ("%1$u page written to %2$s", "%1$u pages written to %2$s",
                                                        data->docs->len), data->docs->len, name);
      add_toast (self, self->export_message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->export_message = g_strdup (_("Export cancelled: no file was written"));
      add_toast (self, self->export_message);
    }
  else
    {
      self->export_message = g_strdup (error->message);
      show_error_dialog (self, _("Could Not Export the Certificates"), error->message);
    }

  update_actions (self);
  g_object_unref (self);   /* taken when the export started */
}

gboolean
ocop_certificates_page_export_pdf (OcopCertificatesPage *self,
                                   GFile                *file)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  ExportData *data;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->export_cancellable != NULL)
    return FALSE;
  list = dup_target_certificates (self);
  if (list->len == 0)
    return FALSE;

  data = g_new0 (ExportData, 1);
  data->docs = build_docs (list);
  data->path = g_file_get_path (file);
  if (data->path == NULL)
    {
      export_data_free (data);
      show_error_dialog (self, _("Could Not Export the Certificates"), _("Only files on this computer can be written"));
      return FALSE;
    }

  self->export_cancellable = g_cancellable_new ();
  self->export_data = data;
  self->export_ok = FALSE;

  name = g_file_get_basename (file);
  /* Translators: shown while a PDF is written; %s is a file name */
  text = g_strdup_printf (_("Writing %s…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->progress_id = g_timeout_add (100, progress_timeout_cb, self);

  task = g_task_new (g_object_ref (self), self->export_cancellable, export_finished_cb, NULL);
  g_task_set_source_tag (task, ocop_certificates_page_export_pdf);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);

  update_actions (self);

  return TRUE;
}

static void
on_export_pdf_response_cb (GtkNativeDialog      *native,
                           int                   response,
                           OcopCertificatesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      ocop_certificates_page_export_pdf (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_pdf_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  OcopCertificatesPage *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Export Certificates as PDF"), ocop_ui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the default file name of exported certificates; no spaces */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("certificates.pdf"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_export_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
ocop_certificates_page_cancel_export (OcopCertificatesPage *self)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
cancel_export_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ocop_certificates_page_cancel_export (OCOP_CERTIFICATES_PAGE (user_data));
}

/* ---- importing a register ---- */

static void
on_import_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       OcopCertificatesPage *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "ocop-file");
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  path = g_file_get_path (file);
  report = ocop_import_register_csv (self->db, path, NULL, &error);
  if (report == NULL)
    {
      show_error_dialog (self, _("The Register Was Not Imported"), error->message);
      return;
    }

  /* Translators: %1$u is a number of certificates, %2$u of producers and products created */
  text = g_strdup_printf (ngettext ("%1$u certificate imported (%2$u producers and products added)",
                                    "%1$u certificates imported (%2$u producers and products added)",
                                    report->n_imported), report->n_imported, report->n_created);
  refresh_all (self);
  add_toast (self, text);
}

GtkWindow *
ocop_certificates_page_import_file (OcopCertificatesPage *self,
                                    GFile                *file)
{
  g_autoptr(OcopImportReport) report = NULL;
  g_autoptr(OcopImportReport) rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gboolean ok;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);

  /* A dry run, rolled back: the check applies exactly the import's rules. */
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only files on this computer can be imported"));
  else if (ocop_db_begin (self->db, &error))
    {
      report = ocop_import_register_csv (self->db, path, &rejected, &error);
      ocop_db_rollback (self->db);
    }
  ok = report != NULL && report->n_rows > 0;

  if (ok)
    /* Translators: %1$u is a number of certificates, %2$u of producers and products the import will add */
    body = g_strdup_printf (ngettext ("Every row is correct: %1$u certificate will be added to the register, with %2$u "
                                      "new producers and products.",
                                      "Every row is correct: %1$u certificates will be added to the register, with "
                                      "%2$u new producers and products.",
                                      report->n_rows), report->n_rows, report->n_created);
  else if (report != NULL)
    body = g_strdup (_("The file has no rows to import."));
  else if (rejected != NULL && rejected->problems->len > 0)
    /* Translators: %u is a number of problems */
    body = g_strdup_printf (ngettext ("The file cannot be imported: %u problem was found. Nothing was written: an import "
                                      "takes the whole file or nothing. Correct the rows and import the file anew.",
                                      "The file cannot be imported: %u problems were found. Nothing was written: an "
                                      "import takes the whole file or nothing. Correct the rows and import the file anew.",
                                      rejected->problems->len), rejected->problems->len);
  else
    /* Translators: %s is the reason */
    body = g_strdup_printf (_("The file cannot be imported: %s"), error->message);

  dialog = adw_message_dialog_new (ocop_ui_get_parent_window (GTK_WIDGET (self)), NULL, body);
  /* Translators: the heading of the import check; %s is a file name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Import “%s”?"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", ok);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), ok ? "import" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (rejected != NULL && rejected->problems->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < rejected->problems->len; i++)
        {
          const OcopImportProblem *p = g_ptr_array_index (rejected->problems, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *where = NULL;

          if (p->line > 0 && p->field != NULL)
            /* Translators: where a problem is in an imported file; %1$u is a line, %2$s a column's name */
            where = g_strdup_printf (_("Line %1$u, column “%2$s”"), p->line, p->field);
          else if (p->line > 0)
            /* Translators: %u is a line of an imported file */
            where = g_strdup_printf (_("Line %u"), p->line);
          else
            where = g_strdup (_("The whole file"));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  g_object_set_data_full (G_OBJECT (dialog), "ocop-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
on_import_chooser_response_cb (GtkNativeDialog      *native,
                               int                   response,
                               OcopCertificatesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      ocop_certificates_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  OcopCertificatesPage *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import a Certificate Register"), ocop_ui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- issuing and verifying ---- */

static void
on_issued_cb (OcopCertificatesPage *self,
              guint                 n_issued,
              OcopIssueDialog      *dialog)
{
  g_autofree char *text = NULL;

  gtk_toggle_button_set_active (self->expiring_button, FALSE);
  refresh_all (self);
  /* Translators: %u is a number of certificates */
  text = g_strdup_printf (ngettext ("%u certificate issued", "%u certificates issued", n_issued), n_issued);
  add_toast (self, text);
}

GtkWindow *
ocop_certificates_page_issue (OcopCertificatesPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  dialog = ocop_issue_dialog_new (self->db);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), ocop_ui_get_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issued_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
issue_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  ocop_certificates_page_issue (OCOP_CERTIFICATES_PAGE (user_data));
}

GtkWindow *
ocop_certificates_page_verify (OcopCertificatesPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  dialog = ocop_verify_dialog_new (self->db);
  ocop_verify_dialog_set_today (OCOP_VERIFY_DIALOG (dialog), self->today);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), ocop_ui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
verify_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ocop_certificates_page_verify (OCOP_CERTIFICATES_PAGE (user_data));
}

/* ---- the object ---- */

static const GActionEntry page_actions[] = {
  { "issue", issue_action },
  { "import", import_action },
  { "print", print_action },
  { "export-pdf", export_pdf_action },
  { "verify", verify_action },
  { "export", export_list_action, "s" },
  { "cancel-export", cancel_export_action },
};

static void
ocop_certificates_page_dispose (GObject *object)
{
  OcopCertificatesPage *self = (OcopCertificatesPage *)object;

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_CERTIFICATES_PAGE);

  G_OBJECT_CLASS (ocop_certificates_page_parent_class)->dispose (object);
}

static void
ocop_certificates_page_finalize (GObject *object)
{
  OcopCertificatesPage *self = (OcopCertificatesPage *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->actions);
  g_clear_object (&self->provinces);
  g_clear_object (&self->districts);
  g_clear_object (&self->years);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->export_message, g_free);

  G_OBJECT_CLASS (ocop_certificates_page_parent_class)->finalize (object);
}

static void
ocop_certificates_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OcopCertificatesPage *self = OCOP_CERTIFICATES_PAGE (object);

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
ocop_certificates_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OcopCertificatesPage *self = OCOP_CERTIFICATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      ocop_certificates_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_certificates_page_class_init (OcopCertificatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_certificates_page_dispose;
  object_class->finalize = ocop_certificates_page_finalize;
  object_class->get_property = ocop_certificates_page_get_property;
  object_class->set_property = ocop_certificates_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OCOP_TYPE_CERTIFICATE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-certificates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, stars_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, more_filters_button);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, expiring_button);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, preview);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, side_title);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, side_state);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, side_detail);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OcopCertificatesPage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "certificates.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "certificates.focus-search", NULL);
}

static void
focus_search_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  OcopCertificatesPage *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
ocop_certificates_page_init (OcopCertificatesPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stars = gtk_string_list_new (NULL);
  const GActionEntry focus_entry[] = { { "focus-search", focus_search_action } };

  self->reloading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), page_actions, G_N_ELEMENTS (page_actions), self);
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), focus_entry, 1, self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "certificates", G_ACTION_GROUP (self->actions));

  gtk_string_list_append (states, _("All states"));
  for (OcopCertificateState s = 0; s < OCOP_CERTIFICATE_STATE_N; s++)
    gtk_string_list_append (states, ocop_certificate_state_get_label (s));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  gtk_string_list_append (stars, _("Any stars"));
  for (int n = 3; n <= 5; n++)
    {
      /* Translators: a choice of the stars filter; %d is 3, 4 or 5 */
      g_autofree char *label = g_strdup_printf (ngettext ("%d star", "%d stars", n), n);

      gtk_string_list_append (stars, label);
    }
  gtk_drop_down_set_model (self->stars_dropdown, G_LIST_MODEL (stars));

  self->store = g_list_store_new (OCOP_TYPE_CERTIFICATE_ITEM);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  add_column (self, C_("certificate", "Number"), COLUMN_NUMBER, FALSE, -1);
  add_column (self, _("Product"), COLUMN_PRODUCT, TRUE, -1);
  add_column (self, _("Producer"), COLUMN_PRODUCER, TRUE, -1);
  add_column (self, _("Stars"), COLUMN_STARS, FALSE, -1);
  add_column (self, _("Issued"), COLUMN_ISSUED, FALSE, -1);
  add_column (self, _("Valid Until"), COLUMN_VALID_UNTIL, FALSE, -1);
  add_column (self, _("State"), COLUMN_STATE, FALSE, -1);

  self->reloading = FALSE;
  update_side (self);
  update_actions (self);
}

GtkWidget *
ocop_certificates_page_new (OcopDb *db)
{
  return g_object_new (OCOP_TYPE_CERTIFICATES_PAGE, "db", db, NULL);
}

OcopDb *
ocop_certificates_page_get_db (OcopCertificatesPage *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);

  return self->db;
}

void
ocop_certificates_page_set_db (OcopCertificatesPage *self,
                               OcopDb               *db)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (db == NULL || OCOP_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  refresh_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

GActionGroup *
ocop_certificates_page_get_action_group (OcopCertificatesPage *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
ocop_certificates_page_set_today (OcopCertificatesPage *self,
                                  const char           *today)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  refresh_all (self);
}

void
ocop_certificates_page_set_search (OcopCertificatesPage *self,
                                   const char           *text)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* "search-changed" comes after a delay: do not wait for it. */
  reload_or_toast (self);
}

void
ocop_certificates_page_set_expiring_only (OcopCertificatesPage *self,
                                          gboolean              expiring_only)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));

  gtk_toggle_button_set_active (self->expiring_button, expiring_only);
}

GListModel *
ocop_certificates_page_get_certificates (OcopCertificatesPage *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);

  return G_LIST_MODEL (self->store);
}

gboolean
ocop_certificates_page_select (OcopCertificatesPage *self,
                               gint64                certificate_id)
{
  guint n;

  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OcopCertificateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->certificate->id == certificate_id)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

void
ocop_certificates_page_select_all (OcopCertificatesPage *self)
{
  g_return_if_fail (OCOP_IS_CERTIFICATES_PAGE (self));

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

OcopCertificatePreview *
ocop_certificates_page_get_preview (OcopCertificatesPage *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), NULL);

  return self->preview;
}

gboolean
ocop_certificates_page_get_busy (OcopCertificatesPage *self)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), FALSE);

  return self->export_cancellable != NULL;
}

gboolean
ocop_certificates_page_get_export_result (OcopCertificatesPage  *self,
                                          const char           **message)
{
  g_return_val_if_fail (OCOP_IS_CERTIFICATES_PAGE (self), FALSE);

  if (message != NULL)
    *message = self->export_message;

  return self->export_ok;
}
