/* test-presentation.c: the projector slides of a finalised meeting: navigation, the
 * anonymised members and the stars revealed one at a time
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ocop-council.h"
#include "ocop-criteria-store.h"
#include "ocop-presentation-window.h"
#include "ocop-sample.h"
#include "ocop-scoring.h"
#include "ocop-test-ui.h"
#include "ocop-window.h"

static gboolean have_display;

/* Helpers */

/* Presses @keyval as the user would: the window's key bindings. */
static void
press (GtkWidget *window,
       guint      keyval)
{
  static const struct {
    guint       keyval;
    const char *action;
    int         target;    /* -1: none */
  } bindings[] = {
    { GDK_KEY_Right, "presentation.next", -1 },
    { GDK_KEY_Page_Down, "presentation.next", -1 },
    { GDK_KEY_Left, "presentation.previous", -1 },
    { GDK_KEY_Page_Up, "presentation.previous", -1 },
    { GDK_KEY_Home, "presentation.first", -1 },
    { GDK_KEY_End, "presentation.last", -1 },
    { GDK_KEY_space, "presentation.reveal", -1 },
    { GDK_KEY_n, "presentation.toggle-names", -1 },
    { GDK_KEY_Escape, "presentation.leave", -1 },
  };

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      gtk_widget_activate_action (window, "presentation.goto", "i", (int) (keyval - GDK_KEY_0));
      ocop_test_spin (10);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    if (bindings[i].keyval == keyval)
      {
        g_assert_true (gtk_widget_activate_action (window, bindings[i].action, NULL));
        ocop_test_spin (10);
        return;
      }

  g_assert_not_reached ();
}

typedef struct
{
  char        *dir;
  OcopDb      *db;
  OcopMeeting *meeting;
  OcopCouncil *council;
  GPtrArray   *results;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  if (!have_display)
    return;

  f->db = ocop_test_open_db ("ocop-test-presentation-XXXXXX", &f->dir);
  ocop_test_import_criteria (f->db);

  /* The sample's meetings are finalised through the scoring API. */
  ocop_sample_load (f->db, &error);
  g_assert_no_error (error);

  meetings = ocop_db_list_meetings (f->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  f->meeting = g_ptr_array_steal_index (meetings, 0);
  g_assert_cmpint (f->meeting->state, ==, OCOP_MEETING_FINALISED);
  f->council = ocop_db_get_council (f->db, f->meeting->council_id, &error);
  g_assert_no_error (error);
  f->results = ocop_db_list_results (f->db, f->meeting->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->results->len, >=, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  g_clear_pointer (&f->results, g_ptr_array_unref);
  g_clear_pointer (&f->meeting, ocop_meeting_free);
  g_clear_pointer (&f->council, ocop_council_free);
  ocop_test_close_db (f->db, f->dir);
}

/* Tests */

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window;
  OcopPresentationWindow *p;
  guint n_products;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  n_products = f->results->len;
  window = ocop_presentation_window_new (f->db, f->meeting->id);
  p = OCOP_PRESENTATION_WINDOW (window);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (100);

  /* Title, a slide per product, the closing slide. */
  g_assert_cmpuint (ocop_presentation_window_get_n_slides (p), ==, n_products + 2);
  g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, 0);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "title");
  g_assert_true (ocop_test_shows_label (window, f->council->name, FALSE));

  /* Back from the first slide stays there. */
  press (window, GDK_KEY_Left);
  g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, 0);

  press (window, GDK_KEY_Right);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "product-1");
  ocop_test_spin (500);
  g_assert_true (ocop_test_shows_label (window, ((OcopProductResult *) g_ptr_array_index (f->results, 0))->product_name, FALSE));

  press (window, GDK_KEY_Page_Down);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "product-2");
  press (window, GDK_KEY_Page_Up);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "product-1");

  /* A digit jumps to that product; 0 to the title. */
  press (window, GDK_KEY_3);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "product-3");
  press (window, GDK_KEY_0);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "title");

  press (window, GDK_KEY_End);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "closing");
  g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, n_products + 1);
  ocop_test_spin (500);
  g_assert_true (ocop_test_shows_label (window, "Results of the Meeting", FALSE));
  /* Past the end stays at the end. */
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_space);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "closing");

  press (window, GDK_KEY_Home);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "title");

  ocop_test_destroy_window (GTK_WINDOW (window));
}

