/* ocop-text.h: Vietnamese-correct text handling (normalisation, search keys, collation,
 * dates and numbers)
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All functions are thread safe and independent of the C library's locale (LC_COLLATE,
 * LC_NUMERIC): the collator is ICU's "vi" one and numbers are formatted by hand.
 *
 * The language of dates and numbers:
 * - OCOP_TEXT_LANGUAGE_UI follows the user interface: number separators follow
 *   ocop_text_is_vietnamese (), and the long-date and money patterns go through gettext.
 * - OCOP_TEXT_LANGUAGE_VIETNAMESE and OCOP_TEXT_LANGUAGE_ENGLISH are fixed, whatever the
 *   UI language: official documents (minutes, certificates) are always in Vietnamese. */
typedef enum
{
  OCOP_TEXT_LANGUAGE_UI,
  OCOP_TEXT_LANGUAGE_VIETNAMESE,
  OCOP_TEXT_LANGUAGE_ENGLISH,
} OcopTextLanguage;

gboolean  ocop_text_is_vietnamese          (void);

/* Strings. All return newly allocated strings; NULL in gives NULL out. */
char     *ocop_text_normalize              (const char       *s);
char     *ocop_text_fold                   (const char       *s);
gboolean  ocop_text_matches                (const char       *folded_haystack,
                                            const char       *query);

/* Vietnamese collation (ICU "vi", tertiary strength). */
int       ocop_text_collate                (const char       *a,
                                            const char       *b);
GBytes   *ocop_text_sort_key               (const char       *s);

/* Dates. Months are 1–12. The formatters return NULL for an invalid date. */
char     *ocop_text_format_date_long       (int               year,
                                            int               month,
                                            int               day);
char     *ocop_text_format_date_long_in    (OcopTextLanguage  language,
                                            int               year,
                                            int               month,
                                            int               day);
char     *ocop_text_format_date_short      (int               year,
                                            int               month,
                                            int               day);
gboolean  ocop_text_parse_date             (const char       *s,
                                            int              *year,
                                            int              *month,
                                            int              *day);
char     *ocop_text_date_to_iso            (const char       *s);

/* Numbers. */
char     *ocop_text_format_number          (double            value,
                                            int               decimals);
char     *ocop_text_format_number_in       (OcopTextLanguage  language,
                                            double            value,
                                            int               decimals);
char     *ocop_text_format_money           (gint64            dong);
char     *ocop_text_format_money_in        (OcopTextLanguage  language,
                                            gint64            dong);

G_END_DECLS
