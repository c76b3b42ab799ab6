/* ocop-criteria-page.c: the criteria browser
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-criteria-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ocop-criteria-page.h"
#include "ocop-criteria-store.h"
#include "ocop-ui-util.h"

/* Three steps, as the council reads them: the stored criteria sets, then the sheets
 * of the chosen set (one per product set, searchable), then the chosen sheet laid out
 * as it is printed in the decision. The sheet is built in C because its shape is the
 * data's: parts, sections, criteria, options and sub-criteria. */

struct _OcopCriteriaPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *content;
  AdwWindowTitle    *sidebar_title;
  GtkWidget         *sets_back_button;
  GtkStack          *sidebar_stack;
  GtkListBox        *sets_list;
  GtkSearchEntry    *search_entry;
  GtkListBox        *sheets_list;
  AdwWindowTitle    *content_title;
  GtkStack          *content_stack;
  AdwStatusPage     *set_status;
  GtkListBox        *bands_list;
  GtkScrolledWindow *sheet_scroller;
  GtkBox            *sheet_box;

  /* Borrowed from set */
  const OcopSheet   *sheet;

  /* Owned */
  OcopDb            *db;
  OcopCriteriaSet   *set;
  GPtrArray         *infos;        /* OcopCriteriaSetInfo* */
  char              *search_key;   /* folded search text, or NULL */
};

G_DEFINE_FINAL_TYPE (OcopCriteriaPage, ocop_criteria_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_SET_INFO "ocop-set-info"
#define ROW_SHEET    "ocop-sheet"
#define ROW_SEARCH   "ocop-search-key"

/* Text helpers */

/* Case and diacritics folded, "đ" as "d": "Chế biến" and "che bien" meet. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *str;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  str = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (c == 0x0110 || c == 0x0111)   /* Đ đ */
        c = 'd';
      g_string_append_unichar (str, g_unichar_tolower (c));
    }

  return g_string_free (str, FALSE);
}

static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.2g", value);
}

/* For ngettext: whole numbers choose their own form; fractions ("0,5 points") take
 * the form of "many". */
static gulong
plural_count (double value)
{
  if (fabs (value - round (value)) < 1e-9 && value >= 0)
    return (gulong) round (value);

  return 5;
}

static char *
format_points (double value)
{
  g_autofree char *number = format_number (value);

  /* Translators: points on the criteria sheet, as printed next to a criterion or an
   * option: “3 points” (in Vietnamese “3 điểm”); %s is the number */
  return g_strdup_printf (ngettext ("%s point", "%s points", plural_count (value)), number);
}

/* "2019-08-21" → "21/08/2019" */
static char *
format_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL)
    return NULL;

  if (sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso);

  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

static char *
format_effective (const char *from,
                  const char *to)
{
  g_autofree char *from_text = format_date (from);
  g_autofree char *to_text = format_date (to);

  if (from_text != NULL && to_text != NULL)
    /* Translators: when a criteria set applies; the %s are dates such as “21/08/2019” */
    return g_strdup_printf (_("In force from %s to %s"), from_text, to_text);
  if (from_text != NULL)
    /* Translators: when a criteria set applies; %s is a date such as “21/08/2019” */
    return g_strdup_printf (_("In force from %s"), from_text);

  return NULL;
}

