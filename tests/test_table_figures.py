"""Figures in tables: six real public tables in Markdown, HTML, DOCX and PDF (ruled and unruled),
scored cell by cell against their hand-checked gold (tests/tables_material.py)."""

from __future__ import annotations

import json

import pytest
from tables_material import FOLDER, FORMATS, TABLES, Score, gold, score

from reportview.core.formats import SUFFIXES, read, reader_for
from reportview.core.loading import load_report, parse_text
from reportview.core.store import decode_report, encode_report

EXTRAS = {"docx": "docx", "ruled.pdf": "pdfplumber", "unruled.pdf": "pdfplumber"}


def _load(name: str, fmt: str):
    if fmt in EXTRAS:
        pytest.importorskip(EXTRAS[fmt], reason=f"{EXTRAS[fmt]} (an extra) is not installed")
    return load_report(FOLDER / f"{name}.{fmt}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cell_figures_meet_the_bar_in_every_format(fmt):
    total = Score()
    for doc in TABLES:
        total.add(score(doc, _load(doc.name, fmt)))
    print(
        f"{fmt}: F1={total.f1:.3f} unit={total.rate('unit'):.3f} label={total.rate('label'):.3f} "
        f"period={total.rate('period'):.3f} ({total.matched}/{total.gold} gold, {total.predicted} predicted)"
    )
    assert total.gold >= 100
    assert total.f1 >= 0.97, total.misses[:10]
    assert total.rate("unit") >= 0.97, total.misses[:10]
    assert total.rate("label") >= 0.95, total.misses[:10]
    assert total.rate("period") >= 0.95, total.misses[:10]


@pytest.mark.parametrize("doc", TABLES, ids=lambda d: d.name)
def test_the_formats_give_the_same_figures(doc):
    def facts(report):
        return [
            (f.value, f.kind, f.unit, f.label, f.period, f.change, f.base) for f in report.figures if f.table
        ]

    seen = {fmt: facts(_load(doc.name, fmt)) for fmt in FORMATS}
    assert len(seen["md"]) == len(gold(doc))
    for fmt, got in seen.items():
        assert got == seen["html"], fmt


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_cell_is_read_again_as_prose_and_offsets_hold(fmt):
    for doc in TABLES:
        report = _load(doc.name, fmt)
        assert len(report.tables) == 1
        spans = report.tables[0].spans()
        for f in report.figures:
            assert report.text[f.start : f.end] == f.text
            inside = any(s <= f.start < e for s, e in spans)
            assert inside == (f.table is not None), (doc.name, f.text)
        cells = [c for row in report.tables[0].rows for c in row if c.end > c.start]
        assert all(report.text[c.start : c.end] == c.text for c in cells)


def test_prose_around_a_table_keeps_its_figures():
    report = _load("cpi_binhdinh", "md")
    prose = [f.text for f in report.figures if f.table is None]
    assert prose == ["2,19%"]


def test_merged_header_cells_span_their_columns_in_html_and_docx():
    for fmt in ("html", "docx", "ruled.pdf"):
        table = _load("population_binhdinh", fmt).tables[0]
        top = table.header[0]
        assert top[2] is top[3] and top[2].colspan == 2 and top[2].text == "Phân theo giới tính", fmt
        assert top[0] is table.header[1][0] and top[0].rowspan == 2, fmt
        assert table.col_header(3) == "Phân theo giới tính Nữ"


def test_unit_line_scales_and_brackets_are_negative_in_a_text_table():
    text = (
        "Giá trị sản xuất\n\n"
        "Bảng 2. Giá trị sản xuất nông nghiệp\n"
        "                                        Đơn vị: 1000 đồng\n"
        "STT   Chỉ tiêu             Năm 2022      Năm 2023    Tăng/giảm (%)\n"
        "1     Nông nghiệp           123.456       130.000          5,3\n"
        "      - Trồng trọt           80.000      (82.000)         -2,5\n"
        "2     Lâm nghiệp            500.000       480.000         -4,0\n"
    )
    from reportview.core.formats import text_tables

    report = parse_text(text, tables=text_tables(text))
    cells = [(f.text, f.value, f.unit, f.label, f.period, f.change) for f in report.figures if f.table]
    # a comparison column naming no period compares the period column before it (2023 with 2022)
    assert cells[:3] == [
        ("123.456", 123_456_000.0, "VND", "Nông nghiệp", "2022", None),
        ("130.000", 130_000_000.0, "VND", "Nông nghiệp", "2023", None),
        ("5,3", 5.3, "%", "Nông nghiệp", "2023", "up"),
    ]
    assert cells[4] == ("(82.000)", -82_000_000.0, "VND", "Nông nghiệp - Trồng trọt", "2023", None)
    assert cells[5][1:] == (-2.5, "%", "Nông nghiệp - Trồng trọt", "2023", "down")
    assert all(f.text not in {"1", "2"} for f in report.figures)  # STT numbers are not figures
    assert report.tables[0].unit_line == "Đơn vị: 1000 đồng"
    assert report.tables[0].caption == "Bảng 2. Giá trị sản xuất nông nghiệp"


def test_prose_with_wide_spaces_is_no_table():
    text = "Năm 2023  thu ngân sách đạt 12.500 tỷ đồng.\nTrong đó  thu nội địa 9.000 tỷ đồng,  tăng 5%.\n"
    from reportview.core.formats import text_tables

    assert text_tables(text) == ()


def test_tables_survive_the_cache_blob():
    report = _load("population_binhdinh", "html")
    back = decode_report(encode_report(report, True), report.path, None)
    assert back.tables == report.tables
    assert back.tables[0].header[0][2] is back.tables[0].header[0][3]  # a merged cell stays one cell
    assert [f.table for f in back.figures] == [f.table for f in report.figures]


def test_jsonl_carries_the_table_object():
    report = _load("budget_ductrong", "html")
    row = next(f for f in report.figures if f.table and f.text == "127").as_json(report.path)
    assert json.loads(json.dumps(row))["table"] == {
        "index": 0,
        "row": 2,
        "col": 2,
        "row_label": "- Thu ngân sách do huyện quản lý",
        "col_header": "Ước thực hiện 3 tháng đầu năm 2020",
        "caption": "Bảng 5. Thu ngân sách nhà nước trên địa bàn huyện Đức Trọng",
    }


def test_the_registry_answers_suffixes_and_readers():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= SUFFIXES
    assert reader_for("a.HTM").name == "html" and reader_for("a.log").name == "text"
    got = read("t.md", (FOLDER / "rice_regions_2018.md").read_bytes())
    assert len(got.tables) == 1 and got.tables[0].source == "markdown"


YEARBOOK = """236       Chỉ số giá tiêu dùng các tháng trong năm
                     Consumer price index

                                                                                      %

                                                     2019    2020    2021   2022    2023


           Tháng trước = 100 - Previous month = 100

               Tháng 1 - Jan.                       100,39  101,54  100,42  100,30  100,88

               Tháng 2 - Feb.                       100,61   99,49  102,02  100,41  100,10

           Bình quân tháng - Monthly average index   100,40  100,07  100,26  100,24  100,17
"""


def test_a_yearbook_page_with_spaced_rows_and_columns_one_place_off_is_a_table():
    """The layout of a statistics office's yearbook page as text (Bình Định 2023, p. 569): rows
    apart by blank lines, a row of years for header, a unit `%` alone above, one row one place
    to the right of the others."""
    from reportview.core.formats import text_tables

    tables = text_tables(YEARBOOK)
    assert len(tables) == 1 and tables[0].unit_line == "%" and tables[0].n_cols == 6
    report = parse_text(YEARBOOK, tables=tables)
    cells = [(f.text, f.unit, f.label, f.period) for f in report.figures if f.table]
    assert len(cells) == 15
    assert cells[0] == ("100,39", "%", "Tháng 1 - Jan.", "2019")
    assert cells[-1] == ("100,17", "%", "Bình quân tháng - Monthly average index", "2023")


def test_an_english_table_scales_by_its_caption_and_reads_brackets_as_negative(tmp_path):
    path = tmp_path / "budget.md"
    path.write_text(
        "# County budget summary\n\nThe county's general fund grew again this year.\n\n"
        "**Table 2. General fund revenue (in thousands of dollars)**\n\n"
        "| Source | FY2022 | FY2023 | Change (%) |\n|---|--:|--:|--:|\n"
        "| Property tax | 12,345.6 | 13,001.2 | 5.3 |\n| Sales tax | 4,210 | (1,050) | -3.1 |\n",
        encoding="utf-8",
    )
    cells = [(f.value, f.unit, f.label, f.period, f.change) for f in load_report(path).figures if f.table]
    assert cells[0] == (12_345_600.0, "USD", "Property tax", "2022", None)
    assert cells[4] == (-1_050_000.0, "USD", "Sales tax", "2023", None)
    assert cells[5][:3] == (-3.1, "%", "Sales tax") and cells[5][4] == "down"


def test_a_merged_row_label_labels_every_row_it_spans(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text(
        "<html><body><article><h1>Kết quả thu chi</h1><p>Kết quả thực hiện và kế hoạch như sau.</p>"
        "<table><tr><th>Năm</th><th>Chỉ tiêu</th><th>Thu (tỷ đồng)</th><th>Chi (tỷ đồng)</th></tr>"
        "<tr><td rowspan=2>Năm 2023</td><td>Kế hoạch</td><td>1.200</td><td>1.100</td></tr>"
        "<tr><td>Thực hiện</td><td>1.350</td><td>1.080</td></tr>"
        "<tr><td>Năm 2024</td><td>Kế hoạch</td><td>1.400</td><td>1.300</td></tr></table></article></body></html>",
        encoding="utf-8",
    )
    cells = [(f.text, f.label, f.period) for f in load_report(path).figures if f.table]
    assert cells[2] == ("1.350", "Năm 2023 - Thực hiện", "2023")
    assert cells[4] == ("1.400", "Năm 2024 - Kế hoạch", "2024")


def test_a_page_that_is_a_table_keeps_the_whole_table_and_its_unit_column(tmp_path):
    """No <article>: the longest cell is not the page's text, the block holding the table is."""
    path = tmp_path / "page.html"
    rows = [
        ("Sản lượng lương thực có hạt", "Nghìn tấn", "245,6", "102,1"),
        ("Vốn đầu tư thực hiện từ ngân sách", "Tỷ đồng", "3.456", "108,5"),
        ("Khách quốc tế", "Nghìn lượt", "123,4", "125,0"),
    ]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    path.write_text(
        '<html><body><div class="header"><a href="/">Trang chủ</a></div><div class="content">'
        "<h2>Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024</h2><table border=1><tr><td><b>Chỉ tiêu</b></td>"
        "<td><b>Đơn vị tính</b></td><td><b>Ước tính 6 tháng 2024</b></td><td><b>So với cùng kỳ (%)</b></td></tr>"
        f"{body}</table></div></body></html>",
        encoding="utf-8",
    )
    cells = [(f.text, f.value, f.unit, f.period, f.change) for f in load_report(path).figures if f.table]
    assert len(cells) == 6
    assert cells[0] == ("245,6", 245_600.0, "tấn", "2024-H1", None)
    assert cells[2] == ("3.456", 3.456e12, "VND", "2024-H1", None)
    assert cells[5] == ("125,0", 125.0, "%", "2024-H1", "up")


@pytest.mark.parametrize("headers", ["CENTER", "LEFT"])
def test_unruled_pdfs_with_right_aligned_numbers_meet_the_bar(tmp_path, headers):
    """The same tables without rules, numbers right-aligned and headers centred or left-aligned
    (a header then stands over no number): each header still names its column."""
    pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")
    from tables_material import write_pdf

    total = Score()
    for doc in TABLES:
        path = tmp_path / f"{doc.name}.pdf"
        write_pdf(doc, path, ruled=False, numbers="RIGHT", headers=headers)
        total.add(score(doc, load_report(path)))
    assert total.f1 >= 0.97 and total.rate("unit") >= 0.97, total.misses[:10]
    assert total.rate("label") >= 0.95 and total.rate("period") >= 0.95, total.misses[:10]


def test_numbers_in_a_cell_of_words_are_figures_labelled_by_their_row(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "# Kết quả\n\nMột số chỉ tiêu.\n\n| Chỉ tiêu | Năm 2023 | Ghi chú |\n|---|---|---|\n"
        "| Tổng thu (tỷ đồng) | 1.234 | Tăng 5,2% so với cùng kỳ |\n"
        "| Số doanh nghiệp | 605 | Trong đó 12 doanh nghiệp FDI |\n",
        encoding="utf-8",
    )
    cells = [(f.text, f.unit, f.label, f.change) for f in load_report(path).figures if f.table]
    assert cells == [
        ("1.234", "VND", "Tổng thu", None),
        ("5,2%", "%", "Tổng thu", "up"),
        ("605", "", "Số doanh nghiệp", None),
        ("12", "doanh nghiệp", "Số doanh nghiệp", None),
    ]


def test_a_tab_separated_table_in_text_is_read_by_its_tabs():
    from reportview.core.formats import text_tables

    text = (
        "Bảng 1. Thu ngân sách\nĐơn vị: tỷ đồng\nChỉ tiêu\tNăm 2022\tNăm 2023\n"
        "Tổng thu ngân sách nhà nước\t1.234\t1.456\nThu nội địa\t900\t1.020\n\nHết.\n"
    )
    report = parse_text(text, tables=text_tables(text))
    cells = [(f.text, f.value, f.label, f.period) for f in report.figures if f.table]
    assert cells == [
        ("1.234", 1.234e12, "Tổng thu ngân sách nhà nước", "2022"),
        ("1.456", 1.456e12, "Tổng thu ngân sách nhà nước", "2023"),
        ("900", 9e11, "Thu nội địa", "2022"),
        ("1.020", 1.02e12, "Thu nội địa", "2023"),
    ]


def test_a_title_row_across_the_table_is_its_caption_not_a_column_header(tmp_path):
    path = tmp_path / "title.html"
    path.write_text(
        "<html><body><article><h1>Dân số</h1><p>Dân số các huyện qua các năm như sau.</p><table>"
        "<tr><th colspan=3>Dân số trung bình năm 2019-2023 (nghìn người)</th></tr>"
        "<tr><th>Huyện</th><th>2019</th><th>2020</th></tr>"
        "<tr><td>An Lão</td><td>28,5</td><td>28,7</td></tr><tr><td>Hoài Nhơn</td><td>206,1</td><td>206,9</td></tr>"
        "</table></article></body></html>",
        encoding="utf-8",
    )
    report = load_report(path)
    assert report.tables[0].caption == "Dân số trung bình năm 2019-2023 (nghìn người)"
    cells = [(f.value, f.unit, f.period, f.table.col_header) for f in report.figures if f.table]
    assert cells[:2] == [(28_500.0, "người", "2019", "2019"), (28_700.0, "người", "2020", "2020")]


def test_a_paragraph_right_above_a_table_is_prose_not_its_caption(tmp_path):
    path = tmp_path / "above.md"
    path.write_text(
        "# Thu ngân sách\n\nTổng thu ngân sách năm 2023 đạt 1.234 tỷ đồng, tăng 5% so với năm trước.\n\n"
        "| Chỉ tiêu | Năm 2023 |\n|---|---|\n| Thu nội địa | 900 |\n| Thu xuất nhập khẩu | 334 |\n",
        encoding="utf-8",
    )
    report = load_report(path)
    assert report.tables[0].caption is None
    assert [f.text for f in report.figures if f.table is None] == ["1.234 tỷ đồng", "5%"]
    assert [f.text for f in report.figures if f.table] == ["900", "334"]


def test_row_label_units_and_a_row_of_codes(tmp_path):
    """The issue's Markdown table: units from the row labels, the percent column's own unit, and a
    row of codes that holds no figures."""
    path = tmp_path / "issue.md"
    path.write_text(
        "# Báo cáo\n\nTình hình thu chi.\n\n| Chỉ tiêu | Thực hiện | Kế hoạch | Tỷ lệ (%) |\n|---|---|---|---|\n"
        "| Thu ngân sách (triệu đồng) | 12.500 | 7.830 | 159,6 |\n| Số dự án (dự án) | 12 | 10 | 120 |\n"
        "| Mã số | 01 | 02 | |\n",
        encoding="utf-8",
    )
    cells = [(f.text, f.value, f.unit, f.label) for f in load_report(path).figures if f.table]
    assert cells == [
        ("12.500", 1.25e10, "VND", "Thu ngân sách"),
        ("7.830", 7.83e9, "VND", "Thu ngân sách"),
        ("159,6", 159.6, "%", "Thu ngân sách"),
        ("12", 12.0, "dự án", "Số dự án"),
        ("10", 10.0, "dự án", "Số dự án"),
        ("120", 120.0, "%", "Số dự án"),
    ]


def test_labels_wrapped_in_a_narrow_column_of_an_unruled_pdf_are_joined(tmp_path):
    """`Đồng bằng sông` / `999,7  6085,5` / `Hồng`: the values stand between the label's lines."""
    pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")
    import dataclasses

    from tables_material import write_pdf

    doc = next(d for d in TABLES if d.name == "rice_regions_2018")
    narrow = dataclasses.replace(doc, widths=(38, *doc.widths[1:]))
    path = tmp_path / "narrow.pdf"
    write_pdf(narrow, path, ruled=False, numbers="RIGHT", headers="CENTER")
    result = score(doc, load_report(path))
    assert result.f1 == 1.0 and result.rate("label") == 1.0, result.misses
