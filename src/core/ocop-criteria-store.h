/* ocop-criteria-store.h: criteria sets in the database
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-criteria.h"
#include "ocop-db.h"

G_BEGIN_DECLS

typedef struct _OcopCriteriaSetInfo
{
  gint64  id;
  char   *code;
  char   *legal_basis;
  char   *title;
  char   *version;
  char   *effective_from;
  char   *effective_to;
  guint   n_sheets;
} OcopCriteriaSetInfo;

void                 ocop_criteria_set_info_free     (OcopCriteriaSetInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCriteriaSetInfo, ocop_criteria_set_info_free)

/* Stores a validated set in one transaction (its tree, options and the JSON it came
 * from). A set with the same code is refused: criteria sets are never changed once
 * councils may have scored on them. Sets @set->id. */
gboolean             ocop_db_import_criteria_set     (OcopDb              *db,
                                                      OcopCriteriaSet     *set,
                                                      GError             **error);
/* Reads and validates @path, then stores it. */
OcopCriteriaSet     *ocop_db_import_criteria_file    (OcopDb              *db,
                                                      const char          *path,
                                                      GError             **error);
/* The sets in the database, newest effective date first (OcopCriteriaSetInfo*). */
GPtrArray           *ocop_db_list_criteria_sets      (OcopDb              *db,
                                                      GError             **error);
/* The whole tree of a stored set, with OcopCriteriaSet.id set. Cached: the same
 * set is returned (with a new reference) on later calls. */
OcopCriteriaSet     *ocop_db_load_criteria_set       (OcopDb              *db,
                                                      gint64               id,
                                                      GError             **error);
OcopCriteriaSet     *ocop_db_load_criteria_set_by_code (OcopDb            *db,
                                                      const char          *code,
                                                      GError             **error);
/* The database ids of a stored set's criteria and options, by sheet and leaf:
 * the criterion row of leaf @leaf_index and the option row of its option @option. */
gboolean             ocop_db_lookup_option           (OcopDb              *db,
                                                      gint64               set_id,
                                                      const char          *sheet_code,
                                                      int                  leaf_index,
                                                      int                  option,
                                                      gint64              *criterion_id,
                                                      gint64              *option_id,
                                                      GError             **error);
/* Imports every *.json in @dir whose code is not stored yet (the sets shipped with
 * the application, data/criteria). Returns the number imported, -1 on error. */
int                  ocop_db_import_bundled_criteria (OcopDb              *db,
                                                      const char          *dir,
                                                      GError             **error);
/* The folder of the bundled sets: $OCOP_CRITERIA_DIR, else the source tree when run
 * uninstalled, else PKGDATADIR/criteria. */
char                *ocop_criteria_get_bundled_dir   (void);

G_END_DECLS