static GtkWidget *
make_points_label (double      points,
                   const char *css_class)
{
  g_autofree char *text = format_points (points);
  GtkWidget *label = ocop_ui_make_label (text, css_class, FALSE);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;
  GtkWidget *next;

  /* Rows only: a list box's placeholder is a child too, and must stay. */
  if (GTK_IS_LIST_BOX (box))
    {
      for (child = gtk_widget_get_first_child (box); child != NULL; child = next)
        {
          next = gtk_widget_get_next_sibling (child);
          if (GTK_IS_LIST_BOX_ROW (child))
            gtk_list_box_remove (GTK_LIST_BOX (box), child);
        }
      return;
    }

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* The sheet, as printed */

static const char *
rule_css_class (OcopRuleKind kind)
{
  switch (kind)
    {
    case OCOP_RULE_KNOCKOUT:
      return "knockout";

    case OCOP_RULE_STOP_IF_ZERO:
    case OCOP_RULE_STOP_IF:
      return "stop";

    case OCOP_RULE_APPLIES_IF_STORY:
    case OCOP_RULE_CHOOSE_CASE:
    case OCOP_RULE_ADDITIVE:
    default:
      return "condition";
    }
}

static const char *
rule_icon_name (OcopRuleKind kind)
{
  switch (kind)
    {
    case OCOP_RULE_KNOCKOUT:
      return "dialog-warning-symbolic";

    case OCOP_RULE_STOP_IF_ZERO:
    case OCOP_RULE_STOP_IF:
      return "process-stop-symbolic";

    case OCOP_RULE_APPLIES_IF_STORY:
    case OCOP_RULE_CHOOSE_CASE:
    case OCOP_RULE_ADDITIVE:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
rule_explanation (OcopRuleKind kind)
{
  switch (kind)
    {
    case OCOP_RULE_KNOCKOUT:
      return _("Knock-out: when this applies, the product is not passed");

    case OCOP_RULE_STOP_IF_ZERO:
      return _("Zero points here ends the evaluation of the sheet");

    case OCOP_RULE_STOP_IF:
      return _("When this applies, the rest of the sheet is not evaluated");

    case OCOP_RULE_APPLIES_IF_STORY:
      return _("Counts only when the product has a story");

    case OCOP_RULE_CHOOSE_CASE:
      return _("Only one of the cases is scored");

    case OCOP_RULE_ADDITIVE:
      return _("The points of every item answered “yes” add up");

    default:
      return NULL;
    }
}

static GtkWidget *
make_rule (const OcopRule *rule)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *image = gtk_image_new_from_icon_name (rule_icon_name (rule->kind));
  GtkWidget *label = ocop_ui_make_label (rule->text, NULL, TRUE);

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "rule");
  gtk_widget_add_css_class (box, rule_css_class (rule->kind));
  gtk_widget_set_tooltip_text (box, rule_explanation (rule->kind));

  return box;
}

static GtkWidget *
make_note (const char *text)
{
  GtkWidget *label = ocop_ui_make_label (text, "dim-label", TRUE);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "note");

  return label;
}

/* Notes in order; a note that is also a rule is shown as that rule, highlighted; rules
 * without a note of their own follow. */
static void
append_notes_and_rules (GtkWidget       *box,
                        const GPtrArray *notes,
                        const GPtrArray *rules)
{
  g_autofree gboolean *shown = NULL;
  guint n_rules = rules != NULL ? rules->len : 0;

  shown = g_new0 (gboolean, MAX (n_rules, 1));

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const char *note = g_ptr_array_index (notes, i);
      const OcopRule *match = NULL;

      for (guint j = 0; j < n_rules; j++)
        {
          const OcopRule *rule = g_ptr_array_index (rules, j);

          if (!shown[j] && g_strcmp0 (rule->text, note) == 0)
            {
              match = rule;
              shown[j] = TRUE;
              break;
            }
        }

      gtk_box_append (GTK_BOX (box), match != NULL ? make_rule (match) : make_note (note));
    }

  for (guint j = 0; j < n_rules; j++)
    if (!shown[j])
      gtk_box_append (GTK_BOX (box), make_rule (g_ptr_array_index (rules, j)));
}

