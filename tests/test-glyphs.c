/* test-glyphs.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every translation in po/vi.po must be drawable with the fonts of our documents
 * (DejaVu Sans and DejaVu Serif) without a missing glyph, and must be stored NFC,
 * so that what a council prints and what it searches for is the same text. */

#define G_LOG_DOMAIN "ocop-test-glyphs"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <pango/pangocairo.h>

#define TEST_GLYPHS_ERROR (test_glyphs_error_quark ())

static G_DEFINE_QUARK (test-glyphs-error-quark, test_glyphs_error)

typedef enum
{
  TEST_GLYPHS_ERROR_SYNTAX,
} TestGlyphsError;

typedef struct
{
  char *msgctxt;
  char *msgid;
  GPtrArray *msgstrs;  /* (element-type utf8): msgstr, or msgstr[0], msgstr[1] … */
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->msgctxt);
  g_free (entry->msgid);
  g_ptr_array_unref (entry->msgstrs);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoEntry, po_entry_free)

/* Fields of an entry, in the order the PO format gives them. */
typedef enum
{
  FIELD_NONE,
  FIELD_MSGCTXT,
  FIELD_MSGID,
  FIELD_MSGID_PLURAL,
  FIELD_MSGSTR,
} Field;

/* Parses one quoted PO string ("…" with C escapes) at @p; returns the unescaped text. */
static char *
parse_quoted (const char  *p,
              guint        line_no,
              GError     **error)
{
  const char *start;
  const char *end;
  g_autofree char *raw = NULL;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '"')
    {
      g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                   "line %u: expected a quoted string", line_no);
      return NULL;
    }

  start = ++p;
  for (end = start; *end != '\0' && *end != '"'; end++)
    {
      if (*end == '\\' && end[1] != '\0')
        end++;
    }
  if (*end != '"')
    {
      g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                   "line %u: the string is not closed", line_no);
      return NULL;
    }

  for (p = end + 1; *p == ' ' || *p == '\t' || *p == '\r'; p++)
    ;
  if (*p != '\0')
    {
      g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                   "line %u: text after the closing quote", line_no);
      return NULL;
    }

  raw = g_strndup (start, end - start);
  return g_strcompress (raw);
}

/* Parses the text of a PO file into its entries (obsolete “#~” entries are left out).
 * The header (msgid "") is an entry like any other. */
static GPtrArray *
parse_po (const char  *text,
          GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(PoEntry) entry = NULL;
  GString *target = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  Field field = FIELD_NONE;
  guint i;

#define FLUSH_FIELD()                                                          \
  G_STMT_START {                                                               \
    if (field == FIELD_MSGCTXT)                                                \
      entry->msgctxt = g_strdup (value->str);                                  \
    else if (field == FIELD_MSGID)                                             \
      entry->msgid = g_strdup (value->str);                                    \
    else if (field == FIELD_MSGSTR)                                            \
      g_ptr_array_add (entry->msgstrs, g_strdup (value->str));                 \
    field = FIELD_NONE;                                                        \
    target = NULL;                                                             \
  } G_STMT_END

  for (i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint line_no = i + 1;
      const char *rest = NULL;
      Field next = FIELD_NONE;
      g_autofree char *str = NULL;

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '\0' || *line == '\r' || *line == '#')
        continue;

      if (*line == '"')
        {
          if (target == NULL)
            {
              g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                           "line %u: a string that continues nothing", line_no);
              return NULL;
            }
          str = parse_quoted (line, line_no, error);
          if (str == NULL)
            return NULL;
          g_string_append (target, str);
          continue;
        }

      if (g_str_has_prefix (line, "msgctxt "))
        next = FIELD_MSGCTXT, rest = line + strlen ("msgctxt ");
      else if (g_str_has_prefix (line, "msgid_plural "))
        next = FIELD_MSGID_PLURAL, rest = line + strlen ("msgid_plural ");
      else if (g_str_has_prefix (line, "msgid "))
        next = FIELD_MSGID, rest = line + strlen ("msgid ");
      else if (g_str_has_prefix (line, "msgstr "))
        next = FIELD_MSGSTR, rest = line + strlen ("msgstr ");
      else if (g_str_has_prefix (line, "msgstr["))
        {
          rest = strchr (line, ']');
          if (rest != NULL)
            next = FIELD_MSGSTR, rest++;
        }

      if (next == FIELD_NONE)
        {
          g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                       "line %u: unknown keyword in “%s”", line_no, line);
          return NULL;
        }

      FLUSH_FIELD ();

      /* msgctxt or msgid starts a new entry unless a msgctxt just started it. */
      if (next == FIELD_MSGCTXT || (next == FIELD_MSGID && (entry == NULL || entry->msgid != NULL || entry->msgstrs->len > 0)))
        {
          if (entry != NULL)
            {
              if (entry->msgid == NULL || entry->msgstrs->len == 0)
                {
                  g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                               "line %u: the entry before has no msgid or no msgstr", line_no);
                  return NULL;
                }
              g_ptr_array_add (entries, g_steal_pointer (&entry));
            }
          entry = g_new0 (PoEntry, 1);
          entry->msgstrs = g_ptr_array_new_with_free_func (g_free);
        }
      else if (entry == NULL || entry->msgid == NULL)
        {
          if (next != FIELD_MSGID)
            {
              g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                           "line %u: msgstr or msgid_plural without a msgid", line_no);
              return NULL;
            }
        }

      str = parse_quoted (rest, line_no, error);
      if (str == NULL)
        return NULL;
      g_string_assign (value, str);
      field = next;
      target = value;
    }

  FLUSH_FIELD ();
  if (entry != NULL)
    {
      if (entry->msgid == NULL || entry->msgstrs->len == 0)
        {
          g_set_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX,
                       "end of file: the last entry has no msgid or no msgstr");
          return NULL;
        }
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

