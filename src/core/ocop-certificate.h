/* ocop-certificate.h: recognition decisions, certificates, their 36-month lifecycle,
 * the register, notices, exports, importing a province's register and verification
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"
#include "ocop-import.h"
#include "ocop-signing.h"
#include "ocop-types.h"

G_BEGIN_DECLS

/* ---- the lifecycle (pure) ----
 *
 * A certificate is valid for 36 months counted as the Civil Code counts a term in months
 * (Bộ luật Dân sự 2015, Articles 147–148): the term starts the day after signing and ends
 * at the end of the same-numbered day of its last month, or on the last day of that month
 * when it has no such day. Signed 12/11/2024 → valid through 12/11/2027; 29/02/2024 →
 * 28/02/2027; 31/08/2024 → 31/08/2027.
 *
 * Its state on a day D (all dates YYYY-MM-DD):
 * - revoked      when a revocation dated on or before D exists;
 * - superseded   when a later certificate of the product replaced it on or before D;
 * - expired      when D is after valid_until;
 * - expiring     when D is within the notice window: valid_until − notice_days ≤ D ≤
 *                valid_until (30 days by default, QĐ 148: counted back from the last day;
 *                for valid_until 12/11/2027 from 13/10/2027 through 12/11/2027);
 * - valid        otherwise.
 * The first that applies wins, in this order. */

typedef enum
{
  OCOP_CERTIFICATE_VALID,
  OCOP_CERTIFICATE_EXPIRING,
  OCOP_CERTIFICATE_EXPIRED,
  OCOP_CERTIFICATE_REVOKED,
  OCOP_CERTIFICATE_SUPERSEDED,
  OCOP_CERTIFICATE_STATE_N
} OcopCertificateState;

#define OCOP_CERTIFICATE_VALIDITY_MONTHS 36
#define OCOP_CERTIFICATE_NOTICE_DAYS     30
#define OCOP_CERTIFICATE_DEFAULT_PATTERN "{seq}/GCN-OCOP-{year}"

/* "valid", "expiring", … and their translated labels. */
const char          *ocop_certificate_state_to_string   (OcopCertificateState  state);
gboolean             ocop_certificate_state_from_string (const char           *str,
                                                         OcopCertificateState *state);
const char          *ocop_certificate_state_get_label   (OcopCertificateState  state);

/* The last day of validity of a certificate signed on @year-@month-@day. FALSE for an
 * invalid date or @months ≤ 0. */
gboolean             ocop_certificate_valid_until       (int                   year,
                                                         int                   month,
                                                         int                   day,
                                                         int                   months,
                                                         int                  *until_year,
                                                         int                  *until_month,
                                                         int                  *until_day);
/* The same on ISO dates; NULL for an invalid date. */
char                *ocop_certificate_compute_valid_until (const char         *issued_on,
                                                         int                   months);
/* The state on @today (ISO) from the stored dates; @revoked_on and @superseded_on may be
 * NULL. */
OcopCertificateState ocop_certificate_state_at          (const char           *today,
                                                         const char           *valid_until,
                                                         const char           *revoked_on,
                                                         const char           *superseded_on,
                                                         int                   notice_days);
/* Days from @from to @to (negative when @to is earlier); G_MININT on invalid dates. */
int                  ocop_date_days_between             (const char           *from,
                                                         const char           *to);
/* Today in local time, YYYY-MM-DD. */
char                *ocop_date_today                    (void);

/* Expands a number pattern: {seq} (or {seq:N}, zero-padded to N digits) and {year}.
 * NULL with OCOP_DB_ERROR_INVALID for a pattern without {seq} or with an unknown
 * placeholder. */
char                *ocop_certificate_format_number     (const char           *pattern,
                                                         int                   seq,
                                                         int                   year,
                                                         GError              **error);

/* ---- records ---- */

typedef struct _OcopDecision
{
  gint64    id;
  char     *number;        /* "4894/QĐ-UBND" */
  char     *date;          /* YYYY-MM-DD: the signing date, which is the date of issue */
  char     *authority;     /* "Ủy ban nhân dân tỉnh Thái Nguyên" */
  char     *signer_title;  /* as printed, lines separated by "|": "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH" */
  char     *signer_name;
  gint64    meeting_id;    /* 0 when none (imported history) */
  gboolean  is_imported;
} OcopDecision;

