#!/usr/bin/env python3
"""Writes the built-in reports' sample files (invented, plausible figures;
unit names of Gia Lai province after 7/2025) and prints the figures an
independent computation (Python's Decimal) gives, for the golden tests.

    python3 tools/make-samples.py   # rewrites assets/de-an-06-*.csv, assets/chi-so-766-*.csv
"""
import random
from decimal import Decimal, ROUND_HALF_UP

random.seed(20261127)
COMMUNES = [
    "Phường Quy Nhơn", "Phường Quy Nhơn Đông", "Phường Quy Nhơn Tây", "Phường Quy Nhơn Nam",
    "Phường Quy Nhơn Bắc", "Phường Pleiku", "Phường Hội Phú", "Phường Thống Nhất",
    "Phường Diên Hồng", "Phường An Phú", "Phường An Khê", "Phường An Bình", "Phường Ayun Pa",
    "Phường Hoài Nhơn", "Phường Tam Quan", "Phường Bồng Sơn", "Phường Bình Định",
    "Phường An Nhơn", "Xã Ia Grai", "Xã Ia Hrung", "Xã Ia Krái", "Xã Chư Păh", "Xã Ia Ly",
    "Xã Đak Đoa", "Xã Kon Gang", "Xã Ia Băng", "Xã KDang", "Xã Chư Sê", "Xã Chư Prông",
    "Xã Đức Cơ", "Xã Kông Chro", "Xã Mang Yang", "Xã Kbang", "Xã Phú Thiện", "Xã Krông Pa",
    "Xã Ia Pa", "Xã Đak Pơ", "Xã Chư Pưh", "Xã Tuy Phước", "Xã Vân Canh", "Xã Phù Cát",
    "Xã Phù Mỹ", "Xã Tây Sơn", "Xã Vĩnh Thạnh", "Xã An Lão", "Xã Hoài Ân", "Xã Ia Dom",
]


def vn(n):
    return f"{n:,}".replace(",", ".")


def pct(a, b, d=1):
    q = Decimal(a) * 100 / Decimal(b)
    return q.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def de_an_06():
    rows = []
    for i, name in enumerate(COMMUNES):
        residents = random.randint(60, 420) * 100 + random.randint(0, 99)
        target = int(residents * random.uniform(0.5, 0.7))
        if name == "Xã Ia Dom":
            residents, target, accounts = 5908, 2068, 109
        elif i % 9 == 4:
            accounts = target + random.randint(0, 900)  # done
        elif i % 13 == 7:
            accounts = int(target * random.uniform(0.06, 0.095))
        else:
            accounts = int(target * random.uniform(0.3, 0.98))
        change = random.randint(0, 400)
        rows.append((name, residents, target, accounts, change))
    rows[-3] = (rows[-3][0], rows[-3][1], rows[-3][2], None, None)  # not reported yet
    out = [
        "BẢNG TỔNG HỢP KẾT QUẢ KÍCH HOẠT TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ MỨC 2,,,,,,",
        "(Số liệu tính đến ngày 27/11/2026),,,,,,",
        "STT,Đơn vị,Công dân thường trú,Chỉ tiêu giao,Tài khoản VNeID mức 2,,Tăng so với tuần trước",
        ",,,,Số lượng,Tỷ lệ so với chỉ tiêu (%),",
    ]
    for i, (n, r, t, a, c) in enumerate(rows, 1):
        if a is None:
            out.append(f'{i},{n},"{vn(r)}","{vn(t)}",,,')
        else:
            out.append(f'{i},{n},"{vn(r)}","{vn(t)}","{vn(a)}","{str(pct(a, t)).replace(".", ",")}",{c}')
    R = sum(r[1] for r in rows); T = sum(r[2] for r in rows)
    rows_r = [r for r in rows if r[3] is not None]
    A = sum(r[3] for r in rows_r)
    C = sum(r[4] for r in rows_r)
    out.append(f',Tổng cộng,"{vn(R)}","{vn(T)}","{vn(A)}","{str(pct(A, T)).replace(".", ",")}",{C}')
    open("assets/de-an-06-gia-lai-2026-11-27.csv", "w", encoding="utf-8").write("\r\n".join(out) + "\r\n")
    done = [r for r in rows_r if r[3] >= r[2]]
    low = min(rows_r, key=lambda r: Decimal(r[3]) / Decimal(r[2]))
    below10 = [r[0] for r in rows_r if Decimal(r[3]) * 100 < Decimal(r[2]) * 10]
    below50 = [r[0] for r in rows_r if Decimal(r[3]) * 100 < Decimal(r[2]) * 50]
    print("de-an-06: units", len(rows), "residents", vn(R), "target", vn(T), "accounts", vn(A),
          "change", vn(C), "acc/res", pct(A, R), "acc/target", pct(A, T))
    print("  complete", len(done), "of", len(rows_r), "lowest", low, pct(low[3], low[2]), "below10", below10,
          "below50", len(below50), "missing", [r[0] for r in rows if r[3] is None])


