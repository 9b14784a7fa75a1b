"""Tables in the app: aligned grids in the reader with cell figures highlighted, Markdown headings
and emphasis as styles, the figures panel's column header, and a 50-page PDF loaded in a worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apphelp import make_app, sync, wait_loaded

from reportview.ui.widgets.figures_table import FiguresTable
from reportview.ui.widgets.reader import Reader

TABLES = Path(__file__).resolve().parents[1] / "data" / "tables"


@sync
async def test_the_reader_draws_a_markdown_table_as_an_aligned_grid_with_its_figures(tmp_path: Path) -> None:
    shutil.copy(TABLES / "budget_ductrong.md", tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(140, 45)) as pilot:
        await wait_loaded(pilot)
        report = app.main.reports[0]
        holding = next(s.index for s in report.sections if s.start <= report.tables[0].start < s.end)
        await pilot.press("enter", *["j"] * holding)  # the section holding the table
        await pilot.pause()
        reader = app.main.query_one(Reader)
        lines = reader.lines
        text = "\n".join(lines)
        assert "|---|" not in text and not any(ln.startswith("| ") for ln in lines)
        rows = [ln for ln in lines if "│" in ln]
        assert len(rows) >= 8  # header and 7 body rows
        # the value columns line up: every row's separators stand at the same places
        bars = {tuple(i for i, ch in enumerate(ln) if ch == "│") for ln in rows}
        assert len(bars) == 1
        body = next(ln for ln in rows if "- Thu ngân sách" in ln)
        assert body.rstrip().endswith("112") and " 127 │" in body  # numbers right-aligned
        # a cell figure, chosen in the figures panel, is the reader's selection and in view
        await pilot.press("f")
        table = app.main.query_one(FiguresTable)
        cell = next(f for f in table.figures if f.text == "127")
        table.move_cursor(row=table.figures.index(cell))
        await pilot.pause()
        assert reader.selected == cell
        line = reader.line_of(cell.start)
        assert "127" in reader.lines[line] and "│" in reader.lines[line]
        col = reader.lines[line].index("127")
        spans = reader._lines[line].spans
        assert any(s.start <= col < s.end and s.style for s in spans), "the cell figure is styled"


@sync
async def test_the_figures_panel_shows_the_column_header_beside_the_label(tmp_path: Path) -> None:
    shutil.copy(TABLES / "rice_regions_2018.html", tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_loaded(pilot)
        report = app.main.reports[0]
        holding = next(s.index for s in report.sections if s.start <= report.tables[0].start < s.end)
        await pilot.press("enter", *["j"] * holding)
        await pilot.pause()
        table = app.main.query_one(FiguresTable)
        rows = [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        # labels and headers are cut to the panel's width ("Sản lượng (nghìn…")
        assert any("Tây Nguyên" in r and "Sản lượng (nghìn" in r for r in rows), rows[:5]


@pytest.mark.slow
@sync
async def test_a_50_page_pdf_with_tables_loads_without_freezing_the_ui(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")
    pytest.importorskip("fpdf", reason="fpdf2 is not installed")
    from pdf_material import write_long_pdf

    write_long_pdf(tmp_path / "long.pdf", pages=50)
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        ticks = 0
        while not app.loaded.is_set():  # the UI keeps answering while the worker reads the PDF
            await pilot.pause(0.05)
            ticks += 1
        await pilot.pause()
        assert ticks > 1, "the PDF was read in a worker while the UI ran"
        report = app.main.reports[0]
        assert len(report.tables) >= 50
        assert sum(1 for f in report.figures if f.table) >= 50 * 20


@sync
async def test_markdown_headings_and_emphasis_are_styles_not_marks(tmp_path: Path) -> None:
    shutil.copy(TABLES / "cpi_binhdinh.md", tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(140, 45)) as pilot:
        await wait_loaded(pilot)
        report = app.main.reports[0]
        reader = app.main.query_one(Reader)
        heading = next(m for m in report.markup if m.reason == "md-strong")  # `**Bảng 1. ...**`
        holding = next(s.index for s in report.sections if s.start <= heading.start < s.end)
        await pilot.press("enter", *["j"] * holding)
        await pilot.pause()
        text = " ".join(ln.strip() for ln in reader.lines)
        assert report.text[heading.start : heading.end] in text
        assert "**" not in text
        line = next(k for k, ln in enumerate(reader.lines) if ln.startswith("Bảng 1."))
        assert any(s.style for s in reader._lines[line].spans), "shown bold, without its marks"


async def _table_lines(pilot, app) -> list[str]:
    report = app.main.reports[0]
    holding = next(s.index for s in report.sections if s.start <= report.tables[0].start < s.end)
    await pilot.press("enter", *["j"] * holding)
    await pilot.pause()
    return [ln for ln in app.main.query_one(Reader).lines if "│" in ln]


@sync
async def test_a_table_grid_is_drawn_again_for_a_new_width(tmp_path: Path) -> None:
    """A grid is sized for the reader's width: after a resize it is the grid a reader opened at
    that width draws, not the old one wrapped."""
    shutil.copy(TABLES / "rice_regions_2018.html", tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_loaded(pilot)
        fresh = await _table_lines(pilot, app)
    app = make_app([tmp_path])
    async with app.run_test(size=(200, 40)) as pilot:
        await wait_loaded(pilot)
        wide = await _table_lines(pilot, app)
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        await pilot.pause()
        resized = [ln for ln in app.main.query_one(Reader).lines if "│" in ln]
    assert wide != fresh  # the table is drawn differently at the two widths
    assert resized == fresh