static GtkWidget *
build_criterion (const OcopCriterion *criterion,
                 gboolean             show_heading)
{
  GtkWidget *grid;
  GtkWidget *extra;
  int row = 0;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "criterion");
  if (!ocop_criterion_is_leaf (criterion))
    gtk_widget_add_css_class (grid, "criterion-group");

  if (show_heading)
    {
      GtkWidget *code = ocop_ui_make_label (criterion->code, "criterion-code", FALSE);
      GtkWidget *name = ocop_ui_make_label (criterion->name, "criterion-name", TRUE);
      GtkWidget *max = make_points_label (criterion->max, "criterion-max");

      gtk_label_set_width_chars (GTK_LABEL (code), 5);
      gtk_widget_set_valign (code, GTK_ALIGN_START);
      gtk_widget_add_css_class (code, "numeric");
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), code, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), name, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), max, 2, row, 1, 1);
      row++;
    }
  else
    {
      /* Keep the code column so that options line up with those of other rows. */
      GtkWidget *spacer = ocop_ui_make_label ("", "criterion-code", FALSE);

      gtk_label_set_width_chars (GTK_LABEL (spacer), 5);
      gtk_grid_attach (GTK_GRID (grid), spacer, 0, row, 1, 1);
    }

  extra = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  append_notes_and_rules (extra, criterion->notes, criterion->rules);
  if (gtk_widget_get_first_child (extra) != NULL)
    {
      gtk_grid_attach (GTK_GRID (grid), extra, 1, row, 2, 1);
      row++;
    }
  else
    g_object_ref_sink (extra), g_object_unref (extra);

  for (guint i = 0; criterion->options != NULL && i < criterion->options->len; i++)
    {
      const OcopOption *option = g_ptr_array_index (criterion->options, i);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = ocop_ui_make_label ("○", "option-bullet", FALSE);
      GtkWidget *label = ocop_ui_make_label (option->label, "option-label", TRUE);
      GtkWidget *points = make_points_label (option->points, "option-points");

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), bullet);
      gtk_box_append (GTK_BOX (line), label);
      gtk_widget_add_css_class (line, "option");
      gtk_grid_attach (GTK_GRID (grid), line, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), points, 2, row, 1, 1);
      row++;
    }

  if (criterion->children != NULL && criterion->children->len > 0)
    {
      GtkWidget *children = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);

      gtk_widget_add_css_class (children, "subcriteria");
      gtk_widget_set_margin_top (children, 4);
      for (guint i = 0; i < criterion->children->len; i++)
        gtk_box_append (GTK_BOX (children),
                        build_criterion (g_ptr_array_index (criterion->children, i), TRUE));
      gtk_grid_attach (GTK_GRID (grid), children, 1, row, 2, 1);
      row++;
    }

  return grid;
}

/* "7. TÍNH ĐỘC ĐÁO" is both a section and its one criterion "7": print it once. */
static gboolean
criterion_repeats_section (const OcopSection   *section,
                           const OcopCriterion *criterion)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (section->criteria->len != 1 || g_strcmp0 (section->code, criterion->code) != 0)
    return FALSE;

  name = g_utf8_casefold (criterion->name != NULL ? criterion->name : "", -1);
  title = g_utf8_casefold (section->title != NULL ? section->title : "", -1);

  return g_strcmp0 (name, title) == 0 || criterion->name == NULL || criterion->name[0] == '\0';
}

static GtkWidget *
build_section (const OcopSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title;
  GtkWidget *list;
  g_autofree char *title_text = NULL;

  gtk_widget_add_css_class (box, "section");

  if (section->code != NULL && section->code[0] != '\0')
    title_text = g_strdup_printf ("%s. %s", section->code, section->title);
  else
    title_text = g_strdup (section->title);
  title = ocop_ui_make_label (title_text, "heading", TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), make_points_label (section->max, "heading"));
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 12);
  gtk_box_append (GTK_BOX (box), header);

  if (section->notes != NULL && section->notes->len > 0)
    {
      GtkWidget *notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_set_margin_start (notes, 6);
      append_notes_and_rules (notes, section->notes, NULL);
      gtk_box_append (GTK_BOX (box), notes);
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < section->criteria->len; i++)
    {
      const OcopCriterion *criterion = g_ptr_array_index (section->criteria, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *child = build_criterion (criterion, !criterion_repeats_section (section, criterion));

      gtk_widget_set_margin_top (child, 12);
      gtk_widget_set_margin_bottom (child, 12);
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static GtkWidget *
build_part (const OcopPart *part)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title;
  GtkWidget *points;
  GtkWidget *notes;
  g_autofree char *title_text = NULL;

  gtk_widget_add_css_class (box, "part");

  /* Translators: the heading of a part of the criteria sheet, “Part A — PRODUCT AND
   * COMMUNITY STRENGTH”; the first %s is the part's letter, the second its title as
   * printed (in Vietnamese: “Phần A — …”) */
  title_text = g_strdup_printf (_("Part %s — %s"), part->code, part->title);
  title = ocop_ui_make_label (title_text, "part-title", TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_widget_set_hexpand (title, TRUE);
  points = make_points_label (part->max, "part-points");
  gtk_widget_add_css_class (points, "title-3");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), points);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 12);
  gtk_box_append (GTK_BOX (box), header);

  notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  append_notes_and_rules (notes, part->notes, part->rules);
  if (gtk_widget_get_first_child (notes) != NULL)
    gtk_box_append (GTK_BOX (box), notes);
  else
    g_object_ref_sink (notes), g_object_unref (notes);

  for (guint i = 0; part->sections != NULL && i < part->sections->len; i++)
    gtk_box_append (GTK_BOX (box), build_section (g_ptr_array_index (part->sections, i)));

  return box;
}

