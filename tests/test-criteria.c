/* test-criteria.c
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ocop-criteria.h"

#define SHIPPED_NAME "qd-1048-2019.json"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static char *
shipped_path (void)
{
  const char *dir = g_getenv ("OCOP_CRITERIA_DIR");

  if (dir == NULL)
    dir = OCOP_SOURCE_CRITERIA_DIR;

  return g_build_filename (dir, SHIPPED_NAME, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static OcopCriteriaSet *
load_shipped (void)
{
  g_autofree char *path = shipped_path ();
  g_autoptr(GError) error = NULL;
  OcopCriteriaSet *set;

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

static OcopCriteriaSet *
load_example (void)
{
  g_autofree char *path = fixture_path ("criteria-example.json");
  g_autoptr(GError) error = NULL;
  OcopCriteriaSet *set;

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The node at @path, e.g. "sheets/6/parts/0/sections/0/criteria/1": numbers
 * index arrays, names index objects. */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (steps[i]));
      else
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      g_assert_nonnull (node);
    }

  return node;
}

static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
assert_contains (const char *message,
                 const char *needle)
{
  if (strstr (message, needle) == NULL)
    g_error ("“%s” is not in the message “%s”", needle, message);
}

/* ------------------------------------------------------------------------ */
/* The shipped QĐ 1048 set, recomputed from the tree                        */

typedef struct
{
  const OcopSheet *sheet;
  GPtrArray       *leaves;  /* leaves in document order, as found by the walk */
  GHashTable      *codes;
} Walk;

/* Recomputes the maximum of @criterion from its options or children and checks
 * it and the back-pointers; returns the recomputed maximum. */
static double
recompute (Walk                *walk,
           const OcopCriterion *criterion,
           const OcopCriterion *parent,
           const OcopSection   *section,
           int                  depth)
{
  const char *sheet = walk->sheet->code;
  double value = 0;

  if (g_hash_table_contains (walk->codes, criterion->code))
    g_test_fail_printf ("sheet %s: criterion %s twice", sheet, criterion->code);
  g_hash_table_add (walk->codes, criterion->code);

  if (criterion->parent != parent || criterion->section != section ||
      criterion->part != section->part || criterion->depth != depth)
    g_test_fail_printf ("sheet %s criterion %s: wrong back-pointers or depth", sheet, criterion->code);
  if (criterion->name == NULL || *criterion->name == '\0')
    g_test_fail_printf ("sheet %s criterion %s: no name", sheet, criterion->code);

  if (ocop_criterion_is_leaf (criterion))
    {
      if (criterion->options->len == 0)
        g_test_fail_printf ("sheet %s criterion %s: no options", sheet, criterion->code);
      for (guint i = 0; i < criterion->options->len; i++)
        {
          const OcopOption *option = g_ptr_array_index (criterion->options, i);

          if (option->points < 0 || *option->label == '\0')
            g_test_fail_printf ("sheet %s criterion %s: bad option %u", sheet, criterion->code, i);
          value = MAX (value, option->points);
        }
      if (criterion->leaf_index != (int) walk->leaves->len)
        g_test_fail_printf ("sheet %s criterion %s: leaf_index %d, expected %u",
                            sheet, criterion->code, criterion->leaf_index, walk->leaves->len);
      g_ptr_array_add (walk->leaves, (gpointer) criterion);
    }
  else
    {
      if (criterion->options->len != 0 || criterion->leaf_index != -1)
        g_test_fail_printf ("sheet %s criterion %s: a group with options or a leaf index",
                            sheet, criterion->code);
      for (guint i = 0; i < criterion->children->len; i++)
        {
          double child = recompute (walk, g_ptr_array_index (criterion->children, i),
                                    criterion, section, depth + 1);

          if (criterion->aggregation == OCOP_AGGREGATION_SUM)
            value += child;
          else if (criterion->aggregation == OCOP_AGGREGATION_MAX)
            value = MAX (value, child);
          else
            g_test_fail_printf ("sheet %s criterion %s: group without aggregation", sheet, criterion->code);
        }
    }

  if (fabs (value - criterion->max) > 1e-9)
    g_test_fail_printf ("sheet %s criterion %s: max %g but its options/children give %g",
                        sheet, criterion->code, criterion->max, value);

  return value;
}

