"""Search: the `/` field and the results list (report, section, snippet with the hit marked)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from reportview.core.model import Report
from reportview.core.textsafe import one_line, printable
from reportview.ui import actions
from reportview.ui.widgets.line_list import LineList
from reportview.ui.widgets.report_list import elide_middle, report_label


class SearchInput(Input):
    """The query field; up/down move through the results while typing."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("search")  # type: ignore[assignment]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='search: words, "exact phrase", kind:money, in:titles', id=id)

    def _watch_value(self, value: str) -> None:
        # Input sets its virtual size (the text's width, for scrolling sideways) on every key,
        # and a new virtual size asks for a layout of the whole screen. The field's size is set
        # by the grid (it has no scrollbars), so the new width is stored without one: Input's
        # own assignment then finds it unchanged. Only the field is repainted per key.
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)


# Where a hit's words were found, as the results list says it.
HIT_PLACES = {
    "report_title": "in the report's title",
    "section_title": "in the item's title",
    "text": "in the text",
    "figure": "by a figure",
    "label": "in a figure's label",
}


class ResultList(LineList):
    """Search results, best first; two lines each."""

    row_height = 2

    empty_text = "Type to search titles, text and figure labels."

    def __init__(self, reports: Sequence[Report], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reports = reports
        self.hits: list[Any] = []
        self.border_title = "Results"

    def show(
        self, hits: Sequence[Any], empty_text: str, partial: bool = False, limit: int = 0, note: str = ""
    ) -> None:
        """`partial`: the corpus is still loading (more may come); `limit`: the most shown;
        `note`: what the search says about the query (a filter that names nothing)."""
        self.hits = list(hits)
        self.empty_text = empty_text
        n = len(self.hits)
        total = getattr(hits, "total", None)  # how many matched in all, when the engine says
        count = f"{n} of {total:,}" if total is not None and total > n else f"{n}"
        if total is None and limit and n >= limit:
            count = f"the best {n}; there may be more"
        self.border_title = (
            f"Results ({count})"
            + (" · partial: still loading" if partial else "")
            + (f" · {note}" if note and n else "")
        )
        self.reset(0)

    def row_count(self) -> int:
        return len(self.hits)

    def row_text(self, index: int, width: int) -> Text:
        first, second = self.row_lines(index, width)
        return Text.assemble(first, " ", second)

    def row_lines(self, index: int, width: int) -> list[Text]:
        """Line 1: the report (what tells it apart, cut in the middle), the item, the date;
        line 2: where the words were found, in words, and the snippet with them marked."""
        hit = self.hits[index]
        report = self.reports[hit.report_index] if 0 <= hit.report_index < len(self.reports) else None
        name = report_label(report) if report else one_line(hit.doc)
        where = f" · item {hit.section}" if hit.section is not None else ""
        date = f"  {report.date}" if report is not None and report.date else ""
        room = max(8, width - len(where) - len(date))
        first = Text(elide_middle(name, room), style="bold")
        first.append(where, style="bold")
        if date:
            first.append(" " * max(0, width - first.cell_len - len(date)) + date, style="dim")
        second = Text(f"{HIT_PLACES.get(hit.kind, hit.kind)}: ", style="dim")
        snippet = hit.snippet
        # Mark the matched words in the snippet (bold underline: not colour alone).
        pos = 0
        for a, b in sorted(hit.snippet_matches):
            if a < pos or b <= a:
                continue
            second.append(_flat(snippet[pos:a]))
            second.append(_flat(snippet[a:b]), style="bold underline")
            pos = b
        second.append(_flat(snippet[pos:]))
        return [first, second]


def _flat(piece: str) -> str:
    """A piece of a snippet, control characters made visible (the engine's snippets are one line
    already; one_line would strip the spaces at the pieces' edges)."""
    return printable(piece, keep_newlines=False)
