/* ocop-results-view.c: the secretary's matrix of a meeting's results
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-results-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-export.h"
#include "ocop-result-flags.h"
#include "ocop-result-item.h"
#include "ocop-results-view.h"
#include "ocop-score-stars.h"
#include "ocop-scoring.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"

/* A row per product, a column per member who scores. The numbers come from the
 * core (ocop_db_compute_meeting_results, then ocop_db_list_results); the flags from
 * ocop-result-flags over the totals that make the mean. Selecting a row explains it:
 * the engine's reasons, the flags in words, and the criteria where the members'
 * points differ most, each with a strip of one cell per member. */

typedef enum
{
  COLUMN_ORDER,
  COLUMN_PRODUCT,
  COLUMN_MEMBER,
  COLUMN_SHEETS,
  COLUMN_SCORE,
  COLUMN_SPREAD,
  COLUMN_STARS,
  COLUMN_STATE,
  COLUMN_FLAGS,
} ColumnKind;

typedef struct
{
  OcopResultsView *self;
  ColumnKind       kind;
  gint64           member_id;
} ColumnInfo;

struct _OcopResultsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *summary_label;
  GtkToggleButton     *hide_names_button;
  GtkColumnView       *column_view;
  GtkRevealer         *side_revealer;
  GtkLabel            *side_title;
  GtkLabel            *side_score;
  OcopScoreStars      *side_stars;
  GtkLabel            *side_outcome;
  GtkBox              *reasons_box;
  GtkWidget           *disagree_heading;
  GtkBox              *disagree_box;
  GtkButton           *round_button;

  /* Owned */
  OcopDb              *db;
  OcopMeeting         *meeting;
  OcopCouncil         *council;
  OcopCriteriaSet     *set;
  GListStore          *store;          /* OcopResultItem */
  GtkSingleSelection  *selection;
  GPtrArray           *members;        /* OcopMember*: the member columns */
  GPtrArray           *member_columns; /* GtkColumnViewColumn*, borrowed */
  GHashTable          *present;        /* member id → TRUE */
  GHashTable          *recused;        /* "member:product" → reason */
  guint                updating;
};

G_DEFINE_FINAL_TYPE (OcopResultsView, ocop_results_view, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_side_pane (OcopResultsView *self);

/* Helpers */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
recused_key (gint64 member_id,
             gint64 product_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, member_id, product_id);
}

static OcopCouncilRules
council_rules (OcopResultsView *self)
{
  OcopCouncilRules rules = { 0 };

  if (self->council != NULL)
    {
      rules.level = self->council->level;
      rules.regime = self->council->regime;
      rules.secretary_scores = self->council->secretary_scores;
      rules.advisory_scores = self->council->advisory_scores;
    }

  return rules;
}

static gboolean
is_finalised (OcopResultsView *self)
{
  return self->meeting != NULL && self->meeting->state == OCOP_MEETING_FINALISED;
}

static int
member_column_index (OcopResultsView *self,
                     gint64           member_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (((const OcopMember *) g_ptr_array_index (self->members, i))->id == member_id)
      return i;

  return -1;
}

/* The member as the matrix shows them: the name, or the column's letter. */
static char *
member_display_name (OcopResultsView *self,
                     gint64           member_id,
                     const char      *name)
{
  int index = member_column_index (self, member_id);

  if (gtk_toggle_button_get_active (self->hide_names_button) && index >= 0)
    return ocop_export_member_letter (index);

  return g_strdup (name);
}

/* The totals that make the mean: submitted, scoring role, present, not recused. */
static gboolean
member_counts (OcopResultsView       *self,
               const OcopMemberTotal *total,
               gint64                 product_id)
{
  OcopCouncilRules rules = council_rules (self);
  g_autofree char *key = recused_key (total->member_id, product_id);

  return total->state == OCOP_SHEET_SUBMITTED &&
         ocop_rating_role_scores (&rules, total->role) &&
         g_hash_table_contains (self->present, GINT_TO_POINTER (total->member_id)) &&
         !g_hash_table_contains (self->recused, key);
}

