/* ocop-signing.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-signing"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "ocop-db-private.h"
#include "ocop-signing.h"
#include "ocop-text.h"

G_DEFINE_QUARK (ocop-signing-error-quark, ocop_signing_error)

#define SIGNATURE_B64_LEN 86   /* 64 bytes, base64url, no padding */

gboolean
ocop_signing_init (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }

  if (!ok)
    g_set_error_literal (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_FAILED,
                         _("The signing library (libsodium) could not be started"));

  return ok;
}

void
ocop_signing_key_free (OcopSigningKey *key)
{
  if (key == NULL)
    return;

  sodium_memzero (key->secret_key, sizeof key->secret_key);
  g_free (key->authority);
  g_free (key->created_at);
  g_free (key);
}

static OcopSigningKey *
key_from_row (sqlite3_stmt *stmt,
              gboolean      with_secret)
{
  OcopSigningKey *key = g_new0 (OcopSigningKey, 1);
  const void *pk;

  key->id = sqlite3_column_int64 (stmt, 0);
  key->authority = _ocop_db_column_dup (stmt, 1);
  pk = sqlite3_column_blob (stmt, 2);
  if (pk != NULL && sqlite3_column_bytes (stmt, 2) == OCOP_SIGNING_PUBLIC_KEY_BYTES)
    memcpy (key->public_key, pk, OCOP_SIGNING_PUBLIC_KEY_BYTES);
  key->active = sqlite3_column_int (stmt, 3) != 0;
  key->created_at = _ocop_db_column_dup (stmt, 4);
  if (with_secret)
    {
      const void *sk = sqlite3_column_blob (stmt, 5);

      if (sk != NULL && sqlite3_column_bytes (stmt, 5) == OCOP_SIGNING_SECRET_KEY_BYTES)
        {
          memcpy (key->secret_key, sk, OCOP_SIGNING_SECRET_KEY_BYTES);
          key->has_secret = TRUE;
        }
    }

  return key;
}

OcopSigningKey *
ocop_db_get_signing_key (OcopDb      *db,
                         const char  *authority,
                         GError     **error)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  OcopSigningKey *key = NULL;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);
  g_return_val_if_fail (authority != NULL, NULL);

  folded = ocop_text_fold (authority);
  stmt = _ocop_db_prepare (db, "SELECT id, authority, public_key, active, created_at, secret_key"
                               " FROM signing_key WHERE authority_key = ?1 AND active = 1", error);
  if (stmt == NULL)
    return NULL;

  _ocop_db_bind_text (stmt, 1, folded);
  switch (_ocop_db_step (db, stmt, _("Failed to read the signing key"), error))
    {
    case OCOP_DB_STEP_ROW:
      key = key_from_row (stmt, TRUE);
      break;
    case OCOP_DB_STEP_DONE:
      g_set_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY,
                   /* Translators: %s is an issuing authority, "UBND tỉnh Thái Nguyên" */
                   _("“%s” has no signing key yet: create it first (ocop-cli create-key)"), authority);
      break;
    case OCOP_DB_STEP_ERROR:
      break;
    }
  sqlite3_reset (stmt);

  return key;
}

GPtrArray *
ocop_db_list_signing_keys (OcopDb  *db,
                           GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ocop_signing_key_free);
  sqlite3_stmt *stmt;
  OcopDbStep step;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  stmt = _ocop_db_prepare (db, "SELECT id, authority, public_key, active, created_at"
                               " FROM signing_key ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((step = _ocop_db_step (db, stmt, _("Failed to read the signing keys"), error)) == OCOP_DB_STEP_ROW)
    g_ptr_array_add (keys, key_from_row (stmt, FALSE));
  sqlite3_reset (stmt);

  if (step == OCOP_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&keys);
}

