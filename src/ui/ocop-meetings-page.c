/* ocop-meetings-page.c: council meetings, from the agenda to the results
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-meeting-editor.h"
#include "ocop-meetings-page.h"
#include "ocop-result-item.h"
#include "ocop-results-view.h"
#include "ocop-score-sheet.h"
#include "ocop-scoring.h"
#include "ocop-text.h"

/* The list of meetings beside the open meeting. The header line (council, date,
 * place, round, quorum, "Finalise") stays while the inner stack switches between the
 * agenda, the attendance, the score sheet and the results. The score form and the
 * matrix load themselves; this page keeps them in step: a submitted sheet refreshes
 * the matrix and the agenda's progress, an opened round refreshes the form. */

struct _OcopMeetingsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkStack            *list_stack;
  GtkListBox          *meetings_list;
  GtkStack            *content_stack;
  GtkLabel            *council_label;
  GtkLabel            *state_badge;
  GtkLabel            *details_label;
  GtkImage            *quorum_icon;
  GtkLabel            *quorum_label;
  GtkWidget           *finalise_button;
  AdwViewStack        *inner_stack;
  GtkListBox          *agenda_list;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *conflicts_group;
  OcopScoreForm       *score_form;
  OcopResultsView     *results_view;

  /* Owned */
  OcopDb              *db;
  OcopMeeting         *meeting;
  OcopCouncil         *council;
  GPtrArray           *agenda;          /* OcopAgendaItem* */
  GPtrArray           *attendance;      /* OcopAttendance* */
  GPtrArray           *conflicts;       /* OcopConflict* */
  GPtrArray           *member_rows;     /* borrowed rows of members_group */
  GPtrArray           *conflict_rows;   /* borrowed rows of conflicts_group */
  gboolean             quorum_met;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (OcopMeetingsPage, ocop_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_MEETING_ID "ocop-meeting-id"

static void     refresh_meeting (OcopMeetingsPage *self);
static gboolean refresh_data    (OcopMeetingsPage *self);
static void     refresh_header  (OcopMeetingsPage *self);
static void     refresh_agenda  (OcopMeetingsPage *self);

/* Helpers */

static void
add_toast (OcopMeetingsPage *self,
           const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static char *
format_date (const char *iso)
{
  int y = 0, m = 0, d = 0;

  if (iso != NULL && ocop_text_parse_date (iso, &y, &m, &d))
    return ocop_text_format_date_short (y, m, d);

  return g_strdup (iso != NULL ? iso : "");
}

static const char *
state_css_class (OcopMeetingState state)
{
  switch (state)
    {
    case OCOP_MEETING_SCORING:
      return "scoring";

    case OCOP_MEETING_FINALISED:
      return "finalised";

    case OCOP_MEETING_PREPARING:
    case OCOP_MEETING_N:
    default:
      return "preparing";
    }
}

static void
set_badge (GtkLabel         *label,
           OcopMeetingState  state)
{
  gtk_label_set_text (label, ocop_meeting_state_get_label (state));
  gtk_widget_set_css_classes (GTK_WIDGET (label),
                              (const char *[]) { "meeting-state", state_css_class (state), NULL });
}

static int
max_round (GPtrArray *agenda)
{
  int round = 1;

  for (guint i = 0; agenda != NULL && i < agenda->len; i++)
    round = MAX (round, ((const OcopAgendaItem *) g_ptr_array_index (agenda, i))->round);

  return round;
}

static gboolean
is_finalised (OcopMeetingsPage *self)
{
  return self->meeting != NULL && self->meeting->state == OCOP_MEETING_FINALISED;
}

static OcopCouncilRules
council_rules (OcopMeetingsPage *self)
{
  OcopCouncilRules rules = { 0 };

  rules.level = self->council->level;
  rules.regime = self->council->regime;
  rules.secretary_scores = self->council->secretary_scores;
  rules.advisory_scores = self->council->advisory_scores;

  return rules;
}

static gboolean
is_recused (OcopMeetingsPage *self,
            gint64            member_id,
            gint64            product_id)
{
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      const OcopConflict *c = g_ptr_array_index (self->conflicts, i);

      if (c->member_id == member_id && c->product_id == product_id)
        return TRUE;
    }

  return FALSE;
}

/* The meetings list */

static GtkWidget *
make_meeting_row (OcopMeetingsPage  *self,
                  const OcopMeeting *meeting)
{
  g_autoptr(OcopCouncil) council = ocop_db_get_council (self->db, meeting->council_id, NULL);
  g_autoptr(GPtrArray) agenda = ocop_db_list_agenda (self->db, meeting->id, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date;
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *council_label;
  GtkWidget *details;
  g_autofree char *date_text = format_date (meeting->date);
  g_autofree char *details_text = NULL;
  gint64 *id = g_new (gint64, 1);
  int round = max_round (agenda);
  guint n = agenda != NULL ? agenda->len : 0;

  date = gtk_label_new (date_text);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_set_hexpand (date, TRUE);
  gtk_widget_add_css_class (date, "heading");
  set_badge (GTK_LABEL (badge), meeting->state);
  gtk_box_append (GTK_BOX (top), date);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);

  council_label = gtk_label_new (council != NULL ? council->name : "");
  gtk_label_set_xalign (GTK_LABEL (council_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (council_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), council_label);

  if (round > 1)
    /* Translators: the second line of a meeting in the list; %u is how many products
     * are on the agenda, %d the highest scoring round */
    details_text = g_strdup_printf (ngettext ("%u product · round %d", "%u products · round %d", n), n, round);
  else
    /* Translators: the second line of a meeting in the list; %u is how many products
     * are on the agenda */
    details_text = g_strdup_printf (ngettext ("%u product", "%u products", n), n);
  if (meeting->title != NULL && meeting->title[0] != '\0')
    {
      g_autofree char *with_title = g_strdup_printf ("%s · %s", meeting->title, details_text);

      g_free (details_text);
      details_text = g_steal_pointer (&with_title);
    }
  details = gtk_label_new (details_text);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), details);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *id = meeting->id;
  g_object_set_data_full (G_OBJECT (row), ROW_MEETING_ID, id, g_free);

  return row;
}

