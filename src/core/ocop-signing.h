/* ocop-signing.h: the issuing authority's Ed25519 key and the signed QR payload
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ocop-db.h"

G_BEGIN_DECLS

/* The authority generates its key once (ocop_signing_create_key ()); the key pair is
 * kept in the database file, secret key included: whoever can read the file can sign
 * certificates, so the file must be protected like the authority's seal. Only the public
 * key leaves it (ocop_signing_key_export_public ()), so that anyone can verify a
 * certificate's QR code offline.
 *
 * The QR payload is short UTF-8 text, small enough for a QR code at print size:
 *
 *   OCOP1|<certificate no>|<product>|<producer>|<stars>|<decision no>|<valid until>|<signature>
 *
 * e.g. "OCOP1|1/GCN-OCOP-2024|Chè xanh Tân Cương|HTX Chè Tân Cương|4|4894/QĐ-UBND|2027-11-12|…".
 * Names longer than OCOP_PAYLOAD_NAME_MAX characters are cut there; '%' and '|' in a field
 * are written %25 and %7C. The signature is the Ed25519 signature (64 bytes, base64url
 * without padding: 86 characters) of everything before the last '|'. */

#define OCOP_SIGNING_ERROR (ocop_signing_error_quark ())

typedef enum
{
  OCOP_SIGNING_ERROR_FAILED,       /* libsodium could not start */
  OCOP_SIGNING_ERROR_NO_KEY,       /* the authority has no active key */
  OCOP_SIGNING_ERROR_KEY_EXISTS,   /* the authority already has an active key */
  OCOP_SIGNING_ERROR_BAD_KEY,      /* a public key file that cannot be read */
  OCOP_SIGNING_ERROR_BAD_PAYLOAD,  /* not an OCOP payload, or damaged */
  OCOP_SIGNING_ERROR_FORGED,       /* the signature does not match any key given */
} OcopSigningError;

#define OCOP_SIGNING_PUBLIC_KEY_BYTES 32
#define OCOP_SIGNING_SECRET_KEY_BYTES 64
#define OCOP_SIGNING_SIGNATURE_BYTES  64
#define OCOP_PAYLOAD_PREFIX           "OCOP1"
#define OCOP_PAYLOAD_NAME_MAX         60

typedef struct _OcopSigningKey
{
  gint64   id;
  char    *authority;
  guint8   public_key[OCOP_SIGNING_PUBLIC_KEY_BYTES];
  guint8   secret_key[OCOP_SIGNING_SECRET_KEY_BYTES];  /* zero when has_secret is FALSE */
  gboolean has_secret;
  gboolean active;
  char    *created_at;    /* UTC timestamp */
} OcopSigningKey;

/* The signed fields; strings are owned. */
typedef struct _OcopPayload
{
  char *certificate_number;
  char *product_name;
  char *producer_name;
  int   stars;
  char *decision_number;
  char *valid_until;      /* YYYY-MM-DD */
} OcopPayload;

GQuark          ocop_signing_error_quark       (void);

/* Starts libsodium (once; thread safe). */
gboolean        ocop_signing_init              (GError               **error);

void            ocop_signing_key_free          (OcopSigningKey        *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcopSigningKey, ocop_signing_key_free)

/* Generates and stores the authority's key pair. Refused with
 * OCOP_SIGNING_ERROR_KEY_EXISTS when it has an active key, unless @replace: then the old
 * key is retired (kept, so that what it signed still verifies). Logged in the audit log. */
OcopSigningKey *ocop_signing_create_key        (OcopDb                *db,
                                                const char            *authority,
                                                gboolean               replace,
                                                GError               **error);
/* The authority's active key, with its secret; the authority is matched ignoring case and
 * diacritics. OCOP_SIGNING_ERROR_NO_KEY when there is none. */
OcopSigningKey *ocop_db_get_signing_key        (OcopDb                *db,
                                                const char            *authority,
                                                GError               **error);
/* Every key, retired ones too, without secrets, oldest first (OcopSigningKey*). */
GPtrArray      *ocop_db_list_signing_keys      (OcopDb                *db,
                                                GError               **error);

/* "3F2A-91C0-77B4-0E1D": a short fingerprint to read out on the phone. */
char           *ocop_signing_fingerprint       (const guint8          *public_key);
/* The public key file's text: comment lines, "authority: …", "ed25519: <base64>". */
char           *ocop_signing_key_export_public (const OcopSigningKey  *key);
/* Reads what ocop_signing_key_export_public () wrote, or a bare base64 or hex key.
 * @authority (optional) gets the authority's name when the file has it. */
gboolean        ocop_signing_parse_public_key  (const char            *text,
                                                guint8                *public_key,
                                                char                 **authority,
                                                GError               **error);

void            ocop_payload_clear             (OcopPayload           *payload);

/* The payload text with its signature. */
char           *ocop_signing_sign_payload      (const OcopPayload     *fields,
                                                const guint8          *secret_key);
/* Reads a payload without checking its signature (OCOP_SIGNING_ERROR_BAD_PAYLOAD when it
 * is not one). White space around the text is ignored. Clear @fields after use. */
gboolean        ocop_signing_parse_payload     (const char            *text,
                                                OcopPayload           *fields,
                                                GError               **error);
/* Checks the signature against each of @public_keys (@n_keys × 32 bytes). On success
 * @fields (optional) gets the fields and @key_index (optional) which key signed.
 * OCOP_SIGNING_ERROR_BAD_PAYLOAD or OCOP_SIGNING_ERROR_FORGED otherwise. */
gboolean        ocop_signing_verify_payload    (const char            *text,
                                                const guint8          *public_keys,
                                                guint                  n_keys,
                                                OcopPayload           *fields,
                                                guint                 *key_index,
                                                GError               **error);

G_END_DECLS
