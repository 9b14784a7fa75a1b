"""Tables in the reader: a report's tables (core/tables.py) drawn as aligned grids.

The reader hands over the stretch it shows and the styled spans (figures, search hits, the
selected figure); each table in the stretch becomes grid text with one line per row, numbers
right-aligned, header rows bold over a rule, and the marks (source offset, display offset) of
its cells, so that a figure in a cell scrolls into view and is highlighted like a prose figure.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reportview.core.model import Report
from reportview.core.tables import Cell, Table
from reportview.core.textsafe import printable

SEPARATOR = " │ "
# Narrowest a column of words and a header get when the grid must shrink to fit.
MIN_LABEL = 16
MIN_COLUMN = 6
MAX_HEADER = 24


@dataclass(frozen=True, slots=True)
class Grid:
    """One table as display text: where it ends in the source, its text and its cells' marks."""

    end: int
    text: Text
    marks: tuple[tuple[int, int], ...]  # (source offset, display offset in `text`), ascending


def grids_in(
    report: Report,
    start: int,
    end: int,
    styled: Sequence[tuple[int, int, str]],
    styles: Mapping[str, Style],
    rank: Mapping[str, int],
    width: int,
    header_style: Style | None = None,
) -> dict[int, Grid]:
    """The grids of the tables in [start, end), by the source offset they are drawn at (a table
    the outline cut in two is drawn whole in each part; marks only for the part's own cells)."""
    out: dict[int, Grid] = {}
    for table, (a, b) in zip(report.tables, table_lines(report), strict=True):
        if a < end and b > start:
            at, stop = max(a, start), min(b, end)
            grid = _grid(report.text, table, styled, styles, rank, width, header_style)
            out[at] = Grid(stop, grid.text, tuple((src, d) for src, d in grid.marks if at <= src < stop))
    return out


def cuts_in(report: Report, start: int, end: int) -> list[int]:
    """Where the grids of `grids_in` begin and end in the source."""
    out = []
    for a, b in table_lines(report):
        if a < end and b > start:
            out += [max(a, start), min(b, end)]
    return out


def table_lines(report: Report) -> list[tuple[int, int]]:
    """Where each table's rows stand in the text, widened to whole lines when only a Markdown
    table's outer pipes and spaces lie between (the grid replaces them too)."""
    text = report.text
    out = []
    for t in report.tables:
        a = text.rfind("\n", 0, t.start) + 1
        b = text.find("\n", t.end)
        b = len(text) if b < 0 else b
        out.append(
            (
                a if not text[a : t.start].strip(" |\t") else t.start,
                b if not text[t.end : b].strip(" |\t") else t.end,
            )
        )
    return out


def _widths(table: Table, width: int) -> list[int]:
    """Column widths that fit `width`: numbers are never cut; the widest columns give way first,
    header text wraps and long row labels are cut."""
    n = table.n_cols
    body = [1] * n
    floor = [1] * n
    header = [1] * n
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell.col != c or cell.colspan != 1:
                continue
            shown = _shown(cell)
            if r < len(table.header):
                header[c] = max(header[c], min(len(shown), MAX_HEADER))
            else:
                body[c] = max(body[c], len(shown))
                if cell.numeric:
                    floor[c] = max(floor[c], len(shown))
    widths = [max(b, h) for b, h in zip(body, header, strict=True)]
    floor = [max(f, min(b, MIN_LABEL if f == 1 else MIN_COLUMN)) for f, b in zip(floor, body, strict=True)]
    room = width - len(SEPARATOR) * (n - 1)
    while sum(widths) > room:
        c = max(range(n), key=lambda k: widths[k] - floor[k])
        if widths[c] <= floor[c]:
            break
        widths[c] -= 1
    return widths


def _shown(cell: Cell) -> str:
    return printable(" ".join(cell.text.split()))


def _grid(
    source: str,
    table: Table,
    styled: Sequence[tuple[int, int, str]],
    styles: Mapping[str, Style],
    rank: Mapping[str, int],
    width: int,
    header_style: Style | None,
) -> Grid:
    widths = _widths(table, width)
    text = Text(end="")
    marks: list[tuple[int, int]] = []
    seen: set[int] = set()
    n_header = len(table.header)
    for r, row in enumerate(table.rows):
        if r:
            text.append("\n")
        if r < n_header:
            _header_row(text, table, row, r, widths, header_style)
            seen.update(id(cell) for cell in row)
            if r == n_header - 1:
                text.append("\n" + "─" * (sum(widths) + len(SEPARATOR) * (table.n_cols - 1)))
            continue
        c = 0
        while c < table.n_cols:
            cell = row[c]
            span = sum(widths[c : c + cell.colspan]) + len(SEPARATOR) * (cell.colspan - 1)
            if c:
                text.append(SEPARATOR)
            own = id(cell) not in seen and cell.row == r  # a merged cell is drawn where it starts
            seen.add(id(cell))
            shown = _shown(cell) if own else ""
            piece = _fit(shown, span, right=r >= n_header and own and cell.numeric)
            pad = len(piece) - len(piece.lstrip(" ")) if shown else 0
            at = len(text)
            text.append(piece, header_style if r < n_header else None)
            if own and shown and cell.end > cell.start:
                marks.append((cell.start, at + pad))
                if shown == source[cell.start : cell.end]:  # drawn as written: styles line up
                    _style_cell(text, cell, at + pad, len(piece) - pad, styled, styles, rank)
            c += cell.colspan
    return Grid(table.end, text, tuple(sorted(marks)))


def _header_row(
    text: Text, table: Table, row: tuple[Cell, ...], r: int, widths: list[int], style: Style | None
) -> None:
    """A header row, each cell's words wrapped in its column (a merged cell over its columns)."""
    cells: list[tuple[int, list[str]]] = []  # (width, wrapped lines) per drawn cell
    c = 0
    while c < table.n_cols:
        cell = row[c]
        span = sum(widths[c : c + cell.colspan]) + len(SEPARATOR) * (cell.colspan - 1)
        shown = _shown(cell) if cell.row == r else ""
        cells.append((span, textwrap.wrap(shown, span) or [""]))
        c += cell.colspan
    height = max(len(lines) for _, lines in cells)
    for k in range(height):
        if k:
            text.append("\n")
        for i, (span, lines) in enumerate(cells):
            if i:
                text.append(SEPARATOR)
            text.append(_fit(lines[k] if k < len(lines) else "", span, right=False), style)


def _fit(shown: str, span: int, right: bool) -> str:
    if len(shown) > span:
        shown = shown[: max(0, span - 1)] + "…"
    return shown.rjust(span) if right else shown.ljust(span)


def _style_cell(
    text: Text,
    cell: Cell,
    at: int,
    room: int,
    styled: Sequence[tuple[int, int, str]],
    styles: Mapping[str, Style],
    rank: Mapping[str, int],
) -> None:
    """Figures, hits and the selection inside a cell, styled where the cell is drawn."""
    inside = [(a, b, c) for a, b, c in styled if a < cell.end and b > cell.start]
    for a, b, c in sorted(inside, key=lambda item: rank.get(item[2], 0)):
        lo, hi = max(a, cell.start) - cell.start, min(b, cell.end) - cell.start
        lo, hi = min(lo, room), min(hi, room)
        if hi > lo:
            text.stylize(styles[c], at + lo, at + hi)