static const char *
outcome_css_class (OcopOutcome outcome)
{
  switch (outcome)
    {
    case OCOP_OUTCOME_RECOGNISED:
    case OCOP_OUTCOME_RETURNED:
      return "success";

    case OCOP_OUTCOME_PROPOSED:
      return "accent";

    case OCOP_OUTCOME_NOT_PASSED:
      return "error";

    case OCOP_OUTCOME_RESCORE:
      return "warning";

    case OCOP_OUTCOME_INCOMPLETE:
    case OCOP_OUTCOME_N:
    default:
      return "dim-label";
    }
}

/* The flags in words, for tooltips and the side pane. */

static char *
spread_text (OcopResultsView       *self,
             const OcopResultFlags *flags)
{
  g_autofree char *spread = ocop_rating_format_score (flags->spread);
  g_autofree char *limit = ocop_text_format_number (self->set != NULL ? self->set->spread_limit : 10, 0);

  /* Translators: a flag in the results matrix; the first %s is the difference
   * between the highest and the lowest total, the second the limit (10) */
  return g_strdup_printf (_("The members’ totals differ by %s points, more than %s: finalising is blocked until the council rescores"),
                          spread, limit);
}

static char *
boundary_text (const OcopResultFlags *flags)
{
  g_autofree char *boundary = ocop_text_format_number (flags->boundary, 0);

  /* Translators: a flag in the results matrix; %s is a star boundary such as 70 */
  return g_strdup_printf (_("The score is within one point of the star boundary at %s"), boundary);
}

static char *
fragile_text (OcopResultsView       *self,
              const OcopResultItem  *item,
              const OcopResultFlags *flags)
{
  const OcopProductResult *result = ocop_result_item_get_result ((OcopResultItem *) item);
  const OcopMemberTotal *who = NULL;
  g_autofree char *name = NULL;
  guint counted = 0;

  for (guint i = 0; result->member_totals != NULL && i < result->member_totals->len; i++)
    {
      const OcopMemberTotal *total = g_ptr_array_index (result->member_totals, i);

      if (!member_counts (self, total, result->product_id))
        continue;
      if (counted++ == flags->fragile_index)
        who = total;
    }

  if (who == NULL)
    return g_strdup (_("The stars change if one member’s sheet is left out"));

  name = member_display_name (self, who->member_id, who->member_name);
  if (flags->n_fragile > 1)
    /* Translators: a flag in the results matrix; %s is a member (a name or a letter),
     * %d stars, %u how many members in all have that power */
    return g_strdup_printf (ngettext ("Without the sheet of %s the product would have %d stars; %u member’s sheet can change the stars",
                                      "Without the sheet of %s the product would have %d stars; %u members’ sheets can change the stars",
                                      flags->n_fragile),
                            name, flags->fragile_stars, flags->n_fragile);

  /* Translators: a flag in the results matrix; %s is a member (a name or a letter),
   * %d stars */
  return g_strdup_printf (_("Without the sheet of %s the product would have %d stars"),
                          name, flags->fragile_stars);
}