/* "Bị loại khi: …" with its lead-in in bold, in a frame. */
static GtkWidget *
build_knockout_box (const char *exclusion)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = ocop_ui_make_label (NULL, NULL, TRUE);
  const char *colon = strchr (exclusion, ':');
  g_autofree char *markup = NULL;

  if (colon != NULL && colon - exclusion < 40)
    {
      g_autofree char *lead = g_markup_escape_text (exclusion, colon - exclusion + 1);
      g_autofree char *rest = g_markup_escape_text (colon + 1, -1);

      markup = g_strdup_printf ("<b>%s</b>%s", lead, rest);
    }
  else
    markup = g_markup_escape_text (exclusion, -1);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, "error");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "knockout-box");
  gtk_widget_set_tooltip_text (box, rule_explanation (OCOP_RULE_KNOCKOUT));

  return box;
}

static GtkWidget *
build_sheet_header (const OcopCriteriaSet *set,
                    const OcopSheet       *sheet)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autofree char *number = NULL;

  /* Translators: above the sheet's name; %s is its number, “07” (“Phiếu số 07”) */
  number = g_strdup_printf (_("Sheet %s"), sheet->code);
  gtk_box_append (GTK_BOX (box), ocop_ui_make_label (number, "sheet-number", FALSE));
  gtk_box_append (GTK_BOX (box), ocop_ui_make_label (sheet->name, "title-1", TRUE));

  if (sheet->industry != NULL && sheet->industry[0] != '\0')
    {
      /* Translators: the industry (Ngành) a product set belongs to; %s is its name */
      g_autofree char *text = g_strdup_printf (_("Industry: %s"), sheet->industry);

      gtk_box_append (GTK_BOX (meta), ocop_ui_make_label (text, "dim-label", TRUE));
    }
  if (sheet->group != NULL && sheet->group[0] != '\0')
    {
      /* Translators: the group (Nhóm) a product set belongs to; %s is its name */
      g_autofree char *text = g_strdup_printf (_("Group: %s"), sheet->group);

      gtk_box_append (GTK_BOX (meta), ocop_ui_make_label (text, "dim-label", TRUE));
    }
  if (gtk_widget_get_first_child (meta) != NULL)
    gtk_box_append (GTK_BOX (box), meta);
  else
    g_object_ref_sink (meta), g_object_unref (meta);

  if (set->legal_basis != NULL)
    {
      GtkWidget *basis = ocop_ui_make_label (set->legal_basis, "dim-label", TRUE);

      gtk_widget_add_css_class (basis, "caption");
      gtk_box_append (GTK_BOX (box), basis);
    }

  return box;
}