OcopSigningKey *
ocop_signing_create_key (OcopDb      *db,
                         const char  *authority,
                         gboolean     replace,
                         GError     **error)
{
  g_autoptr(OcopSigningKey) key = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OCOP_IS_DB (db), NULL);

  if (!ocop_signing_init (error))
    return NULL;

  name = ocop_text_normalize (authority);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, OCOP_DB_ERROR, OCOP_DB_ERROR_INVALID,
                           _("Issuing authority: must not be empty"));
      return NULL;
    }
  folded = ocop_text_fold (name);

  if (!ocop_db_begin (db, error))
    return NULL;

  key = ocop_db_get_signing_key (db, name, &local_error);
  if (key != NULL && !replace)
    {
      g_autofree char *fingerprint = ocop_signing_fingerprint (key->public_key);

      ocop_db_rollback (db);
      g_set_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_KEY_EXISTS,
                   /* Translators: %1$s is an issuing authority, %2$s a key fingerprint */
                   _("“%1$s” already has a signing key (%2$s); replacing it needs --replace"),
                   key->authority, fingerprint);
      return NULL;
    }
  if (key == NULL && !g_error_matches (local_error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_NO_KEY))
    {
      ocop_db_rollback (db);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (key != NULL)
    {
      stmt = _ocop_db_prepare (db, "UPDATE signing_key SET active = 0 WHERE id = ?1", error);
      if (stmt == NULL)
        {
          ocop_db_rollback (db);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, key->id);
      if (!_ocop_db_exec_stmt (db, stmt, _("Failed to retire the old signing key"), error))
        {
          ocop_db_rollback (db);
          return NULL;
        }
      g_clear_pointer (&key, ocop_signing_key_free);
    }

  key = g_new0 (OcopSigningKey, 1);
  crypto_sign_keypair (key->public_key, key->secret_key);
  key->has_secret = TRUE;
  key->active = TRUE;
  key->authority = g_strdup (name);
  now = _ocop_db_now ();
  key->created_at = g_strdup (now);

  stmt = _ocop_db_prepare (db, "INSERT INTO signing_key (authority, authority_key, public_key, secret_key, active, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, 1, ?5)", error);
  if (stmt == NULL)
    {
      ocop_db_rollback (db);
      return NULL;
    }
  _ocop_db_bind_text (stmt, 1, name);
  _ocop_db_bind_text (stmt, 2, folded);
  sqlite3_bind_blob (stmt, 3, key->public_key, OCOP_SIGNING_PUBLIC_KEY_BYTES, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 4, key->secret_key, OCOP_SIGNING_SECRET_KEY_BYTES, SQLITE_TRANSIENT);
  _ocop_db_bind_text (stmt, 5, now);
  if (!_ocop_db_exec_stmt (db, stmt, _("Failed to store the signing key"), error))
    {
      ocop_db_rollback (db);
      return NULL;
    }
  key->id = _ocop_db_last_insert_id (db);

  if (!ocop_db_commit (db, error))
    return NULL;

  return g_steal_pointer (&key);
}

/* ---- public key files ---- */

char *
ocop_signing_fingerprint (const guint8 *public_key)
{
  guint8 hash[8];
  GString *str = g_string_new (NULL);

  crypto_generichash (hash, sizeof hash, public_key, OCOP_SIGNING_PUBLIC_KEY_BYTES, NULL, 0);
  for (guint i = 0; i < sizeof hash; i += 2)
    g_string_append_printf (str, "%s%02X%02X", i > 0 ? "-" : "", hash[i], hash[i + 1]);

  return g_string_free (str, FALSE);
}

char *
ocop_signing_key_export_public (const OcopSigningKey *key)
{
  g_autofree char *b64 = NULL;
  g_autofree char *fingerprint = NULL;
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (key != NULL, NULL);

  b64 = g_base64_encode (key->public_key, OCOP_SIGNING_PUBLIC_KEY_BYTES);
  fingerprint = ocop_signing_fingerprint (key->public_key);

  /* The file's keywords are fixed (not translated): other programs read them. */
  g_string_append (str, "# OCOP Council: public key for verifying OCOP product certificates\n");
  g_string_append_printf (str, "authority: %s\n", key->authority);
  g_string_append_printf (str, "fingerprint: %s\n", fingerprint);
  g_string_append_printf (str, "created: %s\n", key->created_at ? key->created_at : "");
  g_string_append_printf (str, "ed25519: %s\n", b64);

  return g_string_free (str, FALSE);
}