static void
test_shipped_sums (void)
{
  g_autoptr(OcopCriteriaSet) set = load_shipped ();
  static const char * const part_codes[] = { "A", "B", "C" };
  static const double part_maxima[] = { 35, 25, 40 };

  g_assert_cmpuint (set->sheets->len, ==, 26);
  g_assert_cmpfloat (set->total_max, ==, 100);

  for (guint s = 0; s < set->sheets->len; s++)
    {
      const OcopSheet *sheet = g_ptr_array_index (set->sheets, s);
      g_autofree char *code = g_strdup_printf ("%02u", s + 1);
      g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
      Walk walk = { sheet, leaves, codes };
      double total = 0;

      g_assert_cmpstr (sheet->code, ==, code);
      g_assert_true (ocop_criteria_set_find_sheet (set, code) == sheet);
      g_assert_cmpuint (sheet->parts->len, ==, 3);

      for (guint p = 0; p < sheet->parts->len; p++)
        {
          const OcopPart *part = g_ptr_array_index (sheet->parts, p);
          double part_sum = 0;

          g_assert_cmpstr (part->code, ==, part_codes[p]);
          g_assert_true (part->sheet == sheet);
          g_assert_cmpuint (part->index, ==, p);

          for (guint i = 0; i < part->sections->len; i++)
            {
              const OcopSection *section = g_ptr_array_index (part->sections, i);
              double section_sum = 0;

              g_assert_true (section->part == part);
              for (guint c = 0; c < section->criteria->len; c++)
                section_sum += recompute (&walk, g_ptr_array_index (section->criteria, c), NULL, section, 0);

              if (fabs (section_sum - section->max) > 1e-9)
                g_test_fail_printf ("sheet %s section %s: max %g but its criteria give %g",
                                    code, section->code, section->max, section_sum);
              part_sum += section_sum;
            }

          if (fabs (part_sum - part_maxima[p]) > 1e-9)
            g_test_fail_printf ("sheet %s part %s: criteria add up to %g, the decision says %g",
                                code, part->code, part_sum, part_maxima[p]);
          g_assert_cmpfloat (part->max, ==, part_maxima[p]);
          total += part_sum;
        }

      if (fabs (total - 100) > 1e-9)
        g_test_fail_printf ("sheet %s: total %g, expected 100", code, total);

      /* The loader's leaf list is the document order. */
      g_assert_cmpuint (sheet->leaves->len, ==, leaves->len);
      for (guint i = 0; i < leaves->len; i++)
        g_assert_true (g_ptr_array_index (sheet->leaves, i) == g_ptr_array_index (leaves, i));
    }
}

static void
test_shipped_set (void)
{
  g_autoptr(OcopCriteriaSet) set = load_shipped ();
  g_autofree char *source = NULL;
  static const double minima[] = { 0, 30, 50, 70, 90 };
  GPtrArray *notes;
  gboolean mentions_781 = FALSE;

  g_assert_cmpstr (set->code, ==, "qd-1048-2019");
  g_assert_cmpstr (set->legal_basis, ==, "QĐ 1048/QĐ-TTg");
  g_assert_cmpstr (set->version, ==, "2019-08-21");
  g_assert_cmpstr (set->effective_from, ==, "2019-08-21");
  g_assert_cmpstr (set->effective_to, ==, "2023-02-24");
  g_assert_true (g_str_has_prefix (set->title, "Bộ Tiêu chí đánh giá, phân hạng sản phẩm"));
  g_assert_cmpfloat (set->spread_limit, ==, 10);
  g_assert_cmpint (set->recognised_min_stars, ==, 3);
  g_assert_cmpint (set->id, ==, 0);

  g_assert_cmpuint (set->bands->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const OcopStarBand *band = &g_array_index (set->bands, OcopStarBand, i);

      g_assert_cmpint (band->stars, ==, (int) i + 1);
      g_assert_cmpfloat (band->min_score, ==, minima[i]);
    }
  g_assert_cmpstr (ocop_criteria_set_get_band (set, 1)->description, ==,
                   "sản phẩm khởi điểm tham gia Chương trình OCOP");
  g_assert_cmpstr (ocop_criteria_set_get_band (set, 3)->description, ==,
                   "sản phẩm cấp tỉnh, đạt tiêu chuẩn, có thể nâng cấp lên 4 sao");
  g_assert_cmpstr (ocop_criteria_set_get_band (set, 5)->description, ==,
                   "sản phẩm cấp quốc gia, có thể xuất khẩu");

  g_assert_cmpuint (set->part_templates->len, ==, 3);
  g_assert_cmpstr (((OcopPart *) g_ptr_array_index (set->part_templates, 0))->title, ==,
                   "Sản phẩm và sức mạnh cộng đồng");
  g_assert_cmpstr (((OcopPart *) g_ptr_array_index (set->part_templates, 1))->title, ==,
                   "Khả năng tiếp thị");
  g_assert_cmpstr (((OcopPart *) g_ptr_array_index (set->part_templates, 2))->title, ==,
                   "Chất lượng sản phẩm");

  notes = ocop_criteria_set_get_notes (set);
  g_assert_cmpuint (notes->len, >=, 1);
  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), "781") != NULL)
      mentions_781 = TRUE;
  g_assert_true (mentions_781);

  source = ocop_criteria_set_dup_source_json (set);
  g_assert_nonnull (source);
  assert_contains (source, "criteria-1048.json");
}