static gint64
row_meeting_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_MEETING_ID) : NULL;

  return id != NULL ? *id : 0;
}

static void
open_meeting (OcopMeetingsPage *self,
              gint64            meeting_id)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->meeting, ocop_meeting_free);

  if (meeting_id <= 0)
    {
      ocop_score_form_set_meeting (self->score_form, NULL, 0, NULL);
      ocop_results_view_set_meeting (self->results_view, NULL, 0, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  self->meeting = ocop_db_get_meeting (self->db, meeting_id, &error);
  if (self->meeting == NULL ||
      !ocop_results_view_set_meeting (self->results_view, self->db, meeting_id, &error) ||
      !ocop_score_form_set_meeting (self->score_form, self->db, meeting_id, &error))
    {
      add_toast (self, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  refresh_meeting (self);
  gtk_stack_set_visible_child_name (self->content_stack, "meeting");
}

static void
on_meetings_list_row_selected_cb (OcopMeetingsPage *self,
                                  GtkListBoxRow    *row,
                                  GtkListBox       *list)
{
  if (self->updating > 0)
    return;

  open_meeting (self, row_meeting_id (row));
  if (row != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The header line */

static void
refresh_header (OcopMeetingsPage *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = format_date (self->meeting->date);
  g_autofree char *reason = NULL;
  gboolean met = FALSE;

  gtk_label_set_text (self->council_label, self->council != NULL ? self->council->name : "");
  set_badge (self->state_badge, self->meeting->state);

  g_string_append (details, date);
  if (self->meeting->place != NULL && self->meeting->place[0] != '\0')
    g_string_append_printf (details, " · %s", self->meeting->place);
  if (self->meeting->title != NULL && self->meeting->title[0] != '\0')
    g_string_append_printf (details, " · %s", self->meeting->title);
  /* Translators: in the meeting's header line; %d is the highest scoring round */
  g_string_append_printf (details, _(" · scoring round %d"), max_round (self->agenda));
  gtk_label_set_text (self->details_label, details->str);

  if (!ocop_db_check_quorum (self->db, self->meeting->id, &met, &reason, &error))
    {
      gtk_label_set_text (self->quorum_label, error->message);
      met = FALSE;
    }
  else
    gtk_label_set_text (self->quorum_label, reason);

  self->quorum_met = met;
  gtk_image_set_from_icon_name (self->quorum_icon, met ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_css_classes (GTK_WIDGET (self->quorum_label),
                              (const char *[]) { "quorum-label", met ? "success" : "error", NULL });
  gtk_widget_set_css_classes (GTK_WIDGET (self->quorum_icon),
                              (const char *[]) { met ? "success" : "error", NULL });

  gtk_widget_set_visible (self->finalise_button, !is_finalised (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.finalise", !is_finalised (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.declare-conflict", !is_finalised (self));
}

/* Agenda */

static OcopResultItem *
find_result_item (OcopMeetingsPage *self,
                  gint64            product_id)
{
  GListModel *model = ocop_results_view_get_model (self->results_view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OcopResultItem) item = g_list_model_get_item (model, i);

      if (ocop_result_item_get_result (item)->product_id == product_id)
        return item;   /* the store keeps it alive */
    }

  return NULL;
}

static void
add_flag_icon (GtkWidget  *row,
               const char *icon,
               const char *css_class,
               const char *tooltip)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_widget_add_css_class (image, css_class);
  gtk_widget_set_tooltip_text (image, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
}

static void
refresh_agenda (OcopMeetingsPage *self)
{
  g_autoptr(OcopCriteriaSet) set = ocop_db_load_criteria_set (self->db, self->meeting->set_id, NULL);
  OcopCouncilRules rules = council_rules (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);

  for (guint i = 0; i < self->agenda->len; i++)
    {
      const OcopAgendaItem *item = g_ptr_array_index (self->agenda, i);
      const OcopSheet *sheet = set != NULL ? ocop_criteria_set_find_sheet (set, item->product_set) : NULL;
      OcopResultItem *result_item = find_result_item (self, item->product_id);
      const OcopProductResult *result = result_item != NULL ? ocop_result_item_get_result (result_item) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *progress;
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, item->product_name);
      g_autoptr(GString) subtitle = g_string_new (item->product_code != NULL ? item->product_code : "—");
      g_autofree char *progress_text = NULL;
      guint expected = 0;
      guint submitted = 0;

      if (sheet != NULL)
        /* Translators: part of a product's line on the agenda: its sheet, “Sheet 12 — Chè” */
        g_string_append_printf (subtitle, _(" · Sheet %s — %s"), sheet->code, sheet->name);
      if (item->round > 1)
        /* Translators: part of a product's line on the agenda; %d is its scoring round */
        g_string_append_printf (subtitle, _(" · round %d"), item->round);

      /* Who should score it: present, scoring, not recused. */
      for (guint m = 0; m < self->attendance->len; m++)
        {
          const OcopAttendance *a = g_ptr_array_index (self->attendance, m);

          if (!a->present || !ocop_rating_role_scores (&rules, a->role) ||
              is_recused (self, a->member_id, item->product_id))
            continue;
          expected++;

          for (guint t = 0; result != NULL && result->member_totals != NULL && t < result->member_totals->len; t++)
            {
              const OcopMemberTotal *total = g_ptr_array_index (result->member_totals, t);

              if (total->member_id == a->member_id && total->state == OCOP_SHEET_SUBMITTED)
                submitted++;
            }
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      if (result_item != NULL)
        {
          const OcopResultFlags *flags = ocop_result_item_get_flags (result_item);

          if (flags->spread_exceeded)
            add_flag_icon (row, "dialog-warning-symbolic", "error",
                           _("The members’ totals differ by more than the limit: rescore"));
          if (flags->near_boundary)
            add_flag_icon (row, "power-profile-balanced-symbolic", "warning",
                           _("Within one point of a star boundary"));
          if (flags->fragile)
            add_flag_icon (row, "emoji-people-symbolic", "accent",
                           _("The stars change if one member’s sheet is left out"));
        }

      /* Translators: a product's progress on the agenda, “5 of 7 sheets submitted” */
      progress_text = g_strdup_printf (ngettext ("%u of %u sheet submitted", "%u of %u sheets submitted", expected),
                                       submitted, expected);
      progress = gtk_label_new (progress_text);
      gtk_widget_add_css_class (progress, "numeric");
      gtk_widget_add_css_class (progress, "agenda-progress");
      if (expected > 0 && submitted == expected)
        gtk_widget_add_css_class (progress, "success");
      else
        gtk_widget_add_css_class (progress, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the product's score sheets"));
      g_object_set_data (G_OBJECT (row), "ocop-product", GSIZE_TO_POINTER (item->product_id));
      gtk_list_box_append (self->agenda_list, row);
    }
}

static void
on_agenda_list_row_activated_cb (OcopMeetingsPage *self,
                                 GtkListBoxRow    *row,
                                 GtkListBox       *list)
{
  gint64 product_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "ocop-product"));

  ocop_score_form_select (self->score_form, 0, product_id);
  ocop_meetings_page_show_view (self, "scoring");
}

/* Attendance and conflicts */

static void
on_present_switch_active_cb (GtkSwitch        *sw,
                             GParamSpec       *pspec,
                             OcopMeetingsPage *self)
{
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sw), "ocop-member"));
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || self->meeting == NULL)
    return;

  if (!ocop_db_set_attendance (self->db, self->meeting->id, member_id, gtk_switch_get_active (sw), &error))
    {
      add_toast (self, error->message);
      self->updating++;
      gtk_switch_set_active (sw, !gtk_switch_get_active (sw));
      self->updating--;
      return;
    }

  /* Not the attendance rows: this switch is one of them, and is still busy. */
  if (!refresh_data (self))
    return;
  refresh_header (self);
  ocop_score_form_reload (self->score_form);
  ocop_results_view_reload (self->results_view);
  refresh_agenda (self);
}

static void
on_remove_conflict_clicked_cb (GtkButton        *button,
                               OcopMeetingsPage *self)
{
  const OcopConflict *c = g_object_get_data (G_OBJECT (button), "ocop-conflict");
  g_autoptr(GError) error = NULL;

  if (!ocop_db_remove_conflict (self->db, c->meeting_id, c->member_id, c->product_id, &error))
    {
      add_toast (self, error->message);
      return;
    }

  refresh_meeting (self);
  ocop_score_form_reload (self->score_form);
  ocop_results_view_reload (self->results_view);
  refresh_agenda (self);
}

static void
refresh_attendance (OcopMeetingsPage *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);
  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);

  self->updating++;
  for (guint i = 0; i < self->attendance->len; i++)
    {
      const OcopAttendance *a = g_ptr_array_index (self->attendance, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autoptr(GString) subtitle = g_string_new (ocop_role_get_label (a->role));
      guint n_conflicts = 0;

      for (guint c = 0; c < self->conflicts->len; c++)
        if (((const OcopConflict *) g_ptr_array_index (self->conflicts, c))->member_id == a->member_id)
          n_conflicts++;
      if (n_conflicts > 0)
        /* Translators: after a member's role on the attendance page */
        g_string_append_printf (subtitle, ngettext (" · recused from %u product", " · recused from %u products",
                                                    n_conflicts), n_conflicts);
      if (!a->recorded)
        g_string_append (subtitle, _(" · not recorded yet"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->member_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_switch_set_active (GTK_SWITCH (sw), a->present);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (sw, !is_finalised (self));
      gtk_widget_set_tooltip_text (sw, _("Present"));
      g_object_set_data (G_OBJECT (sw), "ocop-member", GSIZE_TO_POINTER (a->member_id));
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_present_switch_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  self->updating--;

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const OcopConflict *c = g_ptr_array_index (self->conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: a declared conflict of interest: the member, then the product */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), c->member_name, c->product_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->reason);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Withdraw the Declaration"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Withdraw the Declaration"),
                                      -1);
      gtk_widget_set_visible (button, !is_finalised (self));
      g_object_set_data (G_OBJECT (button), "ocop-conflict", (gpointer) c);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_conflict_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->conflicts_group, row);
      g_ptr_array_add (self->conflict_rows, row);
    }

  if (self->conflicts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No conflicts declared"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->conflicts_group, row);
      g_ptr_array_add (self->conflict_rows, row);
    }
}