static gboolean
decode_key_into (const char *text,
                 guint8     *out)
{
  gsize len = strlen (text);
  size_t bin_len = 0;

  if (len == 2 * OCOP_SIGNING_PUBLIC_KEY_BYTES &&
      sodium_hex2bin (out, OCOP_SIGNING_PUBLIC_KEY_BYTES, text, len, NULL, &bin_len, NULL) == 0 &&
      bin_len == OCOP_SIGNING_PUBLIC_KEY_BYTES)
    return TRUE;

  if (sodium_base642bin (out, OCOP_SIGNING_PUBLIC_KEY_BYTES, text, len, NULL, &bin_len, NULL,
                         sodium_base64_VARIANT_ORIGINAL) == 0 &&
      bin_len == OCOP_SIGNING_PUBLIC_KEY_BYTES)
    return TRUE;

  return sodium_base642bin (out, OCOP_SIGNING_PUBLIC_KEY_BYTES, text, len, NULL, &bin_len, NULL,
                            sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
         bin_len == OCOP_SIGNING_PUBLIC_KEY_BYTES;
}

/* Writes @out only when @text is a key. */
static gboolean
decode_key (const char *text,
            guint8     *out)
{
  guint8 key[OCOP_SIGNING_PUBLIC_KEY_BYTES];

  if (!decode_key_into (text, key))
    return FALSE;

  memcpy (out, key, sizeof key);

  return TRUE;
}

gboolean
ocop_signing_parse_public_key (const char  *text,
                               guint8      *public_key,
                               char       **authority,
                               GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *name = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);

  if (!ocop_signing_init (error))
    return FALSE;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && !found; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (line, "authority:"))
        {
          g_free (name);
          name = g_strdup (g_strstrip (line + strlen ("authority:")));
        }
      else if (g_str_has_prefix (line, "ed25519:"))
        found = decode_key (g_strstrip (line + strlen ("ed25519:")), public_key);
      else if (strchr (line, ':') == NULL)
        found = decode_key (line, public_key);
    }

  if (!found)
    {
      g_set_error_literal (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_BAD_KEY,
                           _("This is not an OCOP Council public key (an “ed25519:” line with a 32-byte key)"));
      return FALSE;
    }

  if (authority != NULL)
    *authority = g_steal_pointer (&name);

  return TRUE;
}

/* ---- payloads ---- */

void
ocop_payload_clear (OcopPayload *payload)
{
  g_clear_pointer (&payload->certificate_number, g_free);
  g_clear_pointer (&payload->product_name, g_free);
  g_clear_pointer (&payload->producer_name, g_free);
  g_clear_pointer (&payload->decision_number, g_free);
  g_clear_pointer (&payload->valid_until, g_free);
  payload->stars = 0;
}

static void
append_field (GString    *str,
              const char *value,
              glong       max_chars)
{
  g_autofree char *cut = NULL;

  if (value == NULL)
    value = "";
  if (max_chars > 0 && g_utf8_strlen (value, -1) > max_chars)
    {
      g_autofree char *head = g_utf8_substring (value, 0, max_chars);

      cut = g_strchomp (g_steal_pointer (&head));
      value = cut;
    }

  g_string_append_c (str, '|');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append (str, "%25");
      else if (*p == '|')
        g_string_append (str, "%7C");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (str, ' ');
      else
        g_string_append_c (str, *p);
    }
}

