/* ocop-criteria.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ocop-criteria"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ocop-criteria.h"

#define FORMAT_NAME "ocop-criteria/1"

/* Maxima and points are small decimals; compare them with a tolerance so that
 * 0.1 + 0.2 adds up to 0.3. */
#define EPSILON 1e-9

/* The public struct plus what the header has no field for: the set's top-level
 * "notes" and "source". Every set is allocated by ocop_criteria_set_new (). */
typedef struct
{
  OcopCriteriaSet  set;
  GPtrArray       *notes;   /* char* */
  JsonNode        *source;  /* a JSON object, or NULL */
} OcopCriteriaSetReal;

G_DEFINE_QUARK (ocop-criteria-error-quark, ocop_criteria_error)

G_DEFINE_BOXED_TYPE (OcopCriteriaSet, ocop_criteria_set,
                     ocop_criteria_set_ref, ocop_criteria_set_unref)

static const char * const rule_kinds[] = {
  [OCOP_RULE_KNOCKOUT] = "knockout",
  [OCOP_RULE_STOP_IF_ZERO] = "stop_if_zero",
  [OCOP_RULE_STOP_IF] = "stop_if",
  [OCOP_RULE_APPLIES_IF_STORY] = "applies_if_story",
  [OCOP_RULE_CHOOSE_CASE] = "choose_case",
  [OCOP_RULE_ADDITIVE] = "additive",
};

/* ------------------------------------------------------------------------ */
/* Memory                                                                   */

static void
rule_free (OcopRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->text);
  g_strfreev (rule->scope);
  g_free (rule);
}

static void
option_free (OcopOption *option)
{
  if (option == NULL)
    return;
  g_free (option->label);
  g_free (option);
}

static void
criterion_free (OcopCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->code);
  g_free (criterion->name);
  g_clear_pointer (&criterion->notes, g_ptr_array_unref);
  g_clear_pointer (&criterion->rules, g_ptr_array_unref);
  g_clear_pointer (&criterion->options, g_ptr_array_unref);
  g_clear_pointer (&criterion->children, g_ptr_array_unref);
  g_free (criterion->applies_if);
  g_free (criterion);
}

static void
section_free (OcopSection *section)
{
  if (section == NULL)
    return;
  g_free (section->code);
  g_free (section->title);
  g_clear_pointer (&section->notes, g_ptr_array_unref);
  g_clear_pointer (&section->criteria, g_ptr_array_unref);
  g_free (section);
}

static void
part_free (OcopPart *part)
{
  if (part == NULL)
    return;
  g_free (part->code);
  g_free (part->title);
  g_clear_pointer (&part->notes, g_ptr_array_unref);
  g_clear_pointer (&part->rules, g_ptr_array_unref);
  g_clear_pointer (&part->sections, g_ptr_array_unref);
  g_free (part);
}

static void
sheet_free (OcopSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->code);
  g_free (sheet->name);
  g_free (sheet->industry);
  g_free (sheet->group);
  g_free (sheet->exclusion);
  g_clear_pointer (&sheet->notes, g_ptr_array_unref);
  g_clear_pointer (&sheet->parts, g_ptr_array_unref);
  g_clear_pointer (&sheet->leaves, g_ptr_array_unref);
  g_free (sheet);
}

static void
band_clear (OcopStarBand *band)
{
  g_clear_pointer (&band->description, g_free);
}

static OcopCriterion *
criterion_new (void)
{
  OcopCriterion *criterion = g_new0 (OcopCriterion, 1);

  criterion->notes = g_ptr_array_new_with_free_func (g_free);
  criterion->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  criterion->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  criterion->children = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  criterion->leaf_index = -1;

  return criterion;
}

static OcopSection *
section_new (void)
{
  OcopSection *section = g_new0 (OcopSection, 1);

  section->notes = g_ptr_array_new_with_free_func (g_free);
  section->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  /* No maximum declared: the validator sets the sum of the criteria. */
  section->max = -1;

  return section;
}

static OcopPart *
part_new (void)
{
  OcopPart *part = g_new0 (OcopPart, 1);

  part->notes = g_ptr_array_new_with_free_func (g_free);
  part->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  part->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  /* No maximum repeated: the validator takes the template's. */
  part->max = -1;

  return part;
}

static OcopSheet *
sheet_new (void)
{
  OcopSheet *sheet = g_new0 (OcopSheet, 1);

  sheet->notes = g_ptr_array_new_with_free_func (g_free);
  sheet->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  sheet->leaves = g_ptr_array_new ();

  return sheet;
}

OcopCriteriaSet *
ocop_criteria_set_new (void)
{
  OcopCriteriaSetReal *real = g_new0 (OcopCriteriaSetReal, 1);
  OcopCriteriaSet *self = &real->set;

  g_atomic_ref_count_init (&self->ref_count);
  self->bands = g_array_new (FALSE, TRUE, sizeof (OcopStarBand));
  g_array_set_clear_func (self->bands, (GDestroyNotify) band_clear);
  self->part_templates = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  real->notes = g_ptr_array_new_with_free_func (g_free);

  return self;
}

OcopCriteriaSet *
ocop_criteria_set_ref (OcopCriteriaSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
ocop_criteria_set_unref (OcopCriteriaSet *self)
{
  OcopCriteriaSetReal *real = (OcopCriteriaSetReal *) self;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->code);
  g_free (self->legal_basis);
  g_free (self->title);
  g_free (self->version);
  g_free (self->effective_from);
  g_free (self->effective_to);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->part_templates, g_ptr_array_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&real->notes, g_ptr_array_unref);
  g_clear_pointer (&real->source, json_node_unref);
  g_free (real);
}

GPtrArray *
ocop_criteria_set_get_notes (const OcopCriteriaSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ((const OcopCriteriaSetReal *) self)->notes;
}