static GtkWidget *
build_sheet_footer (const OcopSheet *sheet)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *total_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  double total = 0;

  for (guint i = 0; sheet->parts != NULL && i < sheet->parts->len; i++)
    total += ((const OcopPart *) g_ptr_array_index (sheet->parts, i))->max;

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* Translators: at the foot of the criteria sheet, before its total points */
  label = ocop_ui_make_label (_("Total"), "title-3", FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (total_line), label);
  label = make_points_label (sheet->parts != NULL ? total : 0, "title-3");
  gtk_widget_add_css_class (label, "sheet-total");
  gtk_box_append (GTK_BOX (total_line), label);
  gtk_widget_set_margin_start (total_line, 6);
  gtk_widget_set_margin_end (total_line, 12);
  gtk_box_append (GTK_BOX (box), total_line);

  if (sheet->notes != NULL && sheet->notes->len > 0)
    {
      GtkWidget *notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_set_margin_start (notes, 6);
      append_notes_and_rules (notes, sheet->notes, NULL);
      gtk_box_append (GTK_BOX (box), notes);
    }

  return box;
}

static void
ocop_criteria_page_show_sheet (OcopCriteriaPage *self,
                               const OcopSheet  *sheet)
{
  GtkAdjustment *vadj;
  g_autofree char *number = NULL;

  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  self->sheet = sheet;
  clear_box (GTK_WIDGET (self->sheet_box));

  if (sheet == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, self->set != NULL ? "set" : "empty");
      adw_window_title_set_title (self->content_title,
                                  self->set != NULL ? self->set->legal_basis : "");
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  gtk_box_append (self->sheet_box, build_sheet_header (self->set, sheet));
  if (sheet->exclusion != NULL && sheet->exclusion[0] != '\0')
    gtk_box_append (self->sheet_box, build_knockout_box (sheet->exclusion));
  for (guint i = 0; sheet->parts != NULL && i < sheet->parts->len; i++)
    gtk_box_append (self->sheet_box, build_part (g_ptr_array_index (sheet->parts, i)));
  gtk_box_append (self->sheet_box, build_sheet_footer (sheet));

  number = g_strdup_printf (_("Sheet %s"), sheet->code);
  adw_window_title_set_title (self->content_title, number);
  adw_window_title_set_subtitle (self->content_title, self->set->legal_basis);

  vadj = gtk_scrolled_window_get_vadjustment (self->sheet_scroller);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));

  gtk_stack_set_visible_child_name (self->content_stack, "sheet");
}

/* The set overview */

static void
ocop_criteria_page_show_set_overview (OcopCriteriaPage *self)
{
  const OcopCriteriaSet *set = self->set;
  g_autofree char *effective = NULL;
  g_autofree char *sheets = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_assert (OCOP_IS_CRITERIA_PAGE (self));
  g_assert (set != NULL);

  effective = format_effective (set->effective_from, set->effective_to);
  /* Translators: how many sheets (one per product set) a criteria set has */
  sheets = g_strdup_printf (ngettext ("%u sheet", "%u sheets", set->sheets->len), set->sheets->len);
  description = g_strjoin ("\n\n",
                           set->title != NULL ? set->title : "",
                           effective != NULL ? effective : sheets,
                           effective != NULL ? sheets : NULL,
                           NULL);
  escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_title (self->set_status, set->legal_basis);
  adw_status_page_set_description (self->set_status, escaped);

  clear_box (GTK_WIDGET (self->bands_list));
  for (int i = (int) set->bands->len - 1; i >= 0; i--)
    {
      const OcopStarBand *band = &g_array_index (set->bands, OcopStarBand, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *suffix;
      GString *stars = g_string_new (NULL);
      g_autofree char *number = format_number (band->min_score);
      g_autofree char *from = NULL;

      for (int s = 0; s < band->stars; s++)
        g_string_append (stars, "★");
      /* Translators: the lowest score of a star band, “50 points or more”; %s is the number */
      from = g_strdup_printf (ngettext ("%s point or more", "%s points or more",
                                        plural_count (band->min_score)), number);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stars->str);
      if (band->description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), band->description);
      suffix = ocop_ui_make_label (from, "numeric", FALSE);
      gtk_widget_add_css_class (suffix, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_widget_add_css_class (row, "star-band");
      gtk_list_box_append (self->bands_list, row);
      g_string_free (stars, TRUE);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->bands_list)), set->bands->len > 0);
}

/* The sheets list */

