/* ocop-score-sheet.c: one member's score sheet for one product, as a form
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-score-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-registry.h"
#include "ocop-score-sheet.h"
#include "ocop-score-stars.h"
#include "ocop-scoring.h"
#include "ocop-text.h"
#include "ocop-ui-util.h"

/* The form mirrors the legal sheet: the knock-out line in a frame, then per part a
 * group with its running subtotal, sections as headings and one row per criterion
 * (leaf) with its options as radio buttons. It is built once per product set's sheet;
 * a tick only stores the answer (ocop_db_tick: its own transaction), runs the engine
 * on the answers in memory and updates labels, classes and visibility. Nothing is
 * rebuilt and there is nothing to save.
 *
 * Paper entry is keyboard only: a capture-phase key controller turns digits, Enter,
 * Tab, Shift+Tab and Backspace on a criterion into the widget actions sheet.pick,
 * sheet.next-criterion and sheet.previous-criterion, so the keys and the tests use the
 * same handlers. */

typedef struct
{
  const OcopCriterion *criterion;
  GtkWidget           *row;
  GtkWidget          **checks;       /* one per option */
  guint                n_checks;
  gboolean             story;        /* not applicable means "no story": hidden */
  OcopLeafState        state;
  gboolean             state_known;
} Leaf;

typedef struct
{
  GtkWidget *row;
  int        first_leaf;
  int        last_leaf;
} GroupRow;

struct _OcopScoreForm
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *member_prefix;
  GtkDropDown         *member_dropdown;
  GtkToggleButton     *paper_button;
  GtkEntry            *typist_entry;
  GtkDropDown         *product_dropdown;
  GtkRevealer         *banner_revealer;
  GtkImage            *banner_icon;
  GtkLabel            *banner_label;
  GtkWidget           *checked_button;
  GtkWidget           *reopen_button;
  GtkStack            *body_stack;
  AdwStatusPage       *message_page;
  GtkScrolledWindow   *form_scroller;
  GtkBox              *form_box;
  GtkWidget           *action_bar;
  GtkLabel            *parts_label;
  GtkLabel            *total_label;
  OcopScoreStars      *stars;
  GtkLabel            *result_label;
  GtkLabel            *answered_label;
  GtkLabel            *saved_label;
  GtkWidget           *submit_button;

  /* Built per sheet, owned by the form */
  const OcopSheet     *built_sheet;     /* borrowed from set */
  GtkWidget           *knockout_switch;
  GtkWidget           *body_box;
  GArray              *leaves;          /* Leaf */
  GArray              *groups;          /* GroupRow */
  GPtrArray           *part_labels;     /* GtkLabel*, one per part */
  GHashTable          *stop_switches;   /* code → GtkSwitch* */

  /* Owned */
  OcopDb              *db;
  OcopMeeting         *meeting;
  OcopCriteriaSet     *set;
  GPtrArray           *members;         /* OcopMember*: present and scoring */
  GPtrArray           *agenda;          /* OcopAgendaItem* */
  OcopScoreSheet      *sheet;           /* the open sheet (the core's record) */
  OcopSheetScore       score;
  gboolean             have_score;
  int                  current_leaf;
  guint                updating;
  guint                saved_timeout;
  /* Opening a sheet creates the member's draft: only when the form is on screen. */
  gboolean             load_pending;
};

G_DEFINE_FINAL_TYPE (OcopScoreForm, ocop_score_form, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void ocop_score_form_load_sheet (OcopScoreForm  *self);
static void ocop_score_form_recompute  (OcopScoreForm  *self);

/* Helpers */

static char *
format_points (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  if (fabs (value * 10 - round (value * 10)) < 1e-9)
    return ocop_text_format_number (value, 1);

  return ocop_text_format_number (value, 2);
}

static GtkWidget *
make_points_label (double      points,
                   const char *css_class)
{
  g_autofree char *number = format_points (points);
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: points next to an option or a criterion on the score sheet, “3
   * points” (“3 điểm”); %s is the number */
  text = g_strdup_printf (ngettext ("%s point", "%s points",
                                    fabs (points - 1) < 1e-9 ? 1 : 5), number);
  label = ocop_ui_make_label (text, css_class, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");

  return label;
}

static gboolean
criterion_in_story (const OcopCriterion *criterion)
{
  for (const OcopCriterion *c = criterion; c != NULL; c = c->parent)
    if (c->applies_if != NULL || ocop_criterion_has_rule (c, OCOP_RULE_APPLIES_IF_STORY))
      return TRUE;

  return FALSE;
}

static const OcopRule *
find_rule (const GPtrArray *rules,
           OcopRuleKind     kind)
{
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const OcopRule *rule = g_ptr_array_index (rules, i);

      if (rule->kind == kind)
        return rule;
    }

  return NULL;
}

static gboolean
is_read_only (OcopScoreForm  *self)
{
  return self->sheet == NULL ||
         self->sheet->state == OCOP_SHEET_SUBMITTED ||
         self->meeting == NULL ||
         self->meeting->state == OCOP_MEETING_FINALISED;
}

static gboolean
sheet_has_stop (const OcopScoreForm  *self,
                const char           *code)
{
  for (guint i = 0; self->sheet->stop_conditions[i] != NULL; i++)
    if (g_strcmp0 (self->sheet->stop_conditions[i], code) == 0)
      return TRUE;

  return FALSE;
}

static const OcopMember *
current_member (OcopScoreForm  *self)
{
  guint i = gtk_drop_down_get_selected (self->member_dropdown);

  if (self->members == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->members->len)
    return NULL;

  return g_ptr_array_index (self->members, i);
}

static const OcopAgendaItem *
current_item (OcopScoreForm  *self)
{
  guint i = gtk_drop_down_get_selected (self->product_dropdown);

  if (self->agenda == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->agenda->len)
    return NULL;

  return g_ptr_array_index (self->agenda, i);
}

/* The "current" criterion */

static void
set_current_leaf (OcopScoreForm  *self,
                  int             leaf)
{
  if (self->leaves == NULL)
    {
      self->current_leaf = -1;
      return;
    }

  if (self->current_leaf >= 0 && (guint) self->current_leaf < self->leaves->len)
    gtk_widget_remove_css_class (g_array_index (self->leaves, Leaf, self->current_leaf).row, "current");

  self->current_leaf = leaf;

  if (leaf >= 0 && (guint) leaf < self->leaves->len)
    gtk_widget_add_css_class (g_array_index (self->leaves, Leaf, leaf).row, "current");
}

static gboolean
leaf_is_navigable (OcopScoreForm  *self,
                   int             index,
                   gboolean        required_only)
{
  const Leaf *leaf = &g_array_index (self->leaves, Leaf, index);

  /* Hidden story criteria and stopped ones are skipped; the other case of a
   * choose-one stays reachable (ticking it chooses that case). */
  if (!self->have_score)
    return TRUE;

  switch (self->score.leaf_states[index])
    {
    case OCOP_LEAF_REQUIRED:
      return TRUE;

    case OCOP_LEAF_NOT_APPLICABLE:
      return !leaf->story && !required_only;

    case OCOP_LEAF_STOPPED:
    default:
      return FALSE;
    }
}

gboolean
ocop_score_form_focus_leaf (OcopScoreForm  *self,
                             int             leaf_index)
{
  const Leaf *leaf;
  int option;

  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), FALSE);

  if (self->leaves == NULL || leaf_index < 0 || (guint) leaf_index >= self->leaves->len)
    return FALSE;

  leaf = &g_array_index (self->leaves, Leaf, leaf_index);
  option = self->sheet != NULL ? self->sheet->options[leaf_index] : -1;
  if (option < 0 || (guint) option >= leaf->n_checks)
    option = 0;

  set_current_leaf (self, leaf_index);
  if (leaf->n_checks > 0)
    gtk_widget_grab_focus (leaf->checks[option]);

  /* Keep the criterion being typed well inside the view, not at its bottom edge. */
  {
    GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->form_box));
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->form_scroller);
    double x, y;
    double value = gtk_adjustment_get_value (vadj);
    double page = gtk_adjustment_get_page_size (vadj);
    int height = gtk_widget_get_height (leaf->row);

    if (content != NULL && page > 0 &&
        gtk_widget_translate_coordinates (leaf->row, content, 0, 0, &x, &y) &&
        (y < value + 40 || y + MIN (height, page / 2) > value + page - 40))
      gtk_adjustment_set_value (vadj, y - page / 3);
  }

  return TRUE;
}

