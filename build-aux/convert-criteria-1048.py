#!/usr/bin/env python3
# convert-criteria-1048.py
#
# Copyright 2026 The OCOP Council authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert criteria-1048.json (the reconciled QĐ 1048 sheets) to our "ocop-criteria/1" format.

Usage: convert-criteria-1048.py SOURCE.json [OUTPUT.json]

OUTPUT defaults to data/criteria/qd-1048-2019.json next to this script. The main data of the
source (the 1048 original, with its editorial corrections) is kept; the QĐ 781 amendment of
sheet 26 is recorded in the source but not applied here either. Fields that only document the
source (source_max, source_points, source_code, source_name, source_title, declared_max,
editorial, toc_name, amendment, rule "from") are dropped; see the source for them.
The format is documented in data/criteria/README.md. Python 3 standard library only.
"""
import hashlib
import json
import os
import sys
import unicodedata

PART_TITLES = {
    "A": "Sản phẩm và sức mạnh cộng đồng",
    "B": "Khả năng tiếp thị",
    "C": "Chất lượng sản phẩm",
}

# QĐ 1048/QĐ-TTg, Điều 1 khoản 2.
BANDS = [
    (1, 0, "sản phẩm khởi điểm tham gia Chương trình OCOP"),
    (2, 30, "sản phẩm chưa đạt tiêu chuẩn, có thể nâng lên 3 sao"),
    (3, 50, "sản phẩm cấp tỉnh, đạt tiêu chuẩn, có thể nâng cấp lên 4 sao"),
    (4, 70, "sản phẩm cấp tỉnh, có thể nâng cấp lên 5 sao"),
    (5, 90, "sản phẩm cấp quốc gia, có thể xuất khẩu"),
]

STORY_RULE = "applies_if_story"


def fail(msg):
    sys.stderr.write(f"convert-criteria-1048: {msg}\n")
    sys.exit(1)


def nfc(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [nfc(v) for v in obj]
    if isinstance(obj, dict):
        return {k: nfc(v) for k, v in obj.items()}
    return obj


def has_rule(crit, kind):
    return any(r.get("kind") == kind for r in crit.get("rules", []))


def convert_rules(rules):
    out = []
    for r in rules:
        rule = {"kind": r["kind"], "text": r["text"]}
        if r.get("scope"):
            rule["scope"] = list(r["scope"])
        out.append(rule)
    return out


def convert_criterion(c, story_code, where):
    out = {
        "code": c["code"],
        "name": c["name"],
        "max": c["max"],
        "notes": list(c.get("notes", [])),
        "rules": convert_rules(c.get("rules", [])),
    }
    children = c.get("children", [])
    if children:
        out["children"] = [convert_criterion(k, story_code, where) for k in children]
        out["aggregation"] = c["aggregation"]
    else:
        out["options"] = [{"label": o["label"], "points": o["points"]} for o in c["options"]]
    if has_rule(c, STORY_RULE):
        if story_code is None:
            fail(f"{where}, criterion {c['code']}: no story criterion in its section")
        out["applies_if"] = story_code
    return out


def convert_section(sec, where):
    # The story criterion: the first criterion of the section without an applies_if_story rule.
    story_code = next((c["code"] for c in sec["criteria"] if not has_rule(c, STORY_RULE)), None)
    return {
        "code": sec["code"],
        "title": sec["title"],
        "max": sec["max"],
        "notes": list(sec.get("notes", [])),
        "criteria": [convert_criterion(c, story_code, where) for c in sec["criteria"]],
    }


def convert_sheet(sh):
    code = f"{sh['no']:02d}"
    where = f"sheet {code}"
    return {
        "code": code,
        "name": sh["name"],
        "industry": sh["industry"],
        "group": sh["group"],
        "exclusion": sh.get("exclusion"),
        "notes": list(sh.get("notes", [])),
        "parts": [
            {
                "code": p["part"],
                "title": p["title"],
                "max": p["max"],
                "notes": list(p.get("notes", [])),
                "rules": convert_rules(p.get("rules", [])),
                "sections": [convert_section(s, where) for s in p["sections"]],
            }
            for p in sh["parts"]
        ],
    }


def main(argv):
    if len(argv) < 2 or len(argv) > 3:
        fail("usage: convert-criteria-1048.py SOURCE.json [OUTPUT.json]")
    src_path = argv[1]
    if len(argv) == 3:
        out_path = argv[2]
    else:
        here = os.path.dirname(os.path.abspath(__file__))
        out_path = os.path.join(here, os.pardir, "data", "criteria", "qd-1048-2019.json")

    with open(src_path, "rb") as f:
        raw = f.read()
    sha256 = hashlib.sha256(raw).hexdigest()
    src = json.loads(raw.decode("utf-8"))
    cs = src["criteria_set"]
    parts = cs["parts"]
    if list(parts) != ["A", "B", "C"]:
        fail(f"unexpected parts {list(parts)}")

    out = {
        "format": "ocop-criteria/1",
        "code": "qd-1048-2019",
        "legal_basis": "QĐ 1048/QĐ-TTg",
        "title": cs["title"],
        "version": "2019-08-21",
        "effective_from": "2019-08-21",
        "effective_to": "2023-02-24",
        "total_max": 100,
        "spread_limit": 10,
        "recognised_min_stars": 3,
        "notes": [
            "Converted by build-aux/convert-criteria-1048.py from criteria-1048.json, the 26 sheets of "
            "Phụ lục III of QĐ 1048/QĐ-TTg (21/8/2019) reconciled against an independent SQL "
            "digitisation; its README and discrepancy records explain every correction.",
            "The main data is the 1048 original. The amendment by QĐ 781/QĐ-TTg (08/6/2020), which "
            "replaces sheet 26 by “Dịch vụ du lịch cộng đồng và điểm du lịch”, is NOT applied.",
            "The source's corrections are kept, including the two editorial ones no source supports: "
            "sheet 19 criterion C 10 (top option 3 → 5) and sheet 26 criterion A 2.2 (3 → 4).",
            "Superseded by QĐ 148/QĐ-TTg (24/02/2023).",
        ],
        "source": {
            "file": os.path.basename(src_path),
            "sha256": sha256,
            "legal_basis": cs["legal_basis"],
            "date": cs["date"],
        },
        "bands": [{"stars": s, "min": m, "description": d} for s, m, d in BANDS],
        "parts": [{"code": k, "title": PART_TITLES[k], "max": parts[k]} for k in parts],
        "sheets": [convert_sheet(sh) for sh in src["sheets"]],
    }
    out = nfc(out)

    codes = [s["code"] for s in out["sheets"]]
    if codes != [f"{i:02d}" for i in range(1, 27)]:
        fail(f"sheet codes are {codes}, expected 01..26")

    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, out_path)
    print(f"wrote {out_path}: {len(out['sheets'])} sheets")


if __name__ == "__main__":
    main(sys.argv)