static gboolean
refresh_data (OcopMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  OcopMeeting *meeting;
  gint64 id;

  if (self->meeting == NULL)
    return FALSE;

  id = self->meeting->id;
  if ((meeting = ocop_db_get_meeting (self->db, id, &error)) == NULL)
    {
      add_toast (self, error->message);
      return FALSE;
    }
  ocop_meeting_free (self->meeting);
  self->meeting = meeting;

  g_clear_pointer (&self->council, ocop_council_free);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  if ((self->council = ocop_db_get_council (self->db, meeting->council_id, &error)) == NULL ||
      (self->agenda = ocop_db_list_agenda (self->db, id, &error)) == NULL ||
      (self->attendance = ocop_db_list_attendance (self->db, id, &error)) == NULL ||
      (self->conflicts = ocop_db_list_conflicts (self->db, id, &error)) == NULL)
    {
      add_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
refresh_meeting (OcopMeetingsPage *self)
{
  gint64 id;

  if (!refresh_data (self))
    return;

  id = self->meeting->id;
  refresh_header (self);
  refresh_agenda (self);
  refresh_attendance (self);

  /* The list's badge and round follow. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_meeting_id (GTK_LIST_BOX_ROW (child)) == id)
      {
        GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
        GtkWidget *top = gtk_widget_get_first_child (box);
        GtkWidget *badge = gtk_widget_get_last_child (top);

        set_badge (GTK_LABEL (badge), self->meeting->state);
      }
}

static void
on_score_form_changed_cb (OcopMeetingsPage *self,
                          OcopScoreForm    *form)
{
  ocop_results_view_reload (self->results_view);
  refresh_meeting (self);
}

static void
on_results_view_changed_cb (OcopMeetingsPage *self,
                            OcopResultsView  *view)
{
  ocop_score_form_reload (self->score_form);
  refresh_meeting (self);
}

/* Sheets may come from other laptops or imports: each view is read afresh when it
 * is shown. */
static void
on_inner_stack_visible_child_cb (OcopMeetingsPage *self,
                                 GParamSpec       *pspec,
                                 AdwViewStack     *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (self->meeting == NULL || self->updating > 0)
    return;

  if (g_strcmp0 (name, "results") == 0)
    ocop_results_view_reload (self->results_view);
  else if (g_strcmp0 (name, "scoring") == 0)
    ocop_score_form_reload (self->score_form);
  else if (g_strcmp0 (name, "agenda") == 0)
    {
      ocop_results_view_reload (self->results_view);
      refresh_agenda (self);
    }
}

/* Declaring a conflict */

static void
on_conflict_reason_changed_cb (GtkEditable      *entry,
                               AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "declare", text[0] != '\0');
}

static void
on_conflict_dialog_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                OcopMeetingsPage *self)
{
  GtkDropDown *member_dropdown = g_object_get_data (G_OBJECT (dialog), "ocop-member");
  GtkDropDown *product_dropdown = g_object_get_data (G_OBJECT (dialog), "ocop-product");
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "ocop-reason");
  guint m = gtk_drop_down_get_selected (member_dropdown);
  guint p = gtk_drop_down_get_selected (product_dropdown);
  g_autoptr(GError) error = NULL;
  const OcopAttendance *member;
  const OcopAgendaItem *item;

  if (g_strcmp0 (response, "declare") != 0 || self->meeting == NULL ||
      m >= self->attendance->len || p >= self->agenda->len)
    return;

  member = g_ptr_array_index (self->attendance, m);
  item = g_ptr_array_index (self->agenda, p);
  if (!ocop_db_declare_conflict (self->db, self->meeting->id, member->member_id, item->product_id,
                                 gtk_editable_get_text (reason), &error))
    {
      add_toast (self, error->message);
      return;
    }

  refresh_meeting (self);
  ocop_score_form_reload (self->score_form);
  ocop_results_view_reload (self->results_view);
  refresh_agenda (self);
}