static void
test_shipped_spot_checks (void)
{
  g_autoptr(OcopCriteriaSet) set = load_shipped ();
  static const double points_1_1[] = { 1, 2, 3 };
  OcopSheet *sheet;
  OcopCriterion *criterion;
  OcopCriterion *child;
  OcopRule *rule;
  OcopPart *part;

  /* Sheet 01: the names as printed. */
  sheet = ocop_criteria_set_find_sheet (set, "01");
  g_assert_nonnull (sheet);
  g_assert_cmpstr (sheet->name, ==, "Rau, củ, quả, hạt tươi");
  g_assert_cmpstr (sheet->industry, ==, "Thực phẩm");
  g_assert_cmpstr (sheet->group, ==, "Thực phẩm tươi sống");
  g_assert_true (g_str_has_prefix (sheet->exclusion, "Bị loại khi: Giả mạo hồ sơ"));
  g_assert_cmpstr (ocop_sheet_find_part (sheet, "B")->title, ==, "KHẢ NĂNG TIẾP THỊ");

  /* Sheet 07, criterion 1.1: three options 1/2/3 and a knockout note. */
  sheet = ocop_criteria_set_find_sheet (set, "07");
  g_assert_cmpstr (sheet->name, ==, "Chế biến từ rau, củ, quả, hạt");
  criterion = ocop_sheet_find_criterion (sheet, "1.1");
  g_assert_nonnull (criterion);
  g_assert_cmpstr (criterion->name, ==, "Nguồn nguyên liệu");
  g_assert_true (ocop_criterion_is_leaf (criterion));
  g_assert_cmpint (criterion->leaf_index, ==, 0);
  g_assert_cmpfloat (criterion->max, ==, 3);
  g_assert_cmpuint (criterion->options->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (((OcopOption *) g_ptr_array_index (criterion->options, i))->points, ==, points_1_1[i]);
  g_assert_cmpstr (((OcopOption *) g_ptr_array_index (criterion->options, 2))->label, ==,
                   "Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75% đến 100%");
  g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_KNOCKOUT));
  g_assert_false (ocop_criterion_has_rule (criterion, OCOP_RULE_STOP_IF_ZERO));
  rule = g_ptr_array_index (criterion->rules, 0);
  g_assert_cmpstr (rule->text, ==,
                   "Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc");
  g_assert_null (rule->scope);
  g_assert_cmpstr (criterion->part->code, ==, "A");
  g_assert_cmpstr (criterion->section->title, ==, "TỔ CHỨC SẢN XUẤT");

  /* Sheet 07, 3.2: choose one of two cases. */
  criterion = ocop_sheet_find_criterion (sheet, "3.2");
  g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_CHOOSE_CASE));
  g_assert_cmpint (criterion->aggregation, ==, OCOP_AGGREGATION_MAX);
  g_assert_cmpuint (criterion->children->len, ==, 2);
  g_assert_cmpstr (((OcopCriterion *) g_ptr_array_index (criterion->children, 0))->code, ==, "3.2.a");
  g_assert_cmpstr (((OcopCriterion *) g_ptr_array_index (criterion->children, 1))->code, ==, "3.2.b");

  /* Sheet 07, 6.1: 0 points stops the evaluation. */
  criterion = ocop_sheet_find_criterion (sheet, "6.1");
  g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_STOP_IF_ZERO));

  /* Sheet 12, 6.2 "Nước pha": sub-criteria that add up. */
  sheet = ocop_criteria_set_find_sheet (set, "12");
  g_assert_cmpstr (sheet->name, ==, "Chè tươi, chè chế biến");
  criterion = ocop_sheet_find_criterion (sheet, "6.2");
  g_assert_cmpstr (criterion->name, ==, "Nước pha");
  g_assert_false (ocop_criterion_is_leaf (criterion));
  g_assert_cmpint (criterion->aggregation, ==, OCOP_AGGREGATION_SUM);
  g_assert_cmpint (criterion->leaf_index, ==, -1);
  g_assert_cmpfloat (criterion->max, ==, 14);
  g_assert_cmpuint (criterion->children->len, ==, 3);
  child = ocop_sheet_find_criterion (sheet, "6.2.2");
  g_assert_true (child == g_ptr_array_index (criterion->children, 1));
  g_assert_cmpstr (child->name, ==, "Mùi nước");
  g_assert_cmpfloat (child->max, ==, 6);
  g_assert_true (child->parent == criterion);
  g_assert_cmpint (child->depth, ==, 1);
  g_assert_cmpint (child->leaf_index, ==,
                   ((OcopCriterion *) g_ptr_array_index (criterion->children, 0))->leaf_index + 1);
  g_assert_true (g_ptr_array_index (sheet->leaves, child->leaf_index) == child);

  /* Sheet 17, 6.4: 0 in any of 6.1–6.4 stops the evaluation. */
  sheet = ocop_criteria_set_find_sheet (set, "17");
  criterion = ocop_sheet_find_criterion (sheet, "6.4");
  rule = g_ptr_array_index (criterion->rules, 0);
  g_assert_cmpint (rule->kind, ==, OCOP_RULE_STOP_IF_ZERO);
  g_assert_nonnull (rule->scope);
  g_assert_cmpuint (g_strv_length (rule->scope), ==, 4);
  g_assert_cmpstr (rule->scope[0], ==, "6.1");
  g_assert_cmpstr (rule->scope[3], ==, "6.4");

  /* Sheet 19: a stop_if under the part C heading. */
  sheet = ocop_criteria_set_find_sheet (set, "19");
  part = ocop_sheet_find_part (sheet, "C");
  g_assert_cmpuint (part->rules->len, ==, 1);
  g_assert_cmpint (((OcopRule *) g_ptr_array_index (part->rules, 0))->kind, ==, OCOP_RULE_STOP_IF);

  /* Sheet 26: check-lists of Có/Không items that add up, no exclusion line. */
  sheet = ocop_criteria_set_find_sheet (set, "26");
  g_assert_cmpstr (sheet->name, ==, "Dịch vụ du lịch - truyền thống - lễ hội");
  g_assert_null (sheet->exclusion);
  part = ocop_sheet_find_part (sheet, "C");
  g_assert_cmpint (((OcopRule *) g_ptr_array_index (part->rules, 0))->kind, ==, OCOP_RULE_ADDITIVE);
  criterion = ocop_sheet_find_criterion (sheet, "6");
  g_assert_cmpstr (criterion->name, ==, "Vị trí");
  g_assert_cmpint (criterion->aggregation, ==, OCOP_AGGREGATION_SUM);
  g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_ADDITIVE));
  g_assert_cmpfloat (criterion->max, ==, 5);
  child = ocop_sheet_find_criterion (sheet, "6.c");
  g_assert_cmpuint (child->options->len, ==, 2);
  g_assert_cmpstr (((OcopOption *) g_ptr_array_index (child->options, 0))->label, ==, "Có");
  g_assert_cmpfloat (((OcopOption *) g_ptr_array_index (child->options, 0))->points, ==, 2);
  g_assert_cmpstr (((OcopOption *) g_ptr_array_index (child->options, 1))->label, ==, "Không");
  g_assert_cmpfloat (((OcopOption *) g_ptr_array_index (child->options, 1))->points, ==, 0);

  /* Every sheet: 5.2 and 5.3 count only with a story, told by 5.1. */
  for (guint s = 0; s < set->sheets->len; s++)
    {
      OcopCriterion *story;

      sheet = g_ptr_array_index (set->sheets, s);
      story = ocop_sheet_find_criterion (sheet, "5.1");
      g_assert_nonnull (story);
      g_assert_false (ocop_criterion_has_rule (story, OCOP_RULE_APPLIES_IF_STORY));
      g_assert_null (story->applies_if);
      for (guint i = 0; i < 2; i++)
        {
          criterion = ocop_sheet_find_criterion (sheet, i == 0 ? "5.2" : "5.3");
          g_assert_nonnull (criterion);
          g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_APPLIES_IF_STORY));
          g_assert_cmpstr (criterion->applies_if, ==, "5.1");
        }
    }

  g_assert_null (ocop_criteria_set_find_sheet (set, "27"));
  g_assert_null (ocop_criteria_set_find_sheet (set, "1"));
  g_assert_null (ocop_sheet_find_criterion (sheet, "99.9"));
  g_assert_null (ocop_sheet_find_part (sheet, "D"));
}