static gboolean
sheets_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  OcopCriteriaPage *self = user_data;
  const OcopSheet *sheet;
  const char *haystack;

  if (self->search_key == NULL || self->search_key[0] == '\0')
    return TRUE;

  sheet = g_object_get_data (G_OBJECT (row), ROW_SHEET);
  haystack = g_object_get_data (G_OBJECT (row), ROW_SEARCH);

  /* "7" finds sheet 07. */
  if (sheet != NULL && g_ascii_isdigit (self->search_key[0]))
    {
      char *end = NULL;
      long wanted = strtol (self->search_key, &end, 10);

      if (end != NULL && *end == '\0' && wanted == strtol (sheet->code, NULL, 10))
        return TRUE;
    }

  return haystack != NULL && strstr (haystack, self->search_key) != NULL;
}

static GtkWidget *
make_sheet_row (const OcopSheet *sheet)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *code = ocop_ui_make_label (sheet->code, "sheet-code-badge", FALSE);
  GtkWidget *name = ocop_ui_make_label (sheet->name, "sheet-name", TRUE);
  g_autofree char *haystack = NULL;
  g_autofree char *all = NULL;
  g_autofree char *subtitle = NULL;

  gtk_label_set_xalign (GTK_LABEL (code), 0.5);
  gtk_widget_set_valign (code, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (code, "numeric");
  gtk_box_append (GTK_BOX (box), code);

  gtk_label_set_lines (GTK_LABEL (name), 3);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), name);
  if (sheet->group != NULL && sheet->group[0] != '\0')
    {
      GtkWidget *group = ocop_ui_make_label (sheet->group, "dim-label", FALSE);

      gtk_label_set_ellipsize (GTK_LABEL (group), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (group, "caption");
      gtk_box_append (GTK_BOX (texts), group);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  all = g_strjoin (" ", sheet->code, sheet->name,
                   sheet->industry != NULL ? sheet->industry : "",
                   sheet->group != NULL ? sheet->group : "",
                   NULL);
  haystack = fold_for_search (all);
  g_object_set_data (G_OBJECT (row), ROW_SHEET, (gpointer) sheet);
  g_object_set_data_full (G_OBJECT (row), ROW_SEARCH, g_steal_pointer (&haystack), g_free);

  /* Translators: accessible description of a row in the list of sheets; the first %s
   * is the sheet's number, the second its name */
  subtitle = g_strdup_printf (_("Sheet %s: %s"), sheet->code, sheet->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle,
                                  -1);

  return row;
}

static void
ocop_criteria_page_fill_sheets (OcopCriteriaPage *self)
{
  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  clear_box (GTK_WIDGET (self->sheets_list));
  if (self->set == NULL)
    return;

  for (guint i = 0; i < self->set->sheets->len; i++)
    gtk_list_box_append (self->sheets_list, make_sheet_row (g_ptr_array_index (self->set->sheets, i)));
}

static void
on_search_entry_search_changed_cb (OcopCriteriaPage *self,
                                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  g_clear_pointer (&self->search_key, g_free);
  if (stripped[0] != '\0')
    self->search_key = fold_for_search (stripped);
  gtk_list_box_invalidate_filter (self->sheets_list);
}

static GtkListBoxRow *
first_visible_row (GtkListBox *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
        gtk_widget_get_visible (child))
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
on_search_entry_activate_cb (OcopCriteriaPage *self,
                             GtkSearchEntry   *entry)
{
  GtkListBoxRow *row;

  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  /* Make sure the filter matches the text typed so far. */
  on_search_entry_search_changed_cb (self, entry);
  row = first_visible_row (self->sheets_list);
  if (row != NULL)
    {
      gtk_list_box_select_row (self->sheets_list, row);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_sheets_list_row_selected_cb (OcopCriteriaPage *self,
                                GtkListBoxRow    *row,
                                GtkListBox       *list)
{
  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  if (row == NULL)
    return;

  ocop_criteria_page_show_sheet (self, g_object_get_data (G_OBJECT (row), ROW_SHEET));
}

static void
on_sheets_list_row_activated_cb (OcopCriteriaPage *self,
                                 GtkListBoxRow    *row,
                                 GtkListBox       *list)
{
  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  if (self->sheet != g_object_get_data (G_OBJECT (row), ROW_SHEET))
    gtk_list_box_select_row (list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The sets list */

static void
ocop_criteria_page_show_sets (OcopCriteriaPage *self)
{
  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    self->infos != NULL && self->infos->len > 0 ? "sets" : "empty");
  gtk_widget_set_visible (self->sets_back_button, FALSE);
  adw_window_title_set_title (self->sidebar_title, _("Criteria Sets"));
  adw_window_title_set_subtitle (self->sidebar_title, NULL);
}

static void
on_sets_list_row_activated_cb (OcopCriteriaPage *self,
                               GtkListBoxRow    *row,
                               GtkListBox       *list)
{
  const OcopCriteriaSetInfo *info;
  g_autoptr(GError) error = NULL;

  g_assert (OCOP_IS_CRITERIA_PAGE (self));

  info = g_object_get_data (G_OBJECT (row), ROW_SET_INFO);
  if (info == NULL)
    return;

  if (!ocop_criteria_page_select_set (self, info->id, &error))
    {
      /* Translators: %s is the reason */
      AdwToast *toast = adw_toast_new_format (_("Could not open the criteria set: %s"),
                                              error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static GtkWidget *
make_set_row (const OcopCriteriaSetInfo *info)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  const char *name = info->legal_basis != NULL ? info->legal_basis : info->code;
  g_autofree char *effective = format_effective (info->effective_from, info->effective_to);
  g_autofree char *count = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  gtk_box_append (GTK_BOX (texts), ocop_ui_make_label (name, "heading", TRUE));
  if (info->title != NULL)
    {
      label = ocop_ui_make_label (info->title, "caption", TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, info->title);
      gtk_box_append (GTK_BOX (texts), label);
    }

  /* Translators: how many sheets (one per product set) a criteria set has */
  count = g_strdup_printf (ngettext ("%u sheet", "%u sheets", info->n_sheets), info->n_sheets);
  label = ocop_ui_make_label (count, "dim-label", FALSE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (facts), label);
  if (effective != NULL)
    {
      label = ocop_ui_make_label (effective, "dim-label", TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (facts), label);
    }
  gtk_box_append (GTK_BOX (texts), facts);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  label = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), ROW_SET_INFO, (gpointer) info);

  return row;
}

/* Actions */

static void
show_sets_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ocop_criteria_page_show_sets (OCOP_CRITERIA_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopCriteriaPage *self = OCOP_CRITERIA_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->content)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "sheets") == 0)
    ocop_criteria_page_show_sets (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  OcopCriteriaPage *self = OCOP_CRITERIA_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "sheets") != 0)
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
ocop_criteria_page_dispose (GObject *object)
{
  OcopCriteriaPage *self = (OcopCriteriaPage *)object;

  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  self->sheet = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_CRITERIA_PAGE);

  G_OBJECT_CLASS (ocop_criteria_page_parent_class)->dispose (object);
}