/* Cells */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnInfo               *info)
{
  GtkWidget *child;

  switch (info->kind)
    {
    case COLUMN_STARS:
      child = ocop_score_stars_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      break;

    case COLUMN_FLAGS:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      for (int i = 0; i < 3; i++)
        {
          GtkWidget *image = gtk_image_new ();

          gtk_widget_set_visible (image, FALSE);
          gtk_box_append (GTK_BOX (child), image);
        }
      break;

    case COLUMN_ORDER:
    case COLUMN_PRODUCT:
    case COLUMN_MEMBER:
    case COLUMN_SHEETS:
    case COLUMN_SCORE:
    case COLUMN_SPREAD:
    case COLUMN_STATE:
    default:
      child = gtk_label_new (NULL);
      if (info->kind == COLUMN_PRODUCT || info->kind == COLUMN_STATE)
        {
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          /* The result is read in full; a long product name gives way. */
          if (info->kind == COLUMN_PRODUCT)
            gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
        }
      else
        {
          gtk_label_set_xalign (GTK_LABEL (child), 1);
          gtk_widget_add_css_class (child, "numeric");
        }
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

static void
set_flag_image (GtkWidget  *image,
                gboolean    shown,
                const char *icon,
                const char *css_class,
                const char *tooltip)
{
  gtk_widget_set_visible (image, shown);
  if (!shown)
    return;

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_css_classes (image, (const char *[]) { css_class, NULL });
  gtk_widget_set_tooltip_text (image, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnInfo               *info)
{
  OcopResultsView *self = info->self;
  OcopResultItem *item = gtk_list_item_get_item (list_item);
  const OcopProductResult *result = ocop_result_item_get_result (item);
  const OcopResultFlags *flags = ocop_result_item_get_flags (item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *css = NULL;

  switch (info->kind)
    {
    case COLUMN_ORDER:
      {
        guint position = gtk_list_item_get_position (list_item);

        text = g_strdup_printf ("%u", position + 1);
      }
      break;

    case COLUMN_PRODUCT:
      text = g_strdup (result->product_name);
      if (result->round > 1)
        /* Translators: tooltip of a product in the results matrix; %s is its code, %d
         * its scoring round */
        tooltip = g_strdup_printf (_("%s — scoring round %d"),
                                   result->product_code != NULL ? result->product_code : "", result->round);
      else
        tooltip = g_strdup (result->product_code);
      break;

    case COLUMN_MEMBER:
      {
        const OcopMemberTotal *total = ocop_result_item_find_member_total (item, info->member_id);
        g_autofree char *key = recused_key (info->member_id, result->product_id);
        const char *reason = g_hash_table_lookup (self->recused, key);

        if (reason != NULL)
          {
            text = g_strdup ("—");
            /* Translators: tooltip of a member's cell in the results matrix; %s is the
             * reason given */
            tooltip = g_strdup_printf (_("Recused (conflict of interest): %s"), reason);
            css = "dim-label";
          }
        else if (total == NULL)
          {
            text = g_strdup ("");
          }
        else if (total->state != OCOP_SHEET_SUBMITTED)
          {
            text = g_strdup ("…");
            tooltip = g_strdup (_("Draft: not submitted yet"));
            css = "dim-label";
          }
        else if (total->knocked_out)
          {
            g_autofree char *score = ocop_rating_format_score (total->total);

            /* Translators: a knocked-out sheet's total in the results matrix */
            text = g_strdup_printf (_("%s ✕"), score);
            tooltip = g_strdup (_("Knocked out: this member found a disqualifying condition"));
            css = "error";
          }
        else
          text = ocop_rating_format_score (total->total);
      }
      break;

    case COLUMN_SHEETS:
      text = g_strdup_printf ("%u", result->n_counted);
      break;

    case COLUMN_SCORE:
      text = result->computed && result->n_counted > 0 ? ocop_rating_format_score (result->score) : g_strdup ("—");
      css = "heading";
      break;

    case COLUMN_SPREAD:
      text = result->computed && result->n_counted > 1 ? ocop_rating_format_score (result->spread) : g_strdup ("—");
      if (flags->spread_exceeded)
        css = "error";
      break;

    case COLUMN_STARS:
      ocop_score_stars_set_stars (OCOP_SCORE_STARS (child),
                                  result->computed && result->n_counted > 0 ? result->stars : 0);
      gtk_widget_set_opacity (child, result->computed && result->n_counted > 0 ? 1.0 : 0.35);
      return;

    case COLUMN_STATE:
      text = g_strdup (ocop_outcome_get_label (result->outcome));
      tooltip = g_strdup (result->reasons);
      css = outcome_css_class (result->outcome);
      break;

    case COLUMN_FLAGS:
      {
        GtkWidget *spread = gtk_widget_get_first_child (child);
        GtkWidget *boundary = gtk_widget_get_next_sibling (spread);
        GtkWidget *fragile = gtk_widget_get_next_sibling (boundary);
        g_autofree char *spread_tip = flags->spread_exceeded ? spread_text (self, flags) : NULL;
        g_autofree char *boundary_tip = flags->near_boundary ? boundary_text (flags) : NULL;
        g_autofree char *fragile_tip = flags->fragile ? fragile_text (self, item, flags) : NULL;

        set_flag_image (spread, flags->spread_exceeded, "dialog-warning-symbolic", "error", spread_tip);
        set_flag_image (boundary, flags->near_boundary, "power-profile-balanced-symbolic", "warning", boundary_tip);
        set_flag_image (fragile, flags->fragile, "emoji-people-symbolic", "accent", fragile_tip);
      }
      return;

    default:
      break;
    }

  gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (child, tooltip);
  if (info->kind == COLUMN_PRODUCT || info->kind == COLUMN_STATE)
    gtk_widget_set_css_classes (child, (const char *[]) { css, NULL });
  else
    gtk_widget_set_css_classes (child, (const char *[]) { "numeric", css, NULL });
}

static GtkColumnViewColumn *
add_column (OcopResultsView *self,
            const char      *title,
            ColumnKind       kind,
            gint64           member_id)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = g_new0 (ColumnInfo, 1);
  GtkColumnViewColumn *column;

  info->self = self;
  info->kind = kind;
  info->member_id = member_id;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), info,
                         (GClosureNotify) (void (*) (void)) g_free, G_CONNECT_DEFAULT);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (kind == COLUMN_PRODUCT)
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 190);
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

static void
rebuild_columns (OcopResultsView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->member_columns, 0);

  /* Translators: the first column of the results matrix: the product's place on the agenda */
  add_column (self, C_("results column", "No."), COLUMN_ORDER, 0);
  add_column (self, C_("results column", "Product"), COLUMN_PRODUCT, 0);

  /* What decides first, so that it stays in view; the members' totals follow. */
  add_column (self, C_("results column", "Score"), COLUMN_SCORE, 0);
  add_column (self, C_("results column", "Stars"), COLUMN_STARS, 0);
  add_column (self, C_("results column", "Result"), COLUMN_STATE, 0);
  add_column (self, C_("results column", "Flags"), COLUMN_FLAGS, 0);
  add_column (self, C_("results column", "Spread"), COLUMN_SPREAD, 0);
  add_column (self, C_("results column", "Sheets"), COLUMN_SHEETS, 0);

  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      const OcopMember *member = g_ptr_array_index (self->members, i);
      g_autofree char *title = member_display_name (self, member->id, member->name);

      g_ptr_array_add (self->member_columns, add_column (self, title, COLUMN_MEMBER, member->id));
    }
}

