"""The PDF reader (the `pdf` extra, pdfplumber): page text re-joined into paragraphs, and tables.

One PDF stack serves both jobs: pdfplumber finds ruled tables from the page's lines (merged cells
from the cells' boxes) and lays out the rest of the page as text, where tables without rules are
found by their aligned columns (formats/text_tables.py). Tables are written one row a line, cells
joined by " | ", between the paragraphs around them.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass

from reportview.core import lexicon as lx
from reportview.core.decoding import BinaryInputError
from reportview.core.formats.blocks import Slot, TableBlock, assemble
from reportview.core.formats.html import _clean
from reportview.core.formats.registry import Extracted, MissingExtraError, Reader
from reportview.core.formats.text_tables import find_tables
from reportview.core.tables import fold

# Ruled tables: cells from the drawn lines only (text alignment is left to text_tables).
_RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass(frozen=True, slots=True)
class _Lines:
    """A stretch of a page's layout text (lines, blank ones where the page leaves a gap)."""

    text: str


Segment = _Lines | TableBlock


def pdf_to_text(data: bytes) -> str:
    """Text of a PDF (see read_pdf)."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> Extracted:
    """Text and tables of a PDF's pages (needs the `pdf` extra)."""
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtraError("PDF needs the pdf extra: pip install 'reportview[pdf]'") from None
    # pdfminer reports damaged objects through logging; with no handler Python would print them.
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(_page_segments(page))
                page.close()  # drop the page's cached objects: a long PDF stays small in memory
    except BinaryInputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on broken or encrypted files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise BinaryInputError("encrypted PDF (a password is needed)") from None
        raise BinaryInputError(f"unreadable PDF: {name}") from None
    text, tables = assemble(_reflow(pages), "\n")
    return Extracted(text + "\n" if text else "", "pdf", (), tables)


# Words whose tops differ by less than this (points) stand on one line.
_LINE_TOLERANCE = 3.0
# Blank space between two lines higher than this many line heights parts two paragraphs (the
# space between the lines of one paragraph is about half a line or less).
_PARAGRAPH_GAP = 1.0
# Words further apart than this many word spaces stand in two columns (two spaces or more).
_COLUMN_GAP = 2.0


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _page_segments(page) -> list[Segment]:
    """The page top to bottom: text stretches and tables (ruled ones by their boxes)."""
    ruled = [t for t in page.find_tables(_RULED) if len(t.rows) >= 2 and len(t.columns) >= 2]
    words = [w for w in page.extract_words() if not any(_inside(w, t.bbox) for t in ruled)]
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    items: list[tuple[float, object]] = [(ln[0]["top"], ln) for ln in lines]
    items += [(t.bbox[1], t) for t in ruled]
    items.sort(key=lambda item: item[0])
    # A narrow character width, so that a line of narrow letters never runs into the next column's
    # place (columns are found where every row leaves blanks at the same character positions).
    widths = sorted((w["x1"] - w["x0"]) / len(w["text"]) for w in words if len(w["text"]) >= 3)
    char = widths[len(widths) // 10] if widths else 5.0
    gaps = [b["x0"] - a["x1"] for ln in lines for a, b in itertools.pairwise(ln) if b["x0"] > a["x1"]]
    space = statistics.median(gaps) if gaps else char / 2
    heights = [w["bottom"] - w["top"] for w in words]
    height = statistics.median(heights) if heights else 0.0
    out: list[Segment] = []
    run: list[str] = []
    last_bottom = None
    for top, item in items:
        if isinstance(item, list):
            if run and last_bottom is not None and top - last_bottom > _PARAGRAPH_GAP * height:
                run.append("")
            run.append(_laid_out(item, page.bbox[0], char, space))
            last_bottom = max(w["bottom"] for w in item)
            continue
        if run:
            out.extend(_text_segments("\n".join(run) + "\n"))
        run, last_bottom = [], None
        out.append(_ruled_block(item))
    if run:
        out.extend(_text_segments("\n".join(run) + "\n"))
    return out


def _laid_out(words: list[dict], left: float, char: float, space: float) -> str:
    """A line with each word near its place on the page, in character widths (so that columns of
    a table without rules line up as in a text file)."""
    out = ""
    right = None
    for w in sorted(words, key=lambda w: w["x0"]):
        col = round((w["x0"] - left) / char)
        if out:
            wide = right is not None and w["x0"] - right > _COLUMN_GAP * space
            out += " " * (max(2, col - len(out)) if wide else 1)
        else:
            out = " " * max(0, col)
        out += w["text"]
        right = w["x1"]
    return out


def _ruled_block(table) -> TableBlock:
    """A ruled table's grid: a merged cell's box covers several column and row edges."""
    texts = table.extract()
    col_edges = sorted({round(c[0], 1) for row in table.rows for c in row.cells if c is not None})
    row_edges = [round(row.bbox[1], 1) for row in table.rows]
    n_rows, n_cols = len(row_edges), len(col_edges)
    grid: list[list[Slot | None]] = [[None] * n_cols for _ in range(n_rows)]
    block = TableBlock(source="pdf")
    for r, row in enumerate(table.rows):
        own: list[Slot] = []
        for j, box in enumerate(row.cells):
            if box is None:
                continue
            slot = Slot(_clean(texts[r][j] or ""))
            c0 = bisect_right(col_edges, round(box[0], 1) + 0.05) - 1
            c1 = max(c0 + 1, bisect_right(col_edges, round(box[2], 1) - 0.05))
            r1 = max(r + 1, bisect_right(row_edges, round(box[3], 1) - 0.05))
            for rr in range(r, min(r1, n_rows)):
                for cc in range(c0, min(c1, n_cols)):
                    if grid[rr][cc] is None:
                        grid[rr][cc] = slot
            own.append(slot)
        block.written.append(own)
    block.grid = [[s if s is not None else Slot("") for s in row] for row in grid]
    return block


def _text_segments(text: str) -> list[Segment]:
    """Layout text cut around the tables aligned in it (no rules drawn)."""
    out: list[Segment] = []
    pos = 0
    for found in find_tables(text):
        line_start = text.rfind("\n", 0, found.start) + 1
        if line_start > pos:
            out.append(_Lines(text[pos:line_start]))
        block = TableBlock(source="pdf")
        slots: dict[int, Slot] = {}
        for row in found.grid:
            grid_row: list[Slot] = []
            own: list[Slot] = []
            for cell in row:
                if id(cell) not in slots:
                    slots[id(cell)] = Slot(_clean(cell.text))
                    own.append(slots[id(cell)])
                grid_row.append(slots[id(cell)])
            block.add_row(grid_row, own)
        out.append(block)
        pos = found.end
    if pos < len(text):
        out.append(_Lines(text[pos:]))
    return out


_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang|page)?\s*\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[IVXLC]{1,6}[.)]|[a-zđ][.)]|[-–•*+])\s")
_SENTENCE_END = '.:;!?…"”’)'