static void
test_members_and_stars (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window;
  OcopPresentationWindow *p;
  const OcopProductResult *result = NULL;
  guint number = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* A product with stars and several members. */
  for (guint i = 0; i < f->results->len && result == NULL; i++)
    {
      const OcopProductResult *r = g_ptr_array_index (f->results, i);

      if (r->stars >= 3 && r->member_totals->len >= 3 && i < 9)
        {
          result = r;
          number = i + 1;
        }
    }
  g_assert_nonnull (result);

  window = ocop_presentation_window_new (f->db, f->meeting->id);
  p = OCOP_PRESENTATION_WINDOW (window);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (100);

  press (window, GDK_KEY_0 + number);
  ocop_test_spin (500);
  g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, number);
  g_assert_cmpint (ocop_presentation_window_get_stars (p), ==, result->stars);

  /* Members as A, B, C… until the chair reveals the names. */
  {
    g_autoptr(GPtrArray) labels = ocop_presentation_window_dup_member_labels (p);

    g_assert_cmpuint (labels->len, ==, result->member_totals->len);
    g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "A");
    g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, "B");
    g_assert_cmpstr (g_ptr_array_index (labels, 2), ==, "C");
    g_assert_true (ocop_test_shows_label (window, "B", FALSE));
    for (guint m = 0; m < result->member_totals->len; m++)
      g_assert_false (ocop_test_shows_label (window, ((OcopMemberTotal *) g_ptr_array_index (result->member_totals, m))->member_name, FALSE));
  }

  press (window, GDK_KEY_n);
  g_assert_true (ocop_presentation_window_get_names_revealed (p));
  {
    g_autoptr(GPtrArray) labels = ocop_presentation_window_dup_member_labels (p);

    for (guint m = 0; m < result->member_totals->len; m++)
      {
        const OcopMemberTotal *member = g_ptr_array_index (result->member_totals, m);

        g_assert_cmpstr (g_ptr_array_index (labels, m), ==, member->member_name);
        g_assert_true (ocop_test_shows_label (window, member->member_name, FALSE));
      }
  }
  press (window, GDK_KEY_n);
  g_assert_false (ocop_presentation_window_get_names_revealed (p));
  {
    g_autoptr(GPtrArray) labels = ocop_presentation_window_dup_member_labels (p);

    g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "A");
  }

  /* Space reveals one star at a time, then moves on. */
  g_assert_cmpint (ocop_presentation_window_get_revealed_stars (p), ==, 0);
  for (int s = 1; s <= result->stars; s++)
    {
      press (window, GDK_KEY_space);
      g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, number);
      g_assert_cmpint (ocop_presentation_window_get_revealed_stars (p), ==, s);
    }
  press (window, GDK_KEY_space);
  g_assert_cmpuint (ocop_presentation_window_get_slide (p), ==, number + 1);

  /* Coming back, the stars stay revealed; Right does not reveal. */
  press (window, GDK_KEY_Left);
  g_assert_cmpint (ocop_presentation_window_get_revealed_stars (p), ==, result->stars);

  /* Esc leaves. */
  g_object_ref (window);
  press (window, GDK_KEY_Escape);
  ocop_test_spin (20);
  g_assert_finalize_object (window);
}

static void
test_missing_meeting (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window;
  OcopPresentationWindow *p;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = ocop_presentation_window_new (f->db, 999999);
  p = OCOP_PRESENTATION_WINDOW (window);
  gtk_window_present (GTK_WINDOW (window));
  ocop_test_spin (50);

  g_assert_cmpuint (ocop_presentation_window_get_n_slides (p), ==, 1);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "error");
  g_assert_true (ocop_test_shows_label (window, "The Meeting Cannot Be Shown", FALSE));
  press (window, GDK_KEY_Right);
  g_assert_cmpstr (ocop_presentation_window_get_slide_name (p), ==, "error");
  g_assert_cmpint (ocop_presentation_window_get_revealed_stars (p), ==, 0);

  ocop_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_action (Fixture       *f,
                    gconstpointer  data)
{
  OcopWindow *main_window;
  GtkWidget *presentation = NULL;
  GList *toplevels;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* win.present-meeting, which F5 on the meetings page activates. */
  main_window = ocop_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (main_window));
  ocop_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.present-meeting", "x",
                                             f->meeting->id));
  ocop_test_spin (100);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (OCOP_IS_PRESENTATION_WINDOW (l->data))
      presentation = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (presentation);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (main_window));
  g_assert_cmpuint (ocop_presentation_window_get_n_slides (OCOP_PRESENTATION_WINDOW (presentation)), ==,
                    f->results->len + 2);

  ocop_test_destroy_window (GTK_WINDOW (presentation));
  ocop_test_destroy_window (GTK_WINDOW (main_window));
}

int
main (int   argc,
      char *argv[])
{
  have_display = ocop_test_ui_init (&argc, &argv);

  g_test_add ("/ocop/presentation/navigation", Fixture, NULL,
              fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/ocop/presentation/members-and-stars", Fixture, NULL,
              fixture_set_up, test_members_and_stars, fixture_tear_down);
  g_test_add ("/ocop/presentation/missing-meeting", Fixture, NULL,
              fixture_set_up, test_missing_meeting, fixture_tear_down);
  g_test_add ("/ocop/presentation/window-action", Fixture, NULL,
              fixture_set_up, test_window_action, fixture_tear_down);

  return g_test_run ();
}
