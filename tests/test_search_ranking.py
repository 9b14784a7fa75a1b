"""Search ranking over the seeds: queries a user would type, with where they should land.

Written from reading the seeds, not from the engine's output. Each case names the report file
and the section: an int is the section number (numbered highlights), "i<k>" the section index
(reports without numbered items: 002, 003), "title" the report-title hit. Several acceptable
answers may be listed. Top-1 must reach 90% and top-5 100%; misses are printed.
"""

from __future__ import annotations

import pytest

from reportview.core.search import SearchHit, SearchIndex

R0 = "000_30228f7ad0dec25a.txt"  # Bắc Ninh city, 10 events of 2021 (numbered 1-10)
R1 = "001_7f142ac89515c70a.txt"  # Chí Linh, 10 highlights of 2021 (numbered, upper-case titles)
R2 = "002_322a7764496ab3ab.txt"  # Bắc Kạn party committee, term 2015-2020 (paragraphs)
R3 = "003_6cb91335f132fbee.txt"  # Bắc Kạn city, a year of efforts (paragraphs)
R4 = "004_45d06d420660bbe4.txt"  # Bắc Ninh province, Q1 2021 socio-economic report (items 11-15)

CASES: list[tuple[str, list[tuple[str, int | str]]]] = [
    # Body words, figure context, acronyms.
    ("GRDP", [(R0, 6)]),
    ("cu tri di bau", [(R0, 2), (R1, 1)]),
    ("cử tri đi bầu", [(R0, 2), (R1, 1)]),
    ("zalo công vụ", [(R0, 10)]),
    ("Nghị quyết 25-NQ/TU", [(R0, 5)]),
    ("năng suất lúa vụ xuân", [(R0, 6)]),
    ("phong toa", [(R1, 3)]),
    ("13.416 tỷ", [(R1, 4)]),
    ("Cù Ngọc Cường", [(R2, "i3")]),
    ("54/58 chỉ tiêu", [(R2, "i4")]),
    ("doan ket dan chu ky cuong", [(R2, "i9")]),
    ("4.284 đảng viên", [(R2, "i0")]),
    ("cai cach hanh chinh", [(R2, "i7")]),
    ("OCOP mỗi xã phường một sản phẩm", [(R3, "i5")]),
    ("rau cong nghe cao", [(R3, "i2")]),
    ("chợ siêu thị", [(R3, "i3")]),
    ("camera phat nguoi", [(R4, 11)]),
    ("nhắn tin", [(R4, 11)]),
    ("an toan giao thong", [(R4, 15)]),
    # Section titles, accented and not.
    ("làng nghề Phong Khê", [(R0, 7)]),
    ("lang nghe phong khe", [(R0, 7)]),
    ("hoc sinh gioi", [(R0, 8)]),
    ("chuyển đổi số", [(R1, 7)]),
    ("trung tam dieu hanh do thi thong minh", [(R1, 7)]),
    ("truong thon", [(R1, 5)]),
    ("đơn thư khiếu nại", [(R1, 10)]),
    ("luc luong vu trang", [(R1, 8)]),
    ("quy hoạch chung thành phố", [(R1, 6)]),
    ("khoa hoc cong nghe", [(R4, 12)]),
    ("tài nguyên môi trường", [(R4, 13)]),
    ("tham nhung", [(R4, 14)]),
    # Report titles.
    ("10 dấu ấn nổi bật Chí Linh", [(R1, "title")]),
    ("tinh hinh kinh te xa hoi quy I", [(R4, "title")]),
    ("mot nam nhieu no luc", [(R3, "title")]),
    # Figure labels.
    ("căn cước công dân gắn chíp", [(R0, 9)]),
    ("khau trang", [(R0, 4)]),
    ("ty le che phu rung", [(R2, "i8")]),
    ("lương thực có hạt", [(R3, "i4")]),
    ("kind:money thu ngan sach 158", [(R3, "i6")]),
    ("kind:percent ma tuy", [(R4, 15)]),
    # Typos (swapped, missing, extra letters), with and without accents.
    ("ngân sáhc 188", [(R3, "i9")]),
    ("doanh trai chinh qyu", [(R0, 9)]),
    ("hoc sinh gioir", [(R0, 8)]),
    ("camrea phat nguoi", [(R4, 11)]),
    ("Phong Khêe", [(R0, 7)]),
    ("dâu tây nhà lưói", [(R3, "i2")]),
    ("chuyen doi sô", [(R1, 7)]),
]


def _key(hit: SearchHit) -> tuple[str, int | str]:
    name = hit.doc.replace("\\", "/").rsplit("/", 1)[-1]
    if hit.section_index is None:
        return name, "title"
    if hit.section is not None:
        return name, hit.section
    return name, f"i{hit.section_index}"


@pytest.fixture(scope="module")
def index(seed_reports) -> SearchIndex:
    return SearchIndex.build(seed_reports)


def test_enough_cases():
    assert len(CASES) >= 30
    assert any(q == "GRDP" for q, _ in CASES)
    assert any(q == "cu tri di bau" for q, _ in CASES)


def test_ranking_top1_and_top5(index, capsys):
    top1 = top5 = 0
    misses: list[str] = []
    for query, expected in CASES:
        keys = [_key(h) for h in index.search(query, limit=5)]
        want = set(expected)
        if keys and keys[0] in want:
            top1 += 1
        else:
            rank = next((i + 1 for i, k in enumerate(keys) if k in want), None)
            misses.append(f"{query!r}: expected {expected}, rank {rank}, got {keys[:3]}")
        if want & set(keys):
            top5 += 1
    n = len(CASES)
    report = f"search ranking: top-1 {top1}/{n} ({top1 / n:.0%}), top-5 {top5}/{n} ({top5 / n:.0%})"
    with capsys.disabled():
        print("\n" + report)
        for m in misses:
            print("  miss " + m)
    assert top1 / n >= 0.90, report + "\n" + "\n".join(misses)
    assert top5 == n, report + "\n" + "\n".join(misses)