/* After a digit, on to the next criterion that applies; Enter and Tab also stop at
 * the other case of a choose-one, so that a paper sheet scored on case 2 can be
 * typed in. */
static void
move_to (OcopScoreForm  *self,
         int             direction,
         gboolean        required_only)
{
  int n;

  if (self->leaves == NULL || self->leaves->len == 0)
    return;

  n = self->leaves->len;
  for (int i = self->current_leaf + direction; i >= 0 && i < n; i += direction)
    if (leaf_is_navigable (self, i, required_only))
      {
        ocop_score_form_focus_leaf (self, i);
        return;
      }

  /* Past the last criterion: on to "Submit sheet" when it can be pressed. */
  if (direction > 0 && gtk_widget_is_sensitive (self->submit_button))
    gtk_widget_grab_focus (self->submit_button);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Storing */

static gboolean
hide_saved_cb (gpointer data)
{
  OcopScoreForm  *self = data;

  gtk_widget_set_opacity (GTK_WIDGET (self->saved_label), 0);
  self->saved_timeout = 0;

  return G_SOURCE_REMOVE;
}

static void
show_saved (OcopScoreForm  *self)
{
  gtk_widget_set_opacity (GTK_WIDGET (self->saved_label), 1);
  g_clear_handle_id (&self->saved_timeout, g_source_remove);
  self->saved_timeout = g_timeout_add_seconds (3, hide_saved_cb, self);
}

static void
store_typist (OcopScoreForm  *self)
{
  const char *typist;
  g_autoptr(GError) error = NULL;

  if (self->sheet == NULL || is_read_only (self) || !gtk_toggle_button_get_active (self->paper_button))
    return;

  typist = gtk_editable_get_text (GTK_EDITABLE (self->typist_entry));
  if (typist[0] == '\0' || g_strcmp0 (typist, self->sheet->entered_by) == 0)
    return;

  if (!ocop_db_set_entered_by (self->db, self->sheet->id, typist, &error))
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_free (self->sheet->entered_by);
  self->sheet->entered_by = g_strdup (typist);
}

/* Shows the stored answers on the form (after a load or a failed tick). */
static void
sync_leaf (OcopScoreForm  *self,
           guint           index)
{
  const Leaf *leaf = &g_array_index (self->leaves, Leaf, index);
  int option = self->sheet != NULL ? self->sheet->options[index] : -1;

  self->updating++;
  for (guint o = 0; o < leaf->n_checks; o++)
    {
      gboolean active = (int) o == option;

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (leaf->checks[o])) != active)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (leaf->checks[o]), active);
    }
  self->updating--;
}

static gboolean
tick (OcopScoreForm  *self,
      int             leaf_index,
      int             option)
{
  g_autoptr(GError) error = NULL;

  if (is_read_only (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  store_typist (self);

  if (!ocop_db_tick (self->db, self->sheet->id, leaf_index, option, &error))
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      sync_leaf (self, leaf_index);
      return FALSE;
    }

  self->sheet->options[leaf_index] = option;
  sync_leaf (self, leaf_index);
  ocop_score_form_recompute (self);
  show_saved (self);

  return TRUE;
}

static void
on_option_toggled_cb (GtkCheckButton *check,
                      OcopScoreForm  *self)
{
  int leaf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "ocop-leaf"));
  int option = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "ocop-option"));

  if (self->updating > 0 || !gtk_check_button_get_active (check))
    return;

  set_current_leaf (self, leaf);
  if (self->sheet != NULL && self->sheet->options[leaf] != option)
    tick (self, leaf, option);
}

static void
on_leaf_focus_enter_cb (GtkEventControllerFocus *controller,
                        OcopScoreForm           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  set_current_leaf (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ocop-leaf")));
}

static void
on_knockout_switch_active_cb (GtkSwitch      *sw,
                              GParamSpec     *pspec,
                              OcopScoreForm  *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating > 0 || self->sheet == NULL || active == self->sheet->knocked_out)
    return;

  if (is_read_only (self) || !ocop_db_set_knocked_out (self->db, self->sheet->id, active, NULL, &error))
    {
      if (error != NULL)
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      self->updating++;
      gtk_switch_set_active (sw, self->sheet->knocked_out);
      self->updating--;
      return;
    }

  self->sheet->knocked_out = active;
  ocop_score_form_recompute (self);
  show_saved (self);
}

static void
on_stop_switch_active_cb (GtkSwitch     *sw,
                          GParamSpec    *pspec,
                          OcopScoreForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopScoreSheet) fresh = NULL;
  const char *code = g_object_get_data (G_OBJECT (sw), "ocop-code");
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating > 0 || self->sheet == NULL || active == sheet_has_stop (self, code))
    return;

  if (is_read_only (self) ||
      !ocop_db_set_stop_condition (self->db, self->sheet->id, code, active, &error) ||
      (fresh = ocop_db_get_score_sheet (self->db, self->sheet->id, &error)) == NULL)
    {
      if (error != NULL)
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      self->updating++;
      gtk_switch_set_active (sw, !active);
      self->updating--;
      return;
    }

  g_strfreev (self->sheet->stop_conditions);
  self->sheet->stop_conditions = g_steal_pointer (&fresh->stop_conditions);
  fresh->stop_conditions = g_new0 (char *, 1);
  ocop_score_form_recompute (self);
  show_saved (self);
}

/* Building the form, once per sheet */

static void
leaf_clear (gpointer data)
{
  Leaf *leaf = data;

  g_clear_pointer (&leaf->checks, g_free);
}