char *
ocop_criteria_set_dup_source_json (const OcopCriteriaSet *self)
{
  const OcopCriteriaSetReal *real = (const OcopCriteriaSetReal *) self;

  g_return_val_if_fail (self != NULL, NULL);

  if (real->source == NULL)
    return NULL;

  return json_to_string (real->source, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Error messages                                                           */

/* Where a problem is, for the message: the file, then as much of sheet, part,
 * section and criterion as is known. */
typedef struct
{
  const char *file;
  const char *sheet_code;
  const char *sheet_name;
  guint       sheet_pos;   /* 1-based position, when the code is not known yet */
  const char *part;
  const char *section;
  const char *criterion;
  const char *item;        /* a translated label for set-level items ("band 3") */
} Where;

static char *
where_to_string (const Where *w)
{
  g_autofree char *sheet = NULL;

  if (w->sheet_code == NULL && w->sheet_pos == 0)
    {
      if (w->item != NULL)
        return g_strdup_printf ("%s: %s", w->file, w->item);
      return g_strdup (w->file);
    }

  if (w->sheet_code != NULL && w->sheet_name != NULL)
    /* Translators: a criteria sheet in an error message: its code and its name,
     * e.g. sheet 07 “Chế biến từ rau, củ, quả, hạt” */
    sheet = g_strdup_printf (_("sheet %s “%s”"), w->sheet_code, w->sheet_name);
  else if (w->sheet_code != NULL)
    /* Translators: a criteria sheet in an error message: its code, e.g. sheet 07 */
    sheet = g_strdup_printf (_("sheet %s"), w->sheet_code);
  else
    /* Translators: a criteria sheet whose code is not known: its position in the file */
    sheet = g_strdup_printf (_("sheet number %u"), w->sheet_pos);

  if (w->criterion != NULL)
    /* Translators: where an error is: the file name, a sheet ("sheet 07 “…”") and a
     * criterion code ("1.2") */
    return g_strdup_printf (_("%s: %s, criterion %s"), w->file, sheet, w->criterion);
  if (w->section != NULL && w->part != NULL)
    /* Translators: where an error is: the file name, a sheet ("sheet 07 “…”"), a part
     * code ("A") and a section code ("1") */
    return g_strdup_printf (_("%s: %s, part %s, section %s"), w->file, sheet, w->part, w->section);
  if (w->part != NULL)
    /* Translators: where an error is: the file name, a sheet ("sheet 07 “…”") and a part
     * code ("A") */
    return g_strdup_printf (_("%s: %s, part %s"), w->file, sheet, w->part);

  return g_strdup_printf ("%s: %s", w->file, sheet);
}

static void where_error (GError            **error,
                         OcopCriteriaError   code,
                         const Where        *w,
                         const char         *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
where_error (GError            **error,
             OcopCriteriaError   code,
             const Where        *w,
             const char         *format,
             ...)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  where = where_to_string (w);
  /* Translators: an error in a criteria file: where it is, then what is wrong */
  g_set_error (error, OCOP_CRITERIA_ERROR, code, _("%s: %s"), where, what);
}

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) < EPSILON;
}

/* ------------------------------------------------------------------------ */
/* Parsing: JSON to structs, checking presence and types                    */

static gboolean
check_members (JsonObject         *object,
               const char * const *allowed,
               const Where        *w,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (allowed, name))
        {
          /* Translators: %s is a field name in a criteria file */
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("unknown field “%s”"), name);
          return FALSE;
        }
    }

  return TRUE;
}

static JsonObject *
node_get_object (JsonNode    *node,
                 const char  *name,
                 const Where *w,
                 GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is a field name in a criteria file, e.g. “sheets” */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("each item of “%s” must be an object"), name);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
missing_error (const char  *name,
               const Where *w,
               GError     **error)
{
  /* Translators: %s is a field name in a criteria file */
  where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” is missing"), name);
  return FALSE;
}

static gboolean
negative_max_error (double       max,
                    const Where *w,
                    GError     **error)
{
  where_error (error, OCOP_CRITERIA_ERROR_INVALID, w,
               /* Translators: %g is the value found in the file */
               _("the maximum must be a number of 0 or more, not %g"), max);
  return FALSE;
}

/* Reads a string member, normalised to NFC. Absent or null gives NULL when
 * @required is FALSE. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     required,
            char       **out,
            const Where *w,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *str;
  char *normalised;

  g_assert (out != NULL && *out == NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return missing_error (name, w, error);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a text"), name);
      return FALSE;
    }

  str = json_node_get_string (node);
  normalised = g_utf8_normalize (str, -1, G_NORMALIZE_NFC);
  if (normalised == NULL)
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, w, _("the field “%s” is not valid UTF-8"), name);
      return FALSE;
    }

  *out = normalised;
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *name,
            gboolean     required,
            double      *out,
            const Where *w,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;
  double value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return missing_error (name, w, error);
      return TRUE;
    }

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a number"), name);
      return FALSE;
    }

  value = type == G_TYPE_INT64 ? (double) json_node_get_int (node) : json_node_get_double (node);
  if (!isfinite (value))
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a number"), name);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         int         *out,
         const Where *w,
         GError     **error)
{
  double value = 0;

  if (!get_number (object, name, TRUE, &value, w, error))
    return FALSE;

  if (value != floor (value) || fabs (value) > G_MAXINT)
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a whole number"), name);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

/* An array member; absent or null gives NULL when not @required. */
static gboolean
get_array (JsonObject  *object,
           const char  *name,
           gboolean     required,
           JsonArray  **out,
           const Where *w,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return missing_error (name, w, error);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a list"), name);
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

/* Appends the NFC strings of the optional list @name to @strings. */
static gboolean
get_strings (JsonObject  *object,
             const char  *name,
             GPtrArray   *strings,
             const Where *w,
             GError     **error)
{
  JsonArray *array = NULL;

  if (!get_array (object, name, FALSE, &array, w, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char *normalised;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          /* Translators: %s is a field name in a criteria file */
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” must be a list of texts"), name);
          return FALSE;
        }

      normalised = g_utf8_normalize (json_node_get_string (node), -1, G_NORMALIZE_NFC);
      if (normalised == NULL)
        {
          /* Translators: %s is a field name in a criteria file */
          where_error (error, OCOP_CRITERIA_ERROR_PARSE, w, _("the field “%s” is not valid UTF-8"), name);
          return FALSE;
        }
      g_ptr_array_add (strings, normalised);
    }

  return TRUE;
}

static gboolean
parse_rules (JsonObject  *object,
             GPtrArray   *rules,
             const Where *w,
             GError     **error)
{
  static const char * const members[] = { "kind", "text", "scope", NULL };
  JsonArray *array = NULL;

  if (!get_array (object, "rules", FALSE, &array, w, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *robj = node_get_object (json_array_get_element (array, i), "rules", w, error);
      g_autofree char *kind = NULL;
      g_autoptr(GPtrArray) scope = NULL;
      JsonArray *scope_array = NULL;
      OcopRule *rule;

      if (robj == NULL || !check_members (robj, members, w, error))
        return FALSE;

      rule = g_new0 (OcopRule, 1);
      g_ptr_array_add (rules, rule);

      if (!get_string (robj, "kind", TRUE, &kind, w, error) ||
          !get_string (robj, "text", TRUE, &rule->text, w, error))
        return FALSE;

      if (!ocop_rule_kind_from_string (kind, &rule->kind))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, w,
                       /* Translators: %s is the kind of a rule found in a criteria file; the list
                        * of known kinds follows and is not translated */
                       _("unknown rule kind “%s” (known kinds: knockout, stop_if_zero, stop_if, applies_if_story, choose_case, additive)"),
                       kind);
          return FALSE;
        }

      if (!get_array (robj, "scope", FALSE, &scope_array, w, error))
        return FALSE;
      if (scope_array != NULL)
        {
          scope = g_ptr_array_new_with_free_func (g_free);
          if (!get_strings (robj, "scope", scope, w, error))
            return FALSE;
          g_ptr_array_add (scope, NULL);
          rule->scope = (char **) g_ptr_array_free (g_steal_pointer (&scope), FALSE);
        }
    }

  return TRUE;
}