static void
rename_member_columns (OcopResultsView *self)
{
  for (guint i = 0; i < self->member_columns->len && i < self->members->len; i++)
    {
      const OcopMember *member = g_ptr_array_index (self->members, i);
      g_autofree char *title = member_display_name (self, member->id, member->name);

      gtk_column_view_column_set_title (g_ptr_array_index (self->member_columns, i), title);
    }
}

/* Loading */

static gboolean
load_context (OcopResultsView  *self,
              GError          **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) members = NULL;
  OcopCouncilRules rules;

  if ((meeting = ocop_db_get_meeting (self->db, self->meeting->id, error)) == NULL ||
      (council = ocop_db_get_council (self->db, meeting->council_id, error)) == NULL ||
      (set = ocop_db_load_criteria_set (self->db, meeting->set_id, error)) == NULL ||
      (attendance = ocop_db_list_attendance (self->db, meeting->id, error)) == NULL ||
      (conflicts = ocop_db_list_conflicts (self->db, meeting->id, error)) == NULL)
    return FALSE;

  g_clear_pointer (&self->meeting, ocop_meeting_free);
  self->meeting = g_steal_pointer (&meeting);
  g_clear_pointer (&self->council, ocop_council_free);
  self->council = g_steal_pointer (&council);
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  self->set = g_steal_pointer (&set);

  rules = council_rules (self);
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_member_free);
  g_hash_table_remove_all (self->present);
  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);

      if (a->present)
        g_hash_table_add (self->present, GINT_TO_POINTER (a->member_id));
      if (a->present && ocop_rating_role_scores (&rules, a->role))
        {
          OcopMember *member = ocop_member_new ();

          member->id = a->member_id;
          member->name = g_strdup (a->member_name);
          member->role = a->role;
          g_ptr_array_add (members, member);
        }
    }
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = g_steal_pointer (&members);

  g_hash_table_remove_all (self->recused);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const OcopConflict *c = g_ptr_array_index (conflicts, i);

      g_hash_table_insert (self->recused, recused_key (c->member_id, c->product_id),
                           g_strdup (c->reason));
    }

  return TRUE;
}