static GtkWidget *
make_stop_switch (OcopScoreForm  *self,
                  const char     *code,
                  const OcopRule *rule)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name ("process-stop-symbolic");
  GtkWidget *label = ocop_ui_make_label (rule->text, NULL, TRUE);
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (sw, _("When this applies, the rest of the sheet is not evaluated"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rule->text,
                                  -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sw);
  gtk_widget_add_css_class (box, "rule");
  gtk_widget_add_css_class (box, "stop");

  g_object_set_data_full (G_OBJECT (sw), "ocop-code", g_strdup (code), g_free);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_stop_switch_active_cb), self);
  g_hash_table_insert (self->stop_switches, g_strdup (code), sw);

  return box;
}

static void
append_notes (GtkWidget       *grid,
              int             *row,
              const GPtrArray *notes,
              const GPtrArray *rules)
{
  const OcopRule *stop = find_rule (rules, OCOP_RULE_STOP_IF);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      GtkWidget *note;

      /* A stop condition's note is the label of its switch. */
      if (stop != NULL && g_strcmp0 (stop->text, g_ptr_array_index (notes, i)) == 0)
        continue;

      note = ocop_ui_make_label (g_ptr_array_index (notes, i), "dim-label", TRUE);

      gtk_widget_add_css_class (note, "caption");
      gtk_grid_attach (GTK_GRID (grid), note, 1, (*row)++, 2, 1);
    }
}

static GtkWidget *
make_criterion_grid (const OcopCriterion *criterion,
                     int                 *row)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *code = ocop_ui_make_label (criterion->code, "criterion-code", FALSE);
  GtkWidget *name = ocop_ui_make_label (criterion->name, "criterion-name", TRUE);
  GtkWidget *max = make_points_label (criterion->max, "criterion-max");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_label_set_width_chars (GTK_LABEL (code), 5);
  gtk_widget_set_valign (code, GTK_ALIGN_START);
  gtk_widget_set_valign (max, GTK_ALIGN_START);
  gtk_widget_add_css_class (code, "numeric");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (GTK_GRID (grid), code, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), max, 2, 0, 1, 1);
  *row = 1;
  append_notes (grid, row, criterion->notes, criterion->rules);

  return grid;
}

static void
set_row_margins (GtkWidget *child,
                 int        depth)
{
  gtk_widget_set_margin_top (child, 10);
  gtk_widget_set_margin_bottom (child, 10);
  gtk_widget_set_margin_start (child, 12 + 28 * depth);
  gtk_widget_set_margin_end (child, 12);
}

static void
append_leaf_row (OcopScoreForm       *self,
                 GtkListBox          *list,
                 const OcopCriterion *criterion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid;
  GtkEventController *focus;
  GtkWidget *group = NULL;
  const OcopRule *stop;
  Leaf leaf = { 0 };
  int line = 0;

  grid = make_criterion_grid (criterion, &line);

  leaf.criterion = criterion;
  leaf.row = row;
  leaf.story = criterion_in_story (criterion);
  leaf.n_checks = criterion->options->len;
  leaf.checks = g_new0 (GtkWidget *, MAX (leaf.n_checks, 1));

  for (guint o = 0; o < criterion->options->len; o++)
    {
      const OcopOption *option = g_ptr_array_index (criterion->options, o);
      g_autofree char *key = g_strdup_printf ("%u", o + 1);
      GtkWidget *hint = ocop_ui_make_label (o < 9 ? key : "", "key-hint", FALSE);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = ocop_ui_make_label (option->label, "option-label", TRUE);
      GtkWidget *points = make_points_label (option->points, "option-points");

      gtk_label_set_xalign (GTK_LABEL (hint), 1);
      gtk_widget_add_css_class (hint, "numeric");
      gtk_widget_set_tooltip_text (hint, _("Press this digit to tick the option"));
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
      gtk_widget_set_hexpand (check, TRUE);
      if (group == NULL)
        group = check;
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));

      g_object_set_data (G_OBJECT (check), "ocop-leaf", GINT_TO_POINTER (criterion->leaf_index));
      g_object_set_data (G_OBJECT (check), "ocop-option", GINT_TO_POINTER (o));
      g_signal_connect (check, "toggled", G_CALLBACK (on_option_toggled_cb), self);

      gtk_grid_attach (GTK_GRID (grid), hint, 0, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), check, 1, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), points, 2, line, 1, 1);
      line++;
      leaf.checks[o] = check;
    }

  if ((stop = find_rule (criterion->rules, OCOP_RULE_STOP_IF)) != NULL)
    gtk_grid_attach (GTK_GRID (grid), make_stop_switch (self, criterion->code, stop), 1, line++, 2, 1);

  set_row_margins (grid, criterion->depth);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "leaf");
  g_object_set_data (G_OBJECT (row), "ocop-leaf", GINT_TO_POINTER (criterion->leaf_index));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_leaf_focus_enter_cb), self);
  gtk_widget_add_controller (row, focus);

  gtk_list_box_append (list, row);

  g_assert ((guint) criterion->leaf_index == self->leaves->len);
  g_array_append_val (self->leaves, leaf);
}

static void
append_criterion (OcopScoreForm       *self,
                  GtkListBox          *list,
                  const OcopCriterion *criterion)
{
  GtkWidget *row;
  GtkWidget *grid;
  GroupRow group = { 0 };
  const OcopRule *stop;
  int line = 0;

  if (ocop_criterion_is_leaf (criterion))
    {
      append_leaf_row (self, list, criterion);
      return;
    }

  /* A group: its heading, then its sub-criteria, indented. */
  row = gtk_list_box_row_new ();
  grid = make_criterion_grid (criterion, &line);
  if (ocop_criterion_has_rule (criterion, OCOP_RULE_CHOOSE_CASE))
    {
      GtkWidget *note = ocop_ui_make_label (_("Only one of the cases is scored"), "dim-label", TRUE);

      gtk_widget_add_css_class (note, "caption");
      gtk_grid_attach (GTK_GRID (grid), note, 1, line++, 2, 1);
    }
  if ((stop = find_rule (criterion->rules, OCOP_RULE_STOP_IF)) != NULL)
    gtk_grid_attach (GTK_GRID (grid), make_stop_switch (self, criterion->code, stop), 1, line++, 2, 1);
  set_row_margins (grid, criterion->depth);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "criterion-group");
  gtk_list_box_append (list, row);

  group.row = row;
  group.first_leaf = self->leaves->len;
  for (guint i = 0; i < criterion->children->len; i++)
    append_criterion (self, list, g_ptr_array_index (criterion->children, i));
  group.last_leaf = (int) self->leaves->len - 1;
  g_array_append_val (self->groups, group);
}

static GtkWidget *
build_section (OcopScoreForm     *self,
               const OcopSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title;
  g_autofree char *text = NULL;

  if (section->code != NULL && section->code[0] != '\0')
    text = g_strdup_printf ("%s. %s", section->code, section->title);
  else
    text = g_strdup (section->title);
  title = ocop_ui_make_label (text, "heading", TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), make_points_label (section->max, "dim-label"));
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_box_append (GTK_BOX (box), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < section->criteria->len; i++)
    append_criterion (self, GTK_LIST_BOX (list), g_ptr_array_index (section->criteria, i));
  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static GtkWidget *
