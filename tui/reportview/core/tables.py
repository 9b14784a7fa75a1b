"""The table model: what a format's reader found in a table, cell by cell, with spans in the text.

Readers give a grid of raw cells (text and span, merged cells already spread over every grid
position they cover); `build_table` decides the header rows, the caption and the unit line the
same way for every format, so that one table gives one Table whatever file it came in.
All offsets are Python ``str`` indices into the decoded text of the report (``Report.text``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportview.core import lexicon as lx
from reportview.core.model import Cell, Table

__all__ = [
    "Cell",
    "RawCell",
    "Table",
    "build_table",
    "decode_tables",
    "encode_tables",
    "fold",
    "is_numeric_cell",
]


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as a reader sees it, before the table is built: text and span (None: empty)."""

    text: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower-case NFC with single spaces: how the lexicon's table words are compared."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


_NUMERIC_CELL = re.compile(r"^[(\-–−+]?\s*\d[\d.,]*\s*\)?\s*%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def is_numeric_cell(text: str) -> bool:
    """A cell holding a number alone (`12.500`, `(2,228)`, `-3,5`, `105%`)."""
    return bool(_NUMERIC_CELL.match(text.strip()))


def _is_header_row(cells: Sequence[RawCell]) -> bool:
    """A row of words: no value cell other than a year or an STT number in the first column."""
    texts = [c.text.strip() for c in cells]
    values = [t for i, t in enumerate(texts) if i > 0 and t and is_numeric_cell(t)]
    if any(not _YEAR.match(t) for t in values):
        return False
    return any(t and not is_numeric_cell(t) for t in texts) or bool(values)


# A cell this long is prose laid out in a table (old page layouts), not a table's cell.
MAX_CELL_CHARS = 200


def _holds_data(body: Sequence[Sequence[RawCell]]) -> bool:
    """A data table: some body cell after the first column is a number, and no cell is prose."""
    if any(len(c.text) > MAX_CELL_CHARS for row in body for c in row):
        return False
    return any(is_numeric_cell(c.text) for row in body for c in row[1:])


def _numeric(text: str) -> bool:
    """Whether a cell's text, as shown (white space folded), reads as a number."""
    return is_numeric_cell(" ".join(text.split()))


def _span_of(row: Sequence[RawCell], r: int) -> list[Cell]:
    """Cells of one grid row: positions sharing one RawCell object form one merged cell."""
    out: list[Cell] = []
    for c, raw in enumerate(row):
        if c and row[c - 1] is raw:
            out.append(out[-1])
            continue
        width = 1
        while c + width < len(row) and row[c + width] is raw:
            width += 1
        out.append(Cell(raw.start, raw.end, raw.text, r, c, 1, width, _numeric(raw.text)))
    return out


def _resolve(grid: Sequence[Sequence[RawCell]]) -> list[list[Cell]]:
    """Cells for a grid of RawCells, merged cells (the same object in several places) resolved."""
    rows = [_span_of(row, r) for r, row in enumerate(grid)]
    done: dict[int, Cell] = {}
    for r, row in enumerate(grid):
        for c, raw in enumerate(row):
            key = id(raw)
            if key in done:
                rows[r][c] = done[key]
                continue
            height = 1
            while r + height < len(grid) and c < len(grid[r + height]) and grid[r + height][c] is raw:
                height += 1
            cell = rows[r][c]
            if height > 1 and cell.rowspan != height:
                cell = Cell(cell.start, cell.end, cell.text, r, cell.col, height, cell.colspan, cell.numeric)
                for cc in range(c, c + cell.colspan):
                    rows[r][cc] = cell
            done[key] = cell
    return rows


def _spread_headers(grid: list[list[RawCell]], header_rows: int) -> None:
    """A header cell over sub-headers, written once with empty cells after it (text, Markdown, a
    PDF without rules), spans them: `Phân theo giới tính | (empty)` over `Nam | Nữ`."""
    if header_rows < 2:
        return
    last = grid[header_rows - 1]
    for r in range(header_rows - 1):
        row = grid[r]
        for c in range(1, len(row)):
            if not row[c].text and row[c - 1].text and last[c].text and last[c - 1].text:
                row[c] = row[c - 1]


# A caption is a title: this short at most, and no sentence (a paragraph above a table is prose,
# and its figures stay prose figures).
MAX_CAPTION_CHARS = 200


def _caption_like(text: str) -> bool:
    word, _, rest = fold(text).partition(" ")
    if word.rstrip(".:") in lx.TABLE_CAPTION_WORDS and rest[:1].isdigit():
        return True
    return len(text) <= MAX_CAPTION_CHARS and not text.rstrip("*_ ").endswith((".", ":", ";", "!", "?"))


def _unit_line(text: str) -> bool:
    head = fold(text)
    return head in lx.TABLE_UNIT_ALONE or any(head.startswith(w) for w in lx.TABLE_UNIT_LINE_WORDS)


def build_table(
    grid: Sequence[Sequence[RawCell]],
    index: int,
    above: Sequence[tuple[str, int, int]] = (),
    source: str = "text",
    header_rows: int | None = None,
) -> Table | None:
    """A Table from a reader's grid (rows padded to one width), or None when it is no data table.

    `above` are the lines just above the table, nearest last, as (text, start, end): the unit line
    (`Đơn vị: tỷ đồng`) and the caption are taken from them. Leading rows of words are the header;
    a negative `header_rows` is the least there is (a Markdown table's `|---|` line says one).
    """
    width = max((len(r) for r in grid), default=0)
    if width < 2 or len(grid) < 2:
        return None
    padded = [list(r) + [RawCell("", -1, -1) for _ in range(width - len(r))] for r in grid]
    if header_rows is None or header_rows < 0:
        floor = -(header_rows or 0) if header_rows is not None else 0
        header_rows = 0
        while header_rows < len(padded) - 1 and _is_header_row(padded[header_rows]):
            header_rows += 1
        header_rows = max(header_rows, floor)
    if not _holds_data(padded[header_rows:]):
        return None
    _spread_headers(padded, header_rows)
    cells = _resolve(padded)
    for row in cells:
        for i, cell in enumerate(row):
            if cell.start < 0:  # an empty cell sits at the table's start with no width
                row[i] = Cell(grid_start(padded), grid_start(padded), "", cell.row, cell.col)
    caption = unit = None
    caption_span = unit_span = None
    for text, s, e in reversed(above):
        stripped = text.strip()
        if not stripped:
            continue
        if unit is None and _unit_line(stripped):
            unit, unit_span = stripped, (s, e)
        elif caption is None:
            if _caption_like(stripped):
                caption, caption_span = stripped, (s, e)
            break  # the nearest line of words is the caption or there is none above
    if header_rows and width > 1 and cells[0][0].colspan == width and cells[0][0].text:
        caption, caption_span = cells[0][0].text, None  # a title row across the table names it
    starts = [c.start for row in cells for c in row if c.end > c.start]
    ends = [c.end for row in cells for c in row if c.end > c.start]
    if not starts:
        return None
    return Table(
        index=index,
        start=min(starts),
        end=max(ends),
        header=tuple(tuple(r) for r in cells[:header_rows]),
        body=tuple(tuple(r) for r in cells[header_rows:]),
        caption=caption,
        caption_span=caption_span,
        unit_line=unit,
        unit_span=unit_span,
        source=source,
    )


def grid_start(grid: Sequence[Sequence[RawCell]]) -> int:
    return min((c.start for row in grid for c in row if c.end > c.start), default=0)


# --- the cache's compact form -----------------------------------------------------------------


def encode_tables(tables: Sequence[Table]) -> list[object]:
    """Tables as JSON-able lists; each distinct cell once, grid positions as indices into them."""
    out: list[object] = []
    for t in tables:
        ids: dict[int, int] = {}
        cells: list[list[object]] = []
        grid: list[list[int]] = []
        for row in t.rows:
            line = []
            for cell in row:
                if id(cell) not in ids:
                    ids[id(cell)] = len(cells)
                    cells.append(
                        [
                            cell.start, cell.end, cell.text, cell.row, cell.col, cell.rowspan, cell.colspan,
                            cell.numeric,
                        ]
                    )  # fmt: skip
                line.append(ids[id(cell)])
            grid.append(line)
        out.append(
            [
                t.index,
                t.start,
                t.end,
                len(t.header),
                cells,
                grid,
                t.caption,
                list(t.caption_span) if t.caption_span else None,
                t.unit_line,
                list(t.unit_span) if t.unit_span else None,
                t.source,
            ]
        )
    return out


def decode_tables(data: Sequence[object] | None) -> tuple[Table, ...]:
    """The inverse of `encode_tables`."""
    out: list[Table] = []
    for item in data or ():
        index, start, end, n_header, cells, grid, caption, cspan, unit, uspan, source = item  # type: ignore[misc]
        objs = [Cell(*c) for c in cells]
        rows = tuple(tuple(objs[i] for i in line) for line in grid)
        out.append(
            Table(
                index,
                start,
                end,
                rows[:n_header],
                rows[n_header:],
                caption,
                tuple(cspan) if cspan else None,  # type: ignore[arg-type]
                unit,
                tuple(uspan) if uspan else None,  # type: ignore[arg-type]
                source,
            )
        )
    return tuple(out)