def reflow_pdf_pages(pages: list[str]) -> str:
    """One paragraph per line from PDF page text (see _reflow), for pages without tables."""
    text, _ = assemble(_reflow([[_Lines(p)] for p in pages]), "\n")
    return text + "\n" if text else ""


def _reflow(pages: list[list[Segment]]) -> list[str | TableBlock]:
    """Paragraphs (and tables, where they stand) from PDF pages, whose lines break where the page
    was full.

    A line joins the next when it was full (at least 3/4 of the longest line) or stops mid-sentence
    before a lower-case word; before a list marker ("2. ", "- ") only when it was full and stops
    mid-sentence; across a page break not after a sentence end; never across a table. Page numbers
    alone on the first or last line of a page are dropped.
    """
    # Each page: a list of items, a line (str) or a table; page numbers trimmed at both ends.
    page_items: list[list[str | TableBlock]] = []
    for page in pages:
        items: list[str | TableBlock] = []
        for seg in page:
            if isinstance(seg, TableBlock):
                items.append(seg)
            else:
                items.extend(_clean(ln) for ln in seg.text.splitlines())
        while items and isinstance(items[0], str) and (not items[0] or _PAGE_NUMBER.match(items[0])):
            items.pop(0)
        while items and isinstance(items[-1], str) and (not items[-1] or _PAGE_NUMBER.match(items[-1])):
            items.pop()
        page_items.append(items)
    widths = sorted(len(ln) for items in page_items for ln in items if isinstance(ln, str) and ln)
    if not widths and not any(page_items):
        return []
    # The width of a full line: a high percentile, so one over-long line does not set it.
    full = 0.75 * widths[min(len(widths) - 1, int(len(widths) * 0.9))] if widths else 0
    blocks: list[str | TableBlock] = []
    current: list[str] = []
    last = ""
    for items in page_items:
        for i, line in enumerate(items):
            if isinstance(line, TableBlock) or not line:
                if current:
                    blocks.append(" ".join(current))
                current, last = [], ""
                if isinstance(line, TableBlock):
                    blocks.append(line)
                continue
            # Across a page break there is no gap to see: a full last line that ends a sentence
            # ends the paragraph unless the next page goes on in lower case.
            across = i == 0 and last[-1:] in tuple(_SENTENCE_END) and not line[0].islower()
            if current and not across and _continues(last, line, full):
                current.append(line)
            else:
                if current:
                    blocks.append(" ".join(current))
                current = [line]
            last = line
    if current:
        blocks.append(" ".join(current))
    return blocks


def _continues(prev: str, line: str, full: float) -> bool:
    if _starts_table_line(line):
        return False
    full_line = len(prev) >= full
    if _LIST_START.match(line):
        # "… chỉ là con số" / "0. Chỉ có …": a wrap before a number, not a list item, when the line
        # before is full and stops mid-sentence.
        return full_line and prev[-1] not in _SENTENCE_END
    if full_line:
        return True
    return prev[-1] not in _SENTENCE_END and line[0].islower()


def _starts_table_line(line: str) -> bool:
    """A table's caption (`Bảng 2. ...`) or unit line (`Đơn vị tính: %`): never the tail of a paragraph."""
    head = fold(line)
    if any(head.startswith(w) for w in lx.TABLE_UNIT_LINE_WORDS) or head in lx.TABLE_UNIT_ALONE:
        return True
    word, _, rest = head.partition(" ")
    return word in lx.TABLE_CAPTION_WORDS and rest[:1].isdigit()


READER = Reader("pdf", frozenset({".pdf"}), read_pdf, stores_text=True)