UNITS_766 = [
    ("Sở, ban, ngành", ["Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng",
                        "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
                        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
                        "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh",
                        "Ban Quản lý Khu kinh tế tỉnh", "Công an tỉnh", "Bảo hiểm xã hội tỉnh"]),
    ("UBND cấp xã", [c.replace("Phường ", "UBND phường ").replace("Xã ", "UBND xã ") for c in COMMUNES[:20]]),
]
MAX = [18, 20, 12, 10, 18, 22]


def chi_so_766():
    out = [
        '"KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 11/2026",,,,,,,,,',
        "STT,Khối,Tên cơ quan, đơn vị,Kỳ báo cáo,Công khai, minh bạch (18 điểm),Tiến độ giải quyết (20 điểm),"
        "Dịch vụ công trực tuyến (12 điểm),Thanh toán trực tuyến (10 điểm),Mức độ hài lòng (18 điểm),"
        "Số hóa hồ sơ (22 điểm)",
    ]
    # The unit name holds a comma: the header row is written with quotes.
    out[1] = ('STT,Khối,"Tên cơ quan, đơn vị",Kỳ báo cáo,"Công khai, minh bạch (18 điểm)",'
              '"Tiến độ giải quyết (20 điểm)","Dịch vụ công trực tuyến (12 điểm)",'
              '"Thanh toán trực tuyến (10 điểm)","Mức độ hài lòng (18 điểm)","Số hóa hồ sơ (22 điểm)"')
    data = {}
    n = 0
    for date in ["31/10/2026", "30/11/2026"]:
        for group, names in UNITS_766:
            for name in names:
                lo = 0.86 if group.startswith("Sở") else 0.6
                if name == "Sở Công Thương" and date == "30/11/2026":
                    lo = 0.985
                sc = [Decimal(random.uniform(max(lo, 0.5), 1.0) * m).quantize(Decimal("0.01")) for m in MAX]
                n += 1
                data[(date, name)] = (group, sc)
                out.append(f"{n},\"{group}\",\"{name}\",{date}," + ",".join(f'"{str(s).replace(".", ",")}"' for s in sc))
    open("assets/chi-so-766-gia-lai-2026-11.csv", "w", encoding="utf-8").write("\r\n".join(out) + "\r\n")
    cur = {k[1]: v for k, v in data.items() if k[0] == "30/11/2026"}
    tot = {k: sum(v[1]) for k, v in cur.items()}
    mean = (sum(tot.values()) / len(tot)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    bands = [("xuất sắc", 90, None), ("tốt", 80, 90), ("khá", 70, 80), ("trung bình", 50, 70), ("yếu", 0, 50)]
    counts = {b[0]: sum(1 for t in tot.values() if t >= b[1] and (b[2] is None or t < b[2])) for b in bands}
    hi = max(tot, key=lambda k: tot[k]); lo = min(tot, key=lambda k: tot[k])
    print("766: units", len(tot), "mean total", mean, "bands", counts, "max", hi, tot[hi], "min", lo, tot[lo])


de_an_06()
chi_so_766()