build_part (OcopScoreForm  *self,
            const OcopPart *part)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *subtotal = ocop_ui_make_label (NULL, "part-subtotal", FALSE);
  g_autofree char *title = NULL;

  /* Translators: the heading of a part of the score sheet, “Part A — PRODUCT AND
   * COMMUNITY STRENGTH” (“Phần A — …”); the first %s is the part's letter, the second
   * its title as printed */
  title = g_strdup_printf (_("Part %s — %s"), part->code, part->title);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (subtotal, "numeric");
  gtk_widget_add_css_class (subtotal, "heading");
  gtk_widget_set_valign (subtotal, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), subtotal);
  g_ptr_array_add (self->part_labels, subtotal);

  for (guint i = 0; part->rules != NULL && i < part->rules->len; i++)
    {
      const OcopRule *rule = g_ptr_array_index (part->rules, i);

      if (rule->kind == OCOP_RULE_STOP_IF)
        gtk_box_append (GTK_BOX (content), make_stop_switch (self, part->code, rule));
    }

  for (guint i = 0; part->sections != NULL && i < part->sections->len; i++)
    gtk_box_append (GTK_BOX (content), build_section (self, g_ptr_array_index (part->sections, i)));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);

  return group;
}

static GtkWidget *
build_knockout_box (OcopScoreForm   *self,
                    const OcopSheet *sheet)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text;
  GtkWidget *label;

  if (sheet->exclusion != NULL && sheet->exclusion[0] != '\0')
    text = ocop_ui_make_label (sheet->exclusion, NULL, TRUE);
  else
    text = ocop_ui_make_label (_("A knock-out note of a criterion applies (“Bị loại nếu …”)."), NULL, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  label = ocop_ui_make_label (_("Product is disqualified"), "heading", FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  self->knockout_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->knockout_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->knockout_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product is disqualified"),
                                  -1);
  g_signal_connect (self->knockout_switch, "notify::active",
                    G_CALLBACK (on_knockout_switch_active_cb), self);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), self->knockout_switch);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_add_css_class (box, "knockout-box");

  return box;
}

static void
clear_form (OcopScoreForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_box))) != NULL)
    gtk_box_remove (self->form_box, child);

  g_array_set_size (self->leaves, 0);
  g_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->part_labels, 0);
  g_hash_table_remove_all (self->stop_switches);
  self->built_sheet = NULL;
  self->knockout_switch = NULL;
  self->body_box = NULL;
  self->current_leaf = -1;
}

static GtkWidget *product_title_label (OcopScoreForm *self);

static void
build_form (OcopScoreForm   *self,
            const OcopSheet *sheet)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = NULL;
  GtkWidget *product;

  clear_form (self);
  self->built_sheet = sheet;

  /* Translators: above the sheet's name; %s is its number, “07” (“Phiếu số 07”) */
  number = g_strdup_printf (_("Sheet %s"), sheet->code);
  gtk_box_append (GTK_BOX (header), ocop_ui_make_label (number, "sheet-number", FALSE));
  gtk_box_append (GTK_BOX (header), ocop_ui_make_label (sheet->name, "title-2", TRUE));
  product = ocop_ui_make_label (NULL, "product-title", TRUE);
  gtk_widget_add_css_class (product, "dim-label");
  g_object_set_data (G_OBJECT (self->form_box), "ocop-product-title", product);
  gtk_box_append (GTK_BOX (header), product);
  gtk_box_append (self->form_box, header);

  gtk_box_append (self->form_box, build_knockout_box (self, sheet));

  self->body_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  for (guint i = 0; sheet->parts != NULL && i < sheet->parts->len; i++)
    gtk_box_append (GTK_BOX (self->body_box), build_part (self, g_ptr_array_index (sheet->parts, i)));
  gtk_box_append (self->form_box, self->body_box);
}

static GtkWidget *
product_title_label (OcopScoreForm *self)
{
  return g_object_get_data (G_OBJECT (self->form_box), "ocop-product-title");
}

/* Live state */

static void
apply_leaf_state (Leaf          *leaf,
                  OcopLeafState  state)
{
  gboolean hidden = state == OCOP_LEAF_NOT_APPLICABLE && leaf->story;

  if (leaf->state_known && leaf->state == state)
    return;

  leaf->state = state;
  leaf->state_known = TRUE;
  gtk_widget_set_visible (leaf->row, !hidden);
  if (state == OCOP_LEAF_NOT_APPLICABLE && !leaf->story)
    gtk_widget_add_css_class (leaf->row, "not-applicable");
  else
    gtk_widget_remove_css_class (leaf->row, "not-applicable");
  if (state == OCOP_LEAF_STOPPED)
    gtk_widget_add_css_class (leaf->row, "stopped");
  else
    gtk_widget_remove_css_class (leaf->row, "stopped");
  gtk_widget_set_sensitive (leaf->row, state != OCOP_LEAF_STOPPED);
}

static void
ocop_score_form_recompute (OcopScoreForm *self)
{
  OcopSheetAnswers answers;
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *answered = NULL;
  const OcopSheet *sheet = self->built_sheet;

  if (self->sheet == NULL || sheet == NULL)
    return;

  ocop_score_sheet_get_answers (self->sheet, &answers);
  if (self->have_score)
    ocop_sheet_score_clear (&self->score);
  ocop_rating_score_sheet (self->set, sheet, &answers, &self->score);
  self->have_score = TRUE;

  for (guint p = 0; p < sheet->parts->len && p < self->score.n_parts; p++)
    {
      const OcopPart *part = g_ptr_array_index (sheet->parts, p);
      g_autofree char *got = format_points (self->score.part_totals[p]);
      g_autofree char *max = format_points (part->max);
      g_autofree char *subtotal = NULL;

      if (parts->len > 0)
        g_string_append (parts, " · ");
      /* Translators: a part's points in the bar under the score sheet, “A 28/35” */
      g_string_append_printf (parts, _("%s %s/%s"), part->code, got, max);

      if (p < self->part_labels->len)
        {
          /* Translators: a part's running subtotal beside its title, “28 / 35” */
          subtotal = g_strdup_printf (_("%s / %s"), got, max);
          gtk_label_set_text (g_ptr_array_index (self->part_labels, p), subtotal);
        }
    }
  gtk_label_set_text (self->parts_label, parts->str);

  total = format_points (self->score.total);
  /* Translators: the sheet's total points in the bar under the score sheet */
  total_text = g_strdup_printf (_("Total %s"), total);
  gtk_label_set_text (self->total_label, total_text);

  /* An empty sheet has no stars yet (the engine would say 1). */
  ocop_score_stars_set_stars (self->stars,
                              self->score.knocked_out || self->score.answered == 0 ? 0 : self->score.stars);
  gtk_widget_set_visible (GTK_WIDGET (self->stars), !self->score.knocked_out);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), self->score.knocked_out);

  /* Translators: how many of the criteria that apply have an answer, “34/38 answered” */
  answered = g_strdup_printf (_("%u/%u answered"), self->score.answered, self->score.required);
  gtk_label_set_text (self->answered_label, answered);

  if (self->body_box != NULL)
    {
      if (self->score.knocked_out)
        gtk_widget_add_css_class (self->body_box, "knocked-out");
      else
        gtk_widget_remove_css_class (self->body_box, "knocked-out");
    }

  for (guint i = 0; i < self->leaves->len && i < self->score.n_leaves; i++)
    {
      Leaf *leaf = &g_array_index (self->leaves, Leaf, i);
      OcopLeafState state = self->score.leaf_states[i];

      apply_leaf_state (leaf, state);
      if (state == OCOP_LEAF_REQUIRED && self->sheet->options[i] < 0)
        gtk_widget_add_css_class (leaf->row, "unanswered");
      else
        gtk_widget_remove_css_class (leaf->row, "unanswered");
    }

  for (guint g = 0; g < self->groups->len; g++)
    {
      const GroupRow *group = &g_array_index (self->groups, GroupRow, g);
      gboolean visible = FALSE;

      for (int i = group->first_leaf; i <= group->last_leaf && !visible; i++)
        visible = gtk_widget_get_visible (g_array_index (self->leaves, Leaf, i).row);
      gtk_widget_set_visible (group->row, visible);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.submit",
                                 self->score.complete && !is_read_only (self));
}

