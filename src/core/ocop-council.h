/* ocop-council.h: councils, members, meetings, agenda, attendance, quorum, conflicts
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* Plain records with owned strings, like ocop-registry.h. Every ocop_db_… function
 * that changes something is one transaction; errors name the field
 * (OCOP_DB_ERROR_INVALID, "Council name: must not be empty"). Changes to a finalised
 * meeting fail with OCOP_DB_ERROR_LOCKED. */

typedef struct _OcopCouncil
{
  gint64       id;
  char        *name;
  OcopLevel    level;
  OcopRegime   regime;
  char        *locality;
  char        *decision;          /* the decision that established it, "QĐ 123/QĐ-UBND" */
  char        *decision_date;     /* YYYY-MM-DD or NULL */
  gboolean     secretary_scores;  /* the secretary's sheet counts in the mean */
  gboolean     advisory_scores;   /* the advisory team's sheets count in the mean */
  double       quorum_share;      /* share of members that must be present; default 2/3 */
  gboolean     chair_required;    /* the chair must be present; default TRUE */
  gboolean     is_sample;
} OcopCouncil;

typedef struct _OcopMember
{
  gint64       id;
  gint64       council_id;
  char        *name;
  OcopRole     role;
  char        *title;             /* position and organisation */
  guint        ordinal;           /* order within the role */
} OcopMember;

typedef struct _OcopMeeting
{
  gint64            id;
  gint64            council_id;
  gint64            set_id;       /* the criteria set scored on */
  char             *date;         /* YYYY-MM-DD */
  char             *place;
  char             *title;
  OcopMeetingState  state;
  char             *finalised_at; /* UTC timestamp, or NULL */
  gboolean          is_sample;
} OcopMeeting;

typedef struct _OcopAgendaItem
{
  gint64       meeting_id;
  gint64       product_id;
  guint        ordinal;           /* 0-based position on the agenda */
  int          round;             /* the current scoring round, 1 … 9 */
  /* From the registry, for display. */
  char        *product_name;
  char        *product_code;      /* may be NULL */
  char        *product_set;       /* sheet code, "01" … */
} OcopAgendaItem;

typedef struct _OcopAttendance
{
  gint64       member_id;
  char        *member_name;
  OcopRole     role;
  gboolean     present;
  gboolean     recorded;          /* FALSE: not recorded yet (counts as absent) */
} OcopAttendance;

typedef struct _OcopConflict
{
  gint64       meeting_id;
  gint64       member_id;
  gint64       product_id;
  char        *member_name;
  char        *product_name;
  char        *reason;
  char        *declared_at;
} OcopConflict;

OcopCouncil    *ocop_council_new              (void);
void            ocop_council_free             (OcopCouncil    *council);
OcopMember     *ocop_member_new               (void);
void            ocop_member_free              (OcopMember     *member);
OcopMeeting    *ocop_meeting_new              (void);
void            ocop_meeting_free             (OcopMeeting    *meeting);
void            ocop_agenda_item_free         (OcopAgendaItem *item);
void            ocop_attendance_free          (OcopAttendance *attendance);
void            ocop_conflict_free            (OcopConflict   *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCouncil, ocop_council_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopMember, ocop_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopMeeting, ocop_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopAgendaItem, ocop_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopAttendance, ocop_attendance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopConflict, ocop_conflict_free)

/* Check before writing; text is NFC-normalised and trimmed in place. */
gboolean        ocop_council_validate         (OcopCouncil    *council,
                                               GError        **error);
gboolean        ocop_member_validate          (OcopMember     *member,
                                               GError        **error);
gboolean        ocop_meeting_validate         (OcopMeeting    *meeting,
                                               GError        **error);

/* ---- councils ---- */

/* Insert when id == 0 (and set it), else update. */
gboolean        ocop_db_save_council          (OcopDb         *db,
                                               OcopCouncil    *council,
                                               GError        **error);
OcopCouncil    *ocop_db_get_council           (OcopDb         *db,
                                               gint64          id,
                                               GError        **error);
/* All councils by name (OcopCouncil*). */
GPtrArray      *ocop_db_list_councils         (OcopDb         *db,
                                               GError        **error);

/* ---- members ---- */

/* Sets @member->id. A council has at most one chair; names are unique in a council. */
gboolean        ocop_db_add_member            (OcopDb         *db,
                                               OcopMember     *member,
                                               GError        **error);
gboolean        ocop_db_update_member         (OcopDb         *db,
                                               OcopMember     *member,
                                               GError        **error);
/* Refused when the member has score sheets (OCOP_DB_ERROR_INVALID) or took part in a
 * finalised meeting (OCOP_DB_ERROR_LOCKED). */
