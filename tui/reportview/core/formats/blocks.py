"""Blocks to text: the readers of HTML, DOCX and PDF write paragraphs and table rows as blocks,
and this joins them into the text, recording where each table cell landed.

A table row is written as its non-empty cells joined by " | " (one line per row), so a table reads
as text too; the cells' spans in that text make the Table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportview.core.tables import RawCell, Table, build_table

CELL_SEPARATOR = " | "
# How many paragraphs above a table may hold its caption and unit line.
ABOVE_BLOCKS = 3


@dataclass(eq=False, slots=True)
class Slot:
    """A cell while a reader writes it; a merged cell is one Slot at every grid position it covers."""

    text: str
    start: int = -1
    end: int = -1


@dataclass(eq=False, slots=True)
class TableBlock:
    """A table being written: its grid of Slots (merged cells shared) and the rows to write."""

    grid: list[list[Slot]] = field(default_factory=list)
    # Each row's own cells in order (a merged cell is written in the first row it covers only).
    written: list[list[Slot]] = field(default_factory=list)
    source: str = "html"

    def add_row(self, grid_row: list[Slot], own: list[Slot]) -> None:
        self.grid.append(grid_row)
        self.written.append(own)


def assemble(blocks: list[str | TableBlock], separator: str) -> tuple[str, tuple[Table, ...]]:
    """The text of `blocks` joined by `separator` (empty blocks left out), and the tables in it."""
    parts: list[str] = []
    pos = 0
    tables: list[Table] = []
    above: list[tuple[str, int, int]] = []

    def put(text: str) -> int:
        nonlocal pos
        if parts:
            parts.append(separator)
            pos += len(separator)
        start = pos
        parts.append(text)
        pos += len(text)
        return start

    for block in blocks:
        if isinstance(block, str):
            if block:
                start = put(block)
                above.append((block, start, start + len(block)))
                del above[:-ABOVE_BLOCKS]
            continue
        for own in block.written:
            cells = [s for s in own if s.text]
            if not cells:
                continue
            row_start = put(CELL_SEPARATOR.join(s.text for s in cells))
            offset = row_start
            for s in cells:
                s.start, s.end = offset, offset + len(s.text)
                offset = s.end + len(CELL_SEPARATOR)
        raw: dict[int, RawCell] = {}
        grid = [
            [raw.setdefault(id(s), RawCell(s.text, s.start, s.end) if s.start >= 0 else RawCell("", -1, -1))
             for s in row]
            for row in block.grid
        ]  # fmt: skip
        table = build_table(grid, len(tables), above, source=block.source)
        if table is not None:
            tables.append(table)
        above = []
    text = "".join(parts)
    return text, tuple(tables)