/* ------------------------------------------------------------------------ */
/* The README example                                                       */

static void
test_example (void)
{
  g_autoptr(OcopCriteriaSet) set = load_example ();
  g_autoptr(GError) error = NULL;
  OcopSheet *sheet;
  OcopCriterion *criterion;

  g_assert_cmpstr (set->code, ==, "vi-du-tinh-2024");
  g_assert_null (set->effective_to);
  g_assert_cmpfloat (set->total_max, ==, 10);
  g_assert_cmpuint (set->sheets->len, ==, 1);

  sheet = ocop_criteria_set_find_sheet (set, "01");
  g_assert_cmpstr (sheet->name, ==, "Mật ong");
  g_assert_cmpfloat (ocop_sheet_find_part (sheet, "A")->max, ==, 4);
  g_assert_cmpfloat (ocop_sheet_find_part (sheet, "B")->max, ==, 3);
  g_assert_cmpfloat (ocop_sheet_find_part (sheet, "C")->max, ==, 3);
  /* A section without "max" gets the sum of its criteria. */
  g_assert_cmpfloat (((OcopSection *) g_ptr_array_index (ocop_sheet_find_part (sheet, "B")->sections, 0))->max, ==, 3);

  /* Leaves in document order: 1.1, 1.2.a, 1.2.b, 2.1, 2.2, 3.1, 3.2. */
  g_assert_cmpuint (sheet->leaves->len, ==, 7);
  g_assert_cmpstr (((OcopCriterion *) g_ptr_array_index (sheet->leaves, 1))->code, ==, "1.2.a");
  g_assert_cmpstr (((OcopCriterion *) g_ptr_array_index (sheet->leaves, 6))->code, ==, "3.2");

  g_assert_true (ocop_criterion_has_rule (ocop_sheet_find_criterion (sheet, "1.1"), OCOP_RULE_KNOCKOUT));
  criterion = ocop_sheet_find_criterion (sheet, "1.2");
  g_assert_true (ocop_criterion_has_rule (criterion, OCOP_RULE_CHOOSE_CASE));
  g_assert_cmpint (criterion->aggregation, ==, OCOP_AGGREGATION_MAX);
  g_assert_cmpfloat (criterion->max, ==, 2);
  g_assert_cmpstr (ocop_sheet_find_criterion (sheet, "2.2")->applies_if, ==, "2.1");
  g_assert_true (ocop_criterion_has_rule (ocop_sheet_find_criterion (sheet, "3.1"), OCOP_RULE_STOP_IF_ZERO));

  g_assert_cmpuint (ocop_criteria_set_get_notes (set)->len, ==, 1);

  /* Validating again changes nothing and still passes. */
  ocop_criteria_set_validate (set, "example", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->leaves->len, ==, 7);
  g_assert_cmpint (ocop_sheet_find_criterion (sheet, "3.2")->leaf_index, ==, 6);
}

