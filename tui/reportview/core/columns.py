"""The figure columns: one registry that every copy and export reads (names, values, text, types).

JSON export keys, CSV/TSV/XLSX/Markdown headers, the app's clipboard rows (`Y`, `c`, `C`),
`reportview figures --format csv|tsv` and the `.sqlite` export's `figures` table all come from
`COLUMNS`, in its order. A value is what a program reads (a float, an int, a str or None); its text
is what a text cell holds (None is empty, numbers plainly: 39399400000000, 93.18).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportview.core.model import Figure, Report, Section

CLIP_MARK = "…"  # what outline.first_sentence appends to a title it clipped


def value_text(value: float) -> str:
    """A normalised value written plainly: 39399400000000 / 93.18 (no exponent, no trailing .0)."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def cell_text(value: object) -> str:
    """The text of a cell: empty for None, numbers plainly, whitespace runs as one space."""
    if value is None:
        return ""
    if isinstance(value, float):
        return value_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def section_title(report: Report, figure: Figure) -> str | None:
    """The title of the figure's section (see full_title)."""
    if figure.section_index is None or not (0 <= figure.section_index < len(report.sections)):
        return None
    return full_title(report, report.sections[figure.section_index])


def full_title(report: Report, section: Section) -> str:
    """A section's title for data: without the clip mark a lead's title gets in the outline."""
    title = section.title
    if title.endswith(CLIP_MARK):
        head = title[: -len(CLIP_MARK)]
        # Clipped by the outline (the source goes on), not a title that itself ends with "…".
        if title not in report.text[section.start : section.end]:
            return head.rstrip()
    return title


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name (header, JSON key, SQL column), how to get its value, its SQL type."""

    name: str
    get: Callable[[Report, Figure], object]
    sql: str  # "TEXT", "REAL" or "INTEGER": the SQLite type, and whether a spreadsheet cell is a number
    width: int  # the widest a spreadsheet column of it gets, in characters
    about: str  # one line for the README and --help

    @property
    def numeric(self) -> bool:
        return self.sql != "TEXT"

    def text(self, report: Report, figure: Figure) -> str:
        return cell_text(self.get(report, figure))


def _table(attr: str) -> Callable[[Report, Figure], object]:
    def get(report: Report, figure: Figure) -> object:
        return getattr(figure.table, attr) if figure.table is not None else None

    return get


# The order is the clipboard's: what a figure is (label, value, unit) first, where it is from last.
COLUMNS: tuple[Column, ...] = (
    Column("label", lambda r, f: f.label, "TEXT", 50, "what the figure measures"),
    Column("value", lambda r, f: f.value, "REAL", 18, "the normalised value (39.399,4 tỷ -> 39399400000000)"),
    Column("unit", lambda r, f: f.unit, "TEXT", 12, "the unit (VND, %, người, ha, ...)"),
    Column("text", lambda r, f: f.text, "TEXT", 24, "the figure as written in the report"),
    Column("kind", lambda r, f: f.kind, "TEXT", 8, "count, percent, money, ratio or measure"),
    Column("upper", lambda r, f: f.upper, "REAL", 14, "the high end of a range (8-9%: 9)"),
    Column("total", lambda r, f: f.total, "REAL", 14, "the whole of a ratio (3/5: 5)"),
    Column("qualifier", lambda r, f: f.qualifier, "TEXT", 9, "approx, over, under or at_least"),
    Column("change", lambda r, f: f.change, "TEXT", 7, "up or down"),
    Column("base", lambda r, f: f.base, "TEXT", 30, "what a change is measured against"),
    Column("period", lambda r, f: f.period, "TEXT", 10, "the time the figure refers to"),
    Column("place", lambda r, f: f.place, "TEXT", 20, "the place, when not the report's own"),
    Column("row_label", _table("row_label"), "TEXT", 30, "a table cell's row label"),
    Column("col_header", _table("col_header"), "TEXT", 20, "a table cell's column header"),
    Column("report", lambda r, f: r.display_title, "TEXT", 40, "the report's title"),
    Column("section", lambda r, f: f.section_number, "INTEGER", 8, "the section's number"),
    Column("section_title", section_title, "TEXT", 50, "the section's title"),
    Column("doc", lambda r, f: r.path, "TEXT", 40, "the report's file"),
    Column("start", lambda r, f: f.start, "INTEGER", 8, "offset of the figure in the decoded text"),
    Column("end", lambda r, f: f.end, "INTEGER", 8, "offset just after it"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def values(report: Report, figure: Figure) -> list[object]:
    """The figure's row, a value per column."""
    return [c.get(report, figure) for c in COLUMNS]


def texts(report: Report, figure: Figure) -> list[str]:
    """The figure's row, a text per column."""
    return [cell_text(c.get(report, figure)) for c in COLUMNS]


def record(report: Report, figure: Figure) -> dict[str, object]:
    """The figure's row keyed by column name (the JSON export's object)."""
    return {c.name: c.get(report, figure) for c in COLUMNS}