typedef struct _OcopCertificate
{
  gint64                id;
  char                 *number;          /* NULL for imported history without one */
  gint64                product_id;
  char                 *product_code;    /* the product's current code, may be NULL */
  gint64                meeting_id;      /* 0 when imported */
  int                   round;           /* 0 when imported */
  int                   stars;           /* 3 … 5 */
  double                score;           /* the council's score; NAN when unknown */
  char                 *issued_on;       /* YYYY-MM-DD, the decision's date */
  char                 *valid_until;     /* YYYY-MM-DD, the last day of validity */
  /* What the certificate says, as on the day of issue. */
  char                 *product_name;
  char                 *producer_name;
  char                 *producer_address;
  char                 *commune;
  char                 *district;
  char                 *province;
  OcopSubjectType       subject_type;
  char                 *payload;         /* the signed QR text; NULL when imported */
  gboolean              is_imported;
  gboolean              is_sample;
  char                 *created_at;
  /* The decision. */
  gint64                decision_id;
  char                 *decision_number;
  char                 *decision_date;
  char                 *authority;
  char                 *signer_title;
  char                 *signer_name;
  /* What happened to it (NULL / 0 when nothing). */
  char                 *revoked_on;
  char                 *revocation_reason;
  char                 *superseded_on;
  gint64                superseded_by;
  char                 *superseded_by_number;
  /* As of the day the list was made. */
  OcopCertificateState  state;
  int                   days_left;       /* valid_until − that day */
} OcopCertificate;

OcopDecision    *ocop_decision_new     (void);
void             ocop_decision_free    (OcopDecision    *decision);
void             ocop_certificate_free (OcopCertificate *certificate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopDecision, ocop_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopCertificate, ocop_certificate_free)

/* Checks a decision before it is written (OCOP_DB_ERROR_INVALID naming the field); text is
 * NFC-normalised and trimmed in place, the date may be written "12/11/2024". */
gboolean         ocop_decision_validate (OcopDecision   *decision,
                                         GError        **error);

/* ---- settings ---- */

char            *ocop_db_get_certificate_pattern (OcopDb      *db,
                                                  GError     **error);
gboolean         ocop_db_set_certificate_pattern (OcopDb      *db,
                                                  const char  *pattern,
                                                  GError     **error);

/* ---- issuing ---- */

/* Issues, in one transaction, the certificates of a finalised meeting's recognised
 * products under @decision (inserted, or an existing decision of the same number,
 * authority and date). @product_ids (@n_products) chooses some; NULL issues every
 * recognised product that has no certificate from this meeting yet. A product that was
 * not recognised (not passed, proposed upward, returned …) is refused with
 * OCOP_DB_ERROR_INVALID naming it and nothing is written. Each certificate is numbered
 * from the pattern, valid for 36 months from the decision's date and signed with the
 * authority's active key (OCOP_SIGNING_ERROR_NO_KEY when it has none). A product's
 * certificate still in force on that date is superseded by the new one (an upgrade, or a
 * re-evaluation before expiry). Returns the new certificates (OcopCertificate*). */
GPtrArray       *ocop_db_issue_certificates      (OcopDb          *db,
                                                  gint64           meeting_id,
                                                  OcopDecision    *decision,
                                                  const gint64    *product_ids,
                                                  guint            n_products,
                                                  GError         **error);

/* Records the revocation (thu hồi) on @revoked_on with its @reason (required). Refused
 * when the certificate is already revoked or was superseded or expired by then. */
gboolean         ocop_db_revoke_certificate      (OcopDb          *db,
                                                  gint64           certificate_id,
                                                  const char      *revoked_on,
                                                  const char      *reason,
                                                  GError         **error);

/* ---- the register ---- */

typedef struct _OcopCertificateFilter
{
  const char *as_of;        /* the day states are computed for; NULL: today */
  guint       states;       /* bit mask of 1 << OcopCertificateState; 0: every state */
  int         stars;        /* 0: any */
  const char *province;     /* exact, NULL: any */
  const char *district;     /* exact, NULL: any */
  int         year;         /* year of issue; 0: any */
  const char *search;       /* folded words in number, product, producer, locality, decision */
  gint64      meeting_id;   /* 0: any */
  gint64      decision_id;  /* 0: any */
  gint64      product_id;   /* 0: any */
  int         notice_days;  /* the expiring window; 0: the default 30 */
} OcopCertificateFilter;

/* Newest first, then by number. Only certificates issued on or before as_of. */
GPtrArray       *ocop_db_list_certificates       (OcopDb          *db,
                                                  const OcopCertificateFilter *filter,
                                                  GError         **error);
OcopCertificate *ocop_db_get_certificate         (OcopDb          *db,
                                                  gint64           id,
                                                  const char      *as_of,
                                                  GError         **error);
/* NULL with OCOP_DB_ERROR_NOT_FOUND when there is none. */
OcopCertificate *ocop_db_find_certificate        (OcopDb          *db,
                                                  const char      *number,
                                                  const char      *as_of,
                                                  GError         **error);
