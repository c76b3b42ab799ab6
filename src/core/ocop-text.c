/* ocop-text.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-text"

#include "config.h"

#include "ocop-text.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

/* Languages */

gboolean
ocop_text_is_vietnamese (void)
{
  const char * const *names = g_get_language_names ();
  const char *first = names != NULL ? names[0] : NULL;

  if (first == NULL || g_ascii_strncasecmp (first, "vi", 2) != 0)
    return FALSE;

  /* "vi", "vi_VN", "vi_VN.UTF-8", "vi@…"; not some other code starting with "vi". */
  return first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@'
         || first[2] == '-';
}

static gboolean
resolve_vietnamese (OcopTextLanguage language)
{
  switch (language)
    {
    case OCOP_TEXT_LANGUAGE_VIETNAMESE:
      return TRUE;
    case OCOP_TEXT_LANGUAGE_ENGLISH:
      return FALSE;
    case OCOP_TEXT_LANGUAGE_UI:
    default:
      return ocop_text_is_vietnamese ();
    }
}

/* Strings */

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace covers ASCII white space, NBSP and the other Zs characters. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Appends @s to @out, dropping leading and trailing white space and collapsing each run of
 * white space inside to one U+0020. */
static void
append_collapsed (GString    *out,
                  const char *s)
{
  gboolean pending_space = FALSE;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
}

/**
 * ocop_text_normalize:
 * @s: (nullable): UTF-8 text
 *
 * Puts @s in NFC, trims it and collapses every run of white space (including newlines and
 * no-break spaces) to one space. Use it for names, codes and other one-line values.
 *
 * Returns: (transfer full) (nullable): the normalised text, or %NULL if @s is %NULL or not
 *   valid UTF-8.
 */
char *
ocop_text_normalize (const char *s)
{
  g_autofree char *nfc = NULL;
  GString *out;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc));
  append_collapsed (out, nfc);

  return g_string_free (out, FALSE);
}

/**
 * ocop_text_fold:
 * @s: (nullable): UTF-8 text
 *
 * Computes a search key: case folded, without any diacritics (Vietnamese tone marks and the
 * marks of ă â ê ô ơ ư), đ/Đ mapped to d, white space collapsed. "Bánh chưng" and
 * "BANH CHUNG" both give "banh chung"; NFC and NFD input give the same key.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @s is %NULL or not valid UTF-8.
 */
char *
ocop_text_fold (const char *s)
{
  g_autofree char *nfd = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_nfd = NULL;
  g_autoptr(GString) out = NULL;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return NULL;

  /* Decompose, case fold (locale independent, unlike a Turkish lower-casing), and decompose
   * again because folding can produce precomposed characters. */
  nfd = g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (nfd, -1);
  folded_nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);

  out = g_string_sized_new (strlen (folded_nfd));
  for (const char *p = folded_nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }

      /* đ (U+0111) is a letter of its own, not d + a mark, so NFD leaves it alone. Legacy
       * Vietnamese fonts and keyboards also produce ð (U+00F0, Icelandic eth) for it. */
      if (c == 0x0111 || c == 0x0110 || c == 0x00F0 || c == 0x00D0)
        c = 'd';

      g_string_append_unichar (out, c);
    }

  {
    g_autofree char *nfc = g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);
    GString *collapsed = g_string_sized_new (strlen (nfc));

    append_collapsed (collapsed, nfc);
    return g_string_free (collapsed, FALSE);
  }
}

/**
 * ocop_text_matches:
 * @folded_haystack: (nullable): a key from ocop_text_fold ()
 * @query: (nullable): what the user typed
 *
 * Returns: %TRUE if every word of @query, folded, occurs somewhere in @folded_haystack
 *   (in any order, also inside words). An empty query matches everything.
 */
