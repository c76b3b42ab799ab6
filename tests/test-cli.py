#!/usr/bin/env python3
"""A whole council meeting through ocop-cli, from CSV files to the results table,
checked against the results a secretary would compute by hand from the same files.

The expected results are not written down anywhere: they are computed here from
tests/data/meeting/*.csv and the criteria file, by the rules of QĐ 1048 (mean of the
totals of the members who score, stars from the unrounded mean, spread of at most 10
points, knock-out, the province's authority of 3 and 4 stars).

Usage: test-cli.py OCOP_CLI SOURCE_ROOT    (TAP output)
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

CLI, ROOT = sys.argv[1], sys.argv[2]
DATA = os.path.join(ROOT, "tests", "data", "meeting")
CRITERIA = os.path.join(ROOT, "data", "criteria", "qd-1048-2019.json")

results = []


def ok(cond, name, detail=""):
    results.append(cond)
    print(("ok" if cond else "not ok") + " %d - %s" % (len(results), name))
    if not cond and detail:
        for line in str(detail).splitlines():
            print("# " + line)


def run(db, *args, env=None, expect=0):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([CLI, "-d", db] + list(args), capture_output=True, text=True, env=e)
    if expect is not None and p.returncode != expect:
        print("# %s exited %d: %s" % (" ".join(args), p.returncode, p.stderr))
    return p


def expected_results():
    """What a secretary computes from the sheets: per product, each member's total."""
    data = json.load(open(CRITERIA, encoding="utf-8"))
    points = {}
    for sheet in data["sheets"]:
        def walk(c):
            if c.get("children"):
                for k in c["children"]:
                    walk(k)
            else:
                points[(sheet["code"], c["code"])] = [o["points"] for o in c["options"]]
        for part in sheet["parts"]:
            for section in part["sections"]:
                for c in section["criteria"]:
                    walk(c)
    product_set = {}
    with open(os.path.join(DATA, "products.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            product_set[row["Mã sản phẩm"]] = row["Bộ sản phẩm"]
    totals, knocked = {}, set()
    with open(os.path.join(DATA, "sheets.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["Sản phẩm"], row["Thành viên"])
            if row["Tiêu chí"] == "Bị loại":
                knocked.add(row["Sản phẩm"])
                continue
            p = points[(product_set[row["Sản phẩm"]], row["Tiêu chí"])][int(row["Lựa chọn"]) - 1]
            totals[key] = totals.get(key, 0) + p
    out = {}
    for code in product_set:
        t = [v for (c, _m), v in totals.items() if c == code]
        mean = sum(t) / len(t)
        stars = 5 if mean >= 90 else 4 if mean >= 70 else 3 if mean >= 50 else 2 if mean >= 30 else 1
        spread = max(t) - min(t)
        if code in knocked:
            outcome = "not-passed"
        elif spread > 10:
            outcome = "rescore"
        elif stars < 3:
            outcome = "not-passed"
        elif stars == 5:
            outcome = "proposed"       # a province recognises 3 and 4 stars under 1048
        else:
            outcome = "recognised"
        out[code] = dict(score=mean, stars=stars, spread=spread, n=len(t), outcome=outcome)
    return out


def main():
    with tempfile.TemporaryDirectory(prefix="ocop-test-cli-") as tmp:
        run_all(os.path.join(tmp, "ocop.db"))


def run_all(db):

    p = run(db, "init")
    ok(p.returncode == 0 and "1" in p.stdout, "init imports the bundled criteria set", p.stdout + p.stderr)

    # A bad register file: rejected whole, with its line and column named.
    p = run(db, "import-products", os.path.join(DATA, "products-bad.csv"), expect=1)
    ok(p.returncode == 1, "a register file with a bad row is refused")
    ok("line 4" in p.stderr and "Bộ sản phẩm" in p.stderr and "siêu ngon" in p.stderr,
       "the error names the file's line, column and value", p.stderr)
    p = run(db, "products")
    ok(len(p.stdout.strip().splitlines()) == 2, "nothing of the bad file was imported", p.stdout)

    p = run(db, "import-products", os.path.join(DATA, "products.csv"))
    ok(p.returncode == 0 and "10" in p.stdout, "the register file is imported", p.stdout + p.stderr)
    p = run(db, "products", "banh chung")
    ok("Bánh chưng Tranh Khúc" in p.stdout and "Chè" not in p.stdout,
       "search ignores diacritics", p.stdout)

    p = run(db, "create-council", "--name", "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh",
            "--level", "province", "--regime", "1048", "--members", os.path.join(DATA, "members.csv"))
    council = p.stdout.strip()
    ok(p.returncode == 0 and council.isdigit(), "a council with its members is created", p.stderr)

    products = []
    with open(os.path.join(DATA, "products.csv"), encoding="utf-8") as f:
        products = [row["Mã sản phẩm"] for row in csv.DictReader(f)]
    args = ["create-meeting", "--council", council, "--date", "12/11/2022", "--place", "Hội trường UBND tỉnh"]
    for code in products:
        args += ["--product", code]
    p = run(db, *args)
    meeting = p.stdout.strip()
    ok(p.returncode == 0 and meeting.isdigit(), "a meeting with a 10-product agenda is created", p.stderr)

    p = run(db, "attendance", "--meeting", meeting)
    ok("6" in p.stdout and p.returncode == 0, "the quorum counts the council's 6 members", p.stdout)

    p = run(db, "conflict", "--meeting", meeting, "--member", "Hoàng Văn Em", "--product", "20-180-3-2022",
            "--reason", "Người thân của chủ thể")
    ok(p.returncode == 0, "a conflict of interest is declared", p.stderr)

    p = run(db, "import-sheets", "--meeting", meeting, os.path.join(DATA, "sheets.csv"))
    ok(p.returncode == 0 and "49" in p.stdout, "49 member sheets are imported and submitted", p.stdout + p.stderr)

    p = run(db, "results", "--meeting", meeting, "--format", "json")
    got = {r["code"]: r for r in json.loads(p.stdout)} if p.returncode == 0 else {}
    want = expected_results()
    for code, w in want.items():
        g = got.get(code, {})
        same = (g.get("score") is not None and abs(g["score"] - w["score"]) < 1e-9 and g["stars"] == w["stars"]
                and g["outcome"] == w["outcome"] and g["sheets_counted"] == w["n"]
                and abs(g["spread"] - w["spread"]) < 1e-9)
        ok(same, "%s: %.2f, %d stars, %s, as computed by hand" % (code, w["score"], w["stars"], w["outcome"]),
           "got %r\nwant %r" % (g, w))
    ok(set(got) == set(want), "every product on the agenda has a result")

    p = run(db, "results", "--meeting", meeting)
    ok("★★★★★" in p.stdout and "Chè đinh Tân Cương" in p.stdout, "the table draws the stars", p.stdout)

    p = run(db, "finalise", "--meeting", meeting, expect=1)
    ok(p.returncode == 1 and "Mứt gừng Đức Thọ" in p.stderr,
       "a meeting with a spread above 10 cannot be finalised, and says which product", p.stderr)

    p = run(db, "rescore", "--meeting", meeting, "--product", "20-180-8-2022")
    ok(p.returncode == 0 and "2" in p.stdout, "a second scoring round is opened", p.stdout + p.stderr)
    p = run(db, "import-sheets", "--meeting", meeting, os.path.join(DATA, "sheets-round2.csv"))
    ok(p.returncode == 0, "the round-2 sheets are imported", p.stderr)
    p = run(db, "results", "--meeting", meeting, "--format", "json")
    r8 = [r for r in json.loads(p.stdout) if r["code"] == "20-180-8-2022"][0]
    ok(r8["round"] == 2 and r8["outcome"] == "recognised" and r8["spread"] <= 10,
       "round 2 decides the product's result", r8)

    p = run(db, "finalise", "--meeting", meeting)
    ok(p.returncode == 0, "the meeting is finalised", p.stderr)
    before = run(db, "results", "--meeting", meeting, "--format", "csv").stdout
    p = run(db, "import-sheets", "--meeting", meeting, os.path.join(DATA, "sheets-round2.csv"), expect=1)
    ok(p.returncode == 1 and "finalised" in p.stderr, "a finalised meeting refuses new sheets", p.stderr)
    after = run(db, "results", "--meeting", meeting, "--format", "csv").stdout
    ok(before == after and before.count("\n") == 11, "and its results are unchanged", after)

    # Help in Vietnamese, without a generated vi_VN locale.
    p = subprocess.run([CLI, "--help"], capture_output=True, text=True,
                       env=dict(os.environ, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL=""))
    ok("Lệnh" in p.stdout and "Nhập" in p.stdout, "ocop-cli --help is in Vietnamese under LANGUAGE=vi", p.stdout)



if __name__ == "__main__":
    main()
    print("1..%d" % len(results))
    sys.exit(0 if all(results) else 1)
