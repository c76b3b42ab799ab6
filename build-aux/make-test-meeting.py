#!/usr/bin/env python3
"""Writes the CSV files of a whole council meeting (tests/data/meeting/) used by
tests/test-cli.py and the README's example: 10 products, a council of 7 (5 who score,
a secretary who does not, an advisory team member), and the members' score sheets.

The sheets are made so that a person can check the results by hand: every member
answers every criterion (one case of each choose-one group, a story on every product,
no zero in a stop rule's scope), so a member's total is the plain sum of the points
of the options ticked. Deterministic: the same files every run.

Usage: make-test-meeting.py CRITERIA_JSON OUT_DIR
"""
import csv
import json
import os
import random
import sys

PRODUCTS = [
    # code, name, set, producer, subject type, commune, district, province, evaluation, level
    ("20-180-1-2022", "Chè đinh Tân Cương", "12", "HTX Chè Tân Cương", "Hợp tác xã", "Tân Cương", "TP Thái Nguyên", "Thái Nguyên", "Mới", 1.0),
    ("20-180-2-2022", "Bánh chưng Tranh Khúc", "06", "HTX Bánh chưng Tranh Khúc", "Hợp tác xã", "Duyên Hà", "Thanh Trì", "Hà Nội", "Mới", 0.80),
    ("20-180-3-2022", "Mật ong hoa nhãn Đồng Tháp", "04", "Công ty TNHH Mật ong Bảo Ngọc", "Doanh nghiệp", "Tân Thuận", "Cao Lãnh", "Đồng Tháp", "Nâng hạng", 0.74),
    ("20-180-4-2022", "Nước mắm Cửa Khe", "10", "Hộ kinh doanh Đặng Thị Đào", "Hộ kinh doanh", "Bình Dương", "Thăng Bình", "Quảng Nam", "Mới", 0.62),
    ("20-180-5-2022", "Rượu làng Vân", "15", "Tổ hợp tác Rượu Vân Hà", "Tổ hợp tác", "Vân Hà", "Việt Yên", "Bắc Giang", "Mới", 0.55),
    ("20-180-6-2022", "Cà phê Cầu Đất", "14", "HTX Cà phê Cầu Đất", "Hợp tác xã", "Xuân Trường", "Đà Lạt", "Lâm Đồng", "Đánh giá lại", 0.86),
    ("20-180-7-2022", "Dưa lưới Ánh Dương", "01", "Hộ kinh doanh Nguyễn Văn Út", "Hộ kinh doanh", "Phước Vĩnh An", "Củ Chi", "TP Hồ Chí Minh", "Mới", 0.35),
    ("20-180-8-2022", "Mứt gừng Đức Thọ", "07", "Công ty TNHH Đức Thọ Xanh", "Doanh nghiệp", "Đức Lâm", "Đức Thọ", "Hà Tĩnh", "Mới", 0.68),
    ("20-180-9-2022", "Gốm Bát Tràng men lam", "23", "HTX Gốm Bát Tràng", "Hợp tác xã", "Bát Tràng", "Gia Lâm", "Hà Nội", "Nâng hạng", 0.78),
    ("20-180-10-2022", "Lụa tơ tằm Vạn Phúc", "25", "HTX Lụa Vạn Phúc", "Hợp tác xã", "Vạn Phúc", "Hà Đông", "Hà Nội", "Mới", 0.72),
]

