/* ocop-presentation-window.c: a meeting's results on the projector
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-presentation-window"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ocop-chart-view.h"
#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-presentation-window.h"
#include "ocop-registry.h"
#include "ocop-scoring.h"
#include "ocop-stars-render.h"
#include "ocop-text.h"

/* Slides are built in C from the meeting's results (one per agenda item); the look
 * is style.css's .ocop-presentation: black, white and gold, everything in em of one
 * font size that follows the window's height (a 36th of it: 20 px at 720 lines,
 * 30 px at 1080), so the same slide reads from the back of the room at both sizes. */

typedef struct
{
  int         stars;
  int         revealed;
  GtkWidget  *stars_area;
  GtkWidget  *outcome_label;
  GPtrArray  *member_labels;   /* GtkLabel* */
  GPtrArray  *member_names;    /* char* */
  GtkWidget  *photo;
  GtkWidget  *chart;
} Slide;

struct _OcopPresentationWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *position_label;

  /* Owned */
  OcopDb         *db;
  GPtrArray      *slides;       /* Slide*, one per stack child, in order */
  GPtrArray      *names;        /* char*, the stack children's names */
  GtkCssProvider *provider;
  guint           current;
  int             last_width;
  int             last_height;
  guint           resize_id;
  gboolean        names_revealed;
};

G_DEFINE_FINAL_TYPE (OcopPresentationWindow, ocop_presentation_window, ADW_TYPE_WINDOW)

static void
slide_free (Slide *slide)
{
  g_clear_pointer (&slide->member_labels, g_ptr_array_unref);
  g_clear_pointer (&slide->member_names, g_ptr_array_unref);
  g_free (slide);
}

/* ---- sizes --------------------------------------------------------------------------- */

/* A 36th of the height (a 64th of the width on narrow screens), never more than the
 * monitor gives: the slides' minimum size grows with the font, so a window that is
 * not (yet) full screen must not feed its own growth. */
static double
font_px (OcopPresentationWindow *self)
{
  double width = self->last_width;
  double height = self->last_height;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)),
                                                                surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          width = MIN (width, geometry.width);
          height = MIN (height, geometry.height);
        }
    }

  return MAX (10.0, MIN (height / 36.0, width / 64.0));
}

static void
stars_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  Slide *slide = user_data;
  OcopRenderStyle style;
  double star_width;

  ocop_render_style_init_default (&style, TRUE);
  ocop_render_color_init (&style.muted, 0.55, 0.55, 0.55, 1);
  star_width = ocop_stars_render_get_width (height, 5);
  ocop_stars_render (cr, MAX (0, (width - star_width) / 2), 0, height, slide->revealed, 5, &style);
}

static void
apply_sizes (OcopPresentationWindow *self)
{
  g_autofree char *css = NULL;
  double px = font_px (self);

  css = g_strdup_printf ("window.ocop-presentation { font-size: %.1fpx; }", px);
  gtk_css_provider_load_from_data (self->provider, css, -1);

  for (guint i = 0; i < self->slides->len; i++)
    {
      Slide *slide = g_ptr_array_index (self->slides, i);

      if (slide->stars_area != NULL)
        {
          int h = (int) (px * 2.6);

          gtk_widget_set_size_request (slide->stars_area, (int) ceil (ocop_stars_render_get_width (h, 5)), h);
        }
      if (slide->photo != NULL)
        gtk_image_set_pixel_size (GTK_IMAGE (slide->photo), (int) (px * 5));
      if (slide->chart != NULL)
        gtk_widget_set_size_request (slide->chart, -1, (int) (px * (i == self->slides->len - 1 ? 14 : 9)));
    }
}

static gboolean
on_resize_idle_cb (gpointer data)
{
  OcopPresentationWindow *self = data;

  self->resize_id = 0;
  apply_sizes (self);
  return G_SOURCE_REMOVE;
}

static void
ocop_presentation_window_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);

  GTK_WIDGET_CLASS (ocop_presentation_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Changing the CSS inside an allocation would relayout in it: do it after. */
  if (height != self->last_height || width != self->last_width)
    {
      self->last_width = width;
      self->last_height = height;
      if (self->resize_id == 0)
        self->resize_id = g_idle_add (on_resize_idle_cb, self);
    }
}

