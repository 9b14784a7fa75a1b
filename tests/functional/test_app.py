"""The app on the real seeds, driven with Textual's pilot: every action the user has."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from apphelp import SEEDS, has_search, make_app, plain, search, sync, wait_loaded

from reportview.config import SHIPPED_CONFIG, config_from_dict, read_config_file
from reportview.core.columns import COLUMN_NAMES
from reportview.core.corpus import Progress
from reportview.ui import actions
from reportview.ui.screens.export import ExportScreen
from reportview.ui.screens.help import HelpScreen
from reportview.ui.widgets.figures_table import FiguresTable
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList
from reportview.ui.widgets.section_list import SectionList

BAC_NINH = 0  # seeds/000_*: Bắc Ninh 2021, ten numbered items
GRDP = "39.399,4 tỷ đồng"

needs_search = pytest.mark.skipif(not has_search(), reason="reportview.core.search is not importable yet")


def section_number(app) -> int | None:
    section = app.main.section
    return section.number if section else None


async def open_bac_ninh_6(pilot) -> None:
    """Reports pane -> enter -> down to item 6 (the section with the GRDP figure)."""
    await pilot.press("enter")
    for _ in range(6):
        await pilot.press("j")
    await pilot.pause()


@sync
async def test_loads_the_seeds_with_counts_in_the_header() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        assert len(main.reports) == 5
        n_sections = sum(len(r.sections) for r in main.reports)
        n_figures = sum(len(r.figures) for r in main.reports)
        assert app.sub_title == f"5 reports · {n_sections} sections · {n_figures} figures"
        assert main.query_one(ReportList).count == 5
        assert main.report_index == 0 and main.section_index == 0
        assert isinstance(app.focused, ReportList)
        assert main.query_one(Reader).lines, "the first section's text is shown"


@sync
async def test_navigation_keys_move_through_reports_sections_and_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await pilot.press("j")
        assert main.report_index == 1
        await pilot.press("down", "down")
        assert main.report_index == 3
        await pilot.press("k")
        assert main.report_index == 2
        await pilot.press("G")
        assert main.report_index == 4
        await pilot.press("g")
        assert main.report_index == 0
        await pilot.press("right_square_bracket")
        assert main.report_index == 1
        await pilot.press("left_square_bracket")
        assert main.report_index == 0
        # enter opens the report's sections, enter again opens the text
        await pilot.press("enter")
        assert isinstance(app.focused, SectionList)
        for _ in range(6):
            await pilot.press("j")
        assert section_number(app) == 6
        text = "\n".join(main.query_one(Reader).lines)
        assert GRDP in text.replace("\n", " ") or "39.399,4" in text
        await pilot.press("enter")
        assert isinstance(app.focused, Reader)
        await pilot.press("f")
        assert isinstance(app.focused, FiguresTable)
        await pilot.press("tab")
        assert isinstance(app.focused, ReportList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, FiguresTable)
        await pilot.press("pagedown", "pageup")


@sync
async def test_reader_scrolls_and_figure_rows_highlight_the_text() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        main = app.main
        reader = main.query_one(Reader)
        assert len(reader.lines) > 30
        assert all(len(line.rstrip()) <= 80 for line in reader.lines), "a space may end a full line"
        await pilot.press("f")
        table = main.query_one(FiguresTable)
        assert reader.selected == table.figures[0]
        await pilot.press("G")
        last = table.figures[-1]
        assert table.current == last and reader.selected == last
        line = reader.line_of(last.start)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height
        await pilot.press("g")
        assert reader.selected == table.figures[0]
        # the reader scrolls with its own keys
        await pilot.press("tab", "tab", "tab")
        assert isinstance(app.focused, Reader)
        reader.scroll_home(animate=False, immediate=True)
        await pilot.press("j", "j", "pagedown")
        await pilot.pause()
        assert reader.scroll_y > 0


@sync
async def test_y_copies_the_first_figure_until_a_row_is_chosen() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        await pilot.press("y")
        assert app.clipboard == GRDP
        await pilot.press("f", "j", "y")
        table = app.main.query_one(FiguresTable)
        assert app.clipboard == table.figures[1].text == "0,9%"


@sync
async def test_copy_value_row_section_tsv_and_markdown() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        report = app.main.report
        figures = report.figures_in(app.main.section.index)
        await pilot.press("v")
        assert app.clipboard == "39399400000000"
        await pilot.press("Y")
        cells = dict(zip(COLUMN_NAMES, app.clipboard.rstrip("\n").split("\t"), strict=True))
        assert (cells["value"], cells["unit"], cells["text"]) == ("39399400000000", "VND", GRDP)
        assert cells["label"].startswith("Tổng sản phẩm trên địa bàn (GRDP")
        assert cells["doc"] == report.path and cells["section"] == "6"
        assert cells["section_title"].startswith("Mặc dù chịu ảnh hưởng")
        assert cells["report"] == report.display_title != report.name
        await pilot.press("c")
        lines = app.clipboard.rstrip("\n").split("\n")
        assert lines[0].split("\t") == list(COLUMN_NAMES)
        assert len(lines) == 1 + len(figures)
        assert lines[1].split("\t")[COLUMN_NAMES.index("text")] == GRDP
        await pilot.press("C")
        md = app.clipboard.rstrip("\n").split("\n")
        assert md[0] == "| " + " | ".join(COLUMN_NAMES) + " |"
        assert len(md) == 2 + len(figures)
        assert f"| {GRDP} |" in md[2]


@sync
async def test_copy_on_a_section_without_figures_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        # find a section with no figures in the seeds
        target = next(
            (ri, s.index)
            for ri, r in enumerate(main.reports)
            for s in r.sections
            if not r.figures_in(s.index)
        )
        main.go_to(*target)
        await pilot.pause()
        before = app.clipboard
        await pilot.press("y")
        assert app.clipboard == before
        assert any("no figures" in n.message for n in app._notifications)
        assert main.query_one(FiguresTable).empty_reason == "This section has no figures."


@sync
async def test_sort_cycles_the_figures_order() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        await pilot.press("f")
        table = app.main.query_one(FiguresTable)
        in_text = [f.start for f in table.figures]
        assert in_text == sorted(in_text)
        await pilot.press("s")
        values = [f.value for f in table.figures]
        assert values == sorted(values, reverse=True)
        assert "by value" in str(table.border_title)
        await pilot.press("s")
        kinds = [f.kind for f in table.figures]
        assert kinds == sorted(kinds)
        await pilot.press("s", "s", "s")
        assert [f.start for f in table.figures] == in_text


@sync
async def test_clicking_a_column_header_sorts_by_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        table = app.main.query_one(FiguresTable)
        columns = list(table.columns.values())
        label = [str(c.key.value) for c in columns].index("label")
        # Inside the "label" header: past the pane's border and the columns before it.
        x = 1 + sum(c.get_render_width(table) for c in columns[:label]) + 2
        await pilot.click(FiguresTable, offset=(x, 1))
        await pilot.pause()
        labels = [(f.label or "\uffff").casefold() for f in table.figures]
        assert labels == sorted(labels)
        assert "by label" in str(table.border_title)


@sync
async def test_export_writes_a_file_and_confirms_before_overwriting(tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "grdp.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(out)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        data = out.read_bytes().decode("utf-8-sig")
        n = len(app.main.report.figures_in(app.main.section.index))
        assert data.count("\r\n") == n + 1
        assert GRDP in data
        # again: the file exists, so the first Enter only asks
        out.write_text("keep me", encoding="utf-8")
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(out)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in str(app.screen.query_one("#export-message").render())
        assert out.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert GRDP in out.read_text(encoding="utf-8-sig")
        # whole report, markdown by extension
        md = tmp_path / "report.md"
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(md)
        app.screen.query_one("#export-whole").value = True
        await pilot.press("enter")
        await pilot.pause()
        assert md.read_text(encoding="utf-8").count("\n") == len(app.main.report.figures) + 2


@sync
async def test_export_refuses_unknown_format_and_escape_cancels(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(tmp_path / "x.doc")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "unknown export format" in str(app.screen.query_one("#export-message").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)
        assert list(tmp_path.iterdir()) == []


@sync
async def test_help_lists_every_binding_and_the_search_syntax() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = plain(app.screen.keys_table)
        for row in actions.ACTIONS:
            assert row.help in " ".join(keys.split()), row.id
        syntax = plain(app.screen.syntax_table)
        for word in ('"exact phrase"', "kind:money|percent|count|ratio|measure", "in:titles|text|figures"):
            assert word in syntax
        keys = plain(app.screen.keys_table)
        assert "copy the figure as written" in keys
        assert "? / f1" in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


@sync
async def test_keys_are_remapped_from_config() -> None:
    raw = read_config_file(SHIPPED_CONFIG)
    raw["keys"] = {**raw["keys"], "copy_figure": "x", "quit": "ctrl+q"}
    config = config_from_dict(raw, source=str(SHIPPED_CONFIG))
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await open_bac_ninh_6(pilot)
        await pilot.press("y")
        assert app.clipboard == ""
        await pilot.press("x")
        assert app.clipboard == GRDP
        await pilot.press("question_mark")
        line = next(x for x in plain(app.screen.keys_table).splitlines() if "copy the figure as written" in x)
        assert line.split()[0] == "x"
        await pilot.press("escape", "q")
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@sync
async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@sync
async def test_mouse_click_selects_report_and_section() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.click(ReportList, offset=(5, 5))  # border row, then two lines per report
        await pilot.pause()
        assert app.main.report_index == 2
        await pilot.click(SectionList, offset=(5, 2))
        await pilot.pause()
        assert app.main.section_index == 1


@sync
async def test_command_palette_goes_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Go to section: 6. Mặc dù")
        for _ in range(100):
            await pilot.pause(0.02)
            if section_number(app) == 6:
                break
            await pilot.press("enter")
        assert app.main.report_index == BAC_NINH
        assert section_number(app) == 6


@sync
async def test_report_text_is_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Báo cáo [bold red]thử[/bold red] năm 2021\n\n"
        "1. Doanh thu đạt 12,5 tỷ đồng \x1b[31m[link=http://x]bấm[/link]\x1b[0m tăng 5%.\n\n"
        "2. Mục hai có 30 người.\n",
        encoding="utf-8",
    )
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        text = "\n".join(main.query_one(Reader).lines)
        for s in main.query_one(SectionList).report.sections:
            main.go_to(0, s.index)
            await pilot.pause()
            text += "\n".join(main.query_one(Reader).lines)
        assert "[link=http://x]bấm[/link]" in text
        assert "␛[31m" in text and "\x1b" not in text
        title = main.query_one(ReportList).row_text(0, 200).plain
        assert "[bold red]thử[/bold red]" in title


@sync
async def test_empty_folder_says_so(tmp_path: Path) -> None:
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        assert main.reports == []
        assert "No reports found" in main.query_one(ReportList).empty_text
        assert app.sub_title.startswith("0 reports")
        await pilot.press("y", "c", "e")
        assert app.clipboard == ""
        assert not isinstance(app.screen, ExportScreen)


@sync
async def test_loading_is_progressive_and_escape_cancels(
    monkeypatch: pytest.MonkeyPatch, seed_reports
) -> None:
    release = threading.Event()

    def slow_corpus(paths, config, use_cache=True, cancel=None, keep_frozen=False, with_terms=False):
        total = 1000
        yield Progress(1, total, report=seed_reports[0])
        for done in range(2, total + 1):
            while not release.is_set():
                if cancel is not None and cancel.is_set():
                    return
                time.sleep(0.005)
            yield Progress(done, total, report=seed_reports[done % len(seed_reports)])

    monkeypatch.setattr("reportview.core.corpus.iter_corpus", slow_corpus)
    app = make_app()
    try:
        await _progressive_load_checks(app)
    finally:
        release.set()  # a failed check must not leave the fake loader waiting for ever


async def _progressive_load_checks(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.01)
            if app.main.reports:
                break
        main = app.main
        assert main.is_loading and len(main.reports) == 1
        assert main.load_total == 1000
        # the panes are on screen while loading (nothing covers them)
        assert isinstance(app.screen.get_widget_at(10, 5)[0], ReportList)
        assert isinstance(app.screen.get_widget_at(60, 20)[0], Reader)
        assert "Loading… 1/1,000 files" in main.query_one("#status").text
        # usable from the first report on
        await pilot.press("enter", "j")
        assert main.section_index == 1
        await pilot.press("escape")
        await wait_loaded(pilot)
        assert not main.is_loading
        assert len(main.reports) == 1
        assert "Stopped: 1 of 1,000" in main.query_one("#status").text


@needs_search
@sync
async def test_search_jumps_to_the_section_and_marks_hits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await search(pilot, "GRDP")
        main = app.main
        assert main.search_hits, "GRDP is in the seeds"
        await pilot.press("enter")
        await pilot.pause()
        assert main.report_index == BAC_NINH and section_number(app) == 6
        table = main.query_one(FiguresTable)
        assert table.figures[0].text == GRDP
        reader = main.query_one(Reader)
        assert reader.hits and isinstance(app.focused, Reader)
        a, b = reader.hits[0]
        assert main.report.text[a:b].upper() == "GRDP"
        assert not main.query_one("#search").display
        await pilot.press("y")
        assert app.clipboard == GRDP


@needs_search
@sync
async def test_n_and_shift_n_move_between_hits_and_escape_returns() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f")
        await search(pilot, "doanh nghiep")
        main = app.main
        assert len(main.search_hits) >= 2
        await pilot.press("down")
        assert main.query_one("#results").cursor == 1
        await pilot.press("up", "enter")
        await pilot.pause()
        stops = main.hit_stops
        assert len(stops) >= 2 and main.hit_pos == 0
        await pilot.press("n")
        assert main.hit_pos == 1
        await pilot.press("N")
        assert main.hit_pos == 0
        await pilot.press("N")
        assert main.hit_pos == len(stops) - 1
        # Esc closes the search and gives focus back to where the user was
        await pilot.press("slash")
        assert main.query_one("#search").has_focus
        await pilot.press("escape")
        assert not main.query_one("#search").display
        assert isinstance(app.focused, Reader), app.focused
        # from the figures panel (which steps aside while searching) and back to it
        await pilot.press("f", "slash")
        assert not main.query_one(FiguresTable).display or main.has_class("-searching")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, FiguresTable), app.focused


@needs_search
@sync
async def test_search_without_results_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await search(pilot, "zzqxqzz")
        results = app.main.query_one("#results")
        assert results.count == 0 and "No results" in results.empty_text
        await pilot.press("enter")
        assert app.main.query_one("#search").display


@sync
async def test_narrow_terminal_keeps_every_pane_visible() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        assert main.has_class("-narrow")
        for widget in (ReportList, SectionList, Reader, FiguresTable):
            region = main.query_one(widget).region
            assert region.width >= 20 and region.height >= 5, (widget, region)
        await open_bac_ninh_6(pilot)
        await pilot.press("y")
        assert app.clipboard == GRDP


def test_seeds_folder_is_there() -> None:
    assert len(list(SEEDS.glob("*.txt"))) == 5


@sync
async def test_theme_comes_from_config_and_unknown_themes_are_reported() -> None:
    raw = read_config_file(SHIPPED_CONFIG)
    app = make_app(config=config_from_dict({**raw, "theme": "nord"}, source=str(SHIPPED_CONFIG)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.theme == "nord"
    app = make_app(config=config_from_dict({**raw, "theme": "no-such-theme"}, source=str(SHIPPED_CONFIG)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.theme == "textual-dark"
        assert any("Unknown theme 'no-such-theme'" in n.message for n in app._notifications)


@sync
async def test_no_color_turns_colours_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.no_color
        # the cursor row is still marked without colour
        assert app.main.query_one(ReportList).render_line(0).text.startswith("▸ ")


@needs_search
@sync
async def test_results_keep_the_spaces_around_marked_words() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await search(pilot, "cu tri di bau")
        results = app.main.query_one("#results")
        assert results.count >= 1
        hit = results.hits[0]
        row = results.row_text(0, 500).plain
        assert hit.snippet_matches, "the snippet marks the matched words"
        assert re.sub(r"\s", " ", hit.snippet) in row


@sync
async def test_footer_keys_hidden_by_the_palette_key_take_no_clicks() -> None:
    # At 80 columns the palette key is drawn over the last keys: a click on it opens the
    # palette, not the key cropped away under it.
    from textual.command import CommandPalette

    from reportview.ui.widgets.key_footer import KeyFooter

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.click(KeyFooter, offset=(72, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


@sync
async def test_status_line_shows_paths_on_one_printable_line() -> None:
    from reportview.ui.widgets.status import StatusBar

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        status = app.main.query_one(StatusBar)
        status.set_text("Loading /tmp/a\tb\x1b[2Jc\nd…")
        assert status.text.isprintable() and "\x1b" not in status.text
        assert status.text.startswith("Loading /tmp/a b")


@sync
async def test_figures_shown_before_the_table_is_mounted_appear_once_it_is(monkeypatch) -> None:
    # The figures table replaces its placeholder on first use; a caller may fill it at once.
    from reportview.core.loading import load_report
    from reportview.ui.screens.main import MainScreen

    figures = list(load_report(sorted(SEEDS.glob("*.txt"))[0]).figures[:5])
    monkeypatch.setattr(MainScreen, "begin_load", lambda self: None)  # keep the placeholder up
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.main.figures_table  # mounts it (asynchronously)
        table.show(figures)
        assert table.figures and len(table.figures) == 5
        await pilot.pause()
        assert [str(k.value) for k in table.columns][:2] == ["text", "label"]
        assert table.row_count == 5


@sync
async def test_one_report_is_counted_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Báo cáo\n\n1. Thu ngân sách đạt 5 tỷ đồng.\n", encoding="utf-8")
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.sub_title == "1 report · 1 section · 1 figure"
        assert app.main.query_one("#status").text.startswith("1 report loaded")
        await pilot.press("enter")
        assert app.main.query_one(Reader).border_title.endswith("· 1 figure")


@sync
async def test_the_modal_panels_share_one_frame_that_scrolls_with_j_and_k() -> None:
    from textual.containers import VerticalScroll

    from reportview.ui.screens.figure import FigureScreen
    from reportview.ui.screens.scroll_modal import ScrollModal
    from reportview.ui.screens.skipped import SkippedScreen

    assert all(issubclass(s, ScrollModal) for s in (HelpScreen, FigureScreen, SkippedScreen))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        frame = app.screen.query_one(VerticalScroll)
        assert frame.border_title == "reportview help"
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert frame.scroll_y > 0  # the help is longer than 24 rows: j scrolls it
        down = frame.scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert frame.scroll_y < down
        await pilot.press("escape")
        assert not isinstance(app.screen, ScrollModal)