gboolean
ocop_text_matches (const char *folded_haystack,
                   const char *query)
{
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;

  folded_query = ocop_text_fold (query != NULL ? query : "");
  if (folded_query == NULL)
    return FALSE;
  if (folded_query[0] == '\0')
    return TRUE;
  if (folded_haystack == NULL)
    return FALSE;

  words = g_strsplit (folded_query, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (folded_haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Collation */

static void
collator_free (gpointer data)
{
  ucol_close (data);
}

/* ICU collators are not thread safe; opening one per thread is cheap (ICU caches the
 * tailoring data), and the collator goes away when its thread ends. */
static GPrivate collator_key = G_PRIVATE_INIT (collator_free);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&collator_key);
  UErrorCode status = U_ZERO_ERROR;

  if (collator != NULL)
    return collator;

  collator = ucol_open ("vi", &status);
  if (U_FAILURE (status))
    {
      g_critical ("Cannot open the Vietnamese ICU collator: %s", u_errorName (status));
      return NULL;
    }

  /* Accept NFD input (text pasted from macOS) and distinguish case as a last resort, so
   * that the order is total and the same on every machine. */
  ucol_setAttribute (collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
  ucol_setStrength (collator, UCOL_TERTIARY);
  if (U_FAILURE (status))
    g_warning ("Cannot configure the ICU collator: %s", u_errorName (status));

  g_private_set (&collator_key, collator);

  return collator;
}

/* The same clean-up for collate () and sort_key (), so that both give the same order. */
static char *
collation_text (const char *s)
{
  char *normalized = ocop_text_normalize (s);

  /* Invalid UTF-8: ICU substitutes U+FFFD for the bad bytes. */
  return normalized != NULL ? normalized : g_strdup (s);
}

/**
 * ocop_text_collate:
 * @a: (nullable): UTF-8 text
 * @b: (nullable): UTF-8 text
 *
 * Compares in Vietnamese alphabetical order (a ă â b c d đ e ê … with each tone after
 * the bare letter: "Ha" < "Hà"), whatever the system locale. %NULL sorts first.
 *
 * Returns: negative, 0 or positive, like strcmp ().
 */
int
ocop_text_collate (const char *a,
                   const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  UCollator *collator;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  if (a == NULL || b == NULL)
    return (a == NULL ? 0 : 1) - (b == NULL ? 0 : 1);

  ca = collation_text (a);
  cb = collation_text (b);

  collator = get_collator ();
  if (collator == NULL)
    return g_utf8_collate (ca, cb);

  result = ucol_strcollUTF8 (collator, ca, -1, cb, -1, &status);
  if (U_FAILURE (status))
    return strcmp (ca, cb);

  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

/**
 * ocop_text_sort_key:
 * @s: (nullable): UTF-8 text
 *
 * The ICU sort key of @s (for the "vi" collator used by ocop_text_collate ()). Keys compare
 * with memcmp () in the same order as ocop_text_collate () compares the strings; store them
 * in a BLOB column (product.sort_key) and ORDER BY it. The key includes ICU's terminating
 * zero byte, so comparing the first MIN (len_a, len_b) bytes is enough, and SQLite's BLOB
 * comparison (memcmp, then length) gives the same order.
 *
 * Sort keys depend on the ICU version: recompute stored keys when it changes.
 *
 * Returns: (transfer full): the key; a key of one zero byte for %NULL or "".
 */
GBytes *
ocop_text_sort_key (const char *s)
{
  g_autofree char *text = NULL;
  g_autofree UChar *ustr = NULL;
  g_autofree guint8 *key = NULL;
  UCollator *collator;
  UErrorCode status = U_ZERO_ERROR;
  int32_t ulen = 0;
  int32_t key_len;
  int32_t needed;

  text = collation_text (s != NULL ? s : "");

  collator = get_collator ();
  if (collator == NULL)
    return g_bytes_new (text, strlen (text) + 1);

  /* Preflight, then convert. */
  u_strFromUTF8WithSub (NULL, 0, &ulen, text, -1, 0xFFFD, NULL, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_bytes_new (text, strlen (text) + 1);
  status = U_ZERO_ERROR;
  ustr = g_new (UChar, ulen + 1);
  u_strFromUTF8WithSub (ustr, ulen + 1, &ulen, text, -1, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    return g_bytes_new (text, strlen (text) + 1);

  key_len = 4 * ulen + 16;
  key = g_malloc (key_len);
  needed = ucol_getSortKey (collator, ustr, ulen, key, key_len);
  if (needed > key_len)
    {
      key_len = needed;
      key = g_realloc (key, key_len);
      needed = ucol_getSortKey (collator, ustr, ulen, key, key_len);
    }
  if (needed <= 0)
    return g_bytes_new (text, strlen (text) + 1);

  return g_bytes_new_take (g_steal_pointer (&key), needed);
}

/* Dates */

static const char *month_names_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* Translated at the point of use, with g_dpgettext2 () and MONTH_CONTEXT: the Vietnamese
 * translations are "tháng 01", "tháng 02", "tháng 3" … "tháng 12" (see the translator
 * comment in ocop_text_format_date_long_in ()). */
#define MONTH_CONTEXT "month in a long date"
static const char *month_names_ui[] = {
  /* Translators: the months as they appear in a long date ("12 November 2024"). In
   * Vietnamese: "tháng 01", "tháng 02", "tháng 3" … "tháng 12". */
  NC_("month in a long date", "January"),
  NC_("month in a long date", "February"),
  NC_("month in a long date", "March"),
  NC_("month in a long date", "April"),
  NC_("month in a long date", "May"),
  NC_("month in a long date", "June"),
  NC_("month in a long date", "July"),
  NC_("month in a long date", "August"),
  NC_("month in a long date", "September"),
  NC_("month in a long date", "October"),
  NC_("month in a long date", "November"),
  NC_("month in a long date", "December"),
};

static gboolean
date_is_valid (int year,
               int month,
               int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * ocop_text_format_date_long_in:
 * @language: which language
 * @year: the year
 * @month: the month, 1–12
 * @day: the day of the month
 *
 * Formats a date the way a document or sentence spells it: "12 November 2024" in
 * English and, in Vietnamese, in the administrative style of Decree 30/2020/NĐ-CP
 * ("ngày 12 tháng 11 năm 2024"; days below 10 and the months 1 and 2 take a leading
 * zero: "ngày 05 tháng 02 năm 2024").
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an invalid date.
 */
char *
ocop_text_format_date_long_in (OcopTextLanguage language,
                               int              year,
                               int              month,
                               int              day)
{
  if (!date_is_valid (year, month, day))
    return NULL;

  switch (language)
    {
    case OCOP_TEXT_LANGUAGE_VIETNAMESE:
      return g_strdup_printf ("ngày %02d tháng %s%d năm %d",
                              day, month <= 2 ? "0" : "", month, year);

    case OCOP_TEXT_LANGUAGE_ENGLISH:
      return g_strdup_printf ("%d %s %d", day, month_names_en[month - 1], year);

    case OCOP_TEXT_LANGUAGE_UI:
    default:
      {
        const char *month_name = g_dpgettext2 (NULL, MONTH_CONTEXT,
                                               month_names_ui[month - 1]);

        /* Translators: a date in running text, e.g. "12 November 2024". %1$d is the day,
         * %2$s the month's name (translated separately, in the context "month in a long
         * date"), %3$d the year. Reorder the parts with the %N$ numbers as needed. For
         * Vietnamese use the administrative style "ngày %1$02d %2$s năm %3$d" (with
         * the months translated as "tháng 01", "tháng 02", "tháng 3" … "tháng 12"). */
        return g_strdup_printf (_("%1$d %2$s %3$d"), day, month_name, year);
      }
    }
}

/**
 * ocop_text_format_date_long:
 * @year: the year
 * @month: the month, 1–12
 * @day: the day of the month
 *
 * ocop_text_format_date_long_in () in the user interface's language.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an invalid date.
 */
char *
ocop_text_format_date_long (int year,
                            int month,
                            int day)
{
  return ocop_text_format_date_long_in (OCOP_TEXT_LANGUAGE_UI, year, month, day);
}

/**
 * ocop_text_format_date_short:
 * @year: the year
 * @month: the month, 1–12
 * @day: the day of the month
 *
 * Formats a date as dd/mm/yyyy ("12/11/2024"). This is the Vietnamese convention and the
 * app uses it in both languages on purpose: its users and its documents are Vietnamese,
 * and an English UI showing 11/12/2024 for the same date would only confuse.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an invalid date.
 */
char *
ocop_text_format_date_short (int year,
                             int month,
                             int day)
{
  if (!date_is_valid (year, month, day))
    return NULL;

  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

/* Reads 1 to @max_digits ASCII digits. */
static gboolean
read_number (const char **p,
             int          max_digits,
             int         *value,
             int         *n_digits)
{
  int v = 0;
  int n = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return FALSE;
      v = v * 10 + (**p - '0');
      (*p)++;
    }

  *value = v;
  *n_digits = n;

  return n > 0;
}

/**
 * ocop_text_parse_date:
 * @s: (nullable): text such as "2024-11-12", "12/11/2024", "12-11-2024", "12.11.2024" or
 *   "1/2/2024" (day first, as in Vietnam); the year has four digits
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month, 1–12
 * @day: (out) (optional): the day
 *
 * Returns: %TRUE if @s is a valid date in one of these forms (white space around it is
 *   allowed). "31/02/2024", "29/02/2023", "12/11/24" and "11/2024" are rejected.
 */
gboolean
ocop_text_parse_date (const char *s,
                      int        *year,
                      int        *month,
                      int        *day)
{
  const char *p;
  int a, b, c;
  int na, nb, nc;
  int y, m, d;
  char sep;

  if (s == NULL)
    return FALSE;

  p = s;
  while (g_ascii_isspace (*p))
    p++;

  if (!read_number (&p, 4, &a, &na))
    return FALSE;
  sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &b, &nb))
    return FALSE;
  if (*p != sep)
    return FALSE;
  p++;
  if (!read_number (&p, 4, &c, &nc))
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  if (na == 4 && nc <= 2)
    {
      y = a;
      m = b;
      d = c;
    }
  else if (na <= 2 && nc == 4)
    {
      d = a;
      m = b;
      y = c;
    }
  else
    {
      return FALSE;
    }

  if (!date_is_valid (y, m, d))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;

  return TRUE;
}

/**
 * ocop_text_date_to_iso:
 * @s: (nullable): a date accepted by ocop_text_parse_date ()
 *
 * Converts a date as people write it to the ISO 8601 form the database stores.
 *
 * Returns: (transfer full) (nullable): "yyyy-mm-dd", or %NULL if @s is not a valid date.
 */
char *
ocop_text_date_to_iso (const char *s)
{
  int y, m, d;

  if (!ocop_text_parse_date (s, &y, &m, &d))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Numbers */

/* Appends the ASCII digit string @digits with @separator between groups of three. */
static void
append_grouped (GString    *out,
                const char *digits,
                gsize       n_digits,
                char        separator)
{
  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * ocop_text_format_number_in:
 * @language: which language's separators
 * @value: the number
 * @decimals: digits after the decimal separator, 0–15
 *
 * Formats @value rounded to @decimals places, with grouped thousands: "17.500" and
 * "91,30" in Vietnamese, "17,500" and "91.30" in English. The C library's LC_NUMERIC is
 * never used.
 *
 * Returns: (transfer full): the text.
 */
char *
ocop_text_format_number_in (OcopTextLanguage language,
                            double           value,
                            int              decimals)
{
  gboolean vietnamese = resolve_vietnamese (language);
  char thousands = vietnamese ? '.' : ',';
  char decimal = vietnamese ? ',' : '.';
  char format[16];
  char buf[512];
  const char *digits;
  const char *point;
  gboolean negative;
  gboolean zero = TRUE;
  GString *out;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  decimals = CLAMP (decimals, 0, 15);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);

  negative = buf[0] == '-';
  digits = negative ? buf + 1 : buf;
  for (const char *p = digits; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && *p != '0')
      zero = FALSE;

  out = g_string_new (NULL);
  /* No "-0" or "-0,00" for small negative values rounded away. */
  if (negative && !zero)
    g_string_append_c (out, '-');

  point = strchr (digits, '.');
  append_grouped (out, digits, point != NULL ? (gsize) (point - digits) : strlen (digits),
                  thousands);
  if (point != NULL)
    {
      g_string_append_c (out, decimal);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

/**
 * ocop_text_format_number:
 * @value: the number
 * @decimals: digits after the decimal separator, 0–15
 *
 * ocop_text_format_number_in () with the separators of the user interface's language.
 *
 * Returns: (transfer full): the text.
 */
char *
ocop_text_format_number (double value,
                         int    decimals)
{
  return ocop_text_format_number_in (OCOP_TEXT_LANGUAGE_UI, value, decimals);
}

static char *
format_integer (gint64   value,
                gboolean vietnamese)
{
  char digits[32];
  guint64 magnitude;
  GString *out = g_string_new (NULL);

  /* -G_MININT64 overflows; do the negation in unsigned arithmetic. */
  magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, digits, strlen (digits), vietnamese ? '.' : ',');

  return g_string_free (out, FALSE);
}

/**
 * ocop_text_format_money_in:
 * @language: which language
 * @dong: an amount in Vietnamese đồng
 *
 * Returns: (transfer full): "17.500.000 đ" in Vietnamese, "17,500,000 VND" in English.
 */
char *
ocop_text_format_money_in (OcopTextLanguage language,
                           gint64           dong)
{
  g_autofree char *number = format_integer (dong, resolve_vietnamese (language));

  switch (language)
    {
    case OCOP_TEXT_LANGUAGE_VIETNAMESE:
      return g_strdup_printf ("%s đ", number);

    case OCOP_TEXT_LANGUAGE_ENGLISH:
      return g_strdup_printf ("%s VND", number);

    case OCOP_TEXT_LANGUAGE_UI:
    default:
      /* Translators: an amount of money in Vietnamese đồng; %s is the number with its
       * thousands separators, e.g. "17,500,000 VND". Vietnamese: "%s đ". */
      return g_strdup_printf (_("%s VND"), number);
    }
}

/**
 * ocop_text_format_money:
 * @dong: an amount in Vietnamese đồng
 *
 * ocop_text_format_money_in () in the user interface's language.
 *
 * Returns: (transfer full): the text.
 */
char *
ocop_text_format_money (gint64 dong)
{
  return ocop_text_format_money_in (OCOP_TEXT_LANGUAGE_UI, dong);
}