static char *
unescape_field (const char *field)
{
  GString *str = g_string_new (NULL);

  for (const char *p = field; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == '2' && p[2] == '5')
        {
          g_string_append_c (str, '%');
          p += 2;
        }
      else if (p[0] == '%' && p[1] == '7' && (p[2] == 'C' || p[2] == 'c'))
        {
          g_string_append_c (str, '|');
          p += 2;
        }
      else
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

char *
ocop_signing_sign_payload (const OcopPayload *fields,
                           const guint8      *secret_key)
{
  g_autoptr(GString) str = g_string_new (OCOP_PAYLOAD_PREFIX);
  g_autofree char *stars = NULL;
  guint8 signature[OCOP_SIGNING_SIGNATURE_BYTES];
  char b64[SIGNATURE_B64_LEN + 1];

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (secret_key != NULL, NULL);

  if (!ocop_signing_init (NULL))
    return NULL;

  stars = g_strdup_printf ("%d", fields->stars);
  append_field (str, fields->certificate_number, 0);
  append_field (str, fields->product_name, OCOP_PAYLOAD_NAME_MAX);
  append_field (str, fields->producer_name, OCOP_PAYLOAD_NAME_MAX);
  append_field (str, stars, 0);
  append_field (str, fields->decision_number, 0);
  append_field (str, fields->valid_until, 0);

  crypto_sign_detached (signature, NULL, (const guchar *) str->str, str->len, secret_key);
  sodium_bin2base64 (b64, sizeof b64, signature, sizeof signature, sodium_base64_VARIANT_URLSAFE_NO_PADDING);

  g_string_append_c (str, '|');
  g_string_append (str, b64);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static gboolean
bad_payload (GError     **error,
             const char  *why)
{
  g_set_error (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_BAD_PAYLOAD,
               /* Translators: %s says what is wrong */
               _("This is not a valid OCOP certificate code: %s"), why);
  return FALSE;
}

/* Splits @text into the signed part, the fields and the signature. */
static gboolean
split_payload (const char   *text,
               char        **signed_part,
               OcopPayload  *fields,
               guint8       *signature,
               GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) parts = NULL;
  const char *last;
  size_t sig_len = 0;
  int stars;
  char *end = NULL;
  int y, m, d;

  if (text == NULL)
    return bad_payload (error, _("it is empty"));

  trimmed = g_strstrip (g_strdup (text));
  if (!g_utf8_validate (trimmed, -1, NULL))
    return bad_payload (error, _("it is not UTF-8 text"));
  if (!g_str_has_prefix (trimmed, OCOP_PAYLOAD_PREFIX "|"))
    return bad_payload (error, _("it does not start with “OCOP1|”"));

  parts = g_strsplit (trimmed, "|", -1);
  if (g_strv_length (parts) != 8)
    return bad_payload (error, _("it does not have the 8 fields of a certificate code"));

  last = strrchr (trimmed, '|');
  if (strlen (last + 1) != SIGNATURE_B64_LEN ||
      sodium_base642bin (signature, OCOP_SIGNING_SIGNATURE_BYTES, last + 1, SIGNATURE_B64_LEN, NULL, &sig_len,
                         NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      sig_len != OCOP_SIGNING_SIGNATURE_BYTES)
    return bad_payload (error, _("its signature is damaged"));

  stars = (int) g_ascii_strtoll (parts[4], &end, 10);
  if (end == parts[4] || *end != '\0' || stars < 1 || stars > 5)
    return bad_payload (error, _("the number of stars is not 1 to 5"));
  if (strlen (parts[6]) != 10 || !ocop_text_parse_date (parts[6], &y, &m, &d) || parts[6][4] != '-')
    return bad_payload (error, _("the expiry date is not a date"));

  if (fields != NULL)
    {
      fields->certificate_number = unescape_field (parts[1]);
      fields->product_name = unescape_field (parts[2]);
      fields->producer_name = unescape_field (parts[3]);
      fields->stars = stars;
      fields->decision_number = unescape_field (parts[5]);
      fields->valid_until = g_strdup (parts[6]);
    }

  if (signed_part != NULL)
    *signed_part = g_strndup (trimmed, last - trimmed);

  return TRUE;
}

gboolean
ocop_signing_parse_payload (const char   *text,
                            OcopPayload  *fields,
                            GError      **error)
{
  guint8 signature[OCOP_SIGNING_SIGNATURE_BYTES];

  g_return_val_if_fail (fields != NULL, FALSE);

  if (!ocop_signing_init (error))
    return FALSE;

  return split_payload (text, NULL, fields, signature, error);
}

gboolean
ocop_signing_verify_payload (const char   *text,
                             const guint8 *public_keys,
                             guint         n_keys,
                             OcopPayload  *fields,
                             guint        *key_index,
                             GError      **error)
{
  g_autofree char *signed_part = NULL;
  OcopPayload parsed = { 0 };
  guint8 signature[OCOP_SIGNING_SIGNATURE_BYTES];

  if (!ocop_signing_init (error))
    return FALSE;

  if (!split_payload (text, &signed_part, &parsed, signature, error))
    return FALSE;

  for (guint i = 0; i < n_keys; i++)
    {
      if (crypto_sign_verify_detached (signature, (const guchar *) signed_part, strlen (signed_part),
                                       public_keys + (gsize) i * OCOP_SIGNING_PUBLIC_KEY_BYTES) == 0)
        {
          if (key_index != NULL)
            *key_index = i;
          if (fields != NULL)
            *fields = parsed;
          else
            ocop_payload_clear (&parsed);
          return TRUE;
        }
    }

  ocop_payload_clear (&parsed);
  g_set_error_literal (error, OCOP_SIGNING_ERROR, OCOP_SIGNING_ERROR_FORGED,
                       n_keys == 0
                       ? _("There is no public key to check the signature with")
                       : _("The signature does not match: the code was changed or not signed by this authority"));

  return FALSE;
}