/* The example printed in data/criteria/README.md is the fixture, so the README
 * shows a file that loads. */
static void
test_readme_example (void)
{
  const char *dir = g_getenv ("OCOP_CRITERIA_DIR");
  g_autofree char *readme_path = g_build_filename (dir != NULL ? dir : OCOP_SOURCE_CRITERIA_DIR, "README.md", NULL);
  g_autofree char *example_path = fixture_path ("criteria-example.json");
  g_autofree char *readme = NULL;
  g_autofree char *block = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) example = NULL;
  g_autoptr(GError) error = NULL;
  const char *start;
  const char *end;

  g_file_get_contents (readme_path, &readme, NULL, &error);
  g_assert_no_error (error);

  start = strstr (readme, "tests/data/criteria-example.json; the test suite checks");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  block = g_strndup (start, end - start);

  json_parser_load_from_data (parser, block, -1, &error);
  g_assert_no_error (error);
  example = parse_file (example_path);
  g_assert_true (json_node_equal (example, json_parser_get_root (parser)));
}

static void
test_validate_in_memory (void)
{
  g_autoptr(OcopCriteriaSet) set = load_example ();
  g_autoptr(GError) error = NULL;
  OcopSheet *sheet = ocop_criteria_set_find_sheet (set, "01");
  OcopCriterion *criterion = ocop_sheet_find_criterion (sheet, "3.2");
  OcopOption *top = g_ptr_array_index (criterion->options, 2);

  top->points = 1;
  g_assert_false (ocop_criteria_set_validate (set, "in-memory", &error));
  g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_SUM);
  g_assert_cmpstr (error->message, ==,
                   "in-memory: sheet 01 “Mật ong”, criterion 3.2: the highest option scores 1 but the criterion's maximum is 2");
  g_clear_error (&error);

  top->points = 2;
  g_assert_true (ocop_criteria_set_validate (set, "in-memory", &error));
  g_assert_no_error (error);

  /* A built set without sheets is refused. */
  {
    g_autoptr(OcopCriteriaSet) empty = ocop_criteria_set_new ();

    g_assert_false (ocop_criteria_set_validate (empty, "empty", &error));
    g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_INVALID);
    assert_contains (error->message, "empty: ");
  }
}

/* ------------------------------------------------------------------------ */
/* Round trip                                                               */

static void
check_round_trip (OcopCriteriaSet *set,
                  const char      *original_path)
{
  g_autoptr(OcopCriteriaSet) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) original = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = ocop_criteria_set_to_json (set);
  g_assert_true (g_utf8_validate (first, -1, NULL));

  again = ocop_criteria_set_load_data (first, -1, "round-trip.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  second = ocop_criteria_set_to_json (again);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (again->sheets->len, ==, set->sheets->len);

  /* Nothing of the file is lost: our own files come back node for node. */
  if (original_path != NULL)
    {
      original = parse_file (original_path);
      json_parser_load_from_data (parser, first, -1, &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (original, json_parser_get_root (parser)));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(OcopCriteriaSet) shipped = load_shipped ();
  g_autoptr(OcopCriteriaSet) example = load_example ();
  g_autofree char *path = shipped_path ();
  g_autofree char *json = ocop_criteria_set_to_json (example);

  check_round_trip (shipped, path);
  check_round_trip (example, NULL);

  /* The example's optional fields are written out. */
  assert_contains (json, "\"effective_to\" : null");
  assert_contains (json, "Văn phòng Điều phối OCOP tỉnh");
  assert_contains (json, "Ví dụ nhỏ, không dùng để chấm điểm thật.");
  assert_contains (json, "\"applies_if\" : \"2.1\"");
}

/* ------------------------------------------------------------------------ */
/* Stars                                                                    */

static void
test_stars (void)
{
  g_autoptr(OcopCriteriaSet) set = load_shipped ();
  static const struct { double score; int stars; } cases[] = {
    { -1, 0 }, { 0, 1 }, { 29.99, 1 }, { 30, 2 }, { 49.99, 2 }, { 50, 3 },
    { 69.99, 3 }, { 69.995, 3 }, { 70, 4 }, { 89.99, 4 }, { 90, 5 }, { 100, 5 },
    /* The mean of 69.7 and 70.3 is 70 even if the division rounds below it. */
    { (69.7 + 70.3) / 2, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int stars = ocop_criteria_set_stars_for_score (set, cases[i].score);

      if (stars != cases[i].stars)
        g_test_fail_printf ("score %.3f: %d stars, expected %d", cases[i].score, stars, cases[i].stars);
    }

  g_assert_cmpfloat (ocop_criteria_set_get_band (set, 4)->min_score, ==, 70);
  g_assert_null (ocop_criteria_set_get_band (set, 0));
  g_assert_null (ocop_criteria_set_get_band (set, 6));
}

static void
test_rule_kinds (void)
{
  static const char * const names[] = {
    "knockout", "stop_if_zero", "stop_if", "applies_if_story", "choose_case", "additive"
  };
  OcopRuleKind kind = OCOP_RULE_ADDITIVE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (ocop_rule_kind_to_string ((OcopRuleKind) i), ==, names[i]);
      g_assert_true (ocop_rule_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }

  kind = OCOP_RULE_STOP_IF;
  g_assert_false (ocop_rule_kind_from_string ("knock_out", &kind));
  g_assert_false (ocop_rule_kind_from_string ("", &kind));
  g_assert_false (ocop_rule_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, OCOP_RULE_STOP_IF);
}

static void
test_refcount (void)
{
  OcopCriteriaSet *set = load_example ();
  OcopCriteriaSet *copy;

  g_assert_true (ocop_criteria_set_ref (set) == set);
  ocop_criteria_set_unref (set);

  /* The boxed type shares the set. */
  copy = g_boxed_copy (OCOP_TYPE_CRITERIA_SET, set);
  g_assert_true (copy == set);
  g_boxed_free (OCOP_TYPE_CRITERIA_SET, copy);
  g_assert_cmpstr (set->code, ==, "vi-du-tinh-2024");

  ocop_criteria_set_unref (set);
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static void
test_error_missing_file (void)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("criteria-does-not-exist.json");

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_null (set);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_error_not_json (void)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("criteria-not-json.json");

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_null (set);
  g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_PARSE);
  assert_contains (error->message, "criteria-not-json.json: not a valid JSON file");
}

static void
test_error_wrong_format (void)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("criteria-wrong-format.json");

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_null (set);
  g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_PARSE);
  assert_contains (error->message, "criteria-wrong-format.json: ");
  assert_contains (error->message, "“ocop-criteria/1”");

  /* A JSON list is not a set either. */
  g_clear_error (&error);
  g_assert_null (ocop_criteria_set_load_data ("[1, 2]", -1, "list.json", &error));
  g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_PARSE);
  assert_contains (error->message, "list.json: ");
}