static char *
format_timestamp (const char *utc)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  if (utc == NULL)
    return NULL;

  iso = g_strdelimit (g_strdup (utc), " ", 'T');
  dt = g_date_time_new_from_iso8601 (iso, tz);
  if (dt == NULL)
    return g_strdup (utc);
  local = g_date_time_to_local (dt);

  /* Translators: when a sheet was submitted, as strftime: “12/11/2024 10:32” */
  return g_date_time_format (local, _("%d/%m/%Y %H:%M"));
}

static void
update_state (OcopScoreForm *self)
{
  gboolean finalised = self->meeting != NULL && self->meeting->state == OCOP_MEETING_FINALISED;
  gboolean submitted = self->sheet != NULL && self->sheet->state == OCOP_SHEET_SUBMITTED;
  gboolean read_only = is_read_only (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->sheet != NULL && (finalised || submitted))
    {
      g_autofree char *when = format_timestamp (self->sheet->submitted_at);

      if (finalised)
        g_string_append (text, _("The meeting is finalised: this sheet is read-only."));
      else if (when != NULL)
        /* Translators: %s is a date and time */
        g_string_append_printf (text, _("Submitted on %s: read-only until it is reopened with a reason."), when);
      else
        g_string_append (text, _("Submitted: read-only until it is reopened with a reason."));

      if (self->sheet->entered_by != NULL)
        {
          g_string_append (text, " ");
          /* Translators: who typed in a paper sheet; %s is a name */
          g_string_append_printf (text, _("Typed in by %s."), self->sheet->entered_by);
        }
      if (self->sheet->checked_by != NULL)
        {
          g_string_append (text, " ");
          /* Translators: who checked the typing of a paper sheet; %s is a name */
          g_string_append_printf (text, _("Checked by %s."), self->sheet->checked_by);
        }
    }

  gtk_label_set_text (self->banner_label, text->str);
  gtk_revealer_set_reveal_child (self->banner_revealer, text->len > 0);
  gtk_widget_set_visible (self->reopen_button, submitted && !finalised);
  gtk_widget_set_visible (self->checked_button,
                          submitted && !finalised && self->sheet->entered_by != NULL &&
                          self->sheet->checked_by == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.reopen", submitted && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.mark-checked",
                                 submitted && !finalised && self->sheet->entered_by != NULL);

  if (self->body_box != NULL)
    gtk_widget_set_sensitive (self->body_box, !read_only);
  if (self->knockout_switch != NULL)
    gtk_widget_set_sensitive (self->knockout_switch, !read_only);
  gtk_widget_set_visible (self->action_bar, self->sheet != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.submit",
                                 self->have_score && self->score.complete && !read_only);
}

static void
show_message (OcopScoreForm *self,
              const char    *title,
              const char    *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->body_stack, "message");
}

static void
close_sheet (OcopScoreForm *self)
{
  g_clear_pointer (&self->sheet, ocop_score_sheet_free);
  if (self->have_score)
    ocop_sheet_score_clear (&self->score);
  self->have_score = FALSE;
  set_current_leaf (self, -1);
}

static OcopScoreSheet *
find_existing_sheet (OcopScoreForm        *self,
                     const OcopMember     *member,
                     const OcopAgendaItem *item,
                     GError              **error)
{
  g_autoptr(GPtrArray) sheets = ocop_db_list_score_sheets (self->db, self->meeting->id,
                                                           item->product_id, item->round, error);

  if (sheets == NULL)
    return NULL;

  for (guint i = 0; i < sheets->len; i++)
    {
      OcopScoreSheet *sheet = g_ptr_array_index (sheets, i);

      if (sheet->member_id == member->id)
        return g_ptr_array_steal_index (sheets, i);
    }

  g_set_error (error, OCOP_DB_ERROR, OCOP_DB_ERROR_NOT_FOUND,
               /* Translators: %s is a member's name */
               _("%s has no sheet for this product."), member->name);

  return NULL;
}

