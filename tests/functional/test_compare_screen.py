"""The Compare screen (m): the pivot grid over the provinces corpus, its cells back to the sentence."""

from __future__ import annotations

import time

import pytest
from apphelp import make_app, sync, wait_loaded
from conftest import shared_path
from textual.widgets import DataTable

from reportview.ui.screens.compare import CompareScreen


async def _compared(pilot, spec: str | None = None) -> CompareScreen:
    """Press m (and give `spec`), then wait until the grid is filled."""
    await pilot.press("m")
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    if spec is not None:
        await pilot.press("i", *spec, "enter")
    deadline = time.monotonic() + 30
    while screen.pivot is None or (spec is not None and screen.indicator.id != spec):
        if time.monotonic() > deadline:
            raise AssertionError("the comparison was not drawn")
        await pilot.pause(0.02)
    await pilot.pause()
    return screen


def _move_to(screen: CompareScreen, place_name: str, period: str) -> None:
    grid = screen.query_one(DataTable)
    keys = [screen.pivot.place_names[p] for p in screen.order]
    grid.move_cursor(row=keys.index(place_name), column=1 + screen.pivot.periods.index(period))


@pytest.fixture
def provinces():
    return shared_path("corpus", "provinces")


@sync
async def test_the_grid_lays_out_places_by_period_and_enter_opens_the_sentence(provinces) -> None:
    app = make_app([provinces])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=60)
        screen = await _compared(pilot)
        grid = screen.query_one(DataTable)
        assert screen.indicator.id == "grdp_growth_pct"
        assert grid.row_count == len(screen.pivot.places) >= 20
        assert "2023" in screen.pivot.periods and "2022-H1" in screen.pivot.periods
        _move_to(screen, "tỉnh Bắc Ninh", "2023")
        await pilot.pause()
        assert grid.get_cell_at(grid.cursor_coordinate).plain == "-6,18%*"
        assert "6,18%" in str(screen.query_one("#compare-sources").render())
        await pilot.press("y")
        assert app.clipboard == "-6,18%*"
        await pilot.press("c")
        lines = app.clipboard.splitlines()
        assert lines[0].startswith("place\t2019\t") and len(lines) == 1 + grid.row_count
        await pilot.press("enter")
        await pilot.pause()
        main = app.main
        assert app.screen is main
        report = main.report
        assert report is not None and report.place == "tỉnh Bắc Ninh"
        selected = main.query_one("Reader").selected
        assert selected is not None and selected.text == "6,18%" and selected.change is not None


@sync
async def test_sorting_disagreement_and_another_indicator(provinces) -> None:
    app = make_app([provinces])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=60)
        screen = await _compared(pilot)
        grid = screen.query_one(DataTable)
        # Several reports of one place and period: every distinct value is shown.
        disagreeing = [
            (place, period)
            for (place, period), rows in screen.pivot.cells.items()
            if screen.pivot.disagrees(rows)
        ]
        assert disagreeing, "the corpus has places reported twice with different numbers"
        place, period = disagreeing[0]
        _move_to(screen, screen.pivot.place_names[place], period)
        await pilot.pause()
        assert " | " in grid.get_cell_at(grid.cursor_coordinate).plain
        first = screen.source
        await pilot.press("n")
        assert screen.source == first + 1
        # Sort by the 2023 column: the values come in order, empty cells last.
        grid.move_cursor(column=1 + screen.pivot.periods.index("2023"))
        await pilot.press("s")
        col = 1 + screen.pivot.periods.index("2023")
        column = [grid.get_cell_at((r, col)).plain for r in range(grid.row_count)]
        filled = [c for c in column if c]
        assert column[: len(filled)] == filled
        values = [float(c.split()[0].rstrip("%*").replace(",", ".")) for c in filled]
        assert values == sorted(values)
        await pilot.press("s")
        column = [grid.get_cell_at((r, col)).plain for r in range(grid.row_count)]
        again = [float(c.split()[0].rstrip("%*").replace(",", ".")) for c in column if c]
        assert again == sorted(values, reverse=True)
        screen = await _compared(pilot, "budget_revenue_vnd")
        assert "tỷ đồng" in screen.grid_tsv()
        await pilot.press("escape")
        assert app.screen is app.main


@sync
async def test_from_the_figures_panel_it_starts_on_the_figures_indicator(provinces) -> None:
    app = make_app([provinces])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=60)
        main = app.main
        index = next(i for i, r in enumerate(main.reports) if r.name.startswith("p016_"))
        main.show_report(index)
        report = main.report
        revenue = next(f for f in report.figures if f.unit == "VND" and "bán lẻ" in (f.label or "").lower())
        main.show_section(revenue.section_index)
        await pilot.press("f")
        main.figures_table.select_figure(revenue)
        await pilot.pause()
        screen = await _compared(pilot)
        assert screen.indicator.id == "retail_sales_vnd"


async def _grid(pilot) -> None:
    await wait_loaded(pilot, timeout=60)
    screen = await _compared(pilot)
    _move_to(screen, "tỉnh Bắc Ninh", "2023")
    await pilot.pause()


def test_compare_screen_snapshot_120x40(snap_compare, provinces) -> None:
    assert snap_compare(make_app([provinces]), terminal_size=(120, 40), run_before=_grid)


def test_compare_screen_snapshot_80x24(snap_compare, provinces) -> None:
    assert snap_compare(make_app([provinces]), terminal_size=(80, 24), run_before=_grid)