/* Members with sheets who are not columns yet (absent now, say) get a column too. */
static void
add_members_with_sheets (OcopResultsView *self,
                         GPtrArray       *results)
{
  g_autoptr(GPtrArray) with_sheets = ocop_export_list_members (results);

  for (guint i = 0; i < with_sheets->len; i++)
    {
      const OcopExportMember *m = g_ptr_array_index (with_sheets, i);
      OcopMember *member;

      if (member_column_index (self, m->member_id) >= 0)
        continue;

      member = ocop_member_new ();
      member->id = m->member_id;
      member->name = g_strdup (m->name);
      member->role = m->role;
      g_ptr_array_add (self->members, member);
    }
}

static void
update_summary (OcopResultsView *self)
{
  guint counts[OCOP_OUTCOME_N] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OcopResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      counts[ocop_result_item_get_result (item)->outcome]++;
    }

  /* Translators: the start of the summary above the results matrix */
  g_string_append_printf (text, ngettext ("%u product", "%u products", n), n);
  for (guint o = 0; o < OCOP_OUTCOME_N; o++)
    if (counts[o] > 0)
      /* Translators: one part of the summary above the results matrix, “Recognised:
       * 7”; %s is a result, %u how many products have it */
      g_string_append_printf (text, _(" · %s: %u"), ocop_outcome_get_label (o), counts[o]);

  if (is_finalised (self))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Finalised: read-only"));
    }

  gtk_label_set_text (self->summary_label, text->str);
}

void
ocop_results_view_reload (OcopResultsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 selected_product = 0;
  OcopResultItem *selected;

  g_return_if_fail (OCOP_IS_RESULTS_VIEW (self));

  if (self->db == NULL || self->meeting == NULL)
    {
      g_list_store_remove_all (self->store);
      update_side_pane (self);
      return;
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_product = ocop_result_item_get_result (selected)->product_id;

  if (!load_context (self, &error) ||
      (!is_finalised (self) && !ocop_db_compute_meeting_results (self->db, self->meeting->id, &error)) ||
      (results = ocop_db_list_results (self->db, self->meeting->id, &error)) == NULL)
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  add_members_with_sheets (self, results);

  /* The items take the results over. */
  g_ptr_array_set_free_func (results, NULL);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < results->len; i++)
    {
      OcopProductResult *result = g_ptr_array_index (results, i);
      g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
      OcopResultFlags flags;

      for (guint j = 0; result->member_totals != NULL && j < result->member_totals->len; j++)
        {
          const OcopMemberTotal *total = g_ptr_array_index (result->member_totals, j);

          if (member_counts (self, total, result->product_id))
            g_array_append_val (totals, total->total);
        }
      ocop_result_flags_compute (self->set, (const double *) totals->data, totals->len, &flags);
      g_ptr_array_add (items, ocop_result_item_new (result, &flags));
    }

  self->updating++;
  rebuild_columns (self);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating--;

  update_summary (self);
  if (selected_product == 0 || !ocop_results_view_select_product (self, selected_product))
    update_side_pane (self);
}

/* The side pane */

typedef struct
{
  guint  n;
  double points[OCOP_RESULT_MAX_MEMBERS];
  double max;
} Strip;

static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  const Strip *strip = data;
  GdkRGBA accent = { 0.11, 0.44, 0.85, 1.0 };
  double cell;

  if (strip->n == 0)
    return;

  cell = (double) width / strip->n;
  for (guint i = 0; i < strip->n; i++)
    {
      double ratio = strip->max > 0 ? strip->points[i] / strip->max : 0;

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.12 + 0.88 * ratio);
      cairo_rectangle (cr, i * cell + 1, 0, cell - 2, height);
      cairo_fill (cr);
    }
}

