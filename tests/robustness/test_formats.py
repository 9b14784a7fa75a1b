"""HTML, PDF and DOCX give the same sections and figures as the plain text they were made from.

Each fixture is written here, from the same lines, with the library the format's reader is tested
against (fpdf2 for PDF, python-docx for DOCX). Offsets differ between formats (they index each
format's extracted text), so the comparison is on numbers, titles and values; within each format
every figure's text is found at its offsets in the extracted text.
"""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest

from reportview.core.formats import html_to_text
from reportview.core.loading import load_report, read_text
from robustness.helpers import REPORT_LINES, REPORT_TEXT, assert_no_traceback, run_cli

DEJAVU = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
]


def _summary(report):
    sections = [(s.number, s.title) for s in report.sections]
    figures = [(f.section_number, f.value, f.kind, f.unit, f.total) for f in report.figures]
    return report.title, report.date, sections, figures


def _offsets_hold(path: Path, report) -> None:
    text = read_text(path)[0]
    assert report.text == text
    for f in report.figures:
        assert text[f.start : f.end] == f.text
    for s in report.sections:
        assert 0 <= s.start <= s.end <= len(text)


def _write_html(path: Path) -> None:
    """A saved news page: the report in an <article>, wrapped in the chrome the reader must drop."""
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in REPORT_LINES[1:])
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(REPORT_LINES[0])} - Cổng thông tin điện tử</title>
<script>var counter = "1. Không phải 99%";</script><style>p {{ color: #333 }}</style></head>
<body>
<div class="top-bar"><a href="/">Trang chủ</a> | <a href="/lien-he">Liên hệ 0222.3822.123</a></div>
<header><ul class="main-menu"><li><a href="/a">Tin tức</a></li>
 <li><a href="/b">Kinh tế 2021</a></li></ul></header>
<nav class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin">Tin tức</a></nav>
<div id="content" class="container has-sidebar">
 <article class="article-detail">
  <h1 class="title">{html.escape(REPORT_LINES[0])}</h1>
  <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Zalo</a> <span>Chia sẻ 12</span></div>
  <div class="view-count">Lượt xem: 936</div>
  <div class="article-body">{paras}</div>
  <div class="tags">Từ khóa: <a href="/t/1">kinh tế</a> <a href="/t/2">2021</a></div>
  <div class="box-tin-lien-quan"><h3>Tin liên quan</h3>
   <ul><li><a href="/x">Năm 2020 thu ngân sách tăng 5%</a></li>
   <li><a href="/y">Dự báo 2022 tăng 8%</a></li></ul></div>
  <div class="comments"><h3>Bình luận (3)</h3><p>Tăng 100% là quá tốt!</p></div>
 </article>
 <aside class="sidebar"><h3>Đọc nhiều nhất</h3><ol><li><a href="/z">Giá vàng tăng 2%</a></li></ol></aside>
</div>
<footer><p>© 2022 Cổng thông tin. Đang truy cập: 123 | Tổng lượt truy cập: 4.567.890</p></footer>
</body></html>"""
    path.write_text(page, encoding="utf-8")


def _write_docx(path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
    document = docx.Document()
    for line in REPORT_LINES:
        document.add_paragraph(line)
    document.save(str(path))


def _unicode_font() -> Path | None:
    return next((p for p in DEJAVU if p.is_file()), None)


def _write_pdf(path: Path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is not installed")
    font = _unicode_font()
    if font is None:
        pytest.skip("no DejaVu TTF font on this system to write Vietnamese into a PDF")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=11)
    for line in REPORT_LINES:
        # Long paragraphs wrap over several PDF lines: the reader must join them again.
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


WRITERS = {"html": _write_html, "pdf": _write_pdf, "docx": _write_docx}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_format_gives_the_same_sections_and_figures_as_the_text(tmp_path, report_file, fmt):
    if fmt == "pdf":
        pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")
    path = tmp_path / f"report.{fmt}"
    WRITERS[fmt](path)
    expected = load_report(report_file)
    assert len(expected.figures) >= 10 and len(expected.sections) >= 3  # the fixture is meaningful
    got = load_report(path)
    assert _summary(got) == _summary(expected)
    _offsets_hold(path, got)


def test_html_drops_navigation_counters_shares_and_related_lists(tmp_path):
    path = tmp_path / "page.html"
    _write_html(path)
    text = html_to_text(path.read_bytes())
    for junk in (
        "Trang chủ",
        "Liên hệ",
        "Tin tức",
        "Facebook",
        "Chia sẻ",
        "Lượt xem",
        "Từ khóa",
        "Tin liên quan",
        "Dự báo 2022",
        "Bình luận",
        "Đọc nhiều nhất",
        "Giá vàng",
        "truy cập",
        "counter",
        "color",
    ):
        assert junk not in text, junk
    for line in REPORT_LINES:
        assert line in text
    assert text.splitlines()[0] == REPORT_LINES[0]


def test_html_without_article_markup_finds_the_text_block(tmp_path):
    """Old layouts: no <article>/<main>, text in a table cell with <br>, link lists around."""
    menu = "".join(f'<a href="/{i}">Mục {i}</a><br>' for i in range(12))
    cell = "<br>".join(html.escape(line) for line in REPORT_LINES)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>'
        f'<table><tr><td class="left">{menu}</td><td>{cell}</td></tr></table>'
        '<div><a href="/x">Tin khác 1</a> <a href="/y">Tin khác 2</a></div></body></html>'
    )
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("cp1258", errors="strict") if _cp1258_ok(page) else page.encode("utf-8"))
    report = load_report(path)
    assert "Mục 3" not in report.text and "Tin khác" not in report.text
    assert [s.number for s in report.sections if s.number] == [1, 2, 3]


def _cp1258_ok(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def test_html_nested_very_deep_does_not_crash(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 20000 + "<p>Doanh thu tăng 5% so với 2020.</p>" + "</div>" * 20000
    )
    report = load_report(path)
    assert [f.value for f in report.figures] == [5.0]


def test_broken_pdf_and_docx_are_skipped_with_one_line_each(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (folder / "c.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "d.html").write_bytes(bytes(range(256)) * 8)
    run = run_cli("figures", folder, "--format", "jsonl", "--no-cache")
    assert_no_traceback(run)
    assert run.code == 1
    assert len(run.err_lines) == 3
    assert all(line.startswith("reportview: skipped ") for line in run.err_lines)
    assert {ln.split(":")[1].strip().split("/")[-1] for ln in run.err_lines} == {"b.pdf", "c.docx", "d.html"}
    assert run.out.count("\n") == len(load_report(folder / "a.txt").figures)


@pytest.mark.parametrize(
    ("module", "suffix", "extra"), [("pdfplumber", ".pdf", "pdf"), ("docx", ".docx", "docx")]
)
def test_missing_extra_is_one_line_naming_it(tmp_path, module, suffix, extra):
    """Without the optional library the file is skipped with a message naming the extra to install."""
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"whatever")
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from reportview.cli.main import main\n"
        f"sys.exit(main(['outline', {str(path)!r}, '--no-cache']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"reportview[{extra}]" in lines[0] and "Traceback" not in proc.stderr


def test_html_nested_deep_with_text_at_every_level_is_linear(tmp_path):
    """Link density is summed bottom-up in one pass: 20,000 nested boxes took 2 minutes before
    (the speed is the benchmarks' business; this holds that every level's text is kept)."""
    n = 20_000
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "".join(f"<div>Đoạn {i}. " for i in range(n)) + "</div>" * n)
    text = html_to_text(path.read_bytes())
    assert text.count("Đoạn") == n


def test_pdf_lines_are_joined_into_paragraphs():
    from reportview.core.formats import reflow_pdf_pages

    page1 = (
        "   Báo cáo tình hình kinh tế năm 2021 của thành phố\n"
        "Tổng sản phẩm trên địa bàn ước đạt 39.399,4 tỷ đồng, vượt kế hoạch\n"
        "đề ra, tăng 7% so với năm 2020; kỹ năng của lao động chỉ là con số\n"
        "0. Chỉ có được động lực học mới nâng cao trình độ của người lao động.\n"
        "\n"
        "1. Thu ngân sách\n"
        "Thu ngân sách đạt 5.381,1 tỷ đồng, bằng 95,6% so với năm trước đó.\n"
        "- 1 -\n"
    )
    page2 = "Trang 2\nNăm 2022, thành phố đặt mục tiêu tăng trưởng 8%.\n"
    assert reflow_pdf_pages([page1, page2]).splitlines() == [
        "Báo cáo tình hình kinh tế năm 2021 của thành phố",
        "Tổng sản phẩm trên địa bàn ước đạt 39.399,4 tỷ đồng, vượt kế hoạch đề ra, tăng 7% so với năm 2020;"
        " kỹ năng của lao động chỉ là con số 0. Chỉ có được động lực học mới nâng cao trình độ"
        " của người lao động.",
        "1. Thu ngân sách",
        "Thu ngân sách đạt 5.381,1 tỷ đồng, bằng 95,6% so với năm trước đó.",
        "Năm 2022, thành phố đặt mục tiêu tăng trưởng 8%.",
    ]