static void
ocop_criteria_page_finalize (GObject *object)
{
  OcopCriteriaPage *self = (OcopCriteriaPage *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  g_clear_pointer (&self->infos, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (ocop_criteria_page_parent_class)->finalize (object);
}

static void
ocop_criteria_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OcopCriteriaPage *self = OCOP_CRITERIA_PAGE (object);

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
ocop_criteria_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OcopCriteriaPage *self = OCOP_CRITERIA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ocop_criteria_page_class_init (OcopCriteriaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_criteria_page_dispose;
  object_class->finalize = ocop_criteria_page_finalize;
  object_class->get_property = ocop_criteria_page_get_property;
  object_class->set_property = ocop_criteria_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-criteria-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, content);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sets_back_button);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sets_list);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sheets_list);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, set_status);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, bands_list);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sheet_scroller);
  gtk_widget_class_bind_template_child (widget_class, OcopCriteriaPage, sheet_box);
  gtk_widget_class_bind_template_callback (widget_class, on_sets_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheets_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheets_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "criteria.show-sets", NULL, show_sets_action);
  gtk_widget_class_install_action (widget_class, "criteria.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "criteria.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "criteria.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "criteria.search", NULL);
}

static void
ocop_criteria_page_init (OcopCriteriaPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->sheets_list, sheets_filter_func, self, NULL);

  placeholder = ocop_ui_make_label (_("No sheet matches the search"), "dim-label", TRUE);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0.5);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->sheets_list, placeholder);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->sheets_list));

  adw_window_title_set_title (self->content_title, _("Criteria Sets"));
}

