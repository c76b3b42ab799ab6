#!/usr/bin/env bash
# Regenerates the template from po/POTFILES.in and merges it into po/vi.po, keeping every
# translation and marking nothing fuzzy. Translate what msgattrib --untranslated lists.
set -euo pipefail
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
xgettext --package-name=ocop -o "$pot" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  -f po/POTFILES.in
msgmerge --quiet --no-fuzzy-matching --update --backup=none po/vi.po "$pot"
msgattrib --no-obsolete -o po/vi.po po/vi.po
rm -f "$pot"
msgattrib --untranslated po/vi.po | grep -c '^msgid ' || true
