"""A figure's detail view: everything the parse knows about it, and its sentence with it marked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from reportview.core.export import display_value, value_text
from reportview.core.model import Figure, Report
from reportview.core.sentences import sentence_span
from reportview.core.textsafe import one_line, printable
from reportview.ui.screens.scroll_modal import ScrollModal
from reportview.ui.widgets.figures_table import CHANGE_MARKS, QUALIFIER_MARKS

NONE = "—"


def detail_rows(report: Report, figure: Figure) -> list[tuple[str, str]]:
    """(field, value in words) for every attribute of `figure`."""

    def said(value: object) -> str:
        return NONE if value is None or value == "" else one_line(str(value))

    written = display_value(figure, report.convention)
    value = f"{value_text(figure.value)}  ({written} as the report writes numbers)"
    upper = NONE if figure.upper is None else value_text(figure.upper)
    qualifier = said(figure.qualifier)
    if figure.qualifier in QUALIFIER_MARKS:
        qualifier += f"  ({QUALIFIER_MARKS[figure.qualifier]})"
    change = said(figure.change)
    if figure.change in CHANGE_MARKS:
        change += f"  ({CHANGE_MARKS[figure.change]})"
    section = NONE
    if figure.section_index is not None and 0 <= figure.section_index < len(report.sections):
        s = report.sections[figure.section_index]
        head = f"item {s.number}" if s.number is not None else f"paragraph {s.index + 1}"
        section = f"{head}: {one_line(s.title)[:60]}"
    table = NONE
    if figure.table is not None:
        t = figure.table
        table = f"table {t.index + 1}, row {t.row + 1}, column {t.col + 1}"
    return [
        ("as written", one_line(figure.text)),
        ("value", value),
        ("kind", figure.kind),
        ("unit", said(figure.unit)),
        ("upper (range end)", upper),
        ("total", NONE if figure.total is None else value_text(figure.total)),
        ("qualifier", qualifier),
        ("change", change),
        ("base", said(figure.base)),
        ("period", said(figure.period or report.period)),
        ("place", said(figure.place or report.place)),
        ("label", said(figure.label)),
        ("section", section),
        ("table cell", table),
        ("offsets", f"{figure.start}-{figure.end} in {report.name}"),
    ]


def sentence_text(report: Report, figure: Figure) -> Text:
    """The figure's sentence, the figure in bold reverse (a mark that is not colour alone)."""
    lo, hi = 0, len(report.text)
    if figure.section_index is not None and 0 <= figure.section_index < len(report.sections):
        s = report.sections[figure.section_index]
        lo, hi = s.start, s.end
    a, b = sentence_span(report.text, figure.start, figure.end, lo, hi)
    text = Text()
    if a > lo:
        text.append("… ", style="dim")
    text.append(printable(report.text[a : figure.start], keep_newlines=False))
    text.append(printable(report.text[figure.start : figure.end], keep_newlines=False), style="bold reverse")
    text.append(printable(report.text[figure.end : b], keep_newlines=False))
    if b < hi:
        text.append(" …", style="dim")
    return text


class FigureScreen(ScrollModal):
    """Everything about one figure."""

    DEFAULT_CSS = """
    FigureScreen #figure-sentence { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,i", "dismiss", "Close")]

    def __init__(self, report: Report, figure: Figure) -> None:
        super().__init__()
        self.report = report
        self.figure = figure

    def frame_title(self) -> str:
        return f"Figure {one_line(self.figure.text)}"

    def body(self) -> Iterable[Widget]:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value")
        for field, value in detail_rows(self.report, self.figure):
            table.add_row(Text(field), Text(value))
        self.fields_table = table
        yield Static(table, id="figure-fields")
        yield Static(
            Text.assemble(("sentence: ", "bold"), sentence_text(self.report, self.figure)),
            id="figure-sentence",
        )