/* ---- building slides ----------------------------------------------------------------- */

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_justify (GTK_LABEL (label), xalign == 0.5f ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static Slide *
add_slide (OcopPresentationWindow *self,
           const char             *name,
           const char             *title,
           GtkWidget              *child)
{
  Slide *slide = g_new0 (Slide, 1);

  gtk_widget_add_css_class (child, "ocop-presentation-slide");
  gtk_stack_add_titled (self->stack, child, name, title);
  g_ptr_array_add (self->slides, slide);
  g_ptr_array_add (self->names, g_strdup (name));

  return slide;
}

static char *
long_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !ocop_text_parse_date (iso, &y, &m, &d))
    return g_strdup (iso != NULL ? iso : "");
  return ocop_text_format_date_long (y, m, d);
}

static void
build_error (OcopPresentationWindow *self,
             const char             *message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label_new (_("The Meeting Cannot Be Shown"), "ocop-presentation-title", 0.5f));
  gtk_box_append (GTK_BOX (box), label_new (message, "ocop-presentation-subtitle", 0.5f));
  gtk_box_append (GTK_BOX (box), label_new (_("Press Esc to leave."), "ocop-presentation-hint", 0.5f));
  add_slide (self, "error", _("Error"), box);
}

static void
build_title (OcopPresentationWindow *self,
             const OcopCouncil      *council,
             const OcopMeeting      *meeting,
             guint                   n_products)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *date = long_date (meeting->date);
  g_autofree char *when = NULL;
  g_autofree char *count = NULL;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label_new (_("One Commune One Product"), "ocop-presentation-kicker", 0.5f));
  gtk_box_append (GTK_BOX (box), label_new (council->name, "ocop-presentation-title", 0.5f));
  if (meeting->title != NULL && meeting->title[0] != '\0')
    gtk_box_append (GTK_BOX (box), label_new (meeting->title, "ocop-presentation-subtitle", 0.5f));

  if (meeting->place != NULL && meeting->place[0] != '\0')
    /* Translators: on the title slide; %1$s is the date ("ngày 12 tháng 11 năm 2024"),
     * %2$s the place */
    when = g_strdup_printf (_("%1$s · %2$s"), date, meeting->place);
  else
    when = g_strdup (date);
  gtk_box_append (GTK_BOX (box), label_new (when, "ocop-presentation-text", 0.5f));

  /* Translators: on the title slide; %u is a number of products */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product on the agenda",
                                        "%u products on the agenda", n_products), n_products);
  gtk_box_append (GTK_BOX (box), label_new (count, "ocop-presentation-hint", 0.5f));

  add_slide (self, "title", _("Title"), box);
}

static gboolean
read_part_means (const char *json,
                 GHashTable *means)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      double *value = g_new (double, 1);

      *value = json_object_get_double_member (object, l->data);
      g_hash_table_insert (means, g_strdup (l->data), value);
    }

  return TRUE;
}

static OcopChart *
make_parts_chart (const OcopCriteriaSet   *set,
                  const OcopProductResult *result)
{
  g_autoptr(GHashTable) means = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  OcopChart *chart;
  OcopPartBreakdownChart *model;
  OcopPartBreakdownRow *row;

  if (set == NULL || set->part_templates == NULL || set->part_templates->len == 0 ||
      !read_part_means (result->part_means, means))
    return NULL;

  chart = ocop_chart_new (OCOP_CHART_KIND_PART_BREAKDOWN);
  model = ocop_chart_get_model (chart);
  row = ocop_chart_alloc (chart, sizeof *row);
  model->n_parts = MIN (set->part_templates->len, OCOP_PART_CHART_MAX_PARTS);
  for (int p = 0; p < model->n_parts; p++)
    {
      const OcopPart *part = g_ptr_array_index (set->part_templates, p);
      const double *mean = g_hash_table_lookup (means, part->code);
      g_autofree char *label = NULL;

      /* Translators: a part of the score sheet in the legend of a chart; %s is its
       * letter ("A") */
      label = g_strdup_printf (_("Part %s"), part->code);
      model->part_labels[p] = ocop_chart_strdup (chart, label);
      model->part_maxima[p] = part->max;
      row->values[p] = mean != NULL ? *mean : 0;
    }
  row->label = ocop_chart_strdup (chart, C_("presentation", "Council mean"));
  model->maxima_label = ocop_chart_strdup (chart, C_("presentation", "Maximum"));
  model->rows = row;
  model->n_rows = 1;

  return chart;
}

static char *
member_letter (guint index)
{
  /* A … Z, then AA, AB …: a council has a dozen members at most. */
  if (index < 26)
    return g_strdup_printf ("%c", 'A' + index);
  return g_strdup_printf ("%c%c", 'A' + (index / 26) - 1, 'A' + index % 26);
}