static gboolean
parse_criterion (JsonNode      *node,
                 const char    *list_name,
                 GPtrArray     *criteria,
                 const Where   *parent_where,
                 GError       **error)
{
  static const char * const members[] = {
    "code", "name", "max", "notes", "rules", "options", "children", "aggregation", "applies_if", NULL
  };
  Where w = *parent_where;
  JsonObject *object;
  OcopCriterion *criterion;
  JsonArray *options = NULL;
  JsonArray *children = NULL;
  g_autofree char *aggregation = NULL;

  if (!(object = node_get_object (node, list_name, &w, error)))
    return FALSE;

  criterion = criterion_new ();
  g_ptr_array_add (criteria, criterion);

  if (!get_string (object, "code", TRUE, &criterion->code, &w, error))
    return FALSE;
  w.criterion = criterion->code;

  if (!check_members (object, members, &w, error) ||
      !get_string (object, "name", TRUE, &criterion->name, &w, error) ||
      !get_number (object, "max", TRUE, &criterion->max, &w, error) ||
      !get_strings (object, "notes", criterion->notes, &w, error) ||
      !parse_rules (object, criterion->rules, &w, error) ||
      !get_string (object, "applies_if", FALSE, &criterion->applies_if, &w, error) ||
      !get_string (object, "aggregation", FALSE, &aggregation, &w, error) ||
      !get_array (object, "options", FALSE, &options, &w, error) ||
      !get_array (object, "children", FALSE, &children, &w, error))
    return FALSE;

  if (aggregation == NULL)
    criterion->aggregation = OCOP_AGGREGATION_NONE;
  else if (g_str_equal (aggregation, "sum"))
    criterion->aggregation = OCOP_AGGREGATION_SUM;
  else if (g_str_equal (aggregation, "max"))
    criterion->aggregation = OCOP_AGGREGATION_MAX;
  else
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %s is the value found in the file; “sum” and “max” are not translated */
                   _("the aggregation must be “sum” or “max”, not “%s”"), aggregation);
      return FALSE;
    }

  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    {
      static const char * const option_members[] = { "label", "points", NULL };
      JsonObject *oobj = node_get_object (json_array_get_element (options, i), "options", &w, error);
      OcopOption *option;

      if (oobj == NULL || !check_members (oobj, option_members, &w, error))
        return FALSE;

      option = g_new0 (OcopOption, 1);
      g_ptr_array_add (criterion->options, option);

      if (!get_string (oobj, "label", TRUE, &option->label, &w, error) ||
          !get_number (oobj, "points", TRUE, &option->points, &w, error))
        return FALSE;
    }

  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    {
      if (!parse_criterion (json_array_get_element (children, i), "children", criterion->children, &w, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_section (JsonNode     *node,
               OcopPart     *part,
               const Where  *parent_where,
               GError      **error)
{
  static const char * const members[] = { "code", "title", "max", "notes", "criteria", NULL };
  Where w = *parent_where;
  JsonObject *object;
  OcopSection *section;
  JsonArray *criteria = NULL;

  if (!(object = node_get_object (node, "sections", &w, error)))
    return FALSE;

  section = section_new ();
  g_ptr_array_add (part->sections, section);

  if (!get_string (object, "code", TRUE, &section->code, &w, error))
    return FALSE;
  w.section = section->code;

  if (!check_members (object, members, &w, error) ||
      !get_string (object, "title", TRUE, &section->title, &w, error) ||
      !get_number (object, "max", FALSE, &section->max, &w, error) ||
      !get_strings (object, "notes", section->notes, &w, error) ||
      !get_array (object, "criteria", TRUE, &criteria, &w, error))
    return FALSE;

  if (json_object_has_member (object, "max") && section->max < 0)
    return negative_max_error (section->max, &w, error);

  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      if (!parse_criterion (json_array_get_element (criteria, i), "criteria", section->criteria, &w, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_sheet_part (JsonNode     *node,
                  OcopSheet    *sheet,
                  const Where  *parent_where,
                  GError      **error)
{
  static const char * const members[] = { "code", "title", "max", "notes", "rules", "sections", NULL };
  Where w = *parent_where;
  JsonObject *object;
  OcopPart *part;
  JsonArray *sections = NULL;

  if (!(object = node_get_object (node, "parts", &w, error)))
    return FALSE;

  part = part_new ();
  g_ptr_array_add (sheet->parts, part);

  if (!get_string (object, "code", TRUE, &part->code, &w, error))
    return FALSE;
  w.part = part->code;

  if (!check_members (object, members, &w, error) ||
      !get_string (object, "title", FALSE, &part->title, &w, error) ||
      !get_number (object, "max", FALSE, &part->max, &w, error) ||
      !get_strings (object, "notes", part->notes, &w, error) ||
      !parse_rules (object, part->rules, &w, error) ||
      !get_array (object, "sections", TRUE, &sections, &w, error))
    return FALSE;

  if (json_object_has_member (object, "max") && part->max < 0)
    return negative_max_error (part->max, &w, error);

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      if (!parse_section (json_array_get_element (sections, i), part, &w, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_sheet (JsonNode         *node,
             OcopCriteriaSet  *set,
             guint             position,
             const char       *file,
             GError          **error)
{
  static const char * const members[] = {
    "code", "name", "industry", "group", "exclusion", "notes", "parts", NULL
  };
  Where w = { .file = file, .sheet_pos = position };
  JsonObject *object;
  OcopSheet *sheet;
  JsonArray *parts = NULL;

  if (!(object = node_get_object (node, "sheets", &w, error)))
    return FALSE;

  sheet = sheet_new ();
  g_ptr_array_add (set->sheets, sheet);

  if (!get_string (object, "code", TRUE, &sheet->code, &w, error))
    return FALSE;
  w.sheet_code = sheet->code;
  if (!get_string (object, "name", TRUE, &sheet->name, &w, error))
    return FALSE;
  w.sheet_name = sheet->name;

  if (!check_members (object, members, &w, error) ||
      !get_string (object, "industry", FALSE, &sheet->industry, &w, error) ||
      !get_string (object, "group", FALSE, &sheet->group, &w, error) ||
      !get_string (object, "exclusion", FALSE, &sheet->exclusion, &w, error) ||
      !get_strings (object, "notes", sheet->notes, &w, error) ||
      !get_array (object, "parts", TRUE, &parts, &w, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      if (!parse_sheet_part (json_array_get_element (parts, i), sheet, &w, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_set (JsonNode         *root,
           OcopCriteriaSet  *self,
           const char       *file,
           GError          **error)
{
  static const char * const members[] = {
    "format", "code", "legal_basis", "title", "version", "effective_from", "effective_to",
    "total_max", "spread_limit", "recognised_min_stars", "notes", "source", "bands", "parts",
    "sheets", NULL
  };
  OcopCriteriaSetReal *real = (OcopCriteriaSetReal *) self;
  Where w = { .file = file };
  JsonObject *object;
  JsonNode *format;
  JsonNode *source;
  JsonArray *bands = NULL;
  JsonArray *parts = NULL;
  JsonArray *sheets = NULL;

  format = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "format") : NULL;
  if (format == NULL ||
      !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, &w,
                   /* Translators: %s is the name of the file format, “ocop-criteria/1” */
                   _("not a criteria set: the field “format” must be “%s”"), FORMAT_NAME);
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!check_members (object, members, &w, error) ||
      !get_string (object, "code", TRUE, &self->code, &w, error) ||
      !get_string (object, "legal_basis", TRUE, &self->legal_basis, &w, error) ||
      !get_string (object, "title", TRUE, &self->title, &w, error) ||
      !get_string (object, "version", TRUE, &self->version, &w, error) ||
      !get_string (object, "effective_from", TRUE, &self->effective_from, &w, error) ||
      !get_string (object, "effective_to", FALSE, &self->effective_to, &w, error) ||
      !get_number (object, "total_max", TRUE, &self->total_max, &w, error) ||
      !get_number (object, "spread_limit", TRUE, &self->spread_limit, &w, error) ||
      !get_int (object, "recognised_min_stars", &self->recognised_min_stars, &w, error) ||
      !get_strings (object, "notes", real->notes, &w, error) ||
      !get_array (object, "bands", TRUE, &bands, &w, error) ||
      !get_array (object, "parts", TRUE, &parts, &w, error) ||
      !get_array (object, "sheets", TRUE, &sheets, &w, error))
    return FALSE;

  source = json_object_get_member (object, "source");
  if (source != NULL && !JSON_NODE_HOLDS_NULL (source))
    {
      if (!JSON_NODE_HOLDS_OBJECT (source))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("the field “source” must be an object"));
          return FALSE;
        }
      real->source = json_node_copy (source);
    }

  for (guint i = 0; i < json_array_get_length (bands); i++)
    {
      static const char * const band_members[] = { "stars", "min", "description", NULL };
      g_autofree char *label = NULL;
      Where bw = w;
      JsonObject *bobj;
      OcopStarBand band = { 0, };

      /* Translators: %u is the position of a star band in the list, from 1 */
      label = g_strdup_printf (_("band %u"), i + 1);
      bw.item = label;

      if (!(bobj = node_get_object (json_array_get_element (bands, i), "bands", &bw, error)) ||
          !check_members (bobj, band_members, &bw, error))
        return FALSE;

      g_array_append_val (self->bands, band);
      if (!get_int (bobj, "stars", &g_array_index (self->bands, OcopStarBand, i).stars, &bw, error) ||
          !get_number (bobj, "min", TRUE, &g_array_index (self->bands, OcopStarBand, i).min_score, &bw, error) ||
          !get_string (bobj, "description", TRUE, &g_array_index (self->bands, OcopStarBand, i).description, &bw, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      static const char * const part_members[] = { "code", "title", "max", NULL };
      g_autofree char *label = NULL;
      Where pw = w;
      JsonObject *pobj;
      OcopPart *part;

      /* Translators: %u is the position of a part in the set's list of parts, from 1 */
      label = g_strdup_printf (_("part number %u"), i + 1);
      pw.item = label;

      if (!(pobj = node_get_object (json_array_get_element (parts, i), "parts", &pw, error)) ||
          !check_members (pobj, part_members, &pw, error))
        return FALSE;

      part = part_new ();
      part->index = i;
      g_ptr_array_add (self->part_templates, part);
      if (!get_string (pobj, "code", TRUE, &part->code, &pw, error) ||
          !get_string (pobj, "title", TRUE, &part->title, &pw, error) ||
          !get_number (pobj, "max", TRUE, &part->max, &pw, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      if (!parse_sheet (json_array_get_element (sheets, i), self, i + 1, file, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

static gboolean
check_text (const char  *value,
            const char  *name,
            gboolean     required,
            const Where *w,
            GError     **error)
{
  if (value == NULL)
    return required ? missing_error (name, w, error) : TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      /* Translators: %s is a field name in a criteria file */
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, w, _("the field “%s” is not valid UTF-8"), name);
      return FALSE;
    }

  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (*stripped == '\0')
        {
          /* Translators: %s is a field name in a criteria file */
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, w, _("the field “%s” is empty"), name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_texts (GPtrArray   *texts,
             const char  *name,
             const Where *w,
             GError     **error)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      if (!check_text (g_ptr_array_index (texts, i), name, FALSE, w, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_date (const char *str,
            GDate      *date)
{
  guint year, month, day;

  if (str == NULL || strlen (str) != 10 ||
      !g_ascii_isdigit (str[0]) || !g_ascii_isdigit (str[1]) ||
      !g_ascii_isdigit (str[2]) || !g_ascii_isdigit (str[3]) || str[4] != '-' ||
      !g_ascii_isdigit (str[5]) || !g_ascii_isdigit (str[6]) || str[7] != '-' ||
      !g_ascii_isdigit (str[8]) || !g_ascii_isdigit (str[9]))
    return FALSE;

  year = (str[0] - '0') * 1000 + (str[1] - '0') * 100 + (str[2] - '0') * 10 + (str[3] - '0');
  month = (str[5] - '0') * 10 + (str[6] - '0');
  day = (str[8] - '0') * 10 + (str[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
check_date (const char  *value,
            const char  *name,
            GDate       *date,
            const Where *w,
            GError     **error)
{
  if (!parse_date (value, date))
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, w,
                   /* Translators: the first %s is a field name, the second the value found;
                    * YYYY-MM-DD is the expected form and is not translated */
                   _("the field “%s” must be a valid date written YYYY-MM-DD, not “%s”"),
                   name, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_rules (GPtrArray   *rules,
             const Where *w,
             GError     **error)
{
  for (guint i = 0; i < rules->len; i++)
    {
      OcopRule *rule = g_ptr_array_index (rules, i);

      if ((guint) rule->kind >= G_N_ELEMENTS (rule_kinds))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, w,
                       _("a rule has an unknown kind"));
          return FALSE;
        }
      if (!check_text (rule->text, "text", TRUE, w, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *file;
  OcopSheet  *sheet;
  GHashTable *codes;   /* code → OcopCriterion*, borrowed */
} SheetCheck;

/* Sets the derived fields of @criterion and its children and checks them. */
static gboolean
check_criterion (SheetCheck     *check,
                 OcopCriterion  *criterion,
                 OcopCriterion  *parent,
                 OcopSection    *section,
                 OcopPart       *part,
                 int             depth,
                 GError        **error)
{
  Where w = {
    .file = check->file,
    .sheet_code = check->sheet->code,
    .sheet_name = check->sheet->name,
    .part = part->code,
    .section = section->code,
    .criterion = criterion->code,
  };

  criterion->parent = parent;
  criterion->section = section;
  criterion->part = part;
  criterion->depth = depth;
  criterion->leaf_index = -1;

  if (!check_text (criterion->code, "code", TRUE, &w, error))
    return FALSE;

  if (g_hash_table_contains (check->codes, criterion->code))
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   _("the criterion code is used twice in this sheet"));
      return FALSE;
    }
  g_hash_table_insert (check->codes, criterion->code, criterion);

  if (!check_text (criterion->name, "name", TRUE, &w, error) ||
      !check_texts (criterion->notes, "notes", &w, error) ||
      !check_text (criterion->applies_if, "applies_if", FALSE, &w, error) ||
      !check_rules (criterion->rules, &w, error))
    return FALSE;

  if (!isfinite (criterion->max) || criterion->max < 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %g is the maximum found in the file */
                   _("the maximum must be a number of 0 or more, not %g"), criterion->max);
      return FALSE;
    }

  if (criterion->children->len > 0)
    {
      double expected = 0;

      if (criterion->options->len > 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("a criterion has either options or sub-criteria (“children”), not both"));
          return FALSE;
        }
      if (criterion->aggregation != OCOP_AGGREGATION_SUM &&
          criterion->aggregation != OCOP_AGGREGATION_MAX)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("the criterion has sub-criteria but no “aggregation” (“sum” or “max”)"));
          return FALSE;
        }

      for (guint i = 0; i < criterion->children->len; i++)
        {
          OcopCriterion *child = g_ptr_array_index (criterion->children, i);

          if (!check_criterion (check, child, criterion, section, part, depth + 1, error))
            return FALSE;

          if (criterion->aggregation == OCOP_AGGREGATION_SUM)
            expected += child->max;
          else
            expected = MAX (expected, child->max);
        }

      if (!same_value (expected, criterion->max))
        {
          if (criterion->aggregation == OCOP_AGGREGATION_SUM)
            where_error (error, OCOP_CRITERIA_ERROR_SUM, &w,
                         /* Translators: the first %g is the sum of the sub-criteria's maxima, the
                          * second the criterion's maximum in the file */
                         _("the sub-criteria add up to %g but the criterion's maximum is %g"),
                         expected, criterion->max);
          else
            where_error (error, OCOP_CRITERIA_ERROR_SUM, &w,
                         /* Translators: the first %g is the largest maximum of the sub-criteria, the
                          * second the criterion's maximum in the file */
                         _("the largest sub-criterion scores %g but the criterion's maximum is %g"),
                         expected, criterion->max);
          return FALSE;
        }
    }
  else
    {
      double highest = 0;

      if (criterion->aggregation != OCOP_AGGREGATION_NONE)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("the criterion has an “aggregation” but no sub-criteria"));
          return FALSE;
        }
      if (criterion->options->len == 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("the criterion has neither options nor sub-criteria"));
          return FALSE;
        }

      for (guint i = 0; i < criterion->options->len; i++)
        {
          OcopOption *option = g_ptr_array_index (criterion->options, i);

          if (!check_text (option->label, "label", TRUE, &w, error))
            return FALSE;
          if (!isfinite (option->points) || option->points < 0)
            {
              where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                           /* Translators: %u is the position of the option (from 1), %g its points */
                           _("option %u scores %g points; points must be 0 or more"),
                           i + 1, option->points);
              return FALSE;
            }
          highest = MAX (highest, option->points);
        }

      if (!same_value (highest, criterion->max))
        {
          where_error (error, OCOP_CRITERIA_ERROR_SUM, &w,
                       /* Translators: the first %g is the points of the best option, the second the
                        * criterion's maximum in the file */
                       _("the highest option scores %g but the criterion's maximum is %g"),
                       highest, criterion->max);
          return FALSE;
        }

      criterion->leaf_index = check->sheet->leaves->len;
      g_ptr_array_add (check->sheet->leaves, criterion);
    }

  if (ocop_criterion_has_rule (criterion, OCOP_RULE_CHOOSE_CASE) &&
      criterion->aggregation != OCOP_AGGREGATION_MAX)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   _("a “choose_case” rule needs sub-criteria (the cases) with the aggregation “max”"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_scope (SheetCheck  *check,
             GPtrArray   *rules,
             const Where *w,
             GError     **error)
{
  for (guint i = 0; i < rules->len; i++)
    {
      OcopRule *rule = g_ptr_array_index (rules, i);

      for (guint j = 0; rule->scope != NULL && rule->scope[j] != NULL; j++)
        {
          if (!g_hash_table_contains (check->codes, rule->scope[j]))
            {
              where_error (error, OCOP_CRITERIA_ERROR_INVALID, w,
                           /* Translators: the first %s is a rule kind (“stop_if_zero”), the second a
                            * criterion code */
                           _("the scope of the rule “%s” names criterion %s, which is not in this sheet"),
                           rule_kinds[rule->kind], rule->scope[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
has_story_rule (const OcopCriterion *criterion)
{
  for (; criterion != NULL; criterion = criterion->parent)
    {
      if (ocop_criterion_has_rule (criterion, OCOP_RULE_APPLIES_IF_STORY))
        return TRUE;
    }

  return FALSE;
}

/* Checks what needs the whole sheet: rule scopes and applies_if. */
static gboolean
check_references (SheetCheck     *check,
                  OcopCriterion  *criterion,
                  GError        **error)
{
  Where w = {
    .file = check->file,
    .sheet_code = check->sheet->code,
    .sheet_name = check->sheet->name,
    .criterion = criterion->code,
  };

  if (!check_scope (check, criterion->rules, &w, error))
    return FALSE;

  if (criterion->applies_if != NULL)
    {
      OcopCriterion *story = g_hash_table_lookup (check->codes, criterion->applies_if);

      if (!has_story_rule (criterion))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("“applies_if” is only allowed on a criterion with an “applies_if_story” rule"));
          return FALSE;
        }
      if (story == NULL)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       /* Translators: %s is a criterion code */
                       _("“applies_if” names criterion %s, which is not in this sheet"),
                       criterion->applies_if);
          return FALSE;
        }
      if (!ocop_criterion_is_leaf (story) || story == criterion)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       /* Translators: %s is a criterion code */
                       _("“applies_if” must name another criterion with options, and %s is not one"),
                       criterion->applies_if);
          return FALSE;
        }
    }
  else if (ocop_criterion_has_rule (criterion, OCOP_RULE_APPLIES_IF_STORY))
    {
      /* Sub-criteria of a criterion that applies only with a story use the
       * parent's applies_if; the criterion carrying the rule needs its own or
       * an ancestor's. */
      const OcopCriterion *ancestor;

      for (ancestor = criterion->parent; ancestor != NULL; ancestor = ancestor->parent)
        if (ancestor->applies_if != NULL)
          break;

      if (ancestor == NULL)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       _("the criterion has an “applies_if_story” rule but no “applies_if” naming the criterion that tells whether the product has a story"));
          return FALSE;
        }
    }

  for (guint i = 0; i < criterion->children->len; i++)
    {
      if (!check_references (check, g_ptr_array_index (criterion->children, i), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_sheet (OcopCriteriaSet  *self,
             OcopSheet        *sheet,
             guint             position,
             const char       *file,
             GHashTable       *sheet_codes,
             GError          **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *sums = NULL;
  SheetCheck check = { file, sheet, codes };
  Where w = { .file = file, .sheet_pos = position };
  double total = 0;

  if (!check_text (sheet->code, "code", TRUE, &w, error))
    return FALSE;
  w.sheet_code = sheet->code;
  if (!check_text (sheet->name, "name", TRUE, &w, error))
    return FALSE;
  w.sheet_name = sheet->name;

  if (!check_text (sheet->industry, "industry", FALSE, &w, error) ||
      !check_text (sheet->group, "group", FALSE, &w, error) ||
      !check_text (sheet->exclusion, "exclusion", FALSE, &w, error) ||
      !check_texts (sheet->notes, "notes", &w, error))
    return FALSE;

  if (g_hash_table_contains (sheet_codes, sheet->code))
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   _("the sheet code is used twice in this set"));
      return FALSE;
    }
  g_hash_table_add (sheet_codes, sheet->code);

  if (sheet->leaves == NULL)
    sheet->leaves = g_ptr_array_new ();
  g_ptr_array_set_size (sheet->leaves, 0);

  /* The parts: exactly the template's, in its order. */
  if (sheet->parts->len != self->part_templates->len)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: the first %u is the number of parts of the sheet, the second
                    * the number of parts in the set's "parts" list */
                   _("the sheet has %u parts but the set defines %u"),
                   sheet->parts->len, self->part_templates->len);
      return FALSE;
    }

  sums = g_new0 (double, sheet->parts->len);

  for (guint i = 0; i < sheet->parts->len; i++)
    {
      OcopPart *part = g_ptr_array_index (sheet->parts, i);
      OcopPart *template = g_ptr_array_index (self->part_templates, i);
      Where pw = w;

      if (!check_text (part->code, "code", TRUE, &w, error))
        return FALSE;
      pw.part = part->code;

      if (g_strcmp0 (part->code, template->code) != 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       /* Translators: %u is a position (from 1), the first %s the part code the set
                        * defines there, the second the code found in the sheet */
                       _("part %u must be part %s as in the set's list of parts, not %s"),
                       i + 1, template->code, part->code);
          return FALSE;
        }

      part->index = i;
      part->sheet = sheet;
      if (part->title == NULL)
        part->title = g_strdup (template->title);

      if (!check_text (part->title, "title", TRUE, &pw, error) ||
          !check_texts (part->notes, "notes", &pw, error) ||
          !check_rules (part->rules, &pw, error))
        return FALSE;

      for (guint r = 0; r < part->rules->len; r++)
        {
          OcopRule *rule = g_ptr_array_index (part->rules, r);

          if (rule->kind == OCOP_RULE_APPLIES_IF_STORY || rule->kind == OCOP_RULE_CHOOSE_CASE)
            {
              where_error (error, OCOP_CRITERIA_ERROR_INVALID, &pw,
                           /* Translators: %s is a rule kind, e.g. “choose_case” */
                           _("the rule “%s” belongs on a criterion, not on a part"),
                           rule_kinds[rule->kind]);
              return FALSE;
            }
        }

      if (part->max < 0)
        part->max = template->max;
      else if (!same_value (part->max, template->max))
        {
          where_error (error, OCOP_CRITERIA_ERROR_SUM, &pw,
                       /* Translators: the first %g is the part's maximum in the sheet, the second
                        * the maximum in the set's list of parts */
                       _("the part's maximum is %g but the set gives %g for this part"),
                       part->max, template->max);
          return FALSE;
        }

      if (part->sections->len == 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &pw, _("the part has no sections"));
          return FALSE;
        }

      for (guint s = 0; s < part->sections->len; s++)
        {
          OcopSection *section = g_ptr_array_index (part->sections, s);
          Where sw = pw;
          double sum = 0;

          if (!check_text (section->code, "code", TRUE, &pw, error))
            return FALSE;
          sw.section = section->code;
          section->part = part;

          if (!check_text (section->title, "title", TRUE, &sw, error) ||
              !check_texts (section->notes, "notes", &sw, error))
            return FALSE;

          if (section->criteria->len == 0)
            {
              where_error (error, OCOP_CRITERIA_ERROR_INVALID, &sw, _("the section has no criteria"));
              return FALSE;
            }

          for (guint c = 0; c < section->criteria->len; c++)
            {
              OcopCriterion *criterion = g_ptr_array_index (section->criteria, c);

              if (!check_criterion (&check, criterion, NULL, section, part, 0, error))
                return FALSE;
              sum += criterion->max;
            }

          if (section->max >= 0 && !same_value (section->max, sum))
            {
              where_error (error, OCOP_CRITERIA_ERROR_SUM, &sw,
                           /* Translators: the first %g is the sum of the section's criteria, the
                            * second the section's maximum in the file */
                           _("the criteria add up to %g but the section's maximum is %g"),
                           sum, section->max);
              return FALSE;
            }
          section->max = sum;
          sums[i] += sum;
        }

      total += sums[i];
    }

  /* Report the whole sheet when its total is off, naming the parts that are;
   * a part alone when points only moved between parts. */
  if (!same_value (total, self->total_max))
    {
      g_autoptr(GString) parts = g_string_new (NULL);

      for (guint i = 0; i < sheet->parts->len; i++)
        {
          OcopPart *part = g_ptr_array_index (sheet->parts, i);

          if (same_value (sums[i], part->max))
            continue;
          if (parts->len > 0)
            g_string_append (parts, ", ");
          /* Translators: one part in a list of parts that do not add up: the part
           * code, what its criteria add up to and its maximum, e.g. “A 36 of 35” */
          g_string_append_printf (parts, _("%s %g of %g"), part->code, sums[i], part->max);
        }

      where_error (error, OCOP_CRITERIA_ERROR_SUM, &w,
                   /* Translators: the first %g is the sum of all criteria of the sheet, the second
                    * the set's total_max, %s the list of parts that are off, e.g. “A 36 of 35” */
                   _("the criteria add up to %g but the sheet's total must be %g (part %s)"),
                   total, self->total_max, parts->str);
      return FALSE;
    }

  for (guint i = 0; i < sheet->parts->len; i++)
    {
      OcopPart *part = g_ptr_array_index (sheet->parts, i);
      Where pw = w;

      pw.part = part->code;
      if (!same_value (sums[i], part->max))
        {
          where_error (error, OCOP_CRITERIA_ERROR_SUM, &pw,
                       /* Translators: the first %g is the sum of the part's criteria, the second
                        * the part's maximum */
                       _("the criteria add up to %g but the part's maximum is %g"),
                       sums[i], part->max);
          return FALSE;
        }
    }

  /* References need every code of the sheet. */
  for (guint i = 0; i < sheet->parts->len; i++)
    {
      OcopPart *part = g_ptr_array_index (sheet->parts, i);
      Where pw = w;

      pw.part = part->code;
      if (!check_scope (&check, part->rules, &pw, error))
        return FALSE;

      for (guint s = 0; s < part->sections->len; s++)
        {
          OcopSection *section = g_ptr_array_index (part->sections, s);

          for (guint c = 0; c < section->criteria->len; c++)
            {
              if (!check_references (&check, g_ptr_array_index (section->criteria, c), error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
is_set_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        return FALSE;
    }

  return TRUE;
}

gboolean
ocop_criteria_set_validate (OcopCriteriaSet  *self,
                            const char       *display_name,
                            GError          **error)
{
  OcopCriteriaSetReal *real = (OcopCriteriaSetReal *) self;
  g_autoptr(GHashTable) sheet_codes = NULL;
  g_autoptr(GHashTable) part_codes = NULL;
  Where w = { .file = display_name };
  GDate from, to;
  double parts_total = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (display_name == NULL)
    w.file = self->code != NULL ? self->code : "?";

  if (!check_text (self->code, "code", TRUE, &w, error))
    return FALSE;
  if (!is_set_code (self->code))
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %s is the code found in the file */
                   _("the set's code “%s” may only contain a–z, 0–9 and “-”"), self->code);
      return FALSE;
    }

  if (!check_text (self->legal_basis, "legal_basis", TRUE, &w, error) ||
      !check_text (self->title, "title", TRUE, &w, error) ||
      !check_text (self->version, "version", TRUE, &w, error) ||
      !check_texts (real->notes, "notes", &w, error) ||
      !check_text (self->effective_from, "effective_from", TRUE, &w, error) ||
      !check_date (self->effective_from, "effective_from", &from, &w, error))
    return FALSE;

  if (self->effective_to != NULL)
    {
      if (!check_date (self->effective_to, "effective_to", &to, &w, error))
        return FALSE;
      if (g_date_compare (&to, &from) < 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                       /* Translators: the dates as written in the file, YYYY-MM-DD */
                       _("the set ends (effective_to %s) before it starts (effective_from %s)"),
                       self->effective_to, self->effective_from);
          return FALSE;
        }
    }

  if (!isfinite (self->total_max) || self->total_max <= 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %g is the value found in the file */
                   _("“total_max” must be more than 0, not %g"), self->total_max);
      return FALSE;
    }
  if (!isfinite (self->spread_limit) || self->spread_limit < 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %g is the value found in the file */
                   _("“spread_limit” must be 0 or more, not %g"), self->spread_limit);
      return FALSE;
    }
  if (self->recognised_min_stars < 1 || self->recognised_min_stars > 5)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %d is the value found in the file */
                   _("“recognised_min_stars” must be from 1 to 5, not %d"), self->recognised_min_stars);
      return FALSE;
    }

  /* Bands: stars 1 … 5 in order, the first from 0, minima strictly increasing. */
  if (self->bands->len != 5)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w,
                   /* Translators: %u is the number of bands found in the file */
                   _("“bands” must list the 5 star bands, 1 to 5 stars, not %u"), self->bands->len);
      return FALSE;
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      const OcopStarBand *band = &g_array_index (self->bands, OcopStarBand, i);
      g_autofree char *label = NULL;
      Where bw = w;

      /* Translators: %u is the position of a star band in the list, from 1 */
      label = g_strdup_printf (_("band %u"), i + 1);
      bw.item = label;

      if (!check_text (band->description, "description", FALSE, &bw, error))
        return FALSE;
      if (band->stars != (int) i + 1)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &bw,
                       /* Translators: %d are numbers of stars */
                       _("the bands must be listed from 1 to 5 stars: expected %d stars, found %d"),
                       (int) i + 1, band->stars);
          return FALSE;
        }
      if (i == 0 && !same_value (band->min_score, 0))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &bw,
                       /* Translators: %g is the value found in the file */
                       _("the first band must start at 0 points, not %g"), band->min_score);
          return FALSE;
        }
      if (i > 0 && band->min_score <= g_array_index (self->bands, OcopStarBand, i - 1).min_score)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &bw,
                       /* Translators: %g are the minimum scores of two bands */
                       _("each band must start higher than the one before: %g is not more than %g"),
                       band->min_score, g_array_index (self->bands, OcopStarBand, i - 1).min_score);
          return FALSE;
        }
      if (!isfinite (band->min_score) || band->min_score > self->total_max)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &bw,
                       /* Translators: the first %g is a band's minimum score, the second total_max */
                       _("the band starts at %g points, more than the total of %g"),
                       band->min_score, self->total_max);
          return FALSE;
        }
    }

  /* The part template. */
  if (self->part_templates->len == 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w, _("the set has no parts"));
      return FALSE;
    }
  part_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->part_templates->len; i++)
    {
      OcopPart *part = g_ptr_array_index (self->part_templates, i);
      g_autofree char *label = NULL;
      Where pw = w;

      /* Translators: %u is the position of a part in the set's list of parts, from 1 */
      label = g_strdup_printf (_("part number %u"), i + 1);
      pw.item = label;

      if (!check_text (part->code, "code", TRUE, &pw, error) ||
          !check_text (part->title, "title", TRUE, &pw, error))
        return FALSE;
      if (g_hash_table_contains (part_codes, part->code))
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &pw,
                       /* Translators: %s is a part code */
                       _("the part code %s is used twice"), part->code);
          return FALSE;
        }
      g_hash_table_add (part_codes, part->code);
      if (!isfinite (part->max) || part->max < 0)
        {
          where_error (error, OCOP_CRITERIA_ERROR_INVALID, &pw,
                       /* Translators: %g is the value found in the file */
                       _("the part's maximum must be 0 or more, not %g"), part->max);
          return FALSE;
        }
      part->index = i;
      parts_total += part->max;
    }
  if (!same_value (parts_total, self->total_max))
    {
      where_error (error, OCOP_CRITERIA_ERROR_SUM, &w,
                   /* Translators: the first %g is the sum of the parts' maxima, the second total_max */
                   _("the parts' maxima add up to %g but “total_max” is %g"),
                   parts_total, self->total_max);
      return FALSE;
    }

  if (self->sheets->len == 0)
    {
      where_error (error, OCOP_CRITERIA_ERROR_INVALID, &w, _("the set has no sheets"));
      return FALSE;
    }

  sheet_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      if (!check_sheet (self, g_ptr_array_index (self->sheets, i), i + 1, w.file, sheet_codes, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

OcopCriteriaSet *
ocop_criteria_set_load_data (const char  *data,
                             gssize       length,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(OcopCriteriaSet) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  Where w = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("criteria set");
  w.file = display_name;

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, &end))
    {
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, &w,
                   /* Translators: %ld is a byte offset in the file */
                   _("the file is not valid UTF-8 text (at byte %ld)"), (long) (end - data));
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, &w,
                   /* Translators: %s is the JSON parser's message */
                   _("not a valid JSON file: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      where_error (error, OCOP_CRITERIA_ERROR_PARSE, &w, _("the file is empty"));
      return NULL;
    }

  self = ocop_criteria_set_new ();
  if (!parse_set (json_parser_get_root (parser), self, display_name, error))
    return NULL;

  if (!ocop_criteria_set_validate (self, display_name, error))
    return NULL;

  return g_steal_pointer (&self);
}