static void
test_error_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  static const char data[] = "{\"format\": \"ocop-criteria/1\", \"code\": \"M\xe1t ong\"}";

  g_assert_null (ocop_criteria_set_load_data (data, -1, "latin1.json", &error));
  g_assert_error (error, OCOP_CRITERIA_ERROR, OCOP_CRITERIA_ERROR_PARSE);
  assert_contains (error->message, "latin1.json: ");
  assert_contains (error->message, "UTF-8");
  assert_contains (error->message, "byte 40");
}

static void
test_nfd_normalised (void)
{
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("criteria-nfd.json");
  g_autofree char *contents = NULL;
  OcopSheet *sheet;

  /* The fixture really is decomposed: "ậ" as a + combining marks. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "Mật ong"));

  set = ocop_criteria_set_load_file (path, &error);
  g_assert_no_error (error);
  sheet = ocop_criteria_set_find_sheet (set, "01");
  g_assert_cmpstr (sheet->name, ==, "Mật ong");
  g_assert_cmpstr (ocop_sheet_find_criterion (sheet, "1.1")->name, ==, "Nguồn nguyên liệu");
  g_assert_cmpstr (((OcopOption *) g_ptr_array_index (ocop_sheet_find_criterion (sheet, "3.2")->options, 2))->label,
                   ==, "Đặc trưng, nổi bật");
  g_assert_cmpstr (g_ptr_array_index (ocop_criteria_set_get_notes (set), 0), ==,
                   "Ví dụ nhỏ, không dùng để chấm điểm thật.");
}

/* A mutation of a good file, and what the loader must say about it. */
typedef struct
{
  const char  *name;
  gboolean     shipped;      /* mutate the shipped 1048 set, else the README example */
  void       (*mutate) (JsonNode *root);
  int          code;
  const char  *needles[4];   /* all must be in the message (the file name is checked too) */
} ErrorCase;

#define EX_SHEET "sheets/0"
#define EX_A EX_SHEET "/parts/0/sections/0/criteria"
#define EX_B EX_SHEET "/parts/1/sections/0/criteria"
#define EX_C EX_SHEET "/parts/2/sections/0/criteria"
#define S07_1 "sheets/6/parts/0/sections/0"

static void
mutate_leaf_max (JsonNode *root)
{
  /* Sheet 07, 1.2 "Gia tăng giá trị": the top option scores 2 instead of 3. */
  json_object_set_int_member (object_at (root, S07_1 "/criteria/1/options/2"), "points", 2);
}

static void
mutate_sheet_total (JsonNode *root)
{
  /* Sheet 07, 1.2 consistent at 4 points, its section too: the sheet has 101. */
  json_object_set_int_member (object_at (root, S07_1 "/criteria/1/options/2"), "points", 4);
  json_object_set_int_member (object_at (root, S07_1 "/criteria/1"), "max", 4);
  json_object_set_int_member (object_at (root, S07_1), "max", 19);
}

static void
mutate_part_sum (JsonNode *root)
{
  /* One point moved from part C (3.2) to part A (1.1): total still 10. */
  json_object_set_int_member (object_at (root, EX_A "/0/options/1"), "points", 3);
  json_object_set_int_member (object_at (root, EX_A "/0"), "max", 3);
  json_object_set_int_member (object_at (root, EX_SHEET "/parts/0/sections/0"), "max", 5);
  json_array_remove_element (json_node_get_array (node_at (root, EX_C "/1/options")), 2);
  json_object_set_int_member (object_at (root, EX_C "/1"), "max", 1);
}

static void
mutate_duplicate_code (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_C "/1"), "code", "3.1");
}

