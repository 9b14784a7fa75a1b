"""Tables written in text: Markdown pipe tables and tables aligned with spaces (statistics offices'
.txt releases, and a PDF page's layout text).

Both give a grid of RawCells whose spans index the text they were found in, and the lines above
the table (caption, unit line). An aligned table's columns are the runs of blank character
positions shared by all its value rows (each value row ends in a number); header rows above them
and word rows among them put each chunk of text in the column it overlaps most.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportview.core.tables import RawCell, is_numeric_cell

# Cells of an aligned table are parted by two spaces or more (or a tab); one space is inside a cell.
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A line that may be a value row: a number after a gap of two spaces or a tab, at the line's end.
_MAYBE_VALUE_ROW = re.compile(r"\S(?: {2,}|\t)[ \t]*[(\-–−+]?\d[\d.,]*\)?[ \t]*%?[ \t]*$", re.M)
_CHUNK = re.compile(r"\S+(?: \S+)*")
_PIPE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
# Markdown emphasis and heading marks around a caption or unit line.
_EMPHASIS = "*_#"
# How far above a table its caption and unit line may stand (lines, blank ones included).
ABOVE_LINES = 4
# An aligned table has at least this many value rows, and at most this many header rows.
MIN_VALUE_ROWS = 2
MAX_HEADER_ROWS = 3
# How many lines above the first value row the header is looked for (blank ones included).
MAX_HEADER_SCAN = 6


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table found in text: its grid, its line span, the lines above it, the header rows it says."""

    grid: tuple[tuple[RawCell, ...], ...]
    start: int
    end: int
    above: tuple[tuple[str, int, int], ...]
    header_rows: int | None
    kind: str


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def find_tables(text: str) -> list[TextTable]:
    """Pipe tables and aligned tables of `text`, in text order (a line is in one table at most)."""
    if "|" not in text and (("  " not in text and "\t" not in text) or not _MAYBE_VALUE_ROW.search(text)):
        return []  # the common case, decided in one pass: no pipe, no line ending in a number after a gap
    lines = _lines(text)
    found = list(_pipe_tables(text, lines))
    used = {i for t, first, last in found for i in range(first, last + 1)}
    found += [t for t in _aligned_tables(text, lines, used)]
    found.sort(key=lambda item: item[1])
    return [t for t, _, _ in found]


def _above(
    text: str, lines: list[tuple[int, int]], first: int, stop: int
) -> tuple[tuple[str, int, int], ...]:
    """Non-blank lines within ABOVE_LINES above line `first` (not above line `stop`), nearest last."""
    out = []
    for i in range(first - 1, max(stop, first - 1 - ABOVE_LINES), -1):
        s, e = lines[i]
        raw = text[s:e]
        line = raw.strip().strip(_EMPHASIS).strip()  # `**Bảng 1. ...**`, `*Đơn vị: tỷ đồng*`
        if line:
            lead = raw.index(line)
            out.append((line, s + lead, s + lead + len(line)))
    return tuple(reversed(out))


# --- Markdown pipe tables -----------------------------------------------------------------------


def _pipe_cells(text: str, s: int, e: int) -> list[RawCell]:
    """The cells of one pipe row, each span the cell's text without its padding."""
    line = text[s:e]
    bounds = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    stripped = line.strip()
    edges = [-1, *bounds, len(line)]
    cells = []
    for a, b in itertools.pairwise(edges):
        piece = line[a + 1 : b]
        if not piece.strip() and (
            (a == -1 and stripped.startswith("|")) or (b == len(line) and stripped.endswith("|"))
        ):
            continue  # the outer pipes' empty sides
        lead = len(piece) - len(piece.lstrip())
        value = piece.strip()
        start = s + a + 1 + lead
        cells.append(RawCell(value, start, start + len(value)) if value else RawCell("", -1, -1))
    return cells


def _pipe_tables(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[TextTable, int, int]]:
    i = 0
    while i < len(lines) - 1:
        s, e = lines[i]
        ds, de = lines[i + 1]
        if "|" not in text[s:e] or not _PIPE_DELIMITER.match(text[ds:de]):
            i += 1
            continue
        rows = [_pipe_cells(text, s, e)]
        j = i + 2
        while (
            j < len(lines)
            and "|" in text[lines[j][0] : lines[j][1]]
            and text[lines[j][0] : lines[j][1]].strip()
        ):
            rows.append(_pipe_cells(text, *lines[j]))
            j += 1
        yield (
            TextTable(
                tuple(tuple(r) for r in rows), s, lines[j - 1][1], _above(text, lines, i, 0), -1, "markdown"
            ),
            i,
            j - 1,
        )
        i = j


# --- tables aligned with spaces -----------------------------------------------------------------