static GtkWidget *
make_disagreement_row (OcopResultsView        *self,
                       const OcopDisagreement *row,
                       const gint64           *member_ids,
                       char                  **member_names)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title;
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *heading = NULL;
  g_autofree char *range = NULL;
  g_autofree char *low = ocop_rating_format_score (row->lowest);
  g_autofree char *high = ocop_rating_format_score (row->highest);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  Strip *strip = g_new0 (Strip, 1);

  heading = g_strdup_printf ("%s %s", row->criterion->code, row->criterion->name);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, heading);
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: how far apart the members' points on one criterion are, “from 0,00 to
   * 3,00 points” */
  range = g_strdup_printf (_("from %s to %s points"), low, high);

  strip->n = row->n_points;
  strip->max = row->criterion->max;
  for (guint i = 0; i < row->n_points; i++)
    {
      g_autofree char *who = member_display_name (self, member_ids[i], member_names[i]);
      g_autofree char *points = ocop_rating_format_score (row->points[i]);

      strip->points[i] = row->points[i];
      if (tooltip->len > 0)
        g_string_append (tooltip, "\n");
      /* Translators: one member's points in the tooltip of a disagreement strip */
      g_string_append_printf (tooltip, _("%s: %s"), who, points);
    }

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_strip, strip, g_free);
  gtk_widget_set_tooltip_text (area, tooltip->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip->str,
                                  -1);
  gtk_box_append (GTK_BOX (box), area);

  {
    GtkWidget *caption = gtk_label_new (range);

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_widget_add_css_class (caption, "caption");
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_box_append (GTK_BOX (box), caption);
  }

  return box;
}

static void
fill_disagreements (OcopResultsView         *self,
                    const OcopProductResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree OcopSheetAnswers *answers = NULL;
  g_autofree gint64 *member_ids = NULL;
  g_autofree char **names = NULL;
  const OcopSheet *sheet = NULL;
  guint n = 0;

  clear_box (self->disagree_box);

  sheets = ocop_db_list_score_sheets (self->db, self->meeting->id, result->product_id, result->round, &error);
  if (sheets == NULL)
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  answers = g_new0 (OcopSheetAnswers, MAX (sheets->len, 1));
  member_ids = g_new0 (gint64, MAX (sheets->len, 1));
  names = g_new0 (char *, MAX (sheets->len, 1) + 1);
  for (guint i = 0; i < sheets->len && n < OCOP_RESULT_MAX_MEMBERS; i++)
    {
      const OcopScoreSheet *s = g_ptr_array_index (sheets, i);
      const OcopMemberTotal *total = NULL;

      for (guint j = 0; result->member_totals != NULL && j < result->member_totals->len; j++)
        if (((const OcopMemberTotal *) g_ptr_array_index (result->member_totals, j))->score_sheet_id == s->id)
          total = g_ptr_array_index (result->member_totals, j);

      if (total == NULL || !member_counts (self, total, result->product_id))
        continue;

      if (sheet == NULL)
        sheet = ocop_criteria_set_find_sheet (self->set, s->sheet_code);
      ocop_score_sheet_get_answers (s, &answers[n]);
      member_ids[n] = s->member_id;
      names[n] = total->member_name;
      n++;
    }

  if (sheet != NULL && n >= 2)
    rows = ocop_result_disagreements (self->set, sheet, answers, n, 5);

  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (n >= 2 ? _("The members agree on every criterion.")
                                               : _("Two submitted sheets are needed to compare."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->disagree_box, label);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    gtk_box_append (self->disagree_box,
                    make_disagreement_row (self, &g_array_index (rows, OcopDisagreement, i), member_ids, names));
}

static void
append_reason (OcopResultsView *self,
               const char      *text,
               const char      *css_class)
{
  g_autofree char *line = g_strdup_printf ("• %s", text);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->reasons_box, label);
}