static void
ocop_score_form_load_sheet (OcopScoreForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OcopProduct) product = NULL;
  g_autoptr(OcopProducer) producer = NULL;
  const OcopMember *member;
  const OcopAgendaItem *item;
  const OcopSheet *sheet;
  GtkWidget *title;

  close_sheet (self);
  gtk_widget_set_opacity (GTK_WIDGET (self->saved_label), 0);

  self->load_pending = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->load_pending)
    {
      update_state (self);
      return;
    }

  member = current_member (self);
  item = current_item (self);

  if (self->db == NULL || self->meeting == NULL)
    {
      show_message (self, _("No Meeting"), NULL);
      update_state (self);
      return;
    }
  if (item == NULL)
    {
      show_message (self, _("No Products on the Agenda"),
                    _("Products are put on the agenda when the meeting is created."));
      update_state (self);
      return;
    }
  if (member == NULL)
    {
      show_message (self, _("No Member Can Score"),
                    _("Record who is present on the Attendance page: members who are present and score in this council appear here."));
      update_state (self);
      return;
    }

  if (self->meeting->state == OCOP_MEETING_FINALISED)
    self->sheet = find_existing_sheet (self, member, item, &error);
  else
    self->sheet = ocop_db_open_score_sheet (self->db, self->meeting->id, member->id,
                                            item->product_id, 0, &error);

  if (self->sheet == NULL)
    {
      show_message (self, _("This Sheet Cannot Be Opened"), error->message);
      update_state (self);
      return;
    }

  /* The first sheet opened starts the scoring. */
  if (self->meeting->state == OCOP_MEETING_PREPARING &&
      ocop_db_set_meeting_state (self->db, self->meeting->id, OCOP_MEETING_SCORING, NULL))
    self->meeting->state = OCOP_MEETING_SCORING;

  sheet = ocop_criteria_set_find_sheet (self->set, self->sheet->sheet_code);
  if (sheet == NULL)
    {
      show_message (self, _("This Sheet Cannot Be Opened"),
                    _("The meeting's criteria set has no sheet for this product set."));
      close_sheet (self);
      update_state (self);
      return;
    }

  if (sheet != self->built_sheet)
    build_form (self, sheet);

  for (guint i = 0; i < self->leaves->len; i++)
    {
      g_array_index (self->leaves, Leaf, i).state_known = FALSE;
      sync_leaf (self, i);
    }

  self->updating++;
  gtk_switch_set_active (GTK_SWITCH (self->knockout_switch), self->sheet->knocked_out);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->stop_switches);
    while (g_hash_table_iter_next (&iter, &key, &value))
      gtk_switch_set_active (GTK_SWITCH (value), sheet_has_stop (self, key));
  }
  if (self->sheet->entered_by != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->typist_entry), self->sheet->entered_by);
      gtk_toggle_button_set_active (self->paper_button, TRUE);
    }
  self->updating--;

  product = ocop_db_get_product (self->db, item->product_id, NULL);
  if (product != NULL && product->producer_id != 0)
    producer = ocop_db_get_producer (self->db, product->producer_id, NULL);
  title = product_title_label (self);
  if (title != NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *round = NULL;

      if (item->round > 1)
        /* Translators: after the product's name on the score sheet; %d is the round */
        round = g_strdup_printf (_(" · scoring round %d"), item->round);
      if (producer != NULL)
        /* Translators: the product and its producer above the score sheet, “Chè đinh Tân
         * Cương — HTX Chè Tân Cương” */
        text = g_strdup_printf (_("%s — %s%s"), item->product_name, producer->name, round ? round : "");
      else
        text = g_strdup_printf ("%s%s", item->product_name, round ? round : "");
      gtk_label_set_text (GTK_LABEL (title), text);
    }

  gtk_stack_set_visible_child_name (self->body_stack, "form");
  ocop_score_form_recompute (self);
  update_state (self);
}

/* Pickers */

static void
fill_pickers (OcopScoreForm *self,
              gint64         member_id,
              gint64         product_id)
{
  g_autoptr(GtkStringList) members = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  guint member_pos = 0;
  guint product_pos = 0;

  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      const OcopMember *member = g_ptr_array_index (self->members, i);

      gtk_string_list_append (members, member->name);
      if (member->id == member_id)
        member_pos = i;
    }

  for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (self->agenda, i);
      /* Translators: a product in the product picker of the score sheet, “3. Mật ong
       * hoa nhãn”; %u is its place on the agenda */
      g_autofree char *text = g_strdup_printf (_("%u. %s"), i + 1, item->product_name);

      gtk_string_list_append (products, text);
      if (item->product_id == product_id)
        product_pos = i;
    }

  self->updating++;
  gtk_drop_down_set_model (self->member_dropdown, G_LIST_MODEL (members));
  gtk_drop_down_set_model (self->product_dropdown, G_LIST_MODEL (products));
  if (self->members != NULL && self->members->len > 0)
    gtk_drop_down_set_selected (self->member_dropdown, member_pos);
  if (self->agenda != NULL && self->agenda->len > 0)
    gtk_drop_down_set_selected (self->product_dropdown, product_pos);
  self->updating--;
}

static void
update_product_actions (OcopScoreForm *self)
{
  guint n = self->agenda != NULL ? self->agenda->len : 0;
  guint i = gtk_drop_down_get_selected (self->product_dropdown);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.previous-product",
                                 n > 0 && i != GTK_INVALID_LIST_POSITION && i > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.next-product",
                                 n > 0 && i != GTK_INVALID_LIST_POSITION && i + 1 < n);
}

static void
on_member_dropdown_selected_cb (OcopScoreForm *self,
                                GParamSpec    *pspec,
                                GtkDropDown   *dropdown)
{
  if (self->updating > 0)
    return;

  ocop_score_form_load_sheet (self);
}

static void
on_product_dropdown_selected_cb (OcopScoreForm *self,
                                 GParamSpec    *pspec,
                                 GtkDropDown   *dropdown)
{
  update_product_actions (self);
  if (self->updating > 0)
    return;

  ocop_score_form_load_sheet (self);
}

static void
on_paper_button_toggled_cb (OcopScoreForm   *self,
                            GtkToggleButton *button)
{
  gboolean paper = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (GTK_WIDGET (self->typist_entry), paper);
  gtk_label_set_text (self->member_prefix,
                      paper ? _("Typed from the paper sheet of") : _("Scored by"));
  if (paper)
    gtk_widget_add_css_class (GTK_WIDGET (self->form_box), "paper");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->form_box), "paper");

  if (paper && self->updating == 0 &&
      gtk_editable_get_text (GTK_EDITABLE (self->typist_entry))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->typist_entry));
}

static void
on_typist_entry_activate_cb (OcopScoreForm *self,
                             GtkEntry      *entry)
{
  store_typist (self);

  /* On to the first criterion: typing starts. */
  if (self->leaves->len > 0)
    {
      self->current_leaf = -1;
      gtk_widget_activate_action (GTK_WIDGET (self), "sheet.next-criterion", NULL);
    }
}

/* Actions */

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopScoreForm *self = OCOP_SCORE_FORM (widget);
  int n = g_variant_get_int32 (param);
  int leaf_index = self->current_leaf;
  const Leaf *leaf;

  if (self->sheet == NULL || self->leaves->len == 0)
    return;

  if (leaf_index < 0)
    {
      move_to (self, 1, FALSE);
      leaf_index = self->current_leaf;
      if (leaf_index < 0)
        return;
    }

  leaf = &g_array_index (self->leaves, Leaf, leaf_index);
  if (n < 1 || (guint) n > leaf->n_checks || is_read_only (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (self->sheet->options[leaf_index] != n - 1 && !tick (self, leaf_index, n - 1))
    return;

  move_to (self, 1, TRUE);
}

static void
next_criterion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  move_to (OCOP_SCORE_FORM (widget), 1, FALSE);
}