static void
mutate_unknown_rule (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_A "/0/rules/0"), "kind", "knock_out");
}

static void
mutate_bad_date (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "effective_from", "2024-02-30");
}

static void
mutate_date_format (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "effective_to", "15/01/2025");
}

static void
mutate_no_aggregation (JsonNode *root)
{
  json_object_remove_member (object_at (root, EX_A "/1"), "aggregation");
}

static void
mutate_applies_if_missing_code (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_B "/1"), "applies_if", "2.9");
}

static void
mutate_applies_if_absent (JsonNode *root)
{
  json_object_remove_member (object_at (root, EX_B "/1"), "applies_if");
}

static void
mutate_group_max (JsonNode *root)
{
  /* "max" aggregation: the group's max is its largest case (2), not the sum (3). */
  json_object_set_int_member (object_at (root, EX_A "/1"), "max", 3);
}

static void
mutate_scope (JsonNode *root)
{
  JsonArray *scope = json_array_new ();

  json_array_add_string_element (scope, "3.9");
  json_object_set_array_member (object_at (root, EX_C "/0/rules/0"), "scope", scope);
}

static void
mutate_unknown_field (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_A "/1"), "aggregaton", "max");
}

static void
mutate_points_type (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_C "/1/options/0"), "points", "0");
}

static void
mutate_negative_points (JsonNode *root)
{
  json_object_set_int_member (object_at (root, EX_C "/1/options/0"), "points", -1);
}

static void
mutate_missing_name (JsonNode *root)
{
  json_object_remove_member (object_at (root, EX_B "/0"), "name");
}

static void
mutate_part_order (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_SHEET "/parts/1"), "code", "C");
}

static void
mutate_sheet_part_max (JsonNode *root)
{
  json_object_set_int_member (object_at (root, EX_SHEET "/parts/1"), "max", 4);
}

static void
mutate_template_sum (JsonNode *root)
{
  json_object_set_int_member (object_at (root, "parts/2"), "max", 4);
}

static void
mutate_bands (JsonNode *root)
{
  json_object_set_int_member (object_at (root, "bands/3"), "min", 5);
}

static void
mutate_recognised (JsonNode *root)
{
  json_object_set_int_member (json_node_get_object (root), "recognised_min_stars", 6);
}

static void
mutate_set_code (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "code", "Ví dụ");
}

static void
mutate_duplicate_sheet (JsonNode *root)
{
  JsonArray *sheets = json_node_get_array (node_at (root, "sheets"));

  json_array_add_element (sheets, json_node_copy (json_array_get_element (sheets, 0)));
}

static void
mutate_choose_case_sum (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_A "/1"), "aggregation", "sum");
  json_object_set_int_member (object_at (root, EX_A "/1"), "max", 3);
}

static void
mutate_empty_label (JsonNode *root)
{
  json_object_set_string_member (object_at (root, EX_C "/1/options/1"), "label", "  ");
}

static void
mutate_section_max (JsonNode *root)
{
  json_object_set_int_member (object_at (root, EX_SHEET "/parts/0/sections/0"), "max", 5);
}