def _chunks(line: str) -> list[tuple[int, int]]:
    """Stretches of a line parted by gaps of two spaces or more, or by a tab."""
    return [m.span() for m in _CHUNK.finditer(line)]


def _value_row(line: str) -> bool:
    """A row of an aligned table with values: two chunks or more, the last one a number."""
    chunks = _chunks(line)
    return len(chunks) >= 2 and is_numeric_cell(line[chunks[-1][0] : chunks[-1][1]])


def _year_row(line: str) -> bool:
    """A header of years (`2019  2020  2021`, `Tháng  2019  2020`): every chunk after the first a year."""
    chunks = _chunks(line)
    return all(_YEAR.match(line[a:b]) for a, b in chunks[1:]) and (
        bool(_YEAR.match(line[chunks[0][0] : chunks[0][1]])) or len(chunks) > 2
    )


def _columns(rows: list[str]) -> list[tuple[int, int]]:
    """Column stretches: between runs of positions that every row leaves in a gap (two spaces or
    more, or before or past its text). A position counts as gap only inside a row's wide gap, so
    the one space between words never parts a column, while rows aligned one place apart (a
    hand-typed release) still share one position of gap."""
    width = max(len(r) for r in rows)
    gap = [True] * width
    for r in rows:
        inside = [False] * width
        for a, b in _chunks(r):
            for x in range(a, b):
                inside[x] = True
        for x in range(width):
            if inside[x]:
                gap[x] = False
    cols: list[tuple[int, int]] = []
    start = None
    for x in range(width + 1):
        if x < width and not gap[x]:
            if start is None:
                start = x
        elif start is not None:
            cols.append((start, x))
            start = None
    return cols


def _place(line: str, s: int, cols: list[tuple[int, int]], header: bool = False) -> list[RawCell]:
    """A row's cells: each chunk of the line goes to the column it overlaps most; a header line
    with one chunk per column (or per column after the first) names them in order, wherever its
    words stand (left-aligned headers over right-aligned numbers overlap no number)."""
    parts: list[list[tuple[int, int]]] = [[] for _ in cols]
    chunks = _chunks(line)
    if header and chunks and len(chunks) in (len(cols), len(cols) - 1):
        skip = len(cols) - len(chunks)
        if not skip or chunks[0][0] >= cols[0][1]:
            for k, chunk in enumerate(chunks, start=skip):
                parts[k].append(chunk)
            chunks = []
    if header:
        # A header chunk belongs to the column whose stretch from the previous column's end to its
        # own end holds its first character (left, centred or right aligned alike).
        ends = [e for _, e in cols]
        for a, b in chunks:
            parts[min(bisect.bisect_left(ends, a + 1), len(cols) - 1)].append((a, b))
        chunks = []
    for a, b in chunks:
        # The share of each column the chunk covers (a wide header covers several: the first wins);
        # a chunk over no column (a centred header beside right-aligned numbers) goes to the nearest.
        def fit(k: int, a: int = a, b: int = b) -> tuple[int, float, int]:
            overlap = min(b, cols[k][1]) - max(a, cols[k][0])
            if overlap > 0:
                return (1, overlap / (cols[k][1] - cols[k][0]), -k)
            return (0, float(overlap), -k)

        best = max(range(len(cols)), key=fit)
        parts[best].append((a, b))
    out = []
    for spans in parts:
        if spans:
            a, b = spans[0][0], spans[-1][1]
            out.append(RawCell(line[a:b], s + a, s + b))
        else:
            out.append(RawCell("", -1, -1))
    return out