static void
previous_criterion_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  OcopScoreForm *self = OCOP_SCORE_FORM (widget);

  if (self->current_leaf < 0)
    move_to (self, 1, FALSE);
  else
    move_to (self, -1, FALSE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopScoreForm *self = OCOP_SCORE_FORM (widget);
  g_autoptr(GError) error = NULL;
  OcopScoreSheet *fresh;

  if (self->sheet == NULL || is_read_only (self) || !self->have_score || !self->score.complete)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  store_typist (self);

  if (!ocop_db_submit_sheet (self->db, self->sheet->id, &error) ||
      (fresh = ocop_db_get_score_sheet (self->db, self->sheet->id, &error)) == NULL)
    {
      ocop_ui_show_overlay_toast (widget, error->message);
      return;
    }

  ocop_score_sheet_free (self->sheet);
  self->sheet = fresh;
  update_state (self);
  ocop_ui_show_overlay_toast (widget, _("Sheet submitted"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
step_product (OcopScoreForm *self,
              int            direction)
{
  guint i = gtk_drop_down_get_selected (self->product_dropdown);
  guint n = self->agenda != NULL ? self->agenda->len : 0;

  if (i == GTK_INVALID_LIST_POSITION || n == 0)
    return;
  if ((direction < 0 && i == 0) || (direction > 0 && i + 1 >= n))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_drop_down_set_selected (self->product_dropdown, i + direction);
}

static void
next_product_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  step_product (OCOP_SCORE_FORM (widget), 1);
}

static void
previous_product_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  step_product (OCOP_SCORE_FORM (widget), -1);
}

/* Reopen and check: a dialog that asks for one line of text */

typedef void (*TextAnswered) (OcopScoreForm *self,
                              const char    *text);

static void
on_text_entry_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "ocop-response");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, response, text[0] != '\0');
}

static void
on_text_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            OcopScoreForm    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ocop-entry");
  TextAnswered answered = g_object_get_data (G_OBJECT (dialog), "ocop-answered");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, g_object_get_data (G_OBJECT (dialog), "ocop-response")) == 0 &&
      text[0] != '\0')
    answered (self, text);
}

static void
on_text_entry_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "ocop-response");

  if (adw_message_dialog_get_response_enabled (dialog, response))
    adw_message_dialog_response (dialog, response);
}

static void
ask_text (OcopScoreForm *self,
          const char    *heading,
          const char    *body,
          const char    *placeholder,
          const char    *response,
          const char    *response_label,
          TextAnswered   answered)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), response, response_label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "ocop-response", g_strdup (response), g_free);
  g_object_set_data (G_OBJECT (dialog), "ocop-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "ocop-answered", answered);
  g_signal_connect (entry, "changed", G_CALLBACK (on_text_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_text_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_text_dialog_response_cb), self,
                           G_CONNECT_DEFAULT);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
reload_open_sheet (OcopScoreForm *self)
{
  OcopScoreSheet *fresh;
  g_autoptr(GError) error = NULL;

  if (self->sheet == NULL)
    return;

  fresh = ocop_db_get_score_sheet (self->db, self->sheet->id, &error);
  if (fresh == NULL)
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }
  ocop_score_sheet_free (self->sheet);
  self->sheet = fresh;
  ocop_score_form_recompute (self);
  update_state (self);
}

static void
reopen_answered (OcopScoreForm *self,
                 const char    *reason)
{
  g_autoptr(GError) error = NULL;

  if (self->sheet == NULL || !ocop_db_reopen_sheet (self->db, self->sheet->id, reason, &error))
    {
      if (error != NULL)
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  reload_open_sheet (self);
  ocop_ui_show_overlay_toast (GTK_WIDGET (self), _("Sheet reopened; the reason is in its history"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask_text (OCOP_SCORE_FORM (widget),
            _("Reopen the Sheet?"),
            _("The sheet becomes a draft again and can be changed. The reason is kept in the sheet's history and in the minutes."),
            _("Reason"),
            "reopen", _("_Reopen"),
            reopen_answered);
}

static void
checked_answered (OcopScoreForm *self,
                  const char    *name)
{
  g_autoptr(GError) error = NULL;

  if (self->sheet == NULL || !ocop_db_mark_checked (self->db, self->sheet->id, name, &error))
    {
      if (error != NULL)
        ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  reload_open_sheet (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mark_checked_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ask_text (OCOP_SCORE_FORM (widget),
            _("Mark as Checked"),
            _("A second person compares the typed sheet with the paper one. Who checked it?"),
            _("Name of the person who checked"),
            "check", _("_Mark as Checked"),
            checked_answered);
}

/* Keys */

static gboolean
focus_in_leaf (OcopScoreForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || GTK_IS_SWITCH (focus) || GTK_IS_EDITABLE (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_box)))
    return FALSE;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL && gtk_widget_has_css_class (row, "leaf");
}

static int
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;

  return 0;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   OcopScoreForm         *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean is_enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
  int digit;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (state == GDK_CONTROL_MASK)
    {
      if (is_enter)
        return gtk_widget_activate_action (widget, "sheet.submit", NULL), TRUE;
      if (keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_KP_Page_Down)
        return gtk_widget_activate_action (widget, "sheet.next-product", NULL), TRUE;
      if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up)
        return gtk_widget_activate_action (widget, "sheet.previous-product", NULL), TRUE;
      return FALSE;
    }

  if ((state & ~GDK_SHIFT_MASK) != 0 || !focus_in_leaf (self))
    return FALSE;

  if ((digit = digit_of (keyval)) > 0 && state == 0)
    return gtk_widget_activate_action (widget, "sheet.pick", "i", digit), TRUE;

  if (keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && state == GDK_SHIFT_MASK) ||
      (keyval == GDK_KEY_BackSpace && state == 0))
    return gtk_widget_activate_action (widget, "sheet.previous-criterion", NULL), TRUE;

  if ((is_enter || keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == 0)
    return gtk_widget_activate_action (widget, "sheet.next-criterion", NULL), TRUE;

  return FALSE;
}

static void
ocop_score_form_map (GtkWidget *widget)
{
  OcopScoreForm *self = OCOP_SCORE_FORM (widget);

  GTK_WIDGET_CLASS (ocop_score_form_parent_class)->map (widget);

  if (self->load_pending)
    ocop_score_form_load_sheet (self);
}

/* GObject */

static void
ocop_score_form_dispose (GObject *object)
{
  OcopScoreForm *self = (OcopScoreForm *)object;

  g_clear_handle_id (&self->saved_timeout, g_source_remove);
  close_sheet (self);

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_SCORE_FORM);

  G_OBJECT_CLASS (ocop_score_form_parent_class)->dispose (object);
}

static void
ocop_score_form_finalize (GObject *object)
{
  OcopScoreForm *self = (OcopScoreForm *)object;

  g_clear_pointer (&self->leaves, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->part_labels, g_ptr_array_unref);
  g_clear_pointer (&self->stop_switches, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->meeting, ocop_meeting_free);
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ocop_score_form_parent_class)->finalize (object);
}

static void
ocop_score_form_class_init (OcopScoreFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_score_form_dispose;
  object_class->finalize = ocop_score_form_finalize;

  widget_class->map = ocop_score_form_map;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (OCOP_TYPE_SCORE_STARS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-score-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, member_prefix);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, paper_button);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, typist_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, checked_button);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, body_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, message_page);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, form_box);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, action_bar);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, parts_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, total_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, stars);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, result_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, answered_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, saved_label);
  gtk_widget_class_bind_template_child (widget_class, OcopScoreForm, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_member_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_product_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_typist_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "sheet.pick", "i", pick_action);
  gtk_widget_class_install_action (widget_class, "sheet.next-criterion", NULL, next_criterion_action);
  gtk_widget_class_install_action (widget_class, "sheet.previous-criterion", NULL, previous_criterion_action);
  gtk_widget_class_install_action (widget_class, "sheet.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sheet.next-product", NULL, next_product_action);
  gtk_widget_class_install_action (widget_class, "sheet.previous-product", NULL, previous_product_action);
  gtk_widget_class_install_action (widget_class, "sheet.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "sheet.mark-checked", NULL, mark_checked_action);
}