static void
build_product (OcopPresentationWindow  *self,
               guint                    number,
               guint                    n_products,
               const OcopProductResult *result,
               const OcopCriteriaSet   *set)
{
  GtkWidget *slide_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *photo_frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(OcopProduct) product = ocop_db_get_product (self->db, result->product_id, NULL);
  g_autoptr(OcopProducer) producer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *score = NULL;
  g_autoptr(GString) producer_line = g_string_new (NULL);
  const OcopSheet *sheet = NULL;
  OcopChart *chart;
  Slide *slide;
  guint row = 0;

  if (product != NULL)
    producer = ocop_db_get_producer (self->db, product->producer_id, NULL);
  if (product != NULL && set != NULL)
    sheet = ocop_criteria_set_find_sheet (set, product->product_set);

  name = g_strdup_printf ("product-%u", number);
  /* Translators: above the product's name on its slide: its position on the agenda */
  position = g_strdup_printf (_("Product %u of %u"), number, n_products);

  gtk_box_append (GTK_BOX (slide_box), label_new (position, "ocop-presentation-kicker", 0));
  gtk_box_append (GTK_BOX (slide_box), label_new (result->product_name, "ocop-presentation-product", 0));

  if (producer != NULL)
    {
      g_string_append (producer_line, producer->name);
      g_string_append_printf (producer_line, " · %s", ocop_subject_type_get_label (producer->subject_type));
      if (producer->district != NULL && producer->district[0] != '\0')
        g_string_append_printf (producer_line, " · %s", producer->district);
      if (producer->province != NULL && producer->province[0] != '\0')
        g_string_append_printf (producer_line, ", %s", producer->province);
    }
  gtk_box_append (GTK_BOX (slide_box), label_new (producer_line->str, "ocop-presentation-text", 0));

  /* Left: the photo placeholder and the product set. */
  gtk_widget_add_css_class (photo_frame, "ocop-presentation-photo");
  gtk_widget_set_size_request (photo_frame, -1, -1);
  {
    GtkWidget *image = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
    GtkWidget *caption = label_new (_("Photo of the product"), "ocop-presentation-hint", 0.5f);

    gtk_widget_set_vexpand (image, TRUE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Photo of the product"), -1);
    gtk_box_append (GTK_BOX (photo_frame), image);
    gtk_box_append (GTK_BOX (photo_frame), caption);
    gtk_widget_set_vexpand (photo_frame, TRUE);
    gtk_box_append (GTK_BOX (left), photo_frame);
    slide = add_slide (self, name, result->product_name, slide_box);
    slide->photo = image;
  }
  if (sheet != NULL)
    {
      g_autofree char *set_text = NULL;

      /* Translators: the product set of a product; %1$s is its code ("01"), %2$s its name */
      set_text = g_strdup_printf (_("Product set %1$s: %2$s"), sheet->code, sheet->name);
      gtk_box_append (GTK_BOX (left), label_new (set_text, "ocop-presentation-small", 0));
    }
  gtk_widget_set_size_request (left, 1, -1);
  gtk_widget_set_hexpand (left, TRUE);

  /* Middle: the members' totals. */
  gtk_box_append (GTK_BOX (middle), label_new (_("Members’ totals"), "ocop-presentation-heading", 0));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  slide->member_labels = g_ptr_array_new ();
  slide->member_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; result->member_totals != NULL && i < result->member_totals->len; i++)
    {
      const OcopMemberTotal *member = g_ptr_array_index (result->member_totals, i);
      g_autofree char *letter = member_letter (i);
      g_autofree char *total = NULL;
      GtkWidget *who;
      GtkWidget *value;

      if (member->knocked_out)
        /* Translators: a member's total when the member found the product knocked out */
        total = g_strdup (C_("presentation", "knocked out"));
      else if (member->state != OCOP_SHEET_SUBMITTED)
        total = g_strdup ("—");
      else
        total = ocop_text_format_number (member->total, 2);

      who = label_new (letter, "ocop-presentation-member", 0);
      gtk_label_set_wrap (GTK_LABEL (who), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (who, TRUE);
      value = label_new (total, "ocop-presentation-member", 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_grid_attach (GTK_GRID (grid), who, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, row, 1, 1);
      row++;

      g_ptr_array_add (slide->member_labels, who);
      g_ptr_array_add (slide->member_names, g_strdup (member->member_name));
    }
  gtk_box_append (GTK_BOX (middle), grid);
  gtk_widget_set_size_request (middle, 1, -1);
  gtk_widget_set_hexpand (middle, TRUE);

  /* Right: the council's score and the stars. */
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (right), label_new (_("Council score"), "ocop-presentation-heading", 0.5f));
  score = result->computed && result->n_counted > 0 ? ocop_text_format_number (result->score, 2) : g_strdup ("—");
  gtk_box_append (GTK_BOX (right), label_new (score, "ocop-presentation-score", 0.5f));
  slide->stars = result->stars;
  slide->stars_area = gtk_drawing_area_new ();
  gtk_widget_set_halign (slide->stars_area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (slide->stars_area), stars_draw_cb, slide, NULL);
  gtk_box_append (GTK_BOX (right), slide->stars_area);
  slide->outcome_label = label_new (ocop_outcome_get_label (result->outcome), "ocop-presentation-outcome", 0.5f);
  gtk_widget_set_opacity (slide->outcome_label, slide->stars == 0 ? 1.0 : 0.0);
  gtk_box_append (GTK_BOX (right), slide->outcome_label);
  gtk_widget_set_size_request (right, 1, -1);
  gtk_widget_set_hexpand (right, TRUE);

  gtk_widget_add_css_class (body, "ocop-presentation-body");
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_set_spacing (GTK_BOX (body), 48);
  gtk_box_append (GTK_BOX (body), left);
  gtk_box_append (GTK_BOX (body), middle);
  gtk_box_append (GTK_BOX (body), right);
  gtk_box_append (GTK_BOX (slide_box), body);

  chart = make_parts_chart (set, result);
  if (chart != NULL)
    {
      slide->chart = ocop_chart_view_new ();
      ocop_chart_view_set_palette (OCOP_CHART_VIEW (slide->chart), OCOP_CHART_VIEW_PRESENTATION);
      ocop_chart_view_set_chart (OCOP_CHART_VIEW (slide->chart), chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (slide->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Part means against the part maxima"), -1);
      gtk_box_append (GTK_BOX (slide_box), slide->chart);
      ocop_chart_unref (chart);
    }
}

static void
build_closing (OcopPresentationWindow *self,
               GPtrArray              *results)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  OcopChart *chart = ocop_chart_new (OCOP_CHART_KIND_STAR_DISTRIBUTION);
  OcopStarDistributionChart *model = ocop_chart_get_model (chart);
  guint by_outcome[OCOP_OUTCOME_N] = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *count = NULL;
  Slide *slide;
  int first = 3;
  int last = 3;

  for (guint i = 0; i < results->len; i++)
    {
      const OcopProductResult *result = g_ptr_array_index (results, i);

      by_outcome[result->outcome]++;
      if (result->stars >= 1 && result->stars <= 5)
        {
          model->counts[0][result->stars - 1]++;
          first = MIN (first, result->stars);
          last = MAX (last, result->stars);
        }
    }
  model->first_star = first;
  model->last_star = last;
  model->n_series = 1;
  model->series_labels[0] = ocop_chart_strdup (chart, C_("presentation", "Products"));

  /* Translators: on the closing slide; %u is a number of products */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product evaluated", "%u products evaluated",
                                        results->len), results->len);
  g_string_append (summary, count);
  for (int o = 0; o < OCOP_OUTCOME_N; o++)
    if (by_outcome[o] > 0)
      g_string_append_printf (summary, " · %s: %u", ocop_outcome_get_label (o), by_outcome[o]);

  gtk_box_append (GTK_BOX (box), label_new (_("Results of the Meeting"), "ocop-presentation-title", 0.5f));
  gtk_box_append (GTK_BOX (box), label_new (summary->str, "ocop-presentation-text", 0.5f));

  slide = add_slide (self, "closing", _("Results of the Meeting"), box);
  slide->chart = ocop_chart_view_new ();
  gtk_widget_set_vexpand (slide->chart, TRUE);
  gtk_widget_set_margin_top (slide->chart, 24);
  ocop_chart_view_set_palette (OCOP_CHART_VIEW (slide->chart), OCOP_CHART_VIEW_PRESENTATION);
  ocop_chart_view_set_chart (OCOP_CHART_VIEW (slide->chart), chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (slide->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Products by stars"), -1);
  gtk_box_append (GTK_BOX (box), slide->chart);
  ocop_chart_unref (chart);
}

static void
build (OcopPresentationWindow *self,
       gint64                  meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;

  meeting = ocop_db_get_meeting (self->db, meeting_id, &error);
  if (meeting != NULL)
    council = ocop_db_get_council (self->db, meeting->council_id, &error);
  if (council != NULL)
    results = ocop_db_list_results (self->db, meeting_id, &error);
  if (results == NULL)
    {
      build_error (self, error->message);
      return;
    }

  set = ocop_db_load_criteria_set (self->db, meeting->set_id, NULL);

  /* Translators: the title of the presentation window; %s is the council */
  {
    g_autofree char *title = g_strdup_printf (_("Presentation — %s"), council->name);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  build_title (self, council, meeting, results->len);
  for (guint i = 0; i < results->len; i++)
    build_product (self, i + 1, results->len, g_ptr_array_index (results, i), set);
  build_closing (self, results);
}

/* ---- navigation ---------------------------------------------------------------------- */

static Slide *
current_slide (OcopPresentationWindow *self)
{
  if (self->current >= self->slides->len)
    return NULL;
  return g_ptr_array_index (self->slides, self->current);
}

static void
update_members (OcopPresentationWindow *self)
{
  for (guint i = 0; i < self->slides->len; i++)
    {
      Slide *slide = g_ptr_array_index (self->slides, i);

      for (guint m = 0; slide->member_labels != NULL && m < slide->member_labels->len; m++)
        {
          g_autofree char *letter = member_letter (m);
          const char *name = g_ptr_array_index (slide->member_names, m);

          gtk_label_set_text (g_ptr_array_index (slide->member_labels, m),
                              self->names_revealed && name != NULL ? name : letter);
        }
    }
}

void
ocop_presentation_window_set_slide (OcopPresentationWindow *self,
                                    guint                   slide)
{
  g_autofree char *position = NULL;

  g_return_if_fail (OCOP_IS_PRESENTATION_WINDOW (self));

  if (self->slides->len == 0)
    return;

  slide = MIN (slide, self->slides->len - 1);
  self->current = slide;
  gtk_stack_set_visible_child_name (self->stack, g_ptr_array_index (self->names, slide));

  /* Translators: the slide's position, at the bottom right ("3 / 10") */
  position = g_strdup_printf (_("%u / %u"), slide + 1, self->slides->len);
  gtk_label_set_text (self->position_label, position);
}

static void
reveal_or_next (OcopPresentationWindow *self)
{
  Slide *slide = current_slide (self);

  if (slide != NULL && slide->stars_area != NULL && slide->revealed < slide->stars)
    {
      slide->revealed++;
      gtk_widget_queue_draw (slide->stars_area);
      if (slide->revealed == slide->stars)
        gtk_widget_set_opacity (slide->outcome_label, 1.0);
      return;
    }

  ocop_presentation_window_set_slide (self, self->current + 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);

  ocop_presentation_window_set_slide (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);

  if (self->current > 0)
    ocop_presentation_window_set_slide (self, self->current - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ocop_presentation_window_set_slide (OCOP_PRESENTATION_WINDOW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);

  ocop_presentation_window_set_slide (self, self->slides->len > 0 ? self->slides->len - 1 : 0);
}

static void
goto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);
  int n = g_variant_get_int32 (param);

  /* Products are slides 1 … n; the closing slide is not a product. */
  if (n >= 0 && (guint) n + 1 < self->slides->len)
    ocop_presentation_window_set_slide (self, n);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reveal_or_next (OCOP_PRESENTATION_WINDOW (widget));
}

static void
toggle_names_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  OcopPresentationWindow *self = OCOP_PRESENTATION_WINDOW (widget);

  ocop_presentation_window_set_names_revealed (self, !self->names_revealed);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* ---- the object ---------------------------------------------------------------------- */

static void
ocop_presentation_window_dispose (GObject *object)
{
  OcopPresentationWindow *self = (OcopPresentationWindow *)object;

  g_clear_handle_id (&self->resize_id, g_source_remove);
  if (self->provider != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->provider));
      g_clear_object (&self->provider);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (ocop_presentation_window_parent_class)->dispose (object);
}

static void
ocop_presentation_window_finalize (GObject *object)
{
  OcopPresentationWindow *self = (OcopPresentationWindow *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (ocop_presentation_window_parent_class)->finalize (object);
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         const char            *action,
         GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The keys of a presentation. They are caught in the capture phase: GtkWindow's own
 * bindings (arrows move the focus, space activates the focused widget) would otherwise
 * take Right, Left and Space before the slides see them. */
static void
add_presentation_keys (OcopPresentationWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (keys, GTK_SHORTCUT_SCOPE_LOCAL);

  add_key (keys, GDK_KEY_Right, 0, "presentation.next", NULL);
  add_key (keys, GDK_KEY_Page_Down, 0, "presentation.next", NULL);
  add_key (keys, GDK_KEY_KP_Page_Down, 0, "presentation.next", NULL);
  add_key (keys, GDK_KEY_Left, 0, "presentation.previous", NULL);
  add_key (keys, GDK_KEY_Page_Up, 0, "presentation.previous", NULL);
  add_key (keys, GDK_KEY_KP_Page_Up, 0, "presentation.previous", NULL);
  add_key (keys, GDK_KEY_BackSpace, 0, "presentation.previous", NULL);
  add_key (keys, GDK_KEY_Home, 0, "presentation.first", NULL);
  add_key (keys, GDK_KEY_End, 0, "presentation.last", NULL);
  add_key (keys, GDK_KEY_space, 0, "presentation.reveal", NULL);
  add_key (keys, GDK_KEY_n, 0, "presentation.toggle-names", NULL);
  add_key (keys, GDK_KEY_N, GDK_SHIFT_MASK, "presentation.toggle-names", NULL);
  add_key (keys, GDK_KEY_Escape, 0, "presentation.leave", NULL);
  for (int i = 0; i <= 9; i++)
    {
      add_key (keys, GDK_KEY_0 + i, 0, "presentation.goto", g_variant_new_int32 (i));
      add_key (keys, GDK_KEY_KP_0 + i, 0, "presentation.goto", g_variant_new_int32 (i));
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ocop_presentation_window_class_init (OcopPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_presentation_window_dispose;
  object_class->finalize = ocop_presentation_window_finalize;

  widget_class->size_allocate = ocop_presentation_window_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopPresentationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OcopPresentationWindow, position_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.goto", "i", goto_action);
  gtk_widget_class_install_action (widget_class, "presentation.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-names", NULL, toggle_names_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static void
ocop_presentation_window_init (OcopPresentationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_presentation_keys (self);

  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

GtkWidget *
ocop_presentation_window_new (OcopDb *db,
                              gint64  meeting_id)
{
  OcopPresentationWindow *self;
  GdkDisplay *display;
  g_autoptr(GdkMonitor) monitor = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  self = g_object_new (OCOP_TYPE_PRESENTATION_WINDOW, NULL);
  self->db = g_object_ref (db);

  build (self, meeting_id);
  update_members (self);

  /* The monitor's size, for window managers that do not honour full screen. */
  display = gtk_widget_get_display (GTK_WIDGET (self));
  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width >= 640 && geometry.height >= 360)
        gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }
  self->last_width = 1280;
  self->last_height = 720;
  apply_sizes (self);

  ocop_presentation_window_set_slide (self, 0);
  gtk_window_fullscreen (GTK_WINDOW (self));

  return GTK_WIDGET (self);
}

guint
ocop_presentation_window_get_slide (OcopPresentationWindow *self)
{
  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), 0);

  return self->current;
}

guint
ocop_presentation_window_get_n_slides (OcopPresentationWindow *self)
{
  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), 0);

  return self->slides->len;
}

const char *
ocop_presentation_window_get_slide_name (OcopPresentationWindow *self)
{
  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

int
ocop_presentation_window_get_revealed_stars (OcopPresentationWindow *self)
{
  Slide *slide;

  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), 0);

  slide = current_slide (self);
  return slide != NULL ? slide->revealed : 0;
}

int
ocop_presentation_window_get_stars (OcopPresentationWindow *self)
{
  Slide *slide;

  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), 0);

  slide = current_slide (self);
  return slide != NULL ? slide->stars : 0;
}

gboolean
ocop_presentation_window_get_names_revealed (OcopPresentationWindow *self)
{
  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->names_revealed;
}

void
ocop_presentation_window_set_names_revealed (OcopPresentationWindow *self,
                                             gboolean                revealed)
{
  g_return_if_fail (OCOP_IS_PRESENTATION_WINDOW (self));

  self->names_revealed = !!revealed;
  update_members (self);
}

GPtrArray *
ocop_presentation_window_dup_member_labels (OcopPresentationWindow *self)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  Slide *slide;

  g_return_val_if_fail (OCOP_IS_PRESENTATION_WINDOW (self), labels);

  slide = current_slide (self);
  for (guint m = 0; slide != NULL && slide->member_labels != NULL && m < slide->member_labels->len; m++)
    g_ptr_array_add (labels, g_strdup (gtk_label_get_text (g_ptr_array_index (slide->member_labels, m))));

  return labels;
}