def _aligned_tables(
    text: str, lines: list[tuple[int, int]], used: set[int]
) -> Iterator[tuple[TextTable, int, int]]:
    n = len(lines)

    def line(k: int) -> str:
        return text[lines[k][0] : lines[k][1]]

    i = 0
    last_end = 0
    while i < n:
        if i in used or not _value_row(line(i)):
            i += 1
            continue
        # Value rows and word rows among them (`Trong đó:`); a blank line between two rows is kept
        # when a value row follows it (yearbooks space their rows), two end the table.
        j = last_value = i
        while True:
            k = j + 1
            if k < n and not line(k).strip():
                k += 1
                if k >= n or not _value_row(line(k)):
                    break
            if k >= n or k in used or not line(k).strip():
                break
            j = k
            if _value_row(line(j)):
                last_value = j
        # A row of years alone is a header (`2019    2020    2021`), not values.
        values = [k for k in range(i, last_value + 1) if _value_row(line(k)) and not _year_row(line(k))]
        if len(values) < MIN_VALUE_ROWS:
            i = last_value + 1
            continue
        h = _header_start(line, i, max(last_end, 0), used)
        kept = [k for k in range(h, last_value + 1) if line(k).strip()]
        tabbed = all("\t" in line(k).strip() for k in values)
        cols = _columns([line(k) for k in values]) if not tabbed else [(0, 0), (0, 0)]
        if len(cols) >= 2:
            if tabbed:  # tab-separated: tabs part the cells, whatever width they show at
                grid = _tab_grid(text, lines, kept)
            else:
                # The line after the last value row may end its wrapped label (`Cửu Long`).
                tail = last_value + 1
                has_tail = tail < n and tail not in used and len(_chunks(line(tail))) == 1
                rows = [*kept, tail] if has_tail else kept
                grid = tuple(tuple(_place(line(k), lines[k][0], cols, header=k < values[0])) for k in rows)
                joined = _join_wrapped_labels(grid, _header_rows(grid, sum(1 for k in kept if k < values[0])))
                if has_tail and len(joined) == len(grid):
                    joined = joined[:-1]  # the line was no part of the table
                elif has_tail:
                    last_value = tail
                grid = joined
            first_cell = min(c.start for c in grid[0] if c.end > c.start)
            yield (
                TextTable(
                    grid, first_cell, lines[last_value][1], _above(text, lines, h, last_end), None, "text"
                ),
                h,
                last_value,
            )
            last_end = last_value + 1
        i = last_value + 1


def _header_rows(grid: tuple[tuple[RawCell, ...], ...], above: int) -> int:
    """Rows above the first value row, less the lines of one cell of words right above it (the
    first line of a wrapped label, or a section row)."""
    while above and sum(1 for c in grid[above - 1] if c.text) == 1:
        above -= 1
    return above


def _join_wrapped_labels(
    grid: tuple[tuple[RawCell, ...], ...], header: int
) -> tuple[tuple[RawCell, ...], ...]:
    """A value row with no label between two lines of words (a label wrapped in its cell, the
    values centred beside it) takes them as its label: `Tổng thu ngân sách nhà` / `235  24` /
    `nước trên địa bàn` is one row."""
    rows = list(grid)
    used: set[int] = set()

    def words_only(i: int) -> int | None:
        """The column of a row's one cell of words, if that is all the row holds."""
        filled = [c for c, cell in enumerate(rows[i]) if cell.text]
        if len(filled) == 1 and not is_numeric_cell(rows[i][filled[0]].text):
            return filled[0]
        return None

    def empty_label_value_row(i: int, col: int) -> bool:
        if not header <= i < len(rows) or words_only(i) is not None:
            return False
        return any(c.text for c in rows[i]) and not rows[i][col].text

    for i in range(header, len(rows)):
        if words_only(i) is not None or not any(c.text for c in rows[i]):
            continue
        parts = []
        for j in (i - 1, i + 1):
            if j < header or j >= len(rows) or j in used or (col := words_only(j)) is None:
                continue
            if j == i + 1 and empty_label_value_row(i + 2, col):
                continue  # the next row's first line, not this one's last
            if rows[i][col].text:
                continue
            parts.append((j, col))
        if not parts or len({col for _, col in parts}) != 1:
            continue
        col = parts[0][1]
        cells = [rows[j][col] for j, _ in parts]
        label = RawCell(" ".join(c.text for c in cells), cells[0].start, cells[-1].end)
        rows[i] = tuple(label if c == col else cell for c, cell in enumerate(rows[i]))
        used.update(j for j, _ in parts)
    return tuple(r for i, r in enumerate(rows) if i not in used)


def _tab_grid(text: str, lines: list[tuple[int, int]], kept: list[int]) -> tuple[tuple[RawCell, ...], ...]:
    """The rows of a tab-separated table: one cell between two tabs."""
    rows = []
    for k in kept:
        s, e = lines[k]
        cells = []
        pos = s
        for field in text[s:e].split("\t"):
            value = field.strip()
            lead = len(field) - len(field.lstrip())
            start = pos + lead
            cells.append(RawCell(value, start, start + len(value)) if value else RawCell("", -1, -1))
            pos += len(field) + 1
        rows.append(tuple(cells))
    return tuple(rows)


def _header_start(line, first: int, stop: int, used: set[int]) -> int:
    """The first line of an aligned table's header: lines of two chunks or more above its first
    value row, across blank lines and one word line under the header (`Tháng trước = 100`)."""
    start, found, word_lines = first, 0, 0
    k = first - 1
    while k >= stop and k not in used and first - k <= MAX_HEADER_SCAN:
        row = line(k)
        if not row.strip():
            k -= 1
            continue
        if len(_chunks(row)) >= 2:
            start, found = k, found + 1
            if found >= MAX_HEADER_ROWS:
                break
        elif found == 0 and word_lines == 0:
            word_lines += 1
        else:
            break
        k -= 1
    return start