static void
ocop_score_form_init (OcopScoreForm *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->leaves = g_array_new (FALSE, TRUE, sizeof (Leaf));
  g_array_set_clear_func (self->leaves, leaf_clear);
  self->groups = g_array_new (FALSE, TRUE, sizeof (GroupRow));
  self->part_labels = g_ptr_array_new ();
  self->stop_switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->current_leaf = -1;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->member_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->product_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"),
                                  -1);

  update_state (self);
  update_product_actions (self);
  show_message (self, _("No Meeting"), NULL);
}

/* Public */

GtkWidget *
ocop_score_form_new (void)
{
  return g_object_new (OCOP_TYPE_SCORE_FORM, NULL);
}

static gboolean
load_meeting (OcopScoreForm  *self,
              GError        **error)
{
  g_autoptr(OcopMeeting) meeting = NULL;
  g_autoptr(OcopCouncil) council = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  OcopCouncilRules rules = { 0 };
  gint64 meeting_id = self->meeting->id;

  if ((meeting = ocop_db_get_meeting (self->db, meeting_id, error)) == NULL ||
      (council = ocop_db_get_council (self->db, meeting->council_id, error)) == NULL ||
      (attendance = ocop_db_list_attendance (self->db, meeting_id, error)) == NULL ||
      (agenda = ocop_db_list_agenda (self->db, meeting_id, error)) == NULL ||
      (set = ocop_db_load_criteria_set (self->db, meeting->set_id, error)) == NULL)
    return FALSE;

  rules.level = council->level;
  rules.regime = council->regime;
  rules.secretary_scores = council->secretary_scores;
  rules.advisory_scores = council->advisory_scores;

  members = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_member_free);
  for (guint i = 0; i < attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (attendance, i);
      OcopMember *member;

      if (!a->present || !ocop_rating_role_scores (&rules, a->role))
        continue;

      member = ocop_member_new ();
      member->id = a->member_id;
      member->council_id = council->id;
      member->name = g_strdup (a->member_name);
      member->role = a->role;
      g_ptr_array_add (members, member);
    }

  g_clear_pointer (&self->meeting, ocop_meeting_free);
  self->meeting = g_steal_pointer (&meeting);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = g_steal_pointer (&members);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = g_steal_pointer (&agenda);
  if (self->set != set)
    {
      close_sheet (self);
      clear_form (self);
      g_clear_pointer (&self->set, ocop_criteria_set_unref);
      self->set = g_steal_pointer (&set);
    }

  return TRUE;
}

gboolean
ocop_score_form_set_meeting (OcopScoreForm  *self,
                             OcopDb         *db,
                             gint64          meeting_id,
                             GError        **error)
{
  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), FALSE);
  g_return_val_if_fail (db == NULL || OCOP_IS_DB (db), FALSE);

  close_sheet (self);
  g_set_object (&self->db, db);
  g_clear_pointer (&self->meeting, ocop_meeting_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);

  if (db != NULL && meeting_id > 0)
    {
      self->meeting = ocop_meeting_new ();
      self->meeting->id = meeting_id;
      if (!load_meeting (self, error))
        {
          g_clear_pointer (&self->meeting, ocop_meeting_free);
          fill_pickers (self, 0, 0);
          ocop_score_form_load_sheet (self);
          return FALSE;
        }
    }

  fill_pickers (self, 0, 0);
  update_product_actions (self);
  ocop_score_form_load_sheet (self);

  return TRUE;
}

void
ocop_score_form_reload (OcopScoreForm *self)
{
  g_autoptr(GError) error = NULL;
  gint64 member_id;
  gint64 product_id;

  g_return_if_fail (OCOP_IS_SCORE_FORM (self));

  if (self->db == NULL || self->meeting == NULL)
    return;

  member_id = ocop_score_form_get_member_id (self);
  product_id = ocop_score_form_get_product_id (self);

  if (!load_meeting (self, &error))
    {
      ocop_ui_show_overlay_toast (GTK_WIDGET (self), error->message);
      return;
    }

  fill_pickers (self, member_id, product_id);
  update_product_actions (self);
  ocop_score_form_load_sheet (self);
}

gboolean
ocop_score_form_select (OcopScoreForm *self,
                        gint64         member_id,
                        gint64         product_id)
{
  guint member_pos = GTK_INVALID_LIST_POSITION;
  guint product_pos = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), FALSE);

  for (guint i = 0; member_id != 0 && self->members != NULL && i < self->members->len; i++)
    if (((const OcopMember *) g_ptr_array_index (self->members, i))->id == member_id)
      member_pos = i;
  for (guint i = 0; product_id != 0 && self->agenda != NULL && i < self->agenda->len; i++)
    if (((const OcopAgendaItem *) g_ptr_array_index (self->agenda, i))->product_id == product_id)
      product_pos = i;

  if ((member_id != 0 && member_pos == GTK_INVALID_LIST_POSITION) ||
      (product_id != 0 && product_pos == GTK_INVALID_LIST_POSITION))
    return FALSE;

  self->updating++;
  if (member_pos != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->member_dropdown, member_pos);
  if (product_pos != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->product_dropdown, product_pos);
  self->updating--;

  update_product_actions (self);
  ocop_score_form_load_sheet (self);

  return TRUE;
}

void
ocop_score_form_set_paper_mode (OcopScoreForm *self,
                                gboolean       paper,
                                const char    *typist)
{
  g_return_if_fail (OCOP_IS_SCORE_FORM (self));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->typist_entry), typist != NULL ? typist : "");
  gtk_toggle_button_set_active (self->paper_button, paper);
  self->updating--;
}

gint64
ocop_score_form_get_member_id (OcopScoreForm *self)
{
  const OcopMember *member;

  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), 0);

  member = current_member (self);

  return member != NULL ? member->id : 0;
}

gint64
ocop_score_form_get_product_id (OcopScoreForm *self)
{
  const OcopAgendaItem *item;

  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), 0);

  item = current_item (self);

  return item != NULL ? item->product_id : 0;
}

gint64
ocop_score_form_get_sheet_id (OcopScoreForm *self)
{
  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), 0);

  return self->sheet != NULL ? self->sheet->id : 0;
}

const OcopSheetScore *
ocop_score_form_get_score (OcopScoreForm *self)
{
  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), NULL);

  return self->have_score ? &self->score : NULL;
}

int
ocop_score_form_get_current_leaf (OcopScoreForm *self)
{
  g_return_val_if_fail (OCOP_IS_SCORE_FORM (self), -1);

  return self->current_leaf;
}