#undef FLUSH_FIELD

  return g_steal_pointer (&entries);
}

/* The entries of po/vi.po in the source tree (G_TEST_SRCDIR is <source>/tests). */
static GPtrArray *
load_vi_po (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "vi.po", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_validate (text, -1, NULL), ==, TRUE);

  entries = parse_po (text, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&entries);
}

/* Calls @func for each translation (msgid, msgstr) of @entries, header excluded. */
typedef void (*TranslationFunc) (const PoEntry *entry,
                                 const char    *msgstr,
                                 gpointer       user_data);

static guint
foreach_translation (GPtrArray       *entries,
                     TranslationFunc  func,
                     gpointer         user_data)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const PoEntry *entry = g_ptr_array_index (entries, i);

      if (entry->msgid[0] == '\0' && entry->msgctxt == NULL)
        continue;
      for (guint j = 0; j < entry->msgstrs->len; j++)
        {
          const char *msgstr = g_ptr_array_index (entry->msgstrs, j);

          if (msgstr[0] == '\0')
            continue;
          func (entry, msgstr, user_data);
          n++;
        }
    }

  return n;
}

static void
test_parse (void)
{
  static const char *sample =
    "# header comment\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: vi\\n\"\n"
    "\n"
    "#. Translators: a comment\n"
    "#, c-format\n"
    "msgid \"Sheet %s\"\n"
    "msgstr \"Phiếu số %s\"\n"
    "\n"
    "msgctxt \"month in a long date\"\n"
    "msgid \"March\"\n"
    "msgstr \"tháng 3\"\n"
    "\n"
    "msgid \"%u sheet\"\n"
    "msgid_plural \"%u sheets\"\n"
    "msgstr[0] \"%u \"\n"
    "\"phiếu\\n\"\n"
    "\n"
    "#~ msgid \"Old\"\n"
    "#~ msgstr \"Cũ\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = parse_po (sample, &error);
  const PoEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);

  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->msgid, ==, "");
  g_assert_cmpstr (g_ptr_array_index (e->msgstrs, 0), ==, "Language: vi\n");

  e = g_ptr_array_index (entries, 1);
  g_assert_null (e->msgctxt);
  g_assert_cmpstr (e->msgid, ==, "Sheet %s");
  g_assert_cmpstr (g_ptr_array_index (e->msgstrs, 0), ==, "Phiếu số %s");

  e = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (e->msgctxt, ==, "month in a long date");
  g_assert_cmpstr (e->msgid, ==, "March");
  g_assert_cmpstr (g_ptr_array_index (e->msgstrs, 0), ==, "tháng 3");

  e = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (e->msgid, ==, "%u sheet");
  g_assert_cmpuint (e->msgstrs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (e->msgstrs, 0), ==, "%u phiếu\n");
}