static void
update_side_pane (OcopResultsView *self)
{
  OcopResultItem *item = gtk_single_selection_get_selected_item (self->selection);
  const OcopProductResult *result;
  const OcopResultFlags *flags;
  g_autofree char *score = NULL;
  g_autofree char *round_label = NULL;
  gboolean can_open_round;

  gtk_revealer_set_reveal_child (self->side_revealer, item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.open-round", FALSE);
  if (item == NULL)
    return;

  result = ocop_result_item_get_result (item);
  flags = ocop_result_item_get_flags (item);

  gtk_label_set_text (self->side_title, result->product_name);
  score = result->computed && result->n_counted > 0 ? ocop_rating_format_score (result->score) : g_strdup ("—");
  gtk_label_set_text (self->side_score, score);
  ocop_score_stars_set_stars (self->side_stars, result->n_counted > 0 ? result->stars : 0);
  gtk_label_set_text (self->side_outcome, ocop_outcome_get_label (result->outcome));
  gtk_widget_set_css_classes (GTK_WIDGET (self->side_outcome),
                              (const char *[]) { "heading", outcome_css_class (result->outcome), NULL });

  clear_box (self->reasons_box);
  if (result->reasons != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (result->reasons, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          append_reason (self, lines[i], NULL);
    }
  /* The engine's reasons already say it when the product is to be rescored. */
  if (flags->spread_exceeded && result->outcome != OCOP_OUTCOME_RESCORE)
    {
      g_autofree char *text = spread_text (self, flags);
      append_reason (self, text, "error");
    }
  if (flags->near_boundary)
    {
      g_autofree char *text = boundary_text (flags);
      append_reason (self, text, "warning");
    }
  if (flags->fragile)
    {
      g_autofree char *text = fragile_text (self, item, flags);
      append_reason (self, text, "accent");
    }

  fill_disagreements (self, result);

  /* Translators: the button that opens the next scoring round; %d is its number */
  round_label = g_strdup_printf (_("Open Round _%d…"), result->round + 1);
  gtk_button_set_label (self->round_button, round_label);
  can_open_round = !is_finalised (self) && result->member_totals != NULL && result->member_totals->len > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.open-round", can_open_round);
  if (result->outcome == OCOP_OUTCOME_RESCORE)
    gtk_widget_add_css_class (GTK_WIDGET (self->round_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->round_button), "suggested-action");
}

static void
on_selection_changed_cb (OcopResultsView *self)
{
  if (self->updating > 0)
    return;

  update_side_pane (self);
}

static void
on_hide_names_button_toggled_cb (OcopResultsView *self,
                                 GtkToggleButton *button)
{
  rename_member_columns (self);
  update_side_pane (self);

  /* The cells' tooltips name members too. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->store), 0,
                                g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                                g_list_model_get_n_items (G_LIST_MODEL (self->store)));
}

/* Actions */

static void
on_open_round_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OcopResultsView  *self)
{
  gint64 product_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ocop-product"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "open") != 0)
    return;

  if (!ocop_db_open_round (self->db, self->meeting->id, product_id, &error))
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  ocop_results_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  OcopResultsView *self = OCOP_RESULTS_VIEW (widget);
  OcopResultItem *item = gtk_single_selection_get_selected_item (self->selection);
  const OcopProductResult *result;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (item == NULL)
    return;

  result = ocop_result_item_get_result (item);
  /* Translators: %d is the number of the scoring round */
  heading = g_strdup_printf (_("Open Scoring Round %d?"), result->round + 1);
  /* Translators: the first %s is a product, %d the current round */
  body = g_strdup_printf (_("“%s” is scored again by every member who scores. The sheets of round %d are kept, read-only, in the record."),
                          result->product_name, result->round);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open", _("_Open Round"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ocop-product", GSIZE_TO_POINTER (result->product_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_round_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       OcopResultsView *self)
{
  OcopResultsExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "ocop-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), _("Choose a local file to export to"));
      else if (!ocop_results_view_export (self, format, path, &error))
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Results exported to %s"), name);

          ocop_ui_show_overlay_toast (GTK_WIDGET (self), text);
        }
    }

  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopResultsView *self = OCOP_RESULTS_VIEW (widget);
  gboolean xlsx = g_strcmp0 (g_variant_get_string (param, NULL), "xlsx") == 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->meeting == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Results"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (xlsx)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* Translators: the suggested file name of an export, without extension; %s is the
   * meeting's date (2024-11-12) */
  name = g_strdup_printf (_("results-%s.%s"), self->meeting->date, xlsx ? "xlsx" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "ocop-format",
                     GINT_TO_POINTER (xlsx ? OCOP_RESULTS_EXPORT_XLSX : OCOP_RESULTS_EXPORT_CSV));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject */

static void
ocop_results_view_dispose (GObject *object)
{
  OcopResultsView *self = (OcopResultsView *)object;

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_RESULTS_VIEW);

  G_OBJECT_CLASS (ocop_results_view_parent_class)->dispose (object);
}

static void
ocop_results_view_finalize (GObject *object)
{
  OcopResultsView *self = (OcopResultsView *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_columns, g_ptr_array_unref);
  g_clear_pointer (&self->present, g_hash_table_unref);
  g_clear_pointer (&self->recused, g_hash_table_unref);
  g_clear_pointer (&self->meeting, ocop_meeting_free);
  g_clear_pointer (&self->council, ocop_council_free);
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ocop_results_view_parent_class)->finalize (object);
}

