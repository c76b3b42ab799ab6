#!/usr/bin/env python3
"""Fills untranslated messages of po/vi.po from a TSV file: context<TAB>msgid<TAB>msgstr,
with C escapes (\\n) as in the .po file; an empty context means none. Only empty
msgstr are filled. Usage: fill-po.py TSV"""
import re
import sys

pairs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    ctx, mid, mstr = line.split("\t")
    pairs[(ctx, mid)] = mstr

path = "po/vi.po"
blocks = open(path, encoding="utf-8").read().split("\n\n")
n = 0
for i, b in enumerate(blocks):
    ctx = re.search(r'^msgctxt "(.*)"$', b, re.M)
    mid = re.search(r'^msgid "(.*)"$', b, re.M)
    if not mid:
        continue
    key = (ctx.group(1) if ctx else "", mid.group(1))
    if key not in pairs:
        continue
    value = pairs[key]
    if re.search(r'^msgstr\[0\] ""$', b, re.M):
        b = re.sub(r'^msgstr\[0\] ""$', lambda m: 'msgstr[0] "%s"' % value, b, flags=re.M)
    elif re.search(r'^msgstr ""$\Z', b, re.M | re.S) or re.search(r'^msgstr ""\s*$', b, re.M):
        b = re.sub(r'^msgstr ""\s*$', lambda m: 'msgstr "%s"' % value, b, count=1, flags=re.M)
    else:
        continue
    blocks[i] = b
    n += 1
open(path, "w", encoding="utf-8").write("\n\n".join(blocks))
print(f"filled {n}")
