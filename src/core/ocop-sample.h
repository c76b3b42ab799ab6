/* ocop-sample.h: a sample province, to see a full dashboard at once
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"

G_BEGIN_DECLS

/* The sample province "Tỉnh Mẫu" is modelled on Lạng Sơn's 2019–2022 report (OCOP.md §8):
 * producers of every subject type in six districts, 105 products in ten product sets
 * registered 2019–2022, one provincial council with eight finalised meetings whose member
 * sheets were scored through the scoring API (totals, results and rounds are genuine),
 * eight recognition decisions and 94 certificates issued through the certificate API
 * (73 × 3★, 21 × 4★), ten of them lapsed after 36 months by 2 June 2023 (8 × 3★, 2 × 4★);
 * four not passed and seven not evaluated yet; and the four programme targets for
 * 2023–2025. For the period 2019-01-01 … 2022-12-31 as of 2023-06-02, ocop_db_compute_stats()
 * gives exactly the report's figures: 105 registered, 94 certified (73 × 3★, 21 × 4★),
 * 84 in force (65 × 3★, 19 × 4★), 10 expired (8 × 3★, 2 × 4★).
 *
 * Every row it creates has is_sample = 1 (producers, products, councils, meetings,
 * decisions, certificates, targets and the sample authority's signing key); producer,
 * council and target names end in " (mẫu)". Members, agenda, attendance, sheets, answers
 * and results belong to the sample council and meetings. Generation is deterministic
 * (the same names, dates, answers and scores every time; only the signing key, the
 * signatures and the timestamps differ) and takes one transaction.
 *
 * Criteria sets are reference data: the sample scores on the bundled QĐ 1048 set,
 * imports the bundled sets first when the database has none (as the application does
 * when it opens a database), and leaves them in place on removal. The audit log is
 * append-only: loading and removing are recorded there under the actor
 * OCOP_SAMPLE_ACTOR and are not undone. */

#define OCOP_SAMPLE_ERROR (ocop_sample_error_quark ())

typedef enum
{
  OCOP_SAMPLE_ERROR_LOADED,        /* the sample data is already there */
  OCOP_SAMPLE_ERROR_NOT_LOADED,    /* there is no sample data to remove */
  OCOP_SAMPLE_ERROR_NO_CRITERIA,   /* the QĐ 1048 criteria set is not available */
} OcopSampleError;

#define OCOP_SAMPLE_PROVINCE     "Tỉnh Mẫu"
#define OCOP_SAMPLE_ACTOR        "ocop-sample"
/* The report's period and day. */
#define OCOP_SAMPLE_REPORT_FROM  "2019-01-01"
#define OCOP_SAMPLE_REPORT_TO    "2022-12-31"
#define OCOP_SAMPLE_REPORT_AS_OF "2023-06-02"

GQuark    ocop_sample_error_quark (void);

/* Whether any sample row is in the database. */
gboolean  ocop_sample_is_loaded   (OcopDb    *db,
                                   gboolean  *loaded,
                                   GError   **error);
/* Creates the sample province in one transaction; refused with
 * OCOP_SAMPLE_ERROR_LOADED when sample data is there already. */
gboolean  ocop_sample_load        (OcopDb    *db,
                                   GError   **error);
/* Deletes every sample row and nothing else, in one transaction (the locks of finalised
 * meetings and issued certificates let sample rows through, see ocop-migrations.c step
 * 3). Refused with OCOP_SAMPLE_ERROR_NOT_LOADED when there is none; fails and changes
 * nothing when real data refers to sample rows (a real meeting scoring a sample
 * product). */
gboolean  ocop_sample_remove      (OcopDb    *db,
                                   GError   **error);

G_END_DECLS