static const ErrorCase error_cases[] = {
  { "leaf-max", TRUE, mutate_leaf_max, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 07 “Chế biến từ rau, củ, quả, hạt”, criterion 1.2: ",
      "the highest option scores 2 but the criterion's maximum is 3" } },
  { "sheet-total", TRUE, mutate_sheet_total, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 07 “Chế biến từ rau, củ, quả, hạt”: ", "add up to 101", "must be 100", "A 36 of 35" } },
  { "part-sum", FALSE, mutate_part_sum, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 01 “Mật ong”, part A: ", "add up to 5 but the part's maximum is 4" } },
  { "section-max", FALSE, mutate_section_max, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 01 “Mật ong”, part A, section 1: ", "add up to 4 but the section's maximum is 5" } },
  { "group-max", FALSE, mutate_group_max, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 01 “Mật ong”, criterion 1.2: ", "largest sub-criterion scores 2", "maximum is 3" } },
  { "duplicate-code", FALSE, mutate_duplicate_code, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 3.1: ", "used twice" } },
  { "unknown-rule", FALSE, mutate_unknown_rule, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 1.1: ", "unknown rule kind “knock_out”" } },
  { "bad-date", FALSE, mutate_bad_date, OCOP_CRITERIA_ERROR_INVALID,
    { "“effective_from”", "“2024-02-30”" } },
  { "date-format", FALSE, mutate_date_format, OCOP_CRITERIA_ERROR_INVALID,
    { "“effective_to”", "YYYY-MM-DD", "“15/01/2025”" } },
  { "no-aggregation", FALSE, mutate_no_aggregation, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 1.2: ", "no “aggregation”" } },
  { "applies-if-missing", FALSE, mutate_applies_if_missing_code, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 2.2: ", "names criterion 2.9, which is not in this sheet" } },
  { "applies-if-absent", FALSE, mutate_applies_if_absent, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 2.2: ", "no “applies_if”" } },
  { "scope", FALSE, mutate_scope, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 3.1: ", "names criterion 3.9" } },
  { "unknown-field", FALSE, mutate_unknown_field, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 1.2: ", "unknown field “aggregaton”" } },
  { "points-type", FALSE, mutate_points_type, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 3.2: ", "“points” must be a number" } },
  { "negative-points", FALSE, mutate_negative_points, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 3.2: ", "option 1 scores -1 points" } },
  { "empty-label", FALSE, mutate_empty_label, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 3.2: ", "“label” is empty" } },
  { "missing-name", FALSE, mutate_missing_name, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 2.1: ", "“name” is missing" } },
  { "choose-case-sum", FALSE, mutate_choose_case_sum, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”, criterion 1.2: ", "“choose_case”" } },
  { "part-order", FALSE, mutate_part_order, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”: ", "part 2 must be part B", "not C" } },
  { "sheet-part-max", FALSE, mutate_sheet_part_max, OCOP_CRITERIA_ERROR_SUM,
    { "sheet 01 “Mật ong”, part B: ", "maximum is 4 but the set gives 3" } },
  { "duplicate-sheet", FALSE, mutate_duplicate_sheet, OCOP_CRITERIA_ERROR_INVALID,
    { "sheet 01 “Mật ong”: ", "used twice" } },
  { "template-sum", FALSE, mutate_template_sum, OCOP_CRITERIA_ERROR_SUM,
    { "add up to 11 but “total_max” is 10" } },
  { "bands", FALSE, mutate_bands, OCOP_CRITERIA_ERROR_INVALID,
    { "band 4: ", "5 is not more than 5" } },
  { "recognised", FALSE, mutate_recognised, OCOP_CRITERIA_ERROR_INVALID,
    { "“recognised_min_stars”", "not 6" } },
  { "set-code", FALSE, mutate_set_code, OCOP_CRITERIA_ERROR_INVALID,
    { "“Ví dụ”" } },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *ec = data;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *file_prefix = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(OcopCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *display_name;

  path = ec->shipped ? shipped_path () : fixture_path ("criteria-example.json");
  display_name = ec->shipped ? SHIPPED_NAME : "criteria-example.json";
  root = parse_file (path);

  /* The untouched file loads: the error comes from the mutation alone. */
  json = json_to_string (root, TRUE);
  set = ocop_criteria_set_load_data (json, -1, display_name, &error);
  g_assert_no_error (error);
  g_clear_pointer (&set, ocop_criteria_set_unref);
  g_clear_pointer (&json, g_free);

  ec->mutate (root);
  json = json_to_string (root, TRUE);
  set = ocop_criteria_set_load_data (json, -1, display_name, &error);
  g_assert_null (set);
  g_assert_error (error, OCOP_CRITERIA_ERROR, ec->code);

  g_test_message ("%s", error->message);
  file_prefix = g_strconcat (display_name, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, file_prefix));
  for (guint i = 0; i < G_N_ELEMENTS (ec->needles) && ec->needles[i] != NULL; i++)
    assert_contains (error->message, ec->needles[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocop/criteria/1048/sums", test_shipped_sums);
  g_test_add_func ("/ocop/criteria/1048/set", test_shipped_set);
  g_test_add_func ("/ocop/criteria/1048/spot-checks", test_shipped_spot_checks);
  g_test_add_func ("/ocop/criteria/example", test_example);
  g_test_add_func ("/ocop/criteria/readme-example", test_readme_example);
  g_test_add_func ("/ocop/criteria/validate-in-memory", test_validate_in_memory);
  g_test_add_func ("/ocop/criteria/round-trip", test_round_trip);
  g_test_add_func ("/ocop/criteria/stars", test_stars);
  g_test_add_func ("/ocop/criteria/rule-kinds", test_rule_kinds);
  g_test_add_func ("/ocop/criteria/refcount", test_refcount);
  g_test_add_func ("/ocop/criteria/error/missing-file", test_error_missing_file);
  g_test_add_func ("/ocop/criteria/error/not-json", test_error_not_json);
  g_test_add_func ("/ocop/criteria/error/wrong-format", test_error_wrong_format);
  g_test_add_func ("/ocop/criteria/error/not-utf8", test_error_not_utf8);
  g_test_add_func ("/ocop/criteria/nfd-normalised", test_nfd_normalised);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ocop/criteria/error/%s", error_cases[i].name);

      g_test_add_data_func (name, &error_cases[i], test_error_case);
    }

  return g_test_run ();
}