static void
ocop_results_view_class_init (OcopResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_results_view_dispose;
  object_class->finalize = ocop_results_view_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (OCOP_TYPE_SCORE_STARS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, hide_names_button);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, side_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, side_title);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, side_score);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, side_stars);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, side_outcome);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, disagree_heading);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, disagree_box);
  gtk_widget_class_bind_template_child (widget_class, OcopResultsView, round_button);
  gtk_widget_class_bind_template_callback (widget_class, on_hide_names_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "results.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "results.open-round", NULL, open_round_action);
}

static void
ocop_results_view_init (OcopResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (OCOP_TYPE_RESULT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->member_columns = g_ptr_array_new ();
  self->present = g_hash_table_new (NULL, NULL);
  self->recused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Results"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hide_names_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hide Members’ Names"),
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.open-round", FALSE);
}

/* Public */

GtkWidget *
ocop_results_view_new (void)
{
  return g_object_new (OCOP_TYPE_RESULTS_VIEW, NULL);
}

gboolean
ocop_results_view_set_meeting (OcopResultsView  *self,
                               OcopDb           *db,
                               gint64            meeting_id,
                               GError          **error)
{
  g_return_val_if_fail (OCOP_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (db == NULL || OCOP_IS_DB (db), FALSE);

  g_set_object (&self->db, db);
  g_clear_pointer (&self->meeting, ocop_meeting_free);
  g_list_store_remove_all (self->store);

  if (db == NULL || meeting_id <= 0)
    {
      update_side_pane (self);
      return TRUE;
    }

  self->meeting = ocop_meeting_new ();
  self->meeting->id = meeting_id;
  if (!load_context (self, error))
    {
      g_clear_pointer (&self->meeting, ocop_meeting_free);
      return FALSE;
    }

  ocop_results_view_reload (self);

  return TRUE;
}

GListModel *
ocop_results_view_get_model (OcopResultsView *self)
{
  g_return_val_if_fail (OCOP_IS_RESULTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}

gboolean
ocop_results_view_select_product (OcopResultsView *self,
                                  gint64           product_id)
{
  guint n;

  g_return_val_if_fail (OCOP_IS_RESULTS_VIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OcopResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (ocop_result_item_get_result (item)->product_id == product_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          update_side_pane (self);
          return TRUE;
        }
    }

  return FALSE;
}

void
ocop_results_view_set_hide_names (OcopResultsView *self,
                                  gboolean         hide)
{
  g_return_if_fail (OCOP_IS_RESULTS_VIEW (self));

  gtk_toggle_button_set_active (self->hide_names_button, hide);
}

gboolean
ocop_results_view_get_hide_names (OcopResultsView *self)
{
  g_return_val_if_fail (OCOP_IS_RESULTS_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->hide_names_button);
}

gboolean
ocop_results_view_export (OcopResultsView          *self,
                          OcopResultsExportFormat   format,
                          const char               *path,
                          GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *title = NULL;
  gboolean hide;

  g_return_val_if_fail (OCOP_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL || self->meeting == NULL)
    {
      g_set_error_literal (error, OCOP_EXPORT_ERROR, OCOP_EXPORT_ERROR_FAILED, _("No meeting is open"));
      return FALSE;
    }

  results = ocop_db_list_results (self->db, self->meeting->id, error);
  if (results == NULL)
    return FALSE;

  hide = gtk_toggle_button_get_active (self->hide_names_button);
  if (format == OCOP_RESULTS_EXPORT_CSV)
    return ocop_export_results_csv (results, hide, path, error);

  {
    int y = 0, m = 0, d = 0;
    g_autofree char *date = ocop_text_parse_date (self->meeting->date, &y, &m, &d)
                            ? ocop_text_format_date_short (y, m, d) : g_strdup (self->meeting->date);

    /* Translators: the title line of an exported results workbook: the council and
     * the meeting's date */
    title = g_strdup_printf (_("%s — meeting of %s"), self->council != NULL ? self->council->name : "", date);
  }

  return ocop_export_results_xlsx (results, hide, title, path, error);
}