static void
declare_conflict_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (widget);
  g_autoptr(GtkStringList) members = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *member_dropdown;
  GtkWidget *product_dropdown;
  GtkWidget *reason;

  if (self->meeting == NULL)
    return;

  for (guint i = 0; i < self->attendance->len; i++)
    gtk_string_list_append (members, ((const OcopAttendance *) g_ptr_array_index (self->attendance, i))->member_name);
  for (guint i = 0; i < self->agenda->len; i++)
    gtk_string_list_append (products, ((const OcopAgendaItem *) g_ptr_array_index (self->agenda, i))->product_name);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Declare a Conflict of Interest"),
                                   _("The member is recused from the product: they do not score it, and the declaration is kept in the minutes."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "declare", _("_Declare"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "declare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "declare", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  member_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (members)), NULL);
  product_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (products)), NULL);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, such as “a relative of the producer”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (member_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (product_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_box_append (GTK_BOX (box), member_dropdown);
  gtk_box_append (GTK_BOX (box), product_dropdown);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "ocop-member", member_dropdown);
  g_object_set_data (G_OBJECT (dialog), "ocop-product", product_dropdown);
  g_object_set_data (G_OBJECT (dialog), "ocop-reason", reason);
  g_signal_connect (reason, "changed", G_CALLBACK (on_conflict_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_dialog_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Finalising */

static void
on_finalise_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         OcopMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "finalise") != 0 || self->meeting == NULL)
    return;

  if (!ocop_db_finalise_meeting (self->db, self->meeting->id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *failed = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Meeting Could Not Be Finalised"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  ocop_meetings_page_reload (self, NULL);
  add_toast (self, _("Meeting finalised: its results are locked"));
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GListModel *model;
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) blockers = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_sheets = 0;
  guint n_present = 0;
  guint n;

  if (self->meeting == NULL || is_finalised (self))
    return;

  ocop_results_view_reload (self->results_view);
  refresh_meeting (self);
  model = ocop_results_view_get_model (self->results_view);
  n = g_list_model_get_n_items (model);

  if (!self->quorum_met)
    g_string_append_printf (blockers, "• %s\n", gtk_label_get_text (self->quorum_label));
  if (n == 0)
    g_string_append_printf (blockers, "• %s\n", _("The agenda is empty"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OcopResultItem) item = g_list_model_get_item (model, i);
      const OcopProductResult *r = ocop_result_item_get_result (item);
      g_autofree char *score = r->n_counted > 0 ? ocop_rating_format_score (r->score) : g_strdup ("—");

      for (guint t = 0; r->member_totals != NULL && t < r->member_totals->len; t++)
        if (((const OcopMemberTotal *) g_ptr_array_index (r->member_totals, t))->state == OCOP_SHEET_SUBMITTED)
          n_sheets++;

      if (r->outcome == OCOP_OUTCOME_RESCORE || r->outcome == OCOP_OUTCOME_INCOMPLETE)
        /* Translators: a product that blocks finalising, “Mứt gừng: Rescore” */
        g_string_append_printf (blockers, _("• %s: %s\n"), r->product_name, ocop_outcome_get_label (r->outcome));
      else if (r->outcome == OCOP_OUTCOME_NOT_PASSED)
        /* Translators: a product's result in the finalise dialog: name, score, result */
        g_string_append_printf (list, _("• %s — %s — %s\n"), r->product_name, score, ocop_outcome_get_label (r->outcome));
      else
        /* Translators: a product's result in the finalise dialog: name, score, stars,
         * result */
        g_string_append_printf (list, ngettext ("• %s — %s — %d star — %s\n", "• %s — %s — %d stars — %s\n", r->stars),
                                r->product_name, score, r->stars, ocop_outcome_get_label (r->outcome));
    }

  for (guint i = 0; i < self->attendance->len; i++)
    if (((const OcopAttendance *) g_ptr_array_index (self->attendance, i))->present)
      n_present++;

  if (blockers->len > 0)
    {
      g_string_append (body, _("The meeting cannot be finalised yet:"));
      g_string_append (body, "\n");
      g_string_append (body, blockers->str);
    }
  else
    {
      g_string_append (body, _("After this nothing in the meeting can change, in the database itself:"));
      g_string_append (body, "\n");
      /* Translators: what finalising locks; %u is a number of products */
      g_string_append_printf (body, ngettext ("• the results of %u product\n", "• the results of %u products\n", n), n);
      /* Translators: what finalising locks; %u is a number of sheets */
      g_string_append_printf (body, ngettext ("• %u score sheet\n", "• %u score sheets\n", n_sheets), n_sheets);
      /* Translators: what finalising locks; the first %u is how many are present, the
       * second how many members the council has */
      g_string_append_printf (body, _("• the attendance (%u of %u present)\n"), n_present, self->attendance->len);
      /* Translators: what finalising locks; %u is a number of declared conflicts */
      g_string_append_printf (body, ngettext ("• %u declared conflict of interest\n",
                                              "• %u declared conflicts of interest\n",
                                              self->conflicts->len), self->conflicts->len);
      g_string_append (body, "\n");
      g_string_append (body, list->str);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Finalise the Meeting?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), g_strchomp (body->str));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "finalise", _("_Finalise"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalise", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "finalise", blockers->len == 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalise_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Other actions */

static void
on_editor_created_cb (OcopMeetingEditor *editor,
                      gint64             meeting_id,
                      OcopMeetingsPage  *self)
{
  ocop_meetings_page_reload (self, NULL);
  ocop_meetings_page_select_meeting (self, meeting_id);
  ocop_meetings_page_show_view (self, "attendance");
  add_toast (self, _("Meeting created"));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ocop_meetings_page_new_meeting (OCOP_MEETINGS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GObject */

static void
ocop_meetings_page_dispose (GObject *object)
{
  OcopMeetingsPage *self = (OcopMeetingsPage *)object;

  /* The list box unselects its rows as it goes: nothing is opened any more. */
  self->updating++;
  /* AdwBin unparents its child itself: drop it first, or the template would
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCOP_TYPE_MEETINGS_PAGE);

  G_OBJECT_CLASS (ocop_meetings_page_parent_class)->dispose (object);
}

static void
ocop_meetings_page_finalize (GObject *object)
{
  OcopMeetingsPage *self = (OcopMeetingsPage *)object;

  g_clear_pointer (&self->meeting, ocop_meeting_free);
  g_clear_pointer (&self->council, ocop_council_free);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ocop_meetings_page_parent_class)->finalize (object);
}

static void
ocop_meetings_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (object);

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
ocop_meetings_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      ocop_meetings_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The presentation window belongs to the window (win.present-meeting). */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  OcopMeetingsPage *self = OCOP_MEETINGS_PAGE (widget);

  if (self->meeting == NULL)
    return;

  gtk_widget_activate_action (widget, "win.present-meeting", "x", self->meeting->id);
}

static void
ocop_meetings_page_class_init (OcopMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ocop_meetings_page_dispose;
  object_class->finalize = ocop_meetings_page_finalize;
  object_class->get_property = ocop_meetings_page_get_property;
  object_class->set_property = ocop_meetings_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         OCOP_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OCOP_TYPE_SCORE_FORM);
  g_type_ensure (OCOP_TYPE_RESULTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Ocop/ui/ocop-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, council_label);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, state_badge);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, quorum_icon);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, finalise_button);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, score_form);
  gtk_widget_class_bind_template_child (widget_class, OcopMeetingsPage, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_meetings_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_score_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "meetings.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "meetings.declare-conflict", NULL, declare_conflict_action);
  gtk_widget_class_install_action (widget_class, "meetings.present", NULL, present_action);
}