gboolean        ocop_db_remove_member         (OcopDb         *db,
                                               gint64          member_id,
                                               GError        **error);
OcopMember     *ocop_db_get_member            (OcopDb         *db,
                                               gint64          member_id,
                                               GError        **error);
/* Chair, vice-chairs, members, secretary, advisory team; then by ordinal (OcopMember*). */
GPtrArray      *ocop_db_list_members          (OcopDb         *db,
                                               gint64          council_id,
                                               GError        **error);

/* ---- meetings ---- */

/* Insert when id == 0 (and set it; state is then 'preparing'), else update date,
 * place and title. */
gboolean        ocop_db_save_meeting          (OcopDb         *db,
                                               OcopMeeting    *meeting,
                                               GError        **error);
OcopMeeting    *ocop_db_get_meeting           (OcopDb         *db,
                                               gint64          id,
                                               GError        **error);
/* Newest first; @council_id 0 lists every council's meetings (OcopMeeting*). */
GPtrArray      *ocop_db_list_meetings         (OcopDb         *db,
                                               gint64          council_id,
                                               GError        **error);
/* Between 'preparing' and 'scoring' only; a meeting is finalised by
 * ocop_db_finalise_meeting() (ocop-scoring.h). */
gboolean        ocop_db_set_meeting_state     (OcopDb         *db,
                                               gint64          meeting_id,
                                               OcopMeetingState state,
                                               GError        **error);

/* ---- agenda ---- */

/* Appends a product. Refused when it is already on the agenda or when the meeting's
 * criteria set has no sheet for its product set. */
gboolean        ocop_db_add_agenda_item       (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          product_id,
                                               GError        **error);
/* Refused once the product has score sheets in this meeting. */
gboolean        ocop_db_remove_agenda_item    (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          product_id,
                                               GError        **error);
/* @product_ids: every product of the agenda, in the new order. */
gboolean        ocop_db_reorder_agenda        (OcopDb         *db,
                                               gint64          meeting_id,
                                               const gint64   *product_ids,
                                               guint           n_product_ids,
                                               GError        **error);
/* In agenda order (OcopAgendaItem*). */
GPtrArray      *ocop_db_list_agenda           (OcopDb         *db,
                                               gint64          meeting_id,
                                               GError        **error);
/* The product's current round; 0 with OCOP_DB_ERROR_NOT_FOUND when not on the agenda. */
int             ocop_db_get_agenda_round      (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          product_id,
                                               GError        **error);

/* ---- attendance and quorum ---- */

gboolean        ocop_db_set_attendance        (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          member_id,
                                               gboolean        present,
                                               GError        **error);
/* Every member of the council, in member order; not recorded counts as absent
 * (OcopAttendance*). */
GPtrArray      *ocop_db_list_attendance       (OcopDb         *db,
                                               gint64          meeting_id,
                                               GError        **error);

/* The quorum rule, pure: @n_present of @n_members ≥ the council's quorum share
 * (compared exactly: 6 of 9 meets 2/3), and the chair present when the council
 * requires it. @reason (optional) gets a translated sentence such as
 * "7 of 9 members present — quorum met".
 *
 * Who counts: the council's members (chair, vice-chairs, members, secretary). The
 * advisory team (Tổ tư vấn / Tổ giúp việc) is not part of the council and counts
 * neither in @n_members nor in @n_present. */
gboolean        ocop_quorum_check             (const OcopCouncil *council,
                                               guint           n_members,
                                               guint           n_present,
                                               gboolean        chair_present,
                                               char          **reason);
/* The same for a meeting, from its council and attendance. Returns FALSE only on
 * error; @met and @reason (both optional) get the answer. */
gboolean        ocop_db_check_quorum          (OcopDb         *db,
                                               gint64          meeting_id,
                                               gboolean       *met,
                                               char          **reason,
                                               GError        **error);

/* ---- conflicts of interest: the member is recused for that product ---- */

/* @reason is required. The member must belong to the council and the product be on
 * the agenda; declaring twice is refused. */
gboolean        ocop_db_declare_conflict      (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          member_id,
                                               gint64          product_id,
                                               const char     *reason,
                                               GError        **error);
gboolean        ocop_db_remove_conflict       (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          member_id,
                                               gint64          product_id,
                                               GError        **error);
/* By agenda order, then member order (OcopConflict*). */
GPtrArray      *ocop_db_list_conflicts        (OcopDb         *db,
                                               gint64          meeting_id,
                                               GError        **error);
gboolean        ocop_db_is_recused            (OcopDb         *db,
                                               gint64          meeting_id,
                                               gint64          member_id,
                                               gint64          product_id,
                                               gboolean       *recused,
                                               GError        **error);

G_END_DECLS