static void
test_parse_errors (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "msgid \"a\"\nmsgstr \"b\n", "line 2: the string is not closed" },
    { "msgid \"a\"\nmsgstr b\n", "line 2: expected a quoted string" },
    { "\"orphan\"\n", "line 1: a string that continues nothing" },
    { "msgid \"a\"\nmsgstrx \"b\"\n", "line 2: unknown keyword in “msgstrx \"b\"”" },
    { "msgstr \"b\"\n", "line 1: msgstr or msgid_plural without a msgid" },
    { "msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n", "line 2: the entry before has no msgid or no msgstr" },
    { "msgid \"a\"\n", "end of file: the last entry has no msgid or no msgstr" },
    { "msgid \"a\" x\nmsgstr \"b\"\n", "line 1: text after the closing quote" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = parse_po (cases[i].text, &error);

      g_assert_null (entries);
      g_assert_error (error, TEST_GLYPHS_ERROR, TEST_GLYPHS_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Appends “msgid” → “msgstr” to a list of offenders, for the failure message. */
static void
add_offender (GString       *offenders,
              const PoEntry *entry,
              const char    *msgstr,
              const char    *why)
{
  g_string_append_printf (offenders, "\n  %s: msgid “%s”%s%s%s → msgstr “%s”",
                          why, entry->msgid,
                          entry->msgctxt != NULL ? " (context “" : "",
                          entry->msgctxt != NULL ? entry->msgctxt : "",
                          entry->msgctxt != NULL ? "”)" : "",
                          msgstr);
}

static void
check_nfc (const PoEntry *entry,
           const char    *msgstr,
           gpointer       user_data)
{
  GString *offenders = user_data;
  g_autofree char *nfc = NULL;

  if (!g_utf8_validate (msgstr, -1, NULL))
    {
      add_offender (offenders, entry, msgstr, "not UTF-8");
      return;
    }
  nfc = g_utf8_normalize (msgstr, -1, G_NORMALIZE_NFC);
  if (g_strcmp0 (nfc, msgstr) != 0)
    add_offender (offenders, entry, msgstr, "not NFC");
}

static void
test_vi_po_nfc (void)
{
  g_autoptr(GPtrArray) entries = load_vi_po ();
  g_autoptr(GString) offenders = g_string_new (NULL);
  guint n = foreach_translation (entries, check_nfc, offenders);

  /* The translation is not empty, so this test checks something. */
  g_assert_cmpuint (n, >=, 100);
  /* g_assert_cmpstr () escapes non-ASCII text; say it readably first. */
  if (offenders->len > 0)
    g_test_message ("po/vi.po:%s", offenders->str);
  g_assert_cmpstr (offenders->str, ==, "");
}

static void
test_nfc_detects_nfd (void)
{
  /* The same word in NFD (as some keyboards type it) is caught. */
  PoEntry entry = { NULL, (char *) "Not passed", NULL };
  g_autoptr(GString) offenders = g_string_new (NULL);

  check_nfc (&entry, "Không đạt", offenders);
  g_assert_cmpstr (offenders->str, ==, "");

  check_nfc (&entry, "Kho\xcc\x82\xcc\x81ng \xc4\x91" "a\xcc\xa3\xcc\x82t", offenders);
  g_assert_nonnull (strstr (offenders->str, "not NFC: msgid “Not passed”"));
}

typedef struct
{
  PangoLayout *layout;
  PangoFont *font;        /* the font the description resolves to */
  PangoCoverage *coverage;
  cairo_t *cr;
  GString *offenders;
} GlyphCheck;

static void
glyph_check_init (GlyphCheck *check,
                  const char *family)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  g_autoptr(PangoFontDescription) resolved = NULL;
  PangoContext *context;
  cairo_surface_t *surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  check->cr = cairo_create (surface);
  cairo_surface_destroy (surface);

  pango_font_description_set_family (desc, family);
  pango_font_description_set_size (desc, 12 * PANGO_SCALE);

  check->layout = pango_cairo_create_layout (check->cr);
  pango_layout_set_font_description (check->layout, desc);
  context = pango_layout_get_context (check->layout);
  pango_context_set_language (context, pango_language_from_string ("vi"));

  /* The font must be installed: fontconfig would otherwise hand out another family
   * and the test would check that one instead. */
  check->font = pango_context_load_font (context, desc);
  g_assert_nonnull (check->font);
  resolved = pango_font_describe (check->font);
  g_assert_cmpstr (pango_font_description_get_family (resolved), ==, family);
  check->coverage = pango_font_get_coverage (check->font, pango_language_from_string ("vi"));

  check->offenders = g_string_new (NULL);
}

static void
glyph_check_clear (GlyphCheck *check)
{
  g_clear_object (&check->layout);
  g_clear_object (&check->font);
  g_clear_object (&check->coverage);
  g_clear_pointer (&check->cr, cairo_destroy);
  if (check->offenders != NULL)
    g_string_free (check->offenders, TRUE);
  check->offenders = NULL;
}

static void
check_glyphs (const PoEntry *entry,
              const char    *msgstr,
              gpointer       user_data)
{
  GlyphCheck *check = user_data;
  int unknown;

  pango_layout_set_text (check->layout, msgstr, -1);
  cairo_move_to (check->cr, 0, 0);
  pango_cairo_show_layout (check->cr, check->layout);

  unknown = pango_layout_get_unknown_glyphs_count (check->layout);
  if (unknown != 0)
    {
      add_offender (check->offenders, entry, msgstr, "missing glyph");
      return;
    }

  /* No fallback either: every character is in the document font itself, so the
   * PDF shows it in that font and not in whatever else the machine has. */
  for (const char *p = msgstr; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        continue;
      if (pango_coverage_get (check->coverage, c) != PANGO_COVERAGE_EXACT)
        {
          g_autofree char *why = g_strdup_printf ("U+%04X not in the font", c);

          add_offender (check->offenders, entry, msgstr, why);
          return;
        }
    }
}

static void
check_vi_po_family (const char *family)
{
  g_autoptr(GPtrArray) entries = load_vi_po ();
  GlyphCheck check = { 0 };
  guint n;

  glyph_check_init (&check, family);
  n = foreach_translation (entries, check_glyphs, &check);

  g_assert_cmpuint (n, >=, 100);
  if (check.offenders->len > 0)
    g_test_message ("po/vi.po with %s:%s", family, check.offenders->str);
  g_assert_cmpstr (check.offenders->str, ==, "");
  glyph_check_clear (&check);
}

static void
test_vi_po_sans (void)
{
  check_vi_po_family ("DejaVu Sans");
}

static void
test_vi_po_serif (void)
{
  check_vi_po_family ("DejaVu Serif");
}

static void
test_glyphs_detects_missing (void)
{
  /* A character no font has (U+10FFFD, private use, plane 16) and one DejaVu lacks
   * (U+4E00, a CJK ideograph) are both reported, with the string named. */
  PoEntry entry = { NULL, (char *) "Total", NULL };
  GlyphCheck check = { 0 };

  glyph_check_init (&check, "DejaVu Sans");

  check_glyphs (&entry, "Tổng điểm “ngày 05 tháng 02 năm 2024” — 91,30 đ …", &check);
  g_assert_cmpstr (check.offenders->str, ==, "");

  check_glyphs (&entry, "Tổng \xf4\x8f\xbf\xbd", &check);
  g_assert_nonnull (strstr (check.offenders->str, "msgid “Total”"));
  g_assert_nonnull (strstr (check.offenders->str, "msgstr “Tổng"));

  g_string_truncate (check.offenders, 0);
  check_glyphs (&entry, "Tổng 一", &check);
  g_assert_nonnull (strstr (check.offenders->str, "msgid “Total”"));

  glyph_check_clear (&check);
}

int
main (int   argc,
      char *argv[])
{
  /* So that the messages naming offending strings print as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/glyphs/parse", test_parse);
  g_test_add_func ("/ocop/glyphs/parse-errors", test_parse_errors);
  g_test_add_func ("/ocop/glyphs/nfc-detects-nfd", test_nfc_detects_nfd);
  g_test_add_func ("/ocop/glyphs/detects-missing", test_glyphs_detects_missing);
  g_test_add_func ("/ocop/glyphs/vi-po-nfc", test_vi_po_nfc);
  g_test_add_func ("/ocop/glyphs/vi-po-dejavu-sans", test_vi_po_sans);
  g_test_add_func ("/ocop/glyphs/vi-po-dejavu-serif", test_vi_po_serif);

  return g_test_run ();
}