static void
ocop_meetings_page_init (OcopMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->member_rows = g_ptr_array_new ();
  self->conflict_rows = g_ptr_array_new ();

  g_signal_connect_object (self->inner_stack, "notify::visible-child-name",
                           G_CALLBACK (on_inner_stack_visible_child_cb), self, G_CONNECT_SWAPPED);
}

/* Public */

GtkWidget *
ocop_meetings_page_new (OcopDb *db)
{
  return g_object_new (OCOP_TYPE_MEETINGS_PAGE, "db", db, NULL);
}

void
ocop_meetings_page_set_db (OcopMeetingsPage *self,
                           OcopDb           *db)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OCOP_IS_MEETINGS_PAGE (self));
  g_return_if_fail (db == NULL || OCOP_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  open_meeting (self, 0);
  if (db != NULL && !ocop_meetings_page_reload (self, &error))
    add_toast (self, error->message);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

gboolean
ocop_meetings_page_reload (OcopMeetingsPage  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  gint64 open_id;
  GtkWidget *child;

  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), FALSE);

  if (self->db == NULL)
    return TRUE;

  meetings = ocop_db_list_meetings (self->db, 0, error);
  if (meetings == NULL)
    return FALSE;

  open_id = self->meeting != NULL ? self->meeting->id : 0;

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list))) != NULL)
    gtk_list_box_remove (self->meetings_list, child);
  for (guint i = 0; i < meetings->len; i++)
    {
      const OcopMeeting *meeting = g_ptr_array_index (meetings, i);
      GtkWidget *row = make_meeting_row (self, meeting);

      gtk_list_box_append (self->meetings_list, row);
      if (meeting->id == open_id)
        gtk_list_box_select_row (self->meetings_list, GTK_LIST_BOX_ROW (row));
    }
  self->updating--;

  gtk_stack_set_visible_child_name (self->list_stack, meetings->len > 0 ? "list" : "empty");

  if (open_id != 0)
    open_meeting (self, open_id);

  return TRUE;
}

