"""Scale in the app: 20,000 reports stream in and the lists draw only what is on screen; a section
with 500 figures shows and moves quickly."""

from __future__ import annotations

import time

import pytest
from apphelp import make_app, sync, wait_loaded

from reportview.core.corpus import Progress
from reportview.core.model import Figure, Report, Section
from reportview.core.search import SearchIndex
from reportview.ui.widgets.figures_table import FiguresTable
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList

N_REPORTS = 20_000


def big_report(n: int = 500) -> Report:
    text = "1. Mục lớn\n"
    figures = []
    for i in range(n):
        piece = f"Chỉ tiêu {i} đạt {i},5% kế hoạch; "
        start = len(text) + piece.index(f"{i},5%")
        written = f"{i},5%"
        figures.append(
            Figure(
                start,
                start + len(written),
                written,
                i + 0.5,
                "percent",
                "%",
                label=f"chỉ tiêu {i}",
                section_index=0,
                section_number=1,
            )
        )
        text += piece
    section = Section(0, 1, "Mục lớn", 0, len(text), 11, figure_start=0, figure_end=n)
    title = "Báo cáo 500 chỉ tiêu"
    return Report("big.txt", text, "utf-8", title, None, (section,), tuple(figures), caption=title)


@sync
async def test_twenty_thousand_reports_draw_only_visible_rows(
    monkeypatch: pytest.MonkeyPatch, seed_reports
) -> None:
    def corpus(paths, config, use_cache=True, cancel=None, keep_frozen=False, with_terms=False):
        for i in range(N_REPORTS):
            yield Progress(i + 1, N_REPORTS, report=seed_reports[i % len(seed_reports)])

    monkeypatch.setattr("reportview.core.corpus.iter_corpus", corpus)
    # Indexing 20k copies of the seeds (340 MB of text) is the search benchmark's subject, not this test's.
    monkeypatch.setattr(SearchIndex, "add", lambda self, report, terms=None: None)
    drawn: list[int] = []
    original = ReportList.row_lines

    def counting(self, index, width):
        drawn.append(index)
        return original(self, index, width)

    monkeypatch.setattr(ReportList, "row_lines", counting)
    app = make_app()
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=60)
        loaded = time.perf_counter() - started
        main = app.main
        assert len(main.reports) == N_REPORTS
        assert app.sub_title.startswith("20,000 reports · ")
        drawn.clear()
        await pilot.press("G")
        await pilot.pause()
        assert main.report_index == N_REPORTS - 1
        height = main.query_one(ReportList).scrollable_content_region.height
        assert 0 < len(drawn) <= 4 * height, "only the rows on screen are drawn"
        assert min(drawn) >= N_REPORTS - 2 * height
        await pilot.press("pageup", "k", "g")
        assert main.report_index == 0
    print(f"20k reports streamed into the app in {loaded:.1f} s")


@sync
async def test_a_section_with_500_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        main.reports.append(big_report())
        main.query_one(ReportList).rows_added()
        started = time.perf_counter()
        main.show_report(len(main.reports) - 1)
        await pilot.pause()
        shown = time.perf_counter() - started
        table = main.query_one(FiguresTable)
        assert table.row_count == 500 and table.border_title == "Figures (500)"
        await pilot.press("f", "G")
        reader = main.query_one(Reader)
        assert reader.selected == table.figures[-1]
        line = reader.line_of(table.figures[-1].start)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height
        started = time.perf_counter()
        await pilot.press("s")
        await pilot.pause()
        sorted_in = time.perf_counter() - started
        assert table.figures[0].value == 499.5
        await pilot.press("y")
        assert app.clipboard == "499,5%"
    print(f"500 figures: shown in {shown:.2f} s, sorted in {sorted_in:.2f} s")