/* The notice list: certificates in force on @as_of (NULL: today) whose validity ends
 * within @days (0: 30) days, soonest first. */
GPtrArray       *ocop_db_list_certificate_notices (OcopDb         *db,
                                                  const char      *as_of,
                                                  int              days,
                                                  GError         **error);
/* Decisions by number, newest first when several authorities or years share it
 * (OcopDecision*). */
GPtrArray       *ocop_db_find_decisions          (OcopDb          *db,
                                                  const char      *number,
                                                  GError         **error);
/* The distinct provinces or districts of the register, in Vietnamese order (char*). */
GPtrArray       *ocop_db_list_certificate_localities (OcopDb      *db,
                                                  gboolean         districts,
                                                  GError         **error);

/* ---- exports ---- */

/* The register as CSV text with a UTF-8 BOM (column names in English, values as stored
 * and states as machine names), or as an XLSX workbook. */
char            *ocop_certificates_to_csv        (GPtrArray       *certificates);
gboolean         ocop_certificates_export_csv    (GPtrArray       *certificates,
                                                  const char      *path,
                                                  GError         **error);
gboolean         ocop_certificates_export_xlsx   (GPtrArray       *certificates,
                                                  const char      *path,
                                                  GError         **error);

/* ---- importing a province's register ----
 *
 * CSV, one row per recognition, columns (English or Vietnamese, matched ignoring case
 * and diacritics): product ("Tên sản phẩm"), producer ("Tên chủ thể"), subject type
 * ("Loại hình KD"), locality: commune ("Xã/phường"), district ("Huyện"; "locality",
 * "Địa phương" read as the district), province ("Tỉnh"), address ("Địa chỉ"); stars
 * ("Hạng sao"), recognition date ("Ngày công nhận"), decision number ("Số QĐ"), issuing
 * authority ("Cơ quan công nhận"), expiry ("Ngày hết hạn"; computed by the 36-month rule
 * when empty, kept as given otherwise since history may follow older rules), and
 * optionally certificate number ("Số GCN"), product code ("Mã sản phẩm") and product set
 * ("Bộ sản phẩm"; "00" when unknown).
 *
 * All or nothing, as ocop-import.h: on any bad row nothing is written, the error lists
 * the problems and @rejected (optional) gets the report with each problem's line and
 * column. Producers and products are found (product code, else name and producer) or
 * created; decisions and certificates are marked imported, with no meeting. Within a
 * product, an earlier certificate still in force is superseded by a later one. */
OcopImportReport *ocop_import_register_csv       (OcopDb          *db,
                                                  const char      *path,
                                                  OcopImportReport **rejected,
                                                  GError         **error);

/* ---- verification ---- */

typedef enum
{
  OCOP_VERIFY_VALID,        /* signed by a known key, in the register, in force */
  OCOP_VERIFY_EXPIRED,      /* genuine, but past its validity */
  OCOP_VERIFY_REVOKED,      /* genuine, but revoked */
  OCOP_VERIFY_SUPERSEDED,   /* genuine, but replaced by a later certificate */
  OCOP_VERIFY_UNKNOWN,      /* the signature is genuine but the certificate is not in this register */
  OCOP_VERIFY_FORGED,       /* not an OCOP code, changed, or signed by another key */
  OCOP_VERIFY_N
} OcopVerifyStatus;

typedef struct _OcopVerification
{
  OcopVerifyStatus  status;
  OcopPayload       fields;        /* what the code says (when it could be read) */
  char             *message;       /* one translated sentence for people */
  char             *authority;     /* whose key signed it, when known */
  OcopCertificate  *certificate;   /* the register's row, when found */
} OcopVerification;

void              ocop_verification_clear        (OcopVerification *verification);
const char       *ocop_verify_status_to_string   (OcopVerifyStatus  status);
const char       *ocop_verify_status_get_label   (OcopVerifyStatus  status);

/* Verifies a QR payload against every key of the database (retired ones too) and
 * @extra_keys (@n_extra_keys × 32 bytes, e.g. from an exported public key file; may be
 * NULL), then looks the certificate up in the register as of @today (NULL: today). A
 * valid payload must equal the register's copy byte for byte. Returns FALSE only on a
 * database error. Clear @result after use. */
gboolean          ocop_db_verify_payload         (OcopDb          *db,
                                                  const char      *payload,
                                                  const char      *today,
                                                  const guint8    *extra_keys,
                                                  guint            n_extra_keys,
                                                  OcopVerification *result,
                                                  GError         **error);

G_END_DECLS
