"""The report model: frozen dataclasses that every layer passes around.

All offsets are Python ``str`` indices into ``Report.text``, the decoded source text
(BOM removed, newlines untouched, not normalised).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FigureKind = Literal["count", "percent", "money", "ratio", "measure"]
Change = Literal["up", "down"]
Qualifier = Literal["approx", "over", "under", "at_least"]


@dataclass(frozen=True, slots=True)
class Span:
    """A marked stretch of the source text, e.g. a line of page furniture."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text as written and its span in the text (start == end: an empty cell).

    A merged cell is one Cell object standing at every grid position it covers; `row`/`col` are
    its top-left position and `rowspan`/`colspan` its size. `numeric` is decided by the parse (the
    cell reads as a number): the reader right-aligns such cells and never cuts them.
    """

    start: int
    end: int
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table of a report: caption and unit line above it, header rows, body rows (a full grid)."""

    index: int
    start: int
    end: int
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    caption: str | None = None
    caption_span: tuple[int, int] | None = None
    unit_line: str | None = None
    unit_span: tuple[int, int] | None = None
    source: str = "text"

    @property
    def n_cols(self) -> int:
        rows = self.header or self.body
        return len(rows[0]) if rows else 0

    @property
    def rows(self) -> tuple[tuple[Cell, ...], ...]:
        return self.header + self.body

    def col_header(self, col: int) -> str:
        """The column's header: its distinct header cells top-down, joined by a space."""
        parts: list[str] = []
        for row in self.header:
            text = row[col].text.strip()
            # A title row across the whole table is its caption, no column's header.
            if text and text not in parts and row[col].colspan < self.n_cols:
                parts.append(text)
        return " ".join(parts)

    def spans(self) -> tuple[tuple[int, int], ...]:
        """The stretches of text that belong to the table (rows, caption, unit line): not prose."""
        out = [(self.start, self.end)]
        for span in (self.caption_span, self.unit_span):
            if span is not None:
                out.append(span)
        return tuple(sorted(out))


@dataclass(frozen=True, slots=True)
class Section:
    """A highlight item (numbered) or, in unnumbered reports, a paragraph or the lead."""

    index: int
    number: int | None
    # The title as UTF-8 (give a str: it is encoded). A Vietnamese title is a third smaller so
    # than as a str, which takes two bytes a character; 26k reports hold 370k titles.
    title_utf8: bytes
    start: int
    end: int
    body_start: int
    # Its figures are Report.figures[figure_start:figure_end] (figures come in text order).
    figure_start: int = 0
    figure_end: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.title_utf8, str):
            object.__setattr__(self, "title_utf8", self.title_utf8.encode("utf-8", "surrogatepass"))

    @property
    def title(self) -> str:
        return self.title_utf8.decode("utf-8", "surrogatepass")

    def as_json(self) -> dict[str, object]:
        return {"number": self.number, "title": self.title, "start": self.start, "end": self.end}


# The keys of `reportview figures --format jsonl`, in order (the product's contract); a figure read
# from a table cell adds "table" (TableRef.as_json) after them.
FIGURE_JSON_KEYS: tuple[str, ...] = (
    "doc", "section", "start", "end", "text", "value", "upper", "kind", "unit", "total", "qualifier",
    "change", "base", "period", "place", "label",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TableRef:
    """Where a figure read from a table cell sits: table `index` in the report, body `row`/`col`."""

    index: int
    row: int
    col: int
    row_label: str | None = None
    col_header: str | None = None
    caption: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "row": self.row,
            "col": self.col,
            "row_label": self.row_label,
            "col_header": self.col_header,
            "caption": self.caption,
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity stated in a report (rules: docs/figures.md)."""

    start: int
    end: int
    text: str
    value: float
    kind: FigureKind
    unit: str
    total: float | None = None
    qualifier: Qualifier | None = None
    change: Change | None = None
    base: str | None = None
    label: str | None = None
    section_index: int | None = None
    section_number: int | None = None
    # The high end of a range (`8-9%`: value 8, upper 9), normalised like value; None otherwise.
    upper: float | None = None
    # The time the figure refers to (`2021`, `2021-H1`, `2021-Q1`, `2021-9M`, `2021-03`, `2015-2020`).
    period: str | None = None
    # The place the figure is about when the sentence names another than the report's own.
    place: str | None = None
    table: TableRef | None = None

    def as_json(self, doc: str) -> dict[str, object]:
        out: dict[str, object] = {
            "doc": doc,
            "section": self.section_number,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "upper": self.upper,
            "kind": self.kind,
            "unit": self.unit,
            "total": self.total,
            "qualifier": self.qualifier,
            "change": self.change,
            "base": self.base,
            "period": self.period,
            "place": self.place,
            "label": self.label,
        }
        if self.table is not None:
            out["table"] = self.table.as_json()
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """One loaded report: its text, outline and figures."""

    path: str
    text: str
    encoding: str
    title: str | None
    date: str | None
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    furniture: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()
    body: tuple[int, int] = (0, 0)
    title_span: tuple[int, int] | None = None
    # Decided once in the parse and read by everyone after (display, exports, search):
    # the number convention ("vi": 39.399,4; "en": 39,399.4) and the language of the prose.
    convention: str = "vi"
    language: str = "vi"
    # The report's own place ("thành phố Bắc Ninh") and period ("2021", "2021-H1"), when stated.
    place: str | None = None
    period: str | None = None
    # The tables the format's reader found (cells' spans index `text`); their cells' figures are in
    # `figures` with a TableRef, and no cell is read again as prose.
    tables: tuple[Table, ...] = ()
    # Markdown headings and emphasis (reason "md-heading", "md-strong", "md-em"; "md-mark" for the
    # marks themselves), which the reader styles instead of showing `#` and `**`.
    markup: tuple[Span, ...] = ()
    # What a list row shows, decided by the parse: the title, else a readable fallback from the
    # lead (outline.fallback_title); None when neither (display_title then shows the file name).
    caption: str | None = None

    @property
    def name(self) -> str:
        """The file name, used where the full path is too long."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def display_title(self) -> str:
        """The caption the parse decided (headline or fallback from the lead), or the file name."""
        return self.caption or self.name

    def figures_in(self, section_index: int) -> tuple[Figure, ...]:
        """The figures of section `section_index`: a slice, decided by the parse."""
        s = self.sections[section_index]
        return self.figures[s.figure_start : s.figure_end]

    def outline_json(self) -> dict[str, object]:
        return {
            "doc": self.path,
            "title": self.title,
            "date": self.date,
            "place": self.place,
            "period": self.period,
            "sections": [s.as_json() for s in self.sections],
        }
