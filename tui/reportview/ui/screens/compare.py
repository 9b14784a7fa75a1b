"""The Compare screen: one indicator across the loaded reports as place × period, each cell back
to its sentence. Renders core.compare's rows and core.compare_table's cell texts; parses nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Static

from reportview.core.compare import CompareRow, Pivot, compare, pivot
from reportview.core.compare_table import (
    ESTIMATE_NOTE,
    convention_of,
    long_csv,
    pivot_grid,
    row_values,
)
from reportview.core.export import ExportError, atomic_write
from reportview.core.indicators import Indicator, IndicatorError, registry, resolve
from reportview.core.model import Report
from reportview.core.textsafe import one_line
from reportview.ui import actions
from reportview.ui.counts import counted

_COMPARE_ACTIONS = actions.by_target("compare")


class CompareScreen(Screen[None]):
    """The pivot grid of one indicator, its sources under it."""

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-indicator { height: 3; border: round $primary; }
    CompareScreen #compare-grid { height: 1fr; border: round $primary; }
    CompareScreen #compare-sources { height: auto; max-height: 8; border: round $secondary; padding: 0 1; }
    CompareScreen #compare-note { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("compare")  # type: ignore[assignment]

    def __init__(
        self,
        reports: Sequence[Report],
        spec: str,
        open_figure: Callable[[int, int], None],
        copy: Callable[[str, str], None],
        extra: dict[str, Indicator] | None = None,
    ) -> None:
        super().__init__()
        self.reports = list(reports)
        self.spec = spec
        self.open_figure = open_figure
        self.copy = copy
        self.known = registry(extra)
        self.rows: list[CompareRow] = []
        self.indicator: Indicator | None = None
        self.pivot: Pivot | None = None
        self.order: list[str] = []  # the place keys in the grid's current row order
        self.sort_column: int | None = None
        self.sort_reverse = False
        self.source = 0  # which of a cell's reports Enter opens

    def compose(self) -> ComposeResult:
        from reportview.ui.widgets.key_footer import KeyFooter

        field = Input(
            value=self.spec,
            placeholder="indicator id or words (grdp_growth_pct, thu ngân sách, ...)",
            id="compare-indicator",
            suggester=SuggestFromList(sorted(self.known), case_sensitive=False),
        )
        field.border_title = "Indicator"
        yield field
        grid: DataTable[Text] = DataTable(id="compare-grid", cursor_type="cell", zebra_stripes=True)
        grid.fixed_columns = 1  # the place names stay in view when the periods scroll
        grid.border_title = "Compare"
        yield grid
        sources = Static(id="compare-sources")
        sources.border_title = "Sources"
        yield sources
        yield Static(ESTIMATE_NOTE, id="compare-note")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.run_compare(self.spec)
        self.query_one(DataTable).focus()

    def _first_cell(self) -> None:
        """The cursor on the first filled cell of the first row (not on the place names)."""
        grid, p = self.query_one(DataTable), self.pivot
        if p is None or not self.order or not p.periods:
            return
        col = next((n for n, period in enumerate(p.periods, 1) if p.cell(self.order[0], period)), 1)
        grid.move_cursor(row=0, column=col)

    # --- computing ------------------------------------------------------------------------------

    def run_compare(self, spec: str) -> None:
        try:
            indicators = resolve(spec, self.known)
        except IndicatorError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.spec = spec
        self.indicator = indicators[0]
        grid = self.query_one(DataTable)
        grid.border_title = (
            f"Compare · {one_line(self.indicator.title)} · comparing {len(self.reports)} reports…"
        )
        self._compute(self.indicator)

    @work(thread=True, exclusive=True, group="compare")
    def _compute(self, indicator: Indicator) -> None:
        rows = compare(self.reports, [indicator])
        self.app.call_from_thread(self._show, indicator, rows)

    def _show(self, indicator: Indicator, rows: list[CompareRow]) -> None:
        if indicator is not self.indicator:
            return  # a newer indicator was asked for meanwhile
        self.rows = rows
        self.pivot = pivot(rows, indicator.id)
        self.order = list(self.pivot.places)
        self.sort_column, self.sort_reverse = None, False
        self._fill()
        self._first_cell()

    def _fill(self) -> None:
        grid: DataTable[Text] = self.query_one(DataTable)
        p, indicator = self.pivot, self.indicator
        grid.clear(columns=True)
        if p is None or indicator is None:
            return
        convention = convention_of([self.reports[r.report_index].convention for r in self.rows])
        header, body = pivot_grid(p, convention)
        by_place = dict(zip(p.places, body, strict=True))
        for name in header:
            grid.add_column(Text(name, style="bold"), key=name)
        for place in self.order:
            line = by_place[place]
            cells = [Text(line[0])]
            for n, period in enumerate(p.periods, start=1):
                rows = p.cell(place, period)
                style = "bold yellow" if p.disagrees(rows) else ""
                cells.append(Text(line[n], style=style, justify="right"))
            cells.append(Text(line[-1], style="cyan"))
            grid.add_row(*cells, key=place)
        reports = len({r.report_index for r in self.rows})
        grid.border_title = (
            f"Compare · {one_line(indicator.title)} ({indicator.id}) · "
            f"{counted(len(p.places), 'place')} × {counted(len(p.periods), 'period')} · "
            f"from {counted(reports, 'report')} of {len(self.reports)}"
        )
        if not self.rows:
            grid.border_title += " · no report states it"
        self._show_sources()

    # --- the cell under the cursor ------------------------------------------------------------------

    def _cell_rows(self) -> tuple[CompareRow, ...]:
        grid = self.query_one(DataTable)
        p = self.pivot
        if p is None or not self.order or grid.row_count == 0:
            return ()
        row, col = grid.cursor_coordinate
        if not (0 <= row < len(self.order)) or not (1 <= col <= len(p.periods)):
            return ()
        return p.cell(self.order[row], p.periods[col - 1])

    def _show_sources(self) -> None:
        rows = self._cell_rows()
        sources = self.query_one("#compare-sources", Static)
        if not rows:
            grid, p = self.query_one(DataTable), self.pivot
            row, col = grid.cursor_coordinate
            if p is not None and 0 <= row < len(self.order) and 1 <= col <= len(p.periods):
                name = p.place_names.get(self.order[row], self.order[row])
                said = f"No report gives {name} for {p.periods[col - 1]}."
            else:
                said = "Move to a cell to see the reports it comes from."
            sources.update(Text(said, style="italic"))
            return
        self.source %= len(rows)
        text = Text()
        for n, row in enumerate(rows):
            report = self.reports[row.report_index]
            mark = "▸ " if n == self.source else "  "
            where = f"§{row.section}" if row.section is not None else "lead"
            text.append(mark, style="bold")
            text.append(one_line(row.text), style="bold reverse" if n == self.source else "bold")
            text.append(f"  {one_line(row.label)[:50]}  ·  {one_line(report.display_title)[:60]} ({where})")
            if row.is_estimate:
                text.append("  estimate", style="italic")
            if row.candidates > 1:
                text.append(f"  ·  {row.candidates - 1} other candidate(s) in the report", style="dim")
            if n < len(rows) - 1:
                text.append("\n")
        sources.update(text)

    @on(DataTable.CellHighlighted, "#compare-grid")
    def _cell_moved(self, event: DataTable.CellHighlighted) -> None:
        self.source = 0
        self._show_sources()

    @on(DataTable.CellSelected, "#compare-grid")
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        self.action_compare_open()

    @on(DataTable.HeaderSelected, "#compare-grid")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self._sort(event.column_index)

    @on(Input.Submitted, "#compare-indicator")
    def _indicator_given(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.run_compare(event.value.strip())
            self.query_one(DataTable).focus()

    # --- actions (the registry's "compare" rows) -----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        row = _COMPARE_ACTIONS.get(action)
        if row is None or row.when == "always":
            return True
        return True if self._cell_rows() else None

    def action_compare_open(self) -> None:
        rows = self._cell_rows()
        if not rows:
            return
        row = rows[self.source % len(rows)]
        self.dismiss()
        self.open_figure(row.report_index, row.figure_index)

    def action_compare_next_source(self) -> None:
        rows = self._cell_rows()
        if len(rows) > 1:
            self.source = (self.source + 1) % len(rows)
            self._show_sources()

    def action_compare_copy_cell(self) -> None:
        grid = self.query_one(DataTable)
        if grid.row_count == 0:
            return
        cell = grid.get_cell_at(grid.cursor_coordinate)
        text = cell.plain if isinstance(cell, Text) else str(cell)
        self.copy(text, f"the cell {one_line(text) or '(empty)'}")

    def grid_tsv(self) -> str:
        """The grid as shown (rows in their current order) as tab-separated lines."""
        grid: DataTable[Text] = self.query_one(DataTable)
        lines = ["\t".join(col.label.plain for col in grid.ordered_columns)]
        for n in range(grid.row_count):
            lines.append("\t".join(c.plain if isinstance(c, Text) else str(c) for c in grid.get_row_at(n)))
        return "\n".join(lines) + "\n"

    def action_compare_copy_grid(self) -> None:
        if self.pivot is None:
            return
        self.copy(self.grid_tsv(), f"the grid, {counted(len(self.order), 'place')} (TSV)")

    def action_compare_export(self) -> None:
        """Write the long form (every row, exact values) next to the exports: compare-ID.csv."""
        if self.indicator is None or not self.rows:
            self.notify("Nothing to export: no report states this indicator.", severity="warning")
            return
        from reportview.ui.screens.export import default_folder

        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.indicator.id)[:60]
        path = default_folder() / f"compare-{safe}.csv"
        text = long_csv(self.rows)
        try:
            atomic_write(Path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
        except (OSError, ExportError) as exc:
            self.notify(f"Could not write {path}: {exc}", severity="error", markup=False)
            return
        self.notify(f"Wrote {counted(len(self.rows), 'row')} to {path}", timeout=5, markup=False)

    def action_compare_sort(self) -> None:
        self._sort(self.query_one(DataTable).cursor_coordinate.column)

    def _sort(self, column: int) -> None:
        p = self.pivot
        if p is None:
            return
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        if column == 0 or column > len(p.periods):
            self.order.sort(key=lambda place: p.place_names.get(place, place), reverse=self.sort_reverse)
        else:
            # Empty cells last either way; numbers by value.
            def value(place: str) -> tuple[int, float]:
                v = row_values(p, place)[column - 1]
                return (0, v) if v is not None else (1, 0.0)

            known = sorted((pl for pl in self.order if value(pl)[0] == 0), key=lambda pl: value(pl)[1],
                           reverse=self.sort_reverse)  # fmt: skip
            self.order = known + [pl for pl in self.order if value(pl)[0] == 1]
        grid = self.query_one(DataTable)
        keep = grid.cursor_coordinate
        self._fill()
        grid.move_cursor(row=0, column=keep.column)

    def action_compare_indicator(self) -> None:
        """Focus the indicator field with its text selected: what is typed replaces it."""
        field = self.query_one("#compare-indicator", Input)
        field.focus()
        field.select_all()

    def action_compare_close(self) -> None:
        self.dismiss()
