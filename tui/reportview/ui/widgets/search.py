"""Search: the `/` field and the results list (report, section, snippet with the hit marked)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Input

from reportview.core.model import Report
from reportview.core.textsafe import one_line, printable
from reportview.ui import actions
from reportview.ui.widgets.line_list import LineList


class SearchInput(Input):
    """The query field; up/down move through the results while typing."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("search")  # type: ignore[assignment]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='search: words, "exact phrase", kind:money, in:titles', id=id)


class ResultList(LineList):
    """Search results, best first."""

    empty_text = "Type to search titles, text and figure labels."

    def __init__(self, reports: Sequence[Report], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reports = reports
        self.hits: list[Any] = []
        self.border_title = "Results"

    def show(self, hits: Sequence[Any], empty_text: str) -> None:
        self.hits = list(hits)
        self.empty_text = empty_text
        self.border_title = f"Results ({len(self.hits)})"
        self.reset(0)

    def row_count(self) -> int:
        return len(self.hits)

    def row_text(self, index: int, width: int) -> Text:
        hit = self.hits[index]
        text = Text()
        report = self.reports[hit.report_index] if 0 <= hit.report_index < len(self.reports) else None
        name = one_line(report.display_title) if report else one_line(hit.doc)
        if len(name) > 20:
            name = name[:19] + "…"
        text.append(name, style="bold")
        if hit.section is not None:
            text.append(f" §{hit.section}", style="bold")
        text.append(f" [{hit.kind}] ", style="dim")
        snippet = hit.snippet
        # Mark the matched words in the snippet (bold underline: not colour alone).
        pos = 0
        for a, b in sorted(hit.snippet_matches):
            if a < pos or b <= a:
                continue
            text.append(_flat(snippet[pos:a]))
            text.append(_flat(snippet[a:b]), style="bold underline")
            pos = b
        text.append(_flat(snippet[pos:]))
        return text


def _flat(piece: str) -> str:
    """A piece of a snippet, control characters made visible (the engine's snippets are one line
    already; one_line would strip the spaces at the pieces' edges)."""
    return printable(piece, keep_newlines=False)