GtkWidget *
ocop_criteria_page_new (OcopDb *db)
{
  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  return g_object_new (OCOP_TYPE_CRITERIA_PAGE,
                       "db", db,
                       NULL);
}

OcopDb *
ocop_criteria_page_get_db (OcopCriteriaPage *self)
{
  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), NULL);

  return self->db;
}

gboolean
ocop_criteria_page_reload (OcopCriteriaPage  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) infos = NULL;

  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  infos = ocop_db_list_criteria_sets (self->db, error);
  if (infos == NULL)
    return FALSE;

  clear_box (GTK_WIDGET (self->sets_list));
  g_clear_pointer (&self->infos, g_ptr_array_unref);
  self->infos = g_steal_pointer (&infos);

  for (guint i = 0; i < self->infos->len; i++)
    gtk_list_box_append (self->sets_list, make_set_row (g_ptr_array_index (self->infos, i)));

  ocop_criteria_page_show_sets (self);

  return TRUE;
}

gboolean
ocop_criteria_page_select_set (OcopCriteriaPage  *self,
                               gint64             set_id,
                               GError           **error)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set = ocop_db_load_criteria_set (self->db, set_id, error);
  if (set == NULL)
    return FALSE;

  /* The old set's sheets are borrowed by the rows and the sheet view: drop them first. */
  self->sheet = NULL;
  clear_box (GTK_WIDGET (self->sheet_box));
  clear_box (GTK_WIDGET (self->sheets_list));
  g_clear_pointer (&self->set, ocop_criteria_set_unref);
  self->set = g_steal_pointer (&set);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_key, g_free);
  ocop_criteria_page_fill_sheets (self);
  ocop_criteria_page_show_set_overview (self);
  ocop_criteria_page_show_sheet (self, NULL);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "sheets");
  gtk_widget_set_visible (self->sets_back_button, TRUE);
  adw_window_title_set_title (self->sidebar_title, self->set->legal_basis);
  count = g_strdup_printf (ngettext ("%u sheet", "%u sheets", self->set->sheets->len),
                           self->set->sheets->len);
  adw_window_title_set_subtitle (self->sidebar_title, count);

  return TRUE;
}

gboolean
ocop_criteria_page_select_first_set (OcopCriteriaPage  *self,
                                     GError           **error)
{
  const OcopCriteriaSetInfo *info;

  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), FALSE);

  if (self->infos == NULL || self->infos->len == 0)
    return TRUE;

  info = g_ptr_array_index (self->infos, 0);

  return ocop_criteria_page_select_set (self, info->id, error);
}

gboolean
ocop_criteria_page_select_sheet (OcopCriteriaPage *self,
                                 const char       *code)
{
  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->set == NULL)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sheets_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const OcopSheet *sheet;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;

      sheet = g_object_get_data (G_OBJECT (child), ROW_SHEET);
      if (sheet != NULL && g_strcmp0 (sheet->code, code) == 0)
        {
          gtk_list_box_select_row (self->sheets_list, GTK_LIST_BOX_ROW (child));
          adw_leaflet_set_visible_child (self->leaflet, self->content);
          return TRUE;
        }
    }

  return FALSE;
}

OcopCriteriaSet *
ocop_criteria_page_get_set (OcopCriteriaPage *self)
{
  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), NULL);

  return self->set;
}

const OcopSheet *
ocop_criteria_page_get_sheet (OcopCriteriaPage *self)
{
  g_return_val_if_fail (OCOP_IS_CRITERIA_PAGE (self), NULL);

  return self->sheet;
}
