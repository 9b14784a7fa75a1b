"""The panes at 120x40, 80x24 and 200 columns: what fits, what tells reports apart, what grows."""

from __future__ import annotations

from apphelp import make_app, sync, wait_loaded

from reportview.ui.screens.main import (
    FIGURES_BESIDE,
    READER_MIN,
    figures_beside,
    figures_rows,
    pane_widths,
)
from reportview.ui.widgets.figures_table import FiguresTable, plan_columns
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList, elide_middle, two_lines


def visible(widget) -> list[str]:
    """The widget's lines as drawn (its content region)."""
    return ["".join(seg.text for seg in widget.render_line(y)) for y in range(widget.size.height)]


def label_cells(table: FiguresTable) -> list[str]:
    """The label column's text on every drawn row."""
    keys = [str(k.value) for k in table.columns]
    col = keys.index("label")
    return [str(table.get_cell_at((r, col))) for r in range(table.row_count)]


@sync
async def test_reports_pane_shows_the_places_at_120x40() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        text = "\n".join(visible(app.main.query_one(ReportList)))
        assert "Bắc Ninh" in text and "Chí Linh" in text
        assert "2022-01-04" in text and "2022-01-11" in text, "each report with its date"


@sync
async def test_figures_label_keeps_30_characters_before_and_after_a_section_without_figures() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await pilot.press("enter", *["j"] * 6)
        await pilot.pause()
        table = main.figures_table

        def check() -> None:
            drawn = "\n".join(visible(table))
            widths = {str(k.value): c.width for k, c in table.columns.items()}
            assert widths["label"] >= 30, "the label column keeps 30 characters"
            # The longest label is shown whole or cut at a word within those 30 (labels are whole
            # phrases in the data; the column shortens them for display).
            longest = max(label_cells(table), key=len)
            assert len(longest) >= 25 and longest.rstrip("…")[:25] in drawn, "and it is on screen"
            for figure in table.figures[:5]:
                assert figure.text in drawn, "the value as written, with its unit"

        check()
        empty = next(
            (ri, s.index)
            for ri, r in enumerate(main.reports)
            for s in r.sections
            if not r.figures_in(s.index)
        )
        main.go_to(*empty)
        await pilot.pause()
        assert table.figures == []
        assert "This section has no figures." in "\n".join(visible(table))
        main.go_to(0, 6)
        await pilot.pause()
        check()


@sync
async def test_panes_widen_with_the_terminal() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        main.go_to(0, 6)
        await pilot.pause()

        def widths() -> dict[type, int]:
            return {w: main.query_one(w).size.width for w in (ReportList, Reader, FiguresTable)}

        async def resize(width: int, height: int) -> None:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()

        # Figures under the text (100 and 150 columns), then beside it (170 and 240).
        under = widths()
        under_label = max(len(c) for c in label_cells(main.figures_table))
        await resize(150, 40)
        wider = widths()
        assert all(wider[w] > under[w] for w in wider), (under, wider)
        assert max(len(c) for c in label_cells(main.figures_table)) > under_label, "labels take the room"
        assert main.figures_table.region.y > main.query_one(Reader).region.y, "under the text"
        await resize(170, 40)
        beside = widths()
        assert main.figures_table.region.x > main.query_one(Reader).region.x, "beside the text"
        beside_label = max(len(c) for c in label_cells(main.figures_table))
        await resize(240, 50)
        wide = widths()
        assert all(wide[w] > beside[w] for w in wide), (beside, wide)
        reader = main.query_one(Reader)
        assert max(len(line) for line in reader.lines) > 70, (
            "the text wraps at 80, not at the old pane's width"
        )
        assert max(len(c) for c in label_cells(main.figures_table)) > beside_label, "labels take the room"


def test_pane_widths_share_the_terminal() -> None:
    for width in range(60, 320, 7):
        left, reader, figures = pane_widths(width)
        assert 26 <= left <= 44
        if figures_beside(width):
            assert left + reader + figures == width
            assert reader >= READER_MIN and figures >= FIGURES_BESIDE
        else:
            assert left + reader == width and figures == reader, "under the text, as wide as it"
    assert not figures_beside(120) and not figures_beside(80) and figures_beside(200)
    assert pane_widths(240)[1] > pane_widths(200)[1]
    assert figures_rows(40) > figures_rows(24) >= 11, "under the text, its share of the height"


def test_columns_give_the_label_the_room() -> None:
    cells = {
        "text": ["39.399,4 tỷ đồng", "0,9%"],
        "label": ["Tổng sản phẩm trên địa bàn (GRDP, theo giá so sánh năm 2010)", "kế hoạch"],
        "base": ["", "kế hoạch"],
        "period": ["2021", "2021"],
        "marks": ["", ""],
        "kind": ["money", "pct"],
        "value": ["39.399.400.000.000", "0,9"],
        "unit": ["VND", "%"],
    }
    narrow = dict(plan_columns(cells, 51))  # 80 columns: the pane is 54 wide
    assert narrow["label"] >= 25 and narrow["text"] >= len("39.399,4 tỷ đồng")
    assert sum(w + 2 for w in narrow.values()) <= 51, "no sideways scrolling"
    assert "marks" not in narrow, "no column for what no figure has"
    at_120 = dict(plan_columns(cells, 91))  # 120 columns: the pane is 92 wide, under the text
    assert at_120["label"] >= 30 and {"base", "period"} <= set(at_120)
    wide = dict(plan_columns(cells, 140))
    assert wide["label"] == len(cells["label"][0]) and {"base", "period", "unit", "kind", "value"} <= set(
        wide
    )
    assert sum(w + 2 for w in wide.values()) <= 140