OcopCriteriaSet *
ocop_criteria_set_load_file (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  display_name = g_filename_display_basename (path);

  return ocop_criteria_set_load_data (contents, length, display_name, error);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  /* Whole numbers as integers, so that 3 stays "3" and not "3.0". */
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
add_rules (JsonBuilder *builder,
           GPtrArray   *rules)
{
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    {
      OcopRule *rule = g_ptr_array_index (rules, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", ocop_rule_kind_to_string (rule->kind));
      add_string (builder, "text", rule->text);
      if (rule->scope != NULL)
        {
          json_builder_set_member_name (builder, "scope");
          json_builder_begin_array (builder);
          for (guint j = 0; rule->scope[j] != NULL; j++)
            json_builder_add_string_value (builder, rule->scope[j]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_criterion (JsonBuilder         *builder,
               const OcopCriterion *criterion)
{
  json_builder_begin_object (builder);
  add_string (builder, "code", criterion->code);
  add_string (builder, "name", criterion->name);
  add_number (builder, "max", criterion->max);
  add_strings (builder, "notes", criterion->notes);
  add_rules (builder, criterion->rules);

  if (criterion->children->len > 0)
    {
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      for (guint i = 0; i < criterion->children->len; i++)
        add_criterion (builder, g_ptr_array_index (criterion->children, i));
      json_builder_end_array (builder);
      add_string (builder, "aggregation",
                  criterion->aggregation == OCOP_AGGREGATION_MAX ? "max" : "sum");
    }
  else
    {
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint i = 0; i < criterion->options->len; i++)
        {
          OcopOption *option = g_ptr_array_index (criterion->options, i);

          json_builder_begin_object (builder);
          add_string (builder, "label", option->label);
          add_number (builder, "points", option->points);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (criterion->applies_if != NULL)
    add_string (builder, "applies_if", criterion->applies_if);

  json_builder_end_object (builder);
}

char *
ocop_criteria_set_to_json (const OcopCriteriaSet *self)
{
  const OcopCriteriaSetReal *real = (const OcopCriteriaSetReal *) self;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  add_string (builder, "code", self->code);
  add_string (builder, "legal_basis", self->legal_basis);
  add_string (builder, "title", self->title);
  add_string (builder, "version", self->version);
  add_string (builder, "effective_from", self->effective_from);
  add_string (builder, "effective_to", self->effective_to);
  add_number (builder, "total_max", self->total_max);
  add_number (builder, "spread_limit", self->spread_limit);
  json_builder_set_member_name (builder, "recognised_min_stars");
  json_builder_add_int_value (builder, self->recognised_min_stars);
  if (real->notes->len > 0)
    add_strings (builder, "notes", real->notes);
  if (real->source != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_add_value (builder, json_node_copy (real->source));
    }

  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->bands->len; i++)
    {
      const OcopStarBand *band = &g_array_index (self->bands, OcopStarBand, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stars");
      json_builder_add_int_value (builder, band->stars);
      add_number (builder, "min", band->min_score);
      add_string (builder, "description", band->description != NULL ? band->description : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->part_templates->len; i++)
    {
      const OcopPart *part = g_ptr_array_index (self->part_templates, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", part->code);
      add_string (builder, "title", part->title);
      add_number (builder, "max", part->max);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sheets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      const OcopSheet *sheet = g_ptr_array_index (self->sheets, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", sheet->code);
      add_string (builder, "name", sheet->name);
      add_string (builder, "industry", sheet->industry);
      add_string (builder, "group", sheet->group);
      add_string (builder, "exclusion", sheet->exclusion);
      add_strings (builder, "notes", sheet->notes);

      json_builder_set_member_name (builder, "parts");
      json_builder_begin_array (builder);
      for (guint p = 0; p < sheet->parts->len; p++)
        {
          const OcopPart *part = g_ptr_array_index (sheet->parts, p);

          json_builder_begin_object (builder);
          add_string (builder, "code", part->code);
          add_string (builder, "title", part->title);
          add_number (builder, "max", part->max);
          add_strings (builder, "notes", part->notes);
          add_rules (builder, part->rules);

          json_builder_set_member_name (builder, "sections");
          json_builder_begin_array (builder);
          for (guint s = 0; s < part->sections->len; s++)
            {
              const OcopSection *section = g_ptr_array_index (part->sections, s);

              json_builder_begin_object (builder);
              add_string (builder, "code", section->code);
              add_string (builder, "title", section->title);
              add_number (builder, "max", section->max);
              add_strings (builder, "notes", section->notes);
              json_builder_set_member_name (builder, "criteria");
              json_builder_begin_array (builder);
              for (guint c = 0; c < section->criteria->len; c++)
                add_criterion (builder, g_ptr_array_index (section->criteria, c));
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

/* ------------------------------------------------------------------------ */
/* Look-ups                                                                 */

OcopSheet *
ocop_criteria_set_find_sheet (const OcopCriteriaSet *self,
                              const char            *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->sheets->len; i++)
    {
      OcopSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (g_strcmp0 (sheet->code, code) == 0)
        return sheet;
    }

  return NULL;
}

int
ocop_criteria_set_stars_for_score (const OcopCriteriaSet *self,
                                   double                 score)
{
  g_return_val_if_fail (self != NULL, 0);

  /* The unrounded score decides: 69.995 is 3 stars, not 4. EPSILON only absorbs
   * floating-point noise from averaging (69.99999999999999 for 70). */
  for (guint i = self->bands->len; i > 0; i--)
    {
      const OcopStarBand *band = &g_array_index (self->bands, OcopStarBand, i - 1);

      if (score + EPSILON >= band->min_score)
        return band->stars;
    }

  return 0;
}

const OcopStarBand *
ocop_criteria_set_get_band (const OcopCriteriaSet *self,
                            int                    stars)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const OcopStarBand *band = &g_array_index (self->bands, OcopStarBand, i);

      if (band->stars == stars)
        return band;
    }

  return NULL;
}

static OcopCriterion *
find_criterion_in (GPtrArray  *criteria,
                   const char *code)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      OcopCriterion *criterion = g_ptr_array_index (criteria, i);
      OcopCriterion *found;

      if (g_strcmp0 (criterion->code, code) == 0)
        return criterion;
      if ((found = find_criterion_in (criterion->children, code)) != NULL)
        return found;
    }

  return NULL;
}

OcopCriterion *
ocop_sheet_find_criterion (const OcopSheet *sheet,
                           const char      *code)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint p = 0; p < sheet->parts->len; p++)
    {
      OcopPart *part = g_ptr_array_index (sheet->parts, p);

      for (guint s = 0; s < part->sections->len; s++)
        {
          OcopSection *section = g_ptr_array_index (part->sections, s);
          OcopCriterion *found = find_criterion_in (section->criteria, code);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

OcopPart *
ocop_sheet_find_part (const OcopSheet *sheet,
                      const char      *code)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < sheet->parts->len; i++)
    {
      OcopPart *part = g_ptr_array_index (sheet->parts, i);

      if (g_strcmp0 (part->code, code) == 0)
        return part;
    }

  return NULL;
}

gboolean
ocop_criterion_is_leaf (const OcopCriterion *criterion)
{
  g_return_val_if_fail (criterion != NULL, FALSE);

  return criterion->children == NULL || criterion->children->len == 0;
}

gboolean
ocop_criterion_has_rule (const OcopCriterion *criterion,
                         OcopRuleKind         kind)
{
  g_return_val_if_fail (criterion != NULL, FALSE);

  for (guint i = 0; criterion->rules != NULL && i < criterion->rules->len; i++)
    {
      const OcopRule *rule = g_ptr_array_index (criterion->rules, i);

      if (rule->kind == kind)
        return TRUE;
    }

  return FALSE;
}

const char *
ocop_rule_kind_to_string (OcopRuleKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (rule_kinds), NULL);

  return rule_kinds[kind];
}

gboolean
ocop_rule_kind_from_string (const char   *str,
                            OcopRuleKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    {
      if (g_str_equal (str, rule_kinds[i]))
        {
          *kind = (OcopRuleKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
