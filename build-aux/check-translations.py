#!/usr/bin/env python3
"""Fail when the Vietnamese translation is not complete.

1. Every source file with translatable strings is listed in po/POTFILES.in (found by
   scanning src/, data/ and the desktop file), and every listed file exists.
2. A fresh template extracted from exactly those files (xgettext, the keywords of
   meson's 'glib' preset) merged into po/vi.po leaves no untranslated and no fuzzy
   message: so a new string in the code that nobody translated fails here, even if
   nobody regenerated the template.
3. po/vi.po itself compiles with msgfmt --check.

Usage: check-translations.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

MARKERS_C = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(')
MARKER_UI = re.compile(r'translatable\s*=\s*"(yes|true|1)"')

XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format", "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def scan(root):
    found = set()
    for top in ("src", "data"):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith(".c"):
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                    # Only count markers outside comments.
                    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                    text = re.sub(r"//[^\n]*", "", text)
                    if MARKERS_C.search(text):
                        found.add(rel)
                elif name.endswith(".ui"):
                    with open(path, encoding="utf-8") as f:
                        if MARKER_UI.search(f.read()):
                            found.add(rel)
                elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                    found.add(rel)
    for name in os.listdir(root):
        if name.endswith(".desktop") or name.endswith(".desktop.in"):
            found.add(name)
    return found


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []

    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted")
    for rel in listed:
        if not os.path.exists(os.path.join(root, rel)):
            problems.append(f"po/POTFILES.in lists {rel}, which does not exist")
    for rel in sorted(scan(root) - set(listed)):
        problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "ocop.pot")
        merged = os.path.join(tmp, "vi.po")
        files = [rel for rel in listed if os.path.exists(os.path.join(root, rel))]
        cmd = ["xgettext", "--package-name=ocop", "-o", pot, "--directory", root] + XGETTEXT_ARGS + files
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr)
            problems.append("xgettext failed")
        else:
            r = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                                os.path.join(root, "po", "vi.po"), pot],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stderr)
                problems.append("msgmerge failed")
            else:
                r = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                   capture_output=True, text=True)
                untranslated = [m for m in re.findall(r'^msgid "(.*)"$', r.stdout, re.M) if m]
                r = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged],
                                   capture_output=True, text=True)
                fuzzy = [m for m in re.findall(r'^msgid "(.*)"$', r.stdout, re.M) if m]
                for m in untranslated:
                    problems.append(f"untranslated in po/vi.po: \"{m}\"")
                for m in fuzzy:
                    problems.append(f"fuzzy in po/vi.po: \"{m}\"")

    r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, os.path.join(root, "po", "vi.po")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        problems.append("msgfmt --check po/vi.po failed: " + r.stderr.strip())

    if problems:
        for p in problems:
            print("FAIL:", p)
        print(f"{len(problems)} problem(s) with the Vietnamese translation")
        sys.exit(1)
    print(f"po/vi.po is complete for {len(listed)} source files")


if __name__ == "__main__":
    main()