def test_titles_are_cut_in_the_middle_on_two_lines() -> None:
    title = "10 sự kiện nổi bật của thành phố Bắc Ninh trong năm 2021"
    first, second = two_lines(title, 24, "2022-01-04")
    assert len(first) <= 24 and len(second) <= 24 - 11
    assert "Bắc Ninh" in first + " " + second
    assert elide_middle("short", 10) == "short"
    assert len(elide_middle(title, 20)) <= 20


@sync
async def test_enter_on_a_figure_shows_everything_about_it() -> None:
    from apphelp import plain

    from reportview.ui.screens.figure import FigureScreen, sentence_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", *["j"] * 6, "f", "j", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FigureScreen)
        figure = screen.figure
        assert figure.text == "0,9%"
        fields = plain(screen.fields_table)
        for word in (
            "as written",
            "value",
            "kind",
            "unit",
            "upper",
            "total",
            "qualifier",
            "change",
            "base",
            "period",
            "place",
            "label",
            "offsets",
        ):
            assert word in fields
        assert "kế hoạch" in fields and "percent" in fields and f"{figure.start}-{figure.end}" in fields
        sentence = sentence_text(app.main.report, figure)
        marked = [sentence.plain[s.start : s.end] for s in sentence.spans if "reverse" in str(s.style)]
        assert marked == ["0,9%"] and "vượt 0,9% kế hoạch" in sentence.plain
        await pilot.press("escape")
        assert not isinstance(app.screen, FigureScreen)
        # and from the palette
        await pilot.press("ctrl+p", *"figure details")
        for _ in range(100):
            await pilot.pause(0.02)
            options = [str(o.prompt) for o in app.screen.query_one("CommandList").options]
            if "Figure details" in options:
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)


@sync
async def test_w_reads_the_whole_report_and_the_lists_move_through_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        reader = main.query_one(Reader)
        one_section = len(reader.lines)
        await pilot.press("enter", "w")
        assert reader.whole and reader.border_title.startswith("Whole report")
        report = main.report
        assert len(reader.lines) > 5 * one_section
        for s in report.sections:
            assert s.title[:20] in " ".join(reader.lines), "every section is in the text"
        await pilot.press("j", "j", "j")
        await pilot.pause()
        section = report.sections[3]
        line = reader.line_of(section.start)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height
        await pilot.press("w")
        assert not reader.whole and reader.section is section
        assert len(reader.lines) < 3 * one_section + 40


@sync
async def test_skipped_files_are_listed_with_why(tmp_path) -> None:
    from apphelp import plain

    from reportview.ui.screens.skipped import SkippedScreen

    (tmp_path / "a.txt").write_text("Báo cáo\n\n1. Thu ngân sách đạt 5 tỷ đồng.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert "S lists them" in app.main.query_one("#status").text
        await pilot.press("S")
        assert isinstance(app.screen, SkippedScreen)
        listed = plain(app.screen.table)
        assert "empty.txt" in listed and "empty" in listed.split("empty.txt", 1)[1]
        await pilot.press("escape")
        assert not isinstance(app.screen, SkippedScreen)


def drawn_row(table: FiguresTable, figure) -> str:
    """The line the table draws for `figure` (scrolled into view first by the caller)."""
    lines = visible(table)
    row = table.figures.index(figure)
    y = row + 1 - int(table.scroll_y)  # under the header row
    assert 1 <= y < len(lines), (row, table.scroll_y)
    return lines[y]


@sync
async def test_figures_at_120_columns_show_base_and_period_on_every_row() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", *["j"] * 6, "f")
        await pilot.pause()
        table = app.main.figures_table
        shown = [str(k.value) for k in table.columns]
        assert shown[:4] == ["text", "label", "base", "period"], shown
        widths = {str(k.value): c.width for k, c in table.columns.items()}
        assert widths["label"] >= 30
        with_base = [f for f in table.figures if f.base and f.base.startswith("so với năm 2020")]
        assert len(with_base) >= 3
        for figure in table.figures[:20]:
            table.select_figure(figure)
            await pilot.pause()
            line = drawn_row(table, figure)
            assert figure.text in line, "the value as written, with its unit"
            assert figure.period and figure.period in line.split(figure.text, 1)[1]
            if figure.base:
                assert figure.base[:14] in line, (figure.base, line)
            assert figure.label and figure.label.split()[0] in line
        assert table.border_subtitle is None, "nothing left over for the detail line"
        # the figures with a base further down too
        for figure in with_base:
            table.select_figure(figure)
            await pilot.pause()
            line = drawn_row(table, figure)
            assert "so với năm 2020" in line and figure.period in line


@sync
async def test_at_80_columns_the_label_stays_and_base_and_period_go_to_the_detail_line() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", *["j"] * 6, "f", "j")
        await pilot.pause()
        table = app.main.figures_table
        figure = table.current
        assert figure is not None and figure.text == "0,9%" and figure.base
        shown = [str(k.value) for k in table.columns]
        assert shown[:2] == ["text", "label"] and "base" not in shown and "period" not in shown
        line = drawn_row(table, figure)
        assert "0,9%" in line and "GRDP" in line, "the value as written and its label"
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no sideways scroll"
        assert f"vs {figure.base}" in str(table.border_subtitle)
        assert f"period {figure.period}" in str(table.border_subtitle)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert "base" in [str(k.value) for k in table.columns], "with room, base is a column"
        assert table.current is figure and table.border_subtitle is None