MEMBERS = [
    ("Nguyễn Văn An", "Chủ tịch Hội đồng", "Phó Chủ tịch UBND tỉnh"),
    ("Trần Thị Bình", "Phó Chủ tịch Hội đồng", "Giám đốc Sở Nông nghiệp và Môi trường"),
    ("Lê Văn Cường", "Ủy viên", "Phó Giám đốc Sở Công Thương"),
    ("Phạm Thị Dung", "Ủy viên", "Phó Giám đốc Sở Khoa học và Công nghệ"),
    ("Hoàng Văn Em", "Ủy viên", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Đỗ Thị Giang", "Thư ký", "Chánh Văn phòng Điều phối nông thôn mới"),
    ("Vũ Văn Hải", "Tổ tư vấn", "Chuyên gia OCOP"),
]
SCORERS = MEMBERS[:5]

# The member with a declared conflict of interest for one product (no sheet).
CONFLICT = ("Hoàng Văn Em", "20-180-3-2022")
# The product whose members disagree by more than 10 points (round 1).
SPREAD = "20-180-8-2022"
# The product that one member knocks out.
KNOCKOUT = ("Lê Văn Cường", "20-180-9-2022")


def leaves(crit):
    if crit.get("children"):
        if crit.get("aggregation") == "max":
            return leaves(crit.get("children", [])[0])      # answer the first case only
        out = []
        for c in crit.get("children", []):
            out += leaves(c)
        return out
    return [crit]


def sheet_leaves(sheet):
    out = []
    for part in sheet["parts"]:
        for section in part["sections"]:
            for crit in section["criteria"]:
                out += leaves(crit)
    return out


def stop_scope(sheet):
    codes = set()
    for part in sheet["parts"]:
        for section in part["sections"]:
            for crit in section["criteria"]:
                for l in [crit] + crit.get("children", []):
                    for r in l.get("rules", []):
                        if r["kind"] == "stop_if_zero":
                            codes.update(r.get("scope") or [l["code"]])
    return codes


def pick(crit, level, rng, no_zero):
    options = crit["options"]
    top = max(o["points"] for o in options)
    target = level * top + rng.uniform(-0.25, 0.25) * top
    best = min(range(len(options)), key=lambda i: abs(options[i]["points"] - target))
    if no_zero and options[best]["points"] == 0:
        best = max(range(len(options)), key=lambda i: (options[i]["points"] > 0, -options[i]["points"]))
    return best


def main():
    criteria, out = sys.argv[1], sys.argv[2]
    data = json.load(open(criteria, encoding="utf-8"))
    sheets = {s["code"]: s for s in data["sheets"]}
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(out, "products.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Mã sản phẩm", "Tên sản phẩm", "Bộ sản phẩm", "Chủ thể", "Loại hình", "Xã", "Huyện", "Tỉnh", "Loại đánh giá", "Năm"])
        for p in PRODUCTS:
            w.writerow([p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], "2022"])

    with open(os.path.join(out, "members.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Họ và tên", "Vai trò", "Chức vụ, đơn vị"])
        for m in MEMBERS:
            w.writerow(m)

    rng = random.Random(20241112)
    rng2 = random.Random(20241113)
    rows = []
    round2 = []
    for p in PRODUCTS:
        sheet = sheets[p[2]]
        scope = stop_scope(sheet)
        for i, m in enumerate(SCORERS):
            if (m[0], p[0]) == CONFLICT:
                continue
            level = p[9]
            if p[0] == SPREAD:
                level += (-0.12, 0.10, 0.0, 0.05, -0.03)[i]
            for crit in sheet_leaves(sheet):
                story = crit["code"] == "5.1"
                o = pick(crit, level, rng, no_zero=story or crit["code"] in scope)
                rows.append([m[0], p[0], crit["code"], o + 1, crit["options"][o]["points"]])
            if (m[0], p[0]) == KNOCKOUT:
                rows.append([m[0], p[0], "Bị loại", "Có", ""])
            if p[0] == SPREAD:
                for crit in sheet_leaves(sheet):
                    o = pick(crit, p[9], rng2, no_zero=crit["code"] == "5.1" or crit["code"] in scope)
                    round2.append([m[0], p[0], crit["code"], o + 1, crit["options"][o]["points"]])

    header = ["Thành viên", "Sản phẩm", "Tiêu chí", "Lựa chọn", "Điểm"]
    for name, data_rows in (("sheets.csv", rows), ("sheets-round2.csv", round2)):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for r in data_rows:
                w.writerow([str(x) if not isinstance(x, float) else ("%g" % x) for x in r])

    # A register file with one bad row, to show that nothing is imported then.
    with open(os.path.join(out, "products-bad.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Mã sản phẩm", "Tên sản phẩm", "Bộ sản phẩm", "Chủ thể", "Loại hình", "Xã", "Huyện", "Tỉnh", "Loại đánh giá", "Năm"])
        w.writerow(["31-300-1-2022", "Bánh đa Kế", "06", "HTX Bánh đa Kế", "Hợp tác xã", "Dĩnh Kế", "TP Bắc Giang", "Bắc Giang", "Mới", "2022"])
        w.writerow(["31-300-2-2022", "Vải thiều Lục Ngạn", "01", "HTX Vải Lục Ngạn", "Hợp tác xã", "Phượng Sơn", "Lục Ngạn", "Bắc Giang", "Mới", "2022"])
        w.writerow(["31-300-3-2022", "Mì Chũ", "siêu ngon", "HTX Mì Chũ", "Hợp tác xã", "Chũ", "Lục Ngạn", "Bắc Giang", "Mới", "2022"])


if __name__ == "__main__":
    main()