gboolean
ocop_meetings_page_select_meeting (OcopMeetingsPage *self,
                                   gint64            meeting_id)
{
  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_meeting_id (GTK_LIST_BOX_ROW (child)) == meeting_id)
      {
        if (gtk_list_box_get_selected_row (self->meetings_list) == GTK_LIST_BOX_ROW (child))
          open_meeting (self, meeting_id);
        else
          gtk_list_box_select_row (self->meetings_list, GTK_LIST_BOX_ROW (child));
        return TRUE;
      }

  return FALSE;
}

gint64
ocop_meetings_page_get_meeting_id (OcopMeetingsPage *self)
{
  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), 0);

  return self->meeting != NULL ? self->meeting->id : 0;
}

void
ocop_meetings_page_show_view (OcopMeetingsPage *self,
                              const char       *name)
{
  g_return_if_fail (OCOP_IS_MEETINGS_PAGE (self));

  if (adw_view_stack_get_child_by_name (self->inner_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->inner_stack, name);
}

const char *
ocop_meetings_page_get_view (OcopMeetingsPage *self)
{
  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->inner_stack);
}

GtkWindow *
ocop_meetings_page_new_meeting (OcopMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  OcopMeetingEditor *editor;

  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), NULL);

  if (self->db == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = ocop_meeting_editor_new (self->db, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (editor == NULL)
    {
      add_toast (self, error->message);
      return NULL;
    }

  g_signal_connect_object (editor, "created", G_CALLBACK (on_editor_created_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

OcopScoreForm *
ocop_meetings_page_get_score_form (OcopMeetingsPage *self)
{
  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), NULL);

  return self->score_form;
}

OcopResultsView *
ocop_meetings_page_get_results_view (OcopMeetingsPage *self)
{
  g_return_val_if_fail (OCOP_IS_MEETINGS_PAGE (self), NULL);

  return self->results_view;
}
